"""Wording rules of the "Số:" line and the date line, Phụ lục I, II.3 and II.4.

* II.3.a–c số, ký hiệu (number and symbol): "Số:" then the number in Arabic numerals,
  with a leading 0 below 10, a slash, and the symbol in capitals — abbreviation groups
  joined by hyphens without spaces, e.g. "Số: 05/CT-UBND". A draft leaves the number
  blank ("Số:      /CT-UBND"), which passes with a note.
* II.4.b–c địa danh and thời gian (place and date): "<Place>, ngày DD tháng M năm
  YYYY" — the place capitalised and followed by a comma; a day below 10 and the months
  1 and 2 take a leading 0, the other months do not. A draft may leave the day, month
  or year blank.
"""

from __future__ import annotations

import datetime as dt
import re

from chithi_gen.check.abbreviations import TABLE
from chithi_gen.check.blanks import is_blank_value
from chithi_gen.check.locate import norm
from chithi_gen.check.model import RuleResult
from chithi_gen.check.rules._base import NOT_FOUND_EN, NOT_FOUND_VI, Context, Rule

SO_TEXT = Rule(
    "ND30-SOKYHIEU-TEXT",
    "Phụ lục I, II.3.a–c",
    "Số, ký hiệu: «Số: 05/CT-UBND»",
    "Number and symbol: «Số: 05/CT-UBND»",
    ("so",),
)
NGAY_TEXT = Rule(
    "ND30-NGAY-TEXT",
    "Phụ lục I, II.4.b–c",
    "Địa danh, ngày tháng năm: «Hà Nội, ngày 05 tháng 3 năm 2020»",
    "Place and date: «Hà Nội, ngày 05 tháng 3 năm 2020»",
    ("ngay",),
)

_DRAFT_VI = "bản dự thảo (chưa ghi số/ngày)"
_DRAFT_EN = "draft (number/date left blank)"
_SO = re.compile(r"^(?P<word>[^\s:]+)\s*(?P<colon>:?)\s*(?P<rest>.*)$")
#: Abbreviations of Phụ lục III, Mục I that mix cases: Quy định, Chương trình, Tờ trình,
#: Bản trích sao.
_GROUP_EXCEPTIONS = {d.abbr for d in TABLE if not d.abbr.isupper()}


def _blank(part: str) -> bool:
    """A part left for the clerk to fill: spaces, dots, ellipses or a note number."""
    return is_blank_value(part)


def _digits(text: str) -> bool:
    """True for ASCII digits only (``str.isdigit`` also accepts "²" or "١")."""
    return bool(text) and all("0" <= ch <= "9" for ch in text)


def _symbol_problems(symbol: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if not symbol.strip():
        return [("thiếu ký hiệu văn bản sau dấu /", "the symbol after / is missing")]
    groups = [g.strip() for g in symbol.strip().split("-")]
    if any(_blank(g) and g for g in groups) or _blank(symbol):
        return []  # a template's symbol, to be filled in: reported as blank
    if any(ch.isspace() for ch in symbol.strip()):
        out.append(("ký hiệu không được có dấu cách", "the symbol must not contain spaces"))
    for group in symbol.strip().split("-"):
        group = group.strip()
        if not group:
            out.append(("nhóm chữ viết tắt rỗng giữa các dấu -", "an empty group between hyphens"))
        elif group not in _GROUP_EXCEPTIONS and (
            not all(ch.isupper() or ch.isdigit() for ch in group)
            or not any(ch.isalpha() for ch in group)
        ):
            out.append(
                (f"nhóm «{group}» phải là chữ in hoa", f"group «{group}» must be in capitals")
            )
    return out


def check_so_text(ctx: Context) -> RuleResult:
    """II.3: «Số: NN/XX-YYY», leading 0 below 10, capital groups, no spaces."""
    line = ctx.parts.so
    expected = "Số: 05/CT-UBND (dự thảo/draft: «Số:      /CT-UBND»)"
    if line is None and not ctx.profile.requires("so"):
        return SO_TEXT.not_applicable("văn bản không có số, ký hiệu", "no number and symbol")
    if line is None:
        return SO_TEXT.failed(
            "",
            f"{NOT_FOUND_VI}/{NOT_FOUND_EN}",
            expected,
            "Không tìm thấy dòng «Số:»",
            "The «Số:» line was not found",
        )
    text = norm(line.plain)
    m = _SO.match(text)
    problems: list[tuple[str, str]] = []
    draft = False
    if m is None:  # pragma: no cover - the pattern matches any text
        problems.append(("không đọc được số, ký hiệu", "cannot read the number and symbol"))
    else:
        if m.group("word") != "Số":
            problems.append(("từ «Số» phải viết in thường: «Số»", "write the word as «Số»"))
        if not m.group("colon"):
            problems.append(
                ("sau từ «Số» phải có dấu hai chấm (:)", "«Số» must be followed by «:»")
            )
        rest = m.group("rest")
        if "/" not in rest:
            problems.append(("thiếu dấu gạch chéo (/) giữa số và ký hiệu", "missing «/»"))
        else:
            number, symbol = rest.split("/", 1)
            if _blank(number):
                draft = True
            else:
                raw = number
                number = number.strip()
                if raw != number:
                    problems.append(
                        ("số và dấu / phải viết liền", "no space between the number and «/»")
                    )
                if not _digits(number) or int(number) == 0:
                    problems.append(
                        (f"số «{number}» phải là chữ số Ả Rập", f"«{number}» must be Arabic digits")
                    )
                elif int(number) < 10 and len(number) != 2:
                    problems.append(
                        (
                            f"số nhỏ hơn 10 phải có số 0 phía trước: «{int(number):02d}»",
                            f"numbers below 10 take a leading zero: «{int(number):02d}»",
                        )
                    )
                elif int(number) >= 10 and number.startswith("0"):
                    problems.append(
                        (f"số «{number}» thừa số 0", f"«{number}» has a superfluous leading zero")
                    )
            if symbol.startswith(" "):
                problems.append(("dấu / và ký hiệu phải viết liền", "no space after «/»"))
            problems += _symbol_problems(symbol)
    if problems:
        return SO_TEXT.failed(
            line.where(),
            f"«{text}»",
            expected,
            "Số, ký hiệu viết chưa đúng: " + "; ".join(vi for vi, _ in problems),
            "Number and symbol are malformed: " + "; ".join(en for _, en in problems),
        )
    if draft or (m is not None and "/" in m.group("rest") and _symbol_blank(m.group("rest"))):
        return SO_TEXT.blank(line.where(), f"«{text}»", _DRAFT_VI, _DRAFT_EN)
    return SO_TEXT.passed(line.where(), f"«{text}»")


def _symbol_blank(rest: str) -> bool:
    symbol = rest.split("/", 1)[1]
    return _blank(symbol) or any(_blank(g.strip()) for g in symbol.split("-"))


_DATE = re.compile(
    r"^(?P<place>.*?)(?P<comma>\s*,?)\s*(?P<ngay>ngày)(?P<d>.*?)(?P<thang>tháng)(?P<m>.*?)"
    r"(?P<nam>năm)(?P<y>.*)$",
    re.IGNORECASE,
)


def _date_problems(m: re.Match[str]) -> tuple[list[tuple[str, str]], bool]:
    problems: list[tuple[str, str]] = []
    place = m.group("place").strip()
    place_blank = bool(place) and _blank(place)
    if not place:
        problems.append(("thiếu địa danh", "the place name is missing"))
    elif place_blank:
        pass
    elif not place[0].isupper():
        problems.append(
            ("chữ cái đầu của địa danh phải viết hoa", "the place name must be capitalised")
        )
    if m.group("comma") != "," and not place_blank:
        problems.append(
            ("sau địa danh phải có dấu phẩy (,) viết liền", "a comma must follow the place name")
        )
    for key, word in (("ngay", "ngày"), ("thang", "tháng"), ("nam", "năm")):
        if m.group(key) != word:
            problems.append((f"viết «{word}» bằng chữ in thường", f"write «{word}» in lower case"))
    day, month, year = (m.group(k).strip() for k in ("d", "m", "y"))
    draft = place_blank
    values: dict[str, int] = {}
    for name, raw in (("day", day), ("month", month), ("year", year)):
        if _blank(raw):
            draft = True
            continue
        if not _digits(raw):
            problems.append((f"«{raw}» phải là chữ số Ả Rập", f"«{raw}» must be Arabic digits"))
            continue
        values[name] = int(raw)
        if name == "day":
            want = f"{int(raw):02d}" if int(raw) < 10 else str(int(raw))
            if raw != want or not 1 <= int(raw) <= 31:
                problems.append(
                    (f"ngày viết là «{want}» (không phải «{raw}»)", f"day as «{want}», not «{raw}»")
                )
        elif name == "month":
            want = f"{int(raw):02d}" if int(raw) in {1, 2} else str(int(raw))
            if not 1 <= int(raw) <= 12:
                problems.append((f"tháng «{raw}» không hợp lệ", f"invalid month «{raw}»"))
            elif raw != want:
                problems.append(
                    (
                        f"tháng viết là «{want}» (không phải «{raw}»): chỉ tháng 1, 2 có số 0",
                        f"month as «{want}», not «{raw}»: only months 1 and 2 take a zero",
                    )
                )
        elif len(raw) != 4:
            problems.append((f"năm «{raw}» phải đủ 4 chữ số", f"year «{raw}» needs 4 digits"))
    if len(values) == 3 and not problems:
        try:
            dt.date(values["year"], values["month"], values["day"])
        except ValueError:
            problems.append(("ngày tháng không có thật", "no such calendar date"))
    return problems, draft


def check_ngay_text(ctx: Context) -> RuleResult:
    """II.4: «<Place>, ngày DD tháng M năm YYYY» with the decree's zero padding."""
    line = ctx.parts.ngay
    expected = "<Địa danh>, ngày 05 tháng 3 năm 2020 / ngày 15 tháng 01 năm 2021"
    if line is None and not ctx.profile.requires("ngay"):
        return NGAY_TEXT.not_applicable(
            "mẫu của loại văn bản này không có dòng địa danh, ngày tháng",
            "this type's layout has no place and date line",
        )
    if line is None:
        return NGAY_TEXT.failed(
            "",
            f"{NOT_FOUND_VI}/{NOT_FOUND_EN}",
            expected,
            "Không tìm thấy dòng địa danh và ngày tháng năm ban hành",
            "The place and date line was not found",
        )
    text = norm(line.plain)
    m = _DATE.match(text)
    if m is None:
        return NGAY_TEXT.failed(
            line.where(),
            f"«{text}»",
            expected,
            "Không đọc được ngày tháng năm",
            "Cannot read the date",
        )
    problems, draft = _date_problems(m)
    if problems:
        return NGAY_TEXT.failed(
            line.where(),
            f"«{text}»",
            expected,
            "Địa danh, ngày tháng năm viết chưa đúng: " + "; ".join(vi for vi, _ in problems),
            "Place and date are malformed: " + "; ".join(en for _, en in problems),
        )
    if draft:
        return NGAY_TEXT.blank(line.where(), f"«{text}»", _DRAFT_VI, _DRAFT_EN)
    return NGAY_TEXT.passed(line.where(), f"«{text}»")


KYHIEU_LOAI = Rule(
    "ND30-KYHIEU-LOAI",
    "Phụ lục I, II.3.b; Phụ lục III, Mục I",
    "Ký hiệu mang chữ viết tắt đúng tên loại (bảng Phụ lục III)",
    "The symbol carries the type's abbreviation (Phụ lục III table)",
    ("so",),
)


def _symbol(ctx: Context) -> str | None:
    line = ctx.parts.so
    if line is None:
        return None
    m = _SO.match(norm(line.plain))
    rest = m.group("rest") if m else ""
    if "/" not in rest:
        return None
    return rest.split("/", 1)[1].strip()


def check_kyhieu_loai(ctx: Context) -> RuleResult:
    """II.3.b: the first group of the symbol is the tên loại's abbreviation (Phụ lục III);
    a công văn's symbol has none (agency and drafting unit only)."""
    symbol = _symbol(ctx)
    if symbol is None:
        return KYHIEU_LOAI.not_applicable("không đọc được ký hiệu", "no symbol to read")
    groups = [g.strip() for g in symbol.split("-")]
    first = groups[0] if groups else ""
    line = ctx.parts.so
    assert line is not None
    name = ctx.profile.name
    if _blank(first) or _blank(symbol):
        return KYHIEU_LOAI.blank(line.where(), f"«{symbol}»")
    if ctx.profile.kind == "cong_van":
        entry = next((d for d in TABLE if d.abbr == first), None)
        if entry is not None and len(groups) > 1:
            return KYHIEU_LOAI.warned(
                line.where(),
                f"«{symbol}»",
                "<CƠ QUAN>-<ĐƠN VỊ> (vd/e.g. UBND-VP)",
                f"Ký hiệu bắt đầu bằng «{first}» ({entry.name}) nhưng văn bản không có tên "
                "loại: công văn chỉ ghi chữ viết tắt tên cơ quan và đơn vị soạn thảo",
                f"The symbol starts with «{first}» ({entry.name}) but the document has no "
                "type name: a công văn carries only the agency and the drafting unit",
            )
        return KYHIEU_LOAI.passed(line.where(), f"«{symbol}»")
    if name is None:
        return KYHIEU_LOAI.not_applicable(
            "tên loại không có trong bảng chữ viết tắt", "type name not in the table"
        )
    if first == name.abbr:
        return KYHIEU_LOAI.passed(line.where(), f"«{symbol}» ({name.name}: {name.abbr})")
    if first.upper() == name.abbr.upper():
        return KYHIEU_LOAI.failed(
            line.where(),
            f"«{symbol}»",
            f"{name.abbr}-…",
            f"Chữ viết tắt của {name.name.lower()} viết là «{name.abbr}» (bảng Phụ lục III)",
            f"The abbreviation of {name.name} is written «{name.abbr}» (Phụ lục III table)",
        )
    return KYHIEU_LOAI.failed(
        line.where(),
        f"«{symbol}» — tên loại / type «{name.name}»",
        f"{name.abbr}-…",
        f"Ký hiệu «{first}» không đúng tên loại {name.name.lower()}: phải là «{name.abbr}»",
        f"The symbol «{first}» does not match the type {name.name}: it must be «{name.abbr}»",
    )
