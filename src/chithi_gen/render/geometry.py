"""What the renderer measures in a layout: text widths of its places, sizes of its styles.

The decree's rules are drawn to lengths measured against their line of text (Phụ lục I,
II.1.b, II.2.b, II.5.b) and centred lines are broken before Word sees them, so the
renderer needs the width of the header cells and of the text area, and the size and
weight of the styles those lines are set in. All are read from the layout itself: a
template author who widens a column or enlarges a style gets rules and breaks to match.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lxml is imported when a layout is measured, not to render
    from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W}
#: Word's default left and right cell margins (twips) when a table sets none.
_DEFAULT_CELL_MARGINS = 2 * 108


@dataclass(frozen=True)
class Geometry:
    """What the renderer must know of a layout to size the rules and break lines.

    Widths are twips (1/20 pt) of the text area inside each place; sizes are points.
    """

    co_quan_width: int
    quoc_hieu_width: int
    text_width: int
    co_quan_size: float
    co_quan_bold: bool
    chu_quan_size: float
    chu_quan_bold: bool
    tieu_ngu_size: float
    tieu_ngu_bold: bool
    quoc_hieu_size: float
    quoc_hieu_bold: bool
    trich_yeu_size: float
    trich_yeu_bold: bool


def _style_font(styles: etree._Element, style_id: str) -> tuple[float, bool]:
    """Size (pt) and boldness of a paragraph style, following ``basedOn``."""
    size: float | None = None
    bold: bool | None = None
    seen: set[str] = set()
    current: str | None = style_id
    while current and current not in seen:
        seen.add(current)
        found = styles.find(f"w:style[@w:styleId='{current}']", _NS)
        if found is None:
            break
        if size is None:
            sz = found.find("w:rPr/w:sz", _NS)
            if sz is not None:
                size = int(sz.get(f"{{{W}}}val", "28")) / 2
        if bold is None:
            b = found.find("w:rPr/w:b", _NS)
            if b is not None:
                bold = b.get(f"{{{W}}}val", "1") not in ("0", "false")
        based = found.find("w:basedOn", _NS)
        current = based.get(f"{{{W}}}val") if based is not None else None
    if size is None:
        sz = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:sz", _NS)
        size = int(sz.get(f"{{{W}}}val", "24")) / 2 if sz is not None else 12.0
    return size, bool(bold)


def _cell_text_widths(document: etree._Element) -> tuple[int, int]:
    """Inner widths of the two header cells: grid columns minus cell margins."""
    tbl = document.find(".//w:tbl", _NS)
    if tbl is None:
        raise ValueError("the layout has no header table")
    cols = [int(c.get(f"{{{W}}}w", "0")) for c in tbl.findall("w:tblGrid/w:gridCol", _NS)]
    if len(cols) < 2:
        raise ValueError("the header table needs two columns")
    mar = 0
    found = False
    for side in ("left", "start", "right", "end"):
        el = tbl.find(f"w:tblPr/w:tblCellMar/w:{side}", _NS)
        if el is not None:
            found = True
            mar += int(el.get(f"{{{W}}}w", "0"))
    if not found:  # an explicit margin of 0 is kept; only an absent one is Word's default
        mar = _DEFAULT_CELL_MARGINS
    return cols[0] - mar, cols[1] - mar


def _text_area(document: etree._Element) -> int:
    sect = document.find(".//w:body/w:sectPr", _NS)
    if sect is None:
        raise ValueError("the layout has no section properties")
    pg = sect.find("w:pgSz", _NS)
    mar = sect.find("w:pgMar", _NS)
    if pg is None or mar is None:
        raise ValueError("the layout has no page size or margins")
    width = int(pg.get(f"{{{W}}}w", "11906"))
    left = int(mar.get(f"{{{W}}}left", mar.get(f"{{{W}}}start", "0")))
    right = int(mar.get(f"{{{W}}}right", mar.get(f"{{{W}}}end", "0")))
    return width - left - right


def read_geometry(parts: Mapping[str, bytes]) -> Geometry:
    """Read :class:`Geometry` from a layout's ``document.xml`` and ``styles.xml``."""
    from lxml import etree

    document = etree.fromstring(parts["word/document.xml"])
    styles = etree.fromstring(parts["word/styles.xml"])
    co_quan_w, quoc_hieu_w = _cell_text_widths(document)
    cq_size, cq_bold = _style_font(styles, "CoQuanBanHanh")
    cqcq_size, cqcq_bold = _style_font(styles, "CoQuanChuQuan")
    tn_size, tn_bold = _style_font(styles, "TieuNgu")
    qh_size, qh_bold = _style_font(styles, "QuocHieu")
    ty_size, ty_bold = _style_font(styles, "TrichYeu")
    return Geometry(
        co_quan_width=co_quan_w,
        quoc_hieu_width=quoc_hieu_w,
        text_width=_text_area(document),
        co_quan_size=cq_size,
        co_quan_bold=cq_bold,
        chu_quan_size=cqcq_size,
        chu_quan_bold=cqcq_bold,
        tieu_ngu_size=tn_size,
        tieu_ngu_bold=tn_bold,
        quoc_hieu_size=qh_size,
        quoc_hieu_bold=qh_bold,
        trich_yeu_size=ty_size,
        trich_yeu_bold=ty_bold,
    )
