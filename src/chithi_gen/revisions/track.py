"""NEW's document with tracked changes relative to OLD, as Word records them.

Block-level content (paragraphs and tables of the body, of each table cell, of each
footnote) is aligned with a sequence diff; paragraphs that changed are diffed word by
word, tables row by row and cell by cell. What only OLD has is copied in, marked
deleted; what only NEW has is marked inserted; everything unchanged is left as NEW
wrote it, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from chithi_gen.render.package import write_package
from chithi_gen.revisions.align import Step, align, similarity, word_opcodes
from chithi_gen.revisions.marks import PPR_EXTRA, Marker
from chithi_gen.revisions.notes import REF_TAGS, Notes
from chithi_gen.revisions.ooxml import (
    PPR,
    RPR,
    SECT_PR,
    TBL,
    TC,
    TR,
    W_NS,
    Element,
    P,
    T,
    blocks,
    canonical,
    clone,
    serialize,
    text_of,
    w,
)
from chithi_gen.revisions.sanitize import sanitize
from chithi_gen.revisions.source import Docx, open_docx
from chithi_gen.revisions.summary import Change, ChangeSummary, Place, changed_excerpts, excerpt
from chithi_gen.revisions.tokens import Token, Tokens, tokenize


def _words(el: Element) -> list[str]:
    return text_of(el).split()


def _style(p: Element) -> str | None:
    el = p.find(f"{PPR}/{w('pStyle')}")
    return None if el is None else el.get(w("val"))


def _base_ppr(p: Element) -> bytes:
    """The paragraph properties proper of ``p`` (no mark properties, no section)."""
    ppr = p.find(PPR)
    if ppr is None:
        return b""
    copy = clone(ppr)
    for child in list(copy):
        if child.tag in PPR_EXTRA:
            copy.remove(child)
    return canonical(copy) if len(copy) else b""


def _grid_cols(tbl: Element) -> int:
    return len(tbl.findall(f"{w('tblGrid')}/{w('gridCol')}"))


@dataclass(frozen=True)
class Comparison:
    """The result of comparing two documents: the marked-up .docx and the summary."""

    docx: bytes
    summary: ChangeSummary


class _Tracker:
    """One comparison: walks OLD and NEW together and marks NEW's tree in place."""

    def __init__(self, old: Docx, new: Docx, author: str, date: datetime) -> None:
        self.old, self.new = old, new
        ids = [0]
        for root in [new.document, *(r for _, r in new.notes.values())]:
            for value in root.xpath("//@w:id", namespaces={"w": W_NS}):
                text = str(value).lstrip("-")
                if text.isdigit():
                    ids.append(int(text))
        self.marker = Marker(author, date, max(ids) + 1)
        self.notes = Notes(old, new, self.marker)
        self.changes: list[Change] = []

    # -- keys and similarity -------------------------------------------------------

    def _key(self, el: Element, old: bool) -> bytes:
        return canonical(self.notes.keyed(el, old))

    def _block_score(self, a: Element, b: Element) -> float:
        if a.tag != b.tag:
            return 0.0
        text = similarity(_words(a), _words(b))
        if a.tag == P:
            return 0.8 * text + 0.2 * (_style(a) == _style(b))
        if a.tag == TBL:
            return 0.5 + 0.5 * text if _grid_cols(a) == _grid_cols(b) else 0.0
        return text

    # -- containers ----------------------------------------------------------------

    def container(self, old_parent: Element, new_parent: Element, place: Place) -> None:
        """Diff the block-level children of two containers (body, cell, note)."""
        ob, nb = blocks(old_parent), blocks(new_parent)
        steps = align(
            [self._key(b, True) for b in ob],
            [self._key(b, False) for b in nb],
            lambda i, j: self._block_score(ob[i], nb[j]),
        )
        tables = {"old": 0, "new": 0}

        def where(el: Element, side: str) -> Place:
            if el.tag != TBL:
                return place
            return (*place, ("bang", tables[side]))

        self._merge(
            steps,
            ob,
            nb,
            new_parent,
            on_delete=lambda o: self._deleted_block(o, where(o, "old")),
            on_insert=lambda n: self._inserted_block(n, where(n, "new")),
            on_change=lambda o, n: self._changed_block(o, n, where(n, "new")),
            count=lambda o, n: _count_tables(tables, o, n),
        )

    def _merge(
        self,
        steps: list[Step],
        olds: list[Element],
        news: list[Element],
        parent: Element,
        *,
        on_delete: Callable[[Element], Element],
        on_insert: Callable[[Element], None],
        on_change: Callable[[Element, Element], None],
        count: Callable[[Element | None, Element | None], None] | None = None,
    ) -> None:
        """Apply aligned steps: deleted copies go just before the next NEW item, or
        after the last one (before ``w:sectPr`` in a body)."""
        pending: list[Element] = []
        last: Element | None = None
        for op, i, j in steps:
            o = olds[i] if i is not None else None
            n = news[j] if j is not None else None
            if count is not None:
                count(o, n)
            if n is None:
                assert o is not None
                pending.append(on_delete(o))
                continue
            for d in pending:
                n.addprevious(d)
            pending = []
            if op == "insert":
                on_insert(n)
            elif op == "change":
                assert o is not None
                on_change(o, n)
            last = n
        if not pending:
            return
        if last is not None:
            for d in reversed(pending):
                last.addnext(d)
            return
        anchor = parent.find(SECT_PR)
        for d in pending:
            if anchor is not None:
                anchor.addprevious(d)
            else:
                parent.append(d)

    def _deleted_block(self, o: Element, place: Place) -> Element:
        copy = clone(o)
        sanitize(copy)
        self.notes.adopt(copy)
        self.marker.mark_block(copy, "del")
        if o.tag != TBL:
            self.changes.append(Change("removed", place, excerpt(text_of(o)), ""))
        else:
            self._rows_changes("removed", o, place)
        return copy

    def _inserted_block(self, n: Element, place: Place) -> None:
        self.notes.inserted(n)
        self.marker.mark_block(n, "ins")
        if n.tag != TBL:
            self.changes.append(Change("added", place, "", excerpt(text_of(n))))
        else:
            self._rows_changes("added", n, place)

    def _rows_changes(self, kind: str, tbl: Element, place: Place) -> None:
        for k, tr in enumerate(tbl.findall(TR), 1):
            text = excerpt(" | ".join(text_of(tc) for tc in tr.findall(TC)))
            old, new = (text, "") if kind == "removed" else ("", text)
            self.changes.append(Change(kind, (*place, ("hang", k)), old, new))  # type: ignore[arg-type]

    def _changed_block(self, o: Element, n: Element, place: Place) -> None:
        if o.tag == P and n.tag == P:
            self.paragraph(o, n, place)
        elif o.tag == TBL and n.tag == TBL:
            self.table(o, n, place)
        else:
            self._replace_whole(o, n, place)

    def _replace_whole(self, o: Element, n: Element, place: Place) -> None:
        copy = clone(o)
        sanitize(copy)
        self.notes.adopt(copy)
        self.marker.mark_block(copy, "del")
        n.addprevious(copy)
        self.notes.inserted(n)
        self.marker.mark_block(n, "ins")
        self.changes.append(Change("changed", place, *changed_excerpts(text_of(o), text_of(n))))

    # -- tables --------------------------------------------------------------------

    def table(self, o: Element, n: Element, place: Place) -> None:
        """Diff two tables row by row; rows with the same cells are diffed cell by cell."""
        orows, nrows = o.findall(TR), n.findall(TR)

        def score(i: int, j: int) -> float:
            a, b = orows[i], nrows[j]
            if len(a.findall(TC)) != len(b.findall(TC)):
                return 0.0
            return similarity(_words(a), _words(b))

        steps = align(
            [self._key(r, True) for r in orows], [self._key(r, False) for r in nrows], score
        )

        def row_place(tr: Element, rows: list[Element]) -> Place:
            return (*place, ("hang", rows.index(tr) + 1))

        def deleted(tr: Element) -> Element:
            copy = clone(tr)
            sanitize(copy)
            self.notes.adopt(copy)
            self.marker.mark_block(copy, "del")
            text = excerpt(" | ".join(text_of(tc) for tc in tr.findall(TC)))
            self.changes.append(Change("removed", row_place(tr, orows), text, ""))
            return copy

        def inserted(tr: Element) -> None:
            self.notes.inserted(tr)
            self.marker.mark_block(tr, "ins")
            text = excerpt(" | ".join(text_of(tc) for tc in tr.findall(TC)))
            self.changes.append(Change("added", row_place(tr, nrows), "", text))

        def changed(a: Element, b: Element) -> None:
            where = row_place(b, nrows)
            for k, (oc, nc) in enumerate(zip(a.findall(TC), b.findall(TC), strict=True), 1):
                self.container(oc, nc, (*where, ("o", k)))

        self._merge(
            steps, orows, nrows, n, on_delete=deleted, on_insert=inserted, on_change=changed
        )

    # -- paragraphs ----------------------------------------------------------------

    def paragraph(self, o: Element, n: Element, place: Place) -> None:
        """Diff two paragraphs word by word, in NEW's paragraph."""
        ot, nt = tokenize(o), tokenize(n)
        if ot is None or nt is None:
            self._replace_whole(o, n, place)
            return
        before = self.marker.count
        if _base_ppr(o) != _base_ppr(n):
            self.marker.ppr_change(n, o.find(PPR))
        content: list[Element] = []
        ops = word_opcodes([t.key for t in ot.tokens], [t.key for t in nt.tokens])
        for op, i1, i2, j1, j2 in ops:
            if op == "equal":
                content += self._equal_runs(ot, nt, i1, i2, j1)
                continue
            if i2 > i1:
                runs = _build_runs(ot, ot.tokens[i1:i2])
                for run in runs:
                    sanitize(run)
                    self.notes.adopt(run)
                content.append(self.marker.wrap(runs, "del"))
            if j2 > j1:
                runs = _build_runs(nt, nt.tokens[j1:j2])
                for run in runs:
                    self.notes.inserted(run)
                content.append(self.marker.wrap(runs, "ins"))
        for child in list(n):
            if child.tag != PPR:
                n.remove(child)
        for el in content:
            n.append(el)
        if self.marker.count > before:
            old_text, new_text = changed_excerpts(text_of(o), text_of(n))
            self.changes.append(Change("changed", place, old_text, new_text))

    def _equal_runs(self, ot: Tokens, nt: Tokens, i1: int, i2: int, j1: int) -> list[Element]:
        """NEW's runs for tokens equal on both sides, with ``w:rPrChange`` where the
        formatting differs from OLD's."""
        out: list[Element] = []
        k = 0
        while k < i2 - i1:
            a, b = ot.tokens[i1 + k], nt.tokens[j1 + k]
            group = [b]
            old_run = a.run
            k += 1
            while (
                k < i2 - i1 and nt.tokens[j1 + k].run == b.run and ot.tokens[i1 + k].run == old_run
            ):
                group.append(nt.tokens[j1 + k])
                k += 1
            for x, y in zip(ot.tokens[i1 + k - len(group) : i1 + k], group, strict=True):
                if x.element is not None and y.element is not None and x.element.tag in REF_TAGS:
                    self.notes.pair(x.element, y.element)
            (run,) = _build_runs(nt, group)
            old_rpr = ot.runs[old_run].find(RPR)
            new_rpr = nt.runs[b.run].find(RPR)
            if canonical(old_rpr) != canonical(new_rpr):
                self.marker.rpr_change(run, old_rpr)
            out.append(run)
        return out

    # -- the whole document --------------------------------------------------------

    def run(self) -> Comparison:
        """Mark NEW's tree and return its package with the summary."""
        self.container(self.old.body, self.new.body, ())
        done: set[int] = set()
        while True:
            todo = [x for x in self.notes.pending() if id(x[2]) not in done]
            if not todo:
                break
            for kind, old_note, new_note, number in todo:
                done.add(id(new_note))
                label = "chu_thich" if kind == "footnotes" else "cuoi_trang"
                self.container(old_note, new_note, ((label, number),))
        summary = ChangeSummary(tuple(self.changes), self.marker.count)
        if self.marker.count == 0:
            return Comparison(write_package(self.new.parts), summary)
        parts = dict(self.new.parts)
        parts[self.new.main_name] = serialize(self.new.document)
        for kind in self.notes.dirty:
            name, root = self.new.notes[kind]
            parts[name] = serialize(root)
        return Comparison(write_package(parts), summary)


def _count_tables(tables: dict[str, int], o: Element | None, n: Element | None) -> None:
    if o is not None and o.tag == TBL:
        tables["old"] += 1
    if n is not None and n.tag == TBL:
        tables["new"] += 1


def _build_runs(src: Tokens, tokens: tuple[Token, ...] | list[Token]) -> list[Element]:
    """Runs holding ``tokens``: one run per stretch from the same source run, with
    that run's attributes and properties."""
    runs: list[Element] = []
    current: int | None = None
    text: list[str] = []
    run: Element | None = None

    def flush() -> None:
        if run is not None and text:
            t = etree.SubElement(run, T)
            t.text = "".join(text)
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            text.clear()

    for tok in tokens:
        if tok.run != current or run is None:
            flush()
            source = src.runs[tok.run]
            run = etree.Element(source.tag, dict(source.attrib))
            rpr = source.find(RPR)
            if rpr is not None:
                run.append(clone(rpr))
            runs.append(run)
            current = tok.run
        if tok.text is not None:
            text.append(tok.text)
        elif tok.element is not None:
            flush()
            run.append(clone(tok.element))
    flush()
    return runs


def compare_docx(old_docx: bytes, new_docx: bytes, *, author: str, date: datetime) -> Comparison:
    """Compare two .docx: NEW's document with tracked changes, and the summary.

    Raises :class:`~chithi_gen.errors.RevisionError` for an input that is
    not a comparable .docx.
    """
    old = open_docx(old_docx, "văn bản cũ (old document)")
    new = open_docx(new_docx, "văn bản mới (new document)")
    return _Tracker(old, new, author, date).run()


def track_changes(old_docx: bytes, new_docx: bytes, *, author: str, date: datetime) -> bytes:
    """NEW's .docx with its differences from OLD as tracked changes (``w:ins``,
    ``w:del``, property changes) by ``author`` at ``date``."""
    return compare_docx(old_docx, new_docx, author=author, date=date).docx


def summarize_changes(old_docx: bytes, new_docx: bytes) -> ChangeSummary:
    """What changed from OLD to NEW: paragraphs and rows added, removed, changed."""
    return compare_docx(old_docx, new_docx, author="chithi_gen", date=datetime(2000, 1, 1)).summary
