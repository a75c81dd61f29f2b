"""Terminal control characters from user data are shown escaped: table cells, YAML
keys, file names and command-line arguments never move the cursor or recolour the
terminal (issue 11, item 9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chithi_gen.cli import main
from chithi_gen.cli.messages import visible
from support import EXAMPLES

CONTROLS = "\x1b[31m\x1b]0;title\x07\x08\x0d\x9b2J\u202e"


def _raw_controls(text: str) -> list[str]:
    return [c for c in text if not (c.isprintable() or c in "\n\t")]


def test_visible_escapes_every_control() -> None:
    shown = visible("a" + CONTROLS + "b\nc\td")
    assert _raw_controls(shown) == []
    assert "\\u001b" in shown and "\\u202e" in shown and "b\nc\td" in shown


def test_a_yaml_key_with_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (EXAMPLES / "chi-thi-ha-quang-2020.yaml").read_text(encoding="utf-8")
    path = tmp_path / "c.yaml"
    # YAML refuses raw controls in a file, but writes them with escapes in quotes.
    path.write_text('"x\\e[31m\\a\\u202e\\x9b": 1\n' + text, encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert _raw_controls(err) == [] and "\\u001b" in err


def test_a_table_cell_with_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "t.csv"
    table.write_text(f"so,dia_danh\nabc{CONTROLS},x\n", encoding="utf-8")
    main(["batch", str(EXAMPLES / "chi-thi-ha-quang-2021.yaml"), str(table), "-o",
          str(tmp_path / "out")])  # fmt: skip
    captured = capsys.readouterr()
    assert _raw_controls(captured.err + captured.out) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["render", f"x{CONTROLS}.yaml"],
        ["render", "x.yaml", f"extra{CONTROLS}"],
        [f"lenh{CONTROLS}"],
        ["batch", "a", "b", "-o", "o", "-j", f"1{CONTROLS}"],
    ],
)
def test_command_line_arguments_with_escapes(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert _raw_controls(captured.err + captured.out) == []
