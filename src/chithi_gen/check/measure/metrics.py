"""Times New Roman text widths, to measure a line of text against its rule.

The table ``tnr_metrics.json`` (built by ``_build_metrics.py`` from Liberation Serif,
metric-compatible with Times New Roman) gives advance widths in font units for the four
faces. Widths here are in twips (1/20 pt), the unit of WordprocessingML lengths.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any


@dataclass(frozen=True)
class Piece:
    """A stretch of text in one format: what a run contributes to a line."""

    text: str
    size_pt: float
    bold: bool = False
    italic: bool = False
    #: Extra space after each character, in twips (``w:spacing`` of the run).
    letter_spacing: float = 0.0
    #: Horizontal scale in percent (``w:w`` of the run).
    scale: float = 100.0


@cache
def _table() -> dict[str, Any]:
    text = files("chithi_gen.check").joinpath("tnr_metrics.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _face(bold: bool, italic: bool) -> str:
    if bold and italic:
        return "bold_italic"
    return "bold" if bold else "italic" if italic else "regular"


def _fallback(widths: dict[str, int]) -> int:
    return widths.get("n", 1000)


def char_units(ch: str, *, bold: bool = False, italic: bool = False) -> int:
    """Advance width of one character in font units (a missing one counts as an "n")."""
    widths: dict[str, int] = _table()["faces"][_face(bold, italic)]
    if ch in widths:
        return widths[ch]
    if ch == "\t":
        return widths[" "] * 4
    if unicodedata.combining(ch):
        return 0
    return _fallback(widths)


def piece_width(piece: Piece) -> float:
    """Width of ``piece`` in twips."""
    text = unicodedata.normalize("NFC", piece.text)
    upm: int = _table()["units_per_em"]
    units = sum(char_units(ch, bold=piece.bold, italic=piece.italic) for ch in text)
    width = units * piece.size_pt * 20 / upm * piece.scale / 100
    return width + piece.letter_spacing * len(text)


def line_width(pieces: Iterable[Piece]) -> float:
    """Width of pieces set on one line, in twips."""
    return sum(piece_width(p) for p in pieces)


def single_line_height_pt(size_pt: float) -> float:
    """Height of a single-spaced line of Times New Roman at ``size_pt``, in points."""
    table = _table()
    ratio: float = table["line_height_units"] / table["units_per_em"]
    return size_pt * ratio


def wrapped_widths(pieces: Sequence[Piece], available: float) -> list[float]:
    """Widths of the lines when ``pieces`` are broken at spaces to fit ``available`` twips.

    Greedy, as Word breaks lines. A word wider than the line stays alone on its line.
    Trailing spaces do not count toward a line's width.
    """
    # Split into words, each a list of (piece-format, text) fragments, and spaces.
    tokens: list[tuple[bool, float]] = []  # (is_space, width)
    for piece in pieces:
        word = ""
        for ch in piece.text:
            if ch.isspace():
                if word:
                    tokens.append((False, piece_width(_with(piece, word))))
                    word = ""
                tokens.append((True, piece_width(_with(piece, ch))))
            else:
                word += ch
        if word:
            tokens.append((False, piece_width(_with(piece, word))))
    # Merge adjacent word fragments (a word split across runs).
    merged: list[tuple[bool, float]] = []
    for is_space, width in tokens:
        if merged and not is_space and not merged[-1][0]:
            merged[-1] = (False, merged[-1][1] + width)
        else:
            merged.append((is_space, width))
    lines: list[float] = []
    current = 0.0
    pending_space = 0.0
    for is_space, width in merged:
        if is_space:
            pending_space += width
            continue
        if current and current + pending_space + width > available:
            lines.append(current)
            current = width
        else:
            current += pending_space + width
        pending_space = 0.0
    if current or not lines:
        lines.append(current)
    return lines


def _with(piece: Piece, text: str) -> Piece:
    return Piece(text, piece.size_pt, piece.bold, piece.italic, piece.letter_spacing, piece.scale)
