"""Build ``tnr_metrics.json``: Times New Roman advance widths for the checker.

The checker measures lines of text to judge the horizontal rules (đường kẻ) of
Phụ lục I, II.1.b, II.2.b and II.5.b, which are defined relative to "the length of
the line of text". Times New Roman itself is not free to ship, so the widths are
read from Liberation Serif 2, which is metric-compatible with Times New Roman (every
Latin and Vietnamese glyph has the same advance width).

The checker is independent of the generator, so it ships its own table rather than
reading ``chithi_gen.data``. Run from the repository root (needs ``fonttools``)::

    .venv/bin/python src/chithi_gen/check/_build_metrics.py

Output is deterministic: re-running it leaves git clean.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FACES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold_italic": "LiberationSerif-BoldItalic.ttf",
}
OUT = Path(__file__).resolve().with_name("tnr_metrics.json")

#: Code point ranges a Vietnamese administrative text may contain.
RANGES = (
    (0x20, 0x7F),  # ASCII
    (0xA0, 0x250),  # Latin-1 Supplement, Latin Extended-A and -B (Đ, ơ, ư …)
    (0x1EA0, 0x1F00),  # Latin Extended Additional: precomposed Vietnamese letters
    (0x2010, 0x2027),  # dashes, quotation marks, ellipsis, bullets
    (0x2030, 0x2031),  # per mille
)


def charset() -> list[str]:
    """Every printable character of ``RANGES`` (letters, digits, punctuation, spaces)."""
    chars = {chr(c) for lo, hi in RANGES for c in range(lo, hi)}
    return sorted(c for c in chars if unicodedata.category(c)[0] in "LNPSZ")


def build() -> dict[str, Any]:
    """Widths in font units per face, with the font's vertical metrics."""
    out: dict[str, Any] = {
        "source": "Liberation Serif 2, metric-compatible with Times New Roman",
        "faces": {},
    }
    chars = charset()
    for face, filename in FACES.items():
        font = TTFont(FONT_DIR / filename)
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        widths = {ch: hmtx[cmap[ord(ch)]][0] for ch in chars if ord(ch) in cmap}
        out["faces"][face] = widths
        if face == "regular":
            os2 = font["OS/2"]
            out["units_per_em"] = font["head"].unitsPerEm
            # Word's single line height: (usWinAscent + usWinDescent + hhea lineGap) / em.
            out["line_height_units"] = os2.usWinAscent + os2.usWinDescent + font["hhea"].lineGap
    return out


def main() -> None:
    """Write the JSON next to this module."""
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    n = len(data["faces"]["regular"])
    print(f"wrote {OUT} ({n} characters x {len(FACES)} faces)")


if __name__ == "__main__":
    main()
