"""Clause snippets (mẫu câu): reusable standard wording, parameterised from the campaign.

A snippet is a small Jinja text file ``snippets/<name>.j2`` in a template folder. A
campaign file uses one as a body element::

    - mau_cau: ket_luan
      tham_so: {doi_tuong: "các cơ quan, đơn vị, địa phương"}

Snippets are found through Jinja's own loaders, in the lookup order of
:mod:`chithi_gen.lookup` (user folders first, then the bundled template folder), so an
organisation overrides a standard sentence by dropping a file of the same name in its
folder.

Every snippet sees ``ten_loai`` (the document's kind in normal case, "Chỉ thị"),
``co_quan`` (the issuing body's name), ``dia_danh``, ``nam`` and its ``tham_so``. It
renders in Jinja's sandbox with StrictUndefined: a parameter the campaign does not give
is an error naming it, and so is a parameter the snippet does not use (a misspelt
optional parameter would otherwise drop part of the sentence silently). The output is
plain text — it may use ``**đậm**`` and ``[[citations]]`` like any paragraph — and is
XML-escaped by the renderer like any text, so autoescape is off here.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta

from chithi_gen.errors import CampaignError, LayoutError
from chithi_gen.jinja import describe, environment, error_line
from chithi_gen.source import read_text

SUFFIX = ".j2"


class FolderLoader(jinja2.BaseLoader):
    """The snippets of a user's ``snippets/`` folder, each read as a regular UTF-8 file of
    at most ``limit`` bytes (never a FIFO, a device or ``/dev/zero``)."""

    def __init__(self, folder: Path, limit: int = 1_000_000) -> None:
        self.folder = folder
        self.limit = limit

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        if not template or any(c in template for c in "/\\\0") or template.startswith("."):
            raise jinja2.TemplateNotFound(template)
        path = self.folder / template
        if not os.path.lexists(path):
            raise jinja2.TemplateNotFound(template)
        return read_text(path, str(path), self.limit, LayoutError), str(path), lambda: True

    def list_templates(self) -> list[str]:
        try:
            return sorted(p.name for p in self.folder.iterdir() if p.name.endswith(SUFFIX))
        except OSError:
            return []


@dataclass(frozen=True)
class _Compiled:
    template: jinja2.Template
    params: frozenset[str]
    where: str


class Snippets:
    """The snippet library reachable through ``loader`` (see :mod:`chithi_gen.lookup`).

    Safe to share between threads: each snippet is compiled once, and its template and
    parameter names are published together.
    """

    def __init__(self, loader: jinja2.BaseLoader) -> None:
        self._env = environment(
            sandboxed=True, autoescape=False, loader=loader, trim_blocks=True, lstrip_blocks=True
        )
        self._compiled: dict[str, _Compiled] = {}
        self._lock = threading.Lock()

    def names(self) -> list[str]:
        """Every snippet name reachable."""
        return sorted(n[: -len(SUFFIX)] for n in self._env.list_templates() if n.endswith(SUFFIX))

    def where(self, name: str) -> str:
        """The file snippet ``name`` is read from."""
        return self._get(name).where

    def _unknown(self, name: str) -> CampaignError:
        known = ", ".join(self.names()) or "(không có)"
        return CampaignError.single(
            f"không có mẫu câu '{name}'; các mẫu câu hiện có: {known}",
            f"no snippet named '{name}'; available: {known}",
            code="unknown-snippet",
        )

    def _get(self, name: str) -> _Compiled:
        found = self._compiled.get(name)
        if found is not None:
            return found
        with self._lock:
            found = self._compiled.get(name)
            if found is None:
                found = self._compile(name)
                self._compiled[name] = found
        return found

    def _compile(self, name: str) -> _Compiled:
        loader = self._env.loader
        assert loader is not None
        try:
            text, filename, _ = loader.get_source(self._env, name + SUFFIX)
        except jinja2.TemplateNotFound:
            raise self._unknown(name) from None
        except UnicodeDecodeError as exc:
            raise LayoutError.single(
                f"mẫu câu '{name}' không phải mã UTF-8 (byte lỗi ở vị trí {exc.start})",
                f"snippet '{name}' is not UTF-8 (bad byte at offset {exc.start})",
                name + SUFFIX,
                code="snippet-encoding",
            ) from None
        where = filename or name + SUFFIX
        try:
            template = self._env.get_template(name + SUFFIX)
            params = frozenset(meta.find_undeclared_variables(self._env.parse(text)))
        except Exception as exc:  # syntax, a refused tag, nesting too deep …
            vi, en, code = describe(exc)
            line = error_line(exc, filename)
            raise LayoutError.single(
                f"mẫu câu '{name}': {vi}",
                f"snippet '{name}': {en}",
                where,
                line=line,
                code="snippet-syntax" if code == "template-syntax" else code,
            ) from None
        return _Compiled(template, params, where)

    def trial(self, name: str) -> str:
        """Snippet ``name`` rendered with every variable it reads set to "…" (lint)."""
        compiled = self._get(name)
        return self.render(name, {}, {v: "…" for v in compiled.params})

    def render(self, name: str, params: Mapping[str, Any], context: Mapping[str, Any]) -> str:
        """The text of snippet ``name`` with ``params`` over ``context``, spaces collapsed.

        Raises :class:`CampaignError` for an unknown snippet or a parameter given but
        unused or used but not given, and :class:`LayoutError` for a broken snippet file.
        """
        compiled = self._get(name)
        unknown = sorted(set(params) - compiled.params)
        if unknown:
            used = ", ".join(sorted(compiled.params - set(context))) or "(không có)"
            raise CampaignError.single(
                f"mẫu câu '{name}' không dùng tham số {', '.join(unknown)}; các tham số của"
                f" nó: {used}",
                f"snippet '{name}' has no parameter {', '.join(unknown)}; its parameters: {used}",
                code="snippet-parameter",
            )
        try:
            out = compiled.template.render({**context, **params})
        except jinja2.UndefinedError as exc:
            raise CampaignError.single(
                f"mẫu câu '{name}' cần tham số chưa có trong 'tham_so': {exc.message}",
                f"snippet '{name}' needs a parameter missing from 'tham_so': {exc.message}",
                code="snippet-parameter",
            ) from None
        except Exception as exc:  # a budget exceeded, a filter given bad data, 1/0 …
            vi, en, code = describe(exc)
            line = error_line(exc, compiled.where)
            raise LayoutError.single(
                f"mẫu câu '{name}': {vi}",
                f"snippet '{name}': {en}",
                compiled.where,
                line=line,
                code="snippet-error" if code == "template-error" else code,
            ) from None
        return " ".join(out.split())
