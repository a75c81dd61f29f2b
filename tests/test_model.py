"""ND30 rules enforced on data (Phụ lục I of Nghị định 30/2020/NĐ-CP), one test per rule."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import ValidationError

from chithi_gen import Campaign
from chithi_gen.api import compose_documents as compose
from chithi_gen.model import NguoiKy, NoiNhan, dong_quyen_han


def _msg(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return str(exc.value)


def test_so_ky_hieu_leading_zero_under_10(data: dict[str, Any]) -> None:
    """Phụ lục I, II.3.c: numbers under 10 get a leading zero; ký hiệu CT-UBND."""
    doc = compose(Campaign.model_validate(data))[0]
    assert doc.so_ky_hieu == "Số: 05/CT-UBND"
    data["so"] = 12
    assert compose(Campaign.model_validate(data))[0].so_ky_hieu == "Số: 12/CT-UBND"


def test_ky_hieu_from_phu_luc_iii_table(data: dict[str, Any]) -> None:
    """Phụ lục I, II.3.b + Phụ lục III table: Chỉ thị → CT, Chương trình → CTr, Kế hoạch → KH."""
    for loai, expected in [("chi_thi", "CT"), ("chuong_trinh", "CTr"), ("ke_hoach", "KH")]:
        data["loai"] = loai
        assert compose(Campaign.model_validate(data))[0].so_ky_hieu == f"Số: 05/{expected}-UBND"


@pytest.mark.parametrize(
    ("ngay", "expected"),
    [
        ("2021-02-05", "Hà Quảng, ngày 05 tháng 02 năm 2021"),
        ("2020-07-15", "Hà Quảng, ngày 15 tháng 7 năm 2020"),
        ("2020-01-09", "Hà Quảng, ngày 09 tháng 01 năm 2020"),
        ("2020-12-01", "Hà Quảng, ngày 01 tháng 12 năm 2020"),
    ],
)
def test_date_padding(data: dict[str, Any], ngay: str, expected: str) -> None:
    """Phụ lục I, II.4.b: day < 10 and months 1, 2 padded; II.4.c: comma after the place."""
    data["ngay"] = ngay
    assert compose(Campaign.model_validate(data))[0].dia_danh_ngay == expected


def test_draft_without_so_and_date_shows_blanks(data: dict[str, Any]) -> None:
    """A draft leaves the number and the date blank for the văn thư, keeping the year."""
    del data["so"]
    del data["ngay"]
    data["nam"] = 2021
    doc = compose(Campaign.model_validate(data))[0]
    assert doc.so_ky_hieu == "Số:      /CT-UBND"
    assert doc.dia_danh_ngay == "Hà Quảng, ngày      tháng      năm 2021"


def test_nam_must_agree_with_ngay(data: dict[str, Any]) -> None:
    data["nam"] = 2020
    with pytest.raises(ValidationError) as exc:
        Campaign.model_validate(data)
    assert "nam" in _msg(exc)


def test_impossible_date_rejected(data: dict[str, Any]) -> None:
    data["ngay"] = "2021-02-30"
    with pytest.raises(ValidationError) as exc:
        Campaign.model_validate(data)
    assert exc.value.errors()[0]["loc"] == ("ngay",)


def test_dia_danh_capitalised(data: dict[str, Any]) -> None:
    """Phụ lục I, II.4.c: the first letters of the place name are capitals."""
    data["dia_danh"] = "hà Quảng"
    with pytest.raises(ValidationError, match="viết hoa"):
        Campaign.model_validate(data)


@pytest.mark.parametrize("bad", ["Ubnd", "UB ND", "UBND-", "ubnd"])
def test_viet_tat_capitals_without_spaces(data: dict[str, Any], bad: str) -> None:
    """Phụ lục I, II.3.c: capital groups joined by '-', no spaces."""
    data["co_quan"]["viet_tat"] = bad
    with pytest.raises(ValidationError, match="chữ in hoa"):
        Campaign.model_validate(data)


def test_points_use_vietnamese_letters(data: dict[str, Any]) -> None:
    """Phụ lục I, II.6.đ: points are a) b) c) d) đ) e) g) … (never f, j, w, z)."""
    data["noi_dung"] = [
        {
            "tieu_de": "Nội dung",
            "noi_dung": [{"muc": "Khoản", "noi_dung": [{"muc": f"Điểm {i}."} for i in range(8)]}],
        }
    ]
    doc = compose(Campaign.model_validate(data))[0]
    labels = [p.runs[0].text.strip() for p in doc.noi_dung if p.level == 3]
    assert labels == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)"]


def test_la_ma_headings_in_capitals(data: dict[str, Any]) -> None:
    """Phụ lục I, sample table 6b: "Số thứ tự và tiêu đề của mục" in capitals, bold."""
    doc = compose(Campaign.model_validate(data))[0]
    heads = [p for p in doc.noi_dung if p.style == "DeMuc1"]
    assert [p.text for p in heads] == ["I. MỤC TIÊU", "II. NỘI DUNG"]
    assert all(r.bold for p in heads for r in p.runs)


def test_thap_phan_numbering(data: dict[str, Any]) -> None:
    data["danh_so"] = "thap_phan"
    doc = compose(Campaign.model_validate(data))[0]
    texts = [p.text for p in doc.noi_dung]
    assert "1. Mục tiêu" in texts
    assert "2.1. Tổ chức học tập." in texts
    assert "2.1.1. Điểm một." in texts


def test_body_ends_with_closing_mark(data: dict[str, Any]) -> None:
    """Mẫu 1.4: the body ends with "./." (a final full stop is replaced, not doubled)."""
    doc = compose(Campaign.model_validate(data))[0]
    assert doc.noi_dung[-1].text.endswith("nghiêm túc thực hiện./.")
    assert not doc.noi_dung[-1].text.endswith("../.")
    data["noi_dung"][-1] = "Đã có dấu kết thúc./."
    assert compose(Campaign.model_validate(data))[0].noi_dung[-1].text == "Đã có dấu kết thúc./."


def test_noi_nhan_punctuation(data: dict[str, Any]) -> None:
    """Phụ lục I, II.9.d: '- ' first, ';' last, and the final 'Lưu' line ends with '.'."""
    data["noi_nhan"] = ["- Thường trực Huyện ủy;", "Ban TĐKT tỉnh (b/c)", "UBND các xã."]
    data["luu"] = {"don_vi": "NV", "so_ban_luu": 2}
    doc = compose(Campaign.model_validate(data))[0]
    assert doc.noi_nhan == (
        "- Thường trực Huyện ủy;",
        "- Ban TĐKT tỉnh (b/c);",
        "- UBND các xã;",
        "- Lưu: VT, NV (02b).",
    )


def test_noi_nhan_purpose_structured() -> None:
    n = NoiNhan.model_validate({"ten": "Ban TĐKT tỉnh", "muc_dich": "b/c"})
    assert n.text() == "Ban TĐKT tỉnh (b/c)"


def test_luu_not_in_recipients(data: dict[str, Any]) -> None:
    data["noi_nhan"].append("Lưu: VT, NV.")
    with pytest.raises(ValidationError, match="'luu'"):
        Campaign.model_validate(data)


def test_typist_mark() -> None:
    """Phụ lục I, III.3: drafter's initials in capitals, copies issued in digits: PL.(300)."""
    from chithi_gen.model import Luu, ky_hieu_nguoi_soan

    assert ky_hieu_nguoi_soan(Luu(don_vi="NV", nguoi_soan="PL", so_ban_phat_hanh=300)) == "PL.(300)"
    assert ky_hieu_nguoi_soan(Luu(don_vi="NV")) is None


def test_kt_only_with_deputy_title() -> None:
    """Phụ lục I, II.7.b: KT. is a deputy signing for the head."""
    with pytest.raises(ValidationError, match="cấp phó"):
        NguoiKy.model_validate(
            {"tham_quyen": "KT.", "cap_truong": "Chủ tịch", "chuc_vu": "Chủ tịch", "ho_ten": "A B"}
        )
    ok = NguoiKy.model_validate(
        {"tham_quyen": "KT", "cap_truong": "Chủ tịch", "chuc_vu": "Phó Chủ tịch", "ho_ten": "A B"}
    )
    assert dong_quyen_han(ok) == ("KT. Chủ tịch", "Phó Chủ tịch")


def test_tm_needs_collective_body() -> None:
    """Phụ lục I, II.7.b: TM. goes before the name of the collective body."""
    with pytest.raises(ValidationError, match="tap_the"):
        NguoiKy.model_validate({"tham_quyen": "TM.", "chuc_vu": "Chủ tịch", "ho_ten": "A B"})
    ok = NguoiKy.model_validate(
        {"tham_quyen": "TM.", "tap_the": "Ủy ban nhân dân", "chuc_vu": "Chủ tịch", "ho_ten": "A B"}
    )
    assert dong_quyen_han(ok) == ("TM. Ủy ban nhân dân", "Chủ tịch")


def test_tm_and_kt_together() -> None:
    """A People's Committee deputy: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH."""
    nk = NguoiKy.model_validate(
        {
            "tham_quyen": "KT.",
            "tap_the": "Ủy ban nhân dân",
            "cap_truong": "Chủ tịch",
            "chuc_vu": "Phó Chủ tịch",
            "ho_ten": "Nguyễn Xuân Thủy",
        }
    )
    assert dong_quyen_han(nk) == ("TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch")


@pytest.mark.parametrize(
    ("tq", "fields", "lines"),
    [
        ("Q.", {"cap_truong": "Giám đốc"}, ("Q. Giám đốc",)),
        (
            "TL.",
            {"cap_truong": "Chủ tịch", "chuc_vu": "Chánh Văn phòng"},
            ("TL. Chủ tịch", "Chánh Văn phòng"),
        ),
        (
            "TUQ.",
            {"cap_truong": "Chủ tịch", "chuc_vu": "Giám đốc Sở Nội vụ"},
            ("TUQ. Chủ tịch", "Giám đốc Sở Nội vụ"),
        ),
        (None, {"chuc_vu": "Chủ tịch"}, ("Chủ tịch",)),
    ],
)
def test_other_authorities(tq: str | None, fields: dict[str, str], lines: tuple[str, ...]) -> None:
    """Phụ lục I, II.7.b: Q., TL., TUQ. go before the head's title."""
    nk = NguoiKy.model_validate({"tham_quyen": tq, "ho_ten": "A B", **fields})
    assert dong_quyen_han(nk) == lines


def test_unknown_authority_rejected() -> None:
    with pytest.raises(ValidationError, match=re.escape("TM., KT., Q., TL. hoặc TUQ.")):
        NguoiKy.model_validate({"tham_quyen": "PT.", "chuc_vu": "Chủ tịch", "ho_ten": "A B"})


def test_signature_in_capitals(data: dict[str, Any]) -> None:
    """Phụ lục I, II.7.đ: authority and title in capitals; name in normal case."""
    doc = compose(Campaign.model_validate(data))[0]
    assert doc.quyen_han == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert doc.ho_ten == "Nguyễn Văn An"


def test_agency_in_capitals(data: dict[str, Any]) -> None:
    """Phụ lục I, II.2.b: the agency name in capitals."""
    data["co_quan"]["chu_quan"] = "Ủy ban nhân dân tỉnh Cao Bằng"
    doc = compose(Campaign.model_validate(data))[0]
    assert doc.co_quan_ban_hanh == ("ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG",)
    assert doc.co_quan_chu_quan == ("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG",)


def test_text_is_nfc_and_invisibles_dropped(data: dict[str, Any]) -> None:
    decomposed = "Ve\u0302\u0323 sinh\u200f\u200b moi tru\u031bo\u031b\u0300ng"
    data["trich_yeu"] = decomposed
    c = Campaign.model_validate(data)
    assert c.trich_yeu == "Vệ sinh moi trường"


def test_control_character_rejected_with_position(data: dict[str, Any]) -> None:
    data["trich_yeu"] = "Về việc\x07 thi đua"
    with pytest.raises(ValidationError, match="U\\+0007 ở vị trí 8"):
        Campaign.model_validate(data)


def test_word_line_break_becomes_space(data: dict[str, Any]) -> None:
    data["trich_yeu"] = "Về việc\x0bthi   đua\t năm 2021"
    assert Campaign.model_validate(data).trich_yeu == "Về việc thi đua năm 2021"


def test_chi_tieu_vietnamese_numbers(data: dict[str, Any]) -> None:
    """Numbers through Babel's vi locale: 27.716; 21,9; percentages without a space."""
    data["noi_dung"] = [
        {
            "tieu_de": "Chỉ tiêu",
            "chi_tieu": [
                {"ten": "Thu ngân sách trên địa bàn", "gia_tri": 27716, "don_vi": "triệu đồng"},
                {"ten": "Thu nhập bình quân", "gia_tri": "21.9", "don_vi": "triệu đồng"},
                {"ten": "Đàn bò: tăng", "gia_tri": 2, "don_vi": "%", "ghi_chu": "(so với TH 2020)"},
                "Duy trì 03 xã đạt chuẩn NTM",
            ],
        }
    ]
    texts = [p.text for p in compose(Campaign.model_validate(data))[0].noi_dung]
    assert texts[2:] == [
        "(1) Thu ngân sách trên địa bàn: 27.716 triệu đồng.",
        "(2) Thu nhập bình quân: 21,9 triệu đồng.",
        "(3) Đàn bò: tăng: 2% (so với TH 2020).",
        "(4) Duy trì 03 xã đạt chuẩn NTM./.",
    ]


def test_thoi_gian_thi_dua(data: dict[str, Any]) -> None:
    data["noi_dung"].insert(
        2, {"tieu_de": "Thời gian thi đua:", "thoi_gian": {"den": "2021-12-31"}}
    )
    doc = compose(Campaign.model_validate(data))[0]
    assert (
        "III. THỜI GIAN THI ĐUA: Từ ngày phát động thi đua đến hết ngày 31 tháng 12 năm 2021."
        in [p.text for p in doc.noi_dung]
    )


def test_thoi_gian_order(data: dict[str, Any]) -> None:
    data["noi_dung"].append({"muc": "x", "thoi_gian": {"tu": "2021-05-01", "den": "2021-01-01"}})
    with pytest.raises(ValidationError, match="'tu'"):
        Campaign.model_validate(data)


def test_unknown_key_is_an_error(data: dict[str, Any]) -> None:
    data["noi_nhna"] = data.pop("noi_nhan")
    with pytest.raises(ValidationError) as exc:
        Campaign.model_validate(data)
    [err] = exc.value.errors()
    assert (err["type"], err["loc"]) == ("extra_forbidden", ("noi_nhna",))


def test_unknown_kind(data: dict[str, Any]) -> None:
    from chithi_gen import CampaignError

    data["loai"] = "cong_van"
    with pytest.raises(CampaignError, match="chi_thi"):
        compose(Campaign.model_validate(data))[0]


def test_inline_emphasis(data: dict[str, Any]) -> None:
    data["mo_dau"] = ['Chủ đề "**Đoàn kết, sáng tạo**", *cụ thể* như sau: 2 \\* 3']
    p = compose(Campaign.model_validate(data))[0].noi_dung[0]
    assert p.text == 'Chủ đề "Đoàn kết, sáng tạo", cụ thể như sau: 2 * 3'
    assert [(r.text, r.bold, r.italic) for r in p.runs if r.bold or r.italic] == [
        ("Đoàn kết, sáng tạo", True, None),
        ("cụ thể", None, True),
    ]


def test_unbalanced_marker_kept_literally(data: dict[str, Any]) -> None:
    data["mo_dau"] = ["Đàn gia cầm * tăng 4%"]
    assert compose(Campaign.model_validate(data))[0].noi_dung[0].text == "Đàn gia cầm * tăng 4%"


def test_absurd_nesting_is_an_error_not_a_crash(data: dict[str, Any]) -> None:
    node: dict[str, Any] = {"muc": "x"}
    for _ in range(900):
        node = {"muc": "x", "noi_dung": [node]}
    data["noi_dung"] = [node]
    with pytest.raises(ValidationError, match="lồng quá sâu"):
        Campaign.model_validate(data)
