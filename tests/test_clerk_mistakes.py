"""Mistakes clerks make, found by reading the guide's examples: each gets a clear answer."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from chithi_gen import Campaign, CampaignError, load_campaign_text
from chithi_gen.api import compose_documents as compose
from chithi_gen.vi.so import parse_so
from support import EXAMPLES

GOOD = (EXAMPLES / "chi-thi-ha-quang-2020.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("31.815,7", "31815.7"),
        ("21,9", "21.9"),
        ("21.9", "21.9"),
        ("27716", "27716"),
        ("-1.234,5", "-1234.5"),
        ("2,50", "2.50"),
    ],
)
def test_numbers_as_clerks_type_them(typed: str, value: str) -> None:
    assert str(parse_so(typed)) == value


def test_ambiguous_thousands_refused(data: dict[str, Any]) -> None:
    """ "1.250" is 1250 to a Vietnamese clerk and 1.25 to YAML: ask, never guess."""
    text = GOOD.replace(
        "  - tieu_de: Mục tiêu\n",
        "  - tieu_de: Chỉ tiêu\n    chi_tieu:\n      - {ten: Thu, gia_tri: 1.250, don_vi: tấn}\n"
        "  - tieu_de: Mục tiêu\n",
    )
    with pytest.raises(CampaignError) as exc:
        load_campaign_text(text, "x.yaml")
    [p] = exc.value.problems
    assert p.loc[-1] == "gia_tri" and "1250" in p.message_vi and "1,250" in p.message_vi
    assert p.line is not None


def test_vietnamese_decimal_in_yaml() -> None:
    text = GOOD.replace(
        "  - tieu_de: Mục tiêu\n",
        "  - tieu_de: Chỉ tiêu\n    chi_tieu:\n"
        "      - {ten: Thu, gia_tri: '31.815,7', don_vi: tấn}\n"
        "      - {ten: Chi, gia_tri: 21.9, don_vi: tấn}\n"
        "  - tieu_de: Mục tiêu\n",
    )
    texts = [p.text for p in compose(load_campaign_text(text))[0].noi_dung]
    assert "(1) Thu: 31.815,7 tấn." in texts and "(2) Chi: 21,9 tấn." in texts


@pytest.mark.parametrize("typed", ["I. Mục tiêu", "1. Mục tiêu", "2.1. Nội dung", "a) Điểm"])
def test_typed_labels_refused(data: dict[str, Any], typed: str) -> None:
    data["noi_dung"][0]["tieu_de"] = typed
    with pytest.raises(ValidationError, match="đừng gõ số thứ tự"):
        Campaign.model_validate(data)


def test_text_starting_with_bold_marker_needs_quotes() -> None:
    text = GOOD.replace("  - Trang Thông tin điện tử huyện\n", "  - **Trang** Thông tin\n")
    with pytest.raises(CampaignError, match="dấu ngoặc kép"):
        load_campaign_text(text)


def test_empty_signer_name() -> None:
    text = GOOD.replace("ho_ten: Vương Văn Võ", "ho_ten:")
    with pytest.raises(CampaignError) as exc:
        load_campaign_text(text)
    assert exc.value.problems[0].message_vi == "không được để trống"


def test_year_mismatch_points_at_nam() -> None:
    text = GOOD.replace("ngay: 2020-07-15", "ngay: 2020-07-15\nnam: 2021")
    with pytest.raises(CampaignError) as exc:
        load_campaign_text(text, "x.yaml")
    [p] = exc.value.problems
    assert (
        p.loc == ("nam",)
        and p.line == GOOD.splitlines().index("ngay: 2020-07-15         # giả định (invented)") + 2
    )


def test_literal_error_in_vietnamese() -> None:
    text = GOOD.replace("danh_so: la_ma", "danh_so: roman")
    with pytest.raises(CampaignError) as exc:
        load_campaign_text(text)
    problem = exc.value.problems[0]
    assert "dùng la_ma hoặc thap_phan" in problem.message_vi
    assert "use la_ma or thap_phan" in problem.message_en
    assert problem.line == next(
        i for i, line in enumerate(text.splitlines(), 1) if line.startswith("danh_so:")
    )


def test_acting_head_with_collective() -> None:
    data = {
        "tham_quyen": "Q.",
        "tap_the": "Ủy ban nhân dân",
        "cap_truong": "Chủ tịch",
        "ho_ten": "A B",
    }
    from chithi_gen.model import NguoiKy, dong_quyen_han

    assert dong_quyen_han(NguoiKy.model_validate(data)) == ("TM. Ủy ban nhân dân", "Q. Chủ tịch")
    with pytest.raises(ValidationError, match="không ghi 'chuc_vu'"):
        NguoiKy.model_validate({**data, "chuc_vu": "Phó Chủ tịch"})


def test_number_as_recipient() -> None:
    from chithi_gen.model import NoiNhan

    assert NoiNhan.model_validate(2026).ten == "2026"


def test_table_keeps_notes_and_refuses_sub_lines(data: dict[str, Any]) -> None:
    data["noi_dung"] = [
        {
            "tieu_de": "Chỉ tiêu",
            "chi_tieu_dang": "bang",
            "chi_tieu": [{"ten": "Hộ nghèo", "ghi_chu": "(trở lên)", "gia_tri": 4, "don_vi": "%"}],
        }
    ]
    from chithi_gen.document import Table

    [table] = [
        b for b in compose(Campaign.model_validate(data))[0].noi_dung if isinstance(b, Table)
    ]
    assert table.rows[1][1] == "Hộ nghèo (trở lên)"
    data["noi_dung"][0]["chi_tieu"][0]["chi_tiet"] = ["x"]
    with pytest.raises(ValidationError, match="chi_tiet"):
        Campaign.model_validate(data)


def test_assignment_to_a_group_lower_cased(data: dict[str, Any]) -> None:
    data["noi_dung"] = [{"phan_cong": {"chu_tri": "Các thôn, xóm", "nhiem_vu": "tổ chức họp dân"}}]
    assert (
        compose(Campaign.model_validate(data))[0].noi_dung[1].text
        == "I. Giao các thôn, xóm tổ chức họp dân./."
    )
