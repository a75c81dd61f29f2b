"""Clause snippets (mẫu câu): reusable standard wording, parameterised from the campaign.

A snippet is a small Jinja text file ``<name>.j2``. A campaign file uses one as a body
element::

    - mau_cau: ket_luan
      tham_so: {doi_tuong: "các cơ quan, đơn vị, địa phương"}

Lookup: ``snippets/<name>.j2`` in each user template folder (see
:mod:`chithi_gen.layouts`), then the snippets bundled here — so an organisation
overrides a standard sentence by dropping a file of the same name in its folder.

Every snippet sees ``ten_loai`` (the document's kind in normal case, "Chỉ thị"),
``co_quan`` (the issuing body's name), ``dia_danh``, ``nam`` and its ``tham_so``. It
renders in Jinja's sandbox with StrictUndefined: a parameter the campaign does not
give is an error naming it. The output is plain text — it may use ``**đậm**`` and
``[[citations]]`` like any paragraph, and is XML-escaped by the renderer like any
text, so autoescape is off here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta
from jinja2.sandbox import SandboxedEnvironment

from chithi_gen.vi.chu_hoa import in_hoa, viet_hoa_dau
from chithi_gen.vi.ngay import format_ngay, format_ngay_ngan
from chithi_gen.vi.so import format_so


class SnippetError(Exception):
    """A snippet is missing, broken, or needs a parameter that was not given."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(f"{message_vi} / {message_en}")
        self.message_vi = message_vi
        self.message_en = message_en


@cache
def _env() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        autoescape=False, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    env.filters.update(
        {
            "so": format_so,
            "ngay": format_ngay,
            "ngay_ngan": format_ngay_ngan,
            "in_hoa": in_hoa,
            "viet_hoa_dau": viet_hoa_dau,
        }
    )
    return env


class Snippets:
    """The snippet library of some user folders plus the bundled snippets."""

    def __init__(self, dirs: Sequence[Path] = ()) -> None:
        self.dirs = [Path(d) / "snippets" for d in dirs]
        self._compiled: dict[str, jinja2.Template] = {}
        self._params: dict[str, frozenset[str]] = {}

    def source(self, name: str) -> tuple[str, str]:
        """(text, where) of snippet ``name``."""
        for d in self.dirs:
            path = d / f"{name}.j2"
            if path.is_file():
                return path.read_text(encoding="utf-8"), str(path)
        bundled = files("chithi_gen.snippets").joinpath(f"{name}.j2")
        if bundled.is_file():
            return bundled.read_text(encoding="utf-8"), f"chithi_gen/snippets/{name}.j2"
        known = ", ".join(self.names()) or "(không có)"
        raise SnippetError(
            f"không có mẫu câu '{name}'; các mẫu câu hiện có: {known}",
            f"no snippet named '{name}'; available: {known}",
        )

    def names(self) -> list[str]:
        """Every snippet name reachable."""
        found = {p.stem for d in self.dirs if d.is_dir() for p in d.glob("*.j2")}
        root = files("chithi_gen.snippets")
        found |= {p.name[:-3] for p in root.iterdir() if p.name.endswith(".j2")}
        return sorted(found)

    def render(self, name: str, params: Mapping[str, Any], context: Mapping[str, Any]) -> str:
        """The text of snippet ``name`` with ``params`` over ``context``."""
        if name not in self._compiled:
            text, where = self.source(name)
            try:
                self._compiled[name] = _env().from_string(text)
                self._params[name] = frozenset(meta.find_undeclared_variables(_env().parse(text)))
            except jinja2.TemplateSyntaxError as exc:
                raise SnippetError(
                    f"mẫu câu {where}, dòng {exc.lineno}: lỗi thẻ Jinja ({exc.message})",
                    f"snippet {where}, line {exc.lineno}: Jinja tag error ({exc.message})",
                ) from None
        unknown = sorted(set(params) - self._params[name])
        if unknown:
            # A misspelt optional parameter would otherwise drop part of the sentence.
            used = ", ".join(sorted(self._params[name] - set(context))) or "(không có)"
            raise SnippetError(
                f"mẫu câu '{name}' không dùng tham số {', '.join(unknown)}; các tham số của"
                f" nó: {used}",
                f"snippet '{name}' has no parameter {', '.join(unknown)}; its parameters: {used}",
            )
        try:
            out = self._compiled[name].render({**context, **params})
        except jinja2.UndefinedError as exc:
            raise SnippetError(
                f"mẫu câu '{name}' cần tham số chưa có trong 'tham_so': {exc.message}",
                f"snippet '{name}' needs a parameter missing from 'tham_so': {exc.message}",
            ) from None
        except jinja2.TemplateError as exc:
            raise SnippetError(
                f"mẫu câu '{name}' lỗi: {exc}", f"snippet '{name}' failed: {exc}"
            ) from None
        return " ".join(out.split())


#: The bundled snippets only.
BUNDLED = Snippets()
