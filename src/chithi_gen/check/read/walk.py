"""Walking a part in document order: containers, tables and cells, runs and their items.

Every paragraph of a part (top level, in table cells, in text boxes) is read in
document order with its effective formatting, its segments and shapes, its
``Location`` and the width its container gives it (a cell's width less its margins,
a text box's less its inset).

Only the first ``mc:Choice`` of an ``mc:AlternateContent`` is read, so a shape saved
both as DrawingML and as its VML fallback counts once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from chithi_gen.check.read.ooxml import (
    MC_NS,
    W_NS,
    Element,
    child,
    local,
    ns,
    side_child,
    to_int,
    w,
    wattr,
)
from chithi_gen.check.read.paragraph import Location, Paragraph, Segment, Shape
from chithi_gen.check.read.section import Section
from chithi_gen.check.read.shapes import shapes_in
from chithi_gen.check.read.styles import RunProps, Styles

#: Cell margin Word uses when neither the table nor its style sets one (0.19 cm).
DEFAULT_CELL_MARGIN = 108


@dataclass
class Where:
    """Where the paragraphs being read sit: block, table cell, text box."""

    block: int
    table: int | None = None
    row: int | None = None
    col: int | None = None
    in_textbox: bool = False
    gcol: int | None = None


class Reader:
    """Walks a part, collecting paragraphs with their container widths."""

    def __init__(self, styles: Styles, part: str, sections: list[Section], section: int) -> None:
        self.styles = styles
        self.part = part
        self.sections = sections
        self.section = section
        self.paragraphs: list[Paragraph] = []
        self.tables = 0

    def walk_container(
        self, container: Element, table_style: str | None, where: Where, available: float
    ) -> None:
        count = 0
        for el in children(container):
            if el.tag == w("p"):
                count += 1
                self.paragraph(el, table_style, where, available, count)
            elif el.tag == w("tbl"):
                self.table(el, where, available)
            elif el.tag in {w("sdt"), w("customXml")}:
                content = el.find(w("sdtContent")) if el.tag == w("sdt") else el
                if content is not None:
                    self.walk_container(content, table_style, where, available)

    def table(self, tbl: Element, where: Where, available: float) -> None:
        self.tables += 1
        number = self.tables if where.table is None else where.table
        tbl_pr = tbl.find(w("tblPr"))
        style = wattr(child(tbl_pr, "tblStyle"), "val") or self.styles.default_style("table")
        grid = [to_int(wattr(g, "w")) or 0 for g in tbl.iter(w("gridCol"))]
        table_width = to_int(wattr(child(tbl_pr, "tblW"), "w")) or sum(grid) or int(available)
        margins = self._cell_margins(tbl_pr, style)
        for r, tr in enumerate(_rows(tbl), start=1):
            before = to_int(wattr(child(tr.find(w("trPr")), "gridBefore"), "val")) or 0
            col = max(0, min(before, _MAX_SPAN))
            for c, tc in enumerate(_cells(tr), start=1):
                tc_pr = tc.find(w("tcPr"))
                span = to_int(wattr(child(tc_pr, "gridSpan"), "val")) or 1
                span = max(1, min(span, _MAX_SPAN))
                width = self._cell_width(tc_pr, grid, col, span, table_width)
                col += span
                left, right = margins
                tc_mar = child(tc_pr, "tcMar")
                if tc_mar is not None:
                    # An explicit 0 is a margin of 0, not "unset".
                    own = to_int(wattr(side_child(tc_mar, "left"), "w"))
                    left = left if own is None else own
                    own = to_int(wattr(side_child(tc_mar, "right"), "w"))
                    right = right if own is None else own
                inner = Where(where.block, number, r, c, where.in_textbox, col - span + 1)
                self.walk_container(tc, style, inner, max(width - left - right, 0))

    def _cell_margins(self, tbl_pr: Element | None, style: str | None) -> tuple[int, int]:
        left = right = DEFAULT_CELL_MARGIN
        sources: list[Element] = [
            el
            for st in self.styles.chain(style, "table")
            if (el := child(child(st, "tblPr"), "tblCellMar")) is not None
        ]
        mar = child(tbl_pr, "tblCellMar")
        if mar is not None:
            sources.append(mar)
        for src in sources:
            v = to_int(wattr(side_child(src, "left"), "w"))
            left = left if v is None else v
            v = to_int(wattr(side_child(src, "right"), "w"))
            right = right if v is None else v
        return left, right

    @staticmethod
    def _cell_width(
        tc_pr: Element | None, grid: list[int], col: int, span: int, table_width: int
    ) -> int:
        tc_w = child(tc_pr, "tcW")
        kind = wattr(tc_w, "type") or "dxa"
        value = to_int(wattr(tc_w, "w"))
        if value and kind == "dxa":
            return value
        if value and kind == "pct":
            return round(table_width * value / 5000)
        return sum(grid[col : col + span]) or table_width

    def paragraph(
        self, p: Element, table_style: str | None, where: Where, available: float, n: int
    ) -> None:
        props = self.styles.paragraph(p, table_style)
        segments: list[Segment] = []
        shapes: list[Shape] = []
        boxes: list[tuple[Element, float]] = []
        break_before = props.page_break_before
        break_inside = False
        rendered = 0
        notes: list[tuple[int, str, str]] = []
        for r in iter_runs(p):
            rp = self.styles.run(r, props.style_id, table_style)
            for item in _run_items(r):
                if item == "\f":  # a page break: a new line on a new page
                    if any(seg.text.strip() for seg in segments):
                        break_inside = True
                    else:
                        break_before = True
                    item = "\n"
                elif item == "\v":
                    rendered += 1
                    continue
                if isinstance(item, str):
                    if not rp.vanish or item == "\n":
                        _append(segments, item, rp)
                elif local(item) in NOTE_REFERENCES:
                    at = sum(len(seg.text) for seg in segments)
                    notes.append((at, NOTE_REFERENCES[local(item)], wattr(item, "id") or ""))
                else:
                    found_shapes, found_boxes = shapes_in(item)
                    shapes += found_shapes
                    boxes += found_boxes
        loc = Location(
            self.part,
            where.block,
            where.table,
            where.row,
            where.col,
            where.in_textbox,
            n,
            where.gcol,
        )
        para = Paragraph(
            order=len(self.paragraphs),
            element=p,
            props=props,
            segments=segments,
            shapes=shapes,
            location=loc,
            available=available,
            section=self.section,
            table_style=table_style,
            bullet=self.styles.list_label(props),
            page_break_before=break_before,
            page_break_inside=break_inside,
            rendered_breaks=rendered,
            notes=tuple(notes),
        )
        self.paragraphs.append(para)
        for box, width in boxes:
            inner = Where(where.block, where.table, where.row, where.col, True, where.gcol)
            self.walk_container(box, None, inner, width)


def _append(segments: list[Segment], text: str, props: RunProps) -> None:
    if text != "\n" and segments and segments[-1].props == props and segments[-1].text != "\n":
        segments[-1] = Segment(segments[-1].text + text, props)
    else:
        segments.append(Segment(text, props))


#: Note reference elements of a run, and the note part each points into.
NOTE_REFERENCES = {"footnoteReference": "footnote", "endnoteReference": "endnote"}
_SKIP = {"pPr", "del", "moveFrom", "rPr", "proofErr", "bookmarkStart", "bookmarkEnd"}
#: Most cells one table cell may span (a larger ``w:gridSpan`` is malformed).
_MAX_SPAN = 64


def children(el: Element) -> Iterator[Element]:
    """Children of ``el``, looking through ``mc:AlternateContent`` (first choice only)."""
    for c in el:
        if not isinstance(c.tag, str):
            continue
        if c.tag == f"{{{MC_NS}}}AlternateContent":
            choice = c.find(f"{{{MC_NS}}}Choice")
            chosen = choice if choice is not None else c.find(f"{{{MC_NS}}}Fallback")
            if chosen is not None:
                yield from children(chosen)
            continue
        yield c


def _rows(tbl: Element) -> Iterator[Element]:
    for el in children(tbl):
        if el.tag == w("tr"):
            yield el
        elif el.tag in {w("sdt"), w("customXml")}:
            content = el.find(w("sdtContent")) if el.tag == w("sdt") else el
            if content is not None:
                yield from _rows(content)


def _cells(tr: Element) -> Iterator[Element]:
    for el in children(tr):
        if el.tag == w("tc"):
            yield el
        elif el.tag in {w("sdt"), w("customXml")}:
            content = el.find(w("sdtContent")) if el.tag == w("sdt") else el
            if content is not None:
                yield from _cells(content)


def iter_runs(container: Element) -> Iterator[Element]:
    """Runs of a paragraph in order, through hyperlinks, insertions, fields, controls."""
    for el in children(container):
        name = local(el)
        if ns(el) != W_NS or name in _SKIP:
            continue
        if name == "r":
            yield el
        elif name in {"hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "customXml"}:
            yield from iter_runs(el)
        elif name in {"sdt"}:
            content = el.find(w("sdtContent"))
            if content is not None:
                yield from iter_runs(content)
        elif name in {"dir", "bdo"}:
            yield from iter_runs(el)


def _run_items(r: Element) -> Iterator[str | Element]:
    """The text pieces of a run, its drawings and its note references (as elements)."""
    for el in children(r):
        name = local(el)
        if name == "t":
            yield el.text or ""
        elif name in {"tab", "ptab"}:
            yield "\t"
        elif name in {"br", "cr"}:
            yield "\f" if wattr(el, "type") == "page" else "\n"
        elif name == "lastRenderedPageBreak":
            yield "\v"
        elif name == "noBreakHyphen":
            yield "-"
        elif name in {"drawing", "pict", "object"} or name in NOTE_REFERENCES:
            yield el
