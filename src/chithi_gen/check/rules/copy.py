"""The block of a paper copy, Phụ lục I, Phần II, mục II (bản sao sang định dạng giấy).

* II.2.b: the form "SAO Y", "SAO LỤC" or "TRÍCH SAO" in capitals, 13–14 pt, upright,
  bold;
* II.1.c: the copy's number carries the abbreviation of its form (Phụ lục III, Mục I:
  SY, SL, TrS), e.g. "Số: 05/SY-UBND";
* II.2.c: the copying agency as an issuing agency (II.2.b of Phần I): capitals,
  12–13 pt, upright, bold.
"""

from __future__ import annotations

from chithi_gen.check.blanks import is_blank_value, is_unfilled
from chithi_gen.check.locate import norm
from chithi_gen.check.model import RuleResult
from chithi_gen.check.rules._base import (
    Context,
    Problem,
    Rule,
    blank_result,
    describe,
    expect,
    fail_from,
    format_problems,
)

BANSAO_HINHTHUC = Rule(
    "ND30-BANSAO-HINHTHUC",
    "Phụ lục I, Phần II, II.2.b",
    "Hình thức sao «SAO Y», «SAO LỤC», «TRÍCH SAO»: in hoa, cỡ 13–14, đứng, đậm",
    "Copy form «SAO Y», «SAO LỤC», «TRÍCH SAO»: capitals, 13–14 pt, upright, bold",
    ("copy",),
)
BANSAO_KYHIEU = Rule(
    "ND30-BANSAO-KYHIEU",
    "Phụ lục I, Phần II, II.1.c; Phụ lục III, Mục I",
    "Số, ký hiệu bản sao mang chữ viết tắt hình thức sao (SY, SL, TrS)",
    "The copy's number carries its form's abbreviation (SY, SL, TrS)",
    ("copy",),
)
BANSAO_COQUAN = Rule(
    "ND30-BANSAO-COQUAN",
    "Phụ lục I, Phần II, II.2.c; Phần I, II.2.b",
    "Tên cơ quan sao: in hoa, cỡ 12–13, đứng, đậm",
    "Copying agency: capitals, 12–13 pt, upright, bold",
    ("copy",),
)
_FORMS = {"SAO Y": "SY", "SAO Y BẢN CHÍNH": "SY", "SAO LỤC": "SL", "TRÍCH SAO": "TrS"}


def _no_copy(rule: Rule) -> RuleResult:
    return rule.not_applicable("không có khối bản sao", "no copy block")


def check_form(ctx: Context) -> RuleResult:
    """II.2.b: the copy's form."""
    copy = ctx.parts.copy
    if copy is None:
        return _no_copy(BANSAO_HINHTHUC)
    if copy.form is None:
        return BANSAO_HINHTHUC.not_evaluated("không tìm thấy hình thức sao", "no copy form found")
    problems = format_problems([copy.form], (13, 14), bold=True, italic=False, capitals=True)
    text = norm(copy.form.plain).upper().strip(" .")
    if is_unfilled(copy.form.plain):
        return blank_result(BANSAO_HINHTHUC, [copy.form], problems)
    if text not in _FORMS:
        problems.append(
            Problem(
                copy.form.where(),
                f"«{text}»",
                "ghi «SAO Y», «SAO LỤC» hoặc «TRÍCH SAO»",
                "write «SAO Y», «SAO LỤC» or «TRÍCH SAO»",
            )
        )
    if problems:
        return fail_from(
            BANSAO_HINHTHUC,
            problems,
            expect((13, 14), True, False, True),
            "Hình thức sao trình bày chưa đúng",
            "The copy form is wrong",
        )
    return BANSAO_HINHTHUC.passed(copy.form.where(), describe(copy.form.visible))


def check_number(ctx: Context) -> RuleResult:
    """II.1.c: «Số: NN/SY-…» with the form's abbreviation."""
    copy = ctx.parts.copy
    if copy is None:
        return _no_copy(BANSAO_KYHIEU)
    if copy.so is None:
        return BANSAO_KYHIEU.failed(
            "",
            "không có / missing",
            "Số: 05/SY-UBND",
            "Bản sao phải có số, ký hiệu bản sao",
            "The copy needs its number and symbol",
        )
    text = norm(copy.so.plain)
    rest = text.split(":", 1)[-1]
    symbol = rest.split("/", 1)[1].strip() if "/" in rest else ""
    first = symbol.split("-", 1)[0].strip()
    if is_blank_value(first) or is_blank_value(symbol):
        return BANSAO_KYHIEU.blank(copy.so.where(), f"«{text}»")
    form = norm(copy.form.plain).upper().strip(" .") if copy.form is not None else ""
    want = _FORMS.get(form)
    allowed = {want} if want else set(_FORMS.values())
    if first in allowed:
        return BANSAO_KYHIEU.passed(copy.so.where(), f"«{text}»")
    return BANSAO_KYHIEU.failed(
        copy.so.where(),
        f"«{text}»",
        f"{'/'.join(sorted(allowed))}-…",
        f"Ký hiệu bản sao phải là chữ viết tắt hình thức sao ({', '.join(sorted(allowed))})",
        f"The copy's symbol must be its form's abbreviation ({', '.join(sorted(allowed))})",
    )


def check_agency(ctx: Context) -> RuleResult:
    """II.2.c: the copying agency's name."""
    copy = ctx.parts.copy
    if copy is None:
        return _no_copy(BANSAO_COQUAN)
    lines = copy.co_quan
    if not lines:
        return BANSAO_COQUAN.not_evaluated("không tìm thấy tên cơ quan sao", "no copying agency")
    filled = [ln for ln in lines if not is_unfilled(ln.plain)]
    problems = format_problems(filled or lines, (12, 13), bold=True, italic=False, capitals=True)
    if not filled:
        return blank_result(BANSAO_COQUAN, lines, problems)
    if problems:
        return fail_from(
            BANSAO_COQUAN,
            problems,
            expect((12, 13), True, False, True),
            "Tên cơ quan sao trình bày chưa đúng",
            "The copying agency is wrong",
        )
    return BANSAO_COQUAN.passed(lines[0].where(), describe(lines[0].visible))
