"""Find district-level bodies in text: they no longer exist since 1 July 2025.

From 1 July 2025 local government has two tiers, province and commune (Luật Tổ chức
chính quyền địa phương số 72/2025/QH15), so a document dated on or after that day
should neither be issued by nor sent to a *huyện*, *quận*, *thị xã* or *thành phố
thuộc tỉnh*, their party committees (*Huyện ủy*, *Quận ủy*, *Thị ủy*) or their
offices (*Phòng … huyện …*), and there are no more *thị trấn*.

:func:`tim_cap_huyen` reports each mention with its span. It avoids the common false
positives: "đô thị xã hội" and "khu đô thị Xã Đàn" (not a *thị xã*), a commune
whose own name follows its type word ("xã Hồ Thị Kỷ"), a province that is a
*thành phố* ("Thành phố Huế", "Thành ủy Hà Nội"), and a *thành phố* that never was
a Vietnamese district-level city ("thành phố Paris").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Final

from chithi_gen.reference._chuan_hoa import khoa
from chithi_gen.reference.don_vi_hanh_chinh import NGAY_HAI_CAP, cac_tinh, huyen_cu, tim_xa

__all__ = ["LOAI_CAP_HUYEN", "CapHuyen", "ap_dung_hai_cap", "canh_bao_cap_huyen", "tim_cap_huyen"]

LOAI_CAP_HUYEN: Final = (
    "huyen",  # huyện Hà Quảng
    "quan",  # quận Hoàn Kiếm, Quận 1
    "thi_xa",  # thị xã Sơn Tây
    "thanh_pho_thuoc_tinh",  # thành phố Bảo Lộc
    "cap_uy",  # Huyện ủy, Quận ủy, Thị ủy, Thành ủy Bảo Lộc
    "cap_huyen",  # "cấp huyện", "UBND các huyện"
    "thi_tran",  # thị trấn Xuân Hòa
)
"""The kinds of mention :func:`tim_cap_huyen` reports."""

_TEN_LOAI: Final = {
    "huyen": ("huyện", "districts (huyện)"),
    "quan": ("quận", "urban districts (quận)"),
    "thi_xa": ("thị xã", "towns (thị xã)"),
    "thanh_pho_thuoc_tinh": ("thành phố thuộc tỉnh", "provincial cities"),
    "cap_uy": ("cấp ủy cấp huyện", "district-level party committees"),
    "cap_huyen": ("cấp huyện", "district-level bodies"),
    "thi_tran": ("thị trấn", "townships"),
}

# One word of a proper name: starts with a capital letter or is a number ("Quận 1").
_TU = r"[^\W\d_][\w'’]*|\d{1,2}"
# A body whose name the district follows: "UBND huyện …", "Phòng Nội vụ huyện …".
_CO_QUAN = (
    r"Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Đảng bộ|Đảng ủy"
    r"|Ủy ban Mặt trận Tổ quốc|Uỷ ban Mặt trận Tổ quốc|Văn phòng|Phòng|Ban|Công an"
    r"|Trung tâm|Chủ tịch|Phó Chủ tịch"
)
_DAU = rf"(?:{_CO_QUAN})"
_LOAI_DON_VI = re.compile(
    r"(?<!\w)(?:huyện(?:[ \t]+đảo)?|quận|thị[ \t]+xã|thành[ \t]+phố|thị[ \t]+trấn)(?!\w)",
    re.IGNORECASE,
)
_CAP_UY = re.compile(r"(?<!\w)(huyện|quận|thị|thành)[ \t]+(?:ủy|uỷ)(?!\w)", re.IGNORECASE)
# The words after a type word; _ten_rieng keeps the capitalised ones.
_TEN_SAU = re.compile(rf"[ \t]+((?:{_TU})(?:(?:[ \t]*-[ \t]*|[ \t]+)(?:{_TU})){{0,6}})")
_DAU_TRUOC = re.compile(rf"\b{_DAU}(?:[ \t]+[^\s,;:.()“”\"]+){{0,10}}?[ \t]+$", re.IGNORECASE)
_CHUNG = re.compile(
    r"\b(?:cấp[ \t]+(?:huyện|quận)|huyện[ \t]+đoàn|quận[ \t]+đoàn|thị[ \t]+đoàn"
    rf"|{_DAU}[ \t]+(?:các[ \t]+)?(?:huyện|quận|thị[ \t]+xã)"
    r"(?=[ \t]*[,;.:)]|[ \t]+(?:và|trên|thuộc|trực)\b))",
    re.IGNORECASE,
)
# A body named after an unnamed district at the end of the name: "Phòng Nội vụ huyện",
# "Văn phòng HĐND và UBND huyện", "Trang Thông tin điện tử huyện".
_CUOI = re.compile(
    rf"\b(?:{_CO_QUAN}|Hội đồng|Trang thông tin điện tử|Cổng thông tin điện tử)"
    r"(?:[ \t]+[^\s,;:.()“”\"]+){0,8}?[ \t]+(?:huyện|quận|thị[ \t]+xã)"
    r"(?=[ \t]*(?:$|[,;.:)(]))",
    re.IGNORECASE,
)
# "UBND các xã, thị trấn": township as a kind of unit, without a name.
_THI_TRAN = re.compile(
    r"(?<!\w)thị[ \t]+trấn(?=[ \t]*(?:$|[,;.:)(])|[ \t]+(?:và|trên|thuộc|trực)\b)",
    re.IGNORECASE,
)
_LA_CAP_UY = re.compile(r"(?i)^(?:ủy|uỷ)\b")
_LOAI_XA = re.compile(r"(?i)(?<!\w)(?:xã|phường|đặc[ \t]+khu)(?:[ \t]+\w+){0,3}?[ \t]+$")


@dataclass(frozen=True, slots=True)
class CapHuyen:
    """One mention of a district-level body or unit in a text."""

    doan: str
    """The text of the mention, with the body before it: ``"UBND huyện Hà Quảng"``."""
    bat_dau: int
    ket_thuc: int
    """``text[bat_dau:ket_thuc] == doan``."""
    loai: str
    """One of :data:`LOAI_CAP_HUYEN`."""
    ten: str | None
    """The unit's name if one was written: ``"Hà Quảng"``."""
    tinh_cu: tuple[str, ...] = ()
    """Old provinces that had a district-level unit of that name and type."""

    @property
    def canh_bao(self) -> tuple[str, str]:
        """The warning as a (Vietnamese, English) pair."""
        vi_loai, en_loai = _TEN_LOAI[self.loai]
        where_vi = f" (trước đây thuộc {', '.join(self.tinh_cu)})" if self.tinh_cu else ""
        where_en = f" (formerly in {', '.join(self.tinh_cu)})" if self.tinh_cu else ""
        if self.loai == "thi_tran":
            return (
                f"“{self.doan}”{where_vi}: từ ngày 01/7/2025 không còn thị trấn; đơn vị hành"
                " chính cấp xã gồm xã, phường, đặc khu. Hãy ghi đơn vị cấp xã hiện nay.",
                f"“{self.doan}”{where_en}: there are no townships (thị trấn) since 1 July"
                " 2025; communes are xã, phường or đặc khu. Name today's commune.",
            )
        return (
            f"“{self.doan}”{where_vi}: từ ngày 01/7/2025 không còn {vi_loai} (chính quyền"
            " địa phương hai cấp, Luật Tổ chức chính quyền địa phương số 72/2025/QH15)."
            " Hãy ghi cơ quan cấp tỉnh hoặc cấp xã nay đảm nhận.",
            f"“{self.doan}”{where_en}: there have been no {en_loai} since 1 July 2025"
            " (two-tier local government, Law 72/2025/QH15). Name the provincial or commune"
            " body that took over.",
        )


def ap_dung_hai_cap(ngay: date | None) -> bool:
    """Whether a document of that date falls under the two-tier structure.

    ``None`` (an undated draft) counts as current.
    """
    return ngay is None or ngay >= NGAY_HAI_CAP


@cache
def _tinh_keys() -> frozenset[str]:
    return frozenset(khoa(t.ten) for t in cac_tinh())


def _ten_rieng(ten: str) -> str:
    """The leading words of ``ten`` that look like a proper name (capitalised or a number)."""
    words: list[str] = []
    for w in re.split(r"[ \t]+", ten):
        if w == "-" or w.startswith("-"):
            words.append(w)
            continue
        if not (w[:1].isupper() or w.isdigit()):
            break
        words.append(w)
    while words and words[-1].startswith("-"):
        words.pop()
    return " ".join(words)


def _la_ten_xa(text: str, start: int, loai: str, ten: str) -> bool:
    """Whether ``loai ten`` at ``start`` is part of a commune's own name ("xã Hồ Thị Kỷ")."""
    before = _LOAI_XA.search(text, max(0, start - 60), start)
    if before is None:
        return False
    words = [*text[before.start() : start].split(), loai, ten]
    return bool(tim_xa(" ".join(words)))


def tim_cap_huyen(text: str) -> tuple[CapHuyen, ...]:
    """Every mention of a district-level unit or body in ``text``, in text order.

    Finds named units ("huyện Hà Quảng", "UBND huyện Hà Quảng", "Phòng Giáo dục và
    Đào tạo huyện Hà Quảng", "Quận 1", "thị xã Sơn Tây", "thành phố Bảo Lộc"), party
    committees ("Huyện ủy", "Ban Thường vụ Quận ủy", "Thị ủy Sơn Tây"), generic mentions
    ("cấp huyện", "UBND các huyện,"), offices named after an unnamed district ("Phòng
    Nội vụ huyện", "Văn phòng HĐND và UBND huyện") and *thị trấn*, named or not ("UBND
    các xã, thị trấn"). Case-insensitive on the type word;
    the name must be capitalised (or a number), so "các huyện miền núi" alone is not a
    named unit.
    """
    found: list[CapHuyen] = []
    taken: list[tuple[int, int]] = []

    def add(item: CapHuyen) -> None:
        if any(a < item.ket_thuc and item.bat_dau < b for a, b in taken):
            return
        taken.append((item.bat_dau, item.ket_thuc))
        found.append(item)

    for m in _LOAI_DON_VI.finditer(text):
        loai_text = " ".join(m.group(0).split()).lower()
        after = _TEN_SAU.match(text, m.end())
        ten = _ten_rieng(after.group(1)) if after else ""
        if not ten or _LA_CAP_UY.match(ten):
            continue  # no name, or "HUYỆN ỦY HÀ QUẢNG", a party committee (below)
        if loai_text == "thị xã" and re.search(r"(?i)\bđô[ \t]+$", text[: m.start()]):
            continue  # "đô thị xã hội", "khu đô thị Xã Đàn"
        if _la_ten_xa(text, m.start(), loai_text, ten):
            continue
        loai = {
            "huyện": "huyen",
            "huyện đảo": "huyen",
            "quận": "quan",
            "thị xã": "thi_xa",
            "thành phố": "thanh_pho_thuoc_tinh",
            "thị trấn": "thi_tran",
        }[loai_text]
        old: tuple[str, ...] = ()
        if loai != "thi_tran":
            kind = {"huyen": "huyện", "quan": "quận", "thi_xa": "thị xã"}.get(loai, "thành phố")
            old = tuple(dict.fromkeys(h.tinh for h in huyen_cu(f"{kind} {ten}")))
        if loai == "thanh_pho_thuoc_tinh" and (khoa(ten) in _tinh_keys() or not old):
            continue  # a province ("Thành phố Huế") or not a Vietnamese city
        head = _DAU_TRUOC.search(text, max(0, m.start() - 200), m.start())
        start = head.start() if head else m.start()
        assert after is not None
        end = after.start(1) + len(ten)
        add(CapHuyen(text[start:end], start, end, loai, ten, old))

    for m in _CAP_UY.finditer(text):
        after = _TEN_SAU.match(text, m.end())
        ten = _ten_rieng(after.group(1)) if after else ""
        word = m.group(1).lower()
        kind = {"huyện": "huyện", "quận": "quận", "thị": "thị xã", "thành": "thành phố"}[word]
        old = tuple(dict.fromkeys(h.tinh for h in huyen_cu(f"{kind} {ten}"))) if ten else ()
        if word == "thành" and (khoa(ten) in _tinh_keys() or not old):
            continue  # "Thành ủy Hà Nội" is a province's; bare "Thành ủy" is unknown
        end = after.start(1) + len(ten) if after and ten else m.end()
        add(CapHuyen(text[m.start() : end], m.start(), end, "cap_uy", ten or None, old))

    for m in _CUOI.finditer(text):  # the longer mention first: "Văn phòng … UBND huyện"
        add(CapHuyen(m.group(0), m.start(), m.end(), "cap_huyen", None))
    for m in _CHUNG.finditer(text):
        add(CapHuyen(m.group(0), m.start(), m.end(), "cap_huyen", None))
    for m in _THI_TRAN.finditer(text):
        add(CapHuyen(m.group(0), m.start(), m.end(), "thi_tran", None))

    found.sort(key=lambda c: c.bat_dau)
    return tuple(found)


def canh_bao_cap_huyen(text: str, ngay: date | None = None) -> tuple[tuple[str, str], ...]:
    """Warnings, as (Vietnamese, English) pairs, for district-level bodies in ``text``.

    Nothing for a document dated before 1 July 2025, when the district level existed.
    """
    if not ap_dung_hai_cap(ngay):
        return ()
    return tuple(dict.fromkeys(c.canh_bao for c in tim_cap_huyen(text)))
