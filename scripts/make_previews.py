"""Render page 1 of every example and of the official Mẫu 1.4 as PNG for docs/previews.md.

Needs LibreOffice and poppler. Run from the repository root::

    .venv/bin/python scripts/make_previews.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from chithi_gen import Renderer  # noqa: E402
from chithi_gen.render.pdf import docx_to_pdf_many  # noqa: E402
from chithi_gen.render.png import pdf_to_png  # noqa: E402

OUT = ROOT / "docs" / "previews"
MAU = ROOT.parent / "shared" / "reference" / "nd30" / "phu-luc-III-goc.docx"
#: Page of phu-luc-III-goc.docx that holds Mẫu 1.4 (as LibreOffice paginates it).
MAU_PAGE = 8
EXAMPLES = {
    # Documents of the two-tier structure (2026).
    "chi-thi-ubnd-xa-2026": ("chi-thi-ubnd-xa-2026.yaml", None),
    "ke-hoach-ubnd-xa-2026": ("ke-hoach-ubnd-xa-2026.yaml", None),
    "chuong-trinh-hanh-dong-ubnd-phuong-2026": (
        "chuong-trinh-hanh-dong-ubnd-phuong-2026.yaml",
        None,
    ),
    "chi-thi-chu-tich-ubnd-tinh-2026": ("chi-thi-chu-tich-ubnd-tinh-2026.yaml", None),
    "quyet-dinh-chu-tich-ubnd-tinh-2026": ("quyet-dinh-chu-tich-ubnd-tinh-2026.yaml", None),
    "quyet-dinh-ubnd-tinh-2026": ("quyet-dinh-ubnd-tinh-2026.yaml", None),
    "ke-hoach-so-noi-vu-2026": ("ke-hoach-so-noi-vu-2026.yaml", None),
    # Party documents (QĐ 399-QĐ/TW, HD 05-HD/VPTW).
    "chi-thi-tinh-uy": ("mau-dang/chi-thi-tinh-uy.yaml", None),
    "ke-hoach-dang-uy-xa": ("mau-dang/ke-hoach-dang-uy-xa.yaml", None),
    "cong-van-dang-uy-xa": ("mau-dang/cong-van-dang-uy-xa.yaml", None),
    # Seed reproductions of 2020-2021 and feature examples.
    "chi-thi-ha-quang-2020": ("chi-thi-ha-quang-2020.yaml", None),
    "chi-thi-ha-quang-2021": ("chi-thi-ha-quang-2021.yaml", None),
    "chuong-trinh-ky-anh-2020": ("chuong-trinh-ky-anh-2020.yaml", None),
    "chuong-trinh-kem-quyet-dinh": ("chuong-trinh-kem-quyet-dinh.yaml", None),
    "phuong-an": ("mau-don-vi/phuong-an-phong-chong-thien-tai.yaml", "mau-don-vi"),
}


def main() -> None:
    docs = []
    for path, folder in EXAMPLES.values():
        r = Renderer([ROOT / "examples" / folder] if folder else [])
        docs.append(r.render_docx(r.load(ROOT / "examples" / path)))
    docs.append(MAU.read_bytes())
    pdfs = docx_to_pdf_many(docs)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, pdf in zip(EXAMPLES, pdfs, strict=False):
        (OUT / f"{name}.png").write_bytes(pdf_to_png(pdf, dpi=60)[0])
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "mau.pdf"
        src.write_bytes(pdfs[-1])
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-png",
                "-f",
                str(MAU_PAGE),
                "-l",
                str(MAU_PAGE),
                "-singlefile",
                str(src),
                str(OUT / "mau-1.4"),
            ],
            check=True,
        )
    print(f"wrote {len(EXAMPLES) + 1} previews to {OUT}")


if __name__ == "__main__":
    main()
