"""Finding the components of the decree's layout in any document, by their text.

A clerk's document has no ``QuocHieu`` style to look for, so each component of
Phụ lục I, Phần I, Mục II is found by what it says and where it stands:

* Quốc hiệu (national name, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") and Tiêu ngữ
  (motto, "Độc lập - Tự do - Hạnh phúc") by their fixed text;
* "Số:" (number and symbol) and the địa danh + date line ("…, ngày … tháng … năm …")
  by their patterns, within the header block (the table holding the Quốc hiệu);
* tên cơ quan (issuing agency) and tên cơ quan chủ quản (its parent agency, optional)
  as the lines above "Số:" in the same column, the chủ quản being the leading lines
  that are not bold;
* tên loại (document type, e.g. "CHỈ THỊ") as the first paragraph after the header,
  the trích yếu (summary) as the paragraphs after it up to its rule;
* Nơi nhận (recipients) by its label and the signature block (chữ ký) by the
  authority prefixes TM./KT./Q./TL./TUQ. or as the cell beside the Nơi nhận;
* the body (nội dung) as the top-level paragraphs between the two.

Horizontal rules (đường kẻ) are found under a component as a paragraph border, a
drawn line shape, or — wrongly — a line of underscores.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from chithi_gen.check.docx_reader import DocModel, Line, Paragraph

QUOC_HIEU_FORMS = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",  # the decree's own table spells it so
)
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
_SO = re.compile(r"^\s*số\s*(?::|(?=\s*[\d/…]))", re.IGNORECASE)
_DATE = re.compile(r"\bngày\b.*\btháng\b.*\bnăm\b", re.IGNORECASE | re.DOTALL)
_NOI_NHAN = re.compile(r"^\s*nơi\s+nhận\s*:?\s*$", re.IGNORECASE)
AUTHORITY = re.compile(r"^\s*(TM|KT|Q|TL|TUQ)\.\s*\S")
#: Ký hiệu người soạn thảo and number of copies (box 12, Phụ lục I, III.3), e.g. "PL.(300)".
DRAFTER = re.compile(r"^[A-ZĐ][A-ZĐ0-9]*\.\s*\(\d+\)\.?$")
_RULE_CHARS = set("_-–—─‾━")
#: How many paragraphs after the header table may still hold "Số:"/the date.
_HEADER_WINDOW = 8


def norm(text: str) -> str:
    """NFC, no-break spaces as spaces, whitespace collapsed, stripped."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return " ".join(text.split())


def is_rule_text(text: str) -> bool:
    """True for a line drawn with characters: underscores or dashes only (at least 3)."""
    stripped = "".join(text.split())
    return len(stripped) >= 3 and set(stripped) <= _RULE_CHARS


@dataclass(frozen=True)
class RuleMark:
    """A horizontal rule under a component.

    ``kind`` is ``border`` (a paragraph border), ``shape`` (a drawn line) or ``text``
    (underscores or dashes typed as text). ``length`` is in twips (None for text);
    ``offset`` is how far the rule's centre is from the text's centre (borders only).
    """

    kind: Literal["border", "shape", "text"]
    paragraph: Paragraph
    length: float | None
    text: str = ""
    offset: float | None = None


@dataclass
class Components:
    """The located components (None/empty when not found)."""

    quoc_hieu: Line | None = None
    tieu_ngu: Line | None = None
    tieu_ngu_rule: RuleMark | None = None
    chu_quan: list[Line] = field(default_factory=list)
    co_quan: list[Line] = field(default_factory=list)
    co_quan_rule: RuleMark | None = None
    so: Line | None = None
    ngay: Line | None = None
    ten_loai: Line | None = None
    trich_yeu: list[Line] = field(default_factory=list)
    trich_yeu_rule: RuleMark | None = None
    body: list[Paragraph] = field(default_factory=list)
    noi_nhan_label: Line | None = None
    noi_nhan: list[Line] = field(default_factory=list)
    authority: list[Line] = field(default_factory=list)
    signer: Line | None = None


def _container(p: Paragraph) -> tuple[object, ...]:
    loc = p.location
    return (loc.part, loc.table, loc.row, loc.col, loc.in_textbox)


def _is_top(p: Paragraph) -> bool:
    return p.location.table is None and not p.location.in_textbox


def _is_bold(line: Line) -> bool:
    vis = line.visible
    return bool(vis) and all(s.props.bold for s in vis)


def rule_after(paras: list[Paragraph], line: Line) -> RuleMark | None:
    """The rule drawn under ``line``.

    Looked for on the line's own paragraph (a later line of underscores, a bottom
    border, a line shape), then in the next few blank paragraphs of the same container
    (borders, shapes, typed lines), then as a line shape anchored in the next line of
    text or — where Word users often anchor them — in an earlier paragraph of the same
    container.
    """
    p = line.paragraph
    for later in p.lines()[line.index + 1 :]:
        if is_rule_text(later.text):
            return RuleMark("text", p, None, norm(later.text))
    own = _mark_on(p, text_para=p, top=False)
    if own is not None:
        return own
    blanks = 0
    for q in paras[p.order + 1 :]:
        if _container(q) != _container(p):
            break
        if q.is_blank or is_rule_text(q.text):
            mark = _mark_on(q, text_para=p, top=True)
            if mark is not None:
                return mark
            if is_rule_text(q.text):
                return RuleMark("text", q, None, norm(q.text))
            blanks += 1
            if blanks > 2:
                break
            continue
        shapes = [s for s in q.shapes if s.is_line]
        if shapes:
            return RuleMark("shape", q, shapes[0].width)
        break
    for q in reversed(paras[max(p.order - 4, 0) : p.order]):
        if _container(q) != _container(p):
            break
        shapes = [s for s in q.shapes if s.is_line]
        if shapes:
            return RuleMark("shape", q, shapes[0].width)
    return None


def _mark_on(q: Paragraph, text_para: Paragraph, top: bool) -> RuleMark | None:
    """A border or line shape on paragraph ``q`` drawn under ``text_para``'s text."""
    borders = q.props.borders
    sides = ("bottom", "top") if top else ("bottom",)
    for side in sides:
        border = borders.get(side)
        if border is not None and border.visible:
            rule_centre = q.props.ind_left + q.text_width / 2
            text_centre = text_para.props.ind_left + text_para.text_width / 2
            offset = None
            if text_para.props.jc == "center" and q.available == text_para.available:
                offset = rule_centre - text_centre
            return RuleMark("border", q, q.text_width, offset=offset)
    shapes = [s for s in q.shapes if s.is_line]
    if shapes:
        return RuleMark("shape", q, shapes[0].width)
    return None


def _first_line(
    paras: list[Paragraph], start: int, stop: int, pattern: re.Pattern[str]
) -> Line | None:
    for p in paras[start:stop]:
        for line in p.lines():
            if pattern.search(norm(line.text)):
                return line
    return None


def locate(model: DocModel) -> Components:
    """Find every component of the layout in the main document of ``model``."""
    paras = model.paragraphs
    c = Components()
    for p in paras:
        for line in p.lines():
            if c.quoc_hieu is None and norm(line.text).upper() in QUOC_HIEU_FORMS:
                c.quoc_hieu = line
            elif c.quoc_hieu is not None and _is_tieu_ngu(line.text):
                c.tieu_ngu = line
                break
        if c.tieu_ngu is not None or (c.quoc_hieu and p.order > c.quoc_hieu.paragraph.order + 5):
            break
    header = _header_paragraphs(paras, c.quoc_hieu)
    header_end = max((p.order for p in header), default=-1)
    scope_stop = header_end + 1 if header else min(len(paras), 40)
    c.so = _first_line(paras, 0, scope_stop, _SO)
    c.ngay = _first_line(paras, 0, scope_stop, _DATE)
    if c.so is None:
        c.so = _first_line(paras, 0, min(len(paras), scope_stop + _HEADER_WINDOW), _SO)
    if c.ngay is None:
        c.ngay = _first_line(paras, 0, min(len(paras), scope_stop + _HEADER_WINDOW), _DATE)
    for found in (c.so, c.ngay, c.tieu_ngu):
        if found is not None:
            header_end = max(header_end, found.paragraph.order)
    if c.tieu_ngu is not None:
        c.tieu_ngu_rule = rule_after(paras, c.tieu_ngu)
    _agency(paras, c)
    _title(paras, c, header_end)
    _closing(paras, c)
    _body(paras, c)
    return c


def _is_tieu_ngu(text: str) -> bool:
    words = re.sub(r"[\s\-–—]+", " ", norm(text)).strip().lower()
    return words == "độc lập tự do hạnh phúc"


def _header_paragraphs(paras: list[Paragraph], qh: Line | None) -> list[Paragraph]:
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
        if any(_SO.search(norm(q.text)) or _DATE.search(norm(q.text)) for q in second):
            out += second
    return out


def _agency(paras: list[Paragraph], c: Components) -> None:
    """Agency lines: above "Số:" in its column, down from the top of the header."""
    if c.so is None:
        return
    so = c.so.paragraph
    loc = so.location
    lines: list[Line] = []
    for p in paras[: so.order]:
        same_column = p.location.table == loc.table and p.location.col == loc.col
        if loc.table is None:
            same_column = _is_top(p) and (c.quoc_hieu is None or p is not c.quoc_hieu.paragraph)
        if not same_column:
            continue
        for line in p.lines():
            if norm(line.text) and not is_rule_text(line.text):
                lines.append(line)
    if loc.table is None and c.quoc_hieu is not None:
        # Without a table, only the lines after the header's start count.
        lines = [ln for ln in lines if ln.paragraph.order >= 0]
    lines = [ln for ln in lines if ln is not c.quoc_hieu and ln is not c.tieu_ngu]
    lead = 0
    while lead < len(lines) and not _is_bold(lines[lead]):
        lead += 1
    if lead == len(lines):  # nothing bold: all of it is the agency name
        lead = 0
    c.chu_quan = lines[:lead]
    c.co_quan = lines[lead:]
    if c.co_quan:
        c.co_quan_rule = rule_after(paras, c.co_quan[-1])


def _title(paras: list[Paragraph], c: Components, header_end: int) -> None:
    """Tên loại and trích yếu: the first top-level paragraphs after the header."""
    for p in paras[header_end + 1 :]:
        if not _is_top(p) or p.is_blank or is_rule_text(p.text):
            continue
        lines = [ln for ln in p.lines() if norm(ln.text)]
        if not lines:
            continue
        c.ten_loai = lines[0]
        c.trich_yeu = lines[1:]
        break
    if c.ten_loai is None:
        return
    start = c.ten_loai.paragraph
    if c.trich_yeu:
        c.trich_yeu_rule = rule_after(paras, c.trich_yeu[-1])
        if c.trich_yeu_rule is not None:
            return
    for q in paras[start.order + 1 :]:
        if not _is_top(q) or q.is_blank or is_rule_text(q.text):
            break
        if c.trich_yeu and q.props.jc != c.trich_yeu[0].paragraph.props.jc:
            break  # the body begins: the summary's lines share its alignment
        c.trich_yeu += [ln for ln in q.lines() if norm(ln.text)]
        rule = rule_after(paras, c.trich_yeu[-1])
        if rule is not None or len(c.trich_yeu) >= 4:
            c.trich_yeu_rule = rule
            break


def _closing(paras: list[Paragraph], c: Components) -> None:
    """Nơi nhận and the signature block, after the trích yếu."""
    start = (
        c.trich_yeu[-1].paragraph.order
        if c.trich_yeu
        else (c.ten_loai.paragraph.order if c.ten_loai else 0)
    )
    label: Line | None = None
    authority: Line | None = None
    for p in paras[start + 1 :]:
        for line in p.lines():
            text = norm(line.text)
            if label is None and _NOI_NHAN.match(text):
                label = line
            if authority is None and AUTHORITY.match(text):
                authority = line
    c.noi_nhan_label = label
    if label is not None:
        p = label.paragraph
        candidates = [ln for ln in p.lines()[label.index + 1 :] if norm(ln.text)]
        for q in paras[p.order + 1 :]:
            if _container(q) != _container(p) or q.is_blank or AUTHORITY.match(norm(q.text)):
                break
            candidates += [ln for ln in q.lines() if norm(ln.text)]
        for line in candidates:
            if DRAFTER.match(norm(line.text)):
                break  # the drafter's symbol below the list is not a recipient
            c.noi_nhan.append(line)
    # The signature block: the authority line's container, else the cell beside.
    block: list[Paragraph] = []
    if authority is not None:
        ap = authority.paragraph
        block = [q for q in paras[ap.order :] if _container(q) == _container(ap)]
    elif label is not None and label.paragraph.location.table is not None:
        lp = label.paragraph
        block = [
            q
            for q in paras
            if q.location.part == lp.location.part
            and q.location.table == lp.location.table
            and q.location.row == lp.location.row
            and q.location.col != lp.location.col
        ]
    skip = {(id(ln.paragraph), ln.index) for ln in c.noi_nhan}
    if label is not None:
        skip.add((id(label.paragraph), label.index))
    lines = [
        ln
        for q in block
        for ln in q.lines()
        if norm(ln.text)
        and not _placeholder(norm(ln.text))
        and (id(ln.paragraph), ln.index) not in skip
        and not (authority is not None and q is authority.paragraph and ln.index < authority.index)
    ]
    if len(lines) > 1:
        c.authority, c.signer = lines[:-1], lines[-1]
    else:
        c.authority = lines


def _placeholder(text: str) -> bool:
    """Signature placeholders such as "(Đã ký)" or "(Chữ ký, dấu)"."""
    return text.startswith("(") or text.lower() in {"đã ký", "đã ký."}


def _body(paras: list[Paragraph], c: Components) -> None:
    """Top-level paragraphs between the trích yếu (and its rule) and the closing."""
    if c.trich_yeu_rule is not None:
        start = c.trich_yeu_rule.paragraph.order
    elif c.trich_yeu:
        start = c.trich_yeu[-1].paragraph.order
    elif c.ten_loai is not None:
        start = c.ten_loai.paragraph.order
    else:
        return
    ends = [ln.paragraph for ln in (c.noi_nhan_label, *c.authority[:1]) if ln is not None]
    stop = len(paras)
    for end in ends:
        first = end
        if end.location.table is not None:
            first = next(
                q
                for q in paras
                if q.location.table == end.location.table and q.location.part == end.location.part
            )
        stop = min(stop, first.order)
    c.body = [
        p
        for p in paras[start + 1 : stop]
        if _is_top(p) and not p.is_blank and not is_rule_text(p.text)
    ]
