"""Finding the components of the decree's layout in any document, by their text.

A clerk's document has no ``QuocHieu`` style to look for, so each component of
Phụ lục I, Phần I, Mục II and III is found by what it says and where it stands:

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
  NỘI BỘ") by their wording;
* tên loại (document type, e.g. "CHỈ THỊ") as the first paragraph after the header in
  capitals (or naming a type of Phụ lục III), the trích yếu (summary) as the lines
  after it up to its rule, a "(Kèm theo …)" line under it;
* "Kính gửi:" and its addressees; the thẩm quyền ban hành line, the căn cứ (legal
  bases) and "QUYẾT ĐỊNH:" of a Quyết định or Nghị quyết;
* Nơi nhận, the signature blocks, appendices and a copy's block (see ``closing``);
* the body (nội dung) as the top-level paragraphs between the opening and the closing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chithi_gen.check.blanks import is_placeholder
from chithi_gen.check.docx_reader import DocModel, Line, Paragraph
from chithi_gen.check.rulemark import RuleMark, is_rule_text, norm, rule_after

QUOC_HIEU_FORMS = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",  # the decree's own table spells it so
)
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
PARTY_HEADING = "ĐẢNG CỘNG SẢN VIỆT NAM"
SO = re.compile(r"^\s*số\s*(?::|(?=\s*[\d/…]))", re.IGNORECASE)
DATE = re.compile(r"\bngày\b.*\btháng\b.*\bnăm\b", re.IGNORECASE | re.DOTALL)
#: A line that is only a place and a date.
DATE_LINE = re.compile(
    r"^[^,.;:]{0,50},?\s*ngày\s*[\d….\s]*tháng\s*[\d….\s]*năm\s*[\d….\s]*$", re.IGNORECASE
)
NOI_NHAN = re.compile(r"^\s*nơi\s+nhận\s*:?\s*$", re.IGNORECASE)
AUTHORITY = re.compile(r"^\s*(TM|KT|Q|TL|TUQ)\.\s*\S")
#: Ký hiệu người soạn thảo and number of copies (box 12, Phụ lục I, III.3), e.g. "PL.(300)".
DRAFTER = re.compile(r"^[A-ZĐ][A-ZĐ0-9]*\.\s*\(\d+\)\.?$")
VV = re.compile(r"^\s*v\s*/\s*v\b", re.IGNORECASE)
KINH_GUI = re.compile(r"^\s*kính\s+gửi\b", re.IGNORECASE)
KEM_THEO = re.compile(r"^\s*\(?\s*(ban\s+hành\s+)?kèm\s+theo\b", re.IGNORECASE)
CAN_CU = re.compile(r"^\s*(căn\s+cứ|theo\s+đề\s+nghị|xét\s+đề\s+nghị|xét\s+tờ\s+trình)\b", re.I)
DISPOSITIVE = re.compile(r"^\s*(QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|NGHỊ\s+QUYẾT)\s*:\s*$", re.IGNORECASE)
FROM_LINE = re.compile(r"\bđiện\s*:\s*$", re.IGNORECASE)
#: Urgency (box 10b), confidentiality (10a) and circulation (11) marks.
MARKS: dict[str, str] = {
    "HỎA TỐC": "khan",
    "HOẢ TỐC": "khan",
    "THƯỢNG KHẨN": "khan",
    "KHẨN": "khan",
    "MẬT": "mat",
    "TỐI MẬT": "mat",
    "TUYỆT MẬT": "mat",
    "XEM XONG TRẢ LẠI": "luu_hanh",
    "LƯU HÀNH NỘI BỘ": "luu_hanh",
    "TÀI LIỆU THU HỒI": "luu_hanh",
}
#: How many paragraphs after the header table may still hold "Số:"/the date.
_HEADER_WINDOW = 8


@dataclass(frozen=True)
class Mark:
    """An urgency, confidentiality or circulation mark: ``khan``, ``mat``, ``luu_hanh``."""

    kind: str
    line: Line


@dataclass
class Signature:
    """One signature block: the authority and position lines, and the signer's name."""

    authority: list[Line]
    signer: Line | None
    paragraphs: list[Paragraph]


@dataclass
class Appendix:
    """A Phụ lục: its label ("Phụ lục I"), title, "(Kèm theo …)" line and rule."""

    label: Line
    title: list[Line]
    reference: Line | None
    rule: RuleMark | None
    section: int
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class CopyBlock:
    """The block of a paper copy (Phụ lục I, Phần II, II): form, agency, number, date."""

    form: Line | None
    co_quan: list[Line]
    so: Line | None
    ngay: Line | None
    noi_nhan_label: Line | None
    noi_nhan: list[Line]
    signatures: list[Signature]


@dataclass
class Components:
    """The located components (None/empty when not found)."""

    quoc_hieu: Line | None = None
    tieu_ngu: Line | None = None
    tieu_ngu_rule: RuleMark | None = None
    party_heading: Line | None = None
    chu_quan: list[Line] = field(default_factory=list)
    co_quan: list[Line] = field(default_factory=list)
    co_quan_rule: RuleMark | None = None
    so: Line | None = None
    ngay: Line | None = None
    vv: list[Line] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    ten_loai: Line | None = None
    trich_yeu: list[Line] = field(default_factory=list)
    kem_theo: Line | None = None
    trich_yeu_rule: RuleMark | None = None
    kinh_gui: list[Line] = field(default_factory=list)
    tham_quyen: Line | None = None
    can_cu: list[Paragraph] = field(default_factory=list)
    dispositive: Line | None = None
    from_line: Line | None = None
    body: list[Paragraph] = field(default_factory=list)
    noi_nhan_label: Line | None = None
    noi_nhan: list[Line] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)
    #: The appendix a document opens with (a Phụ lục in a file of its own).
    opening_appendix: Appendix | None = None
    copy: CopyBlock | None = None
    #: Paragraph orders: end of the header block, start of the closing (-1 / None).
    header_end: int = -1
    closing_start: int | None = None
    closing_end: int | None = None

    @property
    def authority(self) -> list[Line]:
        """Authority lines of the first signature block (empty if none)."""
        return self.signatures[0].authority if self.signatures else []

    @property
    def signer(self) -> Line | None:
        """The signer's name of the first signature block."""
        return self.signatures[0].signer if self.signatures else None


def container(p: Paragraph) -> tuple[object, ...]:
    """The cell (or top level, or text box) holding ``p``."""
    loc = p.location
    return (loc.part, loc.table, loc.row, loc.col, loc.in_textbox)


def is_top(p: Paragraph) -> bool:
    """True for a paragraph of the page itself (not in a table or text box)."""
    return p.location.table is None and not p.location.in_textbox


def is_bold(line: Line) -> bool:
    """True when every visible segment of ``line`` is bold."""
    vis = line.visible
    return bool(vis) and all(s.props.bold for s in vis)


def is_caps_text(text: str) -> bool:
    """True when the letters of ``text`` are capitals (at least two letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(not ch.islower() for ch in letters)


def text_lines(p: Paragraph) -> list[Line]:
    """The lines of ``p`` that show text."""
    return [ln for ln in p.lines() if norm(ln.text)]


def first_line(
    paras: list[Paragraph], start: int, stop: int, pattern: re.Pattern[str]
) -> Line | None:
    """The first line of ``paras[start:stop]`` whose text matches ``pattern``."""
    for p in paras[start:stop]:
        for line in p.lines():
            if pattern.search(norm(line.text)):
                return line
    return None


def mark_kind(text: str) -> str | None:
    """``khan``/``mat``/``luu_hanh`` when ``text`` is one of the marks."""
    return MARKS.get(norm(text).upper().strip(" .:"))


def locate(model: DocModel) -> Components:
    """Find every component of the layout in the main document of ``model``."""
    # Imported here: ``closing`` uses this module's helpers.
    from chithi_gen.check.closing import appendix_head, leading_appendix, locate_closing

    paras = model.paragraphs
    c = Components()
    _national(paras, c)
    if c.quoc_hieu is None and c.party_heading is None:
        c.opening_appendix = leading_appendix(paras, -1)
    header = _header_paragraphs(paras, c.quoc_hieu)
    header_end = max((p.order for p in header), default=-1)
    if c.opening_appendix is None:
        _number_and_date(paras, c, header)
    for found in (c.so, c.ngay, c.tieu_ngu, c.party_heading):
        if found is not None:
            header_end = max(header_end, found.paragraph.order)
    if c.tieu_ngu is not None:
        c.tieu_ngu_rule = rule_after(paras, c.tieu_ngu)
    _vv(paras, c)
    _agency(paras, c)
    _marks(paras, c, header_end)
    c.header_end = header_end
    if c.opening_appendix is not None:
        c.appendices.append(c.opening_appendix)
        start = max(p.order for p in appendix_head(c.opening_appendix))
    else:
        start = _title(paras, c, header_end)
    start = _kinh_gui(paras, c, start)
    locate_closing(paras, c, start)
    _preamble(paras, c, start)
    _body(paras, c, start)
    return c


def _number_and_date(paras: list[Paragraph], c: Components, header: list[Paragraph]) -> None:
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


def header_lines(p: Paragraph) -> list[Line]:
    """The lines of a header paragraph, each column of a tab-laid line on its own."""
    return [col for line in p.lines() for col in line.columns()]


def _national(paras: list[Paragraph], c: Components) -> None:
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
        if any(SO.search(norm(q.text)) or DATE.search(norm(q.text)) for q in second):
            out += second
    return out


def _vv(paras: list[Paragraph], c: Components) -> None:
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


def _agency(paras: list[Paragraph], c: Components) -> None:
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


def _marks(paras: list[Paragraph], c: Components, header_end: int) -> None:
    """Urgency, confidentiality and circulation marks in the opening of the document."""
    for p in paras[: max(header_end + 12, 20)]:
        for line in p.lines():
            kind = mark_kind(line.text)
            if kind is not None:
                c.marks.append(Mark(kind, line))


def _skippable(p: Paragraph, c: Components) -> bool:
    """Blank lines, typed rules and marks between the header and the title."""
    if p.is_blank or is_rule_text(p.text):
        return True
    return all(mark_kind(ln.text) for ln in text_lines(p))


def _title(paras: list[Paragraph], c: Components, header_end: int) -> int:
    """Tên loại, trích yếu, "(Kèm theo …)" and their rule; returns where the rest starts."""
    # Imported here: doctype uses this module's helpers.
    from chithi_gen.check.doctype import type_of_title

    candidate: Paragraph | None = None
    for p in paras[header_end + 1 :]:
        if not is_top(p) or _skippable(p, c):
            continue
        candidate = p
        break
    if candidate is None:
        return header_end
    lines = text_lines(candidate)
    first = norm(lines[0].text)
    if c.vv or KINH_GUI.match(first) or CAN_CU.match(first):
        return header_end
    titled = is_caps_text(first) and len(first) <= 90 and not first.endswith((".", ";", ","))
    if not titled and type_of_title(first) is None:
        return header_end
    c.ten_loai = lines[0]
    c.trich_yeu = lines[1:]
    last = candidate.order
    if not c.trich_yeu or rule_after(paras, c.trich_yeu[-1]) is None:
        for q in paras[candidate.order + 1 :]:
            if not is_top(q) or q.is_blank or is_rule_text(q.text):
                break
            text = norm(q.text)
            if KEM_THEO.match(text) or KINH_GUI.match(text) or CAN_CU.match(text):
                break
            if c.trich_yeu and q.props.jc != c.trich_yeu[0].paragraph.props.jc:
                break  # the body begins: the summary's lines share its alignment
            c.trich_yeu += text_lines(q)
            last = q.order
            if rule_after(paras, c.trich_yeu[-1]) is not None or len(c.trich_yeu) >= 4:
                break
    if c.trich_yeu:
        last = max(last, c.trich_yeu[-1].paragraph.order)
    # "(Kèm theo Quyết định số …)" under the summary of a text issued with a decision.
    for q in paras[last + 1 : last + 4]:
        if not is_top(q) or q.is_blank:
            continue
        if KEM_THEO.match(norm(q.text)):
            c.kem_theo = text_lines(q)[0]
            last = q.order
        break
    anchor = c.kem_theo or (c.trich_yeu[-1] if c.trich_yeu else c.ten_loai)
    c.trich_yeu_rule = rule_after(paras, anchor)
    if c.trich_yeu_rule is not None:
        last = max(last, c.trich_yeu_rule.paragraph.order)
    return last


def _kinh_gui(paras: list[Paragraph], c: Components, start: int) -> int:
    """ "Kính gửi:" and the addressees under it, just after the opening."""
    seen = 0
    for p in paras[start + 1 :]:
        if _skippable(p, c):
            continue
        seen += 1
        lines = text_lines(p)
        if not KINH_GUI.match(norm(lines[0].text)):
            if seen >= 2:
                break
            continue
        c.kinh_gui = list(lines)
        last = p.order
        if p.location.table is not None and len(lines) == 1:
            # "Kính gửi:" in one cell, the addressees in the cell beside it.
            beside = [
                q
                for q in paras[p.order + 1 :]
                if q.location.table == p.location.table
                and q.location.part == p.location.part
                and q.location.row == p.location.row
                and not q.is_blank
            ]
            for q in beside:
                c.kinh_gui += text_lines(q)
                last = q.order
            return max(
                last,
                max(
                    (
                        q.order
                        for q in paras
                        if q.location.table == p.location.table
                        and q.location.part == p.location.part
                    ),
                    default=last,
                ),
            )
        for q in paras[p.order + 1 :]:
            if container(q) != container(p) and not (is_top(q) and is_top(p)):
                break
            if q.is_blank:
                break
            text = _dash_text(q)
            if not text.startswith(("-", "–", "+")):
                break
            c.kinh_gui += text_lines(q)
            last = q.order
        return last
    return start


def _dash_text(p: Paragraph) -> str:
    text = norm(p.text)
    if p.bullet is not None and p.bullet.strip() in {"-", "–"}:
        return f"- {text}"
    return text


def _preamble(paras: list[Paragraph], c: Components, start: int) -> None:
    """Thẩm quyền ban hành, căn cứ and "QUYẾT ĐỊNH:" before the articles."""
    stop = c.closing_start if c.closing_start is not None else len(paras)
    tops = [p for p in paras[start + 1 : stop] if is_top(p) and not p.is_blank]
    i = 0
    if tops and c.ten_loai is not None:
        first = norm(tops[0].text)
        if (
            tops[0].props.jc == "center"
            and is_caps_text(first)
            and not DISPOSITIVE.match(first)
            and not CAN_CU.match(first)
            and any(
                CAN_CU.match(norm(p.text)) or DISPOSITIVE.match(norm(p.text)) for p in tops[1:4]
            )
        ):
            c.tham_quyen = text_lines(tops[0])[0]
            i = 1
    if i < len(tops) and FROM_LINE.search(norm(tops[i].text)):
        c.from_line = text_lines(tops[i])[-1]
        i += 1
    if i < len(tops) and CAN_CU.match(norm(tops[i].text)):
        while i < len(tops):
            text = norm(tops[i].text)
            if DISPOSITIVE.match(text):
                break
            if not (CAN_CU.match(text) or is_placeholder(tops[i].text)):
                break
            c.can_cu.append(tops[i])
            i += 1
    if i < len(tops) and DISPOSITIVE.match(norm(tops[i].text)):
        c.dispositive = text_lines(tops[i])[0]


def _body(paras: list[Paragraph], c: Components, start: int) -> None:
    """Top-level paragraphs between the opening and the closing."""
    stop = c.closing_start if c.closing_start is not None else len(paras)
    if c.appendices:
        stop = min(stop, min(a.label.paragraph.order for a in c.appendices))
    taken = {id(p) for p in c.can_cu}
    for line in (c.tham_quyen, c.dispositive, c.from_line, *c.kinh_gui):
        if line is not None:
            taken.add(id(line.paragraph))
    c.body = [
        p
        for p in paras[start + 1 : stop]
        if is_top(p)
        and not p.is_blank
        and not is_rule_text(p.text)
        and id(p) not in taken
        and not all(mark_kind(ln.text) for ln in text_lines(p))
    ]


__all__ = [
    "AUTHORITY",
    "DATE",
    "DRAFTER",
    "NOI_NHAN",
    "QUOC_HIEU_FORMS",
    "SO",
    "TIEU_NGU",
    "Appendix",
    "Components",
    "CopyBlock",
    "Mark",
    "RuleMark",
    "Signature",
    "is_rule_text",
    "locate",
    "norm",
    "rule_after",
]
