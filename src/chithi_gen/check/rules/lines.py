"""Horizontal rules (đường kẻ), Phụ lục I, II.1.b, II.2.b and II.5.b.

* II.1.b under the Tiêu ngữ (motto): a solid line as long as the line of text;
* II.2.b under the tên cơ quan ban hành (issuing agency): a solid line 1/3 to 1/2 as
  long as the line of text, balanced under it;
* II.5.b under the trích yếu (summary): the same, 1/3 to 1/2 of the line.

A rule may be a paragraph border (on the text's own paragraph or on a small empty
paragraph under it, whose left/right indents set its length) or a drawn line shape
(DrawingML or VML). A line typed with underscores or dashes is not a drawn line: its
length depends on the font and it prints as characters, so it fails with a request to
draw a real line — a warning: the official samples themselves type them so. Text
lengths come from Times New Roman metrics (``metrics``); a
multi-line agency name or summary is measured by its widest line as laid out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from chithi_gen.check.docx_reader import Line, Segment
from chithi_gen.check.locate import RuleMark, is_rule_text
from chithi_gen.check.metrics import Piece, line_width, wrapped_widths
from chithi_gen.check.model import RuleResult
from chithi_gen.check.ooxml import MM
from chithi_gen.check.rules._base import Context, Rule

TIEUNGU_RULE = Rule(
    "ND30-TIEUNGU-RULE",
    "Phụ lục I, II.1.b",
    "Đường kẻ dưới Tiêu ngữ dài bằng dòng chữ",
    "Rule under the motto as long as its text",
    ("tieu_ngu",),
)
COQUAN_RULE = Rule(
    "ND30-COQUAN-RULE",
    "Phụ lục I, II.2.b",
    "Đường kẻ dưới tên cơ quan dài 1/3–1/2 dòng chữ",
    "Rule under the agency name 1/3–1/2 of its text",
    ("co_quan",),
)
TRICHYEU_RULE = Rule(
    "ND30-TRICHYEU-RULE",
    "Phụ lục I, II.5.b",
    "Đường kẻ dưới trích yếu dài 1/3–1/2 dòng chữ",
    "Rule under the summary 1/3–1/2 of its text",
    ("trich_yeu_rule",),
)

#: "As long as the text": ±8 %.
FULL_TOLERANCE = 0.08
#: "1/3 to 1/2 of the text": each bound widened by 5 % of itself.
PART_TOLERANCE = 0.05
#: A rule is "balanced" under its text when the centres differ by at most 1.5 mm.
BALANCE_TOLERANCE = 1.5 * MM
#: Border styles that draw one solid line (nét liền).
SOLID = {"single", "thick"}


def _pieces(segments: Sequence[Segment]) -> list[Piece]:
    out = []
    for seg in segments:
        size = seg.props.size_pt
        if seg.props.vert_align in {"superscript", "subscript"}:
            size *= 2 / 3
        text = seg.text.upper() if seg.props.caps else seg.text
        out.append(
            Piece(text, size, seg.props.bold, seg.props.italic, seg.props.spacing, seg.props.scale)
        )
    # Leading and trailing spaces are not part of the line of text.
    if out:
        out[0] = Piece(out[0].text.lstrip(), *_fmt(out[0]))
        out[-1] = Piece(out[-1].text.rstrip(), *_fmt(out[-1]))
    return out


def _fmt(p: Piece) -> tuple[float, bool, bool, float, float]:
    return p.size_pt, p.bold, p.italic, p.letter_spacing, p.scale


def text_length(lines: Sequence[Line]) -> float:
    """Length of the "line of text" (dòng chữ): the widest line as laid out, in twips."""
    widest = 0.0
    for line in lines:
        pieces = _pieces(line.segments)
        available = max(line.paragraph.text_width, 1)
        widths = wrapped_widths(pieces, available)
        widest = max(widest, max(widths, default=0.0))
    return widest


def _mm(twips: float) -> str:
    return f"{twips / MM:.1f} mm"


@dataclass(frozen=True)
class _Spec:
    rule: Rule
    name_vi: str
    name_en: str
    lo: float
    hi: float
    expected: str


def _rule_check(
    spec: _Spec, pick: Callable[[Context], tuple[Sequence[Line], RuleMark | None]]
) -> Callable[[Context], RuleResult]:
    rule = spec.rule

    def check(ctx: Context) -> RuleResult:
        lines, mark = pick(ctx)
        if not lines:
            return rule.not_applicable(
                f"không tìm thấy {spec.name_vi} để đo đường kẻ",
                f"no {spec.name_en} to measure the rule against",
            )
        where = lines[-1].where()
        if mark is None and not ctx.profile.requires(rule.needs[0]):
            return rule.not_applicable(
                f"không có đường kẻ dưới {spec.name_vi} (mẫu của loại văn bản này không bắt buộc)",
                f"no rule under the {spec.name_en} (not required by this type's layout)",
            )
        if mark is None:
            return rule.failed(
                where,
                "không có đường kẻ / no rule",
                spec.expected,
                f"Phía dưới {spec.name_vi} phải có đường kẻ ngang, nét liền",
                f"A solid horizontal rule must be drawn under the {spec.name_en}",
            )
        length = text_length(lines)
        if mark.kind == "text":
            typed = _typed_length(mark)
            return rule.warned(
                mark.paragraph.where(),
                f"«{mark.text}» (ký tự gõ/typed characters, ≈ {_mm(typed)})",
                spec.expected,
                f"Đường kẻ dưới {spec.name_vi} được gõ bằng ký tự «{mark.text[:3]}…»: hãy vẽ "
                "đường kẻ thật (viền dưới đoạn văn hoặc đường thẳng), nét liền",
                f"The rule under the {spec.name_en} is typed as «{mark.text[:3]}…» characters: "
                "draw a real line (a paragraph bottom border or a line shape), solid",
            )
        assert mark.length is not None
        ratio = mark.length / length if length else 0.0
        found = f"{_mm(mark.length)} = {ratio:.2f} × {_mm(length)}"
        problems_vi: list[str] = []
        problems_en: list[str] = []
        if not spec.lo * (1 - _tol(spec)) <= ratio <= spec.hi * (1 + _tol(spec)):
            problems_vi.append(f"độ dài bằng {ratio:.2f} lần dòng chữ".replace(".", ","))
            problems_en.append(f"its length is {ratio:.2f} × the text")
        if mark.kind == "border":
            border = mark.paragraph.props.borders
            style = next((b.val for b in border.values() if b.visible), "")
            if style not in SOLID:
                problems_vi.append(f"kiểu đường «{style}» không phải nét liền")
                problems_en.append(f"line style «{style}» is not solid")
        if mark.offset is not None and abs(mark.offset) > BALANCE_TOLERANCE:
            problems_vi.append(f"lệch tâm {_mm(abs(mark.offset))} so với dòng chữ")
            problems_en.append(f"off-centre by {_mm(abs(mark.offset))}")
        if problems_vi:
            return rule.failed(
                mark.paragraph.where(),
                found,
                spec.expected,
                f"Đường kẻ dưới {spec.name_vi} chưa đúng: " + "; ".join(problems_vi),
                f"The rule under the {spec.name_en} is wrong: " + "; ".join(problems_en),
            )
        kind = {"border": "viền đoạn/paragraph border", "shape": "đường vẽ/line shape"}[mark.kind]
        return rule.passed(mark.paragraph.where(), f"{found} ({kind})")

    check.__doc__ = f"{rule.clause}: {rule.title_en}."
    return check


def _tol(spec: _Spec) -> float:
    return FULL_TOLERANCE if spec.lo == spec.hi else PART_TOLERANCE


def _typed_length(mark: RuleMark) -> float:
    segs = [
        s
        for ln in mark.paragraph.lines()
        if is_rule_text(ln.text)
        for s in ln.segments
        if s.text.strip()
    ]
    return line_width(_pieces(segs)) if segs else 0.0


def _tieu_ngu(ctx: Context) -> tuple[Sequence[Line], RuleMark | None]:
    p = ctx.parts
    return ([p.tieu_ngu] if p.tieu_ngu else []), p.tieu_ngu_rule


def _co_quan(ctx: Context) -> tuple[Sequence[Line], RuleMark | None]:
    return ctx.parts.co_quan, ctx.parts.co_quan_rule


def _trich_yeu(ctx: Context) -> tuple[Sequence[Line], RuleMark | None]:
    """The summary (or, without one, the "(Kèm theo …)" line, or the tên loại: Mẫu 1.8
    and 1.10 draw the rule under the tên loại)."""
    p = ctx.parts
    if p.trich_yeu:
        return p.trich_yeu, p.trich_yeu_rule
    if p.kem_theo is not None:
        return [p.kem_theo], p.trich_yeu_rule
    return ([p.ten_loai] if p.ten_loai else []), p.trich_yeu_rule


_FULL = "bằng độ dài dòng chữ (±8%) / as long as the text (±8%)"
_PART = "1/3–1/2 độ dài dòng chữ, nét liền, cân đối / 1/3–1/2 of the text, solid, centred"

check_tieu_ngu_rule = _rule_check(
    _Spec(TIEUNGU_RULE, "Tiêu ngữ", "motto (Tiêu ngữ)", 1.0, 1.0, _FULL), _tieu_ngu
)
check_co_quan_rule = _rule_check(
    _Spec(COQUAN_RULE, "tên cơ quan", "agency name", 1 / 3, 1 / 2, _PART), _co_quan
)
check_trich_yeu_rule = _rule_check(
    _Spec(TRICHYEU_RULE, "trích yếu", "summary (trích yếu)", 1 / 3, 1 / 2, _PART), _trich_yeu
)
