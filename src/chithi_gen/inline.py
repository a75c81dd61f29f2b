"""Inline emphasis in user text: ``**đậm**`` (bold) and ``*nghiêng*`` (italic).

A deliberately tiny grammar, so that a clerk's text is never misread: ``**`` toggles
bold, a single ``*`` toggles italic, ``\\*`` is a literal asterisk. An unclosed marker
is kept as a literal character instead of swallowing the rest of the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\\\*|\*\*|\*")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


def _balanced(tokens: list[str], marker: str) -> bool:
    return tokens.count(marker) % 2 == 0


def parse(text: str) -> list[Span]:
    """Split ``text`` into spans. Text without markers gives one plain span."""
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


def plain(text: str) -> str:
    """The text without emphasis markers."""
    return "".join(s.text for s in parse(text))
