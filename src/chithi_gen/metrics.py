"""Text widths in Times New Roman, for drawing the decree's rules to the right length.

Phụ lục I, II.1.b and II.2.b/II.5.b measure the horizontal rules against their line
of text ("as long as the line", "1/3 to 1/2 of the line"), so the renderer needs the
width of a line before Word lays it out. The advance widths in ``data/metrics.json``
are those of Liberation Serif, metric-compatible with Times New Roman (built by
``scripts/build_metrics.py``).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files

#: Width used for a character missing from the table (the average of the lower case).
_FALLBACK = 500


@cache
def _table() -> dict[str, dict[str, int]]:
    raw = json.loads(files("chithi_gen").joinpath("data/metrics.json").read_text("utf-8"))
    return {k: v for k, v in raw.items() if isinstance(v, dict)}


def _face(bold: bool, italic: bool) -> str:
    if bold and italic:
        return "bold_italic"
    return "bold" if bold else "italic" if italic else "regular"


def text_width(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> int:
    """Width of ``text`` set in one line, in twips (1/20 pt)."""
    widths = _table()[_face(bold, italic)]
    units = sum(widths.get(ch, _FALLBACK) for ch in text)
    return round(units * size_pt * 20 / 1000)


#: Words that stay on the line of the number or date after them ("số 05-CT/HU",
#: "ngày 10/02/2026"), as a văn thư breaks title lines.
_GLUE_BEFORE_NUMBER = {"số", "ngày", "tháng", "năm", "Số", "Ngày"}


#: Words a header line is best broken before ("ỦY BAN NHÂN DÂN" / "HUYỆN HÀ QUẢNG"),
#: so that "NHÂN DÂN" is never split even when another break is narrower.
_BREAK_BEFORE = {
    "TỈNH",
    "THÀNH",
    "HUYỆN",
    "QUẬN",
    "THỊ",
    "XÃ",
    "PHƯỜNG",
    "tỉnh",
    "thành",
    "huyện",
    "quận",
    "thị",
    "xã",
    "phường",
}


def _words(text: str) -> list[str]:
    """Split at spaces, keeping "số 05" and "ngày 10/02/2026" unbreakable."""
    out: list[str] = []
    # Split at single spaces only: a draft's blank ("số      /QĐ-UBND") stays whole.
    for word in re.split(r"(?<=\S) (?=\S)", text.strip()):
        if out and out[-1].split(" ")[-1] in _GLUE_BEFORE_NUMBER and word[:1].isdigit():
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def wrap_balanced(
    text: str, max_twips: int, size_pt: float, *, bold: bool = False, italic: bool = False
) -> list[str]:
    """Break ``text`` at spaces into the fewest lines that fit, as even as possible.

    Used for header lines (the agency name) that should break like a person breaks
    them ("ỦY BAN NHÂN DÂN" / "HUYỆN HÀ QUẢNG"), not where the line happens to fill up.
    A single word wider than ``max_twips`` stays on its own line.
    """
    words = _words(text)
    if not words:
        return [text]

    def width(ws: list[str]) -> int:
        return text_width(" ".join(ws), size_pt, bold=bold, italic=italic)

    if width(words) <= max_twips:
        return [" ".join(words)]
    n = len(words)
    for count in range(2, n + 1):
        best: tuple[int, int, list[str]] | None = None
        # Try every split into `count` lines (small n: names have < 15 words); prefer
        # breaks before an administrative word, then the narrowest widest line.
        for cuts in _splits(n, count):
            lines = [words[a:b] for a, b in zip((0, *cuts), (*cuts, n), strict=True)]
            widest = max(width(line) for line in lines)
            penalty = sum(words[c] not in _BREAK_BEFORE for c in cuts)
            if widest <= max_twips and (best is None or (penalty, widest) < best[:2]):
                best = (penalty, widest, [" ".join(line) for line in lines])
        if best is not None:
            return best[2]
        if count >= 6:
            break
    return wrap_greedy(text, max_twips, size_pt, bold=bold, italic=italic)


def _splits(n: int, count: int) -> list[tuple[int, ...]]:
    from itertools import combinations

    if n > 16:
        return []
    return list(combinations(range(1, n), count - 1))


def wrap_greedy(
    text: str, max_twips: int, size_pt: float, *, bold: bool = False, italic: bool = False
) -> list[str]:
    """Break ``text`` the way a word processor does: fill each line, then break."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size_pt, bold=bold, italic=italic) > max_twips:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [text]
