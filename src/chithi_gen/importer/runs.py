"""A read paragraph's text as the campaign file writes it: emphasis and footnotes as markup.

Bold and italic stretches become ``**…**`` and ``*…*`` and a footnote reference
becomes ``^[its text]`` at the place it stood (the inline markup of
:mod:`chithi_gen.inline`); a literal ``*`` is escaped, line breaks and tabs become
spaces. Offsets are those of the checker's ``Paragraph.text``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from chithi_gen.check.read.paragraph import Paragraph

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Char:
    """One character of a paragraph with its emphasis."""

    ch: str
    bold: bool
    italic: bool


def chars(p: Paragraph, start: int = 0, end: int | None = None) -> list[Char]:
    """The characters of ``p`` from ``start`` to ``end``, white space as plain spaces."""
    out: list[Char] = []
    pos = 0
    for seg in p.segments:
        for ch in seg.text:
            if start <= pos and (end is None or pos < end):
                space = ch.isspace()
                out.append(Char(" " if space else ch, seg.props.bold, seg.props.italic))
            pos += 1
    return out


def note_text(text: str) -> str:
    """A note's text as ``^[…]`` may hold it: no square brackets, ``*`` escaped."""
    text = text.replace("[", "(").replace("]", ")").replace("*", "\\*")
    return _SPACES.sub(" ", text).strip()


def _escape(text: str) -> str:
    return text.replace("*", "\\*")


def _emphasised(group: list[Char]) -> str:
    """A stretch of one emphasis, its markers inside its outer spaces."""
    text = _escape("".join(c.ch for c in group))
    core = text.strip(" ")
    first = next((c for c in group if c.ch != " "), None)
    if not core or first is None:
        return text
    mark = ("**" if first.bold else "") + ("*" if first.italic else "")
    if not mark:
        return text
    lead = text[: len(text) - len(text.lstrip(" "))]
    tail = text[len(text.rstrip(" ")) :]
    return f"{lead}{mark}{core}{mark[::-1]}{tail}"


def markup(
    p: Paragraph,
    notes: Mapping[str, str],
    start: int = 0,
    end: int | None = None,
    *,
    emphasis: bool = True,
) -> str:
    """The text of ``p`` from ``start`` to ``end`` with its emphasis (unless
    ``emphasis`` is false) and footnotes as inline markup, white space collapsed."""
    cs = chars(p, start, end)
    refs = sorted(
        (at - start, notes.get(note_id, ""))
        for at, kind, note_id in p.notes
        if kind == "footnote" and start <= at and (end is None or at <= end)
    )
    pieces: list[str] = []
    group: list[Char] = []
    key: tuple[bool, bool] | None = None
    k = 0

    def flush() -> None:
        if group:
            text = _emphasised(group) if emphasis else _escape("".join(c.ch for c in group))
            pieces.append(text)
            group.clear()

    for i, c in enumerate([*cs, None]):
        while k < len(refs) and refs[k][0] == i:
            flush()
            key = None
            if refs[k][1]:
                pieces.append(f"^[{note_text(refs[k][1])}]")
            k += 1
        if c is None:
            break
        if c.ch != " ":
            if key is not None and (c.bold, c.italic) != key:
                flush()
            key = (c.bold, c.italic)
        group.append(c)
    flush()
    return _SPACES.sub(" ", "".join(pieces)).strip()


def plain(p: Paragraph, start: int = 0, end: int | None = None) -> str:
    """The text of ``p`` from ``start`` to ``end``, white space collapsed, no markup."""
    return _SPACES.sub(" ", "".join(c.ch for c in chars(p, start, end))).strip()


def bold_prefix_end(p: Paragraph, start: int = 0) -> int:
    """Where the bold stretch that opens the text from ``start`` ends (``start`` when
    it does not open with bold); leading white space is skipped."""
    cs = chars(p, start)
    i = 0
    while i < len(cs) and cs[i].ch == " ":
        i += 1
    j = i
    last = i
    while j < len(cs) and (cs[j].bold or cs[j].ch == " "):
        if cs[j].ch != " ":
            last = j + 1
        j += 1
    return start + (last if last > i else 0)


def has_notes_between(p: Paragraph, start: int, end: int) -> bool:
    """Whether a footnote reference stands inside ``p`` between the two offsets."""
    return any(start <= at < end for at, kind, _ in p.notes if kind == "footnote")
