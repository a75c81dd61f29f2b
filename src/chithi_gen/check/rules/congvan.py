"""Rules of a công văn's summary and of "Kính gửi", Phụ lục I, II.5.b and II.9.b, d.

* II.5.b (second paragraph): the summary of a công văn follows "V/v", in lower case,
  12–13 pt, upright (not bold: the decree's table gives "Đứng" where the other summary
  has "Đứng, đậm"), centred under the number and symbol, 6 pt below it (a smaller gap
  is a warning: it is barely visible);
* II.9.b, d (box 9a): "Kính gửi" and the addressees in lower case, 13–14 pt, upright;
  a colon after "Kính gửi"; one addressee on the same line; several, each on its own
  line starting with "-" and ending with ";", the last one with ".". A công văn must
  have it; a Tờ trình or Báo cáo to a superior may.
"""

from __future__ import annotations

import re

from chithi_gen.check.blanks import has_blank, is_placeholder
from chithi_gen.check.docx_reader import Line
from chithi_gen.check.locate import norm
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
    pt,
)

CONGVAN_VV = Rule(
    "ND30-CONGVAN-VV",
    "Phụ lục I, II.5.b",
    "Công văn: trích yếu sau «V/v», cỡ 12–13, chữ đứng, dưới số ký hiệu",
    "Official letter: summary after «V/v», 12–13 pt, upright, under the number",
    ("vv",),
)
KINHGUI = Rule(
    "ND30-KINHGUI",
    "Phụ lục I, II.9.b, II.9.d",
    "«Kính gửi:» cỡ 13–14, đứng; mỗi nơi một dòng «- …;»",
    "«Kính gửi:» 13–14 pt upright; one addressee a line «- …;»",
    ("kinh_gui",),
)
#: The gap the decree asks between the number and the V/v line.
VV_GAP = 120
_KINH_GUI = re.compile(r"^\s*(?P<word>kính\s+gửi)(?P<colon>\s*:)?\s*(?P<rest>.*)$", re.I)


def check_vv(ctx: Context) -> RuleResult:
    """II.5.b: a công văn's "V/v …" summary."""
    lines = ctx.parts.vv
    expected = "«V/v …» " + expect((12, 13), bold=False, italic=False, capitals=False)
    if not lines:
        if not ctx.profile.requires("vv"):
            return CONGVAN_VV.not_applicable("văn bản không có «V/v»", "no «V/v» line")
        return CONGVAN_VV.failed(
            ctx.parts.so.where() if ctx.parts.so else "",
            f"{NOT_FOUND_VI}/{NOT_FOUND_EN}",
            expected,
            "Công văn phải có trích yếu «V/v …» dưới số, ký hiệu",
            "An official letter needs its «V/v …» summary under the number",
        )
    text = " ".join(norm(ln.text) for ln in lines)
    body = re.sub(r"^\s*v\s*/\s*v\s*", "", text, flags=re.IGNORECASE)
    filled = not is_placeholder(body) and not has_blank(body)
    problems = format_problems(lines, (12, 13), bold=False, italic=False, capitals=False)
    if not text.startswith("V/v"):
        problems.insert(
            0,
            Problem(
                lines[0].where(), f"«{text[:20]}»", "viết «V/v» (V hoa, v thường)", "write «V/v»"
            ),
        )
    if not filled:
        return blank_result(CONGVAN_VV, lines, problems)
    if problems:
        return fail_from(
            CONGVAN_VV,
            problems,
            expected,
            "Trích yếu công văn trình bày chưa đúng",
            "The official letter's summary is not presented as required",
        )
    so = ctx.parts.so
    if so is not None:
        gap = _gap(ctx, so, lines[0])
        if gap is not None and gap < VV_GAP - 10:
            return CONGVAN_VV.warned(
                lines[0].where(),
                f"cách số, ký hiệu {pt(gap / 20)} / {pt(gap / 20)} below the number",
                "6 pt",
                "Dòng «V/v» nên cách dòng số, ký hiệu 6 pt",
                "The «V/v» line should be 6 pt below the number",
            )
    return CONGVAN_VV.passed(lines[0].where(), describe(s for ln in lines for s in ln.visible))


def _gap(ctx: Context, so: Line, vv: Line) -> int | None:
    """Space between the number's line and the V/v line, in twips (None if unknown)."""
    a, b = so.paragraph, vv.paragraph
    if a is b:
        return 0
    between = ctx.model.paragraphs[a.order + 1 : b.order]
    if any(not q.is_blank for q in between):
        return None
    extra = sum(240 for q in between)  # an empty paragraph is at least a line
    return a.props.after + b.props.before + extra


def _addressee_text(line: Line) -> str:
    text = norm(line.text)
    bullet = line.paragraph.bullet
    if line.index == 0 and bullet is not None and bullet.strip() in {"-", "–"}:
        text = f"- {text}"
    return text


def check_kinh_gui(ctx: Context) -> RuleResult:
    """II.9.d (box 9a): «Kính gửi:» and one addressee a line."""
    lines = ctx.parts.kinh_gui
    expected = "«Kính gửi: …» | «Kính gửi:» + «- …;» … «- ….» — 13–14 pt, đứng/upright"
    if not lines:
        if not ctx.profile.requires("kinh_gui"):
            return KINHGUI.not_applicable("văn bản không có «Kính gửi»", "no «Kính gửi»")
        return KINHGUI.failed(
            "",
            f"{NOT_FOUND_VI}/{NOT_FOUND_EN}",
            expected,
            "Công văn phải có «Kính gửi:» và tên nơi nhận trực tiếp",
            "An official letter needs «Kính gửi:» and its addressees",
        )
    problems = format_problems(lines, (13, 14), bold=None, italic=False, capitals=None)
    first = norm(lines[0].text.replace("\t", " "))
    m = _KINH_GUI.match(first)
    assert m is not None
    if not m.group("colon"):
        problems.append(
            Problem(
                lines[0].where(),
                f"«{first[:30]}»",
                "sau «Kính gửi» phải có dấu hai chấm (:)",
                "«Kính gửi» must be followed by «:»",
            )
        )
    rest = m.group("rest").strip()
    addressees = [_addressee_text(ln) for ln in lines[1:]]
    if rest and addressees:
        problems.append(
            Problem(
                lines[0].where(),
                f"«{first[:40]}»",
                "gửi nhiều nơi: xuống dòng, mỗi nơi một dòng",
                "several addressees: each on its own line",
            )
        )
    if len(addressees) == 1 and not rest:
        one = addressees[0].lstrip("-– ").strip()
        problems.append(
            Problem(
                lines[1].where(),
                f"«{one[:40]}»",
                "gửi một nơi: viết cùng dòng với «Kính gửi:»",
                "one addressee: on the same line as «Kính gửi:»",
            )
        )
    elif len(addressees) > 1:
        for i, (line, text) in enumerate(zip(lines[1:], addressees, strict=True)):
            last = i == len(addressees) - 1
            vi: list[str] = []
            en: list[str] = []
            if not (text[:1] in {"-", "–"} and text[1:2] == " "):
                vi.append("đầu dòng phải có gạch đầu dòng «- »")
                en.append("must start with «- »")
            end = "." if last else ";"
            if not text.endswith(end) and not has_blank(text[-3:]):
                vi.append(f"cuối dòng phải có dấu «{end}»")
                en.append(f"must end with «{end}»")
            if vi:
                problems.append(
                    Problem(line.where(), f"«{text[:40]}»", "; ".join(vi), "; ".join(en))
                )
    if problems:
        return fail_from(
            KINHGUI,
            problems,
            expected,
            "«Kính gửi» trình bày chưa đúng",
            "«Kính gửi» is not presented as required",
        )
    return KINHGUI.passed(lines[0].where(), f"{len(addressees) or 1} nơi/addressee(s)")
