"""Making content copied from OLD safe to place in NEW's document.

Bookmarks, comment anchors and permission ranges would clash with NEW's ids and
names; anything pointing at OLD's relationships (images, headers, hyperlinks' targets)
would point at nothing, or at the wrong part, in NEW's package. They are removed
(a hyperlink keeps its text).
"""

from __future__ import annotations

from chithi_gen.revisions.ooxml import R_NS, Element, R, w

_DROP = tuple(
    w(t)
    for t in (
        "bookmarkStart",
        "bookmarkEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "commentReference",
        "permStart",
        "permEnd",
        "proofErr",
    )
)


def _remove(el: Element) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _points_outside(el: Element) -> bool:
    return any(str(name).startswith(f"{{{R_NS}}}") for name in el.attrib)


def sanitize(root: Element) -> None:
    """Remove from ``root`` (in place) what cannot travel to another package."""
    for el in list(root.iter(*_DROP)):
        _remove(el)
    for el in list(root.iter(w("hyperlink"))):
        el.attrib.pop(f"{{{R_NS}}}id", None)
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or not _points_outside(el):
            continue
        # Inside a run, remove the run's child holding the reference (a drawing, an
        # object); elsewhere (a header reference in w:sectPr) the element alone.
        top, parent = el, el.getparent()
        while parent is not None and parent.tag != R and parent is not root:
            top, parent = parent, parent.getparent()
        _remove(top if parent is not None and parent.tag == R else el)
