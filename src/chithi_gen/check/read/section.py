"""Page setup of a section: paper size, orientation, margins, header and footer parts."""

from __future__ import annotations

from dataclasses import dataclass

from chithi_gen.check.read.ooxml import R_NS, Element, child, on_off, side, to_int, w, wattr


@dataclass
class Section:
    """Page setup of one section (lengths in twips)."""

    index: int
    element: Element | None
    page_width: int
    page_height: int
    orient: str
    top: int
    bottom: int
    left: int
    right: int
    gutter: int
    title_page: bool
    headers: dict[str, str]  # type -> relationship id
    footers: dict[str, str]
    page_number_format: str | None
    has_table: bool = False

    @property
    def text_width(self) -> int:
        """Width of the text area between the margins."""
        return self.page_width - self.left - self.right - self.gutter


def _length(value: str | None, default: int) -> int:
    number = to_int(value)
    return default if number is None else number


def read_section(index: int, sect: Element | None) -> Section:
    pg = child(sect, "pgSz")
    mar = child(sect, "pgMar")
    headers: dict[str, str] = {}
    footers: dict[str, str] = {}
    if sect is not None:
        for ref in sect.iter(w("headerReference"), w("footerReference")):
            kind = wattr(ref, "type") or "default"
            rid = ref.get(f"{{{R_NS}}}id")
            if rid is None:
                continue
            (headers if ref.tag == w("headerReference") else footers)[kind] = str(rid)
    return Section(
        index=index,
        element=sect,
        page_width=_length(wattr(pg, "w"), 12240),
        page_height=_length(wattr(pg, "h"), 15840),
        orient=wattr(pg, "orient") or "portrait",
        # A negative top/bottom margin is "exact" (text may not push it): same distance.
        top=abs(_length(wattr(mar, "top"), 1440)),
        bottom=abs(_length(wattr(mar, "bottom"), 1440)),
        left=_length(side(mar, "left"), 1440),
        right=_length(side(mar, "right"), 1440),
        gutter=_length(wattr(mar, "gutter"), 0),
        title_page=bool(on_off(child(sect, "titlePg"))),
        headers=headers,
        footers=footers,
        page_number_format=wattr(child(sect, "pgNumType"), "fmt"),
    )
