"""Render a :class:`~chithi_gen.document.Document` to .docx bytes through a layout.

A layout is a .docx with docxtpl tags (``{{ so_ky_hieu }}``, ``{%p for dong in
noi_nhan %}``, ``{{p noi_dung }}``). :class:`CompiledLayout` reads it once: docxtpl's
tag clean-up (tags split across Word runs, ``{%p %}``/``{%tr %}`` blocks) runs once per
part, each part is compiled once into a Jinja template, and the geometry needed to
draw the decree's rules is read from its styles and tables. Rendering a document is
then only Jinja rendering plus writing the zip, deterministically.

Every Jinja environment here has ``StrictUndefined`` (a variable the data does not
provide is an error naming it) and autoescape on (``&``, ``<``, ``>`` in user text are
escaped, never corrupting the XML). Layouts that did not ship with chithi_gen render in
Jinja's sandbox. The rendered XML of every part is parsed before it is written, so a
layout can never produce a corrupt file silently.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

import jinja2
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree
from markupsafe import Markup

from chithi_gen.document import Block, Document, Table
from chithi_gen.errors import LayoutError
from chithi_gen.metrics import text_width, wrap_balanced
from chithi_gen.render.package import read_package, write_package
from chithi_gen.vi.chu_hoa import in_hoa
from chithi_gen.vi.ngay import format_ngay, format_ngay_ngan
from chithi_gen.vi.so import format_so
from chithi_gen.vi.tien import tien_bang_chu

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W}

#: Length of the rules under the agency name and under the trích yếu, as a fraction
#: of their line of text: Phụ lục I, II.2.b and II.5.b allow 1/3 to 1/2.
RULE_RATIO = 0.4

#: Parts that may carry template tags.
_TEMPLATED = re.compile(
    r"^(word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml|docProps/core\.xml)$"
)


def _make_env(sandboxed: bool) -> jinja2.Environment:
    cls = SandboxedEnvironment if sandboxed else jinja2.Environment
    env = cls(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters.update(
        {
            "so": format_so,
            "tien_bang_chu": tien_bang_chu,
            "ngay": format_ngay,
            "ngay_ngan": format_ngay_ngan,
            "in_hoa": in_hoa,
        }
    )
    return env


@dataclass(frozen=True)
class Geometry:
    """What the renderer must know of a layout to size the rules and break lines.

    Widths are twips (1/20 pt) of the text area inside each place; sizes are points.
    """

    co_quan_width: int
    quoc_hieu_width: int
    text_width: int
    co_quan_size: float
    co_quan_bold: bool
    chu_quan_size: float
    chu_quan_bold: bool
    tieu_ngu_size: float
    tieu_ngu_bold: bool
    quoc_hieu_size: float
    quoc_hieu_bold: bool
    trich_yeu_size: float
    trich_yeu_bold: bool


def _style_font(styles: etree._Element, style_id: str) -> tuple[float, bool]:
    """Size (pt) and boldness of a paragraph style, following ``basedOn``."""
    size: float | None = None
    bold: bool | None = None
    seen: set[str] = set()
    current: str | None = style_id
    while current and current not in seen:
        seen.add(current)
        found = styles.find(f"w:style[@w:styleId='{current}']", _NS)
        if found is None:
            break
        if size is None:
            sz = found.find("w:rPr/w:sz", _NS)
            if sz is not None:
                size = int(sz.get(f"{{{W}}}val", "28")) / 2
        if bold is None:
            b = found.find("w:rPr/w:b", _NS)
            if b is not None:
                bold = b.get(f"{{{W}}}val", "1") not in ("0", "false")
        based = found.find("w:basedOn", _NS)
        current = based.get(f"{{{W}}}val") if based is not None else None
    if size is None:
        sz = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:sz", _NS)
        size = int(sz.get(f"{{{W}}}val", "24")) / 2 if sz is not None else 12.0
    return size, bool(bold)


def _cell_text_widths(document: etree._Element) -> tuple[int, int]:
    """Inner widths of the two header cells: grid columns minus cell margins."""
    tbl = document.find(".//w:tbl", _NS)
    if tbl is None:
        raise ValueError("the layout has no header table")
    cols = [int(c.get(f"{{{W}}}w", "0")) for c in tbl.findall("w:tblGrid/w:gridCol", _NS)]
    if len(cols) < 2:
        raise ValueError("the header table needs two columns")
    mar = 0
    for side in ("left", "start", "right", "end"):
        el = tbl.find(f"w:tblPr/w:tblCellMar/w:{side}", _NS)
        if el is not None:
            mar += int(el.get(f"{{{W}}}w", "0"))
    if mar == 0:
        mar = 2 * 108  # Word's default cell margins
    return cols[0] - mar, cols[1] - mar


def _text_area(document: etree._Element) -> int:
    sect = document.find(".//w:body/w:sectPr", _NS)
    if sect is None:
        raise ValueError("the layout has no section properties")
    pg = sect.find("w:pgSz", _NS)
    mar = sect.find("w:pgMar", _NS)
    if pg is None or mar is None:
        raise ValueError("the layout has no page size or margins")
    width = int(pg.get(f"{{{W}}}w", "11906"))
    left = int(mar.get(f"{{{W}}}left", mar.get(f"{{{W}}}start", "0")))
    right = int(mar.get(f"{{{W}}}right", mar.get(f"{{{W}}}end", "0")))
    return width - left - right


def read_geometry(parts: Mapping[str, bytes]) -> Geometry:
    """Read :class:`Geometry` from a layout's ``document.xml`` and ``styles.xml``."""
    document = etree.fromstring(parts["word/document.xml"])
    styles = etree.fromstring(parts["word/styles.xml"])
    co_quan_w, quoc_hieu_w = _cell_text_widths(document)
    cq_size, cq_bold = _style_font(styles, "CoQuanBanHanh")
    cqcq_size, cqcq_bold = _style_font(styles, "CoQuanChuQuan")
    tn_size, tn_bold = _style_font(styles, "TieuNgu")
    qh_size, qh_bold = _style_font(styles, "QuocHieu")
    ty_size, ty_bold = _style_font(styles, "TrichYeu")
    return Geometry(
        co_quan_width=co_quan_w,
        quoc_hieu_width=quoc_hieu_w,
        text_width=_text_area(document),
        co_quan_size=cq_size,
        co_quan_bold=cq_bold,
        chu_quan_size=cqcq_size,
        chu_quan_bold=cqcq_bold,
        tieu_ngu_size=tn_size,
        tieu_ngu_bold=tn_bold,
        quoc_hieu_size=qh_size,
        quoc_hieu_bold=qh_bold,
        trich_yeu_size=ty_size,
        trich_yeu_bold=ty_bold,
    )


def rule_paragraph(length: int, available: int) -> Markup:
    """A rule (đường kẻ) of ``length`` twips centred in ``available`` twips.

    Drawn as the bottom border of an empty paragraph in the layout's ``DuongKe``
    style, indented on both sides: a real line, not underscores, that Word and
    LibreOffice both draw at exactly this length.
    """
    length = max(0, min(length, available))
    side = (available - length) // 2
    return Markup(
        '<w:p><w:pPr><w:pStyle w:val="DuongKe"/>'
        f'<w:ind w:left="{side}" w:right="{available - length - side}" w:firstLine="0"/>'
        "</w:pPr></w:p>"
    )


_FOOTNOTE_REF = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>{}</w:r>'


def _footnote_xml(n: int, text: str) -> str:
    """One footnote of ``footnotes.xml``: Word's own number, a space, the text."""
    return (
        f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        + _FOOTNOTE_REF.format("<w:footnoteRef/>")
        + f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
    )


def line_breaks(lines: Sequence[str]) -> Markup:
    """Lines of one run separated by manual line breaks (inside ``<w:t>``)."""
    return Markup('</w:t><w:br/><w:t xml:space="preserve">').join(lines)


def _run_xml(text: str, bold: bool | None, italic: bool | None) -> str:
    props = ""
    if bold is not None:
        props += "<w:b/>" if bold else '<w:b w:val="0"/>'
    if italic is not None:
        props += "<w:i/>" if italic else '<w:i w:val="0"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def table_xml(table: Table, width: int) -> str:
    """A body table (chỉ tiêu…): single 0.5 pt borders, heading rows bold, centred and
    repeated on each page, cells in the layout's ``Bang`` style."""
    cols = [round(width * f) for f in table.widths]
    grid = "".join(f'<w:gridCol w:w="{c}"/>' for c in cols)
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    rows = []
    for i, row in enumerate(table.rows):
        head = i < table.header_rows
        trpr = (
            "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            if head
            else "<w:trPr><w:cantSplit/></w:trPr>"
        )
        cells = []
        for j, (text, w) in enumerate(zip(row, cols, strict=True)):
            jc = "center" if head else _ALIGN.get(table.align[j], "left")
            rpr = "<w:rPr><w:b/></w:rPr>" if head else ""
            cells.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
                f'<w:p><w:pPr><w:pStyle w:val="Bang"/><w:jc w:val="{jc}"/></w:pPr>'
                f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>'
            )
        rows.append(f"<w:tr>{trpr}{''.join(cells)}</w:tr>")
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(cols)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        f"</w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
        # Word needs a paragraph between a table and whatever follows it.
        '<w:p><w:pPr><w:pStyle w:val="Bang"/></w:pPr></w:p>'
    )


def paragraphs_xml(
    paragraphs: tuple[Block, ...], first_note: int = 1, width: int = 8787
) -> tuple[Markup, list[str]]:
    """WordprocessingML for body paragraphs, each in its named style.

    Returns the paragraphs and the ``<w:footnote>`` elements their footnote
    references point to (ids 1, 2, … in order of reference).
    """
    out = []
    notes: list[str] = []
    for p in paragraphs:
        if isinstance(p, Table):
            out.append(table_xml(p, width))
            continue
        runs = []
        for r in p.runs:
            if r.footnote is not None:
                n = first_note + len(notes)
                notes.append(_footnote_xml(n, r.footnote))
                runs.append(_FOOTNOTE_REF.format(f'<w:footnoteReference w:id="{n}"/>'))
            else:
                runs.append(_run_xml(r.text, r.bold, r.italic))
        out.append(
            f'<w:p><w:pPr><w:pStyle w:val="{escape(p.style)}"/></w:pPr>{"".join(runs)}</w:p>'
        )
    return Markup("".join(out)), notes


def _section_break(document_xml: bytes) -> Markup:
    """A paragraph ending a section with the same page setup as the document's last
    section: the next document starts on a new page, numbered from 1, page 1 unnumbered.
    """
    text = document_xml.decode("utf-8")
    m = re.search(r"<w:sectPr\b.*?</w:sectPr>", text[text.rfind("<w:sectPr") :], re.DOTALL)
    if not m:
        raise ValueError("the layout has no section properties")
    return Markup(f"<w:p><w:pPr>{m.group(0)}</w:pPr></w:p>")


class CompiledLayout:
    """A layout read and compiled once, ready to render any number of documents.

    ``data`` is the layout .docx; ``name`` is used in error messages; ``sandboxed``
    must be true for any layout that did not ship with chithi_gen.
    """

    def __init__(self, data: bytes, name: str = "layout", *, sandboxed: bool = True) -> None:
        self.name = name
        try:
            self._parts = read_package(data)
            self.geometry = read_geometry(self._parts)
        except (KeyError, ValueError, etree.XMLSyntaxError, OSError) as exc:
            raise LayoutError.single(
                f"mẫu trình bày '{name}' không đọc được: {exc}",
                f"layout '{name}' cannot be read: {exc}",
            ) from exc
        except Exception as exc:  # zipfile.BadZipFile and friends
            raise LayoutError.single(
                f"mẫu trình bày '{name}' không phải tệp .docx hợp lệ: {exc}",
                f"layout '{name}' is not a valid .docx: {exc}",
            ) from exc
        self._section_break = _section_break(self._parts["word/document.xml"])
        self._env = _make_env(sandboxed)
        self._templates: dict[str, jinja2.Template] = {}
        patcher = DocxTemplate(io.BytesIO(data))
        for part_name, blob in self._parts.items():
            if not _TEMPLATED.match(part_name):
                continue
            xml = blob.decode("utf-8")
            if "{{" not in xml and "{%" not in xml:
                continue
            patched = patcher.patch_xml(xml)
            patched = re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)
            try:
                self._templates[part_name] = self._env.from_string(patched)
            except jinja2.TemplateSyntaxError as exc:
                raise LayoutError.single(
                    f"mẫu trình bày '{name}', phần {part_name}, dòng {exc.lineno}: lỗi thẻ Jinja"
                    f" ({exc.message})",
                    f"layout '{name}', part {part_name}, line {exc.lineno}: Jinja tag error"
                    f" ({exc.message})",
                ) from exc

    def _with_footnotes(self, notes: list[str]) -> bytes:
        base = self._parts.get("word/footnotes.xml")
        if base is None or b"</w:footnotes>" not in base:
            raise LayoutError.single(
                f"mẫu trình bày '{self.name}' không có phần chú thích (word/footnotes.xml)",
                f"layout '{self.name}' has no footnotes part (word/footnotes.xml)",
            )
        return base.replace(b"</w:footnotes>", "".join(notes).encode() + b"</w:footnotes>")

    def document_context(self, doc: Document, first_note: int = 1) -> dict[str, Any]:
        """The variables of one document (``vb`` in the layout): text, lines, paragraphs."""
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
        tieu_ngu_len = text_width(doc.tieu_ngu, g.tieu_ngu_size, bold=g.tieu_ngu_bold)
        quoc_hieu_len = text_width(doc.quoc_hieu, g.quoc_hieu_size, bold=g.quoc_hieu_bold)
        # Centred title lines are broken evenly, as a văn thư breaks them, within 95% of
        # the measured width so Word never needs to break them again.
        trich_yeu_lines = wrap_balanced(
            doc.trich_yeu, int(g.text_width * 0.95), g.trich_yeu_size, bold=g.trich_yeu_bold
        )
        kem_theo_lines = (
            wrap_balanced(doc.kem_theo, int(g.text_width * 0.95), g.trich_yeu_size)
            if doc.kem_theo
            else []
        )
        trich_yeu_len = max(
            text_width(x, g.trich_yeu_size, bold=g.trich_yeu_bold) for x in trich_yeu_lines
        )
        body, notes = paragraphs_xml(doc.noi_dung, first_note, g.text_width)
        return {
            "_footnotes": notes,
            "loai": doc.loai,
            "co_quan_chu_quan": chu_quan,
            "co_quan_ban_hanh": co_quan,
            "ke_co_quan": rule_paragraph(round(co_quan_len * RULE_RATIO), g.co_quan_width),
            "so_ky_hieu": doc.so_ky_hieu,
            "quoc_hieu": doc.quoc_hieu,
            "tieu_ngu": doc.tieu_ngu,
            "ke_tieu_ngu": rule_paragraph(tieu_ngu_len, g.quoc_hieu_width),
            "ke_quoc_hieu": rule_paragraph(quoc_hieu_len, g.quoc_hieu_width),
            "so": doc.so,
            "ky_hieu_loai": doc.ky_hieu_loai,
            "ky_hieu_co_quan": doc.ky_hieu_co_quan,
            "nguoi_nhan": list(doc.nguoi_nhan),
            "dia_danh_ngay": doc.dia_danh_ngay,
            "ten_loai": doc.ten_loai,
            "trich_yeu": line_breaks(trich_yeu_lines),
            "kem_theo": line_breaks(kem_theo_lines),
            "ke_trich_yeu": rule_paragraph(round(trich_yeu_len * RULE_RATIO), g.text_width),
            "tham_quyen_ban_hanh": doc.tham_quyen_ban_hanh,
            "noi_dung": body,
            "co_chu_ky": doc.co_chu_ky,
            "noi_nhan": list(doc.noi_nhan),
            "ky_hieu_nguoi_soan": doc.ky_hieu_nguoi_soan,
            "quyen_han": list(doc.quyen_han),
            "ho_ten": doc.ho_ten,
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

    def render(
        self,
        docs: Document | Sequence[Document],
        extra: Callable[[dict[str, Any]], None] | None = None,
    ) -> bytes:
        """The .docx bytes of ``docs`` (one document, or several as sections of one file).

        ``extra`` may add variables to the context.
        """
        ctx = self.context([docs] if isinstance(docs, Document) else list(docs))
        if extra is not None:
            extra(ctx)
        parts = dict(self._parts)
        notes: list[str] = ctx.pop("_footnotes")
        if notes:
            parts["word/footnotes.xml"] = self._with_footnotes(notes)
        for part_name, template in self._templates.items():
            try:
                xml = template.render(ctx)
            except jinja2.UndefinedError as exc:
                raise LayoutError.single(
                    f"mẫu trình bày '{self.name}' ({part_name}) dùng biến không có trong dữ liệu:"
                    f" {exc.message}",
                    f"layout '{self.name}' ({part_name}) uses a variable the data does not"
                    f" provide: {exc.message}",
                ) from exc
            except jinja2.TemplateError as exc:
                raise LayoutError.single(
                    f"mẫu trình bày '{self.name}' ({part_name}) lỗi khi điền dữ liệu: {exc}",
                    f"layout '{self.name}' ({part_name}) failed to render: {exc}",
                ) from exc
            xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
            blob = xml.encode("utf-8")
            try:
                etree.fromstring(blob)
            except etree.XMLSyntaxError as exc:
                raise LayoutError.single(
                    f"mẫu trình bày '{self.name}' tạo ra XML hỏng ở {part_name}: {exc}",
                    f"layout '{self.name}' produced invalid XML in {part_name}: {exc}",
                ) from exc
            parts[part_name] = blob
        return write_package(parts)
