"""Type rules of the header components, Phụ lục I, Phần I, Mục II, khoản 1–5.

Each component is found by its text (see ``locate``) and its effective size, weight,
slant and case are checked through the style chain:

* II.1.a Quốc hiệu (national name): capitals, 12–13 pt, upright, bold;
* II.1.b Tiêu ngữ (motto): lower case with capitalised phrases joined by " - ",
  13–14 pt, upright, bold;
* II.2.b tên cơ quan ban hành (issuing agency): capitals, 12–13 pt, upright, bold;
  tên cơ quan chủ quản (parent agency, if any): capitals, 12–13 pt, upright, not bold;
* II.3.c "Số:" line (number and symbol): 13 pt, upright (not bold);
* II.4.c địa danh and date (place and date): 13–14 pt, italic (not bold);
* II.5.b tên loại (document type): capitals, 13–14 pt, upright, bold; trích yếu
  (summary): lower case, 13–14 pt, upright, bold.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from chithi_gen.check.blanks import is_unfilled
from chithi_gen.check.docx_reader import Line
from chithi_gen.check.locate import TIEU_NGU, norm
from chithi_gen.check.model import RuleResult
from chithi_gen.check.rules._base import (
    NOT_FOUND_EN,
    NOT_FOUND_VI,
    Context,
    Problem,
    Rule,
    blank_result,
    describe,
    expect,
    fail_from,
    format_problems,
)

QUOCHIEU = Rule(
    "ND30-QUOCHIEU-FORMAT",
    "Phụ lục I, II.1.a",
    "Quốc hiệu: in hoa, cỡ 12–13, đứng, đậm",
    "National name: capitals, 12–13 pt, upright, bold",
    ("quoc_hieu",),
)
TIEUNGU = Rule(
    "ND30-TIEUNGU-FORMAT",
    "Phụ lục I, II.1.b",
    "Tiêu ngữ: in thường, cỡ 13–14, đứng, đậm",
    "Motto: lower case, 13–14 pt, upright, bold",
    ("tieu_ngu",),
)
COQUAN = Rule(
    "ND30-COQUAN-FORMAT",
    "Phụ lục I, II.2.b",
    "Tên cơ quan ban hành: in hoa, cỡ 12–13, đứng, đậm",
    "Issuing agency: capitals, 12–13 pt, upright, bold",
    ("co_quan",),
)
CHUQUAN = Rule(
    "ND30-CHUQUAN-FORMAT",
    "Phụ lục I, II.2.b",
    "Tên cơ quan chủ quản: in hoa, cỡ 12–13, đứng, không đậm",
    "Parent agency: capitals, 12–13 pt, upright, not bold",
    ("chu_quan",),
)
SOKYHIEU = Rule(
    "ND30-SOKYHIEU-FORMAT",
    "Phụ lục I, II.3.c",
    "Số, ký hiệu: cỡ 13, chữ đứng",
    "Number and symbol: 13 pt, upright",
    ("so",),
)
NGAY = Rule(
    "ND30-NGAY-FORMAT",
    "Phụ lục I, II.4.c",
    "Địa danh, ngày tháng: cỡ 13–14, chữ nghiêng",
    "Place and date: 13–14 pt, italic",
    ("ngay",),
)
TENLOAI = Rule(
    "ND30-TENLOAI-FORMAT",
    "Phụ lục I, II.5.b",
    "Tên loại văn bản: in hoa, cỡ 13–14, đứng, đậm",
    "Document type: capitals, 13–14 pt, upright, bold",
    ("ten_loai",),
)
TRICHYEU = Rule(
    "ND30-TRICHYEU-FORMAT",
    "Phụ lục I, II.5.b",
    "Trích yếu: in thường, cỡ 13–14, đứng, đậm",
    "Summary: lower case, 13–14 pt, upright, bold",
    ("trich_yeu",),
)


def _format_rule(
    rule: Rule,
    pick: Callable[[Context], Sequence[Line]],
    name_vi: str,
    name_en: str,
    sizes: tuple[float, float],
    bold: bool | None,
    italic: bool | None,
    capitals: bool | None,
) -> Callable[[Context], RuleResult]:
    expected = expect(sizes, bold, italic, capitals)
    part = rule.needs[0]

    def check(ctx: Context) -> RuleResult:
        lines = [ln for ln in pick(ctx) if ln is not None]
        if not lines:
            if not ctx.profile.requires(part):
                return rule.not_applicable(
                    f"văn bản không có {name_vi}", f"the document has no {name_en}"
                )
            return rule.failed(
                "",
                f"{NOT_FOUND_VI}/{NOT_FOUND_EN}",
                expected,
                f"Không tìm thấy {name_vi}",
                f"The {name_en} was not found",
            )
        filled = [ln for ln in lines if not is_unfilled(ln.plain)]
        problems = format_problems(filled or lines, sizes, bold, italic, capitals)
        if not filled:
            return blank_result(rule, lines, problems)
        if problems:
            return fail_from(
                rule,
                problems,
                expected,
                f"{name_vi[:1].upper()}{name_vi[1:]} trình bày chưa đúng",
                f"The {name_en} is not presented as required",
            )
        vis = [s for ln in lines for s in ln.visible]
        return rule.passed("; ".join(ln.where() for ln in lines[:2]), describe(vis))

    check.__doc__ = f"{rule.clause}: {rule.title_en}."
    return check


def _one(line: Line | None) -> list[Line]:
    return [] if line is None else [line]


check_quoc_hieu = _format_rule(
    QUOCHIEU,
    lambda c: _one(c.parts.quoc_hieu),
    "Quốc hiệu",
    "national name (Quốc hiệu)",
    (12, 13),
    bold=True,
    italic=False,
    capitals=True,
)
_tieu_ngu_format = _format_rule(
    TIEUNGU,
    lambda c: _one(c.parts.tieu_ngu),
    "Tiêu ngữ",
    "motto (Tiêu ngữ)",
    (13, 14),
    bold=True,
    italic=False,
    capitals=False,
)


def check_tieu_ngu(ctx: Context) -> RuleResult:
    """II.1.b: the motto's type, and its wording: capitalised phrases joined by " - "."""
    result = _tieu_ngu_format(ctx)
    line = ctx.parts.tieu_ngu
    if result.status != "pass" or line is None:
        return result
    text = norm(line.text)
    if text != TIEU_NGU and not any(s.props.caps for s in line.visible):
        return fail_from(
            TIEUNGU,
            [Problem(line.where(), f"«{text}»", "", "")],
            f"«{TIEU_NGU}»",
            "Tiêu ngữ phải viết hoa chữ cái đầu các cụm từ, giữa các cụm từ có gạch nối (-) "
            "và có cách chữ",
            "The motto must capitalise each phrase and join them with spaced hyphens",
        )
    return result


check_co_quan = _format_rule(
    COQUAN,
    lambda c: c.parts.co_quan,
    "tên cơ quan ban hành",
    "issuing agency name",
    (12, 13),
    bold=True,
    italic=False,
    capitals=True,
)
check_chu_quan = _format_rule(
    CHUQUAN,
    lambda c: c.parts.chu_quan,
    "tên cơ quan chủ quản",
    "parent agency name",
    (12, 13),
    bold=False,
    italic=False,
    capitals=True,
)
check_so_format = _format_rule(
    SOKYHIEU,
    lambda c: _one(c.parts.so),
    "dòng số, ký hiệu",
    "number and symbol line",
    (13, 13),
    bold=False,
    italic=False,
    capitals=None,
)
check_ngay_format = _format_rule(
    NGAY,
    lambda c: _one(c.parts.ngay),
    "địa danh và thời gian ban hành",
    "place and date line",
    (13, 14),
    bold=False,
    italic=True,
    capitals=None,
)
check_ten_loai = _format_rule(
    TENLOAI,
    lambda c: _one(c.parts.ten_loai),
    "tên loại văn bản",
    "document type name (tên loại)",
    (13, 14),
    bold=True,
    italic=False,
    capitals=True,
)
check_trich_yeu = _format_rule(
    TRICHYEU,
    lambda c: c.parts.trich_yeu,
    "trích yếu nội dung",
    "summary (trích yếu)",
    (13, 14),
    bold=True,
    italic=False,
    capitals=False,
)
