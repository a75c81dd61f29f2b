"""Sentence case from printed capitals: "ỦY BAN NHÂN DÂN XÃ TRƯỜNG HÀ" → "Ủy ban nhân dân xã …".

The layout prints the agency, the tên loại, the signer's lines and the headings of a
Roman level in capitals (Phụ lục I, II.2.b, II.5.b, II.7.đ); the campaign file holds
them in sentence case, as Phụ lục II writes names: the first letter, the words naming
the kind of body and its field ("Ủy ban nhân dân", "Sở Nội vụ", "Ban Thường vụ",
"Phòng Văn hóa - Xã hội"), titles ("Phó Chủ tịch", "Chánh Văn phòng") and proper names
— places after their unit word ("xã Trường Hà", "tỉnh Cao Bằng"), checked against
the administrative units of :mod:`chithi_gen.reference.don_vi_hanh_chinh` where a
heading could run on past the name. Abbreviations (UBND, HĐND, 05-CT/HU) stay in
capitals: a word that is not a Vietnamese syllable is one. Text that is not all in
capitals is returned as it is (the clerk typed its case).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from chithi_gen.reference._chuan_hoa import khoa
from chithi_gen.reference.don_vi_hanh_chinh import huyen_cu, tim_tinh, tim_xa
from chithi_gen.vi.chu_hoa import viet_hoa_dau
from chithi_gen.vi.ma_cu import la_am_tiet

#: Names of bodies, their parts and titles, as Phụ lục II writes them.
_PHRASES = (
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Mặt trận Tổ quốc Việt Nam",
    "Ban Thường vụ",
    "Ban Thường trực",
    "Ban Chấp hành",
    "Ban Chỉ đạo",
    "Ban Chỉ huy Quân sự",
    "Ban Tổ chức",
    "Ban Tuyên giáo và Dân vận",
    "Ban Tuyên giáo",
    "Ban Dân vận",
    "Ban Kiểm tra",
    "Ủy ban Kiểm tra",
    "Ban Thi đua - Khen thưởng",
    "Hội đồng Thi đua - Khen thưởng",
    "Đảng Cộng sản Việt Nam",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Hội Liên hiệp Phụ nữ",
    "Hội Nông dân",
    "Hội Cựu chiến binh",
    "Liên đoàn Lao động",
    "Công an",
    "Quân sự",
    "Văn phòng",
    "Chính phủ",
    "Quốc hội",
    "Nhà nước",
    "Việt Nam",
    "Hồ Chí Minh",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Giám đốc",
    "Phó Giám đốc",
    "Tổng Giám đốc",
    "Bí thư",
    "Phó Bí thư",
    "Chánh Văn phòng",
    "Phó Chánh Văn phòng",
    "Trưởng phòng",
    "Phó Trưởng phòng",
    "Trưởng ban",
    "Phó Trưởng ban",
    "Chánh Thanh tra",
    "Thủ trưởng",
    "Bộ trưởng",
    "Thứ trưởng",
    "Thủ tướng",
    "Cục trưởng",
    "Vụ trưởng",
    "Hiệu trưởng",
    "Chỉ huy trưởng",
)
#: Party committees named by their place: the rest is the place ("Tỉnh ủy Cao Bằng").
_PLACE_AFTER = ("Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy", "Đảng ủy", "Đảng bộ")
#: Words naming the kind of a body: the next word, its field, is capitalised ("Sở Nội vụ").
_BODIES = ("sở", "bộ", "phòng", "ban", "cục", "chi cục", "trung tâm", "viện", "tổng cục")
#: Words after which "ban", "phòng" … are no body ("ban hành", "phòng cháy").
_NOT_A_FIELD = {"hành", "ngành", "bố", "cháy", "chống", "ngừa", "tránh", "bộ", "đầu", "ngày"}
#: Unit words and the lookup that knows their names.
_UNITS = {
    "tỉnh": "tinh",
    "thành phố": "tinh",
    "xã": "xa",
    "phường": "xa",
    "đặc khu": "xa",
    "huyện": "huyen",
    "quận": "huyen",
    "thị xã": "huyen",
    "thị trấn": "ten",
    "thôn": "ten",
    "xóm": "ten",
    "bản": "ten",
    "tổ dân phố": "ten",
}
#: Document kinds capitalised before their number ("Chỉ thị số 05-CT/HU").
_KINDS = (
    "Chỉ thị",
    "Nghị quyết",
    "Quyết định",
    "Kế hoạch",
    "Chương trình",
    "Thông báo",
    "Công văn",
    "Kết luận",
    "Hướng dẫn",
    "Báo cáo",
    "Nghị định",
    "Thông tư",
    "Luật",
)
_ROMAN = re.compile(r"^[IVXLC]+$")
_ROMAN_AFTER = {"khóa", "khoá", "lần thứ", "thứ", "kỳ", "phần", "chương", "mục"}
_MAX_NAME = 4


@dataclass
class _Word:
    pre: str
    core: str
    post: str
    keep: bool


def is_capitals(text: str) -> bool:
    """True when the letters of ``text`` are all capitals (at least two of them)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


def _is_abbreviation(core: str) -> bool:
    """A token kept in capitals: it has a digit, or a piece that is no syllable."""
    if any(c.isdigit() for c in core):
        return True
    pieces = [p for p in re.split(r"[-/.]", core) if p]
    return any(len(p) >= 2 and not la_am_tiet(p) for p in pieces) or "/" in core


def _words(text: str) -> list[_Word]:
    out: list[_Word] = []
    for token in text.split():
        m = re.match(r"^(\W*)(.*?)(\W*)$", token)
        pre, core, post = (m.group(1), m.group(2), m.group(3)) if m else ("", token, "")
        out.append(_Word(pre, core, post, _is_abbreviation(core)))
    for i, w in enumerate(out):
        before = [x.core.lower() for x in out[max(0, i - 2) : i]]
        if _ROMAN.match(w.core) and (
            (before and before[-1] in _ROMAN_AFTER) or " ".join(before) in _ROMAN_AFTER
        ):
            w.keep = True
    return out


@cache
def _table() -> dict[str, tuple[str, ...]]:
    """Lower-case key of a phrase -> its words as written."""
    names = (*_PHRASES, *_PLACE_AFTER, *_KINDS)
    return {khoa(p): tuple(p.split()) for p in names}


def _match(words: list[_Word], i: int) -> tuple[int, tuple[str, ...]] | None:
    table = _table()
    for n in range(min(8, len(words) - i), 0, -1):
        if any(w.post.strip(" -") for w in words[i : i + n - 1]):
            continue  # a phrase does not run across a comma
        key = khoa(" ".join(w.core for w in words[i : i + n]))
        if key in table:
            return n, table[key]
    return None


def _known(kind: str, name: str) -> bool:
    if kind == "tinh":
        return tim_tinh(name) is not None
    if kind == "xa":
        return bool(tim_xa(name))
    if kind == "huyen":
        return bool(huyen_cu(name))
    return False


def _unit_at(words: list[_Word], i: int) -> tuple[int, str] | None:
    """The unit word at ``i`` (its length in words and its lookup kind)."""
    for n in (3, 2, 1):
        key = " ".join(w.core.lower() for w in words[i : i + n])
        if len(words[i : i + n]) == n and key in _UNITS:
            after = words[i + n].core.lower() if i + n < len(words) else ""
            if key == "xã" and after == "hội":
                return None  # "xã hội" (society), not a commune
            return n, _UNITS[key]
    return None


def _name_length(words: list[_Word], start: int, kind: str, names: bool) -> int:
    """How many words after a unit word are its proper name."""
    end = start
    while end < len(words) and end - start < _MAX_NAME + 2:
        if _unit_at(words, end) or words[end].keep:
            break
        end += 1
        if words[end - 1].post.strip():
            break  # "xã Trường Hà, tỉnh …": the name ends at the comma
    for n in range(min(end - start, _MAX_NAME), 0, -1):
        if _known(kind, " ".join(w.core for w in words[start : start + n])):
            return n
    return end - start if names else 0


def restore(text: str, *, names: bool = True) -> str:
    """Sentence case of ``text`` printed in capitals (else ``text`` itself).

    ``names``: ``text`` is a name (an agency, a title, who decides): the words after a
    unit word or a Party committee are its place, and the word after the kind of a body
    its field. Otherwise (a heading, a tên loại) only the names listed and the places
    known to the reference data get capitals.
    """
    if not is_capitals(text):
        return " ".join(text.split())
    words = _words(text)
    out = [w.core if w.keep else w.core.lower() for w in words]
    i = 0
    while i < len(words):
        found = _match(words, i)
        unit = _unit_at(words, i)
        if found and not (unit and unit[0] >= found[0]):
            n, canonical = found
            for k in range(n):
                if not words[i + k].keep:
                    out[i + k] = canonical[k]
            i += n
            phrase = " ".join(canonical)
            if phrase in _KINDS and not (i < len(words) and out[i] == "số"):
                for k in range(n):  # a kind's name is capitalised only before "số"
                    out[i - n + k] = words[i - n + k].core.lower() if k else out[i - n + k]
                if i - n > 0:
                    out[i - n] = out[i - n].lower()
            if names and phrase in _PLACE_AFTER and i < len(words) and not _unit_at(words, i):
                i = _title(words, out, i, _name_length(words, i, "ten", True))
            continue
        if unit:
            n, kind = unit
            i = _title(words, out, i + n, _name_length(words, i + n, kind, names))
            continue
        low = out[i].lower()
        two = " ".join(out[i : i + 2]).lower()
        after = out[i + 1].lower() if i + 1 < len(out) else ""
        if names and (low in _BODIES or two in _BODIES) and after not in _NOT_A_FIELD:
            step = 2 if two in _BODIES else 1
            out[i] = viet_hoa_dau(out[i])
            i = _field(words, out, i + step)
            continue
        i += 1
    joined = " ".join(w.pre + o + w.post for w, o in zip(words, out, strict=True))
    return viet_hoa_dau(joined)


def _field(words: list[_Word], out: list[str], i: int) -> int:
    """The field after the kind of a body ("Sở | Nội vụ", "Phòng | Văn hóa - Xã hội"):
    its first word, and the first after each " - ", "," or "và", capitalised, up to a
    unit word or another name; returns where it ends."""
    first = True
    while i < len(words):
        if _unit_at(words, i) or _match(words, i):
            break
        if not words[i].core:
            first = first or words[i].pre.strip() == "-"
            i += 1
            continue
        if first and not words[i].keep and out[i] != "và":
            out[i] = viet_hoa_dau(out[i])
        # "Khoa học và Công nghệ", "Văn hóa, Thể thao và Du lịch": each part capitalised.
        first = out[i] == "và" or words[i].post.strip() == ","
        i += 1
    return i


def _title(words: list[_Word], out: list[str], start: int, n: int) -> int:
    for k in range(start, start + n):
        if not words[k].keep:
            out[k] = "-".join(viet_hoa_dau(p) for p in out[k].split("-"))
    return start + n


def restore_lines(lines: list[str], *, names: bool = True) -> list[str]:
    """Each line of a name broken over several lines, restored as one text (a place
    name may begin on one line and end on the next)."""
    counts = [len(line.split()) for line in lines]
    words = restore(" ".join(lines), names=names).split()
    if len(words) != sum(counts):
        return [restore(line, names=names) for line in lines]
    out: list[str] = []
    pos = 0
    for n in counts:
        out.append(" ".join(words[pos : pos + n]))
        pos += n
    return out
