"""Revision marks: ``w:ins``/``w:del`` wrappers, paragraph-mark and row marks, property
changes, each with a unique ``w:id``, the author and the date.

Where the schema puts each mark: ``w:ins``/``w:del`` wrap ``w:r`` (run level); a
paragraph mark is marked by ``w:ins``/``w:del`` first in ``w:pPr/w:rPr``; a row by
``w:ins``/``w:del`` at the end of ``w:trPr``; ``w:pPrChange`` is last in ``w:pPr`` and
``w:rPrChange`` last in ``w:rPr``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Literal

from lxml import etree

from chithi_gen.revisions.ooxml import (
    DEL,
    DEL_INSTR,
    DEL_TEXT,
    INS,
    INSTR,
    PPR,
    PPR_CHANGE,
    RPR,
    RPR_CHANGE,
    SECT_PR,
    TR,
    TRPR,
    Element,
    P,
    R,
    T,
    clone,
    w,
)

Kind = Literal["ins", "del"]

#: Children of ``w:pPr`` that are not paragraph properties proper (kept out of
#: ``w:pPrChange``, which holds only ``CT_PPrBase``).
PPR_EXTRA = frozenset({RPR, SECT_PR, PPR_CHANGE})
#: Elements that may directly contain runs (where ``w:ins``/``w:del`` may wrap them).
RUN_PARENTS = frozenset(
    {P, w("hyperlink"), w("smartTag"), w("fldSimple"), w("sdtContent"), w("customXml")}
)
#: Children of ``w:trPr`` that must follow an ``w:ins``/``w:del`` mark.
_TRPR_AFTER = frozenset({w("trPrChange")})


def format_date(date: datetime) -> str:
    """``w:date``: ISO 8601 to the second; aware dates in UTC (``Z``)."""
    if date.tzinfo is not None:
        date = date.astimezone(UTC).replace(tzinfo=None)
    return date.replace(microsecond=0).isoformat() + "Z"


class Marker:
    """Makes revision marks, numbering them from ``first_id``."""

    def __init__(self, author: str, date: datetime, first_id: int) -> None:
        self.author = author
        self.date = format_date(date)
        self.next_id = first_id
        self.count = 0

    def _stamp(self, el: Element) -> Element:
        el.set(w("id"), str(self.next_id))
        el.set(w("author"), self.author)
        el.set(w("date"), self.date)
        self.next_id += 1
        self.count += 1
        return el

    def element(self, kind: Kind) -> Element:
        """A new, stamped ``w:ins`` or ``w:del``."""
        return self._stamp(etree.Element(INS if kind == "ins" else DEL))

    def wrap(self, runs: Iterable[Element], kind: Kind) -> Element:
        """One ``w:ins``/``w:del`` holding ``runs`` (detached from any parent)."""
        wrapper = self.element(kind)
        for run in runs:
            if kind == "del":
                to_deleted(run)
            wrapper.append(run)
        return wrapper

    def wrap_runs(self, root: Element, kind: Kind) -> None:
        """Wrap every run under ``root`` in ``w:ins``/``w:del``, one wrapper for each
        stretch of consecutive sibling runs."""
        for parent in list(root.iter(*RUN_PARENTS)):
            children = list(parent)
            i = 0
            while i < len(children):
                if children[i].tag != R:
                    i += 1
                    continue
                j = i
                while j < len(children) and children[j].tag == R:
                    j += 1
                group = children[i:j]
                at = parent.index(group[0])
                for run in group:
                    parent.remove(run)
                parent.insert(at, self.wrap(group, kind))
                i = j

    def mark_paragraph(self, p: Element, kind: Kind) -> None:
        """Mark the paragraph mark of ``p`` inserted or deleted (``w:pPr/w:rPr``)."""
        rpr = paragraph_rpr(p)
        rpr.insert(0, self.element(kind))

    def mark_row(self, tr: Element, kind: Kind) -> None:
        """Mark the row ``tr`` inserted or deleted (``w:trPr/w:ins|w:del``)."""
        trpr = tr.find(TRPR)
        if trpr is None:
            trpr = etree.Element(TRPR)
            at = 1 if len(tr) and tr[0].tag == w("tblPrEx") else 0
            tr.insert(at, trpr)
        mark = self.element(kind)
        after = next((c for c in trpr if c.tag in _TRPR_AFTER), None)
        if after is None:
            trpr.append(mark)
        else:
            after.addprevious(mark)

    def mark_block(self, block: Element, kind: Kind) -> None:
        """Mark a whole block (paragraph, table, content control) inserted or deleted:
        its runs, its paragraph marks and its table rows."""
        self.wrap_runs(block, kind)
        for p in list(block.iter(P)):
            self.mark_paragraph(p, kind)
        for tr in list(block.iter(TR)):
            self.mark_row(tr, kind)

    def ppr_change(self, p: Element, old_ppr: Element | None) -> None:
        """Record that ``p``'s paragraph properties were ``old_ppr`` before."""
        ppr = p.find(PPR)
        if ppr is None:
            ppr = etree.Element(PPR)
            p.insert(0, ppr)
        change = self._stamp(etree.SubElement(ppr, PPR_CHANGE))
        old = etree.SubElement(change, PPR)
        if old_ppr is not None:
            for child in old_ppr:
                if child.tag not in PPR_EXTRA and isinstance(child.tag, str):
                    old.append(clone(child))

    def rpr_change(self, run: Element, old_rpr: Element | None) -> None:
        """Record that ``run``'s properties were ``old_rpr`` before."""
        rpr = run.find(RPR)
        if rpr is None:
            rpr = etree.Element(RPR)
            run.insert(0, rpr)
        change = self._stamp(etree.SubElement(rpr, RPR_CHANGE))
        old = etree.SubElement(change, RPR)
        if old_rpr is not None:
            for child in old_rpr:
                if child.tag not in (INS, DEL, RPR_CHANGE) and isinstance(child.tag, str):
                    old.append(clone(child))


def paragraph_rpr(p: Element) -> Element:
    """``w:pPr/w:rPr`` of ``p`` (the paragraph mark's properties), created in its
    schema place: after the paragraph properties, before ``w:sectPr``/``w:pPrChange``."""
    ppr = p.find(PPR)
    if ppr is None:
        ppr = etree.Element(PPR)
        p.insert(0, ppr)
    rpr = ppr.find(RPR)
    if rpr is None:
        rpr = etree.Element(RPR)
        before = next((c for c in ppr if c.tag in (SECT_PR, PPR_CHANGE)), None)
        if before is None:
            ppr.append(rpr)
        else:
            before.addprevious(rpr)
    return rpr


def to_deleted(run: Element) -> None:
    """Turn the text of a run into deleted text (``w:delText``, ``w:delInstrText``)."""
    for el in run.iter(T, INSTR):
        el.tag = DEL_TEXT if el.tag == T else DEL_INSTR


def to_live(run: Element) -> None:
    """The inverse of :func:`to_deleted` (used when a deletion is rejected)."""
    for el in run.iter(DEL_TEXT, DEL_INSTR):
        el.tag = T if el.tag == DEL_TEXT else INSTR
