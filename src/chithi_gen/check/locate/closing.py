"""The closing of a document: Nơi nhận and the signature blocks.

* Nơi nhận (recipients, box 9b) by its label; its list is the label's cell and the
  cells under it in the same grid column (the samples of Mẫu 1.6–1.9 spread it over
  several table rows), or the lines under a top-level label;
* each signature block (box 7) is a column of the closing table other than the Nơi
  nhận, or the paragraphs from an authority prefix (TM./KT./Q./TL./TUQ.): its
  quyền hạn and chức vụ lines come first, then — after the signing space, the
  parenthesised notes "(Chữ ký của người có thẩm quyền, dấu …)" or an italic note —
  the signer's name; a Biên bản has two such blocks (Thư ký, Chủ tọa).
"""

from __future__ import annotations

from chithi_gen.check.locate.components import Components, Signature
from chithi_gen.check.locate.patterns import APPENDIX_LABEL, AUTHORITY, DRAFTER, NOI_NHAN
from chithi_gen.check.locate.text import (
    first_matching,
    is_caps_text,
    is_rule_text,
    label_text,
    norm,
    text_lines,
)
from chithi_gen.check.locate.where import is_top, same_column, table_paras
from chithi_gen.check.read.paragraph import Line, Paragraph

_NOTES = {"đã ký", "đã ký và đóng dấu", "đã ký, đóng dấu", "chữ ký", "chữ ký số", "ký tên"}
#: Spacing before a line that marks the signing space (18 pt).
_SIGNING_GAP = 360


def locate_closing(paras: list[Paragraph], c: Components, start: int) -> None:
    """Nơi nhận and signatures after paragraph ``start``, and where the closing lies."""
    label = first_matching(paras[start + 1 :], lambda ln: bool(NOI_NHAN.match(label_text(ln))))
    authority = first_matching(
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
        c.noi_nhan, noi_nhan_paras = recipients(paras, label)
    c.signatures = signatures(paras, label, authority, noi_nhan_paras)
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


def _region_start(paras: list[Paragraph], line: Line) -> int:
    return table_paras(paras, line.paragraph)[0].order


def _region_end(paras: list[Paragraph], line: Line) -> int:
    return table_paras(paras, line.paragraph)[-1].order


def recipients(paras: list[Paragraph], label: Line) -> tuple[list[Line], list[Paragraph]]:
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
            and same_column(q, p)
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


def signatures(
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
        groups += _column_groups(table_paras(paras, anchor), skip)
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
