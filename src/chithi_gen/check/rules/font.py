"""Font rules, Phụ lục I, I.4 (phông chữ — typeface).

The decree requires the Vietnamese Times New Roman font, Unicode (TCVN 6909:2001),
in black. Every run that shows text in the body, headers and footers is checked with
its effective font (through styles and document defaults): the ``ascii`` slot for
ASCII characters and the ``hAnsi`` slot for the other Latin letters (ă, ơ, ư, đ, ế …).
A theme font (``+Body``, ``minorHAnsi``) is the typeface its theme names: Times New
Roman passes. Runs of template blanks only ("……", "Họ và tên") give ``blank``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from chithi_gen.check.blanks import has_blank, is_unfilled
from chithi_gen.check.model import RuleResult
from chithi_gen.check.read.paragraph import Line, Paragraph, Segment
from chithi_gen.check.rules._base import Context, Problem, Rule, fail_from

FONT_TNR = Rule(
    "ND30-FONT-TNR", "Phụ lục I, I.4", "Phông chữ Times New Roman", "Times New Roman typeface"
)
FONT_COLOR = Rule("ND30-FONT-COLOR", "Phụ lục I, I.4", "Chữ màu đen", "Black text")

_TNR = "times new roman"
_BLACK_THEMES = {"theme:text1", "theme:dark1"}


def _all_paragraphs(ctx: Context) -> Iterator[Paragraph]:
    yield from ctx.model.paragraphs
    seen: set[str] = set()
    for s in ctx.model.sections:
        for rel in (*s.headers.values(), *s.footers.values()):
            found = ctx.model.part_paragraphs(rel)
            if found is None or found[0] in seen:
                continue
            seen.add(found[0])
            yield from found[1]


def _segments(ctx: Context) -> Iterator[tuple[Line, Segment]]:
    for p in _all_paragraphs(ctx):
        for line in p.lines():
            for seg in line.segments:
                if seg.text.strip():
                    yield line, seg


def _font_of(seg: Segment) -> str | None:
    """The offending font of a segment, or None when it is Times New Roman."""
    text = seg.text.strip()
    slots = []
    if any(ord(ch) < 128 for ch in text):
        slots.append(seg.props.font_ascii)
    if any(ord(ch) >= 128 for ch in text):
        slots.append(seg.props.font_hansi)
    for font in slots:
        face = font
        if font.startswith("theme:") and "(" in font:
            face = font.split("(", 1)[1].rstrip(")")
        if face.strip().lower() != _TNR:
            return font or "(không khai báo/unspecified)"
    return None


def check_font(ctx: Context) -> RuleResult:
    """I.4: every visible run in Times New Roman."""
    problems: list[Problem] = []
    fonts: Counter[str] = Counter()
    checked = 0
    in_blanks = 0
    for line, seg in _segments(ctx):
        checked += 1
        font = _font_of(seg)
        if font is None:
            continue
        fonts[font] += 1
        in_blanks += has_blank(line.text) or is_unfilled(line.text)
        if len(problems) < 3:
            problems.append(Problem(line.where(), font, "", ""))
    if fonts and in_blanks == sum(fonts.values()):
        found = ", ".join(f"{font} ({n})" for font, n in fonts.most_common())
        return FONT_TNR.blank(
            "; ".join(p.where for p in problems),
            found,
            "chỉ chỗ trống của mẫu dùng phông khác Times New Roman: chữ điền vào sẽ mang phông đó",
            "only template blanks are in another font than Times New Roman: text typed there "
            "would inherit it",
        )
    if fonts:
        found = ", ".join(f"{font} ({n})" for font, n in fonts.most_common())
        result = fail_from(
            FONT_TNR,
            problems,
            "Times New Roman",
            f"Có {sum(fonts.values())} đoạn chữ không dùng phông Times New Roman",
            f"{sum(fonts.values())} text runs are not in Times New Roman",
        )
        return replace(result, found=found)
    return FONT_TNR.passed(found=f"Times New Roman ({checked} đoạn chữ/runs)")


def _channels(color: str) -> tuple[int, int, int] | None:
    """The red, green and blue of a hex colour ("FF0000"), or None for any other form."""
    if len(color) != 6:
        return None
    try:
        r, g, b = (int(color[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return None
    return r, g, b


def _is_black(color: str) -> bool:
    if color in {"auto", ""} or color in _BLACK_THEMES:
        return True
    rgb = None if color.startswith("theme:") else _channels(color)
    return rgb is not None and max(rgb) <= 0x20


def _key(line: Line) -> tuple[int, int]:
    return id(line.paragraph), line.index


def _is_red(color: str) -> bool:
    rgb = _channels(color)
    return rgb is not None and rgb[0] >= 0xB0 and rgb[1] <= 0x60 and rgb[2] <= 0x60


def check_color(ctx: Context) -> RuleResult:
    """I.4: text in black (``auto``, ``000000`` or a near-black). An urgency or
    confidentiality mark typed in red is no fault: the mark stands for a stamp, and
    III.2.b has the urgency stamp "đóng" in bright red ink ("Mực … dùng màu đỏ tươi")."""
    stamps = {_key(m.line) for m in ctx.parts.marks if m.kind in ("khan", "mat")}
    problems: list[Problem] = []
    colors: Counter[str] = Counter()
    for line, seg in _segments(ctx):
        if _is_black(seg.props.color):
            continue
        if _key(line) in stamps and _is_red(seg.props.color):
            continue
        colors[seg.props.color] += 1
        if len(problems) < 3:
            problems.append(Problem(line.where(), seg.props.color, "", ""))
    if colors:
        result = fail_from(
            FONT_COLOR,
            problems,
            "đen/black (auto, 000000)",
            "Chữ phải màu đen",
            "Text must be black",
        )
        found = ", ".join(f"{c} ({n})" for c, n in colors.most_common())
        return replace(result, found=found)
    return FONT_COLOR.passed(found="đen/black")
