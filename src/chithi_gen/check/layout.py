"""Estimating the layout: how many lines a paragraph wraps to, how many pages a document fills.

The checker does not render the document; it lays text out with Times New Roman
metrics (``metrics``) the way Word breaks lines — greedily at spaces — which is close
enough to tell a one-line paragraph from a wrapped one, and a one-page document from
a longer one. Word's own record of page starts (``w:lastRenderedPageBreak``), explicit
page breaks and section breaks are used when present.
"""

from __future__ import annotations

from dataclasses import dataclass

from chithi_gen.check.docx_reader import DocModel, Line, Paragraph, Segment
from chithi_gen.check.metrics import Piece, single_line_height_pt, wrapped_widths

#: Below this share of a page the document is taken to fit on one page; above
#: ``_SURELY_MORE`` to need two. Between them the estimate is not trusted.
_SURELY_ONE = 0.85
_SURELY_MORE = 1.15


def pieces(segments: list[Segment]) -> list[Piece]:
    """Metric pieces of formatted segments."""
    out = []
    for seg in segments:
        size = seg.props.size_pt
        if seg.props.vert_align in {"superscript", "subscript"}:
            size *= 2 / 3
        text = seg.text.upper() if seg.props.caps else seg.text
        out.append(
            Piece(text, size, seg.props.bold, seg.props.italic, seg.props.spacing, seg.props.scale)
        )
    return out


def line_count(line: Line) -> int:
    """How many printed lines ``line`` (text between breaks) wraps to."""
    if not line.text.strip():
        return 1
    width = max(line.paragraph.text_width - max(line.paragraph.props.first_line, 0), 1)
    return max(len(wrapped_widths(pieces(line.segments), width)), 1)


def wraps(p: Paragraph) -> bool:
    """True when the paragraph prints on more than one line."""
    lines = p.lines()
    return len(lines) > 1 or line_count(lines[0]) > 1


def paragraph_height(p: Paragraph) -> float:
    """Printed height of ``p`` in twips: its lines and the space around it."""
    sizes = (
        [s.props.size_pt for s in p.segments if s.text.strip()]
        or [s.props.size_pt for s in p.segments]
        or [12.0]
    )
    single = single_line_height_pt(max(sizes)) * 20
    rule = p.props.line_rule
    if rule == "exact":
        line = float(abs(p.props.line))
    elif rule == "atLeast":
        line = max(float(p.props.line), single)
    else:
        line = single * max(p.props.line, 1) / 240
    count = sum(line_count(ln) for ln in p.lines())
    return count * line + max(p.props.before, 0) + max(p.props.after, 0)


@dataclass(frozen=True)
class PageEstimate:
    """How many pages the main document fills: ``pages`` (a fraction), and how sure."""

    pages: float
    sure_one: bool
    sure_more: bool
    reason: str


def estimate_pages(model: DocModel) -> PageEstimate:
    """The number of pages of ``model``'s main document, estimated."""
    paras = model.paragraphs
    if any(p.rendered_breaks for p in paras[1:]) or any(
        p.page_break_before or p.page_break_inside for p in paras[1:]
    ):
        return PageEstimate(2.0, False, True, "ngắt trang / page breaks")
    if len(model.sections) > 1:
        return PageEstimate(2.0, False, True, "nhiều phần (section) / several sections")
    section = model.sections[0]
    page = max(section.page_height - section.top - section.bottom, 1)
    total = 0.0
    rows: dict[tuple[object, ...], dict[object, float]] = {}
    for p in paras:
        loc = p.location
        if loc.in_textbox:
            continue
        height = paragraph_height(p)
        if loc.table is None:
            total += height
        else:
            cells = rows.setdefault((loc.block, loc.table, loc.row), {})
            cells[loc.col] = cells.get(loc.col, 0.0) + height
    total += sum(max(cells.values(), default=0.0) for cells in rows.values())
    share = total / page
    return PageEstimate(
        share,
        share < _SURELY_ONE,
        share > _SURELY_MORE,
        f"ước tính / estimated {share:.2f} trang/page",
    )
