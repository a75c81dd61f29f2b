"""Administrative units since 1/7/2025: counts, lookups, suggestions, batch rows."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chithi_gen.reference import don_vi_hanh_chinh as dv

ROOT = Path(__file__).resolve().parents[2]
ALL_XA = [x for t in dv.cac_tinh() for x in dv.xa_cua_tinh(t)]


def test_counts_match_the_official_figures() -> None:
    # 34 provinces (28 tỉnh + 6 thành phố), 3,321 communes: 2,621 xã, 687 phường, 13 đặc khu.
    tinh = dv.cac_tinh()
    assert len(tinh) == 34
    assert sum(t.loai == "thành phố" for t in tinh) == 6
    assert len(ALL_XA) == 3321
    by_type = {loai: sum(x.loai == loai for x in ALL_XA) for loai in dv.LOAI_XA}
    assert by_type == {"xã": 2621, "phường": 687, "đặc khu": 13}
    assert dv.nguon()["so_xa"] == 3321


def test_published_per_province_figures() -> None:
    assert len(dv.xa_cua_tinh("Thành phố Hồ Chí Minh")) == 168
    assert len(dv.xa_cua_tinh("Lai Châu")) == 38
    assert len(dv.xa_cua_tinh("Hà Nội")) == 126
    dac_khu = {(x.tinh.ten, x.ten) for x in ALL_XA if x.loai == "đặc khu"}
    assert ("An Giang", "Phú Quốc") in dac_khu
    assert ("Khánh Hòa", "Trường Sa") in dac_khu
    assert ("Đà Nẵng", "Hoàng Sa") in dac_khu
    assert {t for t, _ in dac_khu} == {
        "An Giang",
        "Hải Phòng",
        "Quảng Ninh",
        "Hồ Chí Minh",
        "Đà Nẵng",
        "Khánh Hòa",
        "Lâm Đồng",
        "Quảng Ngãi",
        "Quảng Trị",
    }


def test_codes_are_unique_and_well_formed() -> None:
    assert len({x.ma for x in ALL_XA}) == len(ALL_XA)
    assert all(len(x.ma) == 5 and x.ma.isdigit() for x in ALL_XA)
    assert all(len(t.ma) == 2 and t.ma.isdigit() for t in dv.cac_tinh())
    assert all(unicodedata.is_normalized("NFC", x.ten) for x in ALL_XA)


def test_source_header() -> None:
    head = dv.nguon()
    assert head["goi"] == "vietnamadminunits"
    assert head["giay_phep"].startswith("MIT")
    assert head["hieu_luc_tu"] == "2025-07-01"
    assert head["phien_ban"]


@pytest.mark.parametrize(
    "name",
    ["Cao Bằng", "tỉnh Cao Bằng", "Tỉnh Cao Bằng", "TỈNH CAO BẰNG", "  tỉnh   cao bằng "],
)
def test_province_with_or_without_type_word(name: str) -> None:
    found = dv.tim_tinh(name)
    assert found is not None and found.ma == "04"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Thành phố Hà Nội", "01"),
        ("TP. Hồ Chí Minh", "79"),
        ("TP.HCM", "79"),
        ("thành phố Huế", "46"),
        ("Thanh Hoá", "38"),  # old tone placement
        ("Khánh Hoà", "56"),
    ],
)
def test_province_forms(name: str, code: str) -> None:
    found = dv.tim_tinh(name)
    assert found is not None and found.ma == code


def test_province_wrong_type_or_unknown() -> None:
    assert dv.tim_tinh("tỉnh Hà Nội") is None
    assert dv.tim_tinh("Hà Giang") is None
    assert dv.tim_tinh("") is None


def test_province_names_and_dia_danh() -> None:
    hcm = dv.tim_tinh("Hồ Chí Minh")
    cb = dv.tim_tinh("Cao Bằng")
    assert hcm is not None and cb is not None
    assert hcm.dia_danh == "Thành phố Hồ Chí Minh"  # Phụ lục I, II.4.a: named after a person
    assert cb.dia_danh == "Cao Bằng"
    assert cb.co_quan == "Ủy ban nhân dân tỉnh Cao Bằng"
    assert cb.ten_day_du == "Tỉnh Cao Bằng"


@pytest.mark.parametrize("name", ["xã Trường Hà", "Trường Hà", "Xã Trường Hà", "XÃ TRƯỜNG HÀ"])
def test_commune_with_or_without_type_word(name: str) -> None:
    found = dv.tim_xa(name)
    assert [x.tinh.ten for x in found] == ["Cao Bằng"]
    x = found[0]
    assert x.loai == "xã"
    assert x.co_quan == "Ủy ban nhân dân xã Trường Hà"
    assert x.dia_danh == "Trường Hà"


def test_commune_wrong_type_gives_nothing() -> None:
    assert dv.tim_xa("phường Trường Hà") == ()


def test_commune_names_repeat_across_provinces_but_not_within() -> None:
    assert len(dv.tim_xa("Ba Đình")) == 2
    assert [x.tinh.ma for x in dv.tim_xa("Ba Đình", "Hà Nội")] == ["01"]
    for t in dv.cac_tinh():
        names = [x.ten.casefold() for x in dv.xa_cua_tinh(t)]
        assert len(names) == len(set(names)), t.ten


def test_unknown_province_argument_raises() -> None:
    with pytest.raises(KeyError):
        dv.tim_xa("Trường Hà", "Hà Giang")


def test_dia_danh_full_name_for_numbers_and_people() -> None:
    (hg1,) = dv.tim_xa("Hà Giang 1")
    assert hg1.dia_danh == "Phường Hà Giang 1"
    named_after_people = dv.tim_xa("Trần Hưng Đạo")
    assert named_after_people
    assert all(x.dia_danh == x.ten_day_du for x in named_after_people)
    assert all(x.dia_danh == x.ten_day_du for x in ALL_XA if any(c.isdigit() for c in x.ten))


def test_dac_khu_agency_name() -> None:
    (van_don,) = dv.tim_xa("đặc khu Vân Đồn")
    assert van_don.co_quan == "Ủy ban nhân dân đặc khu Vân Đồn"
    assert van_don.ten_day_du == "Đặc khu Vân Đồn"


def test_batch_table() -> None:
    rows = dv.bang_xa("tỉnh Cao Bằng")
    assert len(rows) == len(dv.xa_cua_tinh("Cao Bằng"))
    row = next(r for r in rows if r["ten"] == "Trường Hà")
    assert row == {
        "ma": row["ma"],
        "ten": "Trường Hà",
        "loai": "xã",
        "ten_day_du": "Xã Trường Hà",
        "co_quan": "Ủy ban nhân dân xã Trường Hà",
        "co_quan_hoa": "ỦY BAN NHÂN DÂN XÃ TRƯỜNG HÀ",
        "dia_danh": "Trường Hà",
        "tinh": "Cao Bằng",
    }
    assert [r["ma"] for r in rows] == sorted(r["ma"] for r in rows)


def test_suggestions() -> None:
    assert dv.goi_y("xã Trường Hòa", tinh="Cao Bằng")[0] == "Xã Trường Hà (Cao Bằng)"
    assert dv.goi_y("Truong Ha")[0] == "Xã Trường Hà (Cao Bằng)"
    assert dv.goi_y("tỉnh Cao Bang")[0] == "Tỉnh Cao Bằng"
    assert dv.goi_y("Hà Giang")[0] == "Tỉnh Tuyên Quang"  # merged in 2025
    assert dv.goi_y("Thừa Thiên Huế")[0] == "Thành phố Huế"
    assert len(dv.goi_y("xã Trường Hòa", n=3)) <= 3
    assert dv.goi_y("zzzzzzzzzzzz") == ()


def test_old_units() -> None:
    old = dv.tim_tinh_cu("tỉnh Hà Giang")
    assert old is not None and old.tinh_moi is not None and old.tinh_moi.ten == "Tuyên Quang"
    assert dv.tim_tinh_cu("Cao Bằng") is None  # still a province
    (hq,) = dv.huyen_cu("huyện Hà Quảng")
    assert (hq.loai, hq.tinh, hq.ten_day_du) == ("huyện", "Cao Bằng", "Huyện Hà Quảng")
    assert dv.huyen_cu("quận Hà Quảng") == ()
    assert len(dv.huyen_cu("Kỳ Anh")) == 2  # a huyện and a thị xã of Hà Tĩnh
    assert dv.nguon()["so_huyen_cu"] == 696


def test_unit_in_agency_name() -> None:
    assert dv.tim_trong_ten_co_quan("ỦY BAN NHÂN DÂN XÃ TRƯỜNG HÀ") == ("xã", "TRƯỜNG HÀ")
    assert dv.tim_trong_ten_co_quan("Sở Nội vụ tỉnh Cao Bằng") == ("tỉnh", "Cao Bằng")
    assert dv.tim_trong_ten_co_quan("UBND đặc khu Phú Quốc") == ("đặc khu", "Phú Quốc")
    assert dv.tim_trong_ten_co_quan("Ủy ban nhân dân Thành phố Hà Nội") == (
        "thành phố",
        "Hà Nội",
    )
    assert dv.tim_trong_ten_co_quan("Bộ Nội vụ") is None


def test_warnings() -> None:
    assert dv.canh_bao_don_vi("xã Trường Hà") == ()
    assert dv.canh_bao_don_vi("xã Trường Hà", tinh="Cao Bằng") == ()
    assert dv.canh_bao_don_vi("tỉnh Cao Bằng") == ()
    ((vi, en),) = dv.canh_bao_don_vi("xã Trường Hòa", tinh="Cao Bằng")
    assert "Xã Trường Hà (Cao Bằng)" in vi and "Có phải" in vi
    assert "Did you mean" in en and "Xã Trường Hà (Cao Bằng)" in en
    ((vi, en),) = dv.canh_bao_don_vi("tỉnh Hà Giang")
    assert "Tỉnh Tuyên Quang" in vi and "202/2025/QH15" in vi
    assert "Tuyên Quang" in en
    # The commune exists, but not in that province.
    ((vi, _en),) = dv.canh_bao_don_vi("xã Trường Hà", tinh="Lạng Sơn")
    assert "Lạng Sơn" in vi


def test_data_file_is_what_the_build_script_makes() -> None:
    pytest.importorskip("vietnamadminunits")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_don_vi_hanh_chinh.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_data_file_is_valid_json_with_header_first() -> None:
    path = ROOT / "src" / "chithi_gen" / "reference" / "data" / "don_vi_hanh_chinh.json"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[1].startswith('"nguon"')
    assert set(json.loads(text)) == {"nguon", "tinh", "tinh_cu", "huyen_cu"}


# --- properties ---------------------------------------------------------------------------

xa_st = st.sampled_from(ALL_XA)


def _jumble(text: str, data: st.DataObject) -> str:
    """Vary case per character, Unicode form and spacing."""
    form = data.draw(st.sampled_from(["NFC", "NFD", "NFKC", "NFKD"]))
    nfc = unicodedata.normalize("NFC", text)
    chars = [c.upper() if data.draw(st.booleans()) else c.lower() for c in nfc]
    text = unicodedata.normalize(form, "".join(chars))
    pad = data.draw(st.sampled_from(["", " ", "  ", "\t"]))
    return pad + text.replace(" ", data.draw(st.sampled_from([" ", "  ", " \t "]))) + pad


@settings(max_examples=300, deadline=None)
@given(xa_st, st.data())
def test_every_commune_is_found_by_its_own_names(x: dv.Xa, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from([x.ten, x.ten_day_du, f"{x.loai} {x.ten}"]))
    found = dv.tim_xa(_jumble(name, data), x.tinh)
    assert found == (x,)
    assert x in dv.tim_xa(name)


def test_every_commune_is_found_exhaustively() -> None:
    for x in ALL_XA:
        assert dv.tim_xa(x.ten_day_du, x.tinh) == (x,), x
        assert dv.canh_bao_don_vi(x.ten_day_du, tinh=x.tinh) == ()


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(dv.cac_tinh()), st.data())
def test_every_province_is_found_under_jumbling(t: dv.Tinh, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from([t.ten, t.ten_day_du]))
    assert dv.tim_tinh(_jumble(name, data)) == t


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_lookups_never_crash(text: str) -> None:
    dv.tim_tinh(text)
    dv.tim_xa(text)
    dv.tach_loai(text)
    dv.tim_trong_ten_co_quan(text)
    assert isinstance(dv.canh_bao_don_vi(text), tuple)
