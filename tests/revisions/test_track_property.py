"""Property: for random edits of a generated document (words, formatting, paragraphs,
styles, table rows and cells, footnotes), accept all gives NEW and reject all OLD."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rev_support import check_revisions, content, minimal, parts, render, texts

from chithi_gen.render.package import write_package
from chithi_gen.revisions import accept_all, reject_all, track_changes

WORDS = ["năm", "2021", "thi", "đua", "phát", "động", "xã", "huyện", "Hà", "Quảng", ",", "."]
STYLES = ["NoiDung", "DeMuc1", "NoiNhan"]
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class Run:
    words: list[str]
    bold: bool = False
    italic: bool = False
    note: list[str] | None = None  # a footnote reference with this text


@dataclass
class Para:
    style: str
    runs: list[Run] = field(default_factory=list)


@dataclass
class Table:
    rows: list[list[list[Para]]]


Block = Para | Table

words_st = st.lists(st.sampled_from(WORDS), min_size=0, max_size=6)
run_st = st.builds(
    Run,
    words=words_st,
    bold=st.booleans(),
    italic=st.booleans(),
    note=st.one_of(st.none(), st.none(), st.lists(st.sampled_from(WORDS), min_size=1, max_size=3)),
)
para_st = st.builds(Para, style=st.sampled_from(STYLES), runs=st.lists(run_st, max_size=4))


@st.composite
def table_st(draw: st.DrawFn) -> Table:
    cols = draw(st.integers(1, 3))
    rows = draw(
        st.lists(
            st.lists(st.lists(para_st, min_size=1, max_size=2), min_size=cols, max_size=cols),
            min_size=1,
            max_size=4,
        )
    )
    return Table(rows)


doc_st = st.lists(st.one_of(para_st, para_st, para_st, table_st()), min_size=0, max_size=8)


# -- edits --------------------------------------------------------------------------


def _paragraphs(doc: list[Block]) -> list[Para]:
    out: list[Para] = []
    for b in doc:
        if isinstance(b, Para):
            out.append(b)
        else:
            out += [p for row in b.rows for cell in row for p in cell]
    return out


@st.composite
def edited(draw: st.DrawFn, doc: list[Block]) -> list[Block]:
    new = copy.deepcopy(doc)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(
            st.sampled_from(
                ["word", "word", "format", "style", "add_p", "del_p", "row+", "row-", "note"]
            )
        )
        paras = _paragraphs(new)
        tables = [b for b in new if isinstance(b, Table)]
        if op == "word" and paras:
            p = draw(st.sampled_from(paras))
            if not p.runs:
                p.runs.append(Run([]))
            r = draw(st.sampled_from(p.runs))
            k = draw(st.integers(0, len(r.words)))
            kind = draw(st.sampled_from(["ins", "del", "rep"]))
            if kind == "ins" or not r.words:
                r.words.insert(k, draw(st.sampled_from(WORDS)))
            elif kind == "del":
                del r.words[min(k, len(r.words) - 1)]
            else:
                r.words[min(k, len(r.words) - 1)] = draw(st.sampled_from(WORDS))
        elif op == "format" and paras:
            p = draw(st.sampled_from(paras))
            if p.runs:
                r = draw(st.sampled_from(p.runs))
                r.bold = not r.bold
        elif op == "style" and paras:
            draw(st.sampled_from(paras)).style = draw(st.sampled_from(STYLES))
        elif op == "add_p":
            new.insert(draw(st.integers(0, len(new))), draw(para_st))
        elif op == "del_p" and new:
            del new[draw(st.integers(0, len(new) - 1))]
        elif op == "row+" and tables:
            t = draw(st.sampled_from(tables))
            row = [[draw(para_st)] for _ in t.rows[0]]
            t.rows.insert(draw(st.integers(0, len(t.rows))), row)
        elif op == "row-" and tables:
            t = draw(st.sampled_from(tables))
            if len(t.rows) > 1:
                del t.rows[draw(st.integers(0, len(t.rows) - 1))]
        elif op == "note" and paras:
            runs = [r for p in paras for r in p.runs if r.note is not None]
            if runs:
                r = draw(st.sampled_from(runs))
                assert r.note is not None
                r.note.append(draw(st.sampled_from(WORDS)))
    return new


# -- to .docx -------------------------------------------------------------------------


def _t(words: list[str]) -> str:
    return escape(" ".join(words))


@cache
def base_parts() -> dict[str, bytes]:
    return parts(render(minimal()))


def build(doc: list[Block]) -> bytes:
    notes: list[str] = []

    def para(p: Para) -> str:
        out = [f'<w:p><w:pPr><w:pStyle w:val="{p.style}"/></w:pPr>']
        for r in p.runs:
            props = ("<w:b/>" if r.bold else "") + ("<w:i/>" if r.italic else "")
            rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{_t(r.words)}</w:t></w:r>')
            if r.note is not None:
                notes.append(_t(r.note))
                out.append(
                    '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                    f'<w:footnoteReference w:id="{len(notes)}"/></w:r>'
                )
        return "".join(out) + "</w:p>"

    body = []
    for b in doc:
        if isinstance(b, Para):
            body.append(para(b))
        else:
            grid = "".join('<w:gridCol w:w="2000"/>' for _ in b.rows[0])
            rows = "".join(
                "<w:tr>"
                + "".join("<w:tc>" + "".join(para(p) for p in cell) + "</w:tc>" for cell in row)
                + "</w:tr>"
                for row in b.rows
            )
            body.append(f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>")
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}">'
        f"<w:body>{''.join(body)}<w:p/><w:sectPr/></w:body></w:document>"
    )
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        + "".join(
            f'<w:footnote w:id="{k}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
            for k, text in enumerate(notes, 1)
        )
        + "</w:footnotes>"
    )
    out = dict(base_parts())
    out["word/document.xml"] = document.encode()
    out["word/footnotes.xml"] = footnotes.encode()
    return write_package(out)


def _check(old_doc: list[Block], new_doc: list[Block]) -> None:
    old, new = build(old_doc), build(new_doc)
    marked = track_changes(old, new, author="Kiểm thử", date=datetime(2026, 12, 1))
    check_revisions(marked)
    assert content(accept_all(marked)) == content(new)
    assert content(reject_all(marked)) == content(old)
    assert texts(accept_all(marked)) == texts(new)
    assert texts(reject_all(marked)) == texts(old)


@st.composite
def pairs(draw: st.DrawFn) -> tuple[list[Block], list[Block]]:
    old = draw(doc_st)
    return old, draw(edited(old))


@given(pairs())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_accept_gives_new_and_reject_gives_old(pair: tuple[list[Block], list[Block]]) -> None:
    _check(*pair)


@given(doc_st, doc_st)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_unrelated_documents(old: list[Block], new: list[Block]) -> None:
    _check(old, new)


# -- the real pipeline: random word edits of the minimal campaign -----------------------


@st.composite
def campaign_edits(draw: st.DrawFn) -> dict[str, Any]:
    d = minimal()
    sentence = draw(st.lists(st.sampled_from(WORDS[:-2]), min_size=1, max_size=8))
    d["mo_dau"] = [" ".join(sentence).capitalize() + "."]
    if draw(st.booleans()):
        d["noi_dung"][0]["noi_dung"].append(" ".join(draw(words_st)).capitalize() + " xã.")
    if draw(st.booleans()):
        d["trich_yeu"] = "Về việc " + " ".join(draw(words_st)) + " năm 2021"
    if draw(st.booleans()):
        d["ngay"] = f"2021-{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}"
    return d


@given(campaign_edits(), campaign_edits())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_rendered_campaigns(old_data: dict[str, Any], new_data: dict[str, Any]) -> None:
    old, new = render(old_data), render(new_data)
    marked = track_changes(old, new, author="Kiểm thử", date=datetime(2026, 12, 1))
    check_revisions(marked)
    assert content(accept_all(marked)) == content(new)
    assert content(reject_all(marked)) == content(old)
