"""Each body paragraph read as an item of the tree: its label, heading and text.

* a paragraph opening with a numbered label ("I.", "1.", "1.1.", "a)") is a numbered
  item (mục, khoản, điểm): its bold run-in heading, if any, is its ``tieu_de`` and the
  rest its ``muc`` ("**1. Tuyên truyền:** Đẩy mạnh …"); all bold, it is a heading on
  its own line (``tieu_de`` alone, the items under it its children);
* "-" and "+" open a bullet (``gach``, ``cong``);
* a paragraph all in bold without a label, followed by an item numbered 1, is an
  unnumbered section heading (``khong_so``);
* anything else is a free paragraph (``doan``), its emphasis kept as markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from chithi_gen.check.read.paragraph import Paragraph
from chithi_gen.check.read.styles import Styles
from chithi_gen.importer.labels import Label, label_of
from chithi_gen.importer.runs import bold_prefix_end, chars, markup, plain

#: Longest text read as an unnumbered heading.
_HEADING_MAX = 200


@dataclass
class Item:
    """One paragraph of the body, read."""

    kind: str  # "muc", "tieu_de" (an unnumbered heading), "gach", "cong", "doan", "bang"
    paragraph: Paragraph
    label: Label | None = None
    tieu_de: str | None = None
    text: str | None = None
    #: The heading stands on its own line (no text run in after it).
    alone: bool = False
    #: The targets of a chỉ tiêu table (kind ``bang``; None for another table).
    targets: list[dict[str, Any]] | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)


def _all_bold(p: Paragraph, start: int = 0, end: int | None = None) -> bool:
    visible = [c for c in chars(p, start, end) if c.ch != " "]
    return bool(visible) and all(c.bold for c in visible)


def _label_bold(p: Paragraph, label: Label) -> bool:
    return not label.automatic and _all_bold(p, 0, label.end)


def read_item(p: Paragraph, styles: Styles, notes: Mapping[str, str], end: int | None) -> Item:
    """The item ``p`` is (``end``: where its text stops, before a closing "./.")."""
    label = label_of(p, styles)
    if label is None:
        return Item("doan", p, text=markup(p, notes, 0, end))
    start = label.end
    if not plain(p, start, end):
        return Item("doan", p, text=markup(p, notes, 0, end))
    if label.style in ("gach", "cong"):
        return Item(label.style, p, label, text=markup(p, notes, start, end))
    bold_end = bold_prefix_end(p, start)
    if end is not None:
        bold_end = min(bold_end, end)
    rest = plain(p, bold_end, end)
    if bold_end > start and not rest.strip(" :"):
        heading = markup(p, notes, start, end, emphasis=False)
        return Item("muc", p, label, tieu_de=heading, alone=True)
    heading = plain(p, start, bold_end)
    run_in = bold_end > start and (
        _label_bold(p, label) or heading.endswith((":", ".")) or rest.lstrip().startswith(":")
    )
    if run_in:
        tieu_de = markup(p, notes, start, bold_end, emphasis=False)
        text = markup(p, notes, bold_end, end).lstrip(" :")
        if tieu_de.endswith(":"):
            tieu_de = tieu_de[:-1].rstrip()
        return Item("muc", p, label, tieu_de=tieu_de, text=text)
    return Item("muc", p, label, text=markup(p, notes, start, end))


def heading_candidate(item: Item) -> bool:
    """A free paragraph that may be an unnumbered section heading: all bold, short."""
    p = item.paragraph
    text = plain(p)
    return (
        item.kind == "doan"
        and not p.notes
        and _all_bold(p)
        and len(text) <= _HEADING_MAX
        and not text.endswith((".", ";", ","))
    )


def as_heading(item: Item) -> Item:
    """``item`` (see :func:`heading_candidate`) as an unnumbered heading."""
    text = plain(item.paragraph)
    return Item("tieu_de", item.paragraph, tieu_de=text, alone=True)
