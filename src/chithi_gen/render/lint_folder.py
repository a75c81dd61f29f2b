"""``chithi templates lint FOLDER``: every file of a template folder checked at once.

A template folder holds ``layouts/<name>/`` (``layout.docx``, ``manifest.yaml``),
``kinds.yaml`` and ``snippets/*.j2`` (:mod:`chithi_gen.lookup`). Each is read the way
rendering reads it — bounded, UTF-8, YAML without anchors or aliases, templates in the
budgeted sandbox — and every mistake becomes a :class:`~chithi_gen.render.lint.Finding`
naming the file and the line, before a clerk meets it:

* ``LOAI`` — ``kinds.yaml`` unreadable or invalid;
* ``MANIFEST`` — a layout's ``manifest.yaml`` unreadable or invalid;
* ``MAU-CAU`` — a snippet unreadable, with a syntax error, a refused tag, or over its
  budget when tried with every variable set to "…" (a trial that fails for another
  reason, such as a number filter given "…", is a warning);
* the findings of :func:`~chithi_gen.render.lint.lint_layout` for each layout.
"""

from __future__ import annotations

import os
from pathlib import Path

from chithi_gen.compose.snippets import SUFFIX, FolderLoader, Snippets
from chithi_gen.errors import ChithiError, LayoutError
from chithi_gen.kinds.file import parse_kinds
from chithi_gen.render.contract import parse_manifest
from chithi_gen.render.lint import Finding, Severity, lint_layout
from chithi_gen.source import read_bytes, read_text
from chithi_gen.source.files import exists, is_dir

#: Largest layout, configuration file and snippet read (bytes), as the lookup reads them.
MAX_LAYOUT_BYTES = 50_000_000
MAX_CONFIG_BYTES = 1_000_000


def is_template_folder(path: Path) -> bool:
    """Whether ``path`` is a template folder (rather than one layout's folder)."""
    return (
        is_dir(path)
        and not exists(path / "layout.docx")
        and (is_dir(path / "layouts") or exists(path / "kinds.yaml") or is_dir(path / "snippets"))
    )


def _from_error(
    exc: ChithiError, code: str, file: str, severity: Severity = "loi"
) -> list[Finding]:
    return [
        Finding(
            code,
            severity,
            p.part or "",
            p.paragraph,
            "",
            p.message_vi,
            p.message_en,
            file=p.source or exc.source or file,
            line=p.line,
        )
        for p in exc.problems
    ]


def _snippets(folder: Path) -> list[Finding]:
    library = Snippets(FolderLoader(folder, MAX_CONFIG_BYTES))
    found: list[Finding] = []
    for template in FolderLoader(folder).list_templates():
        name = template[: -len(SUFFIX)]
        file = str(folder / template)
        try:
            library.where(name)
        except ChithiError as exc:
            found += _from_error(exc, "MAU-CAU", file)
            continue
        try:
            library.trial(name)
        except LayoutError as exc:
            hard = any(p.code.startswith(("template-budget", "template-tag")) for p in exc.problems)
            found += _from_error(exc, "MAU-CAU", file, "loi" if hard else "canh_bao")
        except ChithiError as exc:
            found += _from_error(exc, "MAU-CAU", file, "canh_bao")
    return found


def lint_folder(root: Path) -> list[Finding]:
    """Every finding in the template folder ``root``, errors first."""
    findings: list[Finding] = []
    kinds = root / "kinds.yaml"
    if os.path.lexists(kinds):
        try:
            parse_kinds(read_text(kinds, str(kinds), MAX_CONFIG_BYTES, LayoutError), str(kinds))
        except ChithiError as exc:
            findings += _from_error(exc, "LOAI", str(kinds))
    layouts = root / "layouts"
    for sub in sorted(layouts.iterdir()) if is_dir(layouts) else []:
        extra: tuple[str, ...] = ()
        manifest = sub / "manifest.yaml"
        if os.path.lexists(manifest):
            try:
                text = read_text(manifest, str(manifest), MAX_CONFIG_BYTES, LayoutError)
                extra = tuple(parse_manifest(text, str(manifest)).bien_van_ban)
            except ChithiError as exc:
                findings += _from_error(exc, "MANIFEST", str(manifest))
        docx = sub / "layout.docx"
        if not os.path.lexists(docx):
            continue
        try:
            data = read_bytes(docx, str(docx), MAX_LAYOUT_BYTES, LayoutError)
        except ChithiError as exc:
            findings += _from_error(exc, "HONG", str(docx))
            continue
        findings += [
            Finding(f.code, f.severity, f.part, f.paragraph, f.excerpt, f.message_vi,
                    f.message_en, file=str(docx))
            for f in lint_layout(data, extra)
        ]  # fmt: skip
    snippets = root / "snippets"
    if is_dir(snippets):
        findings += _snippets(snippets)
    order = {"loi": 0, "canh_bao": 1, "thong_tin": 2}
    return sorted(findings, key=lambda f: order[f.severity])
