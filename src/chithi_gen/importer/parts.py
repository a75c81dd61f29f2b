"""Reading the .docx: the checker's reader and locator, one located part per document.

The checker (:mod:`chithi_gen.check.read`, :mod:`chithi_gen.check.locate`) finds every
component of an ND30 document, in ours and in one a clerk typed (manual numbering,
tabs, typed rules, a signature in a table). A .docx may hold two documents — a
Quyết định, then on a new page the programme it issues (Mẫu 1.3): after the first
closing the rest is located again as a document of its own. Each :class:`Part` holds
its components and its body as blocks in reading order: top-level paragraphs and the
tables between them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from chithi_gen.check.locate import Components, locate
from chithi_gen.check.locate.text import is_rule_text, mark_kind, text_lines
from chithi_gen.check.locate.where import is_top
from chithi_gen.check.read import DocModel, Source, read_model
from chithi_gen.check.read.paragraph import Paragraph


@dataclass
class Table:
    """A table of the body: its rows of cells, each cell its paragraphs."""

    number: int
    rows: list[list[list[Paragraph]]]
    first: Paragraph

    def texts(self) -> list[list[str]]:
        """Each cell's text, white space collapsed."""
        return [
            [" ".join(" ".join(p.text.split()) for p in cell if p.text.strip()) for cell in row]
            for row in self.rows
        ]


Block = Paragraph | Table


@dataclass
class Part:
    """One document of the .docx: its located components and its body blocks."""

    components: Components
    paragraphs: list[Paragraph]
    body: list[Block] = field(default_factory=list)
    #: Paragraphs after the closing that were not read (appendices, a copy's block).
    rest: list[Paragraph] = field(default_factory=list)


@dataclass
class Read:
    """The read .docx: its model, its documents and its footnotes' texts by id."""

    model: DocModel
    parts: list[Part]
    footnotes: dict[str, str]


def _renumbered(paras: list[Paragraph]) -> list[Paragraph]:
    """``paras`` as a list of their own (the locators index paragraphs by ``order``)."""
    return [dataclasses.replace(p, order=i) for i, p in enumerate(paras)]


def _taken(c: Components) -> set[int]:
    """Paragraphs of the opening that are not body text."""
    taken: set[int] = set()
    for line in (c.ten_loai, c.kem_theo, c.tham_quyen, c.dispositive, c.from_line):
        if line is not None:
            taken.add(id(line.paragraph))
    for line in (*c.trich_yeu, *c.kinh_gui):
        taken.add(id(line.paragraph))
    if c.dispositive is not None:
        taken |= {id(p) for p in c.can_cu}
    return taken


def _body_start(c: Components) -> int:
    """The order of the last paragraph of the opening (header, title, preamble)."""
    orders = [c.header_end]
    for line in (c.ten_loai, c.kem_theo, c.tham_quyen, c.dispositive, c.from_line):
        if line is not None:
            orders.append(line.paragraph.order)
    orders += [line.paragraph.order for line in (*c.trich_yeu, *c.kinh_gui)]
    if c.trich_yeu_rule is not None:
        orders.append(c.trich_yeu_rule.paragraph.order)
    if c.dispositive is not None:
        orders += [p.order for p in c.can_cu]
    return max(orders)


def _body(paras: list[Paragraph], c: Components) -> list[Block]:
    """The body's paragraphs and tables, between the opening and the closing."""
    stop = c.closing_start if c.closing_start is not None else len(paras)
    if c.appendices:
        stop = min(stop, min(a.label.paragraph.order for a in c.appendices))
    taken = _taken(c)
    blocks: list[Block] = []
    tables: dict[int, Table] = {}
    for p in paras[_body_start(c) + 1 : stop]:
        loc = p.location
        if loc.in_textbox or id(p) in taken:
            continue
        if not is_top(p):
            assert loc.table is not None and loc.row is not None and loc.col is not None
            table = tables.get(loc.table)
            if table is None:
                table = tables[loc.table] = Table(loc.table, [], p)
                blocks.append(table)
            while len(table.rows) < loc.row:
                table.rows.append([])
            row = table.rows[loc.row - 1]
            while len(row) < loc.col:
                row.append([])
            row[loc.col - 1].append(p)
            continue
        if p.is_blank or is_rule_text(p.text):
            continue
        if all(mark_kind(ln.text) for ln in text_lines(p)):
            continue
        blocks.append(p)
    return blocks


def _part(model: DocModel, paras: list[Paragraph]) -> Part:
    c = locate(dataclasses.replace(model, paragraphs=paras))
    return Part(c, paras, _body(paras, c))


def _next_document(paras: list[Paragraph], c: Components) -> int | None:
    """Where a second document starts after the first one's closing (a new section or
    page holding a tên loại), or None."""
    if c.closing_end is None:
        return None
    end = paras[c.closing_end]
    for p in paras[c.closing_end + 1 :]:
        if p.is_blank and not p.page_break_before:
            continue
        if p.section != end.section or p.page_break_before:
            return p.order
        if is_top(p):
            return None
    return None


def read_docx(source: Source) -> Read:
    """Read ``source`` (a path or the bytes of a .docx) into its documents.

    Raises :class:`~chithi_gen.errors.CheckInputError` when it is not a readable .docx.
    """
    model = read_model(source)
    paras = model.paragraphs
    first = _part(model, paras)
    parts = [first]
    start = _next_document(paras, first.components)
    if start is not None:
        second = _part(model, _renumbered(paras[start:]))
        if second.components.ten_loai is not None:
            parts.append(second)
            first.rest = []
        else:
            first.rest = paras[start:]
    elif first.components.closing_end is not None:
        first.rest = [
            p for p in paras[first.components.closing_end + 1 :] if is_top(p) and not p.is_blank
        ]
    return Read(model, parts, model.note_texts())
