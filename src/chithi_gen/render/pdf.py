"""PDF through headless LibreOffice (optional: generating .docx never needs it).

Each conversion runs ``soffice --headless --convert-to pdf`` with a private profile
directory, so conversions never collide with a LibreOffice the user has open. Fonts:
LibreOffice uses Times New Roman where installed and its metric-compatible substitute
Liberation Serif otherwise (Debian package ``fonts-liberation2``), so line breaks and
page breaks are the same as in Word.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from chithi_gen.errors import ChithiError

#: Seconds one conversion may take before it is abandoned.
TIMEOUT = 180


class ToolMissingError(ChithiError):
    """An external program (LibreOffice) is not installed (exit code 5)."""

    exit_code = 5


def find_soffice() -> str:
    """Path of LibreOffice's ``soffice``, or :class:`ToolMissingError` saying what to install."""
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    raise ToolMissingError.single(
        "không tìm thấy LibreOffice để tạo PDF; hãy cài gói 'libreoffice-writer-nogui'"
        " (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui fonts-liberation2)",
        "LibreOffice not found, needed for PDF; install 'libreoffice-writer-nogui'"
        " (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui fonts-liberation2)",
    )


def run_soffice(soffice: str, work: Path, outdir: Path, files: list[Path], timeout: float) -> None:
    """Convert ``files`` to PDF into ``outdir`` with one headless LibreOffice whose
    profile lives in ``work`` (never the user's own profile)."""
    cmd = [
        soffice,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        str(outdir),
        *[str(f) for f in files],
    ]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise ChithiError.single(
            f"LibreOffice không chuyển xong {len(files)} văn bản sau {timeout:.0f} giây",
            f"LibreOffice did not finish converting {len(files)} document(s) within"
            f" {timeout:.0f} s",
        ) from None
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip()[-500:]
        raise ChithiError.single(
            f"LibreOffice không chuyển được sang PDF: {detail}",
            f"LibreOffice failed to convert to PDF: {detail}",
        )


def docx_to_pdf(docx: bytes) -> bytes:
    """Convert .docx bytes to PDF bytes with a cold-started headless LibreOffice."""
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="chithi-pdf-") as tmp:
        work = Path(tmp)
        src = work / "document.docx"
        src.write_bytes(docx)
        run_soffice(soffice, work, work, [src], TIMEOUT)
        out = work / "document.pdf"
        if not out.exists():
            raise ChithiError.single(
                "LibreOffice không tạo được tệp PDF", "LibreOffice produced no PDF"
            )
        return out.read_bytes()
