"""WordprocessingML vocabulary: namespaces, qualified names and value parsing.

Values are parsed leniently, the way Word reads them: on/off attributes accept
``1/0/true/false/on/off``, lengths are twips unless said otherwise, and the logical
attribute names written by LibreOffice (``w:start``/``w:end``) are read as
``w:left``/``w:right``.
"""

from __future__ import annotations

import math
from typing import TypeAlias

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V_NS = "urn:schemas-microsoft-com:vml"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

Element: TypeAlias = etree._Element

#: One point in twips, and one millimetre in twips.
PT = 20
MM = 1440 / 25.4
#: English Metric Units per twip (DrawingML lengths).
EMU_PER_TWIP = 635
#: Numbers beyond this magnitude are malformed (ST_TwipsMeasure and EMU lengths stay
#: far below it), and are read as absent.
MAX_LENGTH = 10**12


def w(tag: str) -> str:
    """The Clark name ``{w-namespace}tag``."""
    return f"{{{W_NS}}}{tag}"


def wattr(el: Element | None, name: str) -> str | None:
    """The value of attribute ``w:name`` of ``el`` (None if absent or no element)."""
    if el is None:
        return None
    value = el.get(w(name))
    return None if value is None else str(value)


def on_off(el: Element | None) -> bool | None:
    """An on/off property element: None when absent, else its ``w:val`` (default on)."""
    if el is None:
        return None
    val = wattr(el, "val")
    if val is None:
        return True
    return val.strip().lower() not in {"0", "false", "off", "none"}


def to_int(value: str | None) -> int | None:
    """An integer attribute value, tolerant of decimals; None for junk, ``inf`` or ``nan``."""
    if value is None:
        return None
    text = value.strip()
    try:
        number = float(text)
    except ValueError:
        return None
    if not math.isfinite(number) or abs(number) > MAX_LENGTH:
        return None  # "inf", "nan", 1e400: not a length Word would use
    return round(number)


def local(el: Element) -> str:
    """The local name of ``el`` (empty for comments and processing instructions)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def ns(el: Element) -> str:
    """The namespace URI of ``el``."""
    tag = el.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ""
    return tag[1:].split("}", 1)[0]


def is_w(el: Element, tag: str) -> bool:
    """True if ``el`` is ``w:tag``."""
    return bool(el.tag == w(tag))


def side(el: Element | None, name: str) -> str | None:
    """Attribute ``left``/``right`` of an indentation/margin element, or its logical alias.

    LibreOffice writes ``w:start``/``w:end`` (left-to-right documents only here).
    """
    alias = {"left": "start", "right": "end"}.get(name)
    value = wattr(el, name)
    if value is None and alias is not None:
        value = wattr(el, alias)
    return value


def child(el: Element | None, tag: str) -> Element | None:
    """The first child ``w:tag`` of ``el``."""
    if el is None:
        return None
    return el.find(w(tag))


def side_child(el: Element | None, name: str) -> Element | None:
    """Child ``w:left``/``w:right`` (or ``w:start``/``w:end``) of a margins element."""
    found = child(el, name)
    if found is None:
        alias = {"left": "start", "right": "end"}.get(name)
        if alias is not None:
            found = child(el, alias)
    return found
