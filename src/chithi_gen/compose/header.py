"""The header lines of a document that depend on data: số ký hiệu (Phụ lục I, II.3)."""

from __future__ import annotations

from chithi_gen.kinds import Kind
from chithi_gen.model import Campaign
from chithi_gen.vi.ngay import BLANK
from chithi_gen.vi.so import format_so_van_ban


def ky_hieu(campaign: Campaign, kind: Kind) -> str:
    """Ký hiệu: abbreviation of the kind, "-", abbreviation of the body (Phụ lục I, II.3.b).

    ``CT-UBND`` for a Chỉ thị of a People's Committee; an explicit ``ky_hieu`` in the
    campaign file wins.
    """
    return campaign.ky_hieu or f"{kind.viet_tat}-{campaign.co_quan.viet_tat}"


def format_so_ky_hieu(so: int | None, ky_hieu: str) -> str:
    """The "Số:" line (Phụ lục I, II.3.c): a leading zero under 10 ("Số: 05/CT-UBND");
    a draft without a number keeps a blank ("Số:      /CT-UBND")."""
    if so is None:
        return f"Số:{BLANK}/{ky_hieu}"
    return f"Số: {format_so_van_ban(so)}/{ky_hieu}"


def so_ky_hieu(campaign: Campaign, kind: Kind) -> str:
    """The campaign's số ký hiệu line, e.g. "Số: 05/CT-UBND"."""
    return format_so_ky_hieu(campaign.so, ky_hieu(campaign, kind))
