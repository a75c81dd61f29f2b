"""What the import could not read: notes that become YAML comments in the campaign file.

A :class:`Note` says what could not be read and where it stood in the .docx, in
Vietnamese and in English, and names the field of the campaign file it belongs to
(``path``, a tuple of keys and list positions), so the writer puts it as a comment just
above that field.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: A field of the campaign file: keys and 0-based list positions.
Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Note:
    """One thing the import could not read (or read by guessing), at field ``path``."""

    path: Path
    vi: str
    en: str
    #: Where it stood in the .docx ("đoạn 12 «…» / paragraph 12 «…»"), if known.
    where: str = ""

    def text(self) -> str:
        """The comment's text: Vietnamese, then English, then where."""
        place = f" — {self.where}" if self.where else ""
        return f"{self.vi} ({self.en}){place}"


@dataclass
class Notes:
    """The notes gathered while importing one document, in the order they were found."""

    items: list[Note] = field(default_factory=list)

    def add(self, path: Path, vi: str, en: str, where: str = "") -> None:
        """Note that the value at ``path`` could not be read as it stood."""
        self.items.append(Note(path, vi, en, where))

    def moved(self, prefix: Path) -> list[Note]:
        """The notes with ``prefix`` put before each path (a part read on its own)."""
        return [Note((*prefix, *n.path), n.vi, n.en, n.where) for n in self.items]
