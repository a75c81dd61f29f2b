"""Typing documents the way clerks do, with python-docx: the checker corpus's builder kit.

A clerk starts from a blank Word document, sets A4 and the margins, builds the header as
a two-column table without borders, types the tên loại and trích yếu, draws the rules
as paragraph borders (or types underscores), numbers the items by hand ("1.", "a)",
"-"), and lays out Nơi nhận and the signature as a second table. ``Doc`` does the same,
with each choice a parameter so that a mistake can be made on purpose.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from chithi_gen.check.metrics import Piece, line_width

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
TNR = "Times New Roman"


@dataclass
class Fmt:
    """How a paragraph is typed."""

    size: float = 14
    bold: bool = False
    italic: bool = False
    align: str = "both"
    indent_cm: float | None = None
    before: float = 0
    after: float = 0
    line: float | None = 1.0  # a multiple of single spacing, or None to inherit
    font: str | None = TNR
    superscript: bool = False


@dataclass
class Doc:
    """A document being typed."""

    margins_mm: tuple[float, float, float, float] = (20, 20, 30, 15)  # top, bottom, l, r
    a4: bool = True
    base_font: str | None = TNR
    ascii_only_fonts: bool = False
    theme_defaults: bool = True
    doc: Any = field(default=None)

    def __post_init__(self) -> None:
        self.doc = Document()
        sect = self.doc.sections[0]
        if self.a4:
            sect.page_width, sect.page_height = Mm(210), Mm(297)
        top, bottom, left, right = self.margins_mm
        sect.top_margin, sect.bottom_margin = Mm(top), Mm(bottom)
        sect.left_margin, sect.right_margin = Mm(left), Mm(right)
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(14)
        if self.base_font is not None:
            self._fonts(normal.element.get_or_add_rPr(), self.base_font)
        if not self.theme_defaults:
            # A blank document whose defaults name no font (no theme fonts either).
            defaults = self.doc.styles.element.find(qn("w:docDefaults"))
            for fonts in defaults.iter(qn("w:rFonts")):
                fonts.getparent().remove(fonts)
        ppr = normal.element.get_or_add_pPr()
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")
        spacing.set(qn("w:lineRule"), "auto")
        ppr.append(spacing)

    # -- low level ------------------------------------------------------------------

    def _fonts(self, rpr: Any, name: str) -> None:
        old = rpr.find(qn("w:rFonts"))
        if old is not None:
            rpr.remove(old)
        fonts = OxmlElement("w:rFonts")
        fonts.set(qn("w:ascii"), name)
        if not self.ascii_only_fonts:
            fonts.set(qn("w:hAnsi"), name)
            fonts.set(qn("w:cs"), name)
        rpr.insert(0, fonts)

    def paragraph(self, container: Any, text: str, fmt: Fmt) -> Any:
        """Type ``text`` as one paragraph (``\\n`` for a line break)."""
        p = container.add_paragraph()
        pf = p.paragraph_format
        pf.alignment = ALIGN[fmt.align]
        pf.space_before, pf.space_after = Pt(fmt.before), Pt(fmt.after)
        if fmt.indent_cm is not None:
            pf.first_line_indent = Cm(fmt.indent_cm)
        if fmt.line is not None:
            pf.line_spacing = fmt.line
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            run = p.add_run(piece)
            self.style_run(run, fmt)
            if i < len(pieces) - 1:
                run.add_break()
        return p

    def style_run(self, run: Any, fmt: Fmt) -> None:
        """Size, weight, slant and font of a run."""
        run.font.size = Pt(fmt.size)
        run.bold, run.italic = fmt.bold, fmt.italic
        if fmt.superscript:
            run.font.superscript = True
        if fmt.font is not None:
            self._fonts(run._r.get_or_add_rPr(), fmt.font)

    @staticmethod
    def border_below(p: Any, length_twips: float, available_twips: float) -> None:
        """Turn an empty paragraph into a rule of ``length`` centred in ``available``."""
        ppr = p._p.get_or_add_pPr()
        bdr = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
            bottom.set(qn(f"w:{key}"), value)
        bdr.append(bottom)
        ppr.append(bdr)
        ind = OxmlElement("w:ind")
        side = max(round((available_twips - length_twips) / 2), 0)
        ind.set(qn("w:left"), str(side))
        ind.set(qn("w:right"), str(side))
        ppr.append(ind)
        p.paragraph_format.alignment = ALIGN["center"]
        p.paragraph_format.space_after = Pt(0)
        for key, value in (("w:sz", "8"),):
            rpr = OxmlElement("w:rPr")
            sz = OxmlElement(key)
            sz.set(qn("w:val"), value)
            rpr.append(sz)
            ppr.append(rpr)

    def rule(
        self, container: Any, under: str, fmt: Fmt, ratio: float, available: float, kind: str
    ) -> None:
        """The rule under ``under``: a border (``ratio`` of its width), underscores, none."""
        if kind == "none":
            return
        if kind == "underscores":
            self.paragraph(
                container,
                "_" * max(int(12 * ratio * len(under) / 14), 5),
                Fmt(size=fmt.size, align="center"),
            )
            return
        width = line_width([Piece(under, fmt.size, fmt.bold, fmt.italic)])
        p = container.add_paragraph()
        self.border_below(p, min(width * ratio, available), available)

    def text_width(self) -> float:
        """Width between the margins, in twips."""
        sect = self.doc.sections[-1]
        return float((sect.page_width - sect.left_margin - sect.right_margin) / 635)

    @staticmethod
    def widths(table: Any, widths: Sequence[Any]) -> None:
        """Column widths in the grid and every cell (Word reads cells, Writer the grid)."""
        for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
            col.set(qn("w:w"), str(int(width.twips)))
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width

    # -- components -----------------------------------------------------------------

    def header(
        self,
        co_quan: Sequence[str],
        so: str | None,
        ngay: str | None,
        *,
        chu_quan: Sequence[str] = (),
        vv: Sequence[str] = (),
        rules: str = "border",
        qh_size: float = 13,
        agency_size: float = 13,
        chu_quan_size: float = 13,
        date_align: str = "center",
        vv_fmt: Fmt | None = None,
        tieu_ngu: str = "Độc lập - Tự do - Hạnh phúc",
        qh_line: float = 1.0,
        cell_margins: int | None = None,
    ) -> None:
        """The header table: agency, number (and V/v) left; Quốc hiệu, motto, date right."""
        table = self.doc.add_table(rows=1, cols=2)
        self.widths(table, (Cm(6.5), Cm(9.5)))
        if cell_margins is not None:
            tbl_pr = table._tbl.tblPr
            mar = OxmlElement("w:tblCellMar")
            for side in ("left", "right"):
                el = OxmlElement(f"w:{side}")
                el.set(qn("w:w"), str(cell_margins))
                el.set(qn("w:type"), "dxa")
                mar.append(el)
            tbl_pr.append(mar)
            for cell in table.rows[0].cells:
                tc_pr = cell._tc.get_or_add_tcPr()
                tc_mar = OxmlElement("w:tcMar")
                for side in ("left", "right"):
                    el = OxmlElement(f"w:{side}")
                    el.set(qn("w:w"), "0")
                    el.set(qn("w:type"), "dxa")
                    tc_mar.append(el)
                tc_pr.append(tc_mar)
        margin = 108 if cell_margins is None else 0
        left, right = table.rows[0].cells
        for cell in (left, right):
            cell._tc.remove(cell.paragraphs[0]._p)
        for line in chu_quan:
            self.paragraph(left, line, Fmt(size=chu_quan_size, align="center"))
        agency_fmt = Fmt(size=agency_size, bold=True, align="center")
        for line in co_quan:
            self.paragraph(left, line, agency_fmt)
        self.rule(left, max(co_quan, key=len), agency_fmt, 0.4, 6.5 * 567 - 2 * margin, rules)
        if so is not None:
            self.paragraph(left, so, Fmt(size=13, align="center", before=4))
        for i, line in enumerate(vv):
            fmt = vv_fmt or Fmt(size=12, align="center", before=6 if i == 0 else 0)
            self.paragraph(left, line, fmt)
        qh = Fmt(size=qh_size, bold=True, align="center", line=qh_line)
        self.paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", qh)
        tn = Fmt(size=14, bold=True, align="center", line=qh_line)
        self.paragraph(right, tieu_ngu, tn)
        self.rule(right, tieu_ngu, tn, 1.0, 9.5 * 567 - 2 * margin, rules)
        if ngay is not None:
            self.paragraph(right, ngay, Fmt(size=14, italic=True, align=date_align, before=4))

    def title(
        self,
        ten_loai: str | None,
        trich_yeu: Sequence[str] = (),
        *,
        rules: str = "border",
        ten_loai_fmt: Fmt | None = None,
        trich_yeu_fmt: Fmt | None = None,
        kem_theo: str | None = None,
    ) -> None:
        """Tên loại, trích yếu and the rule under them."""
        self.paragraph(self.doc, "", Fmt(size=14))
        if ten_loai is not None:
            self.paragraph(self.doc, ten_loai, ten_loai_fmt or Fmt(bold=True, align="center"))
        tf = trich_yeu_fmt or Fmt(bold=True, align="center")
        for line in trich_yeu:
            self.paragraph(self.doc, line, tf)
        if kem_theo is not None:
            self.paragraph(self.doc, kem_theo, Fmt(italic=True, align="center"))
        under = max(trich_yeu, key=len) if trich_yeu else (ten_loai or "")
        self.rule(self.doc, under, tf, 0.4, self.text_width(), rules)

    def body(self, paragraphs: Sequence[str], fmt: Fmt | None = None) -> None:
        """Body paragraphs: justified, first line indented 1.27 cm, 6 pt apart."""
        f = fmt or Fmt(indent_cm=1.27, before=6)
        for text in paragraphs:
            self.paragraph(self.doc, text, f)

    def closing(
        self,
        noi_nhan: Sequence[str],
        authority: Sequence[str],
        signer: str,
        *,
        label_fmt: Fmt | None = None,
        list_size: float = 11,
        signer_fmt: Fmt | None = None,
        authority_fmt: Fmt | None = None,
        rows: bool = False,
        note: str | None = None,
    ) -> None:
        """Nơi nhận (left) and the signature (right), one row or spread over rows."""
        self.paragraph(self.doc, "", Fmt(size=14))
        label = label_fmt or Fmt(size=12, bold=True, italic=True, align="left")
        listed = Fmt(size=list_size, align="left")
        auth = authority_fmt or Fmt(bold=True, align="center")
        name = signer_fmt or Fmt(bold=True, align="center")
        n_rows = 3 if rows else 1
        table = self.doc.add_table(rows=n_rows, cols=2)
        self.widths(table, (Cm(7), Cm(9)))
        for row in table.rows:
            for cell in row.cells:
                cell._tc.remove(cell.paragraphs[0]._p)
        left0, right0 = table.rows[0].cells
        self.paragraph(left0, "Nơi nhận:", label)
        lst = table.rows[1].cells[0] if rows else left0
        for line in noi_nhan:
            self.paragraph(lst, line, listed)
        for line in authority:
            self.paragraph(right0, line, auth)
        if rows:
            mid = table.rows[1].cells[1]
            self.paragraph(mid, note or "(Đã ký)", Fmt(italic=True, align="center"))
            last = table.rows[2].cells[1]
            self.paragraph(table.rows[2].cells[0], "", Fmt(size=11))
        else:
            last = right0
            if note:
                self.paragraph(last, note, Fmt(italic=True, align="center"))
            for _ in range(3):
                self.paragraph(last, "", Fmt())
        self.paragraph(last, signer, name)

    def page_numbers(self, *, first_hidden: bool = True, size: float = 14) -> None:
        """A centred PAGE field in the header, hidden on page 1."""
        sect = self.doc.sections[-1]
        sect.different_first_page_header_footer = first_hidden
        p = sect.header.paragraphs[0]
        p.paragraph_format.alignment = ALIGN["center"]
        for kind, text in (
            ("begin", None),
            (None, " PAGE "),
            ("separate", None),
            (None, "2"),
            ("end", None),
        ):
            run = p.add_run()
            self.style_run(run, Fmt(size=size))
            if kind is not None:
                fld = OxmlElement("w:fldChar")
                fld.set(qn("w:fldCharType"), kind)
                run._r.append(fld)
            elif text == " PAGE ":
                instr = OxmlElement("w:instrText")
                instr.text = text
                run._r.append(instr)
            else:
                run.text = text or ""

    def new_section(self, *, restart: bool) -> None:
        """Start a new section on a new page (an appendix), its numbers restarted or not."""
        sect = self.doc.add_section(WD_SECTION.NEW_PAGE)
        if restart:
            pg = OxmlElement("w:pgNumType")
            pg.set(qn("w:start"), "1")
            sect._sectPr.append(pg)

    def save(self) -> bytes:
        """The .docx, with fixed document properties."""
        import datetime as dt

        props = self.doc.core_properties
        props.created = props.modified = dt.datetime(2026, 1, 1)
        props.last_modified_by = props.author = "chithi corpus"
        props.revision = 1
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()
