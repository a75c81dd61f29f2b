"""The labels body paragraphs open with, and the style of each: "I.", "1.", "1.1.", "a)", "-".

A clerk types them (manual numbering, "1.<tab>…") or lets Word number the list; either
way the label is read here with its style (those of :mod:`chithi_gen.numbering`) and its
numbers, and where the paragraph's own text starts after it. Each numbered style has
a rank — Roman above Arabic above decimal (by its number of parts) above letters — that
orders the levels of the body (Phụ lục I, II.6.đ).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chithi_gen.check.read.ooxml import child, wattr
from chithi_gen.check.read.paragraph import Paragraph
from chithi_gen.check.read.styles import Styles
from chithi_gen.numbering import Style
from chithi_gen.vi.chu_cai import ALPHABET
from chithi_gen.vi.la_ma import so_la_ma

_ROMAN = re.compile(r"^\s*([IVXLC]{1,7})\s*\.(?=\s|$)")
_DECIMAL = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})+)\.?(?=\s|$)")
_ARABIC = re.compile(r"^\s*(\d{1,3})\s*[.)/](?=\s|$)")
_LETTER = re.compile(r"^\s*([a-zđ]{1,2})\s*[)](?=\s|$)|^\s*([a-zđ])[./](?=\s)")
_DASH = re.compile(r"^\s*[-–—•](?=\s|[^\W\d_])")
_PLUS = re.compile(r"^\s*\+(?=\s|[^\W\d_])")


@dataclass(frozen=True, slots=True)
class Label:
    """A label: its style, its numbers (several for a decimal one, none for a bullet),
    where the paragraph's text starts after it, and how it was printed."""

    style: Style
    numbers: tuple[int, ...]
    end: int
    text: str
    #: Whether Word's list numbering printed it (no label in the paragraph's text).
    automatic: bool = False

    @property
    def rank(self) -> int | None:
        """The level order of a numbered style (None for a bullet)."""
        if self.style == "la_ma":
            return 0
        if self.style == "so":
            return 1
        if self.style == "thap_phan":
            return len(self.numbers)
        if self.style == "chu":
            return 20
        return None

    @property
    def number(self) -> int | None:
        """The item's own number (its last part), if known."""
        return self.numbers[-1] if self.numbers else None


def _roman(text: str) -> int | None:
    for n in range(1, 400):
        if so_la_ma(n) == text:
            return n
    return None


def _letter(text: str) -> int | None:
    """1 for "a", 5 for "đ", 24 for "aa" (the sequence of :func:`~chithi_gen.vi.chu_cai`)."""
    value = 0
    for ch in text:
        if ch not in ALPHABET:
            return None
        value = value * len(ALPHABET) + ALPHABET.index(ch) + 1
    return value


def read_label(text: str) -> Label | None:
    """The label ``text`` opens with, or None."""
    m = _ROMAN.match(text)
    if m and (n := _roman(m.group(1))) is not None:
        return Label("la_ma", (n,), _skip(text, m.end()), m.group(0).strip())
    m = _DECIMAL.match(text)
    if m:
        parts = tuple(int(x) for x in m.group(1).split("."))
        return Label("thap_phan", parts, _skip(text, m.end()), m.group(0).strip())
    m = _ARABIC.match(text)
    if m:
        return Label("so", (int(m.group(1)),), _skip(text, m.end()), m.group(0).strip())
    m = _LETTER.match(text)
    if m and (n := _letter(m.group(1) or m.group(2))) is not None:
        return Label("chu", (n,), _skip(text, m.end()), m.group(0).strip())
    m = _DASH.match(text)
    if m:
        return Label("gach", (), _skip(text, m.end()), "-")
    m = _PLUS.match(text)
    if m:
        return Label("cong", (), _skip(text, m.end()), "+")
    return None


def _skip(text: str, end: int) -> int:
    while end < len(text) and text[end].isspace():
        end += 1
    return end


_FORMATS: dict[str, Style] = {
    "upperRoman": "la_ma",
    "decimal": "so",
    "lowerLetter": "chu",
    "decimalZero": "so",
}


def list_label(p: Paragraph, styles: Styles) -> Label | None:
    """The label Word's list numbering prints before ``p``, or None (its number is not
    counted here: the body's order gives it)."""
    lvl = styles.numbering_level(p.props.num_id, p.props.ilvl)
    if lvl is None:
        return None
    fmt = wattr(child(lvl, "numFmt"), "val") or ""
    text = wattr(child(lvl, "lvlText"), "val") or ""
    if fmt == "bullet":
        style: Style = "cong" if text.strip() == "+" else "gach"
        return Label(style, (), 0, text.strip() or "-", automatic=True)
    found = _FORMATS.get(fmt)
    if found is None:
        return None
    levels = text.count("%")
    if found == "so" and levels >= 2:
        return Label("thap_phan", (0,) * levels, 0, text, automatic=True)
    return Label(found, (), 0, text, automatic=True)


def label_of(p: Paragraph, styles: Styles) -> Label | None:
    """The label of a body paragraph: typed in its text, or printed by Word's list."""
    return read_label(p.text) or list_label(p, styles)
