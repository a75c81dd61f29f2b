"""The rendered .docx, read back with python-docx and lxml: Mẫu 1.4 geometry and styles."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from docx import Document
from docx.shared import Mm
from lxml import etree

from chithi_gen import Campaign, render_docx
from chithi_gen.render.docx import RULE_RATIO
from chithi_gen.render.metrics import text_width

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _render(data: dict[str, Any]) -> bytes:
    return render_docx(Campaign.model_validate(data))


@pytest.fixture
def docx_bytes(data: dict[str, Any]) -> bytes:
    return _render(data)


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read(name))


def test_page_a4_and_margins(docx_bytes: bytes) -> None:
    """Phụ lục I, I.1-3: A4 portrait; top/bottom 20-25, left 30-35, right 15-20 mm."""
    s = Document(io.BytesIO(docx_bytes)).sections[0]
    mm = {
        k: round(getattr(s, k).mm, 1)
        for k in (
            "page_width",
            "page_height",
            "top_margin",
            "bottom_margin",
            "left_margin",
            "right_margin",
        )
    }
    assert (mm["page_width"], mm["page_height"]) == (210, 297)
    assert 20 <= mm["top_margin"] <= 25 and 20 <= mm["bottom_margin"] <= 25
    assert 30 <= mm["left_margin"] <= 35 and 15 <= mm["right_margin"] <= 20


def test_styles_sizes_and_weights(docx_bytes: bytes) -> None:
    """Phụ lục I, II and the sample table (Phụ lục I, V): size, bold, italic per component."""
    styles = Document(io.BytesIO(docx_bytes)).styles
    expected = {
        "CoQuanChuQuan": (13, False, False),
        "CoQuanBanHanh": (13, True, False),
        "SoKyHieu": (13, False, False),
        "QuocHieu": (13, True, False),
        "TieuNgu": (14, True, False),
        "DiaDanhNgay": (14, False, True),
        "TenLoai": (14, True, False),
        "TrichYeu": (14, True, False),
        "NoiDung": (14, False, False),
        "NoiNhanNhan": (12, True, True),
        "NoiNhan": (11, False, False),
        "KyHieuNguoiSoan": (11, False, False),
        "QuyenHan": (14, True, False),
        "HoTen": (14, True, False),
        "SoTrang": (14, False, False),
    }
    by_id = {s.style_id: s for s in styles}
    for style_id, (size, bold, italic) in expected.items():
        st = by_id[style_id]
        assert st.font.size.pt == size, style_id
        assert bool(st.font.bold) is bold, style_id
        assert bool(st.font.italic) is italic, style_id
    assert by_id["Normal"].font.name == "Times New Roman"


def test_body_justified_with_first_line_indent(docx_bytes: bytes) -> None:
    """Phụ lục I, II.6.e: justified, first line indented 1 cm or 1.27 cm, ≥ 6 pt apart."""
    st = {s.style_id: s for s in Document(io.BytesIO(docx_bytes)).styles}["NoiDung"]
    pf = st.paragraph_format
    assert pf.alignment == 3  # JUSTIFY
    assert round(pf.first_line_indent.mm, 1) in (10.0, 12.7)
    assert pf.space_before.pt >= 6
    assert 1.0 <= pf.line_spacing <= 1.5


def test_header_text_in_order(docx_bytes: bytes) -> None:
    doc = Document(io.BytesIO(docx_bytes))
    header = doc.tables[0]
    left = [p.text for p in header.cell(0, 0).paragraphs if p.text]
    right = [p.text for p in header.cell(0, 1).paragraphs if p.text]
    assert left == ["ỦY BAN NHÂN DÂN", "HUYỆN HÀ QUẢNG"]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert header.cell(1, 0).text == "Số: 05/CT-UBND"
    assert header.cell(1, 1).text == "Hà Quảng, ngày 05 tháng 02 năm 2021"
    texts = [p.text for p in doc.paragraphs if p.text]
    assert texts[:2] == ["CHỈ THỊ", "Về việc phát động phong trào thi đua năm 2021"]


def test_header_table_borderless(docx_bytes: bytes) -> None:
    body = _part(docx_bytes, "word/document.xml")
    for tbl in body.iterfind(".//w:tbl", NS):
        for side in tbl.find("w:tblPr/w:tblBorders", NS):
            assert side.get(f"{{{W}}}val") == "nil"


def _rules(docx_bytes: bytes) -> list[tuple[etree._Element, int]]:
    """Rule paragraphs with the width available to them."""
    body = _part(docx_bytes, "word/document.xml")
    out = []
    for p in body.iterfind(".//w:p", NS):
        style = p.find("w:pPr/w:pStyle", NS)
        if style is not None and style.get(f"{{{W}}}val") == "DuongKe":
            out.append(p)
    return out


def _rule_length(p: etree._Element, available: int) -> int:
    ind = p.find("w:pPr/w:ind", NS)
    return available - int(ind.get(f"{{{W}}}left")) - int(ind.get(f"{{{W}}}right"))


def test_rules_are_real_lines_of_the_right_length(docx_bytes: bytes) -> None:
    """Phụ lục I, II.1.b, II.2.b, II.5.b: real lines, not underscores, of the decreed length."""
    assert "___" not in Document(io.BytesIO(docx_bytes)).element.xml
    styles = _part(docx_bytes, "word/styles.xml")
    rule_style = styles.find("w:style[@w:styleId='DuongKe']", NS)
    border = rule_style.find("w:pPr/w:pBdr/w:bottom", NS)
    assert border.get(f"{{{W}}}val") == "single"
    ke_co_quan, ke_tieu_ngu, ke_trich_yeu = _rules(docx_bytes)
    cell_cq = int(Mm(67.5).twips) - 2 * 57
    cell_qh = int(Mm(100).twips) - 2 * 57
    text_area = 11906 - int(Mm(35).twips) - int(Mm(20).twips)
    # under the Tiêu ngữ: as long as the line of text
    tn = text_width("Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    assert abs(_rule_length(ke_tieu_ngu, cell_qh) - tn) <= 2
    # under the agency name: 1/3 to 1/2 of the longest line
    cq = max(text_width(x, 13, bold=True) for x in ["ỦY BAN NHÂN DÂN", "HUYỆN HÀ QUẢNG"])
    assert cq / 3 <= _rule_length(ke_co_quan, cell_cq) <= cq / 2
    # under the trích yếu: 1/3 to 1/2 of its line
    ty = text_width("Về việc phát động phong trào thi đua năm 2021", 14, bold=True)
    assert ty / 3 <= _rule_length(ke_trich_yeu, text_area) <= ty / 2
    assert abs(_rule_length(ke_trich_yeu, text_area) - round(ty * RULE_RATIO)) <= 2


def test_long_trich_yeu_rule_measured_on_its_longest_line(data: dict[str, Any]) -> None:
    data["trich_yeu"] = "Về việc phát động phong trào thi đua " * 6
    ke = _rules(_render(data))[2]
    text_area = 11906 - int(Mm(35).twips) - int(Mm(20).twips)
    length = _rule_length(ke, text_area)
    assert text_area / 3 * 0.85 <= length <= text_area / 2


def test_long_agency_name_breaks_evenly(data: dict[str, Any]) -> None:
    data["co_quan"] = {
        "chu_quan": "Ủy ban nhân dân tỉnh Cao Bằng",
        "ten": "Sở Giáo dục và Đào tạo",
        "viet_tat": "SGDĐT",
    }
    doc = Document(io.BytesIO(_render(data)))
    left = [p.text for p in doc.tables[0].cell(0, 0).paragraphs if p.text]
    # The superior's name is too wide for the 67.5 mm column at 13 pt: it breaks
    # where a person would break it, never leaving one word alone.
    assert left == ["ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
    styles = [p.style.style_id for p in doc.tables[0].cell(0, 0).paragraphs if p.text]
    assert styles == ["CoQuanChuQuan", "CoQuanChuQuan", "CoQuanBanHanh"]


def test_page_number_in_header_hidden_on_first_page(docx_bytes: bytes) -> None:
    """Phụ lục I, I.7: page number centred in the top margin, not shown on page 1."""
    doc = Document(io.BytesIO(docx_bytes))
    sec = doc.sections[0]
    assert sec.different_first_page_header_footer
    assert "PAGE" in sec.header._element.xml
    assert sec.header.paragraphs[0].style.style_id == "SoTrang"
    assert "PAGE" not in sec.first_page_header._element.xml
    assert sec.first_page_header.paragraphs[0].text == ""


def test_noi_nhan_and_signature_side_by_side(docx_bytes: bytes) -> None:
    doc = Document(io.BytesIO(docx_bytes))
    sign = doc.tables[-1]
    assert len(sign.columns) == 2
    left = [p.text for p in sign.cell(0, 0).paragraphs if p.text]
    right = [p.text for p in sign.cell(0, 1).paragraphs if p.text]
    assert left == [
        "Nơi nhận:",
        "- Thường trực Huyện ủy;",
        "- Ban TĐKT tỉnh (b/c);",
        "- UBND các xã, thị trấn;",
        "- Lưu: VT, NV.",
    ]
    assert right == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]


def test_body_paragraph_styles_and_closing(docx_bytes: bytes) -> None:
    doc = Document(io.BytesIO(docx_bytes))
    body = [p for p in doc.paragraphs if p.text][2:]
    assert [p.style.style_id for p in body] == [
        "NoiDung",
        "DeMuc1",
        "NoiDung",
        "DeMuc1",
        "NoiDung",
        "NoiDung",
        "NoiDung",
        "NoiDung",
        "NoiDung",
    ]
    assert body[-1].text.endswith("./.")
    assert [p.text.split(" ")[0] for p in body[1:8]] == [
        "I.",
        "Phát",
        "II.",
        "1.",
        "a)",
        "b)",
        "2.",
    ]


def test_special_characters_escaped(data: dict[str, Any]) -> None:
    """`&`, `<`, `>` and quotes in user text come out intact, never corrupting the XML."""
    data["trich_yeu"] = "Về việc \"thi đua\" & <khen thưởng> '2021'"
    data["mo_dau"] = ["A & B < C > D {{ x }} {% if %}"]
    doc = Document(io.BytesIO(_render(data)))
    texts = [p.text for p in doc.paragraphs]
    assert "Về việc \"thi đua\" & <khen thưởng> '2021'" in texts
    assert "A & B < C > D {{ x }} {% if %}" in texts


def test_deterministic_output(data: dict[str, Any]) -> None:
    """Same input and layout → byte-identical .docx (fixed timestamps, sorted entries)."""
    a = _render(data)
    b = _render(data)
    assert a == b
    with zipfile.ZipFile(io.BytesIO(a)) as zf:
        names = zf.namelist()
        assert names[0] == "[Content_Types].xml"
        assert names[1:] == sorted(names[1:])
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_document_title_property(docx_bytes: bytes) -> None:
    props = Document(io.BytesIO(docx_bytes)).core_properties
    assert props.title == "Chỉ thị Về việc phát động phong trào thi đua năm 2021"


def test_every_part_is_well_formed(docx_bytes: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as zf:
        for name in zf.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(zf.read(name))


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("Ủy ban nhân dân xã Tân Lập", ["ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP"]),
        ("Ủy ban nhân dân huyện Hà Quảng", ["ỦY BAN NHÂN DÂN", "HUYỆN HÀ QUẢNG"]),
        ("Ủy ban nhân dân thành phố Hồ Chí Minh", ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"]),
        ("Phòng Nội vụ", ["PHÒNG NỘI VỤ"]),
    ],
)
def test_agency_breaks_before_the_place(data: dict[str, Any], name: str, lines: list[str]) -> None:
    """ "NHÂN DÂN" is never split; the line breaks before the administrative unit."""
    data["co_quan"]["ten"] = name
    doc = Document(io.BytesIO(_render(data)))
    assert [p.text for p in doc.tables[0].cell(0, 0).paragraphs if p.text] == lines
