"""One test per rule: break exactly that rule in our document, and only it fails.

Each case takes the Hà Quảng 2020 Chỉ thị as rendered by this project (which passes
every rule), edits its XML with lxml the way a clerk might get it wrong, and checks
that the checker reports that one rule — and no other — as failed, citing its clause.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from docx_edit import (
    DocxEdit,
    first_run,
    landscape_section_before,
    props,
    q,
    set_prop,
    set_text,
    style_ppr,
    style_rpr,
)
from lxml import etree

from chithi_gen.check import RULES, check_docx


@dataclass(frozen=True)
class Break:
    """How to break one rule, and the clause the failure must cite."""

    rule_id: str
    clause: str
    edit: Callable[[DocxEdit], None]


def _margin(side: str, twips: str) -> Callable[[DocxEdit], None]:
    def edit(d: DocxEdit) -> None:
        mar = d.sect.find(q("pgMar"))
        assert mar is not None
        mar.set(q(side), twips)

    return edit


def _letter_paper(d: DocxEdit) -> None:
    pg = d.sect.find(q("pgSz"))
    assert pg is not None
    pg.set(q("w"), "12240")  # US Letter, 8.5 × 11 in
    pg.set(q("h"), "15840")


def _landscape_page(d: DocxEdit) -> None:
    # End the document's section before its last (empty) paragraph, and turn the
    # page of the new last section, which holds no table, to landscape.
    landscape_section_before(d, d.body.findall(q("p"))[-1])


def _theme_font(d: DocxEdit) -> None:
    # Without its own font, Normal inherits the theme font of w:docDefaults.
    rpr = style_rpr(d, "Normal")
    fonts = rpr.find(q("rFonts"))
    assert fonts is not None
    rpr.remove(fonts)


def _red_text(d: DocxEdit) -> None:
    run = first_run(d.para("Phát huy sức mạnh"))
    set_prop(props(run, "rPr"), "color", val="FF0000")


def _no_page_field(d: DocxEdit) -> None:
    for name in list(d.entries):
        if name.startswith("word/header"):
            for instr in d.xml(name).iter(q("instrText")):
                instr.text = " NUMPAGES "


def _small_page_number(d: DocxEdit) -> None:
    set_prop(style_rpr(d, "SoTrang"), "sz", val="24")


def _numbered_first_page(d: DocxEdit) -> None:
    title_page = d.sect.find(q("titlePg"))
    assert title_page is not None
    d.sect.remove(title_page)


def _style_size(style: str, half_points: str) -> Callable[[DocxEdit], None]:
    def edit(d: DocxEdit) -> None:
        set_prop(style_rpr(d, style), "sz", val=half_points)

    return edit


def _style_toggle(style: str, tag: str, on: bool) -> Callable[[DocxEdit], None]:
    def edit(d: DocxEdit) -> None:
        set_prop(style_rpr(d, style), tag, val="1" if on else "0")

    return edit


def _rule_length(under: str, fraction: float) -> Callable[[DocxEdit], None]:
    """Shorten (fraction < 1) or lengthen the rule under the paragraph ``under``."""

    def edit(d: DocxEdit) -> None:
        rule = d.rule_after(d.para(under))
        ind = rule.find(f"{q('pPr')}/{q('ind')}")
        assert ind is not None
        left = int(ind.get(q("left"), "0"))
        # The rule spans (available - 2 * left); solve for the new indent.
        available = _available(d, rule)
        length = (available - 2 * left) * fraction
        new = round((available - length) / 2)
        ind.set(q("left"), str(new))
        ind.set(q("right"), str(new))

    return edit


def _available(d: DocxEdit, p: etree._Element) -> int:
    cell = next((a for a in p.iterancestors(q("tc"))), None)
    if cell is not None:
        tc_w = cell.find(f"{q('tcPr')}/{q('tcW')}")
        assert tc_w is not None
        return int(tc_w.get(q("w"), "0")) - 2 * 57  # the layout's cell margins
    pg = d.sect.find(q("pgSz"))
    mar = d.sect.find(q("pgMar"))
    assert pg is not None and mar is not None
    return int(pg.get(q("w"), "0")) - int(mar.get(q("left"), "0")) - int(mar.get(q("right"), "0"))


def _chu_quan(size: str) -> Callable[[DocxEdit], None]:
    """Add a parent-agency line (tên cơ quan chủ quản) of ``size`` half-points."""

    def edit(d: DocxEdit) -> None:
        agency = d.para("ỦY BAN NHÂN DÂN")
        parent = copy.deepcopy(agency)
        set_prop(props(parent, "pPr"), "pStyle", val="CoQuanChuQuan")
        set_text(parent, "UBND TỈNH CAO BẰNG")
        set_prop(props(first_run(parent), "rPr"), "sz", val=size)
        agency.addprevious(parent)

    return edit


def _replace_text(old: str, new: str) -> Callable[[DocxEdit], None]:
    def edit(d: DocxEdit) -> None:
        for t in d.doc.iter(q("t")):
            if t.text and old in t.text:
                t.text = t.text.replace(old, new)
                return
        raise AssertionError(old)

    return edit


def _body_ppr(tag: str, **attrs: str) -> Callable[[DocxEdit], None]:
    def edit(d: DocxEdit) -> None:
        set_prop(props(d.para("Phát huy sức mạnh"), "pPr"), tag, **attrs)

    return edit


def _big_body_run(d: DocxEdit) -> None:
    set_prop(props(first_run(d.para("Phát huy sức mạnh")), "rPr"), "sz", val="30")


def _italic_body(d: DocxEdit) -> None:
    set_prop(style_rpr(d, "NoiDung"), "i")


def _no_paragraph_spacing(d: DocxEdit) -> None:
    set_prop(style_ppr(d, "NoiDung"), "spacing", before="0", after="0", line="276", lineRule="auto")


def _kt_without_deputy(d: DocxEdit) -> None:
    _replace_text("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")(d)


def _style_jc(style: str, value: str) -> Callable[[DocxEdit], None]:
    def edit(d: DocxEdit) -> None:
        set_prop(style_ppr(d, style), "jc", val=value)

    return edit


def _one_and_a_half_lines(d: DocxEdit) -> None:
    set_prop(
        style_ppr(d, "QuocHieu"), "spacing", before="0", after="0", line="360", lineRule="auto"
    )


def _tl_without_own_title(d: DocxEdit) -> None:
    _replace_text("TM. ỦY BAN NHÂN DÂN", "TL. CHỦ TỊCH")(d)
    for p in d.paragraphs():
        if "".join(t.text or "" for t in p.iter(q("t"))).strip() == "CHỦ TỊCH":
            set_text(p, "")
            return
    raise AssertionError("CHỦ TỊCH")


BREAKS = [
    Break("ND30-PAGE-A4", "I.1", _letter_paper),
    Break("ND30-PAGE-PORTRAIT", "I.2", _landscape_page),
    Break("ND30-MARGIN-TOP", "I.3", _margin("top", "1701")),  # 30 mm
    Break("ND30-MARGIN-BOTTOM", "I.3", _margin("bottom", "1701")),  # 30 mm
    Break("ND30-MARGIN-LEFT", "I.3", _margin("left", "1417")),  # 25 mm
    Break("ND30-MARGIN-RIGHT", "I.3", _margin("right", "1417")),  # 25 mm
    Break("ND30-FONT-TNR", "I.4", _theme_font),
    Break("ND30-FONT-COLOR", "I.4", _red_text),
    Break("ND30-PAGENUM-FIELD", "I.7", _no_page_field),
    Break("ND30-PAGENUM-FORMAT", "I.7", _small_page_number),
    Break("ND30-PAGENUM-FIRST", "I.7", _numbered_first_page),
    Break("ND30-QUOCHIEU-FORMAT", "II.1.a", _style_size("QuocHieu", "30")),  # 15 pt
    Break("ND30-TIEUNGU-FORMAT", "II.1.b", _style_toggle("TieuNgu", "i", True)),
    Break("ND30-TIEUNGU-RULE", "II.1.b", _rule_length("Độc lập - Tự do", 0.5)),
    Break("ND30-CHUQUAN-FORMAT", "II.2.b", _chu_quan("22")),  # 11 pt
    Break("ND30-COQUAN-FORMAT", "II.2.b", _style_toggle("CoQuanBanHanh", "b", False)),
    Break("ND30-COQUAN-RULE", "II.2.b", _rule_length("HUYỆN HÀ QUẢNG", 2.0)),
    Break("ND30-HEADER-SPACING", "II.1.c", _one_and_a_half_lines),
    Break("ND30-SOKYHIEU-FORMAT", "II.3.c", _style_size("SoKyHieu", "28")),  # 14 pt
    Break("ND30-SOKYHIEU-TEXT", "II.3", _replace_text("Số: 05/", "Số: 5/")),
    Break("ND30-KYHIEU-LOAI", "Phụ lục III", _replace_text("Số: 05/CT-", "Số: 05/KH-")),
    Break("ND30-NGAY-FORMAT", "II.4.c", _style_toggle("DiaDanhNgay", "i", False)),
    Break("ND30-NGAY-TEXT", "II.4", _replace_text("ngày 15 tháng 7", "ngày 15 tháng 07")),
    Break("ND30-HEADER-CENTER", "II.4.c", _style_jc("DiaDanhNgay", "right")),
    Break("ND30-TENLOAI-FORMAT", "II.5.b", _style_size("TenLoai", "30")),  # 15 pt
    Break("ND30-TRICHYEU-FORMAT", "II.5.b", _style_toggle("TrichYeu", "b", False)),
    Break("ND30-TRICHYEU-RULE", "II.5.b", _rule_length("Về việc phát động", 0.5)),
    Break("ND30-TITLE-CENTER", "II.5.b", _style_jc("TenLoai", "left")),
    Break("ND30-BODY-ALIGN", "II.6.e", _body_ppr("jc", val="left")),
    Break("ND30-BODY-INDENT", "II.6.e", _body_ppr("ind", firstLine="0")),
    Break("ND30-BODY-SIZE", "II.6.e", _big_body_run),
    Break("ND30-BODY-UPRIGHT", "II.6.e", _italic_body),
    Break("ND30-BODY-LINESPACING", "II.6.e", _body_ppr("spacing", line="480", lineRule="auto")),
    Break("ND30-BODY-PARASPACING", "II.6.e", _no_paragraph_spacing),
    Break("ND30-BODY-END", "Mẫu 1.4", _replace_text("thực hiện./.", "thực hiện.")),
    Break(
        "ND30-VIETHOA",
        "Phụ lục II",
        _replace_text("Phát huy những kết quả", "Ủy Ban Nhân Dân huyện phát huy những kết quả"),
    ),
    Break("ND30-KY-QUYENHAN", "II.7", _style_toggle("QuyenHan", "b", False)),
    Break(
        "ND30-KY-DONG",
        "II.7.b",
        _replace_text("TM. ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"),
    ),
    Break("ND30-KY-KT", "II.7.b", _kt_without_deputy),
    Break("ND30-KY-TL", "II.7.b", _tl_without_own_title),
    Break("ND30-KY-HOTEN", "II.7", _replace_text("Vương Văn Võ", "VƯƠNG VĂN VÕ")),
    Break("ND30-NOINHAN-LABEL", "II.9.d", _style_toggle("NoiNhanNhan", "i", False)),
    Break(
        "ND30-NOINHAN-LINES",
        "II.9.d",
        _replace_text("- Các cơ quan đơn vị;", "- Các cơ quan đơn vị."),
    ),
    Break("ND30-NOINHAN-LUU", "II.9.d", _replace_text("- Lưu: VT, NV.", "- Lưu: VT, NV")),
    Break("ND30-NOINHAN-SIZE", "II.9.d", _style_size("NoiNhan", "24")),  # 12 pt
]


#: Rules about parts a Chỉ thị does not have: each is broken by a document of the corpus
#: (``tests/data/check-corpus/expected.tsv``, asserted by ``test_check_corpus``).
OTHER_TYPES = {
    "ND30-CONGVAN-VV",
    "ND30-KINHGUI",
    "ND30-CANCU",
    "ND30-PHULUC-LABEL",
    "ND30-PHULUC-TITLE",
    "ND30-PHULUC-KEMTHEO",
    "ND30-PHULUC-PAGENUM",
    "ND30-DOKHAN",
    "ND30-DOMAT",
    "ND30-LUUHANH",
    "ND30-BANSAO-HINHTHUC",
    "ND30-BANSAO-KYHIEU",
    "ND30-BANSAO-COQUAN",
}


def test_every_rule_has_a_break() -> None:
    ours = sorted(b.rule_id for b in BREAKS)
    assert sorted(set(ours) | OTHER_TYPES) == sorted(rule.rule_id for rule, _ in RULES)
    assert not set(ours) & OTHER_TYPES


@pytest.mark.parametrize("case", BREAKS, ids=lambda b: b.rule_id)
def test_breaking_one_rule_fails_only_that_rule(ours: bytes, case: Break) -> None:
    edit = DocxEdit(ours)
    case.edit(edit)
    report = check_docx(edit.save())
    failed = [r.rule_id for r in report.failures]
    assert failed == [case.rule_id], [(r.rule_id, r.message) for r in report.failures]
    result = report.get(case.rule_id)
    assert case.clause in result.clause
    assert result.message_vi and result.message_en
    assert not report.ok
