"""Page rules, Phụ lục I, Phần I, Mục I (quy định chung — general provisions).

* I.1 khổ giấy (paper size): A4, 210 × 297 mm;
* I.2 kiểu trình bày (orientation): portrait; a section may be landscape when it holds
  a table that is not made into a separate appendix;
* I.3 định lề trang (margins): top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm;
* I.7 số trang (page numbers): Arabic numerals from 1, 13–14 pt, upright, centred in
  the top margin (the header), not shown on the first page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chithi_gen.check.docx_reader import Paragraph, Section
from chithi_gen.check.layout import estimate_pages
from chithi_gen.check.model import RuleResult
from chithi_gen.check.ooxml import MM, Element, local, to_int, w, wattr
from chithi_gen.check.rules._base import (
    ITALIC,
    UPRIGHT,
    Context,
    Problem,
    Rule,
    RuleFn,
    fail_from,
    pt,
)

A4 = (11906, 16838)
#: Paper size tolerance: 1 mm.
A4_TOLERANCE = 57
#: Margin tolerance: 0.1 mm (a margin of 1417 twips is 24.99 mm).
MARGIN_TOLERANCE_MM = 0.1

PAGE_A4 = Rule("ND30-PAGE-A4", "Phụ lục I, I.1", "Khổ giấy A4", "A4 paper size")
PAGE_PORTRAIT = Rule(
    "ND30-PAGE-PORTRAIT",
    "Phụ lục I, I.2",
    "Trình bày theo chiều dài khổ A4",
    "Portrait orientation",
)
MARGINS = {
    "top": Rule("ND30-MARGIN-TOP", "Phụ lục I, I.3", "Lề trên 20–25 mm", "Top margin 20–25 mm"),
    "bottom": Rule(
        "ND30-MARGIN-BOTTOM", "Phụ lục I, I.3", "Lề dưới 20–25 mm", "Bottom margin 20–25 mm"
    ),
    "left": Rule("ND30-MARGIN-LEFT", "Phụ lục I, I.3", "Lề trái 30–35 mm", "Left margin 30–35 mm"),
    "right": Rule(
        "ND30-MARGIN-RIGHT", "Phụ lục I, I.3", "Lề phải 15–20 mm", "Right margin 15–20 mm"
    ),
}
MARGIN_RANGES = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
MARGIN_VI = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}
PAGENUM_FIELD = Rule(
    "ND30-PAGENUM-FIELD",
    "Phụ lục I, I.7",
    "Số trang: trường PAGE bằng chữ số Ả Rập ở lề trên",
    "Page number: a PAGE field in Arabic numerals in the header",
    ("pagenum",),
)
PAGENUM_FORMAT = Rule(
    "ND30-PAGENUM-FORMAT",
    "Phụ lục I, I.7",
    "Số trang: cỡ 13–14, chữ đứng, canh giữa",
    "Page number: 13–14 pt, upright, centred",
    ("pagenum",),
)
PAGENUM_FIRST = Rule(
    "ND30-PAGENUM-FIRST",
    "Phụ lục I, I.7",
    "Không hiển thị số trang thứ nhất",
    "No page number on the first page",
    ("pagenum",),
)


def _section_where(s: Section) -> str:
    return f"mục (section) {s.index + 1}"


def _mm(twips: float) -> float:
    return round(twips / MM, 1)


def check_a4(ctx: Context) -> RuleResult:
    """I.1: every section on A4 paper (either orientation), within 1 mm."""
    problems = []
    for s in ctx.model.sections:
        size = sorted((s.page_width, s.page_height))
        if abs(size[0] - A4[0]) > A4_TOLERANCE or abs(size[1] - A4[1]) > A4_TOLERANCE:
            found = f"{_mm(s.page_width):g} × {_mm(s.page_height):g} mm"
            problems.append(Problem(_section_where(s), found, "", ""))
    if problems:
        return fail_from(
            PAGE_A4,
            problems,
            "210 × 297 mm",
            "Khổ giấy phải là A4 (210 × 297 mm)",
            "Paper must be A4 (210 × 297 mm)",
        )
    s = ctx.model.sections[0]
    return PAGE_A4.passed(found=f"{_mm(s.page_width):g} × {_mm(s.page_height):g} mm")


def check_portrait(ctx: Context) -> RuleResult:
    """I.2: portrait; later sections may be landscape if they hold a table."""
    problems = []
    notes = []
    for s in ctx.model.sections:
        landscape = s.page_width > s.page_height or s.orient == "landscape"
        if not landscape:
            continue
        if s.index > 0 and s.has_table:
            notes.append(_section_where(s))
            continue
        problems.append(Problem(_section_where(s), "ngang/landscape", "", ""))
    if problems:
        return fail_from(
            PAGE_PORTRAIT,
            problems,
            "dọc/portrait",
            "Văn bản phải trình bày theo chiều dài khổ A4 (chỉ phần có bảng, biểu mới được "
            "trình bày theo chiều rộng)",
            "The document must be portrait (only a part holding tables may be landscape)",
        )
    if notes:
        return PAGE_PORTRAIT.passed(
            ", ".join(notes),
            "ngang/landscape",
            "phần có bảng, biểu được trình bày theo chiều rộng",
            "a section holding tables is landscape, as allowed",
        )
    return PAGE_PORTRAIT.passed(found="dọc/portrait")


def _margin_rule(name: str) -> RuleFn:
    rule = MARGINS[name]
    lo, hi = MARGIN_RANGES[name]

    def check(ctx: Context) -> RuleResult:
        problems = []
        values = []
        for s in ctx.model.sections:
            twips = getattr(s, name) + (s.gutter if name == "left" else 0)
            mm = _mm(twips)
            values.append(mm)
            if not lo - MARGIN_TOLERANCE_MM <= mm <= hi + MARGIN_TOLERANCE_MM:
                problems.append(Problem(_section_where(s), f"{mm:g} mm", "", ""))
        if problems:
            return fail_from(
                rule,
                problems,
                f"{lo}–{hi} mm",
                f"Lề {MARGIN_VI[name]} cần cách mép giấy {lo}–{hi} mm",
                f"The {name} margin must be {lo}–{hi} mm",
            )
        return rule.passed(found=", ".join(f"{v:g} mm" for v in values))

    check.__doc__ = f"I.3: {name} margin within {lo}–{hi} mm in every section."
    return check


check_margin_top = _margin_rule("top")
check_margin_bottom = _margin_rule("bottom")
check_margin_left = _margin_rule("left")
check_margin_right = _margin_rule("right")


# -- page numbers -------------------------------------------------------------------

_PAGE_INSTR = re.compile(r"^\s*PAGE\b(?P<switches>.*)$", re.IGNORECASE)


@dataclass
class PageField:
    """A PAGE field found in a header or footer part."""

    part: str
    paragraph: Paragraph | None
    runs: list[Element]
    switches: str


def _fields(paras: list[Paragraph]) -> list[PageField]:
    """PAGE fields (simple or complex) in the paragraphs of a part."""
    out: list[PageField] = []
    for para in paras:
        p = para.element
        for simple in p.iter(w("fldSimple")):
            m = _PAGE_INSTR.match(wattr(simple, "instr") or "")
            if m:
                simple_runs = list(simple.iter(w("r")))
                out.append(PageField(para.location.part, para, simple_runs, m.group("switches")))
        depth = 0
        instr = ""
        runs: list[Element] = []
        result: list[Element] = []
        separated = False
        for r in p.iter(w("r")):
            if depth:
                runs.append(r)
                if separated and depth == 1:
                    result.append(r)
            for el in r:
                name = local(el)
                if name == "instrText" and depth == 1:
                    instr += el.text or ""
                if name != "fldChar":
                    continue
                kind = wattr(el, "fldCharType")
                if kind == "begin":
                    depth += 1
                    if depth == 1:
                        instr, runs, result, separated = "", [r], [], False
                elif kind == "separate" and depth == 1:
                    separated = True
                elif kind == "end" and depth:
                    depth -= 1
                    m = _PAGE_INSTR.match(instr)
                    if depth == 0 and m:
                        # Word shows the result runs' formatting (all runs if no result).
                        shown = [x for x in result if x is not r and x.find(w("t")) is not None]
                        out.append(
                            PageField(para.location.part, para, shown or runs, m.group("switches"))
                        )
    return out


def _effective(ctx: Context, kind: str, index: int, footer: bool = False) -> str | None:
    """Relationship id of the header (footer) of ``kind`` in force for section ``index``."""
    for s in reversed(ctx.model.sections[: index + 1]):
        refs = s.footers if footer else s.headers
        if kind in refs:
            return refs[kind]
    return None


def _part_fields(ctx: Context, rel_id: str | None) -> tuple[str, list[Paragraph], list[PageField]]:
    if rel_id is None:
        return "", [], []
    found = ctx.model.part_paragraphs(rel_id)
    if found is None:
        return "", [], []
    name, paras = found
    return name, paras, _fields(paras)


def default_page_field(ctx: Context) -> PageField | None:
    """The first PAGE field of the header in force on page 1 (None if there is none)."""
    _, _, fields = _part_fields(ctx, _effective(ctx, "default", 0))
    return fields[0] if fields else None


def check_pagenum_field(ctx: Context) -> RuleResult:
    """I.7: a PAGE field in the default header, Arabic numerals, starting at 1."""
    first = ctx.model.sections[0]
    name, _, fields = _part_fields(ctx, _effective(ctx, "default", 0))
    expected = "trường PAGE trong đầu trang, chữ số Ả Rập / PAGE field in the header, Arabic"
    if not fields:
        _, _, in_footer = _part_fields(ctx, _effective(ctx, "default", 0, footer=True))
        where = name or "đầu trang mặc định / default header"
        if in_footer:
            return PAGENUM_FIELD.failed(
                in_footer[0].part,
                "số trang ở chân trang / page number in the footer",
                expected,
                "Số trang phải đặt ở phần lề trên (đầu trang), không đặt ở chân trang",
                "The page number must be in the top margin (header), not in the footer",
            )
        pages = estimate_pages(ctx.model)
        if pages.sure_one:
            return PAGENUM_FIELD.not_applicable(
                f"văn bản một trang ({pages.reason}): không cần đánh số trang",
                "a one-page document: no page number is needed",
            )
        if not pages.sure_more:
            return PAGENUM_FIELD.not_evaluated(
                f"không có số trang; chưa chắc văn bản dài hơn một trang ({pages.reason})",
                "no page number; the document may fit on one page",
                where,
            )
        return PAGENUM_FIELD.failed(
            where,
            f"không có trường PAGE / no PAGE field ({pages.reason})",
            expected,
            "Không tìm thấy số trang (trường PAGE) ở đầu trang",
            "No page number (PAGE field) in the header",
        )
    field = fields[0]
    problems = []
    if re.search(r"\\\*\s*(roman|alphabetic|ordtext|cardtext)", field.switches, re.IGNORECASE):
        problems.append(Problem(field.part, f"PAGE{field.switches}", "", ""))
    fmt = first.page_number_format
    if fmt not in {None, "decimal"}:
        problems.append(Problem(_section_where(first), f"pgNumType fmt={fmt}", "", ""))
    pg_num = first.element.find(w("pgNumType")) if first.element is not None else None
    start = to_int(wattr(pg_num, "start"))
    if start not in {None, 1}:
        problems.append(Problem(_section_where(first), f"bắt đầu từ / starts at {start}", "", ""))
    if ctx.model.even_and_odd_headers:
        _, _, even = _part_fields(ctx, _effective(ctx, "even", 0))
        if not even:
            problems.append(
                Problem(
                    "đầu trang chẵn / even header", "không có trường PAGE / no PAGE field", "", ""
                )
            )
    if problems:
        return fail_from(
            PAGENUM_FIELD,
            problems,
            expected,
            "Số trang phải đánh từ số 1, bằng chữ số Ả Rập, trên mọi trang",
            "Pages must be numbered from 1 in Arabic numerals on every page",
        )
    return PAGENUM_FIELD.passed(field.part, f"PAGE{field.switches}".strip())


def check_pagenum_format(ctx: Context) -> RuleResult:
    """I.7: the page number 13–14 pt, upright, centred."""
    field = default_page_field(ctx)
    if field is None or field.paragraph is None:
        return PAGENUM_FORMAT.not_applicable(
            "không có trường số trang để kiểm tra", "no page number field to check"
        )
    para = field.paragraph
    styles = ctx.model.styles
    props = [styles.run(r, para.props.style_id) for r in field.runs]
    problems = []
    sizes = sorted({p.size_pt for p in props})
    found = f"{', '.join(pt(s) for s in sizes)}, "
    found += ITALIC if any(p.italic for p in props) else UPRIGHT
    found += f", canh/align {para.props.jc}"
    if any(not 13 <= s <= 14 for s in sizes):
        problems.append(Problem(para.where(), found, "cỡ chữ phải 13–14", "size must be 13–14 pt"))
    if any(p.italic for p in props):
        problems.append(Problem(para.where(), found, "phải là chữ đứng", "must be upright"))
    if para.props.jc != "center":
        problems.append(Problem(para.where(), found, "phải canh giữa", "must be centred"))
    if problems:
        return fail_from(
            PAGENUM_FORMAT,
            problems,
            "13–14 pt, đứng/upright, canh giữa/centred",
            "Số trang trình bày chưa đúng",
            "The page number is not presented as required",
        )
    return PAGENUM_FORMAT.passed(para.location.label(), found)


def check_pagenum_first(ctx: Context) -> RuleResult:
    """I.7: page 1 shows no number (a distinct, empty first-page header)."""
    first = ctx.model.sections[0]
    expected = "titlePg + đầu trang đầu tiên trống / titlePg + empty first-page header"
    if not first.title_page:
        if default_page_field(ctx) is None:
            return PAGENUM_FIRST.not_applicable(
                "văn bản không có số trang", "the document has no page numbers"
            )
        return PAGENUM_FIRST.failed(
            _section_where(first),
            "không có titlePg / no titlePg (trang 1 hiện số / page 1 numbered)",
            expected,
            "Không được hiển thị số trang thứ nhất: cần đặt đầu trang riêng cho trang đầu",
            "The first page must not show its number: use a different first-page header",
        )
    rel = first.headers.get("first")
    name, paras, fields = _part_fields(ctx, rel)
    text = " ".join(p.text for p in paras).strip()
    if fields or text:
        found = "có trường PAGE / has a PAGE field" if fields else f"«{text[:30]}»"
        return PAGENUM_FIRST.failed(
            name,
            found,
            expected,
            "Đầu trang của trang thứ nhất phải để trống (không hiển thị số trang)",
            "The first-page header must be empty (no page number)",
        )
    return PAGENUM_FIRST.passed(name or _section_where(first), "titlePg")
