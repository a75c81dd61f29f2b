"""Render composed :class:`~chithi_gen.document.Document`\\ s to .docx bytes through a layout.

A layout is a .docx with docxtpl tags (``{{ vb.so_ky_hieu }}``, ``{%p for dong in
vb.noi_nhan %}``, ``{{p vb.noi_dung }}``). :class:`CompiledLayout` reads it once:
it checks the layout contract (:mod:`chithi_gen.render.contract`), runs docxtpl's tag
clean-up (tags split across Word runs, ``{%p %}``/``{%tr %}`` blocks) once per part,
compiles each part once into a Jinja template, and measures the geometry needed to
draw the decree's rules (:mod:`chithi_gen.render.geometry`). Rendering a document is
then only Jinja rendering plus writing the zip, deterministically; the parts no tag
touches are compressed once, when the layout is read.

Every layout environment has ``StrictUndefined`` and autoescape on (``&``, ``<``, ``>``
in user text are escaped, never corrupting the XML); layouts that did not ship with
chithi_gen render in Jinja's sandbox (:mod:`chithi_gen.jinja`). The rendered XML of every
part is parsed before it is written, so a layout can never produce a corrupt file
silently.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.parsers import expat

import jinja2
from markupsafe import Markup

from chithi_gen.document import Document
from chithi_gen.errors import LayoutError, Problem
from chithi_gen.jinja import describe, environment
from chithi_gen.render import cache
from chithi_gen.render.contract import (
    REQUIRED_PARTS,
    REQUIRED_STYLES,
    TAGGED_PARTS,
    check_package,
    refuse_external,
)
from chithi_gen.render.geometry import Geometry, W
from chithi_gen.render.metrics import text_width
from chithi_gen.render.package import Deflated, deflate, read_package, write_package
from chithi_gen.render.paragraphs import excerpt_at
from chithi_gen.render.wrap import wrap_balanced
from chithi_gen.render.xml import (
    inline_runs,
    line_breaks,
    paragraphs_xml,
    rule_paragraph,
    section_break,
)

if TYPE_CHECKING:
    from docxtpl import DocxTemplate

#: Length of the rules under the agency name and under the trích yếu, as a fraction
#: of their line of text: Phụ lục I, II.2.b and II.5.b allow 1/3 to 1/2.
RULE_RATIO = 0.4
#: Centred title lines are broken within this fraction of the text width, so Word
#: never needs to break them again.
TITLE_WIDTH = 0.95


def _broken(name: str, part: str, exc: BaseException) -> LayoutError:
    return LayoutError.single(
        f"mẫu trình bày '{name}' không đọc được ({part}): {exc}",
        f"layout '{name}' cannot be read ({part}): {exc}",
        part=part,
        code="layout-unreadable",
    )


def missing_styles(styles_xml: bytes) -> list[str]:
    """The :data:`~chithi_gen.render.contract.REQUIRED_STYLES` a ``styles.xml`` lacks."""
    from lxml import etree

    tree = etree.fromstring(styles_xml)
    have = {el.get(f"{{{W}}}styleId") for el in tree.iter(f"{{{W}}}style")}
    return [s for s in REQUIRED_STYLES if s not in have]


def patch_part(patcher: DocxTemplate, xml: str) -> str:
    """docxtpl's tag clean-up of one part, one paragraph per line (for error lines)."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patcher.patch_xml(xml))


class CompiledLayout:
    """A layout read and compiled once, ready to render any number of documents.

    ``data`` is the layout .docx; ``name`` is used in error messages; ``sandboxed``
    must be true for any layout that did not ship with chithi_gen. With ``cache_dir``
    the compiled result is kept in that folder and read back by the next process that
    compiles the same bytes (:mod:`chithi_gen.render.cache`); without it nothing is
    written anywhere. Instances are immutable after construction and safe to share
    between threads.
    """

    def __init__(
        self,
        data: bytes,
        name: str = "layout",
        *,
        sandboxed: bool = True,
        cache_dir: str | Path | None = None,
    ) -> None:
        self.name = name
        self._env = environment(sandboxed=sandboxed, autoescape=True, keep_trailing_newline=True)
        self._templates: dict[str, jinja2.Template] = {}
        self._sources: dict[str, tuple[str, str]] = {}  # part → (original, patched) XML
        if cache_dir is None:
            self._compile(data, sandboxed)
            return
        entry = cache.key(data, sandboxed)
        if not self._restore(cache.load(cache_dir, entry)):
            self._compile(data, sandboxed)
            cache.store(cache_dir, entry, self._saved())

    def _compile(self, data: bytes, sandboxed: bool) -> None:
        name = self.name
        check_package(data, name)
        try:
            parts = read_package(data)
        except Exception as exc:  # zipfile.BadZipFile, truncated data …
            raise LayoutError.single(
                f"mẫu trình bày '{name}' không phải tệp .docx hợp lệ: {exc}",
                f"layout '{name}' is not a valid .docx: {exc}",
                code="layout-not-docx",
            ) from exc
        if sandboxed:
            refuse_external(parts, name)
        missing = [p for p in REQUIRED_PARTS if p not in parts]
        if missing:
            raise LayoutError.single(
                f"mẫu trình bày '{name}' thiếu phần {', '.join(missing)}",
                f"layout '{name}' lacks the part(s) {', '.join(missing)}",
                code="layout-part-missing",
            )
        from lxml import etree

        from chithi_gen.render.geometry import read_geometry

        unreadable = (KeyError, ValueError, etree.XMLSyntaxError, UnicodeDecodeError)
        try:
            lacking = missing_styles(parts["word/styles.xml"])
        except unreadable as exc:
            raise _broken(name, "word/styles.xml", exc) from exc
        try:
            self.geometry = read_geometry(parts)
            self._section_break = section_break(parts["word/document.xml"])
        except unreadable as exc:
            raise _broken(name, "word/document.xml", exc) from exc
        if lacking:
            raise LayoutError.single(
                f"mẫu trình bày '{name}' thiếu kiểu đoạn (style) {', '.join(lacking)}",
                f"layout '{name}' lacks the paragraph style(s) {', '.join(lacking)}",
                part="word/styles.xml",
                code="layout-style-missing",
            )
        from docxtpl import DocxTemplate

        patcher = DocxTemplate(io.BytesIO(data))
        self._code: dict[str, Any] = {}
        for part_name, blob in parts.items():
            if not TAGGED_PARTS.match(part_name):
                continue
            try:
                xml = blob.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise _broken(name, part_name, exc) from exc
            if "{{" not in xml and "{%" not in xml:
                continue
            patched = patch_part(patcher, xml)
            self._sources[part_name] = (xml, patched)
            try:
                self._code[part_name] = code = self._env.compile(patched)
            except jinja2.TemplateSyntaxError as exc:
                para, text = excerpt_at(xml, patched, exc.lineno, exc.message or "")
                where = f", đoạn / paragraph {para} «{text}»" if para else ""
                vi, en, why = describe(exc)
                raise LayoutError.single(
                    f"mẫu trình bày '{name}' ({part_name}{where}): {vi}",
                    f"layout '{name}' ({part_name}{where}): {en}",
                    part=part_name,
                    paragraph=para,
                    code="layout-syntax" if why == "template-syntax" else why,
                ) from exc
            self._templates[part_name] = self._template(code)
        #: The parts no tag changes, compressed once (footnotes are added to their part).
        self._static: dict[str, Deflated] = {
            n: deflate(b) for n, b in parts.items() if n not in self._templates
        }
        self._footnotes = parts["word/footnotes.xml"]

    def _template(self, code: Any) -> jinja2.Template:
        return self._env.template_class.from_code(self._env, code, self._env.make_globals(None))

    def _saved(self) -> dict[str, Any]:
        """What :mod:`~chithi_gen.render.cache` keeps of this layout."""
        return {
            "geometry": dataclasses.astuple(self.geometry),
            "section_break": str(self._section_break),
            "footnotes": self._footnotes,
            "parts": {n: (*self._sources[n], self._code[n]) for n in self._templates},
            "static": {n: (d.data, d.crc, d.size) for n, d in self._static.items()},
        }

    def _restore(self, saved: Any) -> bool:
        """Take a cache entry (:meth:`_saved`); false if there is none or it is unusable."""
        if saved is None:
            return False
        try:
            self.geometry = Geometry(*saved["geometry"])
            self._section_break = Markup(saved["section_break"])
            self._footnotes = saved["footnotes"]
            self._code = {}
            for part_name, (xml, patched, code) in saved["parts"].items():
                self._sources[part_name] = (xml, patched)
                self._code[part_name] = code
                self._templates[part_name] = self._template(code)
            self._static = {n: Deflated(*v) for n, v in saved["static"].items()}
        except Exception:  # an entry of another shape: compile instead
            self._templates.clear()
            self._sources.clear()
            return False
        return True

    def _with_footnotes(self, notes: list[str]) -> bytes:
        base = self._footnotes
        if b"</w:footnotes>" not in base:
            raise LayoutError.single(
                f"mẫu trình bày '{self.name}' có phần chú thích (word/footnotes.xml) hỏng",
                f"layout '{self.name}' has a broken footnotes part (word/footnotes.xml)",
                code="layout-part-missing",
            )
        return base.replace(b"</w:footnotes>", "".join(notes).encode() + b"</w:footnotes>")

    def document_context(self, doc: Document, first_note: int = 1) -> dict[str, Any]:
        """The variables of one document (``vb`` in the layout): every field of the
        :class:`Document`, lines broken and rules drawn (see
        :data:`~chithi_gen.render.contract.DOCUMENT_VARIABLES`)."""
        g = self.geometry
        chu_quan = [
            line
            for text in doc.co_quan_chu_quan
            for line in wrap_balanced(text, g.co_quan_width, g.chu_quan_size, bold=g.chu_quan_bold)
        ]
        co_quan = [
            line
            for text in doc.co_quan_ban_hanh
            for line in wrap_balanced(text, g.co_quan_width, g.co_quan_size, bold=g.co_quan_bold)
        ]
        co_quan_len = max(
            (text_width(x, g.co_quan_size, bold=g.co_quan_bold) for x in co_quan), default=0
        )
        title_width = int(g.text_width * TITLE_WIDTH)
        trich_yeu_lines = wrap_balanced(
            doc.trich_yeu, title_width, g.trich_yeu_size, bold=g.trich_yeu_bold
        )
        kem_theo_lines = (
            wrap_balanced(doc.kem_theo, title_width, g.trich_yeu_size) if doc.kem_theo else []
        )
        trich_yeu_len = max(
            text_width(x, g.trich_yeu_size, bold=g.trich_yeu_bold) for x in trich_yeu_lines
        )
        body, notes = paragraphs_xml(doc.noi_dung, first_note, g.text_width)
        fields = {
            f.name: getattr(doc, f.name) for f in dataclasses.fields(doc) if f.name != "extra"
        }
        lists = {k: list(v) for k, v in fields.items() if isinstance(v, tuple)}
        return {
            **fields,
            **lists,
            "_footnotes": notes,
            "co_quan_chu_quan": chu_quan,
            "co_quan_ban_hanh": co_quan,
            "noi_nhan": noi_nhan_lines(doc),
            "trich_yeu": line_breaks(trich_yeu_lines),
            "kem_theo": line_breaks(kem_theo_lines),
            "noi_dung": body,
            "ke_co_quan": rule_paragraph(round(co_quan_len * RULE_RATIO), g.co_quan_width),
            "ke_tieu_ngu": rule_paragraph(
                text_width(doc.tieu_ngu, g.tieu_ngu_size, bold=g.tieu_ngu_bold), g.quoc_hieu_width
            ),
            "ke_quoc_hieu": rule_paragraph(
                text_width(doc.quoc_hieu, g.quoc_hieu_size, bold=g.quoc_hieu_bold),
                g.quoc_hieu_width,
            ),
            "ke_trich_yeu": rule_paragraph(round(trich_yeu_len * RULE_RATIO), g.text_width),
            "co_chu_ky": doc.co_chu_ky,
            **doc.extra,
        }

    def context(self, docs: Sequence[Document]) -> dict[str, Any]:
        """The template variables: ``van_ban`` (one entry per document), ``ngat_phan``
        (the section break between documents) and ``tieu_de_tep`` (document title)."""
        if not docs:
            raise ValueError("nothing to render")
        van_ban = []
        notes: list[str] = []
        for doc in docs:
            vb = self.document_context(doc, len(notes) + 1)
            notes += vb.pop("_footnotes")
            van_ban.append(vb)
        return {
            "_footnotes": notes,
            "van_ban": van_ban,
            "ngat_phan": self._section_break,
            "tieu_de_tep": docs[-1].tieu_de_tep,
        }

    def render(self, docs: Document | Sequence[Document]) -> bytes:
        """The .docx bytes of ``docs`` (one document, or several as sections of one file)."""
        ctx = self.context([docs] if isinstance(docs, Document) else list(docs))
        parts: dict[str, bytes | Deflated] = dict(self._static)
        notes: list[str] = ctx.pop("_footnotes")
        if notes:
            parts["word/footnotes.xml"] = self._with_footnotes(notes)
        for part_name, template in self._templates.items():
            parts[part_name] = self._render_part(part_name, template, ctx)
        return write_package(parts)

    def _render_part(self, part_name: str, template: jinja2.Template, ctx: dict[str, Any]) -> bytes:
        try:
            xml = template.render(ctx)
        except Exception as exc:  # a template author's mistake or a filter given bad data
            xml, patched = self._sources[part_name]
            para, text = excerpt_at(xml, patched, template_line(exc), str(exc))
            where = f", đoạn / paragraph {para} «{text}»" if para else ""
            vi, en, code = describe(exc)
            code = {"template-variable": "layout-variable", "template-error": "layout-render"}.get(
                code, code
            )
            raise LayoutError(
                [
                    Problem(
                        f"mẫu trình bày '{self.name}' ({part_name}{where}) {vi}",
                        f"layout '{self.name}' ({part_name}{where}) {en}",
                        part=part_name,
                        paragraph=para,
                        code=code,
                    )
                ]
            ) from exc
        blob = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml).encode("utf-8")
        try:  # expat, with namespaces: well-formed, every prefix bound (lxml is not needed)
            expat.ParserCreate(namespace_separator=" ").Parse(blob, True)
        except expat.ExpatError as exc:
            raise LayoutError(
                [
                    Problem(
                        f"mẫu trình bày '{self.name}' tạo ra XML hỏng ở {part_name}: {exc}",
                        f"layout '{self.name}' produced invalid XML in {part_name}: {exc}",
                        part=part_name,
                        code="layout-xml",
                    )
                ]
            ) from exc
        return blob


def noi_nhan_lines(doc: Document) -> list[str]:
    """The Nơi nhận lines, the Lưu line with its formatted runs (the typist's mark in
    subscript) when the document has them."""
    lines: list[str] = list(doc.noi_nhan)
    if doc.dong_luu and lines and lines[-1] == "".join(r.text for r in doc.dong_luu):
        lines[-1] = inline_runs(doc.dong_luu)
    return lines


def template_line(exc: BaseException) -> int | None:
    """The line of the compiled template where ``exc`` was raised (one paragraph per
    line, see :func:`patch_part`), from the traceback Jinja rewrites to point there."""
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line if isinstance(line, int) else None
