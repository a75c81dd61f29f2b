"""Paragraphs as the rules see them: formatted segments, lines, drawn shapes, location.

A ``Paragraph`` holds its effective formatting (see ``styles``), its visible text split
into segments of one format (``Segment``), the line shapes anchored in it (``Shape``),
where it sits (``Location``) and the width its container gives it.
``Paragraph.lines()`` splits it at line breaks; ``Line.columns()`` splits a line a
clerk laid out with tabs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chithi_gen.check.read.ooxml import Element
from chithi_gen.check.read.styles import ParaProps, RunProps


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
    #: Footnote and endnote references: (offset in ``text``, ``"footnote"`` or
    #: ``"endnote"``, the note's ``w:id``), in order.
    notes: tuple[tuple[int, str, str], ...] = ()

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
