"""Where a paragraph sits: its container, the page itself, its table and grid column."""

from __future__ import annotations

from chithi_gen.check.read.paragraph import Paragraph


def container(p: Paragraph) -> tuple[object, ...]:
    """The cell (or top level, or text box) holding ``p``."""
    loc = p.location
    return (loc.part, loc.table, loc.row, loc.col, loc.in_textbox)


def is_top(p: Paragraph) -> bool:
    """True for a paragraph of the page itself (not in a table or text box)."""
    return p.location.table is None and not p.location.in_textbox


def table_paras(paras: list[Paragraph], p: Paragraph) -> list[Paragraph]:
    """The paragraphs of the table holding ``p`` (just ``p`` outside a table)."""
    loc = p.location
    if loc.table is None:
        return [p]
    return [q for q in paras if q.location.part == loc.part and q.location.table == loc.table]


def same_column(a: Paragraph, b: Paragraph) -> bool:
    """True when ``a`` and ``b`` are in one table and its grid column (across rows)."""
    la, lb = a.location, b.location
    if la.table != lb.table or la.part != lb.part:
        return False
    if la.gcol is not None and lb.gcol is not None:
        return la.gcol == lb.gcol
    return la.col == lb.col
