"""``chithi diff``: two campaign files, or a ke_thua child against its parent, written as
NEW's document with tracked changes: accepting all gives NEW, rejecting all gives OLD."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from chithi_gen import Renderer
from chithi_gen.cli import main
from chithi_gen.render.package import read_package
from chithi_gen.revisions import accept_all, reject_all
from support import EXAMPLES

OLD = EXAMPLES / "chi-thi-ha-quang-2020.yaml"
NEW = EXAMPLES / "chi-thi-ha-quang-2021.yaml"
CHILD = EXAMPLES / "chi-thi-ha-quang-2021-ke-thua.yaml"


def _texts(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return [p.text for p in document.paragraphs] + cells


def _rendered(path: Path) -> bytes:
    renderer = Renderer(environ={})
    return renderer.render(renderer.read(path)).docx


@pytest.mark.parametrize(("old", "new"), [(OLD, NEW), (OLD, CHILD)], ids=["two files", "child"])
def test_diff_accept_gives_new_reject_gives_old(
    old: Path, new: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "thay-doi.docx"
    args = [str(new)] if new is CHILD else [str(old), str(new)]
    assert (
        main(["diff", *args, "-o", str(out), "--author", "Văn phòng", "--date", "2026-12-01T09:00"])
        == 0
    )
    printed = capsys.readouterr().out
    assert "Số: 05/CT-UBND" in printed and f"Đã tạo / written: {out}" in printed
    marked = out.read_bytes()
    body = read_package(marked)["word/document.xml"].decode()
    assert "<w:ins " in body and 'w:author="Văn phòng"' in body and "<w:del " in body
    assert _texts(accept_all(marked)) == _texts(_rendered(new))
    assert _texts(reject_all(marked)) == _texts(_rendered(old))


def test_one_file_without_a_parent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(OLD), "-o", str(tmp_path / "x.docx")]) == 2
    assert "ke_thua" in capsys.readouterr().err


def test_existing_output_and_bad_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.docx"
    out.write_bytes(b"keep")
    assert main(["diff", str(OLD), str(NEW), "-o", str(out)]) == 4
    assert "--force" in capsys.readouterr().err and out.read_bytes() == b"keep"
    assert main(["diff", str(OLD), str(NEW), "-o", str(out), "-f", "--date", "hôm qua"]) == 2
