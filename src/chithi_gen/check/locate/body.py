"""The body (nội dung): the top-level paragraphs between the opening and the closing."""

from __future__ import annotations

from chithi_gen.check.locate.components import Components
from chithi_gen.check.locate.text import is_rule_text, mark_kind, text_lines
from chithi_gen.check.locate.where import is_top
from chithi_gen.check.read.paragraph import Paragraph


def find_body(paras: list[Paragraph], c: Components, start: int) -> None:
    """Top-level paragraphs between the opening and the closing."""
    stop = c.closing_start if c.closing_start is not None else len(paras)
    if c.appendices:
        stop = min(stop, min(a.label.paragraph.order for a in c.appendices))
    taken = {id(p) for p in c.can_cu}
    for line in (c.tham_quyen, c.dispositive, c.from_line, *c.kinh_gui):
        if line is not None:
            taken.add(id(line.paragraph))
    c.body = [
        p
        for p in paras[start + 1 : stop]
        if is_top(p)
        and not p.is_blank
        and not is_rule_text(p.text)
        and id(p) not in taken
        and not all(mark_kind(ln.text) for ln in text_lines(p))
    ]
