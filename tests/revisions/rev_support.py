"""Helpers for the revision tests: render campaigns, read a document back as comparable
data, and check tracked changes against the schema's rules."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from functools import cache
from typing import Any

from lxml import etree

from chithi_gen import Renderer
from chithi_gen.api import validate_data
from support import MINIMAL

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    """Clark name of ``w:tag``."""
    return f"{{{W}}}{tag}"


@cache
def renderer() -> Renderer:
    return Renderer()


def render(data: dict[str, Any]) -> bytes:
    """The .docx of campaign ``data`` through the real pipeline."""
    return renderer().render_docx(validate_data(copy.deepcopy(data)))


def minimal() -> dict[str, Any]:
    return copy.deepcopy(MINIMAL)


def parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def xml(docx: bytes, name: str = "word/document.xml") -> etree._Element:
    return etree.fromstring(parts(docx)[name])


def _on(el: etree._Element | None) -> bool:
    if el is None:
        return False
    return el.get(q("val"), "1") not in ("0", "false", "off")


def _ppr_key(p: etree._Element) -> str:
    ppr = p.find(q("pPr"))
    if ppr is None:
        return ""
    c = copy.deepcopy(ppr)
    for child in list(c):
        if child.tag == q("rPr") and len(child) == 0:
            c.remove(child)
    return "" if len(c) == 0 else etree.tostring(c, method="c14n").decode()


def _notes(root: etree._Element | None) -> dict[str, etree._Element]:
    if root is None:
        return {}
    return {str(n.get(q("id"))): n for n in root.iter(q("footnote"))}


def _paragraph(p: etree._Element, notes: dict[str, etree._Element]) -> tuple[Any, ...]:
    """(pPr, ((text, bold, italic), ...)) with consecutive same-format text merged."""
    segs: list[list[Any]] = []

    def add(text: str, b: bool, i: bool) -> None:
        if not text:
            return
        if segs and segs[-1][1] == b and segs[-1][2] == i:
            segs[-1][0] += text
        else:
            segs.append([text, b, i])

    for r in p.iter(q("r")):
        rpr = r.find(q("rPr"))
        b = _on(rpr.find(q("b"))) if rpr is not None else False
        i = _on(rpr.find(q("i"))) if rpr is not None else False
        for el in r:
            if el.tag == q("t"):
                add(el.text or "", b, i)
            elif el.tag == q("br"):
                add("\n", b, i)
            elif el.tag == q("tab"):
                add("\t", b, i)
            elif el.tag == q("footnoteReference"):
                note = notes.get(str(el.get(q("id"))))
                body = "missing" if note is None else blocks(note, {})
                add(f"[^{body}]", b, i)
    return (_ppr_key(p), tuple(tuple(s) for s in segs if s[0]))


def blocks(parent: etree._Element, notes: dict[str, etree._Element]) -> tuple[Any, ...]:
    """The block content of a container as nested tuples (paragraphs, tables)."""
    out: list[Any] = []
    for child in parent:
        if child.tag == q("p"):
            out.append(_paragraph(child, notes))
        elif child.tag == q("tbl"):
            rows = []
            for tr in child.findall(q("tr")):
                rows.append(tuple(blocks(tc, notes) for tc in tr.findall(q("tc"))))
            out.append(("table", tuple(rows)))
    return tuple(out)


def content(docx: bytes) -> tuple[Any, ...]:
    """Everything the tests compare: body blocks, with footnote contents inline."""
    ps = parts(docx)
    notes_root = etree.fromstring(ps["word/footnotes.xml"]) if "word/footnotes.xml" in ps else None
    body = etree.fromstring(ps["word/document.xml"]).find(q("body"))
    assert body is not None
    return blocks(body, _notes(notes_root))


def texts(docx: bytes) -> list[str]:
    """Paragraph texts in reading order (cells included)."""
    body = xml(docx).find(q("body"))
    assert body is not None
    return ["".join(t.text or "" for t in p.iter(q("t"))) for p in body.iter(q("p"))]


_DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
_RUN_CONTAINERS = {q(t) for t in ("p", "hyperlink", "smartTag", "sdtContent", "fldSimple")}
_RUN_CONTAINERS.add(q("customXml"))
_PPR_TAIL = (q("rPr"), q("sectPr"), q("pPrChange"))


def check_revisions(docx: bytes) -> int:
    """Assert the tracked changes follow the schema's placement rules; return how many
    revision marks there are."""
    ps = parts(docx)
    roots = [etree.fromstring(ps["word/document.xml"])]
    if "word/footnotes.xml" in ps:
        roots.append(etree.fromstring(ps["word/footnotes.xml"]))
    ids: list[str] = []
    for root in roots:
        for el in root.iter(q("ins"), q("del"), q("pPrChange"), q("rPrChange")):
            ids.append(str(el.get(q("id"))))
            assert el.get(q("author")), "revision without author"
            assert _DATE.match(el.get(q("date"), "")), el.get(q("date"))
            parent = el.getparent()
            assert parent is not None
            if el.tag in (q("ins"), q("del")):
                if parent.tag == q("rPr"):
                    assert parent.getparent().tag == q("pPr"), "ins/del in a run's rPr"
                    assert parent.index(el) == 0 or parent[0].tag in (q("ins"), q("del"))
                    assert len(el) == 0
                elif parent.tag == q("trPr"):
                    assert len(el) == 0
                else:
                    assert parent.tag in _RUN_CONTAINERS, parent.tag
                    assert len(el) > 0 and all(c.tag == q("r") for c in el), "ins/del wraps runs"
            elif el.tag == q("pPrChange"):
                assert parent.tag == q("pPr") and parent[-1] is el
                assert len(el) == 1 and el[0].tag == q("pPr")
            else:
                assert parent.tag == q("rPr") and parent[-1] is el
        for t in root.iter(q("delText")):
            assert any(a.tag == q("del") for a in t.iterancestors()), "delText outside w:del"
        for t in root.iter(q("t")):
            assert not any(a.tag == q("del") for a in t.iterancestors()), "w:t inside w:del"
        for ppr in root.iter(q("pPr")):
            tags = [c.tag for c in ppr]
            tail = [t for t in tags if t in _PPR_TAIL]
            assert tags[len(tags) - len(tail) :] == tail, "rPr/sectPr/pPrChange out of order"
    assert len(ids) == len(set(ids)), "revision ids are not unique"
    if len(roots) > 1:
        note_ids = {str(n.get(q("id"))) for n in roots[1].iter(q("footnote"))}
        refs = [str(r.get(q("id"))) for r in roots[0].iter(q("footnoteReference"))]
        assert len(refs) == len(set(refs)), "a footnote referenced twice"
        assert set(refs) <= note_ids, "a reference to a missing footnote"
    return len(ids)
