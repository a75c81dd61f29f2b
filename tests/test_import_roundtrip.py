"""Round trip: every example → render → ``chithi import`` → render gives the same text.

Both .docx are read back with python-docx: every paragraph and every table cell of the
body, in document order — the header table (agency, số, Quốc hiệu, date), the title,
the body, the Nơi nhận and the signature. The imported file is also written, read
again as a campaign file and validated (what ``chithi validate`` does).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from chithi_gen import Renderer
from chithi_gen.importer import import_docx
from support import EXAMPLES

STATE = sorted(p for p in EXAMPLES.glob("*.yaml") if not p.name.startswith("_"))
PARTY = sorted((EXAMPLES / "mau-dang").glob("*.yaml"))
#: Examples of a template folder, with the folder they need.
FOLDERS = [
    (EXAMPLES / "batch" / "chi-thi-cac-xa-2026.yaml", None),
    (EXAMPLES / "mau-don-vi" / "phuong-an-phong-chong-thien-tai.yaml", EXAMPLES / "mau-don-vi"),
]


_PIECES = {qn("w:t"), qn("w:br"), qn("w:tab")}


def texts(docx: bytes) -> list[str]:
    """The text of every paragraph, in document order, table cells included (line
    breaks as newlines)."""
    body = Document(io.BytesIO(docx)).element.body
    out = []
    for p in body.iter(qn("w:p")):
        pieces = [
            el.text or "" if el.tag == qn("w:t") else "\n" if el.tag == qn("w:br") else "\t"
            for el in p.iter(*_PIECES)
        ]
        out.append("".join(pieces))
    return out


def round_trip(path: Path, renderer: Renderer, tmp_path: Path) -> tuple[list[str], list[str]]:
    original = renderer.render(renderer.read(path)).docx
    result = import_docx(original, renderer)
    assert result.problems == []
    written = tmp_path / f"{path.stem}.imported.yaml"
    written.write_text(result.yaml(), encoding="utf-8")
    again = renderer.render(renderer.read(written)).docx
    return texts(original), texts(again)


@pytest.mark.parametrize("path", [*STATE, *PARTY], ids=lambda p: p.name)
def test_example_round_trips(path: Path, tmp_path: Path) -> None:
    before, after = round_trip(path, Renderer(environ={}), tmp_path)
    assert after == before


@pytest.mark.parametrize("path, folder", FOLDERS, ids=lambda p: getattr(p, "name", "-"))
def test_template_folder_example_round_trips(
    path: Path, folder: Path | None, tmp_path: Path
) -> None:
    renderer = Renderer([folder] if folder else [], environ={})
    before, after = round_trip(path, renderer, tmp_path)
    assert after == before


def test_the_comparison_sees_a_change(tmp_path: Path) -> None:
    """The texts compared are the whole document: a changed signer is seen."""
    renderer = Renderer(environ={})
    path = EXAMPLES / "chi-thi-xa-truong-ha-2026.yaml"
    original = texts(renderer.render(renderer.read(path)).docx)
    changed = tmp_path / "c.yaml"
    changed.write_text(
        path.read_text(encoding="utf-8").replace("Lương Văn Hùng", "Lương Văn Hưng"),
        encoding="utf-8",
    )
    assert texts(renderer.render(renderer.read(changed)).docx) != original
    assert "Lương Văn Hùng" in original and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in original
