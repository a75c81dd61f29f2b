"""The header and title of a part: agency, số and ký hiệu, place and date, tên loại, trích yếu.

* the agency (tên cơ quan, Phụ lục I, II.2) and its superior (chủ quản) from their
  printed capitals, in sentence case (:mod:`~chithi_gen.importer.case`); the Party's
  star under the name is not part of it;
* "Số: 05/CT-UBND" (II.3) → ``so`` 5, the kind's group "CT" and the agency's "UBND";
  a Party number "Số 12-CT/TU" likewise;
* "Trường Hà, ngày 15 tháng 01 năm 2026" (II.4) → ``dia_danh`` and ``ngay`` (a draft's
  blanks give ``nam`` alone, or nothing);
* the tên loại and the trích yếu (II.5) as printed, the lines of each kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from chithi_gen.check.blanks import is_placeholder
from chithi_gen.check.locate import Components
from chithi_gen.check.locate.text import is_rule_text
from chithi_gen.check.locate.where import container
from chithi_gen.check.read.paragraph import Line, Paragraph
from chithi_gen.importer.case import restore_lines

_SO = re.compile(
    r"^\s*số\s*:?\s*(?P<so>\d{1,6})?\s*/\s*(?:(?P<nam>\d{4})\s*/\s*)?"
    r"(?P<ky_hieu>[A-Za-zĐđ0-9]+(?:\s*-\s*[A-Za-zĐđ0-9]+)*)\s*$",
    re.IGNORECASE,
)
_SO_DANG = re.compile(
    r"^\s*số\s*(?P<so>\d{1,6})?\s*-\s*(?P<loai>[A-Za-zĐđ]+)\s*/\s*(?P<co_quan>[A-ZĐ0-9-]+)\s*$",
    re.IGNORECASE,
)
_KINH_GUI = re.compile(r"^\s*kính\s+gửi\s*:?", re.IGNORECASE)
_NGAY = re.compile(
    r"^\s*(?P<noi>.*?)\s*,?\s*ngày\s*(?P<d>\d{1,2})?[\s…. ]*tháng\s*(?P<m>\d{1,2})?[\s…. ]*"
    r"năm\s*(?P<y>\d{4})?[\s…. ]*$",
    re.IGNORECASE,
)


@dataclass
class Header:
    """What the header and title say, as read (``None`` where nothing was read)."""

    chu_quan: list[str] = field(default_factory=list)
    co_quan: list[str] = field(default_factory=list)
    so: int | None = None
    #: The ký hiệu's groups: the kind's ("CT") and the agency's ("UBND").
    loai_viet_tat: str | None = None
    co_quan_viet_tat: str | None = None
    #: A number with its year ("15/2020/QĐ-UBND"): a legal normative document.
    nam_trong_so: int | None = None
    dia_danh: str | None = None
    ngay: date | None = None
    nam: int | None = None
    ten_loai: str | None = None
    trich_yeu: list[str] = field(default_factory=list)
    #: A công văn's trích yếu, under the số ("V/v …"; a Party one "về việc …").
    duoi_so: list[str] = field(default_factory=list)
    #: The addressees after "Kính gửi:" (Phụ lục I, II.9.b).
    kinh_gui: list[str] = field(default_factory=list)
    party: bool = False
    #: The agency's lines as printed (capitals), for the line breaks.
    printed_chu_quan: list[str] = field(default_factory=list)
    printed_co_quan: list[str] = field(default_factory=list)
    #: Where each component stood, for the notes.
    where: dict[str, str] = field(default_factory=dict)


def _text(line: Line) -> str:
    """A header line without its note numbers (superscript) and extra spaces."""
    return " ".join(line.plain.split())


def _printed(lines: list[Line]) -> list[str]:
    texts = [_text(ln) for ln in lines]
    return [t for t in texts if t.strip(" *") and not is_rule_text(t)]


def read_number(text: str, party: bool) -> tuple[int | None, str | None, str | None, int | None]:
    """(number, kind's group, agency's group, year) of a "Số:" line; None where blank."""
    m = _SO_DANG.match(text) if party else None
    if m:
        so = int(m.group("so")) if m.group("so") else None
        return so, m.group("loai"), m.group("co_quan"), None
    m = _SO.match(text)
    if not m:
        return None, None, None, None
    so = int(m.group("so")) if m.group("so") else None
    ky_hieu = re.sub(r"\s+", "", m.group("ky_hieu"))
    loai, _, co_quan = ky_hieu.partition("-")
    year = int(m.group("nam")) if m.group("nam") else None
    return so, loai or None, co_quan or None, year


def read_date(text: str) -> tuple[str | None, date | None, int | None]:
    """(place, date, year of a draft) of the date line; None where blank or unreadable."""
    m = _NGAY.match(text)
    if not m:
        return None, None, None
    place = m.group("noi").strip(" ,")
    if not place or is_placeholder(place) or not place[0].isupper():
        place = None
    year = int(m.group("y")) if m.group("y") else None
    if m.group("d") and m.group("m") and year:
        try:
            return place, date(year, int(m.group("m")), int(m.group("d"))), None
        except ValueError:
            return place, None, year
    return place, None, year


def _under(so: Line, paragraphs: list[Paragraph]) -> list[str]:
    """The lines under the "Số" line in its cell (a Party công văn's trích yếu)."""
    p = so.paragraph
    lines = [_text(ln) for ln in p.lines()[so.index + 1 :]]
    for q in paragraphs[p.order + 1 : p.order + 5]:
        if container(q) != container(p) or q.is_blank:
            break
        lines += [_text(ln) for ln in q.lines()]
    return [t for t in lines if t and not is_rule_text(t)]


def _beside_national(c: Components) -> list[Line]:
    """Agency lines typed on the Quốc hiệu's and Tiêu ngữ's lines, before a tab (a
    header laid out with tabs: "ỦY BAN NHÂN DÂN<tab><tab>CỘNG HÒA …")."""
    taken = {(id(ln.paragraph), ln.index, ln.column) for ln in (*c.chu_quan, *c.co_quan)}
    out: list[Line] = []
    for line in (c.quoc_hieu, c.tieu_ngu):
        if line is None or line.column < 2:
            continue
        first = line.paragraph.lines()[line.index].columns()[0]
        key = (id(first.paragraph), first.index, first.column)
        if key not in taken and _text(first) and not is_rule_text(first.text):
            out.append(first)
    return out


def read_header(c: Components, paragraphs: list[Paragraph]) -> Header:
    """The header and title of the located components ``c`` of ``paragraphs``."""
    h = Header(party=c.party_heading is not None)
    beside = _beside_national(c)
    if beside and c.co_quan and all(ln.paragraph.location.table is None for ln in c.co_quan):
        # Above the lines found: they come first, in the order typed.
        lines = sorted([*beside, *c.co_quan], key=lambda ln: (ln.paragraph.order, ln.index))
        c.co_quan = lines
    h.printed_chu_quan = _printed(c.chu_quan)
    h.printed_co_quan = _printed(c.co_quan)
    h.chu_quan = restore_lines(h.printed_chu_quan)
    h.co_quan = restore_lines(h.printed_co_quan)
    if c.co_quan:
        h.where["co_quan"] = c.co_quan[0].where()
    if c.so is not None:
        h.where["so"] = c.so.where()
        so, loai, co_quan, year = read_number(_text(c.so), h.party)
        h.so, h.loai_viet_tat, h.co_quan_viet_tat, h.nam_trong_so = so, loai, co_quan, year
    if c.ngay is not None:
        h.where["ngay"] = c.ngay.where()
        h.dia_danh, h.ngay, h.nam = read_date(_text(c.ngay))
    if c.ten_loai is not None:
        h.where["ten_loai"] = c.ten_loai.where()
        h.ten_loai = _text(c.ten_loai)
    h.trich_yeu = [t for t in (_text(ln) for ln in c.trich_yeu) if t]
    if c.vv:
        h.duoi_so = [_text(ln) for ln in c.vv]
        h.duoi_so[0] = re.sub(r"^\s*v\s*/\s*v\s*", "", h.duoi_so[0], flags=re.IGNORECASE)
    elif c.so is not None and h.party:
        h.duoi_so = _under(c.so, paragraphs)
    h.kinh_gui = [_KINH_GUI.sub("", _text(ln)).strip(" -–;.") for ln in c.kinh_gui]
    h.kinh_gui = [t for t in h.kinh_gui if t]
    if c.trich_yeu:
        h.where["trich_yeu"] = c.trich_yeu[0].where()
    return h
