"""Text widths in Times New Roman, for drawing the decree's rules to the right length.

Phụ lục I, II.1.b and II.2.b/II.5.b measure the horizontal rules against their line
of text ("as long as the line", "1/3 to 1/2 of the line"), so the renderer needs the
width of a line before Word lays it out. The advance widths in ``data/metrics.json``
are those of Liberation Serif, metric-compatible with Times New Roman (built by
``scripts/build_metrics.py``).
"""

from __future__ import annotations

import json
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
