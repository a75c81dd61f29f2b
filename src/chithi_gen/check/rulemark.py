"""Horizontal rules (đường kẻ) under a line of text, and the text helpers they need.

A rule under a component may be a paragraph border (on the text's own paragraph or on
a small empty paragraph below), a drawn line shape (DrawingML or VML, anchored below
or — as Word users often do — in an earlier paragraph), or a line typed with
underscores or dashes, which prints as characters and is reported as such.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from chithi_gen.check.docx_reader import Line, Paragraph

_RULE_CHARS = set("_-–—─‾━")


def norm(text: str) -> str:
    """NFC, no-break spaces as spaces, whitespace collapsed, stripped."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return " ".join(text.split())


def is_rule_text(text: str) -> bool:
    """True for a line drawn with characters: underscores or dashes only (at least 3)."""
    stripped = "".join(text.split())
    return len(stripped) >= 3 and set(stripped) <= _RULE_CHARS


@dataclass(frozen=True)
class RuleMark:
    """A horizontal rule under a component.

    ``kind`` is ``border`` (a paragraph border), ``shape`` (a drawn line) or ``text``
    (underscores or dashes typed as text). ``length`` is in twips (None for text);
    ``offset`` is how far the rule's centre is from the text's centre (borders only).
    """

    kind: Literal["border", "shape", "text"]
    paragraph: Paragraph
    length: float | None
    text: str = ""
    offset: float | None = None


def _container(p: Paragraph) -> tuple[object, ...]:
    loc = p.location
    return (loc.part, loc.table, loc.row, loc.col, loc.in_textbox)


def rule_after(paras: list[Paragraph], line: Line) -> RuleMark | None:
    """The rule drawn under ``line``.

    Looked for on the line's own paragraph (a later line of underscores, a bottom
    border, a line shape), then in the next few blank paragraphs of the same container
    (borders, shapes, typed lines), then as a line shape anchored in the next line of
    text or — where Word users often anchor them — in an earlier paragraph of the same
    container.
    """
    p = line.paragraph
    for later in p.lines()[line.index + 1 :]:
        if is_rule_text(later.text):
            return RuleMark("text", p, None, norm(later.text))
    own = _mark_on(p, text_para=p, top=False)
    if own is not None:
        return own
    blanks = 0
    for q in paras[p.order + 1 :]:
        if _container(q) != _container(p):
            break
        if q.is_blank or is_rule_text(q.text):
            mark = _mark_on(q, text_para=p, top=True)
            if mark is not None:
                return mark
            if is_rule_text(q.text):
                return RuleMark("text", q, None, norm(q.text))
            blanks += 1
            if blanks > 2:
                break
            continue
        shapes = [s for s in q.shapes if s.is_line]
        if shapes:
            return RuleMark("shape", q, shapes[0].width)
        break
    for q in reversed(paras[max(p.order - 4, 0) : p.order]):
        if _container(q) != _container(p):
            break
        shapes = [s for s in q.shapes if s.is_line]
        if shapes:
            return RuleMark("shape", q, shapes[0].width)
    if _last_text_of_cell(paras, p):
        return _rule_in_next_row(paras, p)
    return None


def _last_text_of_cell(paras: list[Paragraph], p: Paragraph) -> bool:
    """True when no text follows ``p`` in its table cell."""
    if p.location.table is None:
        return False
    for q in paras[p.order + 1 :]:
        if _container(q) != _container(p):
            return True
        if not q.is_blank and not is_rule_text(q.text):
            return False
    return True


def _rule_in_next_row(paras: list[Paragraph], p: Paragraph) -> RuleMark | None:
    """A rule at the top of the cell below (a header table with a row for its rules)."""
    loc = p.location
    below = [
        q
        for q in paras[p.order + 1 : p.order + 40]
        if q.location.part == loc.part
        and q.location.table == loc.table
        and q.location.row == (loc.row or 0) + 1
        and (q.location.gcol == loc.gcol if loc.gcol is not None else q.location.col == loc.col)
        and not q.location.in_textbox
    ]
    for q in below[:2]:
        if not (q.is_blank or is_rule_text(q.text)):
            return None
        if is_rule_text(q.text):
            return RuleMark("text", q, None, norm(q.text))
        mark = _mark_on(q, text_para=p, top=True)
        if mark is not None:
            return mark
    return None


def _mark_on(q: Paragraph, text_para: Paragraph, top: bool) -> RuleMark | None:
    """A border or line shape on paragraph ``q`` drawn under ``text_para``'s text."""
    borders = q.props.borders
    sides = ("bottom", "top") if top else ("bottom",)
    for side in sides:
        border = borders.get(side)
        if border is not None and border.visible:
            rule_centre = q.props.ind_left + q.text_width / 2
            text_centre = text_para.props.ind_left + text_para.text_width / 2
            offset = None
            if text_para.props.jc == "center" and q.available == text_para.available:
                offset = rule_centre - text_centre
            return RuleMark("border", q, q.text_width, offset=offset)
    shapes = [s for s in q.shapes if s.is_line]
    if shapes:
        return RuleMark("shape", q, shapes[0].width)
    return None
