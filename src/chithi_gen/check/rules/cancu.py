"""The căn cứ (legal bases) of a Quyết định or Nghị quyết, Phụ lục I, II.6.a.

"Căn cứ ban hành văn bản được trình bày bằng chữ in thường, kiểu chữ nghiêng, cỡ chữ từ
13 đến 14, … sau mỗi căn cứ phải xuống dòng, cuối dòng có dấu chấm phẩy (;), dòng cuối
cùng kết thúc bằng dấu chấm (.)." The block runs from the first "Căn cứ" to the
"QUYẾT ĐỊNH:" line and includes "Theo đề nghị của …" and "Xét …".
"""

from __future__ import annotations

import re

from chithi_gen.check.blanks import has_blank
from chithi_gen.check.locate import norm, text_lines
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

CANCU = Rule(
    "ND30-CANCU",
    "Phụ lục I, II.6.a",
    "Căn cứ: chữ nghiêng, cỡ 13–14, mỗi căn cứ một dòng, kết thúc «;» (dòng cuối «.»)",
    "Legal bases: italic, 13–14 pt, one a line, ending «;» (the last «.»)",
    ("can_cu",),
)
_SECOND = re.compile(r";\s*(căn\s+cứ|theo\s+đề\s+nghị|xét)\b", re.IGNORECASE)


def check_can_cu(ctx: Context) -> RuleResult:
    """II.6.a: each căn cứ italic, 13–14 pt, on its own line, with its punctuation."""
    paras = ctx.parts.can_cu
    if not paras:
        return CANCU.not_applicable("văn bản không có phần căn cứ", "no legal bases")
    lines = [ln for p in paras for ln in text_lines(p)]
    filled = [ln for ln in lines if not has_blank(ln.text)]
    expected = expect((13, 14), italic=True, capitals=None) + "; «…;» … «….»"
    problems = format_problems(filled, (13, 14), bold=None, italic=True, capitals=None)
    for i, line in enumerate(lines):
        text = norm(line.text)
        if has_blank(line.text):
            continue
        if _SECOND.search(text):
            problems.append(
                Problem(
                    line.where(),
                    f"«…{text[-40:]}»",
                    "sau mỗi căn cứ phải xuống dòng",
                    "each basis on its own line",
                )
            )
        last = i == len(lines) - 1
        end = "." if last else ";"
        if not text.endswith(end):
            problems.append(
                Problem(
                    line.where(),
                    f"«…{text[-25:]}»",
                    f"cuối dòng phải là «{end}»",
                    f"the line must end with «{end}»",
                )
            )
    if not filled and not problems:
        return CANCU.blank(lines[0].where(), describe(s for ln in lines for s in ln.visible))
    if problems:
        return fail_from(
            CANCU,
            problems,
            expected,
            "Căn cứ trình bày chưa đúng",
            "The legal bases are not presented as required",
        )
    return CANCU.passed(lines[0].where(), f"{len(lines)} căn cứ / bases")
