"""Editing a .docx in tests: parse its XML parts, change them with lxml, repack.

Used to break exactly one ND30 rule in an otherwise conforming document.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Iterator

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(tag: str) -> str:
    """Clark name of ``w:tag``."""
    return f"{{{W}}}{tag}"


def text_of(el: etree._Element) -> str:
    """Visible text of an element (its ``w:t`` descendants)."""
    return "".join(t.text or "" for t in el.iter(q("t")))


class DocxEdit:
    """A .docx held in memory, with parsed parts that may be changed and saved."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            self.entries = {name: zf.read(name) for name in zf.namelist()}
        self.roots: dict[str, etree._Element] = {}

    def xml(self, name: str = "word/document.xml") -> etree._Element:
        """The parsed part ``name`` (edits are kept until ``save``)."""
        if name not in self.roots:
            self.roots[name] = etree.fromstring(self.entries[name])
        return self.roots[name]

    @property
    def doc(self) -> etree._Element:
        """The main document part."""
        return self.xml()

    @property
    def body(self) -> etree._Element:
        """``w:body`` of the main document."""
        found = self.doc.find(q("body"))
        assert found is not None
        return found

    @property
    def sect(self) -> etree._Element:
        """The body's final ``w:sectPr``."""
        found = self.body.find(q("sectPr"))
        assert found is not None
        return found

    def style(self, style_id: str) -> etree._Element:
        """The style ``style_id`` of ``styles.xml``."""
        for st in self.xml("word/styles.xml").iter(q("style")):
            if st.get(q("styleId")) == style_id:
                return st
        raise KeyError(style_id)

    def paragraphs(self, style_id: str | None = None) -> Iterator[etree._Element]:
        """Paragraphs of the main document, optionally those of one style."""
        for p in self.doc.iter(q("p")):
            st = p.find(f"{q('pPr')}/{q('pStyle')}")
            if style_id is None or (st is not None and st.get(q("val")) == style_id):
                yield p

    def para(self, contains: str) -> etree._Element:
        """The first paragraph whose text contains ``contains``."""
        for p in self.doc.iter(q("p")):
            if contains in text_of(p):
                return p
        raise KeyError(contains)

    def rule_after(self, p: etree._Element) -> etree._Element:
        """The ``DuongKe`` rule paragraph following paragraph ``p``."""
        nxt = p.getnext()
        while nxt is not None:
            st = nxt.find(f"{q('pPr')}/{q('pStyle')}")
            if st is not None and st.get(q("val")) == "DuongKe":
                return nxt
            nxt = nxt.getnext()
        raise KeyError("DuongKe")

    def save(self) -> bytes:
        """The edited .docx."""
        for name, root in self.roots.items():
            self.entries[name] = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in self.entries.items():
                zf.writestr(name, data)
        return out.getvalue()


def props(parent: etree._Element, kind: str) -> etree._Element:
    """The ``w:rPr``/``w:pPr`` child of ``parent``, created first if missing."""
    found = parent.find(q(kind))
    if found is None:
        found = etree.Element(q(kind))
        parent.insert(0 if kind in {"pPr", "rPr"} else len(parent), found)
    return found


def set_prop(container: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """Replace property ``w:tag`` of a ``pPr``/``rPr`` with one carrying ``attrs``."""
    old = container.find(q(tag))
    el = etree.Element(q(tag))
    for key, value in attrs.items():
        el.set(q(key), value)
    if old is not None:
        old.addprevious(el)
        container.remove(old)
    else:
        container.append(el)
    return el


def style_rpr(edit: DocxEdit, style_id: str) -> etree._Element:
    """The run properties of a style, created if missing."""
    return props(edit.style(style_id), "rPr")


def style_ppr(edit: DocxEdit, style_id: str) -> etree._Element:
    """The paragraph properties of a style, created if missing."""
    return props(edit.style(style_id), "pPr")


def set_text(p: etree._Element, text: str) -> None:
    """Put ``text`` in the first ``w:t`` of ``p`` and empty the others."""
    ts = list(p.iter(q("t")))
    ts[0].text = text
    for t in ts[1:]:
        t.text = ""


def first_run(p: etree._Element) -> etree._Element:
    """The first run of ``p`` that holds text."""
    return next(r for r in p.iter(q("r")) if r.find(q("t")) is not None)


def landscape_section_before(edit: DocxEdit, element: etree._Element) -> None:
    """End a section just before ``element`` (same page setup) and turn the page of the
    section that follows — the document's last one — to landscape."""
    brk = etree.Element(q("p"))
    props(brk, "pPr").append(copy.deepcopy(edit.sect))
    element.addprevious(brk)
    pg = edit.sect.find(q("pgSz"))
    assert pg is not None
    pg.set(q("w"), "16838")
    pg.set(q("h"), "11906")
    pg.set(q("orient"), "landscape")
