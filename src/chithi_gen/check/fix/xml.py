"""Editing WordprocessingML in place: property elements in schema order, a line's runs.

The fixes add children to ``w:pPr`` and ``w:rPr``; ECMA-376 fixes their order, so each
edited element is put back in schema order (children the tables below do not name keep
their place at the end).
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from chithi_gen.check.read.ooxml import Element, w
from chithi_gen.check.read.paragraph import Line
from chithi_gen.check.read.walk import iter_runs


def paragraph_props(p: Element) -> Element:
    """The ``w:pPr`` of paragraph ``p``, created first in it if missing."""
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p.insert(0, ppr)
    return ppr


#: Schema order of the pPr children the fixer writes (others keep their place).
PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)


RPR_ORDER = (
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
)


def order_children(el: Element, order: Sequence[str]) -> None:
    """Children of ``el`` sorted by ``order`` (local names; unknown ones last, in place)."""
    rank = {name: i for i, name in enumerate(order)}
    children = list(el)
    children.sort(key=lambda c: rank.get(str(c.tag).rsplit("}", 1)[-1], len(rank)))
    for c in children:
        el.remove(c)
        el.append(c)


def order_ppr(ppr: Element) -> None:
    """``w:pPr``'s children in schema order."""
    order_children(ppr, PPR_ORDER)


def line_runs(line: Line) -> list[Element]:
    """The runs of ``line`` (between the paragraph's line breaks)."""
    index = 0
    out: list[Element] = []
    for r in iter_runs(line.paragraph.element):
        has_break = False
        for el in r:
            if el.tag in {w("br"), w("cr")}:
                has_break = True
        if index == line.index and r.find(w("t")) is not None:
            out.append(r)
        if has_break:
            index += sum(1 for el in r if el.tag in {w("br"), w("cr")})
    return out


def line_texts(line: Line) -> list[Element]:
    """The ``w:t`` elements of ``line``, without superscript or subscript runs."""
    return [t for r in line_runs(line) for t in r.iter(w("t")) if not is_script(r)]


def is_script(r: Element) -> bool:
    """True for a superscript or subscript run (a note number)."""
    va = r.find(f"{w('rPr')}/{w('vertAlign')}")
    return va is not None and va.get(w("val")) in {"superscript", "subscript"}


def set_val(rpr: Element, tag: str, value: str) -> None:
    """Set ``w:val`` of child ``w:tag`` of ``rpr``, adding the child if missing."""
    el = rpr.find(w(tag))
    if el is None:
        el = etree.SubElement(rpr, w(tag))
    el.set(w("val"), value)
