"""Inline markup in user text: emphasis, footnotes and citations.

A deliberately tiny grammar, so that a clerk's text is never misread:

* ``**đậm**`` bold, ``*nghiêng*`` italic; ``\\*`` is a literal asterisk. An unclosed
  marker is kept as a literal character instead of swallowing the rest of the text.
* ``^[nội dung chú thích]`` a footnote (chú thích) at this point: a real Word footnote,
  numbered by Word, its text at the bottom of the page.
* ``[[ct42]]`` a citation of a document declared under ``dan_chieu`` in the campaign
  file: written in full the first time and short afterwards (Phụ lục I, II.6.b);
  ``[[ct42:day_du]]``, ``[[ct42:vua]]`` (without the trích yếu) and ``[[ct42:ngan]]``
  force a form.
* ``|`` in a title line (the trích yếu, a line of the agency's name) — a line break
  the clerk chose: ``Thực hiện Chỉ thị số 05-CT/HU | của Ban Thường vụ Huyện ủy``.
  Composed text carries it as a newline (:func:`line_breaks`); the renderer keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_TOKEN = re.compile(r"\\\*|\*\*|\*")
#: A footnote: ``^[...]``; the text may hold citations (``[[x]]``) but no brackets.
_FOOTNOTE = re.compile(r"\^\[((?:[^\[\]]|\[\[[^\[\]]*\]\])*)\]")
#: A citation ``[[key]]`` or ``[[key:form]]``.
_CITATION = re.compile(r"\[\[([A-Za-z0-9_\-]+)(?::([a-z_]+))?\]\]")

#: The forms a citation may force (``tu_dong``: full at the first mention, then short).
FORMS: tuple[str, ...] = ("tu_dong", "day_du", "vua", "ngan")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text with its emphasis, or a footnote, or a citation to resolve."""

    text: str
    bold: bool = False
    italic: bool = False
    footnote: str | None = None
    citation: tuple[str, str] | None = None


def _balanced(tokens: list[str], marker: str) -> bool:
    return tokens.count(marker) % 2 == 0


def _emphasis(text: str) -> list[Span]:
    if "*" not in text:
        return [Span(text)] if text else []
    tokens = [m.group() for m in _TOKEN.finditer(text)]
    use_bold = _balanced(tokens, "**")
    use_italic = _balanced(tokens, "*")
    spans: list[Span] = []
    bold = italic = False
    buf: list[str] = []
    pos = 0

    def flush() -> None:
        if buf:
            spans.append(Span("".join(buf), bold, italic))
            buf.clear()

    for m in _TOKEN.finditer(text):
        buf.append(text[pos : m.start()])
        tok = m.group()
        if tok == "\\*":
            buf.append("*")
        elif tok == "**" and use_bold:
            flush()
            bold = not bold
        elif tok == "*" and use_italic:
            flush()
            italic = not italic
        else:
            buf.append(tok)
        pos = m.end()
    buf.append(text[pos:])
    flush()
    return [s for s in spans if s.text]


def _with_citations(span: Span) -> Iterator[Span]:
    pos = 0
    for m in _CITATION.finditer(span.text):
        if m.start() > pos:
            yield Span(span.text[pos : m.start()], span.bold, span.italic)
        yield Span("", span.bold, span.italic, citation=(m.group(1), m.group(2) or "tu_dong"))
        pos = m.end()
    if pos < len(span.text):
        yield Span(span.text[pos:], span.bold, span.italic)


def parse(text: str) -> list[Span]:
    """Split ``text`` into spans. Text without markup gives one plain span."""
    out: list[Span] = []
    pos = 0
    for m in _FOOTNOTE.finditer(text):
        for span in _emphasis(text[pos : m.start()]):
            out.extend(_with_citations(span))
        out.append(Span("", footnote=m.group(1).strip()))
        pos = m.end()
    for span in _emphasis(text[pos:]):
        out.extend(_with_citations(span))
    return out


def citations(text: str) -> list[tuple[str, str]]:
    """Every ``(key, form)`` cited in ``text``, footnotes included, in order."""
    return [(m.group(1), m.group(2) or "tu_dong") for m in _CITATION.finditer(text)]


def plain(text: str) -> str:
    """The text without markup (footnotes dropped, citations as their keys)."""
    return "".join(s.text or (s.citation[0] if s.citation else "") for s in parse(text))


#: The forced line break a clerk types in a title line.
NGAT_DONG = "|"
_NGAT_DONG = re.compile(r"\s*\|\s*")


def line_breaks(text: str) -> str:
    """A title line with the clerk's ``|`` breaks as newlines (empty lines dropped)."""
    return "\n".join(p for p in _NGAT_DONG.split(text) if p)


def one_line(text: str) -> str:
    """A title line with its breaks (``|`` or newline) as spaces, for running text."""
    return " ".join(p for p in re.split(r"\s*[|\n]\s*", text) if p)
