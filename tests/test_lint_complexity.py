"""``chithi templates lint`` is linear in the number of tags: the Python lines it runs
are counted (not timed) for n and 2n tags (issue 11, item 9)."""

from __future__ import annotations

import sys
from types import FrameType
from typing import Any

import pytest

from chithi_gen.render.lint import lint_layout
from lint_layouts import many_tags
from support import bundled_layout_bytes


def _lines_run(data: bytes) -> tuple[int, list[Any]]:
    """How many lines of chithi_gen and Jinja code lint runs on ``data``."""
    count = 0

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        name = frame.f_code.co_filename
        if "chithi_gen" not in name and "jinja2" not in name:
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        findings = lint_layout(data)
    finally:
        sys.settrace(None)
    return count, findings


@pytest.mark.slow
def test_lint_is_linear_in_the_number_of_tags() -> None:
    layout = bundled_layout_bytes("nd30")
    base, _ = _lines_run(layout)
    counts = {}
    for n in (300, 600, 1200):
        counts[n], findings = _lines_run(many_tags(layout, n))
        assert sum(f.code == "TACH-THE" for f in findings) == n
        assert sum(f.code == "BIEN-LA" for f in findings) == n
        assert all(f.paragraph is not None for f in findings if f.code == "BIEN-LA")
    work = {n: counts[n] - base for n in counts}
    # Doubling the tags doubles the work (a quadratic lint would quadruple it).
    assert work[600] / work[300] < 2.4, work
    assert work[1200] / work[600] < 2.4, work
