"""Margins brought into the ranges of Phụ lục I, I.3, to the nearest bound."""

from __future__ import annotations

from chithi_gen.check.fix.job import Job
from chithi_gen.check.fix.result import Change
from chithi_gen.check.read.ooxml import MM, w
from chithi_gen.check.rules.page import MARGIN_RANGES, MARGIN_VI


def fix_margins(job: Job) -> None:
    """Each margin that is an error set to the nearest bound of its range (gutter kept)."""
    for s in job.model.sections:
        if s.element is None:
            continue
        mar = s.element.find(w("pgMar"))
        if mar is None:
            continue
        for side, (lo, hi) in MARGIN_RANGES.items():
            rule_id = f"ND30-MARGIN-{side.upper()}"
            if not job.failing(rule_id):
                continue
            attr = (
                side
                if mar.get(w(side)) is not None
                else {"left": "start", "right": "end"}.get(side, side)
            )
            value = getattr(s, side) + (s.gutter if side == "left" else 0)
            mm = value / MM
            target = lo if mm < lo else hi if mm > hi else mm
            if target == mm:
                continue
            twips = round(target * MM) - (s.gutter if side == "left" else 0)
            old = mar.get(w(attr))
            sign = -1 if old is not None and old.strip().startswith("-") else 1
            mar.set(w(attr), str(sign * twips))
            job.note(
                Change(
                    rule_id,
                    f"mục (section) {s.index + 1}",
                    f"{mm:.1f} mm",
                    f"{target:g} mm",
                    f"lề {MARGIN_VI[side]}: đưa vào khoảng {lo}–{hi} mm",
                    f"{side} margin brought into {lo}–{hi} mm",
                )
            )
