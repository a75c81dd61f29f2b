"""WordprocessingML names and the small tree helpers the revision modules share."""

from __future__ import annotations

import copy
from typing import TypeAlias

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

Element: TypeAlias = etree._Element


def w(tag: str) -> str:
    """The Clark name ``{w-namespace}tag``."""
    return f"{{{W_NS}}}{tag}"


P, R, T, TBL, TR, TC = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc")
PPR, RPR, TRPR = w("pPr"), w("rPr"), w("trPr")
INS, DEL, DEL_TEXT = w("ins"), w("del"), w("delText")
INSTR, DEL_INSTR = w("instrText"), w("delInstrText")
PPR_CHANGE, RPR_CHANGE = w("pPrChange"), w("rPrChange")
SECT_PR = w("sectPr")
FOOTNOTE_REF, ENDNOTE_REF = w("footnoteReference"), w("endnoteReference")

#: Block-level content of a body, a table cell, a footnote: what the diff aligns.
BLOCKS = frozenset({P, TBL, w("sdt"), w("customXml")})
#: Elements that record revisions; inputs holding any of them are refused.
REVISION_TAGS = frozenset(
    {INS, DEL, w("moveFrom"), w("moveTo"), PPR_CHANGE, RPR_CHANGE, w("trPrChange")}
    | {w("tblPrChange"), w("tcPrChange"), w("sectPrChange"), w("cellIns"), w("cellDel")}
)


def is_block(el: Element) -> bool:
    """Whether ``el`` is block-level content (paragraph, table, content control)."""
    return el.tag in BLOCKS


def blocks(parent: Element) -> list[Element]:
    """The block-level children of ``parent``, in order."""
    return [c for c in parent if c.tag in BLOCKS]


def text_of(el: Element) -> str:
    """Text of ``el``: its ``w:t`` descendants (deleted text, ``w:delText``, left out),
    a line break, carriage return or tab counting as a space."""
    return "".join(
        (t.text or "") if t.tag == T else " " for t in el.iter(T, w("br"), w("cr"), w("tab"))
    )


def canonical(el: Element | None) -> bytes:
    """Bytes that are equal exactly when two elements are equal (C14N)."""
    if el is None:
        return b""
    return bytes(etree.tostring(el, method="c14n"))


def clone(el: Element) -> Element:
    """A deep copy of ``el``."""
    return copy.deepcopy(el)


def parser() -> etree.XMLParser:
    """An XML parser that resolves no entities and fetches nothing."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=False
    )


def serialize(root: Element) -> bytes:
    """A part's bytes, with the declaration Word writes."""
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
