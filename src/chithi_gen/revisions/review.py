"""Accepting or rejecting every tracked change of a .docx, as Word's "Accept All" and
"Reject All" do: the document NEW was, or the one OLD was.

Run-level ``w:ins``/``w:del`` are kept or dropped; a paragraph whose mark goes away is
joined to the next paragraph (an empty one just disappears); rows marked inserted or
deleted go away or stay; ``w:pPrChange``/``w:rPrChange`` are dropped or restored.
Notes no longer referenced from the main document are removed.
"""

from __future__ import annotations

from typing import Literal

from chithi_gen.render.package import write_package
from chithi_gen.revisions.marks import PPR_EXTRA, to_live
from chithi_gen.revisions.notes import REF_TAGS
from chithi_gen.revisions.ooxml import (
    DEL,
    INS,
    PPR,
    PPR_CHANGE,
    RPR,
    RPR_CHANGE,
    TBL,
    TR,
    TRPR,
    Element,
    P,
    blocks,
    serialize,
    w,
)
from chithi_gen.revisions.source import open_docx

Side = Literal["accept", "reject"]
_NOTE_TAGS = (w("footnote"), w("endnote"))


def _remove(el: Element) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _unwrap(el: Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    at = parent.index(el)
    for k, child in enumerate(list(el)):
        parent.insert(at + k, child)
    parent.remove(el)


def _is_mark(el: Element) -> bool:
    """An ``w:ins``/``w:del`` that marks a paragraph mark or a row (not content)."""
    parent = el.getparent()
    if parent is None:
        return False
    if parent.tag == TRPR:
        return True
    grand = parent.getparent()
    return parent.tag == RPR and grand is not None and grand.tag == PPR


def _join_next(p: Element) -> None:
    """Remove ``p``'s paragraph mark: its content joins the next paragraph, or, when
    none follows in the same container, the paragraph goes if it is empty."""
    content = [c for c in p if c.tag != PPR]
    after = p.getnext()
    siblings = [b for b in blocks(p.getparent()) if b is not p] if p.getparent() is not None else []
    if after is not None and after.tag == P:
        ppr = after.find(PPR)
        at = 0 if ppr is None else 1
        for k, child in enumerate(content):
            after.insert(at + k, child)
        _remove(p)
    elif not content and siblings:
        _remove(p)


def _restore(props: Element, change_tag: str, extra: frozenset[str]) -> None:
    """Put back the properties recorded in ``props``'s change element."""
    change = props.find(change_tag)
    if change is None:
        return
    old = change[0] if len(change) else None
    for child in list(props):
        if child.tag not in extra:
            props.remove(child)
    if old is not None:
        for k, child in enumerate(list(old)):
            props.insert(k, child)


def apply(root: Element, side: Side) -> None:
    """Accept or reject every revision in one part's tree, in place."""
    keep, drop = (INS, DEL) if side == "accept" else (DEL, INS)
    joins: list[Element] = []
    for el in list(root.iter(keep, drop)):
        if _is_mark(el):
            parent = el.getparent()
            target = parent.getparent() if parent is not None else None
            if el.tag == drop and target is not None and target.tag == PPR:
                p = target.getparent()
                if p is not None:
                    joins.append(p)
            elif el.tag == drop and target is not None and target.tag == TR:
                _remove(target)
            _remove(el)
        elif el.tag == keep:
            if el.tag == DEL:
                for run in el:
                    to_live(run)
            _unwrap(el)
        else:
            _remove(el)
    for p in joins:
        if p.getparent() is not None:
            _join_next(p)
    for change in list(root.iter(PPR_CHANGE, RPR_CHANGE)):
        props = change.getparent()
        if props is None:
            continue
        if side == "reject":
            if change.tag == PPR_CHANGE:
                _restore(props, PPR_CHANGE, PPR_EXTRA)
            else:
                _restore(props, RPR_CHANGE, frozenset({INS, DEL}))
        _remove(change)
    for tbl in list(root.iter(TBL)):
        if tbl.find(TR) is None:
            _remove(tbl)
    for rpr in list(root.iter(RPR)):
        parent = rpr.getparent()
        if len(rpr) == 0 and parent is not None and parent.tag == PPR:
            _remove(rpr)
    for trpr in list(root.iter(TRPR)):
        if len(trpr) == 0:
            _remove(trpr)


def _review(docx: bytes, side: Side) -> bytes:
    doc = open_docx(docx, "văn bản (document)", allow_revisions=True)
    apply(doc.document, side)
    parts = dict(doc.parts)
    parts[doc.main_name] = serialize(doc.document)
    referenced = {(ref.tag, str(ref.get(w("id")))) for ref in doc.document.iter(*REF_TAGS)}
    for kind, (name, root) in doc.notes.items():
        apply(root, side)
        ref_tag = w("footnoteReference" if kind == "footnotes" else "endnoteReference")
        for note in list(root.iter(*_NOTE_TAGS)):
            if note.get(w("type")) not in (None, "normal"):
                continue
            if (ref_tag, str(note.get(w("id")))) not in referenced:
                _remove(note)
        parts[name] = serialize(root)
    return write_package(parts)


def accept_all(docx: bytes) -> bytes:
    """The .docx with every tracked change accepted (NEW's document)."""
    return _review(docx, "accept")


def reject_all(docx: bytes) -> bytes:
    """The .docx with every tracked change rejected (OLD's document)."""
    return _review(docx, "reject")
