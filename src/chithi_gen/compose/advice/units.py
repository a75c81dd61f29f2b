"""Advice on administrative units: the địa danh and the agency's unit must exist since 1/7/2025.

The units are those of :mod:`chithi_gen.reference.don_vi_hanh_chinh` (34 provinces,
3,321 communes). For a document dated on or after 1 July 2025 (or undated):

* the unit at the end of the agency's name ("Ủy ban nhân dân xã Trường Hà", "Sở Nội
  vụ tỉnh Cao Bằng", "Đảng ủy xã Trường Hà", "Tỉnh ủy Cao Bằng") must exist, in the
  province the superior names when it names one (``unknown-unit``);
* the địa danh (Phụ lục I, II.4.a) must be a province or a commune (``unknown-unit``);
* for a commune's agency it is that commune's official name, in full when the commune
  is named after a person, by a number or after an event (``dia-danh-mismatch``,
  ``dia-danh-full-name``).

Every warning names the closest known units.
"""

from __future__ import annotations

import re

from chithi_gen.compose.advice.places import document_date, issuer
from chithi_gen.errors import Loc, Problem
from chithi_gen.model import Campaign
from chithi_gen.reference._chuan_hoa import khoa
from chithi_gen.reference.cap_huyen import ap_dung_hai_cap
from chithi_gen.reference.don_vi_hanh_chinh import (
    LOAI_TINH,
    Tinh,
    Xa,
    canh_bao_don_vi,
    tim_tinh,
    tim_trong_ten_co_quan,
    tim_xa,
)

#: The warnings' codes.
UNKNOWN = "unknown-unit"
MISMATCH = "dia-danh-mismatch"
FULL_NAME = "dia-danh-full-name"

# "Tỉnh ủy Cao Bằng", "Thành ủy Hà Nội", "Đảng bộ tỉnh Cao Bằng": a province's party body.
_TINH_UY = re.compile(r"(?i)^(?:ban\s+thường\s+vụ\s+)?(tỉnh|thành)\s+(?:ủy|uỷ)\s+(.+)$")


def _warning(vi: str, en: str, loc: Loc, code: str = UNKNOWN) -> Problem:
    return Problem(vi, en, loc=loc, code=code, severity="warning")


def _unit_of(text: str) -> tuple[str, str] | None:
    """(type word, name) of the unit an agency's name ends with, or of a Tỉnh ủy."""
    m = _TINH_UY.match(" ".join(text.split()))
    if m:
        return ("tỉnh" if m.group(1).lower() == "tỉnh" else "thành phố"), m.group(2)
    return tim_trong_ten_co_quan(text)


def _province(campaign: Campaign) -> Tinh | None:
    """The province the issuer or its superior names, if one does."""
    for body in issuer(campaign):
        unit = _unit_of(body.text)
        if unit is not None and unit[0] in LOAI_TINH:
            found = tim_tinh(f"{unit[0]} {unit[1]}")
            if found is not None:
                return found
    return None


def _commune(campaign: Campaign, tinh: Tinh | None) -> Xa | None:
    """The commune the issuing body belongs to, when its name ends with one."""
    unit = _unit_of(" ".join(campaign.co_quan.ten))
    if unit is None or unit[0] in LOAI_TINH:
        return None
    found = tim_xa(f"{unit[0]} {unit[1]}", tinh)
    return found[0] if len(found) == 1 else None


def unit_warnings(campaign: Campaign) -> list[Problem]:
    """Unknown units in the agency's name or the địa danh, and a địa danh that is not
    the commune's official name."""
    if not ap_dung_hai_cap(document_date(campaign)):
        return []
    found: list[Problem] = []
    tinh = _province(campaign)
    for body in issuer(campaign):
        unit = _unit_of(body.text)
        if unit is None:
            continue
        typed = f"{unit[0]} {unit[1]}"
        scope = None if unit[0] in LOAI_TINH else tinh
        for vi, en in canh_bao_don_vi(typed, tinh=scope):
            found.append(_warning(f"tên cơ quan: {vi}", f"agency name: {en}", body.loc))
    dia_danh = " ".join(campaign.dia_danh.split())
    if tim_tinh(dia_danh) is None and not tim_xa(dia_danh, tinh):
        for vi, en in canh_bao_don_vi(dia_danh, tinh=tinh):
            found.append(_warning(f"địa danh: {vi}", f"place name: {en}", ("dia_danh",)))
        return found
    xa = _commune(campaign, tinh)
    if xa is not None and khoa(dia_danh) != khoa(xa.dia_danh):
        if khoa(dia_danh) == khoa(xa.ten):
            found.append(
                _warning(
                    f"địa danh của {xa.ten_day_du} phải ghi tên gọi đầy đủ “{xa.dia_danh}” (đơn"
                    " vị hành chính đặt theo tên người, bằng chữ số hoặc sự kiện lịch sử) —"
                    " Phụ lục I, II.4.a",
                    f"the place name of {xa.ten_day_du} is its full name “{xa.dia_danh}” (a"
                    " unit named after a person, by a number or after an event)",
                    ("dia_danh",),
                    FULL_NAME,
                )
            )
        else:
            found.append(
                _warning(
                    f"địa danh “{dia_danh}” khác tên đơn vị hành chính nơi cơ quan ban hành"
                    f" đóng trụ sở ({xa.ten_day_du}); thường ghi “{xa.dia_danh}” — Phụ lục I,"
                    " II.4.a",
                    f"place name “{dia_danh}” is not the unit where the issuing body sits"
                    f" ({xa.ten_day_du}); usually “{xa.dia_danh}”",
                    ("dia_danh",),
                    MISMATCH,
                )
            )
    return found
