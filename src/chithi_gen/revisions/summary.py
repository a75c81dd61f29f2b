"""What changed between two documents, as plain data a command line can print."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ChangeKind = Literal["added", "removed", "changed"]
#: A place in the document: (("bang", 1), ("hang", 2), ("o", 1)) is table 1, row 2,
#: cell 1; () is the body; ("chu_thich", 3) is footnote 3.
Place = tuple[tuple[str, int], ...]

_PLACE_WORDS = {
    "bang": ("bảng", "table"),
    "hang": ("hàng", "row"),
    "o": ("ô", "cell"),
    "chu_thich": ("chú thích", "footnote"),
    "cuoi_trang": ("chú thích cuối", "endnote"),
}
_KIND_WORDS = {
    "added": ("Thêm", "added"),
    "removed": ("Bỏ", "removed"),
    "changed": ("Sửa", "changed"),
}
#: Characters of context kept on each side of a change in an excerpt.
CONTEXT = 30
#: Longest excerpt, in characters.
EXCERPT = 100


def excerpt(text: str, start: int = 0, limit: int = EXCERPT) -> str:
    """``text`` from ``start`` (minus some context), at most ``limit`` characters."""
    text = " ".join(text.split())
    begin = max(0, start - CONTEXT)
    out = text[begin : begin + limit]
    if begin > 0:
        out = "…" + out
    if begin + limit < len(text):
        out += "…"
    return out


def changed_excerpts(old: str, new: str) -> tuple[str, str]:
    """Excerpts of two versions of a paragraph around where they first differ."""
    a, b = " ".join(old.split()), " ".join(new.split())
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return excerpt(a, n), excerpt(b, n)


@dataclass(frozen=True)
class Change:
    """One paragraph (or table row) added, removed or changed."""

    kind: ChangeKind
    place: Place
    #: Excerpt of the old text ('' when added) and of the new text ('' when removed).
    old: str
    new: str

    def where(self) -> tuple[str, str]:
        """The place in words: (Vietnamese, English); the body is "thân văn bản"."""
        if not self.place:
            return "thân văn bản", "body"
        vi = ", ".join(f"{_PLACE_WORDS[k][0]} {n}" for k, n in self.place)
        en = ", ".join(f"{_PLACE_WORDS[k][1]} {n}" for k, n in self.place)
        return vi, en

    def line(self) -> str:
        """One printable line: ``Sửa (changed) [bảng 1, hàng 2 / table 1, row 2]: …``."""
        vi, en = _KIND_WORDS[self.kind]
        where_vi, where_en = self.where()
        head = f"{vi} ({en}) [{where_vi} / {where_en}]"
        if self.kind == "added":
            return f"{head}: + {self.new}"
        if self.kind == "removed":
            return f"{head}: - {self.old}"
        if self.old == self.new:
            return f"{head}: đổi định dạng (formatting changed): {self.new or '(trống / empty)'}"
        return f"{head}: - {self.old}  → + {self.new}"


@dataclass(frozen=True)
class ChangeSummary:
    """All changes, in document order, with counts."""

    changes: tuple[Change, ...] = field(default=())
    #: Number of revision marks written (``w:ins``, ``w:del``, property changes).
    revisions: int = 0

    def of_kind(self, kind: ChangeKind) -> tuple[Change, ...]:
        """The changes of one kind."""
        return tuple(c for c in self.changes if c.kind == kind)

    @property
    def added(self) -> tuple[Change, ...]:
        """Paragraphs and rows added."""
        return self.of_kind("added")

    @property
    def removed(self) -> tuple[Change, ...]:
        """Paragraphs and rows removed."""
        return self.of_kind("removed")

    @property
    def changed(self) -> tuple[Change, ...]:
        """Paragraphs changed in place."""
        return self.of_kind("changed")

    def headline(self) -> str:
        """``Thêm 2, bỏ 1, sửa 5 đoạn (2 added, 1 removed, 5 changed)``."""
        a, r, c = len(self.added), len(self.removed), len(self.changed)
        if not self.changes:
            return "Không có thay đổi (no changes)"
        return f"Thêm {a}, bỏ {r}, sửa {c} đoạn ({a} added, {r} removed, {c} changed)"

    def lines(self, limit: int | None = None) -> list[str]:
        """The headline, then one line per change (at most ``limit`` of them)."""
        shown = self.changes if limit is None else self.changes[:limit]
        out = [self.headline(), *(c.line() for c in shown)]
        if len(shown) < len(self.changes):
            rest = len(self.changes) - len(shown)
            out.append(f"… và {rest} thay đổi khác (… and {rest} more)")
        return out
