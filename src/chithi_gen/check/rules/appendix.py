"""Appendices and texts issued with a decision, Phụ lục I, III.1 and Phụ lục III, Mẫu 1.3.

* III.1.a: with two appendices or more, they are numbered in Roman numerals;
* III.1.b: "Phụ lục" and its number on a line of their own, centred, lower case,
  14 pt, upright, bold; the title (if any) centred, capitals, 13–14 pt, upright, bold;
* III.1.c: the reference line "(Kèm theo văn bản số … ngày … của …)" centred under
  the title, lower case, 13–14 pt, italic — required on paper;
* III.1.đ: an appendix has its own page numbers (a section of its own whose numbering
  restarts at 1, or a file of its own);
* Mẫu 1.3: the "(Kèm theo Quyết định số …)" line of a text issued with a decision,
  centred, italic, 13–14 pt.
"""

from __future__ import annotations

import re

from chithi_gen.check.blanks import is_unfilled
from chithi_gen.check.docx_reader import Line
from chithi_gen.check.locate import Appendix, norm
from chithi_gen.check.model import RuleResult
from chithi_gen.check.ooxml import to_int, w, wattr
from chithi_gen.check.rules._base import (
    Context,
    Problem,
    Rule,
    describe,
    expect,
    fail_from,
    format_problems,
)
from chithi_gen.check.rules.page import default_page_field

PHULUC_LABEL = Rule(
    "ND30-PHULUC-LABEL",
    "Phụ lục I, III.1.a, III.1.b",
    "«Phụ lục» và số thứ tự: dòng riêng, canh giữa, in thường, cỡ 14, đứng, đậm",
    "«Phụ lục» and its number: own line, centred, lower case, 14 pt, upright, bold",
    ("appendix",),
)
PHULUC_TITLE = Rule(
    "ND30-PHULUC-TITLE",
    "Phụ lục I, III.1.b",
    "Tên phụ lục: canh giữa, in hoa, cỡ 13–14, đứng, đậm",
    "Appendix title: centred, capitals, 13–14 pt, upright, bold",
    ("appendix",),
)
PHULUC_KEMTHEO = Rule(
    "ND30-PHULUC-KEMTHEO",
    "Phụ lục I, III.1.c; Phụ lục III, Mẫu 1.3, 2.1",
    "Dòng «(Kèm theo … số … ngày …)»: canh giữa, cỡ 13–14, nghiêng",
    "«(Kèm theo …)» line: centred, 13–14 pt, italic",
    ("appendix", "kem_theo"),
)
PHULUC_PAGENUM = Rule(
    "ND30-PHULUC-PAGENUM",
    "Phụ lục I, III.1.đ",
    "Số trang của phụ lục đánh riêng",
    "Appendix pages numbered on their own",
    ("appendix",),
)
_ROMAN = re.compile(r"^phụ\s+lục\s+(số\s+)?(?P<num>[IVXLC]+|\d+)\b", re.IGNORECASE)


def _none(rule: Rule) -> RuleResult:
    return rule.not_applicable("văn bản không có phụ lục", "no appendix")


def check_label(ctx: Context) -> RuleResult:
    """III.1.a–b: the «Phụ lục …» line."""
    apps = ctx.parts.appendices
    if not apps:
        return _none(PHULUC_LABEL)
    expected = "«Phụ lục I» " + expect((14, 14), bold=True, italic=False) + ", canh giữa/centred"
    problems: list[Problem] = []
    for app in apps:
        label = app.label
        text = norm(label.text)
        problems += format_problems([label], (14, 14), bold=True, italic=False, capitals=None)
        if text[:7].isupper():
            problems.append(
                Problem(
                    label.where(),
                    f"«{text}»",
                    "viết «Phụ lục» in thường",
                    "write «Phụ lục» in lower case",
                )
            )
        if label.paragraph.props.jc != "center":
            problems.append(
                Problem(
                    label.where(),
                    f"canh/align {label.paragraph.props.jc}",
                    "phải canh giữa",
                    "must be centred",
                )
            )
        m = _ROMAN.match(text)
        if len(apps) > 1 and m is not None and not re.fullmatch(r"[IVXLC]+", m.group("num")):
            problems.append(
                Problem(
                    label.where(),
                    f"«{text}»",
                    "có từ hai phụ lục: đánh số bằng chữ số La Mã",
                    "two appendices or more: Roman numerals",
                )
            )
    if problems:
        return fail_from(
            PHULUC_LABEL,
            problems,
            expected,
            "Dòng «Phụ lục» trình bày chưa đúng",
            "The «Phụ lục» line is not presented as required",
        )
    return PHULUC_LABEL.passed(apps[0].label.where(), describe(apps[0].label.visible))


def check_title(ctx: Context) -> RuleResult:
    """III.1.b: the appendix's title."""
    apps = [a for a in ctx.parts.appendices if a.title]
    if not ctx.parts.appendices:
        return _none(PHULUC_TITLE)
    if not apps:
        return PHULUC_TITLE.not_applicable("phụ lục không có tên", "the appendix has no title")
    lines = [ln for a in apps for ln in a.title]
    filled = [ln for ln in lines if not is_unfilled(ln.plain)]
    if not filled:
        return PHULUC_TITLE.blank(lines[0].where(), describe(lines[0].visible))
    problems = format_problems(filled, (13, 14), bold=True, italic=False, capitals=True)
    problems += [
        Problem(
            ln.where(), f"canh/align {ln.paragraph.props.jc}", "phải canh giữa", "must be centred"
        )
        for ln in filled
        if ln.paragraph.props.jc != "center"
    ]
    if problems:
        return fail_from(
            PHULUC_TITLE,
            problems,
            expect((13, 14), True, False, True) + ", canh giữa/centred",
            "Tên phụ lục trình bày chưa đúng",
            "The appendix title is not presented as required",
        )
    return PHULUC_TITLE.passed(filled[0].where(), describe(filled[0].visible))


def check_reference(ctx: Context) -> RuleResult:
    """III.1.c, Mẫu 1.3: the «(Kèm theo …)» line, present, centred, italic, 13–14 pt."""
    refs: list[tuple[Line | None, Line | None]] = [
        (a.reference, a.label) for a in ctx.parts.appendices
    ]
    if ctx.parts.kem_theo is not None or ctx.profile.kind == "kem_theo":
        refs.append((ctx.parts.kem_theo, ctx.parts.ten_loai or ctx.parts.kem_theo))
    if not refs:
        return PHULUC_KEMTHEO.not_applicable(
            "không có phụ lục, văn bản kèm theo", "no appendix or attached text"
        )
    expected = "«(Kèm theo … số … ngày … của …)» " + expect((13, 14), italic=True)
    problems: list[Problem] = []
    lines = []
    for ref, anchor in refs:
        if ref is None:
            where = anchor.where() if anchor is not None else ""
            problems.append(
                Problem(
                    where,
                    "không có / missing",
                    "thiếu dòng chỉ dẫn «(Kèm theo văn bản số … ngày …)»",
                    "the «(Kèm theo …)» reference line is missing",
                )
            )
            continue
        lines.append(ref)
        problems += format_problems([ref], (13, 14), bold=None, italic=True, capitals=None)
        if ref.paragraph.props.jc != "center":
            problems.append(
                Problem(
                    ref.where(),
                    f"canh/align {ref.paragraph.props.jc}",
                    "phải canh giữa",
                    "must be centred",
                )
            )
    if problems:
        return fail_from(
            PHULUC_KEMTHEO,
            problems,
            expected,
            "Dòng chỉ dẫn kèm theo chưa đúng",
            "The «Kèm theo» reference line is wrong",
        )
    return PHULUC_KEMTHEO.passed(lines[0].where(), describe(lines[0].visible))


def _restarts(ctx: Context, app: Appendix) -> bool:
    section = ctx.model.sections[app.section] if app.section < len(ctx.model.sections) else None
    if section is None or section.element is None:
        return False
    pg = section.element.find(w("pgNumType"))
    return to_int(wattr(pg, "start")) == 1


def check_pagenum(ctx: Context) -> RuleResult:
    """III.1.đ: each appendix inside a document starts its own numbering at 1."""
    apps = ctx.parts.appendices
    if not apps:
        return _none(PHULUC_PAGENUM)
    inside = [a for a in apps if a is not ctx.parts.opening_appendix]
    if not inside:
        return PHULUC_PAGENUM.passed(found="phụ lục là tệp riêng / a file of its own")
    if default_page_field(ctx) is None:
        return PHULUC_PAGENUM.not_applicable("văn bản không đánh số trang", "no page numbers")
    problems = [
        Problem(a.label.where(), f"mục (section) {a.section + 1}", "", "")
        for a in inside
        if not _restarts(ctx, a)
    ]
    if problems:
        return fail_from(
            PHULUC_PAGENUM,
            problems,
            "phụ lục ở phần (section) riêng, đánh số lại từ 1 / own section, numbered from 1",
            "Số trang của phụ lục phải đánh riêng (bắt đầu lại từ 1)",
            "An appendix must be numbered on its own (restarting at 1)",
        )
    return PHULUC_PAGENUM.passed(found=f"{len(inside)} phụ lục/appendices")
