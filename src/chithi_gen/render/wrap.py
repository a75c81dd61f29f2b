"""Line breaking of centred header and title lines, as a văn thư breaks them.

Word breaks a centred line where it fills up; a văn thư breaks it where the meaning
allows and keeps the lines balanced ("ỦY BAN NHÂN DÂN" / "HUYỆN HÀ QUẢNG"). Widths come
from :mod:`chithi_gen.render.metrics`, so the lines are decided before Word lays out
the page and Word never needs to break them again.
"""

from __future__ import annotations

import re
from itertools import combinations

from chithi_gen.render.metrics import text_width

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
