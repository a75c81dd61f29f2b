"""Many .docx to PDF with one LibreOffice start (batch conversion).

Starting ``soffice`` costs seconds; converting one more document in an already running
instance costs a fraction of that. :func:`docx_to_pdf_many` writes every document into
one private folder and converts them with a single ``soffice --convert-to pdf``
invocation per :data:`GROUP` documents, with the same private profile and fonts as
:func:`chithi_gen.render.pdf.docx_to_pdf`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from chithi_gen.errors import ChithiError
from chithi_gen.render.pdf import TIMEOUT, find_soffice, run_soffice

#: Documents converted per LibreOffice invocation (bounds the command line and the time
#: lost if one invocation has to be abandoned).
GROUP = 200
#: Extra seconds allowed per document in one invocation.
PER_DOCUMENT = 10


def _convert_group(soffice: str, work: Path, names: list[str]) -> None:
    files = [work / "docx" / n for n in names]
    run_soffice(soffice, work, work / "pdf", files, TIMEOUT + PER_DOCUMENT * len(names))


def docx_to_pdf_many(documents: Sequence[bytes]) -> list[bytes]:
    """PDF bytes of each .docx in ``documents``, in order, with one LibreOffice start per
    :data:`GROUP` documents. Raises :class:`ChithiError` naming the documents (1-based)
    that produced no PDF."""
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
            group = [f"{n}.docx" for n in names[start : start + GROUP]]
            _convert_group(soffice, work, group)
        missing = [
            str(i) for i, n in enumerate(names, 1) if not (work / "pdf" / f"{n}.pdf").exists()
        ]
        if missing:
            shown = ", ".join(missing[:20]) + ("…" if len(missing) > 20 else "")
            raise ChithiError.single(
                f"LibreOffice không tạo được PDF cho văn bản số {shown}",
                f"LibreOffice produced no PDF for document(s) {shown}",
            )
        return [(work / "pdf" / f"{n}.pdf").read_bytes() for n in names]
