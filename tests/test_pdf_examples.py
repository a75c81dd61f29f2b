"""Every example in a real office suite: LibreOffice PDF, read back with pdftotext.

For each example: header, title, body, Nơi nhận and signature text survive with their
diacritics; page 1 has no number and every later page starts with its number; the page
count is the one we reviewed by eye. One LibreOffice run converts them all.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pytest

from chithi_gen import Renderer
from chithi_gen.render.pdf import docx_to_pdf_many
from support import EXAMPLES

HAVE_TOOLS = bool(shutil.which("soffice") and shutil.which("pdftotext"))
if not HAVE_TOOLS and os.environ.get("CI"):
    raise RuntimeError("CI needs LibreOffice and poppler-utils: run `make test`")
pytestmark = pytest.mark.skipif(not HAVE_TOOLS, reason="LibreOffice/pdftotext not installed")


def _numbered(pages: int) -> list[int | None]:
    return [None, *range(2, pages + 1)]


# example file → (template folder or None, the number at the top of each page, None where
# hidden: page 1 of each document), as reviewed by eye
EXAMPLE_PAGES: dict[str, tuple[str | None, list[int | None]]] = {
    "chi-thi-ha-quang-2020.yaml": (None, _numbered(4)),
    "chi-thi-ha-quang-2021.yaml": (None, _numbered(6)),
    "chuong-trinh-ky-anh-2020.yaml": (None, _numbered(10)),
    # a Quyết định (1 page) then the programme it issues, numbered from 1 again
    "chuong-trinh-kem-quyet-dinh.yaml": (None, [None, None, 2]),
    "mau-chi-thi.yaml": (None, _numbered(2)),
    "ke-hoach-hoi-nghi.yaml": (None, _numbered(2)),
    "chi-thi-xa-truong-ha-2026.yaml": (None, _numbered(2)),
    "mau-don-vi/phuong-an-phong-chong-thien-tai.yaml": ("mau-don-vi", _numbered(1)),
    # Documents of the two-tier structure (2026).
    "chi-thi-ubnd-xa-2026.yaml": (None, _numbered(2)),
    "ke-hoach-ubnd-xa-2026.yaml": (None, _numbered(2)),
    "chuong-trinh-hanh-dong-ubnd-phuong-2026.yaml": (None, _numbered(2)),
    "chi-thi-chu-tich-ubnd-tinh-2026.yaml": (None, _numbered(1)),
    "quyet-dinh-chu-tich-ubnd-tinh-2026.yaml": (None, [None, None]),
    "quyet-dinh-ubnd-tinh-2026.yaml": (None, [None, None]),
    "ke-hoach-so-noi-vu-2026.yaml": (None, _numbered(1)),
    # Party documents (QĐ 399-QĐ/TW, HD 05-HD/VPTW), bundled `dang` layout.
    "mau-dang/chi-thi-tinh-uy.yaml": (None, _numbered(1)),
    "mau-dang/ke-hoach-dang-uy-xa.yaml": (None, _numbered(1)),
    "mau-dang/cong-van-dang-uy-xa.yaml": (None, _numbered(1)),
}


@pytest.fixture(scope="module")
def pages() -> dict[str, list[str]]:
    docs = []
    renderers = {}
    for name, (folder, _) in EXAMPLE_PAGES.items():
        key = folder or ""
        if key not in renderers:
            renderers[key] = Renderer([EXAMPLES / folder] if folder else [])
        r = renderers[key]
        docs.append(r.render_docx(r.load(EXAMPLES / name)))
    out: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, pdf in zip(EXAMPLE_PAGES, docx_to_pdf_many(docs), strict=True):
            path = Path(tmp) / "x.pdf"
            path.write_bytes(pdf)
            text = subprocess.run(
                ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
            ).stdout
            out[name] = [unicodedata.normalize("NFC", p) for p in text.split("\f") if p.strip()]
    return out


def test_every_example_is_covered() -> None:
    found = {str(p.relative_to(EXAMPLES)) for p in EXAMPLES.rglob("*.yaml")}
    found = {f for f in found if not f.startswith("batch/") and "kinds" not in f}
    found = {f for f in found if not f.endswith("manifest.yaml")}
    # same documents as their parents' (ke_thua children)
    found -= {"chi-thi-ha-quang-2021-ke-thua.yaml", "chi-thi-xa-truong-ha-2027-ke-thua.yaml"}
    assert found == set(EXAMPLE_PAGES)


@pytest.mark.parametrize("name", list(EXAMPLE_PAGES))
def test_page_numbers_and_count(pages: dict[str, list[str]], name: str) -> None:
    """Phụ lục I, I.7: no number on page 1; the number centred at the top from page 2."""
    got = pages[name]
    expected = EXAMPLE_PAGES[name][1]
    assert len(got) == len(expected)
    first_lines = [p.strip().splitlines()[0].strip() for p in got]
    for line, number in zip(first_lines, expected, strict=True):
        if number is None:
            assert not line.isdigit(), line
        else:
            assert line == str(number)


@pytest.mark.parametrize("name", list(EXAMPLE_PAGES))
def test_text_survives_with_diacritics(pages: dict[str, list[str]], name: str) -> None:
    folder = EXAMPLE_PAGES[name][0]
    r = Renderer([EXAMPLES / folder] if folder else [])
    docs = r.compose(r.load(EXAMPLES / name))
    whole = " ".join(" ".join(pages[name]).split())
    words = whole.split()
    # Body text runs across lines and pages: compare without whitespace and page numbers.
    body = "".join("".join(_without_page_number(p).split()) for p in pages[name])
    for doc in docs:
        # Header and signature sit in two columns that pdftotext interleaves: words in order.
        # A Party công văn prints no tên loại ("CÔNG VĂN"); its trích yếu is under the số.
        title = [] if doc.ky_hieu_loai == "CV" and doc.tieu_ngu == "" else [doc.ten_loai]
        expected = [*doc.co_quan_ban_hanh, doc.quoc_hieu, *title, *doc.quyen_han, doc.ho_ten]
        expected += [doc.dia_danh_ngay] if doc.dia_danh_ngay else []
        for text in filter(None, expected):
            assert _in_order(text.split(), words), text
        plain = [
            p.text
            for p in doc.noi_dung
            if hasattr(p, "runs") and not any(r.footnote for r in p.runs)  # no "¹" to skip
        ]
        for para in plain[:5]:
            assert "".join(para.split()) in body, para
    assert "Nơi nhận:" in whole
    # Vietnamese letters came through the PDF fonts, not as boxes or base letters.
    letters = set("ươđệảạ") & set("".join(d.plain_text() for d in docs))
    assert len(letters) >= 4 and all(ch in whole for ch in letters)


def _without_page_number(page: str) -> str:
    first, _, rest = page.strip().partition("\n")
    return rest if first.strip().isdigit() else page


def _in_order(needle: list[str], words: list[str]) -> bool:
    """Every word of ``needle`` appears in ``words`` in order (columns interleave in
    pdftotext's layout mode, so words of one line may be far apart)."""
    it = iter(words)
    return all(any(n in w for w in it) for n in needle)
