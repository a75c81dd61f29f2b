"""Vietnam's administrative units since 1 July 2025: 34 provinces and their 3,321 communes.

Local government has two tiers since 1 July 2025 (Luật Tổ chức chính quyền địa
phương số 72/2025/QH15): *tỉnh* / *thành phố* (trực thuộc trung ương) and *xã* /
*phường* / *đặc khu*. The data ships as ``reference/data/don_vi_hanh_chinh.json``,
built by ``scripts/build_don_vi_hanh_chinh.py`` from the MIT-licensed package
vietnamadminunits (see :func:`nguon`); it also lists the 63 provinces and 696
district-level units that existed before, for warnings about old names.

Lookups take a name with or without its type word ("xã Trường Hà", "Trường Hà",
"tỉnh Cao Bằng", "Thành phố Hà Nội") and ignore case, Unicode form, spacing,
punctuation and the old/new tone placement ("Hoà"/"Hòa").
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any, Final

from chithi_gen.reference._chuan_hoa import khoa, khong_dau

__all__ = [
    "LOAI_TINH",
    "LOAI_XA",
    "NGAY_HAI_CAP",
    "DonViCu",
    "Tinh",
    "Xa",
    "bang_xa",
    "cac_tinh",
    "canh_bao_don_vi",
    "goi_y",
    "huyen_cu",
    "nguon",
    "tach_loai",
    "tim_tinh",
    "tim_tinh_cu",
    "tim_trong_ten_co_quan",
    "tim_xa",
    "xa_cua_tinh",
]

NGAY_HAI_CAP: Final = date(2025, 7, 1)
"""The day the district level ended and the 34 provinces / 3,321 communes began."""

LOAI_TINH: Final = ("tỉnh", "thành phố")
LOAI_XA: Final = ("xã", "phường", "đặc khu")

_PACKAGE = "chithi_gen.reference"
_RESOURCE = "data/don_vi_hanh_chinh.json"
_CO_QUAN = "Ủy ban nhân dân"

# Type words as they may be typed, by matching key, -> canonical type.
_TU_LOAI: Final[Mapping[str, str]] = MappingProxyType(
    {
        khoa(word): loai
        for word, loai in (
            ("tỉnh", "tỉnh"),
            ("thành phố", "thành phố"),
            ("tp", "thành phố"),
            ("t p", "thành phố"),
            ("xã", "xã"),
            ("phường", "phường"),
            ("đặc khu", "đặc khu"),
        )
    }
)
# Common short forms of the two largest cities.
_BI_DANH_TINH: Final[Mapping[str, str]] = MappingProxyType(
    {"hcm": "79", "tphcm": "79", "tp hcm": "79", "hn": "01", "tphn": "01", "tp hn": "01"}
)


def _viet_hoa_dau(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class Tinh:
    """A province-level unit (*tỉnh* or *thành phố trực thuộc trung ương*)."""

    ma: str
    """Official code (mã đơn vị hành chính), two digits: ``"04"``."""
    ten: str
    """Name without the type word: ``"Cao Bằng"``."""
    loai: str
    """``"tỉnh"`` or ``"thành phố"``."""
    dia_danh_day_du: bool = False
    """Named after a person ("Hồ Chí Minh"): the địa danh is the full name."""

    @property
    def ten_day_du(self) -> str:
        """``"Tỉnh Cao Bằng"``, ``"Thành phố Hà Nội"``."""
        return f"{_viet_hoa_dau(self.loai)} {self.ten}"

    @property
    def co_quan(self) -> str:
        """The people's committee: ``"Ủy ban nhân dân tỉnh Cao Bằng"``."""
        return f"{_CO_QUAN} {self.loai} {self.ten}"

    @property
    def dia_danh(self) -> str:
        """The place name of Phụ lục I, II.4.a: ``"Cao Bằng"``, ``"Thành phố Hồ Chí Minh"``."""
        return self.ten_day_du if self.dia_danh_day_du else self.ten


@dataclass(frozen=True, slots=True)
class Xa:
    """A commune-level unit (*xã*, *phường* or *đặc khu*)."""

    ma: str
    """Official code, five digits: ``"01273"``."""
    ten: str
    """Name without the type word: ``"Trường Hà"``."""
    loai: str
    """``"xã"``, ``"phường"`` or ``"đặc khu"``."""
    tinh: Tinh = field(compare=False)
    dia_danh_day_du: bool = False
    """Named by a number or after a person or event: the địa danh is the full name."""

    @property
    def ten_day_du(self) -> str:
        """``"Xã Trường Hà"``."""
        return f"{_viet_hoa_dau(self.loai)} {self.ten}"

    @property
    def co_quan(self) -> str:
        """The people's committee: ``"Ủy ban nhân dân xã Trường Hà"``."""
        return f"{_CO_QUAN} {self.loai} {self.ten}"

    @property
    def dia_danh(self) -> str:
        """The place name of Phụ lục I, II.4.a.

        The official name of the unit where the agency sits: ``"Trường Hà"``; the full
        name for a unit named by a number or after a person or historical event
        (``"Phường Hà Giang 1"``, ``"Phường Trần Phú"``).
        """
        return self.ten_day_du if self.dia_danh_day_du else self.ten


@dataclass(frozen=True, slots=True)
class DonViCu:
    """A unit that no longer exists: a pre-2025 province or a district-level unit."""

    ten: str
    loai: str
    """``"tỉnh"``, ``"thành phố"``, ``"huyện"``, ``"quận"`` or ``"thị xã"``."""
    tinh: str
    """For a district, the name of its old province; for an old province, the name of
    the 2025 province it is now part of."""
    tinh_moi: Tinh | None = None
    """The 2025 province the unit now lies in (for an old province)."""

    @property
    def ten_day_du(self) -> str:
        """``"Huyện Hà Quảng"``."""
        return f"{_viet_hoa_dau(self.loai)} {self.ten}"


@dataclass(frozen=True)
class _Data:
    nguon: Mapping[str, Any]
    tinh: tuple[Tinh, ...]
    xa: Mapping[str, tuple[Xa, ...]]  # province code -> communes, by code
    tinh_theo_khoa: Mapping[str, Tinh]
    xa_theo_khoa: Mapping[str, tuple[Xa, ...]]  # name key -> communes of that name
    tinh_cu: tuple[DonViCu, ...]
    huyen_cu: tuple[DonViCu, ...]


@cache
def _data() -> _Data:
    raw = json.loads((files(_PACKAGE) / _RESOURCE).read_text(encoding="utf-8"))
    provinces: list[Tinh] = []
    communes: dict[str, tuple[Xa, ...]] = {}
    by_key: dict[str, list[Xa]] = {}
    for p in raw["tinh"]:
        tinh = Tinh(p["ma"], p["ten"], p["loai"], bool(p.get("dia_danh_day_du", False)))
        provinces.append(tinh)
        xs = tuple(Xa(x[0], x[1], x[2], tinh, len(x) > 3 and bool(x[3])) for x in p["xa"])
        communes[tinh.ma] = xs
        for x in xs:
            by_key.setdefault(khoa(x.ten), []).append(x)
    code = {t.ma: t for t in provinces}
    old_provinces = tuple(
        DonViCu(t["ten"], t["loai"], code[t["nay_thuoc"]].ten, code[t["nay_thuoc"]])
        for t in raw["tinh_cu"]
    )
    districts = tuple(DonViCu(h[1], h[0], h[2]) for h in raw["huyen_cu"])
    return _Data(
        nguon=MappingProxyType(raw["nguon"]),
        tinh=tuple(provinces),
        xa=MappingProxyType(communes),
        tinh_theo_khoa=MappingProxyType({khoa(t.ten): t for t in provinces}),
        xa_theo_khoa=MappingProxyType({k: tuple(v) for k, v in by_key.items()}),
        tinh_cu=old_provinces,
        huyen_cu=districts,
    )


def nguon() -> Mapping[str, Any]:
    """The data file's header: source package, version, licence, date and counts."""
    return _data().nguon


def cac_tinh() -> tuple[Tinh, ...]:
    """The 34 provinces, by official code."""
    return _data().tinh


def tach_loai(ten: str) -> tuple[str | None, str]:
    """Split a leading type word off a name: ``"xã Trường Hà"`` -> ``("xã", "Trường Hà")``.

    Returns ``(None, name)`` when the name has no type word. The name part keeps the
    caller's spelling, trimmed and with runs of spaces collapsed.
    """
    text = " ".join(ten.split())
    for n_words in (2, 1):
        words = text.split(" ", n_words)
        if len(words) <= n_words:
            continue
        loai = _TU_LOAI.get(khoa(" ".join(words[:n_words])))
        if loai is not None:
            return loai, words[n_words]
    # "TP.Hồ Chí Minh", "T.P. Huế": the abbreviation glued to the name.
    m = re.match(r"(?i)^t\.?\s*p\.\s*(.+)$", text)
    if m:
        return "thành phố", m.group(1)
    return None, text


def tim_tinh(ten: str) -> Tinh | None:
    """The province of that name, or ``None``.

    Accepts ``"Cao Bằng"``, ``"tỉnh Cao Bằng"``, ``"Thành phố Hà Nội"``,
    ``"TP. Hồ Chí Minh"``, ``"TP.HCM"``, in any case or Unicode form. A type word that
    does not fit (``"tỉnh Hà Nội"``) gives ``None``.
    """
    data = _data()
    whole = khoa(ten)
    if whole in _BI_DANH_TINH:
        return next(t for t in data.tinh if t.ma == _BI_DANH_TINH[whole])
    loai, rest = tach_loai(ten)
    key = khoa(rest)
    if key in _BI_DANH_TINH and loai in (None, "thành phố"):
        return next(t for t in data.tinh if t.ma == _BI_DANH_TINH[key])
    tinh = data.tinh_theo_khoa.get(key)
    if tinh is None or (loai is not None and loai != tinh.loai):
        return None
    return tinh


def _tinh_of(tinh: str | Tinh | None) -> Tinh | None:
    if tinh is None or isinstance(tinh, Tinh):
        return tinh
    found = tim_tinh(tinh)
    if found is None:
        raise KeyError(f"unknown province: {tinh!r}")
    return found


def tim_xa(ten: str, tinh: str | Tinh | None = None) -> tuple[Xa, ...]:
    """The communes of that name, in ``tinh`` if given, by official code.

    Accepts ``"Trường Hà"`` or ``"xã Trường Hà"``; a type word that does not fit gives
    no match (``"phường Trường Hà"``). Names are unique within a province but not
    across provinces, so without ``tinh`` there may be several results.

    Raises:
        KeyError: ``tinh`` is a name that is not a province.
    """
    province = _tinh_of(tinh)
    loai, rest = tach_loai(ten)
    found = _data().xa_theo_khoa.get(khoa(rest), ())
    if not found and loai is None:
        # A name that itself starts with a type-like word is tried whole.
        found = _data().xa_theo_khoa.get(khoa(ten), ())
    return tuple(
        x
        for x in found
        if (province is None or x.tinh.ma == province.ma) and (loai is None or x.loai == loai)
    )


def xa_cua_tinh(tinh: str | Tinh) -> tuple[Xa, ...]:
    """All communes of a province, by official code.

    Raises:
        KeyError: ``tinh`` is a name that is not a province.
    """
    province = _tinh_of(tinh)
    assert province is not None
    return _data().xa[province.ma]


def bang_xa(tinh: str | Tinh) -> list[dict[str, str]]:
    """One row per commune of a province, for a batch table.

    Columns: ``ma``, ``ten``, ``loai`` (xã / phường / đặc khu), ``ten_day_du``,
    ``co_quan`` ("Ủy ban nhân dân xã Trường Hà"), ``co_quan_hoa`` (the same in capitals,
    as the header prints it), ``dia_danh`` (Phụ lục I, II.4.a) and ``tinh``.
    """
    return [
        {
            "ma": x.ma,
            "ten": x.ten,
            "loai": x.loai,
            "ten_day_du": x.ten_day_du,
            "co_quan": x.co_quan,
            "co_quan_hoa": x.co_quan.upper(),
            "dia_danh": x.dia_danh,
            "tinh": x.tinh.ten,
        }
        for x in xa_cua_tinh(tinh)
    ]


def huyen_cu(ten: str) -> tuple[DonViCu, ...]:
    """The pre-2025 district-level units of that name (with or without the type word)."""
    m = re.match(r"(?i)^\s*(huyện|quận|thị xã|thành phố)\s+(.+)$", " ".join(ten.split()))
    loai, rest = (khoa(m.group(1)), m.group(2)) if m else (None, ten)
    key = khoa(rest)
    return tuple(
        h for h in _data().huyen_cu if khoa(h.ten) == key and (loai is None or khoa(h.loai) == loai)
    )


def tim_tinh_cu(ten: str) -> DonViCu | None:
    """A pre-2025 province that is no longer one (``"Hà Giang"`` -> part of Tuyên Quang).

    Returns ``None`` for a name that is still a province's (``"Cao Bằng"``) or unknown.
    """
    loai, rest = tach_loai(ten)
    key = khoa(rest)
    if key in _data().tinh_theo_khoa:
        return None
    for t in _data().tinh_cu:
        if khoa(t.ten) == key and (loai is None or t.loai == loai):
            return t
    return None


def goi_y(ten: str, *, tinh: str | Tinh | None = None, n: int = 5) -> tuple[str, ...]:
    """The closest known names to an unknown unit, best first.

    With the type word "tỉnh"/"thành phố" the candidates are provinces, written
    ``"Tỉnh Cao Bằng"``; an old province first suggests the province it is now part
    of. With a commune type word, or with ``tinh``, they are communes (of ``tinh`` if
    given), written ``"Xã Trường Hà (Cao Bằng)"``; with neither, both. Matching ignores
    diacritics and tone placement, so "Truong Ha" suggests "Xã Trường Hà".
    """
    province = _tinh_of(tinh)
    loai, rest = tach_loai(ten)
    target = khong_dau(rest)
    scored: list[tuple[float, str]] = []
    first: list[str] = []
    if loai in LOAI_TINH or (loai is None and province is None):
        old = tim_tinh_cu(ten)
        if old is not None and old.tinh_moi is not None:
            first.append(old.tinh_moi.ten_day_du)
        scored += [(_giong(target, khong_dau(t.ten)), t.ten_day_du) for t in cac_tinh()]
    if loai not in LOAI_TINH:
        pool: tuple[Xa, ...] = (
            xa_cua_tinh(province)
            if province
            else tuple(x for xs in _data().xa.values() for x in xs)
        )
        typed = tuple(x for x in pool if loai is None or x.loai == loai) or pool
        scored += [
            (_giong(target, khong_dau(x.ten)), f"{x.ten_day_du} ({x.tinh.ten})") for x in typed
        ]
    best = [name for score, name in sorted(scored, key=lambda s: -s[0]) if score >= 0.6]
    return tuple(dict.fromkeys(first + best))[:n]


def _giong(a: str, b: str) -> float:
    """Similarity in [0, 1] of two unaccented keys (difflib's ratio)."""
    return difflib.SequenceMatcher(None, a, b).ratio()


_DON_VI_CUOI = re.compile(r"(?i)(?:^|\s)(tỉnh|thành phố|xã|phường|đặc khu)\s+(\S.*)$")


def tim_trong_ten_co_quan(ten_co_quan: str) -> tuple[str, str] | None:
    """The unit named at the end of an agency's name, as ``(type word, name)``.

    ``"ỦY BAN NHÂN DÂN XÃ TRƯỜNG HÀ"`` -> ``("xã", "TRƯỜNG HÀ")``;
    ``"Sở Nội vụ tỉnh Cao Bằng"`` -> ``("tỉnh", "Cao Bằng")``. The last type word wins,
    so ``"UBND xã Tân Thành, tỉnh Lạng Sơn"`` gives the province: split such a name
    at the comma first. Returns ``None`` when there is no type word.
    """
    text = " ".join(ten_co_quan.split())
    best: tuple[str, str] | None = None
    for m in re.finditer(r"(?i)(?<!\w)(tỉnh|thành phố|xã|phường|đặc khu)\s+", text):
        rest = text[m.end() :].strip(" ,.;")
        if rest and not re.match(r"(?i)(tỉnh|thành phố|xã|phường|đặc khu)\b", rest):
            best = (khoa(m.group(1)), rest)
    if best is None:
        return None
    return _TU_LOAI[best[0]], best[1]


def canh_bao_don_vi(ten: str, *, tinh: str | Tinh | None = None) -> tuple[tuple[str, str], ...]:
    """Warnings, as (Vietnamese, English) pairs, for a unit name that is not known.

    ``ten`` is a province (``"tỉnh Cao Bằng"``) or a commune (``"xã Trường Hà"``, looked
    up in ``tinh`` if given). A known unit gives ``()``. An unknown one gives one
    warning naming the closest known units; an old province or district says what
    happened to it.
    """
    loai, _ = tach_loai(ten)
    shown = " ".join(ten.split())
    if loai in LOAI_TINH or (loai is None and tinh is None and tim_tinh(ten) is not None):
        if tim_tinh(ten) is not None:
            return ()
        old = tim_tinh_cu(ten)
        if old is not None and old.tinh_moi is not None:
            new = old.tinh_moi.ten_day_du
            return (
                (
                    f"“{shown}” không còn là đơn vị hành chính cấp tỉnh từ ngày 01/7/2025;"
                    f" nay thuộc {new} (Nghị quyết số 202/2025/QH15).",
                    f"“{shown}” has not been a province since 1 July 2025; it is now part"
                    f" of {new} (Resolution 202/2025/QH15).",
                ),
            )
    else:
        try:
            found = tim_xa(ten, tinh)
        except KeyError:
            found = ()
        if found:
            return ()
        if tinh is None and loai is None and tim_tinh(ten) is not None:
            return ()
    hints = goi_y(ten, tinh=None if isinstance(tinh, str) and tim_tinh(tinh) is None else tinh)
    vi_hint = f" Có phải: {'; '.join(hints)}?" if hints else ""
    en_hint = f" Did you mean: {'; '.join(hints)}?" if hints else ""
    where_vi = f" thuộc {_tinh_of_safe(tinh)}" if tinh is not None else ""
    where_en = f" in {_tinh_of_safe(tinh)}" if tinh is not None else ""
    return (
        (
            f"Không tìm thấy đơn vị hành chính “{shown}”{where_vi} trong danh mục từ"
            f" 01/7/2025.{vi_hint}",
            f"No administrative unit “{shown}”{where_en} in the list in force since"
            f" 1 July 2025.{en_hint}",
        ),
    )


def _tinh_of_safe(tinh: str | Tinh | None) -> str:
    if isinstance(tinh, Tinh):
        return tinh.ten_day_du
    found = tim_tinh(tinh) if tinh is not None else None
    return found.ten_day_du if found is not None else str(tinh)
