"""Body text rules, Phụ lục I, II.6.e (nội dung văn bản — the body), and Mẫu 1.4.

The body is the top-level paragraphs between the trích yếu's rule and the Nơi nhận /
signature block. II.6.e asks for text justified on both margins, a first-line indent
of 1 cm or 1.27 cm, 13–14 pt, upright ("kiểu chữ đứng"), line spacing from single to
1.5 lines and at least 6 pt between paragraphs. Headings of parts, chapters and
sections ("Phần I", "Chương II", "Mục 1" and their centred capital titles, II.6.đ) are
centred by their own clause, so they are checked for size only. Mẫu 1.4 (Phụ lục III)
ends the body with "./.".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from chithi_gen.check.blanks import has_blank
from chithi_gen.check.locate.text import norm
from chithi_gen.check.measure.layout import wraps
from chithi_gen.check.measure.metrics import single_line_height_pt
from chithi_gen.check.model import RuleResult
from chithi_gen.check.read.ooxml import MM
from chithi_gen.check.read.paragraph import Line, Paragraph
from chithi_gen.check.rules._base import (
    ITALIC,
    UPRIGHT,
    Context,
    Problem,
    Rule,
    describe,
    fail_from,
    letters,
    pt,
)

BODY_ALIGN = Rule(
    "ND30-BODY-ALIGN",
    "Phụ lục I, II.6.e",
    "Nội dung canh đều hai lề",
    "Body text justified on both margins",
    ("body",),
)
BODY_INDENT = Rule(
    "ND30-BODY-INDENT",
    "Phụ lục I, II.6.e",
    "Lùi đầu dòng 1 cm hoặc 1,27 cm",
    "First-line indent of 1 cm or 1.27 cm",
    ("body",),
)
BODY_SIZE = Rule(
    "ND30-BODY-SIZE",
    "Phụ lục I, II.6.e",
    "Nội dung cỡ chữ 13–14",
    "Body text 13–14 pt",
    ("body",),
)
BODY_UPRIGHT = Rule(
    "ND30-BODY-UPRIGHT",
    "Phụ lục I, II.6.e",
    "Nội dung kiểu chữ đứng",
    "Body text upright",
    ("body",),
)
BODY_LINESPACING = Rule(
    "ND30-BODY-LINESPACING",
    "Phụ lục I, II.6.e",
    "Khoảng cách dòng từ dòng đơn đến 1,5 lines",
    "Line spacing from single to 1.5 lines",
    ("body",),
)
BODY_PARASPACING = Rule(
    "ND30-BODY-PARASPACING",
    "Phụ lục I, II.6.e",
    "Khoảng cách giữa các đoạn văn tối thiểu 6 pt",
    "At least 6 pt between paragraphs",
    ("body",),
)
BODY_END = Rule(
    "ND30-BODY-END",
    "Phụ lục III, Mẫu 1.4",
    "Kết thúc nội dung bằng dấu «./.»",
    "Body ends with «./.»",
    ("body_end",),
)

INDENTS = (1 * MM * 10, 1.27 * MM * 10)  # 1 cm and 1.27 cm in twips
INDENT_TOLERANCE = 0.1 * MM * 10  # 0.1 cm
#: 1.0 to 1.5 lines, with a small tolerance for rounding.
SPACING_RANGE = (0.98, 1.52)
MIN_GAP = 120  # 6 pt in twips

_NUMBERED_TITLE = re.compile(r"^([IVXLC]+|\d+(\.\d+)*|[a-zđ])[.)]\s")
_ARTICLE = re.compile(r"^Điều\s+\d+[a-zđ]?\s*\.", re.IGNORECASE)
_HEADING = re.compile(
    r"^(phần|chương|mục|tiểu mục)\s+([IVXLCDM]+|\d+|thứ\s+\S+)\s*$", re.IGNORECASE
)


def _is_heading(p: Paragraph) -> bool:
    """Part/chapter/section headings and their capital titles (II.6.đ), and the numbered
    titles of sections and clauses on a line of their own ("I. MỤC ĐÍCH", "1. Mục tiêu")."""
    text = norm(p.text)
    if _HEADING.match(text):
        return True
    capitals = bool(letters(text)) and text == text.upper()
    if p.props.jc == "center" and capitals:
        return True
    lines = [ln for ln in p.lines() if norm(ln.text)]
    bold = len(lines) == 1 and all(s.props.bold for s in lines[0].visible)
    return (
        bold
        and len(text) <= 100
        and bool(_NUMBERED_TITLE.match(text))
        and not (_ARTICLE.match(text))
    )


def _filled(ctx: Context) -> list[Paragraph]:
    """Body paragraphs with text written (not template blanks, not a lone «./.»)."""
    return [p for p in ctx.parts.body if not has_blank(p.text) and norm(p.text) != "./."]


def _text_paragraphs(ctx: Context) -> list[Paragraph]:
    """Body paragraphs of running text (not headings, blanks or a lone «./.»)."""
    return [p for p in _filled(ctx) if not _is_heading(p)]


def _no_body(rule: Rule, ctx: Context) -> RuleResult:
    if any(has_blank(p.text) for p in ctx.parts.body):
        return rule.blank(
            ctx.parts.body[0].where(),
            "nội dung là chỗ trống của mẫu / the body is a template blank",
        )
    if ctx.parts.body:
        return rule.not_applicable(
            "nội dung không có đoạn văn để kiểm tra", "no running text to check in the body"
        )
    return rule.not_evaluated("không tìm thấy nội dung văn bản", "no body text was found")


def _article_title(p: Paragraph) -> bool:
    """ "Điều 1. Tên điều" on its own line, bold (II.6.đ): its alignment is free."""
    lines = [ln for ln in p.lines() if norm(ln.text)]
    return (
        len(lines) == 1
        and bool(_ARTICLE.match(norm(lines[0].text)))
        and all(s.props.bold for s in lines[0].visible)
    )


def _tab_indent(ctx: Context, p: Paragraph) -> float:
    """The first-line indent a leading tab makes (to the first default tab stop)."""
    if not p.text.startswith("\t"):
        return 0.0
    tab = max(ctx.model.default_tab, 1)
    start = p.props.ind_left + p.props.first_line
    return float((start // tab + 1) * tab - start)


def _summarise(
    rule: Rule, problems: Sequence[Problem], checked: int, expected: str, vi: str, en: str
) -> RuleResult:
    if problems:
        return fail_from(
            rule,
            problems,
            expected,
            f"{vi} ({len(problems)}/{checked} đoạn)",
            f"{en} ({len(problems)}/{checked} paragraphs)",
        )
    return rule.passed(found=f"{checked} đoạn/paragraphs")


def check_align(ctx: Context) -> RuleResult:
    """II.6.e: body paragraphs justified (``w:jc="both"``)."""
    paras = _text_paragraphs(ctx)
    if not paras:
        return _no_body(BODY_ALIGN, ctx)
    # A paragraph printed on one line looks the same justified or not.
    problems = [
        Problem(p.where(), f"canh/align «{p.props.jc}»", "", "")
        for p in paras
        if p.props.jc not in {"both", "distribute"} and not _article_title(p) and wraps(p)
    ]
    return _summarise(
        BODY_ALIGN,
        problems,
        len(paras),
        "canh đều/justified (both)",
        "Đoạn văn chưa canh đều hai lề",
        "Paragraphs not justified",
    )


def check_indent(ctx: Context) -> RuleResult:
    """II.6.e: first-line indent 1 cm or 1.27 cm (±0.1 cm)."""
    paras = _text_paragraphs(ctx)
    if not paras:
        return _no_body(BODY_INDENT, ctx)
    problems = []
    tabbed = []
    listed = []
    for p in paras:
        first = p.props.first_line
        if any(abs(first - want) <= INDENT_TOLERANCE for want in INDENTS):
            continue
        if p.props.num_id not in {None, "0"}:
            # A Word list: the number or bullet stands where the first line starts.
            start = p.props.ind_left + first
            if not any(abs(start - want) <= INDENT_TOLERANCE for want in INDENTS):
                listed.append(
                    Problem(p.where(), f"danh sách/list {start / MM / 10:.2f} cm", "", "")
                )
            continue
        by_tab = first + _tab_indent(ctx, p)
        if by_tab != first and any(abs(by_tab - want) <= INDENT_TOLERANCE for want in INDENTS):
            tabbed.append(Problem(p.where(), f"Tab → {by_tab / MM / 10:.2f} cm", "", ""))
            continue
        problems.append(Problem(p.where(), f"{first / MM / 10:.2f} cm", "", ""))
    if not problems and listed:
        return fail_from(
            BODY_INDENT,
            listed,
            "1 cm | 1,27 cm (±0,1 cm)",
            f"Đoạn đánh số/gạch đầu dòng tự động không lùi 1 cm hoặc 1,27 cm "
            f"({len(listed)}/{len(paras)} đoạn)",
            f"Auto-numbered or bulleted paragraphs not indented 1 or 1.27 cm "
            f"({len(listed)}/{len(paras)} paragraphs)",
            status="warning",
        )
    if not problems and tabbed:
        return fail_from(
            BODY_INDENT,
            tabbed,
            "1 cm | 1,27 cm (±0,1 cm)",
            f"Lùi đầu dòng bằng phím Tab ({len(tabbed)}/{len(paras)} đoạn): in ra đúng "
            "1,27 cm nhưng nên đặt thụt lề dòng đầu (First line)",
            f"First lines indented with a Tab ({len(tabbed)}/{len(paras)} paragraphs): "
            "prints at 1.27 cm, but a First-line indent should be set",
            status="warning",
        )
    return _summarise(
        BODY_INDENT,
        problems,
        len(paras),
        "1 cm | 1,27 cm (±0,1 cm)",
        "Chữ đầu dòng chưa lùi vào 1 cm hoặc 1,27 cm",
        "First line not indented 1 or 1.27 cm",
    )


def check_size(ctx: Context) -> RuleResult:
    """II.6.e: body text (headings included) 13–14 pt."""
    paras = _filled(ctx)
    if not paras:
        return _no_body(BODY_SIZE, ctx)
    problems = []
    for p in paras:
        vis = [s for ln in p.lines() for s in ln.visible]
        if any(not 13 <= s.props.size_pt <= 14 for s in vis):
            problems.append(Problem(p.where(), describe(vis), "", ""))
    return _summarise(
        BODY_SIZE,
        problems,
        len(paras),
        "13–14 pt",
        "Cỡ chữ nội dung phải từ 13 đến 14",
        "Body text must be 13–14 pt",
    )


def check_upright(ctx: Context) -> RuleResult:
    """II.6.e: body text upright ("kiểu chữ đứng"). A body set mostly in italics (more
    than half of its paragraphs wholly italic) is an error; a few italic paragraphs or
    words (a quoted slogan, emphasis, a document's title) are a warning, a debatable
    reading of the clause."""
    paras = _text_paragraphs(ctx)
    if not paras:
        return _no_body(BODY_UPRIGHT, ctx)
    whole: list[Problem] = []
    some: list[Problem] = []
    for p in paras:
        vis = [s for ln in p.lines() for s in ln.visible if letters(s.text)]
        italic = [s for s in vis if s.props.italic]
        if vis and len(italic) == len(vis):
            whole.append(Problem(p.where(), f"«{norm(p.text)[:30]}» {ITALIC}", "", ""))
        elif italic:
            shown = norm("".join(s.text for s in italic))[:30]
            some.append(Problem(p.where(), f"«{shown}» {ITALIC}", "", ""))
    if 2 * len(whole) > len(paras):
        return _summarise(
            BODY_UPRIGHT,
            whole,
            len(paras),
            UPRIGHT,
            "Nội dung phải trình bày kiểu chữ đứng, không nghiêng",
            "The body must be set upright, not in italics",
        )
    found = whole + some
    if found:
        return fail_from(
            BODY_UPRIGHT,
            found,
            UPRIGHT,
            f"Có chữ nghiêng trong nội dung ({len(found)}/{len(paras)} đoạn): nội dung "
            "trình bày kiểu chữ đứng",
            f"Italic text in the body ({len(found)}/{len(paras)} paragraphs): the body is "
            "set upright",
            status="warning",
        )
    return BODY_UPRIGHT.passed(found=f"{len(paras)} đoạn/paragraphs")


def _line_multiple(p: Paragraph) -> float:
    rule = p.props.line_rule
    if rule == "auto":
        return p.props.line / 240
    sizes = [s.props.size_pt for ln in p.lines() for s in ln.visible] or [14.0]
    single = single_line_height_pt(max(sizes))
    height = p.props.line / 20
    if rule == "atLeast":
        height = max(height, single)
    return height / single


def check_line_spacing(ctx: Context) -> RuleResult:
    """II.6.e: line spacing between single and 1.5 lines."""
    paras = _text_paragraphs(ctx)
    if not paras:
        return _no_body(BODY_LINESPACING, ctx)
    lo, hi = SPACING_RANGE
    problems = []
    for p in paras:
        multiple = _line_multiple(p)
        if not lo <= multiple <= hi:
            rule = p.props.line_rule
            shown = f"{p.props.line / 20:g} pt ({rule})" if rule != "auto" else ""
            problems.append(Problem(p.where(), f"{multiple:.2f} lines {shown}".strip(), "", ""))
    return _summarise(
        BODY_LINESPACING,
        problems,
        len(paras),
        "1,0–1,5 lines",
        "Khoảng cách dòng phải từ dòng đơn đến 1,5 lines",
        "Line spacing must be from single to 1.5 lines",
    )


def _gap(prev: Paragraph, nxt: Paragraph) -> int:
    same = prev.props.style_id == nxt.props.style_id
    after = 0 if prev.props.contextual and same else prev.props.after
    before = 0 if nxt.props.contextual and same else nxt.props.before
    return after + before


def check_paragraph_spacing(ctx: Context) -> RuleResult:
    """II.6.e: at least 6 pt between consecutive body paragraphs."""
    body = _filled(ctx)
    if len(body) < 2:
        return _no_body(BODY_PARASPACING, ctx)
    problems = []
    pairs = 0
    for prev, nxt in itertools.pairwise(body):
        if nxt.order != prev.order + 1 or _is_heading(prev) or _is_heading(nxt):
            continue  # blank lines or a table between, or a heading block
        pairs += 1
        gap = _gap(prev, nxt)
        if gap < MIN_GAP:
            problems.append(Problem(nxt.where(), pt(gap / 20), "", ""))
    return _summarise(
        BODY_PARASPACING,
        problems,
        pairs,
        "≥ 6 pt",
        "Khoảng cách giữa các đoạn văn phải tối thiểu 6 pt",
        "Paragraphs must be at least 6 pt apart",
    )


def check_end(ctx: Context) -> RuleResult:
    """Mẫu 1.4: the last body paragraph ends with «./.»."""
    body = ctx.parts.body
    if not body:
        if not ctx.profile.requires("body_end"):
            return BODY_END.not_applicable("không có nội dung", "no body")
        return BODY_END.not_evaluated("Không tìm thấy nội dung văn bản", "No body text was found")
    last = body[-1]
    lines: list[Line] = [ln for ln in last.lines() if norm(ln.text)]
    text = norm(lines[-1].text) if lines else ""
    if text.endswith("./."):
        return BODY_END.passed(last.where(), f"«…{text[-12:]}»")
    return BODY_END.failed(
        last.where(),
        f"«…{text[-30:]}»",
        "«…./.»",
        "Nội dung văn bản phải kết thúc bằng dấu «./.»",
        "The body must end with «./.»",
    )
