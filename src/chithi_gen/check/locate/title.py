"""The title: tên loại, trích yếu, a "(Kèm theo …)" line and the rule under them.

The tên loại (document type, e.g. "CHỈ THỊ") is the first paragraph after the header
in capitals, or naming a type of Phụ lục III; the trích yếu (summary) the lines after
it up to its rule (Phụ lục I, II.5); a "(Kèm theo …)" line under it marks a text
issued with a decision (Phụ lục III, Mẫu 1.3).
"""

from __future__ import annotations

from chithi_gen.check.abbreviations import by_title
from chithi_gen.check.locate.components import Components
from chithi_gen.check.locate.patterns import CAN_CU, KEM_THEO, KINH_GUI
from chithi_gen.check.locate.rulemark import rule_after
from chithi_gen.check.locate.text import is_caps_text, is_rule_text, is_skippable, norm, text_lines
from chithi_gen.check.locate.where import is_top
from chithi_gen.check.read.paragraph import Paragraph


def find_title(paras: list[Paragraph], c: Components, header_end: int) -> int:
    """Tên loại, trích yếu, "(Kèm theo …)" and their rule; returns where the rest starts."""
    candidate: Paragraph | None = None
    for p in paras[header_end + 1 :]:
        if not is_top(p) or is_skippable(p):
            continue
        candidate = p
        break
    if candidate is None:
        return header_end
    lines = text_lines(candidate)
    first = norm(lines[0].text)
    if c.vv or KINH_GUI.match(first) or CAN_CU.match(first):
        return header_end
    titled = is_caps_text(first) and len(first) <= 90 and not first.endswith((".", ";", ","))
    if not titled and by_title(first) is None:
        return header_end
    c.ten_loai = lines[0]
    c.trich_yeu = lines[1:]
    last = candidate.order
    if not c.trich_yeu or rule_after(paras, c.trich_yeu[-1]) is None:
        for q in paras[candidate.order + 1 :]:
            if not is_top(q) or q.is_blank or is_rule_text(q.text):
                break
            text = norm(q.text)
            if KEM_THEO.match(text) or KINH_GUI.match(text) or CAN_CU.match(text):
                break
            if c.trich_yeu and q.props.jc != c.trich_yeu[0].paragraph.props.jc:
                break  # the body begins: the summary's lines share its alignment
            c.trich_yeu += text_lines(q)
            last = q.order
            if rule_after(paras, c.trich_yeu[-1]) is not None or len(c.trich_yeu) >= 4:
                break
    if c.trich_yeu:
        last = max(last, c.trich_yeu[-1].paragraph.order)
    # "(Kèm theo Quyết định số …)" under the summary of a text issued with a decision.
    for q in paras[last + 1 : last + 4]:
        if not is_top(q) or q.is_blank:
            continue
        if KEM_THEO.match(norm(q.text)):
            c.kem_theo = text_lines(q)[0]
            last = q.order
        break
    anchor = c.kem_theo or (c.trich_yeu[-1] if c.trich_yeu else c.ten_loai)
    c.trich_yeu_rule = rule_after(paras, anchor)
    if c.trich_yeu_rule is not None:
        last = max(last, c.trich_yeu_rule.paragraph.order)
    return last
