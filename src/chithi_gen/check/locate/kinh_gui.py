""" "Kính gửi:" and the addressees under it (Phụ lục I, II.9.b), just after the opening.

The addressees follow on the same line, in the cell beside the label, or one a
paragraph starting with a dash (typed, or a bulleted list's "-").
"""

from __future__ import annotations

from chithi_gen.check.locate.components import Components
from chithi_gen.check.locate.patterns import KINH_GUI
from chithi_gen.check.locate.text import is_skippable, norm, text_lines
from chithi_gen.check.locate.where import container, is_top
from chithi_gen.check.read.paragraph import Paragraph


def find_kinh_gui(paras: list[Paragraph], c: Components, start: int) -> int:
    """ "Kính gửi:" and the addressees under it, just after the opening."""
    seen = 0
    for p in paras[start + 1 :]:
        if is_skippable(p):
            continue
        seen += 1
        lines = text_lines(p)
        if not KINH_GUI.match(norm(lines[0].text)):
            if seen >= 2:
                break
            continue
        c.kinh_gui = list(lines)
        last = p.order
        if p.location.table is not None and len(lines) == 1:
            # "Kính gửi:" in one cell, the addressees in the cell beside it.
            beside = [
                q
                for q in paras[p.order + 1 :]
                if q.location.table == p.location.table
                and q.location.part == p.location.part
                and q.location.row == p.location.row
                and not q.is_blank
            ]
            for q in beside:
                c.kinh_gui += text_lines(q)
                last = q.order
            return max(
                last,
                max(
                    (
                        q.order
                        for q in paras
                        if q.location.table == p.location.table
                        and q.location.part == p.location.part
                    ),
                    default=last,
                ),
            )
        for q in paras[p.order + 1 :]:
            if container(q) != container(p) and not (is_top(q) and is_top(p)):
                break
            if q.is_blank:
                break
            text = _dash_text(q)
            if not text.startswith(("-", "–", "+")):
                break
            c.kinh_gui += text_lines(q)
            last = q.order
        return last
    return start


def _dash_text(p: Paragraph) -> str:
    text = norm(p.text)
    if p.bullet is not None and p.bullet.strip() in {"-", "–"}:
        return f"- {text}"
    return text
