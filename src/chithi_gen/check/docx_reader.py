"""Reading a .docx into what the rules look at: paragraphs, lines, shapes, sections.

Every paragraph of the main document (top level, in table cells, in text boxes) is
read in document order with its effective formatting (see ``styles``), its visible
text split into formatted segments, the line shapes anchored in it, where it sits
(``Location``) and the width its container gives it. Header and footer parts are read
the same way on demand.

Only the first ``mc:Choice`` of an ``mc:AlternateContent`` is read, so a shape saved
both as DrawingML and as its VML fallback counts once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from chithi_gen.check.ooxml import (
    A_NS,
    EMU_PER_TWIP,
    MC_NS,
    R_NS,
    V_NS,
    W_NS,
    WP_NS,
    WPS_NS,
    Element,
    child,
    local,
    ns,
    on_off,
    side,
    side_child,
    to_int,
    w,
    wattr,
)
from chithi_gen.check.package import Package, Source, open_package
from chithi_gen.check.styles import ParaProps, RunProps, Styles

#: Cell margin Word uses when neither the table nor its style sets one (0.19 cm).
DEFAULT_CELL_MARGIN = 108
#: Default inner margin of a DrawingML text box (0.1 inch = 144 twips each side).
TEXTBOX_INSET = 144


@dataclass(frozen=True)
class Segment:
    """A stretch of visible text with one formatting; ``"\\n"`` stands for a line break."""

    text: str
    props: RunProps


@dataclass(frozen=True)
class Shape:
    """A drawn shape anchored in a paragraph: its horizontal extent in twips."""

    kind: str  # "drawingml" or "vml"
    geometry: str  # preset geometry / VML element, e.g. "line", "straightConnector1"
    width: float
    height: float

    @property
    def is_line(self) -> bool:
        """True for a horizontal line: a line/connector or a flat sliver of a shape."""
        if self.geometry in {"line", "straightConnector1", "v:line", "connector", "hr"}:
            return self.width > 4 * max(self.height, 1)
        return self.height <= 30 and self.width > 10 * max(self.height, 1)


@dataclass(frozen=True)
class Location:
    """Where a paragraph sits, for messages (numbers are 1-based)."""

    part: str
    block: int
    table: int | None = None
    row: int | None = None
    col: int | None = None
    in_textbox: bool = False
    para: int = 1
    #: First grid column the cell spans (1-based): cells of one column across rows.
    gcol: int | None = None

    def label(self) -> str:
        """A bilingual locator, e.g. ``bảng 1, ô (1,2), đoạn 2 / table 1, cell (1,2), para 2``."""
        if self.part != "word/document.xml":
            vi = [f"phần {self.part}"]
            en = [f"part {self.part}"]
        else:
            vi, en = [], []
        if self.table is not None:
            vi.append(f"bảng {self.table}, ô ({self.row},{self.col})")
            en.append(f"table {self.table}, cell ({self.row},{self.col})")
            vi.append(f"đoạn {self.para}")
            en.append(f"para {self.para}")
        else:
            vi.append(f"đoạn {self.para}")
            en.append(f"paragraph {self.para}")
        if self.in_textbox:
            vi.append("trong hộp văn bản")
            en.append("in a text box")
        return f"{', '.join(vi)} / {', '.join(en)}"


@dataclass
class Paragraph:
    """One paragraph with its effective formatting and content."""

    order: int
    element: Element
    props: ParaProps
    segments: list[Segment]
    shapes: list[Shape]
    location: Location
    #: Width between the container's edges (page text area or cell), in twips.
    available: float
    section: int
    table_style: str | None = None
    #: Bullet text a list puts before the paragraph (``"-"``), if any.
    bullet: str | None = None
    #: The paragraph starts a new page (``w:pageBreakBefore`` or a page break first).
    page_break_before: bool = False
    #: A page break after some of its text.
    page_break_inside: bool = False
    #: Page starts Word recorded when it last laid the paragraph out
    #: (``w:lastRenderedPageBreak``).
    rendered_breaks: int = 0

    @property
    def text(self) -> str:
        """The visible text, ``"\\n"`` for line breaks."""
        return "".join(s.text for s in self.segments)

    @property
    def is_blank(self) -> bool:
        """True when the paragraph shows no text."""
        return not self.text.strip()

    @property
    def text_width(self) -> float:
        """Width between the paragraph's own indents, in twips."""
        return self.available - self.props.ind_left - self.props.ind_right

    def lines(self) -> list[Line]:
        """The paragraph's lines as separated by line breaks (``w:br``)."""
        out: list[Line] = []
        current: list[Segment] = []
        for seg in self.segments:
            if seg.text == "\n":
                out.append(Line(self, len(out), current))
                current = []
            else:
                current.append(seg)
        out.append(Line(self, len(out), current))
        return out

    def where(self) -> str:
        """Locator with the start of the text."""
        return f"{self.location.label()} {_snippet(self.text)}"


@dataclass
class Line:
    """One line of a paragraph (between line breaks)."""

    paragraph: Paragraph
    index: int
    segments: list[Segment]
    #: 0 for the whole line; 1, 2 … for a column of a line laid out with tabs.
    column: int = 0

    @property
    def text(self) -> str:
        """The line's text."""
        return "".join(s.text for s in self.segments)

    def columns(self) -> list[Line]:
        """The parts of a line a clerk set apart with tabs ("UBND …<tab><tab>CỘNG HÒA …").

        A line without a tab between two pieces of text is its own single column.
        """
        parts: list[list[Segment]] = [[]]
        for seg in self.segments:
            pieces = re.split(r"(\t+)", seg.text)
            for piece in pieces:
                if not piece:
                    continue
                if piece.startswith("\t"):
                    if any(s.text.strip() for s in parts[-1]):
                        parts.append([])
                    continue
                parts[-1].append(Segment(piece, seg.props))
        filled = [p for p in parts if any(s.text.strip() for s in p)]
        if len(filled) < 2:
            return [self]
        return [Line(self.paragraph, self.index, p, i) for i, p in enumerate(filled, start=1)]

    @property
    def plain(self) -> str:
        """The line's text without superscript or subscript runs (note numbers)."""
        return "".join(s.text for s in self.segments if s.props.vert_align == "baseline")

    @property
    def visible(self) -> list[Segment]:
        """Segments that show ink (not only spaces), excluding superscript note marks."""
        return [s for s in self.segments if s.text.strip() and s.props.vert_align == "baseline"]

    def where(self) -> str:
        """Locator with the text of the line."""
        line = f" dòng {self.index + 1} / line {self.index + 1}" if self.index else ""
        return f"{self.paragraph.location.label()}{line} {_snippet(self.text)}"


def _snippet(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"«{text}»" if text else "«»"


@dataclass
class Section:
    """Page setup of one section (lengths in twips)."""

    index: int
    element: Element | None
    page_width: int
    page_height: int
    orient: str
    top: int
    bottom: int
    left: int
    right: int
    gutter: int
    title_page: bool
    headers: dict[str, str]  # type -> relationship id
    footers: dict[str, str]
    page_number_format: str | None
    has_table: bool = False

    @property
    def text_width(self) -> int:
        """Width of the text area between the margins."""
        return self.page_width - self.left - self.right - self.gutter


@dataclass
class DocModel:
    """A read document: its package, styles, sections and body paragraphs."""

    package: Package
    styles: Styles
    sections: list[Section]
    paragraphs: list[Paragraph]
    even_and_odd_headers: bool = False
    #: Distance between default tab stops (``w:defaultTabStop``), in twips.
    default_tab: int = 720
    _parts: dict[str, list[Paragraph]] = field(default_factory=dict)

    def part_paragraphs(self, rel_id: str) -> tuple[str, list[Paragraph]] | None:
        """The paragraphs of the header/footer part of relationship ``rel_id``."""
        found = self.package.by_id(rel_id)
        if found is None:
            return None
        name, root = found
        if name not in self._parts:
            reader = _Reader(self.styles, name, [], 0)
            reader.walk_container(root, None, _Where(block=0), 9000)
            self._parts[name] = reader.paragraphs
        return name, self._parts[name]


@dataclass
class _Where:
    block: int
    table: int | None = None
    row: int | None = None
    col: int | None = None
    in_textbox: bool = False
    gcol: int | None = None


class _Reader:
    """Walks a part, collecting paragraphs with their container widths."""

    def __init__(self, styles: Styles, part: str, sections: list[Section], section: int) -> None:
        self.styles = styles
        self.part = part
        self.sections = sections
        self.section = section
        self.paragraphs: list[Paragraph] = []
        self.tables = 0

    def walk_container(
        self, container: Element, table_style: str | None, where: _Where, available: float
    ) -> None:
        count = 0
        for el in _children(container):
            if el.tag == w("p"):
                count += 1
                self.paragraph(el, table_style, where, available, count)
            elif el.tag == w("tbl"):
                self.table(el, where, available)
            elif el.tag in {w("sdt"), w("customXml")}:
                content = el.find(w("sdtContent")) if el.tag == w("sdt") else el
                if content is not None:
                    self.walk_container(content, table_style, where, available)

    def table(self, tbl: Element, where: _Where, available: float) -> None:
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
                inner = _Where(where.block, number, r, c, where.in_textbox, col - span + 1)
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
        self, p: Element, table_style: str | None, where: _Where, available: float, n: int
    ) -> None:
        props = self.styles.paragraph(p, table_style)
        segments: list[Segment] = []
        shapes: list[Shape] = []
        boxes: list[tuple[Element, float]] = []
        break_before = props.page_break_before
        break_inside = False
        rendered = 0
        for r in _runs(p):
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
                else:
                    found_shapes, found_boxes = _shapes(item)
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
        )
        self.paragraphs.append(para)
        for box, width in boxes:
            inner = _Where(where.block, where.table, where.row, where.col, True, where.gcol)
            self.walk_container(box, None, inner, width)


def _append(segments: list[Segment], text: str, props: RunProps) -> None:
    if text != "\n" and segments and segments[-1].props == props and segments[-1].text != "\n":
        segments[-1] = Segment(segments[-1].text + text, props)
    else:
        segments.append(Segment(text, props))


_SKIP = {"pPr", "del", "moveFrom", "rPr", "proofErr", "bookmarkStart", "bookmarkEnd"}
#: Most cells one table cell may span (a larger ``w:gridSpan`` is malformed).
_MAX_SPAN = 64


def _children(el: Element) -> Iterator[Element]:
    """Children of ``el``, looking through ``mc:AlternateContent`` (first choice only)."""
    for c in el:
        if not isinstance(c.tag, str):
            continue
        if c.tag == f"{{{MC_NS}}}AlternateContent":
            choice = c.find(f"{{{MC_NS}}}Choice")
            chosen = choice if choice is not None else c.find(f"{{{MC_NS}}}Fallback")
            if chosen is not None:
                yield from _children(chosen)
            continue
        yield c


def _rows(tbl: Element) -> Iterator[Element]:
    for el in _children(tbl):
        if el.tag == w("tr"):
            yield el
        elif el.tag in {w("sdt"), w("customXml")}:
            content = el.find(w("sdtContent")) if el.tag == w("sdt") else el
            if content is not None:
                yield from _rows(content)


def _cells(tr: Element) -> Iterator[Element]:
    for el in _children(tr):
        if el.tag == w("tc"):
            yield el
        elif el.tag in {w("sdt"), w("customXml")}:
            content = el.find(w("sdtContent")) if el.tag == w("sdt") else el
            if content is not None:
                yield from _cells(content)


def iter_runs(container: Element) -> Iterator[Element]:
    """Runs of a paragraph in order, through hyperlinks, insertions, fields, controls."""
    return _runs(container)


def _runs(container: Element) -> Iterator[Element]:
    """Runs of a paragraph in order, through hyperlinks, insertions, fields, controls."""
    for el in _children(container):
        name = local(el)
        if ns(el) != W_NS or name in _SKIP:
            continue
        if name == "r":
            yield el
        elif name in {"hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "customXml"}:
            yield from _runs(el)
        elif name in {"sdt"}:
            content = el.find(w("sdtContent"))
            if content is not None:
                yield from _runs(content)
        elif name in {"dir", "bdo"}:
            yield from _runs(el)


def _run_items(r: Element) -> Iterator[str | Element]:
    """The text pieces of a run, and its drawings (as elements)."""
    for el in _children(r):
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
        elif name in {"drawing", "pict", "object"}:
            yield el


_LENGTH = re.compile(r"^\s*(-?[\d.]+)\s*(pt|in|cm|mm|px|pc|emu)?\s*$")
_UNIT_TWIPS = {"pt": 20.0, "in": 1440.0, "cm": 1440 / 2.54, "mm": 144 / 2.54, "px": 15.0}


def _vml_length(value: str | None) -> float | None:
    if not value:
        return None
    m = _LENGTH.match(value)
    if not m:
        return None
    try:
        number = float(m.group(1))
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    unit = m.group(2) or "px"
    if unit == "emu":
        return number / EMU_PER_TWIP
    if unit == "pc":
        return number * 240
    return number * _UNIT_TWIPS[unit]


def _vml_point(value: str | None) -> tuple[float, float]:
    x, _, y = str(value or "0,0").partition(",")
    return _vml_length(x) or 0.0, _vml_length(y) or 0.0


def _vml_style(style: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in style.split(";"):
        if ":" in item:
            key, value = item.split(":", 1)
            out[key.strip().lower()] = value.strip()
    return out


def _shapes(drawing: Element) -> tuple[list[Shape], list[tuple[Element, float]]]:
    """Line shapes and text boxes (with their inner width) inside a drawing element."""
    shapes: list[Shape] = []
    boxes: list[tuple[Element, float]] = []
    for holder in drawing.iter(f"{{{WP_NS}}}inline", f"{{{WP_NS}}}anchor"):
        extent = holder.find(f"{{{WP_NS}}}extent")
        cx = (to_int(extent.get("cx")) or 0) / EMU_PER_TWIP if extent is not None else 0.0
        cy = (to_int(extent.get("cy")) or 0) / EMU_PER_TWIP if extent is not None else 0.0
        for wsp in holder.iter(f"{{{WPS_NS}}}wsp"):
            geom = wsp.find(f".//{{{A_NS}}}prstGeom")
            xfrm = wsp.find(f".//{{{A_NS}}}xfrm")
            rot = to_int(xfrm.get("rot")) if xfrm is not None else 0
            txbx = wsp.find(f"{{{WPS_NS}}}txbx/{w('txbxContent')}")
            if txbx is not None:
                boxes.append((txbx, max(cx - 2 * TEXTBOX_INSET, 0)))
                continue
            if rot and rot % 10800000:
                continue  # rotated: not a horizontal line
            prst = str(geom.get("prst", "")) if geom is not None else ""
            shapes.append(Shape("drawingml", prst, cx, cy))
    for el in drawing.iter(f"{{{V_NS}}}*"):
        name = local(el)
        style = _vml_style(str(el.get("style", "")))
        if name == "line":
            x1, y1 = _vml_point(el.get("from"))
            x2, y2 = _vml_point(el.get("to"))
            shapes.append(Shape("vml", "v:line", abs(x2 - x1), abs(y2 - y1)))
            continue
        if name not in {"shape", "rect"}:
            continue
        box = el.find(f"{{{V_NS}}}textbox/{w('txbxContent')}")
        width = _vml_length(style.get("width")) or 0.0
        height = _vml_length(style.get("height")) or 0.0
        if box is not None:
            boxes.append((box, max(width - 2 * TEXTBOX_INSET, 0)))
            continue
        kind = str(el.get("type", ""))
        if el.get("{urn:schemas-microsoft-com:office:office}hr") in {"t", "true"}:
            geometry = "hr"
        elif kind.endswith("_x0000_t32"):
            geometry = "connector"
        else:
            geometry = name
        shapes.append(Shape("vml", geometry, width, height))
    return shapes, boxes


def _length(value: str | None, default: int) -> int:
    number = to_int(value)
    return default if number is None else number


def _section(index: int, sect: Element | None) -> Section:
    pg = child(sect, "pgSz")
    mar = child(sect, "pgMar")
    headers: dict[str, str] = {}
    footers: dict[str, str] = {}
    if sect is not None:
        for ref in sect.iter(w("headerReference"), w("footerReference")):
            kind = wattr(ref, "type") or "default"
            rid = ref.get(f"{{{R_NS}}}id")
            if rid is None:
                continue
            (headers if ref.tag == w("headerReference") else footers)[kind] = str(rid)
    return Section(
        index=index,
        element=sect,
        page_width=_length(wattr(pg, "w"), 12240),
        page_height=_length(wattr(pg, "h"), 15840),
        orient=wattr(pg, "orient") or "portrait",
        # A negative top/bottom margin is "exact" (text may not push it): same distance.
        top=abs(_length(wattr(mar, "top"), 1440)),
        bottom=abs(_length(wattr(mar, "bottom"), 1440)),
        left=_length(side(mar, "left"), 1440),
        right=_length(side(mar, "right"), 1440),
        gutter=_length(wattr(mar, "gutter"), 0),
        title_page=bool(on_off(child(sect, "titlePg"))),
        headers=headers,
        footers=footers,
        page_number_format=wattr(child(sect, "pgNumType"), "fmt"),
    )


def read_model(source: Source) -> DocModel:
    """Open ``source`` and read it (raises ``CheckInputError`` if it is not a .docx)."""
    pkg = open_package(source)
    styles = Styles(pkg.related("styles"), pkg.related("numbering"), pkg.related("theme"))
    body = pkg.document.find(w("body"))
    assert body is not None  # checked by open_package
    blocks = [el for el in _children(body) if el.tag != w("sectPr")]
    # Sections: a paragraph carrying w:sectPr ends one; the body's own is the last.
    sections: list[Section] = []
    block_section: list[int] = []
    has_table = False
    for el in blocks:
        block_section.append(len(sections))
        has_table = has_table or el.tag == w("tbl")
        sect = el.find(f"{w('pPr')}/{w('sectPr')}") if el.tag == w("p") else None
        if sect is not None:
            sections.append(_section(len(sections), sect))
            sections[-1].has_table = has_table
            has_table = False
    sections.append(_section(len(sections), body.find(w("sectPr"))))
    sections[-1].has_table = has_table
    reader = _Reader(styles, pkg.main_name, sections, 0)
    top_paragraphs = 0
    for i, el in enumerate(blocks, start=1):
        reader.section = block_section[i - 1]
        width = float(sections[reader.section].text_width)
        if el.tag == w("p"):
            top_paragraphs += 1
            reader.paragraph(el, None, _Where(block=i), width, top_paragraphs)
        elif el.tag == w("tbl"):
            reader.table(el, _Where(block=i), width)
        elif el.tag in {w("sdt"), w("customXml")}:
            content = el.find(w("sdtContent")) if el.tag == w("sdt") else el
            if content is not None:
                reader.walk_container(content, None, _Where(block=i), width)
    settings = pkg.related("settings")
    even_odd = bool(on_off(child(settings, "evenAndOddHeaders")))
    tab = to_int(wattr(child(settings, "defaultTabStop"), "val"))
    default_tab = tab if tab is not None and 0 < tab < 20000 else 720
    return DocModel(pkg, styles, sections, reader.paragraphs, even_odd, default_tab)
