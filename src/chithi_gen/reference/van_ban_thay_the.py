"""Documents known to have been replaced, so a citation of one can be warned about.

The table ships as ``reference/data/van_ban_thay_the.json``: each old document, the
one that replaced it, from when, and the sources (each marked primary, secondary or
stated by the project's issue). A replacement may itself have been replaced
(NĐ 91/2017 → NĐ 98/2023 → NĐ 152/2025); :attr:`ThayThe.hien_hanh` follows the chain
to the document in force.

A citation is matched by its *số ký hiệu* ("98/2023/NĐ-CP", "Số 36-HD/VPTW", typed
with or without "Đ", in any case) or, for a Luật cited by name and date as Nghị định
30/2020/NĐ-CP Phụ lục I, II.6.a asks ("Luật Thi đua, khen thưởng ngày 26 tháng 11
năm 2003"), by its name and year. A name without a year is not matched when the law
in force has the same name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from chithi_gen.reference._chuan_hoa import khoa

__all__ = [
    "Nguon",
    "ThayThe",
    "VanBan",
    "cac_thay_the",
    "chuan_hoa_so_ky_hieu",
    "nguon",
    "tim_thay_the",
    "tim_trong_van_ban",
]

_PACKAGE = "chithi_gen.reference"
_RESOURCE = "data/van_ban_thay_the.json"

# State (ND30) form "98/2023/NĐ-CP", "Số: 15/QĐ-UBND"; Party form "36-HD/VPTW".
_SO_KY_HIEU = re.compile(
    r"(?<![\w/-])(\d{1,4}[ \t]*/[ \t]*(?:\d{4}[ \t]*/[ \t]*)?[^\W\d_][\w&]*(?:-[\w&]+)*"
    r"|\d{1,4}[ \t]*-[ \t]*[^\W\d_][\w&]*[ \t]*/[ \t]*[^\W\d_][\w&]*(?:-[\w&]+)*)"
)


@dataclass(frozen=True, slots=True)
class VanBan:
    """A document of the table."""

    so_ky_hieu: str
    loai: str
    """Tên loại: ``"Nghị định"``, ``"Luật"``, ``"Quy định"``, ``"Hướng dẫn"``."""
    ten: str
    co_quan: str
    ngay_ban_hanh: date | None
    hieu_luc: date | None

    @property
    def trich_dan(self) -> str:
        """How to cite it: ``"Nghị định số 152/2025/NĐ-CP ngày 14/6/2025"``."""
        ngay = f" ngày {_ngay(self.ngay_ban_hanh)}" if self.ngay_ban_hanh else ""
        return f"{self.loai} số {self.so_ky_hieu}{ngay}"


@dataclass(frozen=True, slots=True)
class Nguon:
    """A source of a replacement record."""

    cap: str
    """``"chinh"`` (primary), ``"thu_cap"`` (secondary) or ``"de_bai"`` (the issue)."""
    mo_ta: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ThayThe:
    """One replacement: ``van_ban`` was replaced by ``thay_the_boi``."""

    van_ban: VanBan
    thay_the_boi: VanBan
    hien_hanh: VanBan
    """The end of the chain of replacements: the document in force."""
    tu_ngay: date | None
    """The day the old document stopped applying, when known."""
    nam: tuple[int, ...]
    """Years a by-name citation of the old document may carry."""
    nguon: tuple[Nguon, ...]
    ghi_chu: str | None = None

    @property
    def canh_bao(self) -> tuple[str, str]:
        """The warning as a (Vietnamese, English) pair, naming the document in force."""
        old, by, new = self.van_ban, self.thay_the_boi, self.hien_hanh
        tu_vi = f" từ ngày {_ngay(self.tu_ngay)}" if self.tu_ngay else ""
        tu_en = f" from {self.tu_ngay.isoformat()}" if self.tu_ngay else ""
        if new == by:
            return (
                f"{old.loai} số {old.so_ky_hieu} ({old.ten}) đã được thay thế{tu_vi} bởi"
                f" {new.trich_dan}: {new.ten}. Hãy viện dẫn văn bản đang có hiệu lực.",
                f"{old.loai} {old.so_ky_hieu} ({old.ten}) was replaced{tu_en} by"
                f" {new.loai} {new.so_ky_hieu}. Cite the document in force.",
            )
        return (
            f"{old.loai} số {old.so_ky_hieu} ({old.ten}) đã được thay thế{tu_vi} bởi"
            f" {by.loai} số {by.so_ky_hieu}; văn bản đang có hiệu lực là {new.trich_dan}:"
            f" {new.ten}. Hãy viện dẫn văn bản đang có hiệu lực.",
            f"{old.loai} {old.so_ky_hieu} ({old.ten}) was replaced{tu_en} by"
            f" {by.so_ky_hieu}; the document in force is {new.loai} {new.so_ky_hieu}."
            " Cite the document in force.",
        )


def _ngay(d: date | None) -> str:
    """``date(2025, 6, 14)`` -> ``"14/6/2025"`` (the day/month form of a citation)."""
    if d is None:
        return ""
    return (
        f"{d.day:02d}/{d.month}/{d.year}" if d.month > 2 else f"{d.day:02d}/{d.month:02d}/{d.year}"
    )


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class _Data:
    nguon: Mapping[str, Any]
    van_ban: Mapping[str, VanBan]
    thay_the: tuple[ThayThe, ...]
    theo_so: Mapping[str, ThayThe]


@cache
def _data() -> _Data:
    raw = json.loads((files(_PACKAGE) / _RESOURCE).read_text(encoding="utf-8"))
    docs = {
        chuan_hoa_so_ky_hieu(v["so_ky_hieu"]): VanBan(
            v["so_ky_hieu"],
            v["loai"],
            v["ten"],
            v["co_quan"],
            _date(v["ngay_ban_hanh"]),
            _date(v["hieu_luc"]),
        )
        for v in raw["van_ban"]
    }
    by_old = {chuan_hoa_so_ky_hieu(t["van_ban"]): t for t in raw["thay_the"]}

    def in_force(key: str) -> VanBan:
        seen = {key}
        while key in by_old:
            key = chuan_hoa_so_ky_hieu(by_old[key]["thay_the_boi"])
            if key in seen:
                raise ValueError(f"replacement cycle at {key}")
            seen.add(key)
        return docs[key]

    records = tuple(
        ThayThe(
            van_ban=docs[old],
            thay_the_boi=docs[chuan_hoa_so_ky_hieu(t["thay_the_boi"])],
            hien_hanh=in_force(old),
            tu_ngay=_date(t["tu_ngay"]),
            nam=tuple(t["nam"]),
            nguon=tuple(Nguon(n["cap"], n["mo_ta"], n.get("url")) for n in t["nguon"]),
            ghi_chu=t.get("ghi_chu"),
        )
        for old, t in by_old.items()
    )
    return _Data(
        nguon=MappingProxyType(raw["nguon"]),
        van_ban=MappingProxyType(docs),
        thay_the=records,
        theo_so=MappingProxyType({chuan_hoa_so_ky_hieu(r.van_ban.so_ky_hieu): r for r in records}),
    )


def nguon() -> Mapping[str, Any]:
    """The table's header: what it holds, when it was updated, what the source levels mean."""
    return _data().nguon


def cac_thay_the() -> tuple[ThayThe, ...]:
    """Every replacement record, in table order."""
    return _data().thay_the


def chuan_hoa_so_ky_hieu(so_ky_hieu: str) -> str:
    """A comparable form: ``"Số: 98/2023/nd-cp"`` -> ``"98/2023/NĐ-CP"``.

    Drops a leading "Số"/"số" and colon, spaces, leading zeros of the number; upper-cases;
    reads "ND" as "NĐ" and "QD" as "QĐ" (a missing "Đ" is a common typing slip).
    """
    text = re.sub(r"(?i)^\s*số\s*:?\s*", "", so_ky_hieu.strip())
    text = re.sub(r"\s+", "", text).upper()
    text = re.sub(r"(?<![A-ZĐ])ND(?=-|/|$)", "NĐ", text)
    text = re.sub(r"(?<![A-ZĐ])QD(?=-|/|$)", "QĐ", text)
    return re.sub(r"^0+(?=\d)", "", text)


@cache
def _ten_keys() -> tuple[tuple[str, tuple[ThayThe, ...]], ...]:
    """(name key, records of that name) for records matched by name and year, longest first."""
    by_key: dict[str, list[ThayThe]] = {}
    for r in _data().thay_the:
        if r.nam:
            by_key.setdefault(khoa(r.van_ban.ten), []).append(r)
    return tuple(sorted(((k, tuple(v)) for k, v in by_key.items()), key=lambda p: -len(p[0])))


@cache
def _tails() -> tuple[str, ...]:
    """The last two words of every name matched by name ("khen thưởng", "địa phương" …):
    a text that cites one by name holds them (casefolded, NFC)."""
    tails = set()
    for _, records in _ten_keys():
        for r in records:
            words = re.findall(r"\w+", unicodedata.normalize("NFC", r.van_ban.ten).casefold())
            tails.add(" ".join(words[-2:]))
    return tuple(sorted(tails))


_YEAR = re.compile(r"(?<!\d)(?:19[4-9]\d|20\d\d)(?!\d)")


def _year_after(key_text: str, end: int) -> int | None:
    """The first year (four digits, 1945-2099) in the eight words after ``end``."""
    words = key_text[end:].split()[:8]
    for w in words:
        if re.fullmatch(r"(19[4-9]\d|20\d\d)", w):
            return int(w)
        m = re.fullmatch(r"(?:\d{1,4}/){1,3}(19[4-9]\d|20\d\d)(?:/\w+)?", w)
        if m:
            return int(m.group(1))
    return None


def tim_thay_the(so_ky_hieu: str | None = None, ten: str | None = None) -> ThayThe | None:
    """The replacement record of a cited document, or ``None`` if it is not known replaced.

    ``so_ky_hieu`` is the number and code as cited ("98/2023/NĐ-CP", "Số 36-HD/VPTW");
    ``ten`` the name text, with the date for a Luật ("Luật Thi đua, khen thưởng ngày
    26 tháng 11 năm 2003"). The number wins when both are given.
    """
    if so_ky_hieu:
        found = _data().theo_so.get(chuan_hoa_so_ky_hieu(so_ky_hieu))
        if found is not None:
            return found
    if ten:
        for r in tim_trong_van_ban(ten):
            return r
    return None


@cache
def _ten_patterns() -> tuple[tuple[re.Pattern[str], tuple[ThayThe, ...]], ...]:
    """:func:`_ten_keys` compiled once."""
    return tuple((re.compile(rf"(?<!\w){re.escape(k)}(?!\w)"), r) for k, r in _ten_keys())


def _windows(text: str) -> list[tuple[int, str]]:
    """The parts of ``text`` that may cite a document by name, with their offsets: around
    each end of a known name (a name is under 120 characters, its year within eight
    words after it). Most texts have none, and the costly key is built for these only."""
    if not _YEAR.search(text):
        return []
    low = unicodedata.normalize("NFC", text).casefold()
    spans: list[list[int]] = []
    for tail in _tails():
        for m in re.finditer(r"\W+".join(map(re.escape, tail.split())), low):
            a, b = max(0, m.start() - 240), min(len(low), m.end() + 120)
            if spans and a <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], b)
            else:
                spans.append([a, b])
    spans.sort()
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    scale = len(text) / max(1, len(low))
    return [(round(a * scale), low[a:b]) for a, b in merged]


@lru_cache(maxsize=1 << 12)
def _by_name(text: str) -> tuple[tuple[int, ThayThe], ...]:
    """Citations by name and year of an old document in ``text``, with offsets (kept:
    a campaign's windows repeat from row to row of a batch)."""
    key_text = khoa(text)
    hits: list[tuple[int, ThayThe]] = []
    taken: list[tuple[int, int]] = []
    for pattern, records in _ten_patterns():
        for m in pattern.finditer(key_text):
            if any(a <= m.start() < b for a, b in taken):
                continue  # inside a longer name: "Luật sửa đổi … của Luật Thi đua …"
            taken.append((m.start(), m.end()))
            year = _year_after(key_text, m.end())
            for record in records:
                if year in record.nam:
                    # Offsets differ between text and key_text; order by a proportional guess.
                    hits.append((round(m.start() * len(text) / max(1, len(key_text))), record))
    return tuple(hits)


@lru_cache(maxsize=1 << 12)
def tim_trong_van_ban(text: str) -> tuple[ThayThe, ...]:
    """Every replaced document cited in ``text``, in order of first citation, each once.

    Finds citations by number anywhere in the text, and by name followed (within eight
    words) by a year of the old document: "Luật Tổ chức chính quyền địa phương ngày
    19 tháng 6 năm 2015". A name followed by another year ("… năm 2025") or none is
    taken for the document in force.
    """
    hits: list[tuple[int, ThayThe]] = []
    for m in _SO_KY_HIEU.finditer(text):
        code = chuan_hoa_so_ky_hieu(m.group(1))
        found = _data().theo_so.get(code)
        while found is None and "-" in code.rsplit("/", 1)[-1]:
            code = code.rsplit("-", 1)[0]  # "98/2023/NĐ-CP-0": a suffix glued on
            found = _data().theo_so.get(code)
        if found is not None:
            hits.append((m.start(), found))
    for at, window in _windows(text):
        hits += [(at + off, record) for off, record in _by_name(window)]
    hits.sort(key=lambda h: h[0])
    return tuple(dict.fromkeys(r for _, r in hits))
