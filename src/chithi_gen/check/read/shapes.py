"""Drawn shapes and text boxes inside a drawing, with their extent in twips.

Both DrawingML (``wp:inline``/``wp:anchor`` holding ``wps:wsp``) and VML (``v:line``,
``v:shape``, ``v:rect``) are read; a text box is returned with its inner width so its
paragraphs can be read in turn.
"""

from __future__ import annotations

import math
import re

from chithi_gen.check.read.ooxml import (
    A_NS,
    EMU_PER_TWIP,
    V_NS,
    WP_NS,
    WPS_NS,
    Element,
    local,
    to_int,
    w,
)
from chithi_gen.check.read.paragraph import Shape

#: Default inner margin of a DrawingML text box (0.1 inch = 144 twips each side).
TEXTBOX_INSET = 144


_LENGTH = re.compile(r"^\s*(-?[\d.]+)\s*(pt|in|cm|mm|px|pc|emu)?\s*$")
_UNIT_TWIPS = {"pt": 20.0, "in": 1440.0, "cm": 1440 / 2.54, "mm": 144 / 2.54, "px": 15.0}


def _vml_length(value: str | None) -> float | None:
    if not value:
        return None
    m = _LENGTH.match(value)
    if not m:
        return None
    try:
        number = float(m.group(1))
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    unit = m.group(2) or "px"
    if unit == "emu":
        return number / EMU_PER_TWIP
    if unit == "pc":
        return number * 240
    return number * _UNIT_TWIPS[unit]


def _vml_point(value: str | None) -> tuple[float, float]:
    x, _, y = str(value or "0,0").partition(",")
    return _vml_length(x) or 0.0, _vml_length(y) or 0.0


def _vml_style(style: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in style.split(";"):
        if ":" in item:
            key, value = item.split(":", 1)
            out[key.strip().lower()] = value.strip()
    return out


def shapes_in(drawing: Element) -> tuple[list[Shape], list[tuple[Element, float]]]:
    """Line shapes and text boxes (with their inner width) inside a drawing element."""
    shapes: list[Shape] = []
    boxes: list[tuple[Element, float]] = []
    for holder in drawing.iter(f"{{{WP_NS}}}inline", f"{{{WP_NS}}}anchor"):
        extent = holder.find(f"{{{WP_NS}}}extent")
        cx = (to_int(extent.get("cx")) or 0) / EMU_PER_TWIP if extent is not None else 0.0
        cy = (to_int(extent.get("cy")) or 0) / EMU_PER_TWIP if extent is not None else 0.0
        for wsp in holder.iter(f"{{{WPS_NS}}}wsp"):
            geom = wsp.find(f".//{{{A_NS}}}prstGeom")
            xfrm = wsp.find(f".//{{{A_NS}}}xfrm")
            rot = to_int(xfrm.get("rot")) if xfrm is not None else 0
            txbx = wsp.find(f"{{{WPS_NS}}}txbx/{w('txbxContent')}")
            if txbx is not None:
                boxes.append((txbx, max(cx - 2 * TEXTBOX_INSET, 0)))
                continue
            if rot and rot % 10800000:
                continue  # rotated: not a horizontal line
            prst = str(geom.get("prst", "")) if geom is not None else ""
            shapes.append(Shape("drawingml", prst, cx, cy))
    for el in drawing.iter(f"{{{V_NS}}}*"):
        name = local(el)
        style = _vml_style(str(el.get("style", "")))
        if name == "line":
            x1, y1 = _vml_point(el.get("from"))
            x2, y2 = _vml_point(el.get("to"))
            shapes.append(Shape("vml", "v:line", abs(x2 - x1), abs(y2 - y1)))
            continue
        if name not in {"shape", "rect"}:
            continue
        box = el.find(f"{{{V_NS}}}textbox/{w('txbxContent')}")
        width = _vml_length(style.get("width")) or 0.0
        height = _vml_length(style.get("height")) or 0.0
        if box is not None:
            boxes.append((box, max(width - 2 * TEXTBOX_INSET, 0)))
            continue
        kind = str(el.get("type", ""))
        if el.get("{urn:schemas-microsoft-com:office:office}hr") in {"t", "true"}:
            geometry = "hr"
        elif kind.endswith("_x0000_t32"):
            geometry = "connector"
        else:
            geometry = name
        shapes.append(Shape("vml", geometry, width, height))
    return shapes, boxes
