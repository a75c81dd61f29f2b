"""What a line says: normalised text, capitals, bold, typed rules, marks, labels.

Every locator compares text after ``norm`` (NFC, no-break spaces as spaces,
whitespace collapsed), the way a reader ignores how a clerk spaced it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

from chithi_gen.check.locate.patterns import MARKS
from chithi_gen.check.read.paragraph import Line, Paragraph

_RULE_CHARS = set("_-–—─‾━")


def norm(text: str) -> str:
    """NFC, no-break spaces as spaces, whitespace collapsed, stripped."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return " ".join(text.split())


def is_rule_text(text: str) -> bool:
    """True for a line drawn with characters: underscores or dashes only (at least 3)."""
    stripped = "".join(text.split())
    return len(stripped) >= 3 and set(stripped) <= _RULE_CHARS


def is_bold(line: Line) -> bool:
    """True when every visible segment of ``line`` is bold."""
    vis = line.visible
    return bool(vis) and all(s.props.bold for s in vis)


def is_caps_text(text: str) -> bool:
    """True when the letters of ``text`` are capitals (at least two letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(not ch.islower() for ch in letters)


def text_lines(p: Paragraph) -> list[Line]:
    """The lines of ``p`` that show text."""
    return [ln for ln in p.lines() if norm(ln.text)]


def header_lines(p: Paragraph) -> list[Line]:
    """The lines of a header paragraph, each column of a tab-laid line on its own."""
    return [col for line in p.lines() for col in line.columns()]


def mark_kind(text: str) -> str | None:
    """``khan``/``mat``/``luu_hanh`` when ``text`` is one of the marks."""
    return MARKS.get(norm(text).upper().strip(" .:"))


def label_text(line: Line) -> str:
    """The line's text before a tab (a clerk may type the signature beside it)."""
    return norm(line.text.split("\t", 1)[0])


def first_matching(paras: Iterable[Paragraph], test: Callable[[Line], bool]) -> Line | None:
    """The first line showing text, in ``paras``, for which ``test`` is true."""
    for p in paras:
        for line in p.lines():
            if norm(line.text) and test(line):
                return line
    return None


def is_skippable(p: Paragraph) -> bool:
    """True for what may stand between the header and the title: a blank line, a typed
    rule, marks."""
    if p.is_blank or is_rule_text(p.text):
        return True
    return all(mark_kind(ln.text) for ln in text_lines(p))
