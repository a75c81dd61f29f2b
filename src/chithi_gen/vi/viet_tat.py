"""Abbreviations of document kinds: *chữ viết tắt tên loại văn bản*.

A document's *ký hiệu* (reference code) starts with the abbreviation of its
*tên loại* (kind name) (Phụ lục I, II.3.b), taken from the table in Phụ lục
III, I ("Bảng chữ viết tắt tên loại văn bản hành chính và bản sao văn
bản"): *Chỉ thị* (directive) -> CT, *Chương trình* (programme) -> CTr,
*Kế hoạch* (plan) -> KH, *Quyết định (cá biệt)* (individual decision) -> QĐ.
The table ships with the package as ``chithi_gen/data/bang-chu-viet-tat.tsv``
(tab-separated, header ``ten_loai``, ``viet_tat``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from types import MappingProxyType

__all__ = ["bang_viet_tat", "viet_tat_loai"]

_PACKAGE = "chithi_gen"
_RESOURCE = "data/bang-chu-viet-tat.tsv"
_HEADER = ("ten_loai", "viet_tat")
_CA_BIET = re.compile(r"\s*\(\s*cá biệt\s*\)\s*$", re.IGNORECASE)
"""The *(cá biệt)* ("individual", i.e. not a legal normative document) qualifier."""

# The five tone marks (dấu thanh) in decomposed form: huyền, sắc, ngã, hỏi, nặng.
_DAU_THANH = frozenset("\u0300\u0301\u0303\u0309\u0323")


@cache
def bang_viet_tat() -> Mapping[str, str]:
    """Return the Phụ lục III, I table: kind name (*ten_loai*) -> abbreviation (*viet_tat*).

    Names and abbreviations are as printed in the decree, NFC-normalised, in
    table order; the mapping is read-only and read from the package once.

    Raises:
        ValueError: the packaged table is malformed (wrong header, a row
            without exactly two non-empty columns, or a duplicated name).
    """
    resource = files(_PACKAGE)
    for part in _RESOURCE.split("/"):
        resource = resource / part
    lines = resource.read_text(encoding="utf-8").splitlines()
    rows = [tuple(unicodedata.normalize("NFC", c.strip()) for c in ln.split("\t")) for ln in lines]
    rows = [row for row in rows if any(row)]
    if not rows or rows[0] != _HEADER:
        raise ValueError(f"{_RESOURCE}: expected header {_HEADER}, got {rows[:1]}")
    table: dict[str, str] = {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != 2 or not all(row):
            raise ValueError(f"{_RESOURCE}: row {number} is malformed: {row}")
        ten_loai, viet_tat = row
        if ten_loai in table:
            raise ValueError(f"{_RESOURCE}: duplicate name {ten_loai!r}")
        table[ten_loai] = viet_tat
    return MappingProxyType(table)


def _khoa(ten: str) -> str:
    """Return the lookup key of a kind name.

    The key ignores case, runs of whitespace and the position of the tone
    mark within a syllable, so the old and new spelling conventions (*uỷ*
    and *ủy*, *hoà* and *hòa*) find the same entry: each word's tone mark is
    moved to the end of the word in decomposed (NFD) form.
    """
    words = []
    for word in unicodedata.normalize("NFD", ten.casefold()).split():
        tones = "".join(ch for ch in word if ch in _DAU_THANH)
        words.append("".join(ch for ch in word if ch not in _DAU_THANH) + tones)
    return " ".join(words)


@cache
def _chi_muc() -> Mapping[str, str]:
    """Index of lookup keys, including each name without its "(cá biệt)" suffix."""
    index: dict[str, str] = {}
    table = bang_viet_tat()
    for ten_loai, viet_tat in table.items():
        index[_khoa(ten_loai)] = viet_tat
    for ten_loai, viet_tat in table.items():
        index.setdefault(_khoa(_CA_BIET.sub("", ten_loai)), viet_tat)
    return MappingProxyType(index)


def viet_tat_loai(ten_loai: str) -> str:
    """Return the abbreviation of a document kind: ``"Chỉ thị"`` -> ``"CT"``.

    The lookup ignores case, extra whitespace and tone-mark placement, and
    accepts a name without its "(cá biệt)" suffix: ``"quyết định"`` ->
    ``"QĐ"``, ``"Giấy ủy quyền"`` -> ``"GUQ"`` (printed "Giấy uỷ quyền").

    Raises:
        KeyError: the name is not in the table; the message lists the valid names.
    """
    try:
        return _chi_muc()[_khoa(ten_loai)]
    except KeyError:
        valid = ", ".join(bang_viet_tat())
        raise KeyError(f"unknown document kind {ten_loai!r}; valid names: {valid}") from None
