"""Campaign files with mistakes get clear errors naming the line and field, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from chithi_gen import CampaignError, load_campaign, load_campaign_text
from chithi_gen.errors import Problem
from support import EXAMPLES

GOOD = (EXAMPLES / "chi-thi-ha-quang-2020.yaml").read_text(encoding="utf-8")


def _problems(text: str) -> list[Problem]:
    with pytest.raises(CampaignError) as exc:
        load_campaign_text(text, "x.yaml")
    return list(exc.value.problems)


def _line_of(text: str, needle: str) -> int:
    for i, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return i
    raise AssertionError(needle)


def test_example_loads() -> None:
    c = load_campaign(EXAMPLES / "chi-thi-ha-quang-2020.yaml")
    assert c.so == 5


def test_impossible_date_names_line_and_field() -> None:
    text = GOOD.replace("ngay: 2020-07-15", "ngay: 2020-02-30")
    [p] = _problems(text)
    assert p.loc == ("ngay",)
    assert p.line == _line_of(text, "ngay: 2020-02-30")
    assert "ngày không hợp lệ" in p.message_vi and "invalid date" in p.message_en
    assert p.format("x.yaml").startswith(f"x.yaml:{p.line}: trường `ngay`:")


def test_missing_signer() -> None:
    start = GOOD.index("nguoi_ky:")
    end = GOOD.index("noi_nhan:")
    text = GOOD[:start] + GOOD[end:]
    [p] = _problems(text)
    assert p.loc == ("nguoi_ky",)
    assert "thiếu trường bắt buộc" in p.message_vi


def test_missing_signer_name_points_at_block() -> None:
    text = GOOD.replace("  ho_ten: Vương Văn Võ\n", "")
    [p] = _problems(text)
    assert p.loc == ("nguoi_ky",) or p.loc == ("nguoi_ky", "ho_ten")
    assert p.line == _line_of(text, "nguoi_ky:") or p.line == _line_of(text, "tham_quyen")


def test_typo_key_suggests_the_right_one() -> None:
    text = GOOD.replace("noi_nhan:", "noi_nhna:")
    problems = _problems(text)
    extra = [p for p in problems if p.loc == ("noi_nhna",)]
    assert extra and "có phải ý bạn là 'noi_nhan'" in extra[0].message_vi
    assert "did you mean 'noi_nhan'" in extra[0].message_en
    assert extra[0].line == _line_of(text, "noi_nhna:")


def test_nested_error_has_list_position_and_line() -> None:
    text = GOOD.replace("  - UBND các xã, thị trấn\n", "  - {ten: UBND các xã, muc_dihc: b/c}\n")
    [p] = _problems(text)
    assert p.loc == ("noi_nhan", 2, "muc_dihc")
    assert p.field_path == "noi_nhan[3].muc_dihc"
    assert p.line == _line_of(text, "muc_dihc")


def test_kt_with_head_title_is_explained() -> None:
    text = GOOD.replace("tham_quyen: TM.", "tham_quyen: KT.").replace(
        "  tap_the: Ủy ban nhân dân\n", "  cap_truong: Chủ tịch\n"
    )
    [p] = _problems(text)
    assert "cấp phó" in p.message_vi and "deputy" in p.message_en


def test_malformed_yaml_reports_line() -> None:
    text = "loai: chi_thi\nco_quan:\n  ten: [Ủy ban\n  viet_tat: UBND\n"
    [p] = _problems(text)
    assert p.line is not None and p.line >= 3
    assert "YAML" in p.message_vi


def test_yaml_alias_bomb_refused_fast() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    [p] = _problems(bomb)
    assert "'&a'" in p.message_vi and "anchor" in p.message_en and p.line == 1


def test_an_anchor_never_eats_a_word() -> None:
    """``&Về việc …`` would lose "&Về" silently: refused, and the message says to quote."""
    [p] = _problems("trich_yeu: &Về việc phát động thi đua\n")
    assert "&Về" in p.message_vi and "ngoặc kép" in p.message_vi and p.line == 1


def test_a_tag_never_eats_a_word() -> None:
    [p] = _problems("trich_yeu: !Ve viec phat dong\n")
    assert "!Ve" in p.message_vi and "tag" in p.message_en


def test_not_a_mapping() -> None:
    [p] = _problems("- a\n- b\n")
    assert "khóa: giá trị" in p.message_vi


def test_duplicate_key() -> None:
    [p] = _problems("loai: chi_thi\nloai: chi_thi\n")
    assert p.line == 2


def test_not_utf8(tmp_path: Path) -> None:
    f = tmp_path / "cp1258.yaml"
    f.write_bytes(b"trich_yeu: V\xea vi\xea\xf2c\n")  # cp1258 bytes, not UTF-8
    with pytest.raises(CampaignError, match="UTF-8"):
        load_campaign(f)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CampaignError, match="không tìm thấy tệp"):
        load_campaign(tmp_path / "nope.yaml")


def test_json_is_accepted() -> None:
    import json

    from support import MINIMAL

    c = load_campaign_text(json.dumps(MINIMAL, ensure_ascii=False))
    assert c.co_quan.viet_tat == "UBND"


def test_ampersand_in_trich_yeu_is_kept() -> None:
    text = GOOD.replace("Về việc phát động", "Về việc phát động <thi đua> & khen thưởng,")
    c = load_campaign_text(text)
    assert "<thi đua> & khen thưởng" in c.trich_yeu
