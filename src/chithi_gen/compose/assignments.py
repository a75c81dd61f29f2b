"""Phân công (assignments) as sentences: "Giao A chủ trì, phối hợp với B và C …"."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from chithi_gen.model import PhanCong
from chithi_gen.vi.chu_hoa import viet_thuong_dau
from chithi_gen.vi.ngay import format_ngay_ngan


def noi_lien(items: Sequence[str]) -> str:
    """ "A, B và C" — a Vietnamese enumeration."""
    xs = list(items)
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " và " + xs[-1]


def phan_cong(pc: PhanCong) -> str:
    """ "Giao A chủ trì, phối hợp với B và C <nhiệm vụ>; hoàn thành trước ngày 25/3/2020."."""
    lead = pc.chu_tri
    if lead.split(" ")[0] in ("Các", "Những", "Mỗi", "Toàn"):
        lead = viet_thuong_dau(lead)  # "Giao các phòng, ban …"
    text = f"Giao {lead}"
    if pc.phoi_hop:
        text += f" chủ trì, phối hợp với {noi_lien(pc.phoi_hop)}"
    text += f" {pc.nhiem_vu.rstrip('.;')}"
    if isinstance(pc.thoi_han, date):
        text += f"; hoàn thành trước ngày {format_ngay_ngan(pc.thoi_han)}"
    elif pc.thoi_han:
        text += f"; thời hạn: {pc.thoi_han}"
    return text + "."
