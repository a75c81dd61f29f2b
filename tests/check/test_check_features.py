"""How the checker reads documents made other ways than ours.

Rules drawn as shapes or typed as underscores, drafts with blank numbers and dates,
wording variants, style inheritance (theme fonts, character-style toggles), headings
in the body, bullet lists, landscape table pages, a page number in the footer.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

import pytest
from docx_edit import (
    DocxEdit,
    first_run,
    landscape_section_before,
    props,
    q,
    set_prop,
    set_text,
    style_rpr,
    text_of,
)
from lxml import etree

from chithi_gen.check import check_docx
from chithi_gen.check.model import Report

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V = "urn:schemas-microsoft-com:vml"


def _check(ours: bytes, edit: Callable[[DocxEdit], None]) -> Report:
    d = DocxEdit(ours)
    edit(d)
    return check_docx(d.save())


def _failed(report: Report) -> list[str]:
    return [r.rule_id for r in report.failures]


# -- rules drawn in other ways ------------------------------------------------------


def _trich_yeu_rule(d: DocxEdit) -> tuple[etree._Element, int]:
    """The rule paragraph under the trích yếu, and its length in twips."""
    rule = d.rule_after(d.para("Về việc phát động"))
    ind = rule.find(f"{q('pPr')}/{q('ind')}")
    assert ind is not None
    mar = d.sect.find(q("pgMar"))
    pg = d.sect.find(q("pgSz"))
    assert mar is not None and pg is not None
    width = int(pg.get(q("w"), "0")) - int(mar.get(q("left"), "0")) - int(mar.get(q("right"), "0"))
    return rule, width - 2 * int(ind.get(q("left"), "0"))


def _replace_rule(d: DocxEdit, run_xml: str) -> None:
    rule, _ = _trich_yeu_rule(d)
    new = etree.fromstring(
        f'<w:p xmlns:w="{q("")[1:-1]}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:wps="{WPS}" '
        f'xmlns:v="{V}"><w:pPr><w:jc w:val="center"/></w:pPr><w:r>{run_xml}</w:r></w:p>'
    )
    rule.addprevious(new)
    rule.getparent().remove(rule)


def _drawingml_line(length_twips: int) -> str:
    emu = length_twips * 635
    return (
        '<w:drawing><wp:anchor behindDoc="0" distT="0" distB="0" distL="0" distR="0" '
        'simplePos="0" locked="0" layoutInCell="1" allowOverlap="1" relativeHeight="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:align>center'
        '</wp:align></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
        f'</wp:posOffset></wp:positionV><wp:extent cx="{emu}" cy="0"/><wp:wrapNone/>'
        '<wp:docPr id="9" name="Straight Connector 9"/><a:graphic><a:graphicData '
        f'uri="{WPS}"><wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{emu}" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
        "</wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )


def test_rule_as_drawingml_line(ours: bytes) -> None:
    def edit(d: DocxEdit) -> None:
        _, length = _trich_yeu_rule(d)
        _replace_rule(d, _drawingml_line(length))

    report = _check(ours, edit)
    result = report.get("ND30-TRICHYEU-RULE")
    assert result.status == "pass", result.message
    assert "đường vẽ/line shape" in result.found
    assert report.ok


def test_rule_as_drawingml_line_too_long(ours: bytes) -> None:
    def edit(d: DocxEdit) -> None:
        _, length = _trich_yeu_rule(d)
        _replace_rule(d, _drawingml_line(length * 2))

    assert _failed(_check(ours, edit)) == ["ND30-TRICHYEU-RULE"]


def test_rule_as_vml_line(ours: bytes) -> None:
    def edit(d: DocxEdit) -> None:
        _, length = _trich_yeu_rule(d)
        _replace_rule(d, f'<w:pict><v:line from="0,0" to="{length / 20}pt,0"/></w:pict>')

    report = _check(ours, edit)
    assert report.ok, [(r.rule_id, r.message) for r in report.failures]


def test_rule_typed_as_underscores(ours: bytes) -> None:
    def edit(d: DocxEdit) -> None:
        _replace_rule(d, "<w:t>________________</w:t>")

    report = _check(ours, edit)
    assert report.ok  # the official samples type their rules so: a warning, not an error
    result = report.get("ND30-TRICHYEU-RULE")
    assert result.status == "warning"
    assert "đường kẻ thật" in result.message_vi
    assert "draw a real line" in result.message_en


def test_missing_rule(ours: bytes) -> None:
    def edit(d: DocxEdit) -> None:
        rule, _ = _trich_yeu_rule(d)
        rule.getparent().remove(rule)

    report = _check(ours, edit)
    assert _failed(report) == ["ND30-TRICHYEU-RULE"]
    assert "no rule" in report.get("ND30-TRICHYEU-RULE").found


def test_rule_border_not_solid(ours: bytes) -> None:
    def edit(d: DocxEdit) -> None:
        rule, _ = _trich_yeu_rule(d)
        pbdr = etree.SubElement(props(rule, "pPr"), q("pBdr"))
        etree.SubElement(pbdr, q("bottom"), {q("val"): "double", q("sz"): "6"})

    report = _check(ours, edit)
    assert _failed(report) == ["ND30-TRICHYEU-RULE"]
    assert "double" in report.get("ND30-TRICHYEU-RULE").message_en


def test_rule_off_centre(ours: bytes) -> None:
    def edit(d: DocxEdit) -> None:
        rule = d.rule_after(d.para("HUYỆN HÀ QUẢNG"))
        ind = rule.find(f"{q('pPr')}/{q('ind')}")
        assert ind is not None
        total = int(ind.get(q("left"), "0")) + int(ind.get(q("right"), "0"))
        ind.set(q("left"), "0")
        ind.set(q("right"), str(total))

    report = _check(ours, edit)
    assert _failed(report) == ["ND30-COQUAN-RULE"]
    assert "off-centre" in report.get("ND30-COQUAN-RULE").message_en


# -- drafts and wording -------------------------------------------------------------


def _text_edit(old: str, new: str) -> Callable[[DocxEdit], None]:
    def edit(d: DocxEdit) -> None:
        for t in d.doc.iter(q("t")):
            if t.text and old in t.text:
                t.text = t.text.replace(old, new)
                return
        raise AssertionError(old)

    return edit


def test_draft_number_is_a_blank(ours: bytes) -> None:
    report = _check(ours, _text_edit("Số: 05/CT-UBND", "Số:        /CT-UBND"))
    result = report.get("ND30-SOKYHIEU-TEXT")
    assert result.status == "blank"
    assert "bản dự thảo" in result.message_vi and "draft" in result.message_en


def test_draft_date_is_a_blank(ours: bytes) -> None:
    report = _check(ours, _text_edit("ngày 15 tháng 7 năm 2020", "ngày      tháng      năm 2020"))
    result = report.get("ND30-NGAY-TEXT")
    assert result.status == "blank"
    assert "bản dự thảo" in result.message_vi


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Số: 05/CT-UBND", True),
        ("Số: 123/CT-UBND", True),
        ("Số: 10/CTr-UBND", True),  # CTr: Chương trình, Phụ lục III
        ("Số: 05/UBND-VX", True),
        ("Số: 5/CT-UBND", False),
        ("Số: 010/CT-UBND", False),
        ("Số: 05/CT - UBND", False),
        ("Số: 05/ct-UBND", False),
        ("Số: 05/CT-", False),
        ("SỐ: 05/CT-UBND", False),
        ("Số 05/CT-UBND", False),
        ("Số: 05 /CT-UBND", False),
        ("Số: …/…-…", False),
    ],
)
def test_number_and_symbol(ours: bytes, text: str, ok: bool) -> None:
    result = _check(ours, _text_edit("Số: 05/CT-UBND", text)).get("ND30-SOKYHIEU-TEXT")
    assert (result.status == "pass") is ok, result.message


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Hà Quảng, ngày 05 tháng 3 năm 2020", True),
        ("Hà Quảng, ngày 05 tháng 01 năm 2021", True),
        ("Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019", True),
        ("Hà Quảng, ngày 5 tháng 3 năm 2020", False),
        ("Hà Quảng, ngày 05 tháng 1 năm 2021", False),
        ("Hà Quảng, ngày 05 tháng 03 năm 2020", False),
        ("Hà Quảng, ngày 30 tháng 02 năm 2021", False),
        ("Hà Quảng ngày 15 tháng 7 năm 2020", False),
        ("hà Quảng, ngày 15 tháng 7 năm 2020", False),
        ("Hà Quảng, Ngày 15 tháng 7 năm 2020", False),
        ("Hà Quảng, ngày 15 tháng 7 năm 20", False),
    ],
)
def test_date(ours: bytes, text: str, ok: bool) -> None:
    edit = _text_edit("Hà Quảng, ngày 15 tháng 7 năm 2020", text)
    result = _check(ours, edit).get("ND30-NGAY-TEXT")
    assert (result.status == "pass") is ok, result.message


def test_motto_wording(ours: bytes) -> None:
    report = _check(ours, _text_edit("Độc lập - Tự do", "Độc lập – Tự do"))
    assert "ND30-TIEUNGU-FORMAT" in _failed(report)


# -- style inheritance --------------------------------------------------------------


def test_direct_arial_run(ours: bytes) -> None:
    def edit(d: DocxEdit) -> None:
        run = first_run(d.para("Phát huy sức mạnh"))
        set_prop(props(run, "rPr"), "rFonts", ascii="Arial", hAnsi="Arial")

    report = _check(ours, edit)
    assert _failed(report) == ["ND30-FONT-TNR"]
    assert "Arial (1)" in report.get("ND30-FONT-TNR").found


def test_theme_font_reported_with_its_typeface(ours: bytes) -> None:
    def edit(d: DocxEdit) -> None:
        rpr = style_rpr(d, "Normal")
        fonts = rpr.find(q("rFonts"))
        assert fonts is not None
        rpr.remove(fonts)

    result = _check(ours, edit).get("ND30-FONT-TNR")
    assert result.status == "error"
    assert "theme:minorHAnsi (" in result.found


def test_character_style_toggles_bold_off(ours: bytes) -> None:
    # A bold character style on the bold Tiêu ngữ flips it to not bold (Word's toggle).
    def edit(d: DocxEdit) -> None:
        styles = d.xml("word/styles.xml")
        strong = etree.SubElement(
            styles, q("style"), {q("type"): "character", q("styleId"): "DamThu"}
        )
        etree.SubElement(strong, q("name"), {q("val"): "Đậm thử"})
        etree.SubElement(etree.SubElement(strong, q("rPr")), q("b"))
        run = first_run(d.para("Độc lập - Tự do"))
        set_prop(props(run, "rPr"), "rStyle", val="DamThu")

    report = _check(ours, edit)
    assert "ND30-TIEUNGU-FORMAT" in _failed(report)
    assert "not bold" in report.get("ND30-TIEUNGU-FORMAT").message_en


def test_direct_formatting_overrides_style(ours: bytes) -> None:
    # The style loses its bold, but every run is bold directly: still bold.
    def edit(d: DocxEdit) -> None:
        set_prop(style_rpr(d, "TenLoai"), "b", val="0")
        set_prop(props(first_run(d.para("CHỈ THỊ")), "rPr"), "b")

    assert _check(ours, edit).ok


# -- layout variants ----------------------------------------------------------------


def test_parent_agency_line(ours: bytes) -> None:
    def edit(d: DocxEdit) -> None:
        agency = d.para("ỦY BAN NHÂN DÂN")
        parent = copy.deepcopy(agency)
        set_prop(props(parent, "pPr"), "pStyle", val="CoQuanChuQuan")
        set_text(parent, "UBND TỈNH CAO BẰNG")
        agency.addprevious(parent)

    report = _check(ours, edit)
    assert report.ok
    assert report.get("ND30-CHUQUAN-FORMAT").status == "pass"
    assert "UBND TỈNH CAO BẰNG" in report.get("ND30-CHUQUAN-FORMAT").where


def test_chapter_headings_in_the_body(ours: bytes) -> None:
    def edit(d: DocxEdit) -> None:
        anchor = d.para("Phát huy sức mạnh")
        for text in ("Chương I", "QUY ĐỊNH CHUNG"):
            p = copy.deepcopy(anchor)
            set_text(p, text)
            set_prop(props(p, "pPr"), "jc", val="center")
            set_prop(props(p, "pPr"), "ind", firstLine="0")
            anchor.addprevious(p)

    report = _check(ours, edit)
    assert report.ok, [(r.rule_id, r.message) for r in report.failures]


def test_recipients_as_a_bullet_list(ours: bytes) -> None:
    def edit(d: DocxEdit) -> None:
        numbering = d.xml("word/numbering.xml")
        abstract = etree.fromstring(
            f'<w:abstractNum xmlns:w="{q("")[1:-1]}" w:abstractNumId="90"><w:lvl w:ilvl="0">'
            '<w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>'
        )
        num = etree.fromstring(
            f'<w:num xmlns:w="{q("")[1:-1]}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
        )
        first_num = numbering.find(q("num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(num)
        for p in d.paragraphs("NoiNhan"):
            text = text_of(p)
            if not text.startswith("- "):
                continue
            set_text(p, text[2:])
            num_pr = etree.SubElement(props(p, "pPr"), q("numPr"))
            etree.SubElement(num_pr, q("ilvl"), {q("val"): "0"})
            etree.SubElement(num_pr, q("numId"), {q("val"): "90"})

    report = _check(ours, edit)
    assert report.ok, [(r.rule_id, r.message) for r in report.failures]


def test_landscape_section_with_a_table_is_allowed(ours: bytes) -> None:
    def edit(d: DocxEdit) -> None:
        landscape_section_before(d, d.body.findall(q("tbl"))[-1])

    report = _check(ours, edit)
    result = report.get("ND30-PAGE-PORTRAIT")
    assert result.status == "pass"
    assert "landscape" in result.found
    assert report.ok


def test_page_number_in_the_footer(ours: bytes) -> None:
    def edit(d: DocxEdit) -> None:
        ref = next(r for r in d.sect.iter(q("headerReference")) if r.get(q("type")) == "default")
        ref.tag = q("footerReference")

    report = _check(ours, edit)
    assert _failed(report) == ["ND30-PAGENUM-FIELD"]
    assert "footer" in report.get("ND30-PAGENUM-FIELD").message_en


def test_locations_name_table_cells(ours: bytes) -> None:
    report = _check(ours, _text_edit("Số: 05/", "Số: 5/"))
    where = report.get("ND30-SOKYHIEU-TEXT").where
    assert re.search(r"bảng 1, ô \(2,1\).*table 1, cell \(2,1\)", where)


# -- a document made with another tool ----------------------------------------------


def _clerk_document() -> bytes:
    """A Kế hoạch typed the naive way with python-docx's default template."""
    import io

    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()

    def add(
        container: Any,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        size: float = 13,
        center: bool = True,
        tnr: bool = True,
    ) -> None:
        p = container.add_paragraph()
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)
        if tnr:
            run.font.name = "Times New Roman"

    header = doc.add_table(rows=2, cols=2)
    add(header.cell(0, 0), "ỦY BAN NHÂN DÂN", bold=True)
    add(header.cell(0, 0), "XÃ AN BÌNH", bold=True)
    add(header.cell(0, 0), "_______")
    add(header.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
    add(header.cell(0, 1), "Độc lập - Tự do - Hạnh phúc", bold=True, size=14)
    add(header.cell(0, 1), "______________________")
    add(header.cell(1, 0), "Số: 12/KH-UBND")
    add(header.cell(1, 1), "An Bình, ngày 03 tháng 3 năm 2021", italic=True, size=14)
    add(doc, "KẾ HOẠCH", bold=True, size=14, tnr=False)
    add(doc, "Tổ chức Tết trồng cây năm 2021", bold=True, size=14, tnr=False)
    add(doc, "-----------", tnr=False)
    for i in range(3):
        add(doc, f"Nội dung đoạn {i + 1} của kế hoạch.", size=14, center=False, tnr=False)
    add(doc, "Đề nghị các thôn thực hiện.", size=14, center=False, tnr=False)
    closing = doc.add_table(rows=1, cols=2)
    add(closing.cell(0, 0), "Nơi nhận:", bold=True, italic=True, size=12, center=False)
    for line in ("- UBND huyện;", "- Các thôn", "- Lưu VT."):
        add(closing.cell(0, 0), line, size=11, center=False)
    for line in ("KT. CHỦ TỊCH", "CHỦ TỊCH", "", "", "NGUYỄN VĂN BÌNH"):
        add(closing.cell(0, 1), line, bold=True, size=14)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_clerk_document_made_with_python_docx() -> None:
    report = check_docx(_clerk_document())
    assert set(_failed(report)) == {
        "ND30-PAGE-A4",  # US Letter
        "ND30-MARGIN-TOP",  # 1 inch
        "ND30-MARGIN-BOTTOM",
        "ND30-MARGIN-RIGHT",  # 1.25 inch
        "ND30-FONT-TNR",  # the theme font where no font was set
        "ND30-BODY-INDENT",
        "ND30-BODY-END",  # no «./.»
        "ND30-KY-KT",  # KT. above the head's own title
        "ND30-KY-HOTEN",  # name in capitals
        "ND30-NOINHAN-LINES",  # «- Các thôn» without «;»
        "ND30-NOINHAN-LUU",  # «- Lưu VT.»
    }
    assert report.get("ND30-MARGIN-LEFT").status == "pass"  # 31.75 mm
    assert "theme:minorHAnsi (Cambria)" in report.get("ND30-FONT-TNR").found
    # Typed rules are warnings; a one-page document needs no page number; a paragraph
    # printed on one line is not judged for justification.
    assert {r.rule_id for r in report.warnings} == {
        "ND30-HEADER-SPACING",  # python-docx's default 1.15 line spacing
        "ND30-TIEUNGU-RULE",
        "ND30-COQUAN-RULE",
        "ND30-TRICHYEU-RULE",
    }
    assert report.get("ND30-PAGENUM-FIELD").status == "n/a"
    assert report.get("ND30-BODY-ALIGN").status == "pass"
    assert report.doc_type.kind == "co_ten_loai" and report.doc_type.name_vi == "Kế hoạch"


def test_line_shape_anchored_above_its_text(ours: bytes) -> None:
    # Word users often anchor the motto's line in the Quốc hiệu paragraph.
    def edit(d: DocxEdit) -> None:
        motto = d.para("Độc lập - Tự do")
        rule = d.rule_after(motto)
        ind = rule.find(f"{q('pPr')}/{q('ind')}")
        assert ind is not None
        tc_w = next(motto.iterancestors(q("tc"))).find(f"{q('tcPr')}/{q('tcW')}")
        assert tc_w is not None
        length = int(tc_w.get(q("w"), "0")) - 2 * 57 - 2 * int(ind.get(q("left"), "0"))
        rule.getparent().remove(rule)
        anchor = etree.fromstring(
            f'<w:r xmlns:w="{q("")[1:-1]}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:wps="{WPS}">'
            f"{_drawingml_line(length)}</w:r>"
        )
        d.para("CỘNG HÒA XÃ HỘI").append(anchor)

    report = _check(ours, edit)
    assert report.ok, [(r.rule_id, r.message) for r in report.failures]
    assert "line shape" in report.get("ND30-TIEUNGU-RULE").found


def test_page_number_judged_by_its_result(ours: bytes) -> None:
    # Field-code runs may carry any size: Word shows the result run's.
    def edit(d: DocxEdit) -> None:
        for name in [n for n in d.entries if n.startswith("word/header")]:
            for run in d.xml(name).iter(q("r")):
                if run.find(q("t")) is None:
                    set_prop(props(run, "rPr"), "sz", val="20")

    assert _check(ours, edit).ok


def test_italic_words_in_the_body_are_a_warning(ours: bytes) -> None:
    def edit(d: DocxEdit) -> None:
        run = first_run(d.para("Phát huy sức mạnh"))
        emphasis = copy.deepcopy(run)
        set_text(emphasis, " (nhấn mạnh)")
        set_prop(props(emphasis, "rPr"), "i")
        run.addnext(emphasis)

    report = _check(ours, edit)
    result = report.get("ND30-BODY-UPRIGHT")
    assert result.status == "warning", result.message
    assert report.ok


def test_one_italic_paragraph_in_the_body_is_a_warning(ours: bytes) -> None:
    """A quoted slogan set wholly in italics is a debatable reading, not an error; a body
    set mostly in italics is one (tests/check/test_check_breaks.py)."""

    def edit(d: DocxEdit) -> None:
        for run in d.para("Phát huy sức mạnh").iter(q("r")):
            set_prop(props(run, "rPr"), "i")

    report = _check(ours, edit)
    assert report.get("ND30-BODY-UPRIGHT").status == "warning"
    assert report.ok


def _urgency_mark_under_the_number(d: DocxEdit, color: str, text: str = "KHẨN") -> None:
    """A typed urgency mark under the số line (box 10b): bold 13 pt capitals in a single
    frame of four paragraph borders, in ``color``."""
    number = d.para("Số:")
    mark = copy.deepcopy(number)
    set_text(mark, text)
    ppr = props(mark, "pPr")
    borders = set_prop(ppr, "pBdr")
    for side in ("top", "left", "bottom", "right"):
        el = etree.SubElement(borders, q(side))
        for key, value in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", "auto")):
            el.set(q(key), value)
    rpr = props(first_run(mark), "rPr")
    set_prop(rpr, "b")
    set_prop(rpr, "sz", val="26")
    set_prop(rpr, "color", val=color)
    number.addnext(mark)


def test_an_urgency_mark_typed_in_red_is_no_colour_fault(ours: bytes) -> None:
    """III.2.b: the urgency mark stands for a stamp in bright red ink; typed in red it
    passes ND30-FONT-COLOR, while red anywhere else still fails it."""
    report = _check(ours, lambda d: _urgency_mark_under_the_number(d, "FF0000"))
    assert report.get("ND30-DOKHAN").status == "pass", report.get("ND30-DOKHAN").message
    assert report.get("ND30-FONT-COLOR").status == "pass"
    assert report.ok, [(r.rule_id, r.message) for r in report.failures]

    blue = _check(ours, lambda d: _urgency_mark_under_the_number(d, "0000FF"))
    assert blue.get("ND30-FONT-COLOR").status == "error"

    def red_body(d: DocxEdit) -> None:
        _urgency_mark_under_the_number(d, "FF0000")
        set_prop(props(first_run(d.para("Phát huy sức mạnh")), "rPr"), "color", val="FF0000")

    assert _check(ours, red_body).get("ND30-FONT-COLOR").status == "error"
