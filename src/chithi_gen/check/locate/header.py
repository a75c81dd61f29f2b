"""The header: Quốc hiệu, Tiêu ngữ, agency, number, date, V/v and marks.

* Quốc hiệu (national name, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") and Tiêu ngữ
  (motto, "Độc lập - Tự do - Hạnh phúc") by their fixed text; the Party's heading
  "ĐẢNG CỘNG SẢN VIỆT NAM" likewise;
* "Số:" (number and symbol) and the địa danh + date line ("…, ngày … tháng … năm …")
  by their patterns, within the header block (the table holding the Quốc hiệu), and
  the "V/v …" summary of a công văn under the "Số:" line;
* tên cơ quan (issuing agency) and tên cơ quan chủ quản (its parent agency, optional)
  as the lines above "Số:" in the same column, the chủ quản being the leading lines
  that are not bold;
* the urgency, confidentiality and circulation marks ("HỎA TỐC", "MẬT", "LƯU HÀNH
  NỘI BỘ") by their wording.
"""

from __future__ import annotations

import re

from chithi_gen.check.locate.components import Components, Mark
from chithi_gen.check.locate.patterns import (
    DATE,
    DATE_LINE,
    KEM_THEO,
    PARTY_HEADING,
    QUOC_HIEU_FORMS,
    SO,
    VV,
)
from chithi_gen.check.locate.rulemark import rule_after
from chithi_gen.check.locate.text import (
    header_lines,
    is_bold,
    is_rule_text,
    mark_kind,
    norm,
    text_lines,
)
from chithi_gen.check.locate.where import container, is_top
from chithi_gen.check.read.paragraph import Line, Paragraph

#: How many paragraphs after the header table may still hold "Số:"/the date.
_HEADER_WINDOW = 8


def find_national(paras: list[Paragraph], c: Components) -> None:
    """Quốc hiệu and Tiêu ngữ (or the Party's heading) near the top of the document."""
    for p in paras[:80]:
        for line in header_lines(p):
            text = norm(line.text).upper()
            if c.quoc_hieu is None and text in QUOC_HIEU_FORMS:
                c.quoc_hieu = line
            elif c.quoc_hieu is not None and c.tieu_ngu is None and _is_tieu_ngu(line.text):
                c.tieu_ngu = line
            elif c.party_heading is None and text.strip(" -*") == PARTY_HEADING:
                c.party_heading = line
        if c.tieu_ngu is not None or (c.quoc_hieu and p.order > c.quoc_hieu.paragraph.order + 5):
            break


def _is_tieu_ngu(text: str) -> bool:
    words = re.sub(r"[\s\-–—]+", " ", norm(text)).strip().lower()
    return words == "độc lập tự do hạnh phúc"


def header_paragraphs(paras: list[Paragraph], qh: Line | None) -> list[Paragraph]:
    """Paragraphs of the header block: the table(s) holding the Quốc hiệu."""
    if qh is None:
        return []
    p = qh.paragraph
    if p.location.table is None:
        return paras[: p.order + 1]
    table = p.location.table
    out = [q for q in paras if q.location.table == table and q.location.part == p.location.part]
    # A second table right after (Số and date set apart) belongs to the header too.
    after = [q for q in paras if q.order > out[-1].order]
    if after and after[0].location.table is not None:
        nxt = after[0].location.table
        second = [q for q in after if q.location.table == nxt]
        if any(SO.search(norm(q.text)) or DATE.search(norm(q.text)) for q in second):
            out += second
    return out


def find_number_and_date(paras: list[Paragraph], c: Components, header: list[Paragraph]) -> None:
    """ "Số:" and the date line: in the header block first, then just below it."""
    boxed = c.quoc_hieu is not None and c.quoc_hieu.paragraph.location.in_textbox
    if header:
        scope = [p for p in header if boxed or not p.location.in_textbox]
        after = paras[header[-1].order + 1 : header[-1].order + 1 + _HEADER_WINDOW]
    else:
        scope = paras[:15]
        after = []
    strict = {id(p) for p in after if boxed or not p.location.in_textbox}
    scope += [p for p in after if id(p) in strict]
    for p in scope:
        for line in header_lines(p):
            text = norm(line.text)
            if KEM_THEO.match(text) or text.startswith("("):
                continue  # "(Kèm theo Quyết định số … ngày … tháng … năm …)"
            if c.so is None and SO.search(text):
                c.so = line
            elif (
                c.ngay is None
                and DATE.search(text)
                # Below the header only a line that is nothing but a date (not a sentence
                # of the body that mentions one).
                and (id(p) not in strict or DATE_LINE.match(text))
            ):
                c.ngay = line


def find_vv(paras: list[Paragraph], c: Components) -> None:
    """The "V/v …" summary of a công văn: in the Số line's column, under it."""
    if c.so is None:
        return
    so = c.so.paragraph
    for p in paras[so.order : so.order + 6]:
        if p is not so and container(p) != container(so):
            break
        lines = p.lines()
        start = c.so.index + 1 if p is so else 0
        for i, line in enumerate(lines[start:], start=start):
            if VV.match(norm(line.text)):
                c.vv = [ln for ln in lines[i:] if norm(ln.text)]
                _vv_continuation(paras, c, p)
                return


def _vv_continuation(paras: list[Paragraph], c: Components, p: Paragraph) -> None:
    """Further paragraphs of a long V/v summary, in the same cell."""
    for q in paras[p.order + 1 : p.order + 4]:
        if container(q) != container(p) or q.is_blank or DATE.search(norm(q.text)):
            break
        if is_rule_text(q.text) or mark_kind(q.text):
            break
        c.vv += text_lines(q)


def find_agency(paras: list[Paragraph], c: Components) -> None:
    """Agency lines: above "Số:" in its column, down from the top of the header."""
    if c.so is None:
        _agency_without_number(paras, c)
        return
    so = c.so.paragraph
    loc = so.location
    lines: list[Line] = []
    for p in paras[: so.order + 1]:
        same_column = p.location.table == loc.table and p.location.col == loc.col
        if loc.table is None:
            same_column = is_top(p) and (c.quoc_hieu is None or p is not c.quoc_hieu.paragraph)
        if not same_column:
            continue
        for whole in p.lines():
            if p is so and whole.index >= c.so.index:
                break
            # A tab-laid header: the agency is the first column.
            line = whole.columns()[0]
            text = norm(line.text)
            if text and not is_rule_text(line.text) and not mark_kind(text):
                lines.append(line)
    skip = (c.quoc_hieu, c.tieu_ngu, c.party_heading, c.ngay)
    taken = {(id(s.paragraph), s.index, s.column) for s in skip if s is not None}
    lines = [ln for ln in lines if (id(ln.paragraph), ln.index, ln.column) not in taken]
    lines = [ln for ln in lines if norm(ln.text).upper() not in QUOC_HIEU_FORMS]
    lines = [ln for ln in lines if not _is_tieu_ngu(ln.text)]
    if loc.table is None:
        # Without a table, the agency is the short lines just above "Số:".
        lines = lines[-4:]
    lead = 0
    while lead < len(lines) and not is_bold(lines[lead]):
        lead += 1
    if lead == len(lines):  # nothing bold: all of it is the agency name
        lead = 0
    c.chu_quan = lines[:lead]
    c.co_quan = lines[lead:]
    if c.co_quan:
        c.co_quan_rule = rule_after(paras, c.co_quan[-1])


def _agency_without_number(paras: list[Paragraph], c: Components) -> None:
    """A header with no "Số:" (a text issued with a decision): the cell beside the Quốc hiệu."""
    if c.quoc_hieu is None or c.quoc_hieu.paragraph.location.table is None:
        return
    qh = c.quoc_hieu.paragraph.location
    lines = [
        ln
        for p in paras
        if p.location.table == qh.table
        and p.location.part == qh.part
        and p.location.row == qh.row
        and p.location.col != qh.col
        and not p.location.in_textbox
        for ln in text_lines(p)
        if not is_rule_text(ln.text) and not mark_kind(ln.text) and not DATE.search(ln.text)
    ]
    lead = 0
    while lead < len(lines) and not is_bold(lines[lead]):
        lead += 1
    if lead == len(lines):
        lead = 0
    c.chu_quan, c.co_quan = lines[:lead], lines[lead:]
    if c.co_quan:
        c.co_quan_rule = rule_after(paras, c.co_quan[-1])


def find_marks(paras: list[Paragraph], c: Components, header_end: int) -> None:
    """Urgency, confidentiality and circulation marks in the opening of the document."""
    for p in paras[: max(header_end + 12, 20)]:
        for line in p.lines():
            kind = mark_kind(line.text)
            if kind is not None:
                c.marks.append(Mark(kind, line))
