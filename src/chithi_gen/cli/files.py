"""The extra files ``chithi render`` writes beside the .docx: PDF and page images."""

from __future__ import annotations

import re
from pathlib import Path

from chithi_gen.output import write_atomic


def write_extras(out: Path, docx: bytes, *, pdf: bool, png: bool, force: bool) -> list[Path]:
    """Convert ``docx`` (written at ``out``) to PDF and/or PNG pages beside it.

    Page images are ``OUT-1.png``, ``OUT-2.png`` …; with ``force``, images of an earlier,
    longer render (``OUT-7.png`` when the document now has 6 pages) are removed, so the
    folder never shows stale pages.
    """
    from chithi_gen.render.pdf import docx_to_pdf
    from chithi_gen.render.png import pdf_to_png

    written: list[Path] = []
    pdf_bytes = docx_to_pdf(docx)
    if pdf:
        written.append(write_atomic(out.with_suffix(".pdf"), pdf_bytes, force=force))
    if png:
        images = pdf_to_png(pdf_bytes)
        for n, image in enumerate(images, start=1):
            written.append(write_atomic(out.with_name(f"{out.stem}-{n}.png"), image, force=force))
        if force:
            page = re.compile(rf"^{re.escape(out.stem)}-(\d+)\.png$")
            for old in out.parent.glob(f"{out.stem}-*.png"):
                m = page.match(old.name)
                if m and int(m.group(1)) > len(images) and old.is_file():
                    old.unlink()
    return written
