"""Year-over-year files: ``ke_thua`` merges mappings, replaces lists, finds cycles and
names the parent's file and line in its errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chithi_gen import CampaignError, load_campaign, load_campaign_text, render_docx
from chithi_gen.cli import main
from chithi_gen.source import deep_merge
from support import EXAMPLES, MINIMAL

KE_THUA = EXAMPLES / "chi-thi-ha-quang-2021-ke-thua.yaml"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return i
    raise AssertionError(needle)


@pytest.fixture
def parent(tmp_path: Path) -> Path:
    """The minimal campaign as a YAML (JSON) file: ``cha.yaml``."""
    return _write(tmp_path / "cha.yaml", json.dumps(MINIMAL, ensure_ascii=False, indent=2))


def test_deep_merge_rules() -> None:
    parent = {"a": {"x": 1, "y": [1, 2]}, "b": [1, 2, 3], "c": 1, "d": {"k": 1}}
    child = {"a": {"y": [9]}, "b": [4], "c": None, "e": {"z": None, "w": 2}}
    merged = deep_merge(parent, child)
    assert merged == {"a": {"x": 1, "y": [9]}, "b": [4], "d": {"k": 1}, "e": {"w": 2}}
    assert parent["a"] == {"x": 1, "y": [1, 2]}  # not modified


def test_example_extends_2020() -> None:
    c = load_campaign(KE_THUA)
    base = load_campaign(EXAMPLES / "chi-thi-ha-quang-2020.yaml")
    assert c.so == 7 and c.ngay is not None and c.ngay.year == 2021
    # mapping merged: only the name changed
    assert c.nguoi_ky.ho_ten == "Nông Văn Thành"
    assert c.nguoi_ky.tham_quyen == base.nguoi_ky.tham_quyen == "TM."
    assert c.nguoi_ky.tap_the == base.nguoi_ky.tap_the
    assert c.luu.don_vi == ["NV"] and c.luu.so_ban_luu == 2
    # list replaced wholesale
    assert [n.ten for n in c.noi_nhan][:2] == ["Thường trực Huyện ủy", "Thường trực HĐND huyện"]
    assert len(c.noi_nhan) == 7
    # untouched fields inherited
    assert c.noi_dung == base.noi_dung and c.mo_dau == base.mo_dau
    assert c.trich_yeu.startswith("Về việc phát động phong trào thi đua lập thành tích chào mừng")
    assert render_docx(c)[:2] == b"PK"


def test_cli_renders_inherited_file(tmp_path: Path) -> None:
    out = tmp_path / "kt.docx"
    assert main(["render", str(KE_THUA), "-o", str(out)]) == 0
    assert main(["validate", str(KE_THUA)]) == 0


def test_chain_of_three(tmp_path: Path, parent: Path) -> None:
    _write(
        tmp_path / "nam2/con.yaml", "ke_thua: ../cha.yaml\nso: 8\nnguoi_ky: {ho_ten: Lò Văn B}\n"
    )
    chau = _write(
        tmp_path / "nam3/chau.yaml", "ke_thua: ../nam2/con.yaml\nso: 9\nnoi_nhan: [Chỉ một nơi]\n"
    )
    c = load_campaign(chau)
    assert c.so == 9 and c.nguoi_ky.ho_ten == "Lò Văn B"
    assert c.nguoi_ky.chuc_vu == "Phó Chủ tịch"  # from the grandparent
    assert [n.ten for n in c.noi_nhan] == ["Chỉ một nơi"]


def test_null_removes_inherited_value(tmp_path: Path, parent: Path) -> None:
    child = _write(tmp_path / "con.yaml", "ke_thua: cha.yaml\nso: null\nmo_dau: null\n")
    c = load_campaign(child)
    assert c.so is None and c.mo_dau == []


def test_cycle_is_detected(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.yaml", "ke_thua: b.yaml\nso: 1\n")
    _write(tmp_path / "b.yaml", "ke_thua: a.yaml\nso: 2\n")
    with pytest.raises(CampaignError) as exc:
        load_campaign(a)
    text = exc.value.format()
    assert "vòng tròn" in text and "cycle" in text
    assert "a.yaml" in text and "b.yaml" in text
    [p] = exc.value.problems
    assert p.line == 1


def test_self_cycle(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.yaml", "so: 1\nke_thua: ./a.yaml\n")
    with pytest.raises(CampaignError, match="cycle") as exc:
        load_campaign(a)
    assert exc.value.problems[0].line == 2


def test_missing_parent_names_child_line(tmp_path: Path) -> None:
    child = _write(tmp_path / "con.yaml", "# năm 2021\nke_thua: khong-co.yaml\nso: 3\n")
    with pytest.raises(CampaignError) as exc:
        load_campaign(child)
    [p] = exc.value.problems
    assert p.line == 2 and "không tìm thấy tệp kế thừa" in p.message_vi
    assert exc.value.format().startswith(f"{child}:2:")


def test_ke_thua_must_be_a_file_name(tmp_path: Path) -> None:
    child = _write(tmp_path / "con.yaml", "ke_thua: [a, b]\n")
    with pytest.raises(CampaignError, match="must name a campaign file"):
        load_campaign(child)


def test_parent_syntax_error_names_parent_file_and_line(tmp_path: Path) -> None:
    _write(tmp_path / "cha.yaml", "loai: chi_thi\nco_quan:\n  ten: [Ủy ban\n  viet_tat: UBND\n")
    child = _write(tmp_path / "con.yaml", "ke_thua: cha.yaml\nso: 3\n")
    with pytest.raises(CampaignError) as exc:
        load_campaign(child)
    assert exc.value.source is not None and exc.value.source.endswith("cha.yaml")
    [p] = exc.value.problems
    assert p.line is not None and p.line >= 3 and "YAML" in p.message_vi


def test_parent_value_error_names_parent_file_and_line(tmp_path: Path) -> None:
    text = json.dumps(MINIMAL, ensure_ascii=False, indent=2).replace("2021-02-05", "2021-02-30")
    cha = _write(tmp_path / "cha.yaml", text)
    child = _write(tmp_path / "con.yaml", "ke_thua: cha.yaml\nso: 3\n")
    with pytest.raises(CampaignError) as exc:
        load_campaign(child)
    [p] = exc.value.problems
    assert p.loc == ("ngay",)
    line = _line_of(cha, "2021-02-30")
    assert p.line == line
    assert exc.value.format().startswith(f"{cha}:{line}: trường `ngay`:")


def test_child_fixes_parent_value(tmp_path: Path) -> None:
    text = json.dumps(MINIMAL, ensure_ascii=False, indent=2).replace("2021-02-05", "2021-02-30")
    _write(tmp_path / "cha.yaml", text)
    child = _write(tmp_path / "con.yaml", "ke_thua: cha.yaml\nngay: 2021-03-01\n")
    assert load_campaign(child).ngay is not None


def test_child_value_error_names_child_line(tmp_path: Path, parent: Path) -> None:
    child = _write(
        tmp_path / "con.yaml",
        "ke_thua: cha.yaml\nnoi_nhan:\n  - Nơi một\n  - {ten: Nơi hai, muc_dihc: b/c}\n",
    )
    with pytest.raises(CampaignError) as exc:
        load_campaign(child)
    [p] = exc.value.problems
    assert p.loc == ("noi_nhan", 1, "muc_dihc") and p.line == 4
    assert exc.value.format().startswith(f"{child}:4:")


def test_merged_mapping_error_points_at_the_file_that_wrote_it(
    tmp_path: Path, parent: Path
) -> None:
    # The child changes only chuc_vu; KT. (from the parent) then needs a deputy title.
    child = _write(tmp_path / "con.yaml", "ke_thua: cha.yaml\nnguoi_ky:\n  chuc_vu: Chủ tịch\n")
    with pytest.raises(CampaignError) as exc:
        load_campaign(child)
    [p] = exc.value.problems
    assert p.loc == ("nguoi_ky",)
    assert "cấp phó" in p.message_vi
    assert exc.value.format().startswith(f"{child}:2:")


def test_parent_must_be_a_mapping(tmp_path: Path) -> None:
    _write(tmp_path / "cha.yaml", "- a\n- b\n")
    child = _write(tmp_path / "con.yaml", "ke_thua: cha.yaml\n")
    with pytest.raises(CampaignError, match="mapping"):
        load_campaign(child)


def test_text_source_resolves_from_cwd(
    tmp_path: Path, parent: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    c = load_campaign_text("ke_thua: cha.yaml\nso: 42\n")
    assert c.so == 42


def test_unknown_key_in_child_is_reported(tmp_path: Path, parent: Path) -> None:
    child = _write(tmp_path / "con.yaml", "ke_thua: cha.yaml\nnoi_nhna: [x]\n")
    with pytest.raises(CampaignError) as exc:
        load_campaign(child)
    [p] = exc.value.problems
    assert p.line == 2 and "noi_nhan" in p.message_vi
