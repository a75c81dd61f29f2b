"""Appendices (Phụ lục I, II, …): each with its label, title, "(Kèm theo …)" line and rule.

An appendix follows the closing (Phụ lục I, III.1), or opens a file of its own; its
label is "Phụ lục" and a number on a line of its own.
"""

from __future__ import annotations

from chithi_gen.check.locate.components import Appendix
from chithi_gen.check.locate.patterns import APPENDIX_LABEL, KEM_THEO
from chithi_gen.check.locate.rulemark import rule_after
from chithi_gen.check.locate.text import is_rule_text, norm, text_lines
from chithi_gen.check.locate.where import is_top
from chithi_gen.check.read.paragraph import Line, Paragraph


def leading_appendix(paras: list[Paragraph], start: int) -> Appendix | None:
    """An appendix that opens the document (a Phụ lục in a file of its own)."""
    for p in paras[max(start, -1) + 1 : max(start, -1) + 8]:
        if not is_top(p) or p.is_blank:
            continue
        if APPENDIX_LABEL.match(norm(p.text)) and len(norm(p.text)) <= 60:
            return _appendix_at(paras, p)
        return None
    return None


def _appendix_at(paras: list[Paragraph], p: Paragraph) -> Appendix:
    lines = text_lines(p)
    label = lines[0]
    title: list[Line] = list(lines[1:])
    reference: Line | None = None
    last = label
    for q in paras[p.order + 1 : p.order + 6]:
        if not is_top(q):
            break
        if q.is_blank:
            if title or reference:
                break
            continue
        if is_rule_text(q.text):
            break
        text = norm(q.text)
        if KEM_THEO.match(text):
            reference = text_lines(q)[0]
            last = reference
            break
        if reference is None and len(title) < 3:
            title += text_lines(q)
            last = title[-1]
        else:
            break
    rule = rule_after(paras, last)
    return Appendix(label, title, reference, rule, p.section, [p])


def appendix_head(appendix: Appendix) -> list[Paragraph]:
    """The paragraphs of an appendix's head: label, title, reference line and rule."""
    out = [appendix.label.paragraph]
    out += [ln.paragraph for ln in appendix.title]
    if appendix.reference is not None:
        out.append(appendix.reference.paragraph)
    if appendix.rule is not None:
        out.append(appendix.rule.paragraph)
    return out


def find_appendices(paras: list[Paragraph], after: int) -> list[Appendix]:
    """The appendices after paragraph ``after``: each top-level "Phụ lục …" label."""
    out: list[Appendix] = []
    for p in paras[after + 1 :]:
        if not is_top(p) or p.is_blank:
            continue
        text = norm(p.text)
        if APPENDIX_LABEL.match(text) and len(text) <= 60:
            out.append(_appendix_at(paras, p))
    return out
