"""A real office suite opens the tracked changes: LibreOffice → PDF → pdftotext.

LibreOffice prints recorded changes as it shows them (insertions underlined, deletions
struck through), so the PDF of the marked document holds NEW's inserted words and
OLD's deleted words; once every change is accepted it reads as NEW's own PDF.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from rev_support import renderer

from chithi_gen import load_campaign
from chithi_gen.render.pdf import docx_to_pdf
from chithi_gen.revisions import accept_all, reject_all, track_changes
from support import EXAMPLES

HAVE_TOOLS = bool(shutil.which("soffice") and shutil.which("pdftotext"))
if not HAVE_TOOLS and os.environ.get("CI"):
    raise RuntimeError("CI needs LibreOffice and poppler-utils: run `make test`")
pytestmark = pytest.mark.skipif(not HAVE_TOOLS, reason="LibreOffice/pdftotext not installed")


def pdf_text(docx: bytes, tmp: Path, name: str) -> str:
    pdf = tmp / f"{name}.pdf"
    pdf.write_bytes(docx_to_pdf(docx))
    out = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    return " ".join(out.split())


@pytest.fixture(scope="module")
def docs() -> tuple[bytes, bytes, bytes]:
    r = renderer()
    old = r.render_docx(load_campaign(EXAMPLES / "chi-thi-ha-quang-2020.yaml"))
    new = r.render_docx(load_campaign(EXAMPLES / "chi-thi-ha-quang-2021.yaml"))
    marked = track_changes(old, new, author="Kiểm thử", date=datetime(2026, 12, 1))
    return old, new, marked


def test_libreoffice_shows_both_sides(docs: tuple[bytes, bytes, bytes], tmp_path: Path) -> None:
    marked = docs[2]
    text = pdf_text(marked, tmp_path, "marked")
    # Inserted (2021) and deleted (2020) text both appear.
    assert "Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc" in text
    assert "Trong 6 tháng đầu năm 2020" in text
    assert "Nông Văn Thành" in text  # the 2021 signer
    # The number and the date, word by word in the header table.
    assert "0502/CT-UBND" in text.replace(" ", "")


def test_libreoffice_accept_and_reject(docs: tuple[bytes, bytes, bytes], tmp_path: Path) -> None:
    old, new, marked = docs
    assert pdf_text(accept_all(marked), tmp_path, "accepted") == pdf_text(new, tmp_path, "new")
    assert pdf_text(reject_all(marked), tmp_path, "rejected") == pdf_text(old, tmp_path, "old")
