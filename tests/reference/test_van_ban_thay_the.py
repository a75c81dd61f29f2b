"""The table of replaced documents: every record sound, citations found by number and by name."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chithi_gen.reference import van_ban_thay_the as vb

RECORDS = vb.cac_thay_the()


def test_required_replacements_are_listed() -> None:
    expected = {
        "98/2023/NĐ-CP": "152/2025/NĐ-CP",
        "91/2017/NĐ-CP": "152/2025/NĐ-CP",
        "77/2015/QH13": "72/2025/QH15",
        "47/2019/QH14": "72/2025/QH15",
        "65/2025/QH15": "72/2025/QH15",
        "15/2003/QH11": "06/2022/QH15",
        "39/2013/QH13": "06/2022/QH15",
        "36-HD/VPTW": "05-HD/VPTW",
        "66-QĐ/TW": "399-QĐ/TW",
        "80/2015/QH13": "64/2025/QH15",
    }
    got = {r.van_ban.so_ky_hieu: r.hien_hanh.so_ky_hieu for r in RECORDS}
    for old, new in expected.items():
        assert got[old] == new, old


def test_every_record_has_a_source_and_sane_dates() -> None:
    levels = set(vb.nguon()["cap_nguon"])
    for r in RECORDS:
        assert r.nguon, r.van_ban.so_ky_hieu
        assert all(n.cap in levels for n in r.nguon)
        assert r.van_ban != r.thay_the_boi
        old, new = r.van_ban.ngay_ban_hanh, r.thay_the_boi.ngay_ban_hanh
        if old and new:
            assert old < new, r.van_ban.so_ky_hieu
        if r.tu_ngay and old:
            assert r.tu_ngay > old


def test_the_documents_in_force_are_not_replaced() -> None:
    for r in RECORDS:
        assert vb.tim_thay_the(r.hien_hanh.so_ky_hieu) is None


@pytest.mark.parametrize(
    "typed",
    ["98/2023/NĐ-CP", "98/2023/ND-CP", "98/2023/nđ-cp", "Số: 98/2023/NĐ-CP", " 98 / 2023 / NĐ-CP "],
)
def test_by_number_in_any_spelling(typed: str) -> None:
    r = vb.tim_thay_the(typed)
    assert r is not None and r.hien_hanh.so_ky_hieu == "152/2025/NĐ-CP"


def test_party_numbers() -> None:
    r = vb.tim_thay_the("Số 36-HD/VPTW")
    assert r is not None and r.hien_hanh.so_ky_hieu == "05-HD/VPTW"
    r = vb.tim_thay_the("66-QD/TW")
    assert r is not None and r.hien_hanh.so_ky_hieu == "399-QĐ/TW"


def test_chain_is_followed_and_named() -> None:
    r = vb.tim_thay_the("91/2017/NĐ-CP")
    assert r is not None
    assert r.thay_the_boi.so_ky_hieu == "98/2023/NĐ-CP"
    assert r.hien_hanh.so_ky_hieu == "152/2025/NĐ-CP"
    vi, en = r.canh_bao
    assert "98/2023/NĐ-CP" in vi and "152/2025/NĐ-CP" in vi and "ngày 14/6/2025" in vi
    assert "152/2025/NĐ-CP" in en and "Cite the document in force" in en


def test_by_name_and_year() -> None:
    r = vb.tim_thay_the(ten="Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003")
    assert r is not None and r.van_ban.so_ky_hieu == "15/2003/QH11"
    r = vb.tim_thay_the(ten="Luật Tổ chức chính quyền địa phương ngày 19/6/2015")
    assert r is not None and r.hien_hanh.so_ky_hieu == "72/2025/QH15"
    # The law in force, or a name without a year: no warning.
    assert vb.tim_thay_the(ten="Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022") is None
    assert vb.tim_thay_the(ten="Luật Tổ chức chính quyền địa phương") is None
    assert (
        vb.tim_thay_the(ten="Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025") is None
    )


def test_amending_laws_are_told_apart() -> None:
    text = (
        "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung"
        " một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013;"
    )
    assert [r.van_ban.so_ky_hieu for r in vb.tim_trong_van_ban(text)] == [
        "15/2003/QH11",
        "39/2013/QH13",
    ]


def test_a_campaign_preamble() -> None:
    text = (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi,"
        " bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa"
        " phương ngày 22 tháng 11 năm 2019;\nCăn cứ Nghị định số 91/2017/NĐ-CP ngày 31"
        " tháng 7 năm 2017 của Chính phủ;\nThực hiện Hướng dẫn số 36-HD/VPTW;"
        " Nghị định 98/2023/NĐ-CP và lại Nghị định 98/2023/NĐ-CP."
    )
    got = [r.van_ban.so_ky_hieu for r in vb.tim_trong_van_ban(text)]
    assert got == ["77/2015/QH13", "47/2019/QH14", "91/2017/NĐ-CP", "36-HD/VPTW", "98/2023/NĐ-CP"]


def test_current_citations_give_nothing() -> None:
    text = (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; Luật Thi đua,"
        " khen thưởng ngày 15 tháng 6 năm 2022; Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6"
        " năm 2025 của Chính phủ; Nghị định số 30/2020/NĐ-CP; Quy định số 399-QĐ/TW;"
        " Hướng dẫn số 05-HD/VPTW; Số: 15/CT-UBND."
    )
    assert vb.tim_trong_van_ban(text) == ()


def test_number_form() -> None:
    assert vb.chuan_hoa_so_ky_hieu("Số: 098/2023/nd-cp") == "98/2023/NĐ-CP"
    assert vb.chuan_hoa_so_ky_hieu("36-hd/vptw") == "36-HD/VPTW"


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(RECORDS), st.text(max_size=20), st.text(max_size=20))
def test_found_by_number_in_any_text(r: vb.ThayThe, before: str, after: str) -> None:
    text = f"{before} số {r.van_ban.so_ky_hieu} {after}"
    assert r in vb.tim_trong_van_ban(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_never_crashes(text: str) -> None:
    assert isinstance(vb.tim_trong_van_ban(text), tuple)
