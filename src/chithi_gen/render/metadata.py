"""The document's metadata for an e-office system: the fields of ND30 Phụ lục VI a draft knows.

:func:`metadata` reads the composed :class:`~chithi_gen.document.Document`\\ s (what is
printed: số ký hiệu, tên loại, trích yếu, the signature lines, Nơi nhận) and the
campaign (what printing loses: the issuing body's name in normal case, the date as a
date, the number of copies). The first document is the one issued: a Quyết định
issuing a programme describes the Quyết định. The result is valid against
``schema/metadata.schema.json`` (field names as issue 14 lists them; the text of Phụ lục
VI itself was not available, docs/nguon-quy-dinh-2026.md §3).

A draft that the signing system numbers and dates keeps ``CodeNumber`` and
``IssuedDate`` null, as the document keeps its blanks; ``PageAmount`` is the PDF's page
count, null without a PDF.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from chithi_gen.document import Document
from chithi_gen.model import Campaign

#: The language of every document chithi_gen drafts.
LANGUAGE = "Tiếng Việt"
#: A draft carries no urgency mark (Phụ lục I, III.2.b): "Thường" (ordinary).
PRIORITY = "Thường"

# "Số: 05/CT-UBND", "Số:      /CT-UBND" (ND30); "Số 12-CT/TU", "Số      -CT/TU" (Party).
_SO_NHA_NUOC = re.compile(r"^Số:\s*(\d*)\s*/\s*(\S+)$")
_SO_DANG = re.compile(r"^Số\s+(\d*)\s*-\s*(\S+)$")


def _generator() -> str:
    try:
        return f"chithi-gen {version('chithi-gen')}"
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "chithi-gen"


def so_va_ky_hieu(so_ky_hieu: str) -> tuple[str | None, str]:
    """The number ("05", or ``None`` in a draft) and the notation ("CT-UBND", "CT/TU") of
    a printed số ký hiệu line."""
    text = " ".join(so_ky_hieu.split())
    m = _SO_NHA_NUOC.match(text) or _SO_DANG.match(text)
    if m is None:
        raise ValueError(f"not a số ký hiệu line: {so_ky_hieu!r}")
    return (m.group(1) or None), m.group(2)


def _sentence_case(upper: str) -> str:
    """ "CHƯƠNG TRÌNH HÀNH ĐỘNG" -> "Chương trình hành động" (a tên loại has no proper name)."""
    low = upper.lower()
    return low[:1].upper() + low[1:]


def _line(text: str) -> str:
    """A Nơi nhận line without its dash and closing mark: "- Lưu: VT, NV." -> "Lưu: VT, NV"."""
    return text.strip().removeprefix("-").strip().rstrip(";,.").strip()


def metadata(
    campaign: Campaign, documents: Sequence[Document], *, pages: int | None = None
) -> dict[str, Any]:
    """The Phụ lục VI fields of the issued document (the first of ``documents``)."""
    doc = documents[0]
    so, notation = so_va_ky_hieu(doc.so_ky_hieu)
    organ = campaign.co_quan.ten
    if campaign.quyet_dinh is not None:  # the deciding authority: "Chủ tịch Ủy ban …"
        organ = [campaign.quyet_dinh.tham_quyen_ban_hanh]
    out: dict[str, Any] = {
        "CodeNumber": so,
        "CodeNotation": notation,
        "IssuedDate": campaign.ngay.isoformat() if campaign.ngay else None,
        "OrganName": " ".join(" ".join(organ).split()),
    }
    if campaign.co_quan.chu_quan:
        out["OrganNameSuperior"] = " ".join(" ".join(campaign.co_quan.chu_quan).split())
    out["TypeName"] = _sentence_case(doc.ten_loai)
    out["Subject"] = " ".join(doc.trich_yeu.split())
    out["Language"] = LANGUAGE
    out["PageAmount"] = pages
    if doc.quyen_han or doc.ho_ten:
        signer: dict[str, str] = {}
        if len(doc.quyen_han) > 1:
            signer["Competence"] = ", ".join(doc.quyen_han[:-1])
        signer["Position"] = doc.quyen_han[-1] if doc.quyen_han else ""
        signer["FullName"] = doc.ho_ten
        out["SignerInfo"] = signer
    recipients = [line for line in (_line(x) for x in doc.noi_nhan) if line]
    if recipients:
        out["To"] = recipients
    out["Priority"] = PRIORITY
    out["IssuedAmount"] = campaign.luu.so_ban_phat_hanh
    out["Generator"] = _generator()
    return out


def metadata_json(data: dict[str, Any]) -> bytes:
    """The metadata as the UTF-8 JSON file written beside the document (OUT.json)."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
