"""Where the header and title parts stand, Phụ lục I, II.1–II.5.

* II.1.b Tiêu ngữ "được canh giữa dưới Quốc hiệu"; II.2.b the agency "được đặt canh
  giữa dưới tên cơ quan, tổ chức chủ quản"; II.3.c the "Số:" line "được đặt canh giữa
  dưới tên cơ quan"; II.4.c the place and date "canh giữa so với Quốc hiệu và Tiêu ngữ";
  II.5.b the tên loại and trích yếu "đặt canh giữa theo chiều ngang văn bản", the V/v of
  a công văn "đặt canh giữa dưới số và ký hiệu văn bản". A line pushed to the middle
  with spaces or tabs is not centred (it moves with every edit and every font).
* II.1.c Quốc hiệu and Tiêu ngữ, II.2.b chủ quản and agency: "cách nhau dòng đơn" —
  single line spacing, no empty line between them. Spacing added before or after the
  paragraphs is reported as a warning (the samples use none).
"""

from __future__ import annotations

from collections.abc import Sequence

from chithi_gen.check.docx_reader import Line, Paragraph
from chithi_gen.check.metrics import single_line_height_pt
from chithi_gen.check.model import RuleResult
from chithi_gen.check.rules._base import Context, Problem, Rule, fail_from, pt

HEADER_CENTER = Rule(
    "ND30-HEADER-CENTER",
    "Phụ lục I, II.1.b, II.2.b, II.3.c, II.4.c",
    "Tiêu ngữ, tên cơ quan, số ký hiệu, địa danh ngày tháng canh giữa",
    "Motto, agency, number and date centred",
    ("tieu_ngu", "co_quan", "so", "ngay"),
)
TITLE_CENTER = Rule(
    "ND30-TITLE-CENTER",
    "Phụ lục I, II.5.b",
    "Tên loại, trích yếu (V/v) canh giữa",
    "Type name and summary (V/v) centred",
    ("ten_loai", "trich_yeu", "vv"),
)
HEADER_SPACING = Rule(
    "ND30-HEADER-SPACING",
    "Phụ lục I, II.1.c, II.2.b",
    "Quốc hiệu và Tiêu ngữ, cơ quan chủ quản và cơ quan ban hành cách nhau dòng đơn",
    "National name and motto, parent and issuing agency single-spaced",
    ("quoc_hieu", "co_quan"),
)
#: "Single" spacing: at most this many lines; up to ``NEAR_SINGLE`` (Word's default
#: 1.15) is a warning, beyond it an error.
SINGLE_MAX = 1.08
NEAR_SINGLE = 1.25


def _centring_problem(line: Line, name_vi: str, name_en: str) -> Problem | None:
    p = line.paragraph
    if p.props.jc == "center" and not line.column:
        return None
    if line.column:
        return Problem(
            line.where(),
            f"{name_vi}: dàn cột bằng Tab / {name_en}: set in columns with tabs",
            f"{name_vi} dàn bằng phím Tab, không canh giữa",
            f"the {name_en} is placed with tabs, not centred",
        )
    text = line.text
    padded = text[: len(text) - len(text.lstrip(" \t\u00a0"))]
    if padded and p.props.jc in {"left", "both"}:
        how_vi, how_en = "căn giữa bằng dấu cách/Tab", "centred with spaces/tabs"
    else:
        how_vi, how_en = f"canh «{p.props.jc}»", f"aligned «{p.props.jc}»"
    return Problem(
        line.where(),
        f"{name_vi}: {how_vi} / {name_en}: {how_en}",
        f"{name_vi} phải canh giữa",
        f"the {name_en} must be centred",
    )


def _check_centred(rule: Rule, parts: Sequence[tuple[str, str, Sequence[Line]]]) -> RuleResult:
    problems: list[Problem] = []
    tabbed: list[Problem] = []
    checked = []
    for name_vi, name_en, lines in parts:
        seen: set[int] = set()
        for line in lines:
            if id(line.paragraph) in seen:
                continue
            seen.add(id(line.paragraph))
            checked.append(name_vi)
            problem = _centring_problem(line, name_vi, name_en)
            if problem is not None:
                (tabbed if line.column else problems).append(problem)
    if not checked:
        return rule.not_applicable("không có phần nào để kiểm tra", "nothing to check")
    if tabbed and not problems:
        return fail_from(
            rule,
            tabbed,
            "canh giữa (center) / centred",
            "Phần đầu văn bản dàn cột bằng phím Tab: vị trí tùy điểm dừng Tab, nên trình "
            "bày trong bảng và canh giữa",
            "The header is laid out with tabs: its place depends on the tab stops; set it "
            "in a table, centred",
            status="warning",
        )
    if problems:
        return fail_from(
            rule,
            problems,
            "canh giữa (center) / centred",
            "Thành phần chưa được canh giữa",
            "Parts are not centred",
        )
    return rule.passed(found=", ".join(dict.fromkeys(checked)))


def _one(line: Line | None) -> list[Line]:
    return [] if line is None else [line]


def check_header_center(ctx: Context) -> RuleResult:
    """II.1.b, II.2.b, II.3.c, II.4.c: motto, agency, number and date centred."""
    c = ctx.parts
    return _check_centred(
        HEADER_CENTER,
        [
            ("Tiêu ngữ", "motto", _one(c.tieu_ngu)),
            ("tên cơ quan", "agency", [*c.chu_quan, *c.co_quan]),
            ("số, ký hiệu", "number", _one(c.so)),
            ("địa danh, ngày tháng", "place and date", _one(c.ngay)),
        ],
    )


def check_title_center(ctx: Context) -> RuleResult:
    """II.5.b: the tên loại, the trích yếu and a công văn's V/v centred."""
    c = ctx.parts
    return _check_centred(
        TITLE_CENTER,
        [
            ("tên loại", "type name", _one(c.ten_loai)),
            ("trích yếu", "summary", c.trich_yeu),
            ("V/v", "V/v summary", c.vv),
        ],
    )


def _multiple(p: Paragraph) -> float:
    sizes = [s.props.size_pt for s in p.segments if s.text.strip()] or [13.0]
    single = single_line_height_pt(max(sizes))
    if p.props.line_rule == "auto":
        return p.props.line / 240
    height = p.props.line / 20
    if p.props.line_rule == "atLeast":
        height = max(height, single)
    return height / single


def _pair(
    ctx: Context, upper: Line, lower: Line, name_vi: str
) -> tuple[list[Problem], list[Problem]]:
    """Errors and warnings on the spacing between two header lines."""
    errors: list[Problem] = []
    warnings: list[Problem] = []
    a, b = upper.paragraph, lower.paragraph
    for p in {id(a): a, id(b): b}.values():
        multiple = _multiple(p)
        if multiple > SINGLE_MAX:
            (errors if multiple > NEAR_SINGLE else warnings).append(
                Problem(
                    p.where(),
                    f"{multiple:.2f} lines",
                    f"{name_vi}: giãn dòng {multiple:.2f}",
                    f"line spacing {multiple:.2f}",
                )
            )
    if a is not b:
        between = ctx.model.paragraphs[a.order + 1 : b.order]
        if any(q.is_blank and q.location.col == a.location.col for q in between):
            errors.append(
                Problem(
                    b.where(),
                    "dòng trống / empty line",
                    f"{name_vi}: có dòng trống ở giữa",
                    "an empty line between",
                )
            )
        gap = a.props.after + b.props.before
        if gap > 0:
            warnings.append(
                Problem(
                    b.where(),
                    f"{pt(gap / 20)}",
                    f"{name_vi}: cách đoạn {pt(gap / 20)}",
                    f"{pt(gap / 20)} paragraph spacing",
                )
            )
    return errors, warnings


def check_header_spacing(ctx: Context) -> RuleResult:
    """II.1.c, II.2.b: the header lines single-spaced, no empty line between."""
    c = ctx.parts
    errors: list[Problem] = []
    warnings: list[Problem] = []
    checked = 0
    if c.quoc_hieu is not None and c.tieu_ngu is not None:
        e, wn = _pair(ctx, c.quoc_hieu, c.tieu_ngu, "Quốc hiệu - Tiêu ngữ")
        errors += e
        warnings += wn
        checked += 1
    if c.chu_quan and c.co_quan:
        e, wn = _pair(ctx, c.chu_quan[-1], c.co_quan[0], "cơ quan chủ quản - cơ quan ban hành")
        errors += e
        warnings += wn
        checked += 1
    if not checked:
        return HEADER_SPACING.not_applicable("không có cặp dòng để kiểm tra", "no pair to check")
    expected = "dòng đơn, không có dòng trống / single spacing, no empty line"
    if errors:
        return fail_from(
            HEADER_SPACING,
            errors,
            expected,
            "Các dòng của phần đầu văn bản phải cách nhau dòng đơn",
            "The header lines must be single-spaced",
        )
    if warnings:
        return fail_from(
            HEADER_SPACING,
            warnings,
            expected,
            "Các dòng của phần đầu nên cách nhau đúng dòng đơn (mẫu không giãn dòng, không "
            "cách đoạn)",
            "The header lines should be exactly single-spaced (the samples add no spacing)",
            status="warning",
        )
    return HEADER_SPACING.passed(found="dòng đơn/single")
