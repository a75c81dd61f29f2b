"""Finding the closing of a document: Nơi nhận, signature blocks, appendices, a copy.

* Nơi nhận (recipients, box 9b) by its label; its list is the label's cell and the
  cells under it in the same grid column (the samples of Mẫu 1.6–1.9 spread it over
  several table rows), or the lines under a top-level label;
* each signature block (box 7) is a column of the closing table other than the Nơi
  nhận, or the paragraphs from an authority prefix (TM./KT./Q./TL./TUQ.): its
  quyền hạn and chức vụ lines come first, then — after the signing space, the
  parenthesised notes "(Chữ ký của người có thẩm quyền, dấu …)" or an italic note —
  the signer's name; a Biên bản has two such blocks (Thư ký, Chủ tọa);
* appendices (Phụ lục I, II, …) after the closing, each with its title, "(Kèm theo
  …)" line and rule;
* the block of a paper copy (Phụ lục I, Phần II, mục II: "SAO Y", agency, "Số:",
  date, Nơi nhận and signature) after the original's closing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from chithi_gen.check.docx_reader import Line, Paragraph
from chithi_gen.check.locate import (
    AUTHORITY,
    DATE,
    DRAFTER,
    KEM_THEO,
    NOI_NHAN,
    SO,
    Appendix,
    Components,
    CopyBlock,
    Signature,
    is_caps_text,
    is_top,
    text_lines,
)
from chithi_gen.check.rulemark import is_rule_text, norm, rule_after

APPENDIX_LABEL = re.compile(
    r"^\s*phụ\s+lục(\s+(số\s+)?([IVXLC]+|\d+|[A-Z])\b.*|\s*[….\d\s]*)$", re.IGNORECASE
)
COPY_FORMS = ("SAO Y", "SAO LỤC", "TRÍCH SAO", "SAO Y BẢN CHÍNH")
_NOTES = {"đã ký", "đã ký và đóng dấu", "đã ký, đóng dấu", "chữ ký", "chữ ký số", "ký tên"}
#: Spacing before a line that marks the signing space (18 pt).
_SIGNING_GAP = 360


def label_text(line: Line) -> str:
    """The line's text before a tab (a clerk may type the signature beside it)."""
    return norm(line.text.split("\t", 1)[0])


def locate_closing(paras: list[Paragraph], c: Components, start: int) -> None:
    """Nơi nhận, signatures, appendices and a copy's block after paragraph ``start``."""
    label = _first(paras[start + 1 :], lambda ln: bool(NOI_NHAN.match(label_text(ln))))
    authority = _first(
        paras[start + 1 :],
        lambda ln: bool(AUTHORITY.match(norm(ln.text))) and is_caps_text(norm(ln.text)),
    )
    # Two closings (a copy, an appendix's own): keep the one that comes first.
    if (
        label is not None
        and authority is not None
        and _region_start(paras, authority) > _region_end(paras, label)
    ):
        authority = None
    c.noi_nhan_label = label
    noi_nhan_paras: list[Paragraph] = []
    if label is not None:
        c.noi_nhan, noi_nhan_paras = _recipients(paras, label)
    c.signatures = _signatures(paras, label, authority, noi_nhan_paras)
    anchors = [x for x in (label, authority) if x is not None]
    region: list[Paragraph] = noi_nhan_paras[:]
    for sig in c.signatures:
        region += sig.paragraphs
    if anchors:
        c.closing_start = min(_region_start(paras, a) for a in anchors)
    elif c.signatures:
        c.closing_start = min(p.order for p in region)
    if region or anchors:
        ends = [p.order for p in region] + [a.paragraph.order for a in anchors]
        c.closing_end = max(ends)
    after = c.closing_end if c.closing_end is not None else start
    c.copy = _copy_block(paras, after)
    if c.copy is not None:
        after = max(after, *(p.order for s in c.copy.signatures for p in s.paragraphs))
    c.appendices += _appendices(paras, after)


def _first(paras: Iterable[Paragraph], test: object) -> Line | None:
    assert callable(test)
    for p in paras:
        for line in p.lines():
            if norm(line.text) and test(line):
                return line
    return None


def _table_paras(paras: list[Paragraph], p: Paragraph) -> list[Paragraph]:
    loc = p.location
    if loc.table is None:
        return [p]
    return [q for q in paras if q.location.part == loc.part and q.location.table == loc.table]


def _region_start(paras: list[Paragraph], line: Line) -> int:
    return _table_paras(paras, line.paragraph)[0].order


def _region_end(paras: list[Paragraph], line: Line) -> int:
    return _table_paras(paras, line.paragraph)[-1].order


def _same_column(a: Paragraph, b: Paragraph) -> bool:
    la, lb = a.location, b.location
    if la.table != lb.table or la.part != lb.part:
        return False
    if la.gcol is not None and lb.gcol is not None:
        return la.gcol == lb.gcol
    return la.col == lb.col


def _recipients(paras: list[Paragraph], label: Line) -> tuple[list[Line], list[Paragraph]]:
    """The recipient lines under ``label`` and the paragraphs holding them (label's too).

    Under a top-level label: the following top-level paragraphs up to a blank one. In a
    table: the rest of the label's cell and the cells of the same grid column in the
    rows below, up to the next label or authority line.
    """
    p = label.paragraph
    taken = [p]
    candidates = [ln for ln in p.lines()[label.index + 1 :] if norm(ln.text)]
    if p.location.table is None:
        following = []
        for q in paras[p.order + 1 :]:
            if not is_top(q) or q.is_blank:
                break
            following.append(q)
    else:
        following = [
            q
            for q in paras[p.order + 1 :]
            if q.location.part == p.location.part
            and q.location.table == p.location.table
            and _same_column(q, p)
        ]
    for q in following:
        if q.is_blank:
            continue
        first = q.lines()[0]
        if AUTHORITY.match(norm(q.text)) or NOI_NHAN.match(label_text(first)):
            break
        taken.append(q)
        candidates += text_lines(q)
    out: list[Line] = []
    for line in candidates:
        text = norm(line.text)
        if DRAFTER.match(text):
            break  # the drafter's symbol below the list is not a recipient
        out.append(line)
    return out, taken


def _signatures(
    paras: list[Paragraph],
    label: Line | None,
    authority: Line | None,
    noi_nhan: list[Paragraph],
) -> list[Signature]:
    """The signature blocks of the closing."""
    skip = {id(p) for p in noi_nhan}
    groups: list[list[Paragraph]] = []
    tables: list[Paragraph] = []
    if label is not None and label.paragraph.location.table is not None:
        tables.append(label.paragraph)
    auth_table = authority.paragraph.location.table if authority is not None else None
    first_table = tables[0].location.table if tables else None
    if authority is not None and auth_table is not None and auth_table != first_table:
        tables.append(authority.paragraph)
    for anchor in tables:
        groups += _column_groups(_table_paras(paras, anchor), skip)
    if authority is not None and authority.paragraph.location.table is None:
        groups.append(_top_block(paras, authority))
    out: list[Signature] = []
    for group in groups:
        sig = _block(group)
        if sig is not None:
            out.append(sig)
    return out


def _column_groups(table: list[Paragraph], skip: set[int]) -> list[list[Paragraph]]:
    """Paragraphs of a table by grid column, without the Nơi nhận's."""
    columns: dict[object, list[Paragraph]] = {}
    for p in table:
        if id(p) in skip or p.location.in_textbox:
            continue
        key = p.location.gcol if p.location.gcol is not None else p.location.col
        columns.setdefault(key, []).append(p)
    ordered = sorted(columns.items(), key=lambda kv: kv[0] if isinstance(kv[0], int) else 0)
    return [group for _, group in ordered if any(not p.is_blank for p in group)]


def _top_block(paras: list[Paragraph], authority: Line) -> list[Paragraph]:
    """Top-level paragraphs of a signature typed without a table, from its authority."""
    start = authority.paragraph
    out = [start]
    texts = 0
    for q in paras[start.order + 1 :]:
        if not is_top(q) or q.page_break_before or APPENDIX_LABEL.match(norm(q.text)):
            break
        out.append(q)
        if not q.is_blank:
            texts += 1
            if not is_caps_text(norm(q.text)) and not norm(q.text).startswith("("):
                break  # the signer's name closes the block
        if texts >= 8:
            break
    return out


def _is_note(line: Line) -> bool:
    text = norm(line.text).lower().strip("()[]. ")
    if text in _NOTES:
        return True
    vis = line.visible
    return bool(vis) and all(s.props.italic and not s.props.bold for s in vis)


def _block(group: list[Paragraph]) -> Signature | None:
    """A signature block: authority lines, then the signing space, then the name."""
    items: list[tuple[Line, bool]] = []
    gap = False
    in_note = False
    for p in group:
        if p.is_blank:
            gap = gap or bool(items)
            continue
        if p.props.before >= _SIGNING_GAP and items:
            gap = True
        for line in text_lines(p):
            text = norm(line.text)
            if in_note:
                in_note = not text.endswith(")")
                gap = True
                continue
            if text.startswith("("):
                in_note = not text.endswith(")")
                gap = bool(items)
                continue
            if _is_note(line) or DRAFTER.match(text) or is_rule_text(text):
                gap = gap or bool(items)
                continue
            items.append((line, gap))
            gap = False
    if not items:
        return None
    signer: Line | None = None
    rest = items
    last, last_gap = items[-1]
    if len(items) >= 2 and (last_gap or not is_caps_text(norm(last.text))):
        signer = last
        rest = items[:-1]
    authority: list[Line] = []
    for i, (line, gap_before) in enumerate(rest):
        if i and gap_before:
            break
        authority.append(line)
    return Signature(authority, signer, group)


def leading_appendix(paras: list[Paragraph], start: int) -> Appendix | None:
    """An appendix that opens the document (a Phụ lục in a file of its own)."""
    for p in paras[max(start, -1) + 1 : max(start, -1) + 8]:
        if not is_top(p) or p.is_blank:
            continue
        if APPENDIX_LABEL.match(norm(p.text)) and len(norm(p.text)) <= 60:
            return _appendix_at(paras, p)
        return None
    return None


def _appendix_at(paras: list[Paragraph], p: Paragraph) -> Appendix:
    lines = text_lines(p)
    label = lines[0]
    title: list[Line] = list(lines[1:])
    reference: Line | None = None
    last = label
    for q in paras[p.order + 1 : p.order + 6]:
        if not is_top(q):
            break
        if q.is_blank:
            if title or reference:
                break
            continue
        if is_rule_text(q.text):
            break
        text = norm(q.text)
        if KEM_THEO.match(text):
            reference = text_lines(q)[0]
            last = reference
            break
        if reference is None and len(title) < 3:
            title += text_lines(q)
            last = title[-1]
        else:
            break
    rule = rule_after(paras, last)
    return Appendix(label, title, reference, rule, p.section, [p])


def appendix_head(appendix: Appendix) -> list[Paragraph]:
    out = [appendix.label.paragraph]
    out += [ln.paragraph for ln in appendix.title]
    if appendix.reference is not None:
        out.append(appendix.reference.paragraph)
    if appendix.rule is not None:
        out.append(appendix.rule.paragraph)
    return out


def _appendices(paras: list[Paragraph], after: int) -> list[Appendix]:
    out: list[Appendix] = []
    for p in paras[after + 1 :]:
        if not is_top(p) or p.is_blank:
            continue
        text = norm(p.text)
        if APPENDIX_LABEL.match(text) and len(text) <= 60:
            out.append(_appendix_at(paras, p))
    return out


def _copy_block(paras: list[Paragraph], after: int) -> CopyBlock | None:
    """The block of a paper copy after the original's closing."""
    rest = paras[after + 1 :]
    so_line: Line | None = None
    for p in rest[:40]:
        for line in p.lines():
            if SO.search(norm(line.text)):
                so_line = line
                break
        if so_line is not None:
            break
    form = _first(rest[:40], lambda ln: norm(ln.text).upper().strip(" .") in COPY_FORMS)
    anchor = so_line or form
    if anchor is None:
        return None
    table = _table_paras(paras, anchor.paragraph)
    if form is None:
        # The form ("SAO Y" …, or its blank) is the cell beside the agency, above the date.
        for q in table:
            beside = q.location.col != anchor.paragraph.location.col and not q.is_blank
            if beside and not DATE.search(norm(q.text)):
                form = text_lines(q)[0]
                break
    so_col = [q for q in table if _same_column(q, anchor.paragraph)] if so_line else []
    agency = [
        ln
        for q in so_col
        if q.order < anchor.paragraph.order
        for ln in text_lines(q)
        if not is_rule_text(ln.text)
    ]
    ngay = _first(table, lambda ln: bool(DATE.search(norm(ln.text))))
    formal = form is not None and norm(form.text).upper().strip(" .") in COPY_FORMS
    if ngay is None and not formal:
        return None  # an address line ("Số: 12 phố …") is not a copy's block
    end = table[-1].order
    label = _first(paras[end + 1 : end + 30], lambda ln: bool(NOI_NHAN.match(label_text(ln))))
    recipients: list[Line] = []
    taken: list[Paragraph] = []
    if label is not None:
        recipients, taken = _recipients(paras, label)
    signatures = _signatures(paras, label, None, taken) if label is not None else []
    return CopyBlock(form, agency, so_line, ngay, label, recipients, signatures)
