"""A paragraph as a sequence of word tokens, each remembering the run it came from.

Text is split into words (letters and digits, with any combining marks), runs of
spaces and single punctuation marks, so that "02/CT-UBND" against "05/CT-UBND" changes
only the number. Other run content (breaks, tabs, footnote references) is one token
each. A paragraph holding anything but runs (hyperlinks, fields in ``w:fldSimple``,
bookmarks, content controls) is not tokenized: it is compared as a whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from chithi_gen.revisions.ooxml import PPR, RPR, Element, R, T, w

_WORD = re.compile(r"[\w\u0300-\u036f]+|\s+|[^\w\s]", re.UNICODE)
#: Run content that stands for a character.
_CHAR_KEYS = {
    w("tab"): "\t",
    w("br"): "\n",
    w("cr"): "\n",
    w("noBreakHyphen"): "\u2011",
    w("softHyphen"): "\u00ad",
}
#: Run content that is dropped (Word rewrites it on every save).
_IGNORED = frozenset({RPR, w("lastRenderedPageBreak")})
#: Paragraph content that is dropped when the paragraph is rebuilt.
_PARA_IGNORED = frozenset({PPR, w("proofErr")})


@dataclass(frozen=True)
class Token:
    """One word, space, mark or special run element of a paragraph."""

    key: str
    #: Index of the source run in :attr:`Tokens.runs`.
    run: int
    #: The text of a text token, or None for an element token.
    text: str | None = None
    element: Element | None = None


@dataclass(frozen=True)
class Tokens:
    """A tokenized paragraph: its runs and their tokens in order."""

    runs: tuple[Element, ...]
    tokens: tuple[Token, ...]

    def words(self) -> list[str]:
        """The keys of the tokens that are not spaces (for similarity)."""
        return [t.key for t in self.tokens if not t.key.isspace()]


def _element_key(el: Element) -> str:
    if el.tag in _CHAR_KEYS:
        return _CHAR_KEYS[el.tag]
    if el.tag in (w("footnoteReference"), w("endnoteReference")):
        # References are compared by position; the notes' contents are compared apart.
        return "\x00" + str(etree.QName(el).localname)
    if el.tag == w("sym"):
        return "\x00sym:" + (el.get(w("font")) or "") + ":" + (el.get(w("char")) or "")
    return "\x00" + bytes(etree.tostring(el, method="c14n")).decode("utf-8")


def tokenize(p: Element) -> Tokens | None:
    """The tokens of paragraph ``p``, or None if it holds more than plain runs."""
    runs: list[Element] = []
    tokens: list[Token] = []
    for child in p:
        if not isinstance(child.tag, str) or child.tag in _PARA_IGNORED:
            continue
        if child.tag != R:
            return None
        index = len(runs)
        runs.append(child)
        for el in child:
            if not isinstance(el.tag, str) or el.tag in _IGNORED:
                continue
            if el.tag == T:
                for m in _WORD.finditer(el.text or ""):
                    tokens.append(Token(m.group(0), index, text=m.group(0)))
            else:
                tokens.append(Token(_element_key(el), index, element=el))
    return Tokens(tuple(runs), tuple(tokens))
