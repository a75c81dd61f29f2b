"""Advice on the Lưu line: "VT" written among the units, where it is printed already."""

from __future__ import annotations

from chithi_gen.errors import Loc, Problem
from chithi_gen.model import Campaign
from chithi_gen.model.noi_nhan import VT


def luu_warnings(campaign: Campaign) -> list[Problem]:
    """A "VT" (Văn thư) in ``luu.don_vi``: the line starts with "VT" by itself
    (Phụ lục I, II.9.d), so a bare "VT" is left out and a second "VT-…" repeats it."""
    units = campaign.luu.don_vi or []
    first = next((u for u in units if u != VT), None)
    found: list[Problem] = []
    for i, unit in enumerate(units):
        loc: Loc = ("luu", "don_vi", i)
        if unit == VT:
            found.append(
                Problem(
                    "'VT' (Văn thư) đã tự có ở đầu dòng Lưu; bỏ 'VT' khỏi 'don_vi' (dòng"
                    " Lưu in một chữ VT)",
                    "'VT' (the Văn thư) starts the Lưu line by itself; remove 'VT' from"
                    " 'don_vi' (the line prints VT once)",
                    loc=loc,
                    code="luu-vt-duplicate",
                    severity="warning",
                )
            )
        elif unit.startswith(f"{VT}-") and (unit is not first or units.index(unit) != i):
            found.append(
                Problem(
                    f"'{unit}' lặp lại VT (Văn thư) đã có ở đầu dòng Lưu; chỉ đơn vị đầu"
                    " tiên được nối với VT (VT-TH)",
                    f"'{unit}' repeats the VT (Văn thư) that starts the Lưu line; only the"
                    " first unit may be joined to VT (VT-TH)",
                    loc=loc,
                    code="luu-vt-duplicate",
                    severity="warning",
                )
            )
    return found
