"""Build the bundled ND30 layout ``templates/layouts/nd30/layout.docx`` beside this file.

The layout is Mẫu 1.4 of Phụ lục III (Nghị định 30/2020/NĐ-CP) as a docxtpl template:
page geometry, named paragraph styles for every component of thể thức, the header
table, the Nơi nhận / signature table and the page-number header, with Jinja tags
where the data goes. Run from the repository root::

    .venv/bin/python templates/layouts/nd30/build.py     # or: make layout

The result is byte-for-byte reproducible (fixed document properties, fixed zip
timestamps); ``tests/test_layout_build.py`` checks that the committed file matches.
A template author may instead open the .docx in Word or LibreOffice and restyle it:
the styles carry the look, the tags carry the data.

Geometry (all within Phụ lục I, I.1-3 and taken from the official Mẫu 1.4 file):
A4 portrait; margins top 25 mm, bottom 20 mm, left 35 mm, right 20 mm; header table
columns 67.5 mm / 100 mm.
"""

from __future__ import annotations

import io
import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "src"))

from chithi_gen.render.package import (  # noqa: E402
    PYTHON_DOCX_EXTRAS,
    read_package,
    without_parts,
    write_package,
)

OUT = HERE / "layout.docx"
FONT = "Times New Roman"

#: Header table columns (Mẫu 1.4): 67.5 mm for the agency, 100 mm for the Quốc hiệu.
HEADER_COLS_MM = (67.5, 100.0)
#: Shift of the header table to the left (Mẫu 1.4: tblInd -199 twips ≈ -3.5 mm).
HEADER_INDENT_TW = -199
#: Nơi nhận / signature table columns, summing to the text width (155 mm).
SIGN_COLS_MM = (72.0, 83.0)
#: Left and right cell margins in both tables (twips).
CELL_MARGIN_TW = 57

# name, style id, size pt, bold, italic, alignment, extra (keyword options)
STYLES: list[tuple[str, str, float, bool, bool, str, dict[str, object]]] = [
    ("Cơ quan chủ quản", "CoQuanChuQuan", 13, False, False, "center", {}),
    ("Cơ quan ban hành", "CoQuanBanHanh", 13, True, False, "center", {}),
    ("Số ký hiệu", "SoKyHieu", 13, False, False, "center", {"before": 6}),
    ("Quốc hiệu", "QuocHieu", 13, True, False, "center", {}),
    ("Tiêu ngữ", "TieuNgu", 14, True, False, "center", {}),
    ("Địa danh ngày", "DiaDanhNgay", 14, False, True, "center", {"before": 6}),
    ("Tên loại", "TenLoai", 14, True, False, "center", {"before": 18, "keep_next": True}),
    ("Trích yếu", "TrichYeu", 14, True, False, "center", {"keep_next": True}),
    # "(Kèm theo Quyết định số …)" under an attached programme's trích yếu (Mẫu 1.3).
    ("Kèm theo", "KemTheo", 14, False, True, "center", {"keep_next": True}),
    # The issuing authority under a Quyết định's title (Mẫu 1.3, note 6).
    ("Thẩm quyền ban hành", "ThamQuyenBanHanh", 14, True, False, "center", {"before": 6}),
    (
        "Nội dung",
        "NoiDung",
        14,
        False,
        False,
        "justify",
        {"first_line_mm": 10.0, "before": 6, "line": 1.15},
    ),
    (
        "Tiêu đề mục",
        "DeMuc1",
        14,
        True,
        False,
        "justify",
        {
            "first_line_mm": 10.0,
            "before": 6,
            "line": 1.15,
            "keep_next": True,
            "based_on": "NoiDung",
        },
    ),
    (
        "Tiêu đề khoản",
        "DeMuc2",
        14,
        True,
        False,
        "justify",
        {
            "first_line_mm": 10.0,
            "before": 6,
            "line": 1.15,
            "keep_next": True,
            "based_on": "NoiDung",
        },
    ),
    # Căn cứ ban hành: italic, one per line (Phụ lục I, II.6.a).
    (
        "Căn cứ",
        "CanCu",
        14,
        False,
        True,
        "justify",
        {"first_line_mm": 10.0, "before": 6, "line": 1.15, "based_on": "NoiDung"},
    ),
    ("Quyết định", "QuyetDinh", 14, True, False, "center", {"before": 12, "keep_next": True}),
    # Cells of body tables (chỉ tiêu): one size smaller, single spacing.
    ("Bảng", "Bang", 13, False, False, "left", {"before": 2}),
    ("Nơi nhận nhãn", "NoiNhanNhan", 12, True, True, "left", {"keep_next": True}),
    ("Nơi nhận", "NoiNhan", 11, False, False, "left", {"hanging_mm": 2.5}),
    ("Ký hiệu người soạn", "KyHieuNguoiSoan", 11, False, False, "left", {}),
    ("Quyền hạn người ký", "QuyenHan", 14, True, False, "center", {"keep_next": True}),
    ("Họ tên người ký", "HoTen", 14, True, False, "center", {"before": 80}),
    ("Số trang", "SoTrang", 14, False, False, "center", {}),
]

#: Footnotes (chú thích): Word's built-in style names, so Word treats them natively.
FOOTNOTE_TEXT = ("footnote text", "FootnoteText", 12)
FOOTNOTE_REF = ("footnote reference", "FootnoteReference")

FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"

#: The paragraph style of the rules (đường kẻ): a bottom border on a 1 pt paragraph.
RULE_STYLE = ("Đường kẻ", "DuongKe")


def _set_fonts(rpr: object, size: float | None = None) -> None:
    rfonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)  # type: ignore[attr-defined]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)


def _define_styles(doc: Document) -> None:  # type: ignore[valid-type]
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _set_fonts(normal.element.get_or_add_rPr())
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    normal.element.get_or_add_rPr().append(lang)

    align = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }
    for name, style_id, size, bold, italic, al, extra in STYLES:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), style_id)
        based = extra.get("based_on")
        style.base_style = styles["Normal"] if based is None else _by_id(doc, str(based))
        style.quick_style = True
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        pf = style.paragraph_format
        pf.alignment = align[al]
        pf.space_before = Pt(float(extra.get("before", 0)))  # type: ignore[arg-type]
        pf.space_after = Pt(0)
        line = extra.get("line")
        if line is not None:
            pf.line_spacing = float(line)  # type: ignore[arg-type]
        first = extra.get("first_line_mm")
        if first is not None:
            pf.first_line_indent = Mm(float(first))  # type: ignore[arg-type]
        hanging = extra.get("hanging_mm")
        if hanging is not None:
            # "- " at the left edge (Phụ lục I, II.9.d); a wrapped line hangs after it.
            pf.left_indent = Mm(float(hanging))  # type: ignore[arg-type]
            pf.first_line_indent = -Mm(float(hanging))  # type: ignore[arg-type]
        if extra.get("keep_next"):
            pf.keep_with_next = True
        pf.widow_control = True

    fn = styles.add_style(FOOTNOTE_TEXT[0], WD_STYLE_TYPE.PARAGRAPH)
    fn.element.set(qn("w:styleId"), FOOTNOTE_TEXT[1])
    fn.base_style = styles["Normal"]
    fn.font.size = Pt(FOOTNOTE_TEXT[2])
    fn.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    ref = styles.add_style(FOOTNOTE_REF[0], WD_STYLE_TYPE.CHARACTER)
    ref.element.set(qn("w:styleId"), FOOTNOTE_REF[1])
    ref.font.superscript = True

    rule = styles.add_style(RULE_STYLE[0], WD_STYLE_TYPE.PARAGRAPH)
    rule.element.set(qn("w:styleId"), RULE_STYLE[1])
    rule.base_style = styles["Normal"]
    rule.font.size = Pt(1)
    rpf = rule.paragraph_format
    rpf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    rpf.line_spacing = Pt(4)
    rpf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ppr = rule.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    borders.append(bottom)
    ppr.insert(0, borders)


def _by_id(doc: Document, style_id: str):  # type: ignore[no-untyped-def,valid-type]
    for style in doc.styles:
        if style.style_id == style_id:
            return style
    raise KeyError(style_id)


def _para(container, style_id: str, text: str = ""):  # type: ignore[no-untyped-def]
    p = container.add_paragraph(text)
    p.style = _by_id(container.part.document if hasattr(container, "part") else container, style_id)
    return p


def _el(tag: str, **attrs: str):  # type: ignore[no-untyped-def]
    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), v)
    return el


def _table(doc, cols_mm: tuple[float, ...], rows: int, indent_tw: int = 0, top_tw: int = 0):  # type: ignore[no-untyped-def]
    """A borderless fixed-width table; tblPr children in schema order (Word is strict)."""
    table = doc.add_table(rows=rows, cols=len(cols_mm))
    widths = [int(Mm(mm).twips) for mm in cols_mm]
    tbl = table._tbl
    old = tbl.tblPr
    tblpr = OxmlElement("w:tblPr")
    tblpr.append(_el("w:tblW", w=str(sum(widths)), type="dxa"))
    tblpr.append(_el("w:jc", val="left"))
    tblpr.append(_el("w:tblInd", w=str(indent_tw), type="dxa"))
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{side}", val="nil"))
    tblpr.append(borders)
    tblpr.append(_el("w:tblLayout", type="fixed"))
    mar = OxmlElement("w:tblCellMar")
    for side, w in (
        ("top", top_tw),
        ("left", CELL_MARGIN_TW),
        ("bottom", 0),
        ("right", CELL_MARGIN_TW),
    ):
        mar.append(_el(f"w:{side}", w=str(w), type="dxa"))
    tblpr.append(mar)
    tblpr.append(
        _el(
            "w:tblLook",
            val="0000",
            firstRow="0",
            lastRow="0",
            firstColumn="0",
            lastColumn="0",
            noHBand="1",
            noVBand="1",
        )
    )
    tbl.replace(old, tblpr)
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = Twips(w)
    for col, w in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(w))
    return table


def _cell_para(cell, style_id: str, text: str, doc) -> None:  # type: ignore[no-untyped-def]
    """Add a paragraph to a cell (reusing the empty first paragraph)."""
    if (
        len(cell.paragraphs) == 1
        and not cell.paragraphs[0].text
        and not getattr(cell, "_used", False)
    ):
        p = cell.paragraphs[0]
        p.text = text
        cell._used = True
    else:
        p = cell.add_paragraph(text)
    p.style = _by_id(doc, style_id)


def _page_number_header(doc) -> None:  # type: ignore[no-untyped-def]
    """Page number centred in the top margin, hidden on page 1 (Phụ lục I, I.7)."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    # Each document (a Quyết định, then its attachment) is numbered from 1.
    pg_num = OxmlElement("w:pgNumType")
    pg_num.set(qn("w:start"), "1")
    section._sectPr.find(qn("w:pgMar")).addnext(pg_num)
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.style = _by_id(doc, "SoTrang")
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        ("t", "2"),
        ("end", None),
    ):
        run = p.add_run()
        if kind in ("begin", "separate", "end"):
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif kind == "t":
            run.text = text
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].style = _by_id(doc, "SoTrang")


def build() -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = Mm(25)
    section.bottom_margin = Mm(20)
    section.left_margin = Mm(35)
    section.right_margin = Mm(20)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    _define_styles(doc)
    # python-docx's default document starts with no paragraph; the body is ours.

    # One pass of this block per document: a Quyết định and the programme it issues
    # come out of one campaign file as two sections of one .docx.
    _para(doc, "NoiDung", "{%p for vb in van_ban %}")
    header = _table(doc, HEADER_COLS_MM, rows=4, indent_tw=HEADER_INDENT_TW)
    left, right = header.rows[0].cells
    _cell_para(left, "CoQuanChuQuan", "{%p for dong in vb.co_quan_chu_quan %}", doc)
    _cell_para(left, "CoQuanChuQuan", "{{ dong }}", doc)
    _cell_para(left, "CoQuanChuQuan", "{%p endfor %}", doc)
    _cell_para(left, "CoQuanBanHanh", "{%p for dong in vb.co_quan_ban_hanh %}", doc)
    _cell_para(left, "CoQuanBanHanh", "{{ dong }}", doc)
    _cell_para(left, "CoQuanBanHanh", "{%p endfor %}", doc)
    _cell_para(left, "DuongKe", "{{p vb.ke_co_quan }}", doc)
    _cell_para(right, "QuocHieu", "{{ vb.quoc_hieu }}", doc)
    _cell_para(right, "TieuNgu", "{{ vb.tieu_ngu }}", doc)
    _cell_para(right, "DuongKe", "{{p vb.ke_tieu_ngu }}", doc)
    # Số ký hiệu and date on one row (Phụ lục I, II.4.c); an attached programme has none.
    _cell_para(header.rows[1].cells[0], "SoKyHieu", "{%tr if vb.so_ky_hieu %}", doc)
    left2, right2 = header.rows[2].cells
    _cell_para(left2, "SoKyHieu", "{{ vb.so_ky_hieu }}", doc)
    _cell_para(right2, "DiaDanhNgay", "{{ vb.dia_danh_ngay }}", doc)
    _cell_para(header.rows[3].cells[0], "SoKyHieu", "{%tr endif %}", doc)

    _para(doc, "TenLoai", "{{ vb.ten_loai }}")
    _para(doc, "TrichYeu", "{{ vb.trich_yeu }}")
    _para(doc, "KemTheo", "{%p if vb.kem_theo %}")
    _para(doc, "KemTheo", "{{ vb.kem_theo }}")
    _para(doc, "KemTheo", "{%p endif %}")
    _para(doc, "DuongKe", "{{p vb.ke_trich_yeu }}")
    _para(doc, "ThamQuyenBanHanh", "{%p if vb.tham_quyen_ban_hanh %}")
    _para(doc, "ThamQuyenBanHanh", "{{ vb.tham_quyen_ban_hanh }}")
    _para(doc, "ThamQuyenBanHanh", "{%p endif %}")
    _para(doc, "NoiDung", "{{p vb.noi_dung }}")

    _para(doc, "NoiNhan", "{%p if vb.co_chu_ky %}")
    # 12 pt above the block; "Nơi nhận:" sits level with the authority line
    # (Phụ lục I, II.9.d), so both cells start at the top.
    sign = _table(doc, SIGN_COLS_MM, rows=1, top_tw=240)
    nn, ck = sign.rows[0].cells
    _cell_para(nn, "NoiNhanNhan", "Nơi nhận:", doc)
    _cell_para(nn, "NoiNhan", "{%p for dong in vb.noi_nhan %}", doc)
    _cell_para(nn, "NoiNhan", "{{ dong }}", doc)
    _cell_para(nn, "NoiNhan", "{%p endfor %}", doc)
    _cell_para(nn, "KyHieuNguoiSoan", "{%p if vb.ky_hieu_nguoi_soan %}", doc)
    _cell_para(nn, "KyHieuNguoiSoan", "{{ vb.ky_hieu_nguoi_soan }}", doc)
    _cell_para(nn, "KyHieuNguoiSoan", "{%p endif %}", doc)
    _cell_para(ck, "QuyenHan", "{%p for dong in vb.quyen_han %}", doc)
    _cell_para(ck, "QuyenHan", "{{ dong }}", doc)
    _cell_para(ck, "QuyenHan", "{%p endfor %}", doc)
    _cell_para(ck, "HoTen", "{{ vb.ho_ten }}", doc)
    _para(doc, "NoiNhan", "{%p endif %}")
    # Between documents: a section break that starts a new page numbered from 1.
    _para(doc, "NoiNhan", "{%p if not loop.last %}")
    _para(doc, "NoiNhan", "{{p ngat_phan }}")
    _para(doc, "NoiNhan", "{%p endif %}")
    _para(doc, "NoiNhan", "{%p endfor %}")
    # A document body must end with a paragraph, not a table.
    _para(doc, "NoiNhan", "")
    _page_number_header(doc)

    props = doc.core_properties
    props.author = "chithi_gen"
    props.last_modified_by = "chithi_gen"
    props.title = "{{ tieu_de_tep }}"
    props.language = "vi-VN"
    props.created = datetime(2020, 3, 5)
    props.modified = datetime(2020, 3, 5)
    props.revision = 1
    props.comments = "Mẫu 1.4, Phụ lục III, Nghị định 30/2020/NĐ-CP"

    buf = io.BytesIO()
    doc.save(buf)
    # python-docx's default template brings parts Word does not need (the legacy
    # stylesWithEffects.xml, an empty bibliography, a thumbnail): left out.
    parts = without_parts(read_package(buf.getvalue()), PYTHON_DOCX_EXTRAS)
    _add_footnotes_part(parts)
    return write_package(parts)


def _add_footnotes_part(parts: dict[str, bytes]) -> None:
    """Give the layout a footnotes part (python-docx's default template has none)."""
    parts["word/footnotes.xml"] = FOOTNOTES_XML.encode()
    ct = parts["[Content_Types].xml"].decode()
    override = f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTES_CT}"/>'
    parts["[Content_Types].xml"] = ct.replace("</Types>", override + "</Types>").encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    rel = f'<Relationship Id="rIdFootnotes" Type="{FOOTNOTES_REL}" Target="footnotes.xml"/>'
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", rel + "</Relationships>"
    ).encode()
    settings = parts["word/settings.xml"].decode()
    pr = '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    if "<w:compat" not in settings:
        raise RuntimeError("settings.xml has no w:compat to anchor w:footnotePr before")
    parts["word/settings.xml"] = settings.replace("<w:compat", pr + "<w:compat", 1).encode()


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    data = build()
    OUT.write_bytes(data)
    print(f"wrote {OUT.relative_to(ROOT)} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
