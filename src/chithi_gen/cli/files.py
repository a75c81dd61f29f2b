"""The extra files ``chithi render`` writes beside the .docx: PDF, page images, metadata."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from chithi_gen.output import write_atomic


def write_extras(
    out: Path,
    docx: bytes,
    *,
    pdf: bool,
    png: bool,
    force: bool,
    pdfa: bool = False,
    metadata: Mapping[str, Any] | None = None,
) -> list[Path]:
    """Convert ``docx`` (written at ``out``) to PDF and/or PNG pages beside it, and write
    its ``metadata`` as ``OUT.json``.

    With ``pdfa`` the PDF is PDF/A-2b. The metadata's ``PageAmount`` is the PDF's page
    count when a PDF was made (for the PDF or the images), else it stays as given.
    Page images are ``OUT-1.png``, ``OUT-2.png`` …; with ``force``, images of an earlier,
    longer render (``OUT-7.png`` when the document now has 6 pages) are removed, so the
    folder never shows stale pages.
    """
    from chithi_gen.render.metadata import metadata_json
    from chithi_gen.render.pdf import docx_to_pdf, page_count
    from chithi_gen.render.png import pdf_to_png

    written: list[Path] = []
    pdf_bytes = docx_to_pdf(docx, pdfa=pdfa) if (pdf or png) else None
    if pdf and pdf_bytes is not None:
        written.append(write_atomic(out.with_suffix(".pdf"), pdf_bytes, force=force))
    if png and pdf_bytes is not None:
        images = pdf_to_png(pdf_bytes)
        for n, image in enumerate(images, start=1):
            written.append(write_atomic(out.with_name(f"{out.stem}-{n}.png"), image, force=force))
        if force:
            page = re.compile(rf"^{re.escape(out.stem)}-(\d+)\.png$")
            for old in out.parent.glob(f"{out.stem}-*.png"):
                m = page.match(old.name)
                if m and int(m.group(1)) > len(images) and old.is_file():
                    old.unlink()
    if metadata is not None:
        data = dict(metadata)
        if pdf_bytes is not None:
            data["PageAmount"] = page_count(pdf_bytes)
        written.append(write_atomic(out.with_suffix(".json"), metadata_json(data), force=force))
    return written
