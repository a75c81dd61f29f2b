"""Keys that match Vietnamese names whatever their case, Unicode form, spacing or tone placement."""

from __future__ import annotations

import unicodedata

__all__ = ["khoa", "khong_dau"]

# The five tone marks (dấu thanh) in decomposed form: huyền, sắc, ngã, hỏi, nặng.
_DAU_THANH = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _words(text: str) -> list[str]:
    """NFD, casefolded words; any character that is not a letter, digit or mark splits."""
    out: list[str] = []
    word: list[str] = []
    for ch in unicodedata.normalize("NFD", text).casefold():
        if ch.isalnum() or unicodedata.category(ch).startswith("M"):
            word.append(ch)
        elif word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return out


def khoa(text: str) -> str:
    """A matching key: ``khoa("Thanh  Hoá") == khoa("thanh hóa")``.

    Case-folded, NFC, words joined by one space, punctuation dropped ("TP." -> "tp"),
    and each word's tone mark moved after its letters, so the old and new tone
    placements ("Hoà"/"Hòa", "Thuỷ"/"Thủy") give the same key.
    """
    words = []
    for w in _words(text):
        tones = "".join(ch for ch in w if ch in _DAU_THANH)
        base = "".join(ch for ch in w if ch not in _DAU_THANH)
        words.append(unicodedata.normalize("NFC", base + tones))
    return " ".join(words)


def khong_dau(text: str) -> str:
    """:func:`khoa` without any diacritic: ``khong_dau("Trường Hà") == "truong ha"``."""
    words = ("".join(ch for ch in w if not unicodedata.combining(ch)) for w in _words(text))
    return " ".join(words).replace("đ", "d")
