"""``chithi check --fix -o FIXED.docx FILE.docx``: the fixed copy is written, the changes
and the check of the copy are printed, and the exit code says what is left.

Exit codes (docs/check.md): 0 when the fixed copy passes, 1 when errors remain (the copy
is still written), 2 for an unreadable input or ``--fix`` without ``-o``, 4 when the copy
cannot be written (it exists, or is FILE itself, without ``--force``).
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_eval import CORPUS

from chithi_gen.check import check_docx, fix_docx, format_changes, to_json
from chithi_gen.cli import main

#: Every error of this one is fixable (a top margin of 15 mm).
FIXABLE = CORPUS / "broken" / "mau-1.5-le-tren-15mm.docx"
#: One error is left after fixing (a wrong ký hiệu: judgement, not mechanics).
PARTLY = CORPUS / "broken" / "chi-thi-mau-1.4-ky-hieu.docx"
#: A correct công văn: nothing to fix.
CLEAN = CORPUS / "hand" / "cong-van-dung.docx"
#: Errors, none of them mechanical.
UNFIXABLE = CORPUS / "hand" / "quyet-dinh-loi.docx"

Capture = pytest.CaptureFixture[str]


def _copy(src: Path, folder: Path) -> Path:
    dest = folder / src.name
    dest.write_bytes(src.read_bytes())
    return dest


def test_fix_writes_a_copy_that_passes(tmp_path: Path, capsys: Capture) -> None:
    out = tmp_path / "fixed.docx"
    assert main(["check", "--fix", "-o", str(out), str(FIXABLE)]) == 0
    printed = capsys.readouterr().out
    expected = fix_docx(FIXABLE)
    assert out.read_bytes() == expected.data
    assert check_docx(out).ok
    # The changes first, then the check of the fixed copy, which names the copy.
    changes = printed.index("Sửa tự động theo Nghị định 30/2020/NĐ-CP")
    table = printed.index("Kiểm tra thể thức theo Nghị định 30/2020/NĐ-CP")
    assert changes < table
    assert format_changes(expected) in printed
    assert "ND30-MARGIN-TOP" in printed[changes:table]
    assert f"Tệp/File: {out}" in printed[table:]
    assert "ĐẠT / PASS" in printed[table:]
    assert f"Đã tạo / written: {out}" in printed


def test_errors_left_exit_1_and_the_copy_is_written(tmp_path: Path, capsys: Capture) -> None:
    out = tmp_path / "fixed.docx"
    assert main(["check", "--fix", "-o", str(out), str(PARTLY)]) == 1
    printed = capsys.readouterr().out
    report = check_docx(out)
    assert [r.rule_id for r in report.errors] == ["ND30-KYHIEU-LOAI"]
    assert "Left for the drafter: ND30-KYHIEU-LOAI" in printed
    assert "KHÔNG ĐẠT / FAIL" in printed


@pytest.mark.parametrize(("source", "code"), [(CLEAN, 0), (UNFIXABLE, 1)])
def test_nothing_to_fix_copies_the_file(
    source: Path, code: int, tmp_path: Path, capsys: Capture
) -> None:
    out = tmp_path / "same.docx"
    assert main(["check", "--fix", "-o", str(out), str(source)]) == code
    assert out.read_bytes() == source.read_bytes()
    assert "Nothing to fix automatically" in capsys.readouterr().out


def test_json_is_one_object_of_changes_and_report(tmp_path: Path, capsys: Capture) -> None:
    out = tmp_path / "fixed.docx"
    assert main(["check", "--fix", "-o", str(out), str(PARTLY), "--json"]) == 1
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert set(data) == {"changes", "report"}
    expected = fix_docx(PARTLY)
    assert data["changes"] == [dataclasses.asdict(c) for c in expected.changes]
    assert {"rule_id", "where", "before", "after", "vi", "en"} <= set(data["changes"][0])
    assert expected.after is not None
    fixed = json.loads(to_json(expected.after))
    assert data["report"] == fixed | {"source": str(out)}
    assert data["report"]["ok"] is False
    assert f"Đã tạo / written: {out}" in captured.err


def test_fix_without_output_is_a_usage_error(tmp_path: Path, capsys: Capture) -> None:
    src = _copy(FIXABLE, tmp_path)
    assert main(["check", "--fix", str(src)]) == 2
    assert "-o FIXED.docx" in capsys.readouterr().err
    assert sorted(tmp_path.iterdir()) == [src]
    assert src.read_bytes() == FIXABLE.read_bytes()


@pytest.mark.parametrize("flag", ["-o", "--force"])
def test_output_or_force_without_fix_is_a_usage_error(
    flag: str, tmp_path: Path, capsys: Capture
) -> None:
    out = tmp_path / "x.docx"
    flags = ["-o", str(out)] if flag == "-o" else [flag]
    assert main(["check", str(FIXABLE), *flags]) == 2
    assert "--fix" in capsys.readouterr().err
    assert not out.exists()


def test_existing_output_needs_force(tmp_path: Path, capsys: Capture) -> None:
    out = tmp_path / "fixed.docx"
    out.write_bytes(b"keep me")
    assert main(["check", "--fix", "-o", str(out), str(FIXABLE)]) == 4
    captured = capsys.readouterr()
    assert "--force" in captured.err and "Traceback" not in captured.err
    assert "Sửa tự động" not in captured.out  # nothing written, nothing reported
    assert out.read_bytes() == b"keep me"
    assert main(["check", "--fix", "-o", str(out), str(FIXABLE), "--force"]) == 0
    assert out.read_bytes() == fix_docx(FIXABLE).data


def test_the_input_itself_is_kept_without_force(tmp_path: Path, capsys: Capture) -> None:
    src = _copy(FIXABLE, tmp_path)
    assert main(["check", "--fix", "-o", str(src), str(src)]) == 4
    assert "--force" in capsys.readouterr().err
    assert src.read_bytes() == FIXABLE.read_bytes()
    # Through another spelling of the same path, too.
    other = f"{tmp_path}/./{src.name}"
    assert main(["check", "--fix", "-o", other, str(src)]) == 4
    assert src.read_bytes() == FIXABLE.read_bytes()
    assert main(["check", "--fix", "-o", str(src), str(src), "--force"]) == 0
    assert src.read_bytes() == fix_docx(FIXABLE).data
    assert check_docx(src).ok


def test_unreadable_input_exit_2_nothing_written(tmp_path: Path, capsys: Capture) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    out = tmp_path / "fixed.docx"
    assert main(["check", "--fix", "-o", str(out), str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Not a .docx file" in err and "Traceback" not in err
    assert not out.exists()
    assert main(["check", "--fix", "-o", str(out), str(tmp_path / "missing.docx")]) == 2
    assert "File not found" in capsys.readouterr().err
    assert not out.exists()


def test_unwritable_output_exit_4(tmp_path: Path, capsys: Capture) -> None:
    folder = tmp_path / "a-folder.docx"
    folder.mkdir()
    assert main(["check", "--fix", "-o", str(folder), str(FIXABLE), "--force"]) == 4
    assert "Traceback" not in capsys.readouterr().err
    assert folder.is_dir() and not any(folder.iterdir())


def test_out_of_scope_document_is_copied_unchanged(tmp_path: Path, capsys: Capture) -> None:
    control = sorted((CORPUS / "controls").glob("*.docx"))[0]
    out = tmp_path / "copy.docx"
    assert main(["check", "--fix", "-o", str(out), str(control)]) == 0
    assert out.read_bytes() == control.read_bytes()
    assert "NGOÀI PHẠM VI / NOT CHECKED, OUT OF SCOPE" in capsys.readouterr().out


def test_fix_loads_only_the_writer_beside_the_checker(tmp_path: Path) -> None:
    """``chithi check --fix`` loads the checker and ``chithi_gen.output`` (for its atomic
    write), nothing else of the generator and none of its heavy libraries."""
    out = tmp_path / "fixed.docx"
    probe = (
        "import sys\n"
        "from chithi_gen.cli import main\n"
        f"code = main(['check', '--fix', '-o', {str(out)!r}, {str(FIXABLE)!r}])\n"
        "assert code == 0, code\n"
        "heavy = ('pydantic', 'docxtpl', 'jinja2', 'docx', 'ruamel', 'babel')\n"
        "names = sorted(m for m in sys.modules if m.split('.')[0] in heavy\n"
        "    or (m.startswith('chithi_gen.') and not m.startswith(\n"
        "        ('chithi_gen.check', 'chithi_gen.cli', 'chithi_gen.errors'))))\n"
        "print('\\n'.join(names), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stderr.split() == ["chithi_gen.output"]
    assert out.is_file()
