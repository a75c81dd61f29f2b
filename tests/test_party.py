"""Party documents under QĐ 399-QĐ/TW and HD 05-HD/VPTW: the bundled kinds, the Party step
and the `dang` layout, read back from the .docx; what the rules settle is refused, what
they leave open is warned about."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from docx import Document

from chithi_gen import CampaignError, Renderer
from chithi_gen.reference import dang
from support import EXAMPLES, ROOT

TINH_UY = EXAMPLES / "mau-dang" / "chi-thi-tinh-uy.yaml"
DANG_UY_XA = EXAMPLES / "mau-dang" / "ke-hoach-dang-uy-xa.yaml"
CONG_VAN = EXAMPLES / "mau-dang" / "cong-van-dang-uy-xa.yaml"


def _docx(path: Any, **changes: Any) -> Any:
    r = Renderer()
    src = r.read(path)
    if changes:
        data = {**src.data, **changes}
        return Document(io.BytesIO(r.render_docx(data)))
    return Document(io.BytesIO(r.render(src).docx))


def _cell(table: Any, row: int, col: int) -> list[str]:
    return [p.text for p in table.cell(row, col).paragraphs if p.text]


def test_directive_of_a_provincial_committee() -> None:
    doc = _docx(TINH_UY)
    header = doc.tables[0]
    assert _cell(header, 0, 0) == ["TỈNH ỦY CAO BẰNG", "*"]
    assert _cell(header, 0, 1) == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Cao Bằng, ngày 05 tháng 3 năm 2026"]
    assert header.cell(1, 0).paragraphs[0].text == "Số 12-CT/TU"  # no colon
    texts = [p.text for p in doc.paragraphs if p.text]
    assert texts[0] == "CHỈ THỊ"
    assert texts[1].replace("\n", " ").startswith("về tăng cường")  # lower-case "về"
    assert texts[2] == "-----"
    assert texts[-1].endswith("chi bộ và đảng viên.")  # ".", not ND30's "./."
    sign = doc.tables[-1]
    assert _cell(sign, 0, 0) == [
        "Nơi nhận:",
        "- Ban Bí thư Trung ương (b/c);",
        "- Các đồng chí Tỉnh ủy viên;",
        "- Các đảng ủy xã, phường trực thuộc Tỉnh ủy;",
        "- Các ban, đảng ủy, đảng đoàn, ban cán sự đảng trực thuộc Tỉnh ủy;",
        "- Lưu Văn phòng Tỉnh ủy.",
    ]
    lines = [p for p in sign.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in lines] == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn An"]
    styles = [p.style.style_id for p in lines]
    assert styles == ["QuyenHan", "ChucVu", "HoTen"]


def test_layout_follows_the_rules_table() -> None:
    """Sizes, bold, italic and underline of every component are the table's (dang.json)."""
    doc = _docx(TINH_UY)
    styles = {s.style_id: s for s in doc.styles}
    for item in dang.quy_tac()["thanh_phan"]:
        font = styles[item["style"]].font
        assert font.size.pt == item["co_chu"], item["ma"]
        assert bool(font.bold) == item["dam"], item["ma"]
        assert bool(font.italic) == item["nghieng"], item["ma"]
        if "gach_chan" in item:
            assert bool(font.underline) == item["gach_chan"]
    section = doc.sections[0]
    margins = dang.quy_tac()["trang"]["le_mm"]
    assert round(section.top_margin.mm) == margins["tren"]
    assert round(section.left_margin.mm) == margins["trai"]
    assert round(section.right_margin.mm) == margins["phai"]
    body = styles["NoiDung"].paragraph_format
    assert body.line_spacing.pt == dang.quy_tac()["trang"]["noi_dung"]["gian_dong_pt"]


def test_commune_committee_and_its_superior() -> None:
    doc = _docx(DANG_UY_XA)
    assert _cell(doc.tables[0], 0, 0) == ["ĐẢNG BỘ TỈNH CAO BẰNG", "ĐẢNG ỦY XÃ TRƯỜNG HÀ", "*"]
    assert doc.tables[0].cell(1, 0).paragraphs[0].text == "Số 07-KH/ĐU"  # leading zero
    sign = _cell(doc.tables[-1], 0, 1)
    assert sign[:2] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"]  # a deputy still signs T/M
    assert _cell(doc.tables[-1], 0, 0)[-1] == "- Lưu Văn phòng Đảng ủy."


def test_official_letter_has_no_title_and_a_kinh_gui_line() -> None:
    doc = _docx(CONG_VAN)
    left = [p.text for p in doc.tables[0].cell(1, 0).paragraphs if p.text]
    assert left[0] == "Số 25-CV/ĐU"
    assert " ".join(left[1:]).startswith("về việc báo cáo")
    style = next(p for p in doc.tables[0].cell(1, 0).paragraphs if p.text.startswith("về"))
    assert style.style.style_id == "TrichYeuCongVan"
    texts = [p.text for p in doc.paragraphs if p.text]
    assert "CÔNG VĂN" not in texts and "-----" not in texts
    assert texts[0] == "Kính gửi: Các chi bộ trực thuộc Đảng ủy xã"
    assert _cell(doc.tables[-1], 0, 1)[:2] == ["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"]
    assert _cell(doc.tables[-1], 0, 0)[1] == "- Như trên;"


def test_draft_leaves_the_number_blank() -> None:
    doc = _docx(TINH_UY, so=None, ngay=None, nam=2026)
    assert doc.tables[0].cell(1, 0).paragraphs[0].text == "Số      -CT/TU"
    assert "ngày      tháng      năm 2026" in doc.tables[0].cell(0, 1).paragraphs[-1].text


CHI_BO = {"chu_quan": "Đảng bộ xã Trường Hà", "ten": "Chi bộ Xóm Nà Giàng", "viet_tat": "CB"}
KY_THAY = {"tham_quyen": "KT.", "cap_truong": "Bí thư", "chuc_vu": "Phó Bí thư", "ho_ten": "A"}
UY_QUYEN = {"tham_quyen": "TUQ.", "cap_truong": "Ban Thường vụ", "chuc_vu": "Chánh Văn phòng"}


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        # A chi bộ issues no Chỉ thị (QĐ 399 Điều 11, 13 as summarised).
        ({"co_quan": CHI_BO}, "party-authority"),
        # A collective body's deputy signs under T/M, never K/T.
        ({"nguoi_ky": KY_THAY}, "party-signature"),
        # The Party has no TUQ. form.
        ({"nguoi_ky": {**UY_QUYEN, "ho_ten": "A"}}, "party-signature"),
    ],
)
def test_what_the_rules_settle_is_refused(changes: dict[str, Any], code: str) -> None:
    r = Renderer()
    data = {**r.read(TINH_UY).data, **changes}
    with pytest.raises(CampaignError) as err:
        r.render(data)
    assert [p.code for p in err.value.problems] == [code]
    assert err.value.problems[0].message_en and err.value.problems[0].message_vi


def _warnings(path: Any, **changes: Any) -> list[str]:
    r = Renderer()
    data = {**r.read(path).data, **changes}
    return [w.code for w in r.prepare(data).warnings]


def test_what_the_rules_leave_open_is_warned_about() -> None:
    xa = {"chu_quan": "Đảng bộ tỉnh Cao Bằng", "ten": "Đảng ủy xã Trường Hà", "viet_tat": "ĐU"}
    assert _warnings(TINH_UY, co_quan=xa, dia_danh="Trường Hà") == ["party-authority-uncertain"]
    assert _warnings(TINH_UY, co_quan={"ten": "Tỉnh ủy Cao Bằng", "viet_tat": "HU"}) == [
        "party-code"
    ]
    assert _warnings(TINH_UY, loai="chi_thi") == ["party-kind-expected"]
    unknown = {"ten": "Hội đồng Xyz", "viet_tat": "HĐ"}
    assert "party-body-unknown" in _warnings(TINH_UY, co_quan=unknown)


def test_every_party_example_renders_without_warnings() -> None:
    for path in sorted((EXAMPLES / "mau-dang").glob("*.yaml")):
        assert _warnings(path) == [], path.name


def test_rules_table_is_plain_json_the_checker_can_read() -> None:
    path = ROOT / "src" / "chithi_gen" / "reference" / "data" / "dang.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["so_ky_hieu"]["dau_hai_cham"] is False
    assert {row["viet_tat"] for row in raw["loai"]} == set(raw["tham_quyen"]["bang"])
    for row in raw["tham_quyen"]["bang"].values():
        assert set(row.values()) <= {"co", "khong", "chua_ro"}
    # Every bundled Party kind is in the table and uses the dang layout.
    kinds = Renderer().registry
    for row in raw["loai"]:
        kind = kinds[row["loai"]]
        assert (kind.layout, kind.viet_tat, kind.ten_loai) == (
            "dang",
            row["viet_tat"],
            row["ten_loai"],
        )
        assert kind.quoc_hieu == "ĐẢNG CỘNG SẢN VIỆT NAM" and kind.tieu_ngu == ""


@pytest.mark.parametrize(
    ("name", "ma"),
    [
        ("Tỉnh ủy Cao Bằng", "tinh_uy"),
        ("TỈNH UỶ CAO BẰNG", "tinh_uy"),
        ("Ban Thường vụ Thành ủy Hà Nội", "tinh_uy"),
        ("Đảng ủy đặc khu Phú Quý", "dang_uy_xa"),
        ("Đảng ủy Trường Đại học Y", "dang_uy"),
        ("Chi bộ Xóm Nà Giàng", "chi_bo"),
        ("Ban Tổ chức Tỉnh ủy", "tham_muu"),
    ],
)
def test_bodies_are_recognised(name: str, ma: str) -> None:
    found = dang.cap_uy(name)
    assert found is not None and found.ma == ma
    assert dang.cap_uy("Ủy ban nhân dân xã Trường Hà") is None
