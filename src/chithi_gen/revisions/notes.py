"""Footnotes and endnotes during a comparison: keys, adoption of deleted notes, marks.

A reference in content kept from OLD (a deleted paragraph or run) points at OLD's
note: that note is copied into the output's notes part under a fresh id, its content
marked deleted. A reference inserted from NEW gets its note's content marked inserted.
References at the same place on both sides are paired; their notes' contents are
diffed once the body is done.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from chithi_gen.revisions.marks import Marker
from chithi_gen.revisions.ooxml import ENDNOTE_REF, FOOTNOTE_REF, Element, canonical, clone, w
from chithi_gen.revisions.sanitize import sanitize
from chithi_gen.revisions.source import Docx

REF_TAGS = (FOOTNOTE_REF, ENDNOTE_REF)
_KIND_OF_REF = {FOOTNOTE_REF: "footnotes", ENDNOTE_REF: "endnotes"}
_NOTE_TAG = {"footnotes": w("footnote"), "endnotes": w("endnote")}


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


@dataclass
class NoteSide:
    """The notes of one kind in one document, by id."""

    root: Element | None
    by_id: dict[str, Element] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Docx, kind: str) -> NoteSide:
        """The notes of ``kind`` (``"footnotes"``/``"endnotes"``) of ``doc``."""
        found = doc.notes.get(kind)
        if found is None:
            return cls(None)
        root = found[1]
        by_id = {str(n.get(w("id"))): n for n in root.iter(_NOTE_TAG[kind])}
        return cls(root, by_id)

    def digest(self, note_id: str | None) -> str:
        """A short fingerprint of a note's content (its id left out)."""
        note = self.by_id.get(str(note_id))
        if note is None:
            return "missing"
        copy = clone(note)
        copy.attrib.pop(w("id"), None)
        return hashlib.sha1(canonical(copy)).hexdigest()[:16]


class Notes:
    """Both sides' notes of both kinds, and what the comparison did to NEW's."""

    def __init__(self, old: Docx, new: Docx, marker: Marker) -> None:
        self.marker = marker
        self.old = {k: NoteSide.of(old, k) for k in _NOTE_TAG}
        self.new = {k: NoteSide.of(new, k) for k in _NOTE_TAG}
        self.imported: dict[tuple[str, str], str] = {}
        self.marked: set[tuple[str, str]] = set()
        self.pairs: list[tuple[str, str, str]] = []
        self.dirty: set[str] = set()
        self._next = {
            k: max([0, *(i for i in map(_int, side.by_id) if i is not None)]) + 1
            for k, side in self.new.items()
        }

    def keyed(self, el: Element, old: bool) -> Element:
        """``el``, or a copy whose note references carry their notes' fingerprints
        instead of ids (so keys compare note contents, not numbering)."""
        if next(el.iter(*REF_TAGS), None) is None:
            return el
        copy = clone(el)
        sides = self.old if old else self.new
        for ref in copy.iter(*REF_TAGS):
            ref.set(w("id"), sides[_KIND_OF_REF[ref.tag]].digest(ref.get(w("id"))))
        return copy

    def adopt(self, el: Element) -> None:
        """Point the references in ``el`` (content copied from OLD, to be marked
        deleted) at copies of OLD's notes in the output, marked deleted."""
        for ref in list(el.iter(*REF_TAGS)):
            kind = _KIND_OF_REF[ref.tag]
            old_id = str(ref.get(w("id")))
            new_id = self._import(kind, old_id)
            if new_id is None:
                parent = ref.getparent()
                if parent is not None:
                    parent.remove(ref)
            else:
                ref.set(w("id"), new_id)

    def _import(self, kind: str, old_id: str) -> str | None:
        if (kind, old_id) in self.imported:
            return self.imported[(kind, old_id)]
        note = self.old[kind].by_id.get(old_id)
        target = self.new[kind]
        if note is None or target.root is None:
            return None
        copy = clone(note)
        sanitize(copy)
        new_id = str(self._next[kind])
        self._next[kind] += 1
        copy.set(w("id"), new_id)
        self.marker.mark_block(copy, "del")
        target.root.append(copy)
        target.by_id[new_id] = copy
        self.imported[(kind, old_id)] = new_id
        self.dirty.add(kind)
        return new_id

    def inserted(self, el: Element) -> None:
        """Mark inserted the notes referenced from ``el`` (content inserted from NEW)."""
        for ref in el.iter(*REF_TAGS):
            kind = _KIND_OF_REF[ref.tag]
            note_id = str(ref.get(w("id")))
            note = self.new[kind].by_id.get(note_id)
            if note is None or (kind, note_id) in self.marked:
                continue
            self.marked.add((kind, note_id))
            self.marker.mark_block(note, "ins")
            self.dirty.add(kind)

    def pair(self, old_ref: Element, new_ref: Element) -> None:
        """References at the same place: diff their notes later if they differ."""
        if old_ref.tag != new_ref.tag:
            return
        kind = _KIND_OF_REF[old_ref.tag]
        old_id, new_id = str(old_ref.get(w("id"))), str(new_ref.get(w("id")))
        if self.old[kind].digest(old_id) != self.new[kind].digest(new_id):
            self.pairs.append((kind, old_id, new_id))

    def pending(self) -> list[tuple[str, Element, Element, int]]:
        """Paired notes to diff: (kind, old note, new note, number), each once."""
        out = []
        seen: set[tuple[str, str]] = set()
        for kind, old_id, new_id in self.pairs:
            old_note = self.old[kind].by_id.get(old_id)
            new_note = self.new[kind].by_id.get(new_id)
            if old_note is None or new_note is None or (kind, new_id) in seen:
                continue
            seen.add((kind, new_id))
            self.dirty.add(kind)
            out.append((kind, old_note, new_note, _int(new_id) or 0))
        return out
