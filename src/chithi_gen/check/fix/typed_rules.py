"""Rules typed as underscores, redrawn as paragraph borders of the right length.

Under the Tiêu ngữ the rule is as long as its text (Phụ lục I, II.1.b); under the
agency and the summary 0.42 of the longest line, within the 1/3–1/2 of II.2.b and
II.5.b. The border is centred by equal left and right indents. A header laid out with
tabs is left alone: redrawing it needs judgement.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from lxml import etree

from chithi_gen.check.fix.job import Job
from chithi_gen.check.fix.result import Change
from chithi_gen.check.fix.xml import order_ppr, paragraph_props
from chithi_gen.check.locate.rulemark import RuleMark
from chithi_gen.check.locate.text import norm
from chithi_gen.check.measure.layout import pieces
from chithi_gen.check.measure.metrics import wrapped_widths
from chithi_gen.check.read.ooxml import MM, Element, w
from chithi_gen.check.read.paragraph import Line, Paragraph
from chithi_gen.check.read.walk import iter_runs


def fix_typed_rules(job: Job) -> None:
    """Each typed rule (a warning) under the motto, the agency or the summary, redrawn."""
    c = job.parts
    for rule_id, lines, mark, ratio in (
        ("ND30-TIEUNGU-RULE", [c.tieu_ngu] if c.tieu_ngu else [], c.tieu_ngu_rule, 1.0),
        ("ND30-COQUAN-RULE", c.co_quan, c.co_quan_rule, 0.42),
        (
            "ND30-TRICHYEU-RULE",
            c.trich_yeu or ([c.ten_loai] if c.ten_loai else []),
            c.trich_yeu_rule,
            0.42,
        ),
    ):
        if mark is None or mark.kind != "text" or not lines:
            continue
        if any(ln.column for ln in lines) or "\t" in mark.paragraph.text:
            continue  # a header laid out with tabs: redrawing it needs judgement
        if job.status(rule_id) != "warning":
            continue
        _draw(job, rule_id, lines, mark, ratio)


def _draw(job: Job, rule_id: str, lines: Sequence[Line], mark: RuleMark, ratio: float) -> None:
    text_length = 0.0
    for line in lines:
        widths = wrapped_widths(pieces(line.segments), max(line.paragraph.text_width, 1))
        text_length = max(text_length, max(widths, default=0.0))
    q = mark.paragraph
    holder = q.element
    if any(norm(ln.text) and not set(norm(ln.text)) <= set("_-–—─‾━ ") for ln in q.lines()):
        # The underscores follow the text after a line break: move them out.
        holder = _split_typed_rule(q)
    else:
        for r in list(holder):
            if r.tag != w("pPr"):
                holder.remove(r)
    available = q.available
    length = min(text_length * ratio, available)
    side = max(round((available - length) / 2), 0)
    ppr = paragraph_props(holder)
    for tag in ("pBdr", "ind", "jc"):
        old = ppr.find(w(tag))
        if old is not None:
            ppr.remove(old)
    bdr = etree.SubElement(ppr, w("pBdr"))
    etree.SubElement(
        bdr,
        w("bottom"),
        {w("val"): "single", w("sz"): "6", w("space"): "1", w("color"): "auto"},
    )
    etree.SubElement(
        ppr, w("ind"), {w("left"): str(side), w("right"): str(side), w("firstLine"): "0"}
    )
    etree.SubElement(ppr, w("jc"), {w("val"): "center"})
    order_ppr(ppr)
    job.note(
        Change(
            rule_id,
            q.where(),
            f"«{mark.text[:20]}»",
            f"viền dưới / bottom border {length / MM:.1f} mm",
            "thay đường kẻ gõ bằng ký tự bằng đường kẻ thật",
            "typed rule replaced by a drawn rule",
        )
    )


def _split_typed_rule(q: Paragraph) -> Element:
    """Move the underscore line of ``q`` (after a line break) into a new paragraph."""
    p = q.element
    runs = list(iter_runs(p))
    seen_break = False
    for r in runs:
        for el in list(r):
            if el.tag in {w("br"), w("cr")}:
                seen_break = True
                r.remove(el)
            elif seen_break and el.tag == w("t"):
                r.remove(el)
    new = etree.Element(w("p"))
    ppr = p.find(w("pPr"))
    if ppr is not None:
        new.append(copy.deepcopy(ppr))
    p.addnext(new)
    return new
