"""Upper case for Vietnamese text: *chữ in hoa* (capital letters).

ND30 prints several elements in capitals -- the *Quốc hiệu* (national
title), the issuing body's name, the document kind (Phụ lục I, II.1.a, II.2.b,
II.5.b) -- while the source text arrives in ordinary case.  Python's
``str.upper`` maps every Vietnamese letter correctly (``đ`` -> ``Đ``,
``ủ`` -> ``Ủ``), but text pasted from other systems is often decomposed (a
base letter followed by combining diacritics, Unicode NFD); such text is
normalised to the precomposed form (NFC) before and after case mapping so the
output is always precomposed, which is what document fonts and search
expect.
"""

from __future__ import annotations

import unicodedata

__all__ = ["in_hoa", "viet_hoa_dau", "viet_thuong_dau"]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def in_hoa(text: str) -> str:
    """Return ``text`` in capitals, precomposed (NFC).

    ``"ủy ban nhân dân huyện hà quảng"`` -> ``"ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG"``.
    """
    return _nfc(_nfc(text).upper())


def viet_hoa_dau(text: str) -> str:
    """Capitalise the first letter of ``text`` and leave the rest unchanged, in NFC.

    *Viết hoa* means "to capitalise"; *đầu* means "first".  Leading
    non-letters (spaces, quotes, digits, brackets) are skipped, so
    ``"“đồng ý”"`` -> ``"“Đồng ý”"``.  Unlike ``str.capitalize`` the rest of
    the text is not lower-cased.
    """
    text = _nfc(text)
    for i, ch in enumerate(text):
        if ch.isalpha():
            return _nfc(text[:i] + ch.upper() + text[i + 1 :])
    return text


def viet_thuong_dau(text: str) -> str:
    """Lower-case the first letter, to embed a name or trích yếu in a sentence.

    *Viết thường* means "to write in small letters". ``"Chương trình hành động …"`` ->
    ``"chương trình hành động …"`` ("Ban hành Chương trình hành động thực hiện …"); an
    acronym (``"UBND …"``: two capitals) is left alone.
    """
    text = _nfc(text)
    if len(text) >= 2 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
