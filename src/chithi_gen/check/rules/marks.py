"""Urgency, confidentiality and circulation marks, Phụ lục I, III.2.

* III.2.b mức độ khẩn (box 10b): "HỎA TỐC", "THƯỢNG KHẨN", "KHẨN" in capitals, Times
  New Roman 13–14 pt, upright, bold, in a single-line rectangle. The mark is usually a
  rubber stamp; when it is typed, a missing frame is a warning;
* III.2.a độ mật (box 10a): "TUYỆT MẬT", "TỐI MẬT", "MẬT" follow the law on state
  secrets, which the decree refers to: only their capitals are checked here;
* III.2.c phạm vi lưu hành (box 11): "XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ" in capitals,
  13–14 pt, upright, bold, set in a single-line rectangle (typed, so required).
"""

from __future__ import annotations

from chithi_gen.check.docx_reader import Line
from chithi_gen.check.locate import Mark, norm
from chithi_gen.check.model import RuleResult
from chithi_gen.check.rules._base import (
    Context,
    Problem,
    Rule,
    describe,
    expect,
    fail_from,
    format_problems,
)

DOKHAN = Rule(
    "ND30-DOKHAN",
    "Phụ lục I, III.2.b",
    "Dấu mức độ khẩn: in hoa, cỡ 13–14, đứng, đậm, trong khung viền đơn",
    "Urgency mark: capitals, 13–14 pt, upright, bold, in a single frame",
    ("marks",),
)
DOMAT = Rule(
    "ND30-DOMAT",
    "Phụ lục I, III.2.a",
    "Dấu độ mật: in hoa (theo pháp luật bảo vệ bí mật nhà nước)",
    "Confidentiality mark: capitals (per the law on state secrets)",
    ("marks",),
)
LUUHANH = Rule(
    "ND30-LUUHANH",
    "Phụ lục I, III.2.c",
    "Chỉ dẫn phạm vi lưu hành: in hoa, cỡ 13–14, đứng, đậm, trong khung viền đơn",
    "Circulation notice: capitals, 13–14 pt, upright, bold, in a single frame",
    ("marks",),
)


def _framed(line: Line) -> bool:
    """Inside a text box, a table cell, or four paragraph borders."""
    p = line.paragraph
    if p.location.in_textbox or p.location.table is not None:
        return True
    sides = ("top", "bottom", "left", "right")
    return all(p.props.borders.get(s) is not None and p.props.borders[s].visible for s in sides)


def _marks(ctx: Context, kind: str) -> list[Mark]:
    return [m for m in ctx.parts.marks if m.kind == kind]


def _check(ctx: Context, rule: Rule, kind: str, frame_status: str | None) -> RuleResult:
    marks = _marks(ctx, kind)
    if not marks:
        return rule.not_applicable("văn bản không có dấu/chỉ dẫn này", "no such mark")
    lines = [m.line for m in marks]
    if kind == "mat":
        problems = format_problems(lines, (1, 100), bold=None, italic=None, capitals=True)
    else:
        problems = format_problems(lines, (13, 14), bold=True, italic=False, capitals=True)
    expected = expect((13, 14), True, False, True) if kind != "mat" else "in hoa/capitals"
    if problems:
        return fail_from(
            rule,
            problems,
            expected,
            "Dấu/chỉ dẫn trình bày chưa đúng",
            "The mark is not presented as required",
        )
    unframed = [ln for ln in lines if not _framed(ln)]
    if unframed and frame_status is not None:
        return fail_from(
            rule,
            [Problem(ln.where(), "không có khung / no frame", "", "") for ln in unframed],
            expected + ", khung viền đơn / single frame",
            "Dấu/chỉ dẫn phải đặt trong khung hình chữ nhật viền đơn",
            "The mark must stand in a single-line rectangle",
            status="warning" if frame_status == "warning" else "error",
        )
    return rule.passed(lines[0].where(), f"«{norm(lines[0].text)}» {describe(lines[0].visible)}")


def check_khan(ctx: Context) -> RuleResult:
    """III.2.b: the urgency mark."""
    return _check(ctx, DOKHAN, "khan", "warning")


def check_mat(ctx: Context) -> RuleResult:
    """III.2.a: the confidentiality mark."""
    return _check(ctx, DOMAT, "mat", None)


def check_luu_hanh(ctx: Context) -> RuleResult:
    """III.2.c: the circulation notice."""
    return _check(ctx, LUUHANH, "luu_hanh", "error")
