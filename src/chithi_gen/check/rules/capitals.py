"""Capitalisation of the names of bodies and of titles, Phụ lục II, IV.1.a and V.3.

The running text (trích yếu, căn cứ, Kính gửi, body, recipients) is searched for the
names of ``viet_hoa.CANONICAL`` in any case; a name written with a capital inside its
common part ("Ủy Ban Nhân Dân", "Chủ Tịch") is an error. Lines in capitals (headings,
the signature) are not judged, nor a name begun in lower case (a generic use).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from chithi_gen.check.abbreviations import fold
from chithi_gen.check.docx_reader import Line
from chithi_gen.check.locate import is_caps_text, norm, text_lines
from chithi_gen.check.model import RuleResult
from chithi_gen.check.rules._base import Context, Problem, Rule, fail_from
from chithi_gen.check.viet_hoa import CANONICAL

VIETHOA = Rule(
    "ND30-VIETHOA",
    "Phụ lục II, IV.1.a, V.3",
    "Viết hoa tên cơ quan, tổ chức và chức vụ theo Phụ lục II",
    "Names of bodies and titles capitalised as Phụ lục II says",
    ("body",),
)


def _pattern(name: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in fold(name).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


_PATTERNS = [(name, _pattern(name)) for name in CANONICAL]


def _running_lines(ctx: Context) -> Iterator[Line]:
    c = ctx.parts
    yield from c.trich_yeu
    yield from c.vv
    yield from c.kinh_gui
    for p in (*c.can_cu, *c.body):
        yield from text_lines(p)
    yield from c.noi_nhan


def _mistakes(text: str) -> list[tuple[str, str]]:
    """(found, canonical) pairs of wrongly capitalised names in ``text``."""
    folded = fold(text)
    out: list[tuple[str, str]] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in sorted(_PATTERNS, key=lambda np: -len(np[0])):
        for m in pattern.finditer(folded):
            span = (m.start(), m.end())
            if any(a <= span[0] < b or a < span[1] <= b for a, b in taken):
                continue
            found = text[m.start() : m.end()]
            words = found.split()
            canon = name.split()
            if len(words) != len(canon) or not words[0][:1].isupper():
                continue
            wrong = any(
                c[:1].islower() and f[:1].isupper()
                for f, c in zip(words[1:], canon[1:], strict=True)
            )
            if wrong:
                out.append((" ".join(words), name))
                taken.append(span)
            elif " ".join(words) == name or all(
                f[:1].isupper() == c[:1].isupper() for f, c in zip(words, canon, strict=True)
            ):
                taken.append(span)
    return out


def check_capitals(ctx: Context) -> RuleResult:
    """Phụ lục II, IV.1.a, V.3: no capital inside the common part of a body's or title's name."""
    problems: list[Problem] = []
    checked = 0
    for line in _running_lines(ctx):
        text = norm(line.text)
        if not text or is_caps_text(text):
            continue
        checked += 1
        for found, canon in _mistakes(text):
            problems.append(
                Problem(line.where(), f"«{found}»", f"viết «{canon}»", f"write «{canon}»")
            )
    if not checked:
        return VIETHOA.not_applicable("không có lời văn để kiểm tra", "no running text")
    if problems:
        return fail_from(
            VIETHOA,
            problems,
            "«Ủy ban nhân dân», «Chủ tịch», «Giám đốc» …",
            "Viết hoa tên cơ quan, chức vụ chưa đúng Phụ lục II",
            "Names of bodies or titles are capitalised against Phụ lục II",
        )
    return VIETHOA.passed(found=f"{checked} dòng/lines")
