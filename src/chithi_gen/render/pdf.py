"""PDF through headless LibreOffice (optional: generating .docx never needs it).

Each conversion runs ``soffice --headless --convert-to pdf`` with a private profile
directory, so conversions never collide with a LibreOffice the user has open, and in a
process group of its own, so a timeout ends every process LibreOffice started and its
temporary profile is removed. Fonts: LibreOffice uses Times New Roman where installed
and its metric-compatible substitute Liberation Serif otherwise (Debian package
``fonts-liberation2``), so line breaks and page breaks are the same as in Word.

:func:`docx_to_pdf_many` converts a batch with one LibreOffice start per
:data:`GROUP` documents: starting ``soffice`` costs seconds, converting one more
document in a running instance a fraction of that.

With ``pdfa=True`` the export filter writes PDF/A-2b (ISO 19005-2, level B): every font
embedded, an sRGB output intent, XMP metadata with ``pdfaid:part`` 2 and
``pdfaid:conformance`` B, and a tagged text layer, which is what e-office systems ingest
and archive (docs/nguon-quy-dinh-2026.md §5). LibreOffice's ``SelectPdfVersion`` 2 is
PDF/A-2b.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from chithi_gen.errors import ConversionError, ToolMissingError

#: Seconds one conversion may take before it is abandoned.
TIMEOUT = 180
#: Documents converted per LibreOffice invocation (bounds the command line and the time
#: lost if one invocation has to be abandoned).
GROUP = 200
#: Extra seconds allowed per document in one invocation.
PER_DOCUMENT = 10
#: The export filter: plain PDF, and PDF/A-2b (LibreOffice ``SelectPdfVersion`` 2).
FILTER_PDF = "pdf:writer_pdf_Export"
FILTER_PDFA = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


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
        code="tool-missing",
    )


def _end_group(proc: subprocess.Popen[bytes]) -> None:
    """Terminate, then kill, the whole process group of ``proc``."""
    for sig, wait in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def run_soffice(
    soffice: str,
    work: Path,
    outdir: Path,
    files: Sequence[Path],
    timeout: float,
    *,
    pdfa: bool = False,
) -> None:
    """Convert ``files`` to PDF (PDF/A-2b with ``pdfa``) into ``outdir`` with one headless
    LibreOffice whose profile lives in ``work`` (never the user's own profile).

    Raises :class:`ConversionError` when LibreOffice fails or exceeds ``timeout``
    seconds; its whole process group is then ended.
    """
    cmd = [
        soffice,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        FILTER_PDFA if pdfa else FILTER_PDF,
        "--outdir",
        str(outdir),
        *[str(f) for f in files],
    ]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _end_group(proc)
        proc.communicate()
        raise ConversionError.single(
            f"LibreOffice không chuyển xong {len(files)} văn bản sau {timeout:.0f} giây",
            f"LibreOffice did not finish converting {len(files)} document(s) within"
            f" {timeout:.0f} s",
            code="conversion-timeout",
        ) from None
    except BaseException:  # Ctrl-C: leave nothing running behind
        _end_group(proc)
        raise
    finally:
        # soffice.bin may outlive the launcher; end whatever is left in its group.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    if proc.returncode != 0:
        detail = (err or out).decode("utf-8", "replace").strip()[-500:]
        raise ConversionError.single(
            f"LibreOffice không chuyển được sang PDF (mã {proc.returncode}): {detail}",
            f"LibreOffice failed to convert to PDF (code {proc.returncode}): {detail}",
            code="conversion-failed",
        )


def docx_to_pdf(docx: bytes, *, pdfa: bool = False) -> bytes:
    """Convert .docx bytes to PDF bytes (PDF/A-2b with ``pdfa``) with a cold-started
    headless LibreOffice."""
    return docx_to_pdf_many([docx], pdfa=pdfa)[0]


def docx_to_pdf_many(documents: Sequence[bytes], *, pdfa: bool = False) -> list[bytes]:
    """PDF bytes (PDF/A-2b with ``pdfa``) of each .docx in ``documents``, in order, with
    one LibreOffice start per :data:`GROUP` documents. Raises :class:`ConversionError`
    naming the documents (1-based) that produced no PDF."""
    if not documents:
        return []
    soffice = find_soffice()
    width = len(str(len(documents)))
    names = [f"{i:0{width}d}" for i in range(1, len(documents) + 1)]
    with tempfile.TemporaryDirectory(prefix="chithi-pdf-") as tmp:
        work = Path(tmp)
        (work / "docx").mkdir()
        (work / "pdf").mkdir()
        for name, data in zip(names, documents, strict=True):
            (work / "docx" / f"{name}.docx").write_bytes(data)
        for start in range(0, len(names), GROUP):
            group = [work / "docx" / f"{n}.docx" for n in names[start : start + GROUP]]
            timeout = TIMEOUT + PER_DOCUMENT * len(group)
            run_soffice(soffice, work, work / "pdf", group, timeout, pdfa=pdfa)
        missing = [
            str(i) for i, n in enumerate(names, 1) if not (work / "pdf" / f"{n}.pdf").exists()
        ]
        if missing:
            shown = ", ".join(missing[:20]) + ("…" if len(missing) > 20 else "")
            raise ConversionError.single(
                f"LibreOffice không tạo được PDF cho văn bản số {shown}",
                f"LibreOffice produced no PDF for document(s) {shown}",
                code="conversion-failed",
            )
        return [(work / "pdf" / f"{n}.pdf").read_bytes() for n in names]


_PAGES = re.compile(rb"/Type\s*/Pages\b")
_COUNT = re.compile(rb"/Count\s+(\d+)")


def page_count(pdf: bytes) -> int | None:
    """The number of pages of a PDF LibreOffice wrote: the ``/Count`` of its page tree
    (the largest, the root's), read without a PDF library; ``None`` if none is found
    (a PDF whose objects are compressed into object streams)."""
    counts = []
    for m in _PAGES.finditer(pdf):
        start = pdf.rfind(b"obj", 0, m.start())
        end = pdf.find(b"endobj", m.end())
        found = _COUNT.search(pdf, start if start >= 0 else 0, end if end >= 0 else len(pdf))
        if found:
            counts.append(int(found.group(1)))
    return max(counts) if counts else None
