"""Build ``src/chithi_gen/data/metrics.json``: advance widths of Times New Roman.

The widths come from Liberation Serif 2, which is metric-compatible with Times New
Roman (same advance width for every Latin and Vietnamese glyph), so the table is the
one Word and LibreOffice lay out with. Widths are stored per 1000 units of the em for
the four faces, for every character a Vietnamese administrative text may contain.

Run from the repository root (needs ``fonttools`` and Debian's ``fonts-liberation2``)::

    .venv/bin/python scripts/build_metrics.py

The output is deterministic (sorted keys), so re-running it must leave git clean.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FACES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold_italic": "LiberationSerif-BoldItalic.ttf",
}
OUT = Path(__file__).resolve().parents[1] / "src" / "chithi_gen" / "data" / "metrics.json"


def _charset() -> list[str]:
    chars = {chr(c) for c in range(0x20, 0x7F)}
    chars |= {chr(c) for c in range(0xA0, 0x250)}
    chars |= {chr(c) for c in range(0x1EA0, 0x1F00)}  # Vietnamese precomposed
    chars |= set("–—‘’“”…•‰№")
    return sorted(c for c in chars if unicodedata.category(c)[0] in "LNPSZ")


def main() -> None:
    out: dict[str, object] = {
        "source": "Liberation Serif 2 (metric-compatible with Times New Roman)"
    }
    chars = _charset()
    for face, filename in FACES.items():
        font = TTFont(FONT_DIR / filename)
        upm = font["head"].unitsPerEm
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        widths: dict[str, int] = {}
        for ch in chars:
            glyph = cmap.get(ord(ch))
            if glyph is None:
                continue
            widths[ch] = round(hmtx[glyph][0] * 1000 / upm)
        out[face] = widths
    OUT.write_text(
        json.dumps(out, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8"
    )
    print(f"wrote {OUT} ({len(chars)} characters x {len(FACES)} faces)")


if __name__ == "__main__":
    main()
