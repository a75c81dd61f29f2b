"""Page images (PNG) of a PDF through poppler's ``pdftoppm``, for previews."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from chithi_gen.errors import ConversionError, ToolMissingError

#: Seconds pdftoppm may take, and most pages turned into images.
TIMEOUT = 300
MAX_PAGES = 500


def pdf_to_png(pdf: bytes, dpi: int = 100) -> list[bytes]:
    """One PNG per page of ``pdf``, in order (the first :data:`MAX_PAGES` pages)."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise ToolMissingError.single(
            "không tìm thấy 'pdftoppm' để tạo ảnh trang; hãy cài gói 'poppler-utils'",
            "'pdftoppm' not found, needed for page images; install 'poppler-utils'",
            code="tool-missing",
        )
    with tempfile.TemporaryDirectory(prefix="chithi-png-") as tmp:
        src = Path(tmp) / "document.pdf"
        src.write_bytes(pdf)
        try:
            proc = subprocess.run(
                [
                    exe,
                    "-r",
                    str(dpi),
                    "-l",
                    str(MAX_PAGES),
                    "-png",
                    str(src),
                    str(Path(tmp) / "trang"),
                ],
                capture_output=True,
                check=False,
                timeout=TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            raise ConversionError.single(
                f"pdftoppm không tạo xong ảnh trang sau {TIMEOUT} giây",
                f"pdftoppm did not finish the page images within {TIMEOUT} s",
                code="conversion-timeout",
            ) from None
        if proc.returncode != 0:
            detail = proc.stderr.decode("utf-8", "replace").strip()[-300:]
            raise ConversionError.single(
                f"không tạo được ảnh trang: {detail}",
                f"cannot make page images: {detail}",
                code="conversion-failed",
            )
        pages = sorted(Path(tmp).glob("trang-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [p.read_bytes() for p in pages]
