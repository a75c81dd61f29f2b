"""District-level bodies in text: found where they are, not where they only seem to be."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chithi_gen.reference import cap_huyen
from chithi_gen.reference import don_vi_hanh_chinh as dv
from chithi_gen.reference.cap_huyen import ap_dung_hai_cap, canh_bao_cap_huyen, tim_cap_huyen


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.doan, c.loai, c.ten) for c in tim_cap_huyen(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kính gửi: UBND huyện Hà Quảng, tỉnh Cao Bằng.", ("UBND huyện Hà Quảng", "huyen")),
        ("Ủy ban nhân dân huyện Hà Quảng", ("Ủy ban nhân dân huyện Hà Quảng", "huyen")),
        ("UBND HUYỆN HÀ QUẢNG", ("UBND HUYỆN HÀ QUẢNG", "huyen")),
        (
            "- Phòng Giáo dục và Đào tạo huyện Hà Quảng;",
            ("Phòng Giáo dục và Đào tạo huyện Hà Quảng", "huyen"),
        ),
        ("Chủ tịch UBND huyện Hà Quảng", ("Chủ tịch UBND huyện Hà Quảng", "huyen")),
        ("UBND Quận 1", ("UBND Quận 1", "quan")),
        ("quận Hoàn Kiếm", ("quận Hoàn Kiếm", "quan")),
        ("thị xã Sơn Tây", ("thị xã Sơn Tây", "thi_xa")),
        ("UBND thành phố Bảo Lộc", ("UBND thành phố Bảo Lộc", "thanh_pho_thuoc_tinh")),
        ("Huyện ủy Hà Quảng", ("Huyện ủy Hà Quảng", "cap_uy")),
        ("HUYỆN ỦY HÀ QUẢNG", ("HUYỆN ỦY HÀ QUẢNG", "cap_uy")),
        ("Ban Thường vụ Huyện uỷ;", ("Huyện uỷ", "cap_uy")),
        ("Quận ủy", ("Quận ủy", "cap_uy")),
        ("Thị ủy Sơn Tây", ("Thị ủy Sơn Tây", "cap_uy")),
        ("Thành ủy Bảo Lộc", ("Thành ủy Bảo Lộc", "cap_uy")),
        ("các phòng chuyên môn cấp huyện", ("phòng chuyên môn cấp huyện", "cap_huyen")),
        ("UBND các huyện, thị xã, thành phố", ("UBND các huyện", "cap_huyen")),
        ("Huyện đoàn", ("Huyện đoàn", "cap_huyen")),
        ("thị trấn Xuân Hòa", ("thị trấn Xuân Hòa", "thi_tran")),
        ("huyện đảo Lý Sơn", ("huyện đảo Lý Sơn", "huyen")),
        # An office of an unnamed district, the name ending with "huyện".
        ("Theo đề nghị của Trưởng phòng Nội vụ huyện", ("phòng Nội vụ huyện", "cap_huyen")),
        ("Văn phòng HĐND và UBND huyện;", ("Văn phòng HĐND và UBND huyện", "cap_huyen")),
        ("Trang Thông tin điện tử huyện", ("Trang Thông tin điện tử huyện", "cap_huyen")),
        (
            "Hội đồng Thi đua - Khen thưởng huyện.",
            ("Hội đồng Thi đua - Khen thưởng huyện", "cap_huyen"),
        ),
        ("UBND các xã, thị trấn", ("thị trấn", "thi_tran")),
    ],
)
def test_finds_district_level_bodies(text: str, expected: tuple[str, str]) -> None:
    got = found(text)
    assert [(d, k) for d, k, _ in got] == [expected]
    (c,) = tim_cap_huyen(text)
    assert text[c.bat_dau : c.ket_thuc] == c.doan


@pytest.mark.parametrize(
    "text",
    [
        "phát triển đô thị xã hội chủ nghĩa",
        "khu đô thị Xã Đàn",
        "Ủy ban nhân dân xã Hồ Thị Kỷ",
        "Ủy ban nhân dân xã Trường Hà",
        "UBND xã Ba Vì",  # a commune named after the old district
        "Thành phố Huế",  # a province since 2025
        "Ủy ban nhân dân Thành phố Hà Nội",
        "Thành ủy Hà Nội",
        "thành phố Paris",
        "các huyện miền núi phía Bắc trước đây",
        "Đặc khu Phú Quốc",
        "Quyết định về thị xã hội hóa",
        "Văn phòng HĐND và UBND xã",
        "Phòng Văn hóa - Xã hội",
        "Hội đồng Thi đua - Khen thưởng xã",
        "",
    ],
)
def test_no_false_positives(text: str) -> None:
    assert found(text) == []


def test_old_province_named_and_order_kept() -> None:
    text = "Gửi Huyện ủy Hà Quảng và UBND huyện Hà Quảng; Quận 1."
    got = tim_cap_huyen(text)
    assert [c.loai for c in got] == ["cap_uy", "huyen", "quan"]
    assert got[1].tinh_cu == ("Cao Bằng",)
    assert got[2].tinh_cu == ("Hồ Chí Minh",)
    assert [c.bat_dau for c in got] == sorted(c.bat_dau for c in got)


def test_a_commune_whose_own_name_holds_the_word_is_skipped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # No commune of 2025 is named "… Huyện …"; pretend one is, to pin the rule.
    real = dv.tim_xa

    def fake(ten: str, tinh: str | dv.Tinh | None = None) -> tuple[dv.Xa, ...]:
        if " ".join(ten.split()).casefold() == "xã huyện sơn":
            return real("xã Trường Hà")
        return real(ten, tinh)

    monkeypatch.setattr(cap_huyen, "tim_xa", fake)
    assert found("UBND xã Huyện Sơn") == []
    assert found("UBND huyện Sơn Động")  # still a district


def test_warning_pairs_and_date() -> None:
    text = "Kính gửi: UBND huyện Hà Quảng."
    ((vi, en),) = canh_bao_cap_huyen(text, date(2026, 3, 1))
    assert "01/7/2025" in vi and "72/2025/QH15" in vi and "Cao Bằng" in vi
    assert "1 July 2025" in en and "72/2025/QH15" in en
    assert canh_bao_cap_huyen(text, date(2025, 6, 30)) == ()
    assert canh_bao_cap_huyen(text, None)  # an undated draft is current
    assert ap_dung_hai_cap(date(2025, 7, 1))
    assert not ap_dung_hai_cap(date(2024, 12, 31))
    ((vi, _),) = canh_bao_cap_huyen("thị trấn Xuân Hòa")
    assert "thị trấn" in vi


def test_same_warning_once() -> None:
    text = "UBND huyện Hà Quảng; UBND huyện Hà Quảng."
    assert len(tim_cap_huyen(text)) == 2
    assert len(canh_bao_cap_huyen(text)) == 1


_XA = [x for t in dv.cac_tinh() for x in dv.xa_cua_tinh(t)]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_XA), st.sampled_from(["{}", "Ủy ban nhân dân {}", "UBND {}", "- {};"]))
def test_no_commune_of_2025_is_taken_for_a_district(x: dv.Xa, form: str) -> None:
    assert found(form.format(x.co_quan)) == []
    assert found(form.format(x.ten_day_du.upper())) == []


def test_no_commune_of_2025_is_taken_for_a_district_exhaustively() -> None:
    bad = [x.co_quan for x in _XA if tim_cap_huyen(x.co_quan)]
    assert bad == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_spans_are_exact(text: str) -> None:
    for c in tim_cap_huyen(text):
        assert text[c.bat_dau : c.ket_thuc] == c.doan
        assert c.loai in cap_huyen.LOAI_CAP_HUYEN
