"""Text typed in a legacy encoding (TCVN3, VNI) gets a warning naming the field and the
encoding, with the text converted (issue 11, item 10)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from chithi_gen import Renderer
from chithi_gen.compose.advice import ADVISORS, legacy_encoding_warnings
from chithi_gen.vi.ma_cu import ma_hoa_cu
from support import EXAMPLES, MINIMAL


def _warnings(data: dict[str, Any]) -> list[Any]:
    return [p for p in Renderer().prepare(data).warnings if p.code.startswith("legacy-encoding")]


def test_the_advisor_is_listed() -> None:
    assert legacy_encoding_warnings in ADVISORS


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_fields_are_named_with_the_encoding_and_converted(encoding: str) -> None:
    data = copy.deepcopy(MINIMAL)
    data["dia_danh"] = ma_hoa_cu("Tân Lập", encoding)
    data["nguoi_ky"]["ho_ten"] = ma_hoa_cu("Nguyễn Văn An", encoding)
    data["noi_dung"][0]["noi_dung"][0] = ma_hoa_cu(
        "Phát huy sức mạnh toàn hệ thống chính trị.", encoding
    )
    found = {p.field_path: p for p in _warnings(data)}
    assert set(found) == {"dia_danh", "nguoi_ky.ho_ten", "noi_dung[1].noi_dung[1].doan"}
    ho_ten = found["nguoi_ky.ho_ten"]
    assert ho_ten.severity == "warning" and ho_ten.code == f"legacy-encoding-{encoding}"
    assert "«Nguyễn Văn An»" in ho_ten.message_vi and "«Nguyễn Văn An»" in ho_ten.message_en
    assert ("TCVN3" if encoding == "tcvn3" else "VNI") in ho_ten.message_en
    assert "«Tân Lập»" in found["dia_danh"].message_en


def test_a_file_warning_is_placed_at_its_line(tmp_path: Path) -> None:
    text = (EXAMPLES / "chi-thi-ha-quang-2020.yaml").read_text(encoding="utf-8")
    lines = text.split("\n")
    n = next(i for i, line in enumerate(lines) if line.startswith("dia_danh:"))
    lines[n] = 'dia_danh: "T©n LËp"'
    path = tmp_path / "c.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    renderer = Renderer()
    [p] = [w for w in renderer.prepare(renderer.read(path)).warnings if "legacy" in w.code]
    assert p.line == n + 1 and p.source == str(path)


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_no_warning_on_unicode_examples(example: Path) -> None:
    renderer = Renderer([EXAMPLES / "mau-don-vi"])
    draft = renderer.prepare(renderer.read(example))
    assert not [w for w in draft.warnings if w.code.startswith("legacy-encoding")]
