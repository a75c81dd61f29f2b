"""The Party's document rules (Quy định 399-QĐ/TW, Hướng dẫn 05-HD/VPTW) as data.

The table ships as ``reference/data/dang.json``. The bundled ``dang`` layout is built
from it (``templates/layouts/dang/build.py``), the Party composing step
(:mod:`chithi_gen.kinds.dang`) and the Party advisor read it, and the checker can read
the same file (it is plain JSON, so a module that imports nothing of chithi_gen can
load it). Each rule names its sources and says whether it is settled (``chac_chan``):
no page with the text of HD 05 was found, so most of it rests on secondary summaries
(docs/van-ban-dang.md).

Vocabulary: *cấp ủy* (party committee), *chi bộ* (party cell), *cơ quan tham mưu*
(an advisory body of a committee: a Ban, the Văn phòng), *nhiệm kỳ* (term of a
committee), *thẩm quyền ban hành* (who may issue which kind).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any, Literal

__all__ = [
    "CapUy",
    "ThamQuyen",
    "cap_uy",
    "cuoi_dong_noi_nhan",
    "ghi_chu_tham_quyen",
    "loai_dang",
    "noi_luu",
    "quy_tac",
    "quyen_han_dang",
    "tham_quyen",
]

_PACKAGE = "chithi_gen.reference"
_RESOURCE = "data/dang.json"

#: What the table says about a kind issued by a body: allowed, refused, or not settled.
ThamQuyen = Literal["co", "khong", "chua_ro"]


@dataclass(frozen=True, slots=True)
class CapUy:
    """A kind of issuing body of the Party, recognised from the start of its name."""

    ma: str
    """``tinh_uy``, ``dang_uy_xa``, ``dang_uy``, ``chi_bo`` or ``tham_muu``."""
    mo_ta: str
    tap_the: bool
    """A collective body (signs "T/M …"; its deputy never signs "K/T")."""
    ky_hieu: str | None
    """The usual body abbreviation in the ký hiệu: ``TU``, ``ĐU``, ``CB``."""
    noi_luu: str
    """The "Lưu" line's default, with ``{ten}`` for the body's name."""


@cache
def quy_tac() -> Mapping[str, Any]:
    """The whole table, read-only (the JSON file as loaded)."""
    raw = json.loads((files(_PACKAGE) / _RESOURCE).read_text(encoding="utf-8"))
    return MappingProxyType(raw)


@cache
def _cap_uy() -> tuple[tuple[re.Pattern[str], CapUy], ...]:
    codes = quy_tac()["ky_hieu_co_quan"]
    return tuple(
        (
            re.compile(c["mau"], re.IGNORECASE),
            CapUy(c["ma"], c["mo_ta"], bool(c["tap_the"]), codes.get(c["ma"]), c["noi_luu"]),
        )
        for c in quy_tac()["cap_uy"]
    )


def _ten(ten: str) -> str:
    """The name in a comparable form: one space between words, "uỷ" spelt "ủy"."""
    return " ".join(ten.replace("uỷ", "ủy").replace("Uỷ", "Ủy").replace("UỶ", "ỦY").split())


def _bo_ban_thuong_vu(name: str) -> str:
    """ "Ban Thường vụ Tỉnh ủy Cao Bằng" -> "Tỉnh ủy Cao Bằng": the standing committee
    issues in its committee's name."""
    return re.sub(r"(?i)^ban\s+thường\s+vụ\s+", "", name)


def cap_uy(ten: str) -> CapUy | None:
    """The kind of Party body ``ten`` names ("Tỉnh ủy Cao Bằng" -> ``tinh_uy``), or ``None``.

    Case and the old tone placement ("Tỉnh uỷ") do not matter. "Ban Thường vụ Tỉnh
    ủy" is the Tỉnh ủy's standing committee: it issues as the Tỉnh ủy.
    """
    name = _bo_ban_thuong_vu(_ten(ten))
    for pattern, kind in _cap_uy():
        if pattern.search(name):
            return kind
    return None


def tham_quyen(viet_tat_loai: str, cap: CapUy | str) -> ThamQuyen | None:
    """Whether a body of kind ``cap`` may issue the kind ``viet_tat_loai`` ("CT").

    ``None`` when the table has no row for that kind.
    """
    row = quy_tac()["tham_quyen"]["bang"].get(viet_tat_loai)
    if row is None:
        return None
    value = row.get(cap.ma if isinstance(cap, CapUy) else cap)
    return value if value in ("co", "khong", "chua_ro") else None


def ghi_chu_tham_quyen(viet_tat_loai: str, cap: CapUy | str) -> str | None:
    """The table's note on that kind and body, naming its source, if it has one."""
    ma = cap.ma if isinstance(cap, CapUy) else cap
    notes = quy_tac()["tham_quyen"]["ghi_chu"]
    found = notes.get(f"{viet_tat_loai}/{ma}") or notes.get(ma)
    return str(found) if found else None


def quyen_han_dang(line: str) -> str:
    """An authority line in the Party's form: "TM. BAN THƯỜNG VỤ" -> "T/M BAN THƯỜNG VỤ".

    ND30's "TM.", "KT.", "TL." become "T/M", "K/T", "T/L" (a slash, no dot); "Q." stays.
    """
    for nd30, party in quy_tac()["quyen_han"]["doi"].items():
        if line.startswith(f"{nd30} "):
            return f"{party} {line[len(nd30) + 1 :]}"
    return line


def cuoi_dong_noi_nhan() -> str:
    """The mark that ends each recipient line (";" per the HD 05 summaries; unsettled)."""
    return str(quy_tac()["noi_nhan"]["cuoi_dong"])


def noi_luu(cap: CapUy | None, ten: str) -> str:
    """Where the file copy is kept, for the last Nơi nhận line "- Lưu <noi_luu>.".

    "Văn phòng Tỉnh ủy" for a Tỉnh ủy, "Văn phòng Đảng ủy" for an Đảng ủy xã,
    "Chi bộ" for a chi bộ; else the body's own name.
    """
    name = _bo_ban_thuong_vu(_ten(ten))
    if cap is None:
        return name
    short = re.match(r"(?i)^((?:tỉnh|thành)\s+ủy)", name)
    template = cap.noi_luu
    return template.format(ten=short.group(1) if short else name)


def loai_dang(loai: str) -> Mapping[str, Any] | None:
    """The bundled Party kind named ``loai`` ("chi_thi_dang"), or ``None``."""
    for row in quy_tac()["loai"]:
        if row["loai"] == loai:
            return MappingProxyType(row)
    return None
