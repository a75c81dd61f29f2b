"""The examples in a real office suite: LibreOffice → PDF → pdftotext.

Needs LibreOffice and poppler (``make test`` installs them). Outside CI the tests are
skipped when the tools are missing; in CI (``CI=true``) a missing tool is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from chithi_gen import load_campaign, render_docx
from chithi_gen.render.pdf import docx_to_pdf
from support import EXAMPLES

HAVE_TOOLS = bool(shutil.which("soffice") and shutil.which("pdftotext"))
if not HAVE_TOOLS and os.environ.get("CI"):
    raise RuntimeError("CI needs LibreOffice and poppler-utils: run `make test`")
pytestmark = pytest.mark.skipif(not HAVE_TOOLS, reason="LibreOffice/pdftotext not installed")


@pytest.fixture(scope="module")
def pdf_2020(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docx = render_docx(load_campaign(EXAMPLES / "chi-thi-ha-quang-2020.yaml"))
    out = tmp_path_factory.mktemp("pdf") / "ct2020.pdf"
    out.write_bytes(docx_to_pdf(docx))
    return out


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def test_text_survives_with_diacritics(pdf_2020: Path) -> None:
    whole = "\n".join(_pages(pdf_2020))
    for expected in [
        "ỦY BAN NHÂN DÂN",
        "HUYỆN HÀ QUẢNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/CT-UBND",
        "Hà Quảng, ngày 15 tháng 7 năm 2020",
        "CHỈ THỊ",
        "I. MỤC TIÊU",
        "Nơi nhận:",
        "- Lưu: VT, NV.",
        "TM. ỦY BAN NHÂN DÂN",
        "Vương Văn Võ",
    ]:
        assert expected in whole, expected


def test_page_numbers(pdf_2020: Path) -> None:
    """Phụ lục I, I.7: no number on page 1; "2" centred at the top of page 2."""
    pages = _pages(pdf_2020)
    assert len(pages) >= 2
    first_lines = [p.strip().splitlines()[0].strip() for p in pages]
    assert first_lines[0] != "1"
    assert first_lines[0].startswith("ỦY BAN NHÂN DÂN")
    for n, line in enumerate(first_lines[1:], start=2):
        assert line == str(n)


def test_page_count(pdf_2020: Path) -> None:
    assert 3 <= len(_pages(pdf_2020)) <= 4


def test_fonts_embedded_with_vietnamese(pdf_2020: Path) -> None:
    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts not installed")
    out = subprocess.run(["pdffonts", str(pdf_2020)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    assert rows
    for row in rows:
        assert " yes " in row  # embedded
        assert "Serif" in row or "Times" in row


def test_render_pdf_and_png_from_cli(tmp_path: Path) -> None:
    from chithi_gen.cli import main

    out = tmp_path / "ct.docx"
    assert (
        main(
            [
                "render",
                str(EXAMPLES / "chi-thi-ha-quang-2020.yaml"),
                "-o",
                str(out),
                "--pdf",
                "--png",
            ]
        )
        == 0
    )
    assert (tmp_path / "ct.pdf").read_bytes()[:4] == b"%PDF"
    pngs = sorted(tmp_path.glob("ct-*.png"))
    assert len(pngs) == len(_pages(tmp_path / "ct.pdf"))
    assert pngs[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
