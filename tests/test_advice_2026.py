"""Advice for 2026: unknown administrative units, district-level bodies after 1/7/2025, and
căn cứ naming a replaced document — each a warning with its field path, file line, a
stable code and the closest names or the document in force."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chithi_gen import Renderer
from chithi_gen.compose.advice import ADVISORS, warnings
from chithi_gen.errors import Problem
from support import EXAMPLES, MINIMAL

XA = EXAMPLES / "chi-thi-ubnd-xa-2026.yaml"
NEW_EXAMPLES = [
    *sorted(p for p in EXAMPLES.glob("*.yaml") if "2026" in p.name),
    *sorted(EXAMPLES.glob("mau-dang/*.yaml")),
    EXAMPLES / "chuong-trinh-kem-quyet-dinh.yaml",
    EXAMPLES / "mau-chi-thi.yaml",
    EXAMPLES / "ke-hoach-hoi-nghi.yaml",
]
SEEDS = [
    EXAMPLES / "chi-thi-ha-quang-2020.yaml",
    EXAMPLES / "chi-thi-ha-quang-2021.yaml",
    EXAMPLES / "chi-thi-ha-quang-2021-ke-thua.yaml",
    EXAMPLES / "chuong-trinh-ky-anh-2020.yaml",
]


def _warn(path: Path = XA, **changes: Any) -> list[Problem]:
    r = Renderer()
    src = r.read(path)
    if not changes:
        return list(r.prepare(src).warnings)
    return list(r.prepare({**src.data, **changes}).warnings)


def _codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def test_the_advisors_are_listed() -> None:
    names = [a.__name__ for a in ADVISORS]
    for name in ("unit_warnings", "district_warnings", "replaced_warnings", "party_warnings"):
        assert name in names


@pytest.mark.parametrize("path", NEW_EXAMPLES, ids=lambda p: p.name)
def test_current_examples_draw_no_warning(path: Path) -> None:
    """A clerk copying a 2026 example sees no sign of the district level."""
    assert _warn(path) == []


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_reproductions_of_2020_2022_are_judged_by_their_date(path: Path) -> None:
    assert _warn(path) == []


def test_seed_dated_today_is_warned_about(tmp_path: Path) -> None:
    text = (EXAMPLES / "chi-thi-ha-quang-2020.yaml").read_text(encoding="utf-8")
    assert "ngay: 2020-07-15" in text
    path = tmp_path / "chi-thi-2026.yaml"
    path.write_text(text.replace("ngay: 2020-07-15", "ngay: 2026-02-01"), encoding="utf-8")
    got = _warn(path)
    assert "district-level-body" in _codes(got)
    issuer = next(p for p in got if p.loc == ("co_quan", "ten"))
    assert "Ủy ban nhân dân huyện Hà Quảng" in issuer.message_vi
    assert "Cao Bằng" in issuer.message_vi  # where the old district was
    line = text.splitlines().index("  ten: Ủy ban nhân dân huyện Hà Quảng") + 1
    assert (issuer.source, issuer.line, issuer.severity) == (str(path), line, "warning")
    where = {p.loc[0] for p in got if p.code == "district-level-body"}
    assert {"co_quan", "noi_nhan"} <= where


def test_district_bodies_in_assignments_and_undated_drafts() -> None:
    data = dict(MINIMAL)
    data.pop("ngay", None)
    data["noi_dung"] = [
        {
            "muc": "Tổ chức thực hiện",
            "phan_cong": {
                "chu_tri": "Phòng Nội vụ huyện Hà Quảng",
                "phoi_hop": ["Văn phòng HĐND và UBND huyện"],
                "nhiem_vu": "tổng hợp",
            },
        }
    ]
    data["noi_nhan"] = ["Như trên", "UBND các xã, thị trấn"]
    got = [p for p in Renderer().prepare(data).warnings if p.code == "district-level-body"]
    locs = {p.loc for p in got}
    assert ("noi_dung", 0, "phan_cong", "chu_tri") in locs
    assert ("noi_dung", 0, "phan_cong", "phoi_hop", 0) in locs
    assert ("noi_nhan", 1) in locs  # "thị trấn"
    assert all(p.message_en for p in got)


def test_unknown_commune_gets_the_closest_names() -> None:
    got = _warn(co_quan={"ten": "Ủy ban nhân dân xã Truong Ha", "viet_tat": "UBND"})
    unit = [p for p in got if p.code == "unknown-unit"]
    assert unit and unit[0].loc == ("co_quan", "ten")
    assert "Xã Trường Hà (Cao Bằng)" in unit[0].message_vi
    assert "Did you mean" in unit[0].message_en


def test_unknown_place_name() -> None:
    got = _warn(dia_danh="Trường Hải")
    unit = [p for p in got if p.loc == ("dia_danh",)]
    assert _codes(unit) == ["unknown-unit"] and "Trường Hà" in unit[0].message_vi


def test_old_province_in_the_superior_says_where_it_went() -> None:
    got = _warn(
        co_quan={"chu_quan": "UBND tỉnh Hà Giang", "ten": "Sở Nội vụ", "viet_tat": "SNV"},
        dia_danh="Hà Giang",
    )
    messages = " ".join(p.message_vi for p in got if p.code == "unknown-unit")
    assert "Tuyên Quang" in messages and "202/2025/QH15" in messages


def test_place_name_of_the_commune_and_in_full() -> None:
    got = _warn(dia_danh="Hà Quảng")  # the agency is UBND xã Trường Hà
    assert _codes(got) == ["dia-danh-mismatch"] and "Trường Hà" in got[0].message_vi
    got = _warn(co_quan={"ten": "Ủy ban nhân dân phường Thục Phán", "viet_tat": "UBND"},
                dia_danh="Thục Phán")  # fmt: skip
    assert _codes(got) == ["dia-danh-full-name"] and "Phường Thục Phán" in got[0].message_vi


def test_replaced_decree_in_a_citation_names_the_one_in_force() -> None:
    nd98 = {
        "ten_loai": "Nghị định",
        "so_ky_hieu": "98/2023/NĐ-CP",
        "ngay": "2023-12-31",
        "co_quan": "Chính phủ",
        "trich_yeu": "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
    }
    r = Renderer()
    data = dict(r.read(XA).data)
    data["dan_chieu"] = {**data["dan_chieu"], "nd152": nd98}
    got = [p for p in r.prepare(data).warnings if p.code == "replaced-document"]
    assert [p.loc for p in got] == [("dan_chieu", "nd152")]
    assert "152/2025/NĐ-CP" in got[0].message_vi and "152/2025/NĐ-CP" in got[0].message_en


def test_replaced_law_by_name_and_chain_in_text() -> None:
    got = _warn(
        mo_dau=[
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 và Nghị định"
            " số 91/2017/NĐ-CP;"
        ]
    )
    rep = [p for p in got if p.code == "replaced-document"]
    assert {p.loc for p in rep} == {("mo_dau", 0)}
    text = " ".join(p.message_vi for p in rep)
    assert "72/2025/QH15" in text  # 77/2015 → 65/2025 → 72/2025
    assert "152/2025/NĐ-CP" in text  # 91/2017 → 98/2023 → 152/2025


def test_a_2020_document_may_cite_the_law_of_2020() -> None:
    data = {**MINIMAL, "ngay": "2020-05-04", "mo_dau": ["Căn cứ Nghị định số 91/2017/NĐ-CP;"]}
    assert [p for p in Renderer().prepare(data).warnings if p.code == "replaced-document"] == []
    data["ngay"] = "2024-05-04"  # 98/2023 was in force: 91/2017 was replaced
    got = [p for p in Renderer().prepare(data).warnings if p.code == "replaced-document"]
    assert len(got) == 1


def test_warnings_is_every_advisor_in_order() -> None:
    campaign = Renderer().load(EXAMPLES / "chi-thi-ha-quang-2021.yaml")
    assert warnings(campaign) == [p for a in ADVISORS for p in a(campaign)]
