"""The ``chithi`` command: exit codes, bilingual messages, no traceback for user mistakes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from chithi_gen.cli import main
from support import EXAMPLES

EX = EXAMPLES / "chi-thi-ha-quang-2020.yaml"


def test_render_writes_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ct.docx"
    assert main(["render", str(EX), "-o", str(out)]) == 0
    assert "Đã tạo / written" in capsys.readouterr().out
    assert Document(str(out)).paragraphs  # opens


def test_render_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ct.docx"
    out.write_bytes(b"keep me")
    assert main(["render", str(EX), "-o", str(out)]) == 4
    assert "--force" in capsys.readouterr().err
    assert out.read_bytes() == b"keep me"
    assert main(["render", str(EX), "-o", str(out), "--force"]) == 0
    assert out.read_bytes()[:2] == b"PK"


def test_render_default_output_beside_input(tmp_path: Path) -> None:
    src = tmp_path / "ct.yaml"
    src.write_text(EX.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["render", str(src)]) == 0
    assert (tmp_path / "ct.docx").exists()


def test_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EX)]) == 0
    assert "Hợp lệ / valid" in capsys.readouterr().out


def test_validate_bad_file_no_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        EX.read_text(encoding="utf-8")
        .replace("ngay: 2020-07-15", "ngay: 2020-02-30")
        .replace("  ho_ten: Vương Văn Võ\n", ""),
        encoding="utf-8",
    )
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"{bad}:" in err and "trường `ngay`" in err and "invalid date" in err
    assert "nguoi_ky" in err
    assert "2 lỗi / 2 error(s)" in err


def test_no_partial_output_on_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("loai: chi_thi\n", encoding="utf-8")
    out = tmp_path / "bad.docx"
    assert main(["render", str(bad), "-o", str(out)]) == 2
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bad]


def test_usage_error_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_unknown_kind_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(EX.read_text(encoding="utf-8").replace("loai: chi_thi", "loai: cong_van"))
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    line = EX.read_text(encoding="utf-8").splitlines().index("loai: chi_thi") + 1
    assert f"{bad}:{line}: trường `loai`" in err and "chi_thi" in err


def test_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ct.docx"
    assert main(["render", str(EX), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["check", str(out)]) == 0
    assert "ND30-PAGE-A4" in capsys.readouterr().out
    assert main(["check", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report
    not_docx = tmp_path / "x.docx"
    not_docx.write_text("hello")
    assert main(["check", str(not_docx)]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_check_fails_on_broken_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import zipfile

    from chithi_gen import load_campaign, render_docx
    from chithi_gen.render.package import read_package, write_package

    parts = read_package(render_docx(load_campaign(EX)))
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"./.", b".")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(write_package(parts))
    assert zipfile.is_zipfile(io.BytesIO(broken.read_bytes()))
    assert main(["check", str(broken)]) == 1
    assert "ND30-BODY-END" in capsys.readouterr().out


def test_one_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``chithi --version``, ``chithi_gen.__version__`` and the installed metadata agree,
    and pyproject.toml is the one place the version is typed."""
    import importlib.metadata
    import tomllib

    import chithi_gen
    from support import ROOT

    assert main(["--version"]) == 0
    printed = capsys.readouterr().out.strip()
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert printed == f"chithi {declared}"
    assert chithi_gen.__version__ == importlib.metadata.version("chithi-gen") == declared
