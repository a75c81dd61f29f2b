"""One locator: every problem — validating, composing, warning — names the file and line
where its value is written, in a ``ke_thua`` parent as in the child."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from chithi_gen import CampaignError, Renderer
from chithi_gen.cli import main
from chithi_gen.errors import Problem
from chithi_gen.source import Layer, Source, locate, parse, place
from support import MINIMAL


def _yaml(data: dict[str, Any]) -> str:
    """A campaign as YAML text, one key per line (JSON values are valid YAML)."""
    return "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in data.items())


def _line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return i
    raise AssertionError(needle)


@pytest.fixture
def family(tmp_path: Path) -> tuple[Path, Path]:
    """A parent with a list-form ``phan`` section and an assignment, and a child."""
    parent = copy.deepcopy(MINIMAL)
    parent["loai"] = "chuong_trinh"
    parent["noi_dung"] = ["Yêu cầu thực hiện nghiêm túc."]
    parent["phan"] = {
        "muc_dich_yeu_cau": ["Phát huy sức mạnh."],
        "to_chuc_thuc_hien": [
            {
                "phan_cong": {
                    "chu_tri": "Phòng Văn hóa - Thông tin",
                    "nhiem_vu": "tuyên truyền phong trào",
                }
            }
        ],
    }
    p = tmp_path / "nam-truoc.yaml"
    p.write_text(_yaml(parent), encoding="utf-8")
    c = tmp_path / "nam-nay.yaml"
    c.write_text("ke_thua: nam-truoc.yaml\nso: 9\n", encoding="utf-8")
    return p, c


def test_a_warning_about_a_parent_value_names_the_parent(family: tuple[Path, Path]) -> None:
    parent, child = family
    draft = Renderer().prepare(Renderer().read(child))
    [w] = draft.warnings
    assert w.severity == "warning" and w.code == "recipient-missing"
    assert w.source == str(parent) and w.line == _line_of(parent, "phan:")
    assert "Phòng Văn hóa" in w.message_vi


def test_an_unknown_section_in_a_parent_names_the_parent(family: tuple[Path, Path]) -> None:
    parent, child = family
    text = parent.read_text(encoding="utf-8").replace('"muc_dich_yeu_cau"', '"muc_tieu_sai"')
    parent.write_text(text, encoding="utf-8")
    with pytest.raises(CampaignError) as exc:
        Renderer().load(child)
    [p] = exc.value.problems
    assert p.code == "unknown-section" and p.source == str(parent)
    assert p.line == _line_of(parent, "phan:")
    assert p.format(str(child)).startswith(f"{parent}:{p.line}:")


def test_the_cli_prints_the_parent_file_and_line(
    family: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    parent, child = family
    assert main(["validate", str(child)]) == 0
    err = capsys.readouterr().err
    assert f"{parent}:{_line_of(parent, 'phan:')}:" in err and "Phòng Văn hóa" in err


def test_list_form_section_items_are_located_on_the_item() -> None:
    text = "phan:\n  muc_tieu:\n    - Đoạn một.\n    - {muc: 'Khoản hai.'}\n"
    src = parse(text, "x.yaml")
    assert locate(src.layers, ("phan", "muc_tieu", "noi_dung", 1)) == ("x.yaml", 4, 7)


def test_one_function_places_problems() -> None:
    src = parse("a:\n  b: [1, 2]\n", "f.yaml")
    [p] = place([Problem("vi", "en", ("a", "b", 1))], src)
    assert (p.source, p.line, p.column) == ("f.yaml", 2, 10)
    [q] = place([Problem("vi", "en", ("khong_co",))], src)
    assert (q.source, q.line) == ("f.yaml", 1)
    in_memory = Source({"a": 1}, (Layer(None, None),))
    [r] = place([Problem("vi", "en", ("a",))], in_memory)
    assert r.line is None and r.source is None
