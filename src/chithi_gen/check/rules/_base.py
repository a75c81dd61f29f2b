"""Machinery shared by the rules: their identity, the context they read, and helpers.

A rule is a function of a ``Context`` (the read document, its located components and
its type) returning one ``RuleResult``. ``Rule`` carries the stable id, the clause
cited, the bilingual title and the document kinds it applies to, and builds results
(``passed``/``failed``/``warned``/``not_applicable``/``not_evaluated``/``blank``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from chithi_gen.check.doctype import Profile
from chithi_gen.check.docx_reader import DocModel, Line, Segment
from chithi_gen.check.locate import Components
from chithi_gen.check.model import RuleResult, Status

#: Bilingual words used in ``found``/``expected`` descriptions.
BOLD = "đậm/bold"
NOT_BOLD = "không đậm/not bold"
ITALIC = "nghiêng/italic"
UPRIGHT = "đứng/upright"
CAPS = "in hoa/capitals"
LOWER = "in thường/lower case"
NOT_FOUND_VI = "không tìm thấy"
NOT_FOUND_EN = "not found"


@dataclass(frozen=True)
class Context:
    """What every rule reads: the document model, its located components, its type."""

    model: DocModel
    parts: Components
    profile: Profile


@dataclass(frozen=True)
class Rule:
    """A rule's identity: stable id, clause of the decree, title in both languages.

    ``needs`` names the components the rule is about (see ``doctype.Profile``): the rule
    is reported ``n/a`` for a document type whose layout has none of them.
    """

    rule_id: str
    clause: str
    title_vi: str
    title_en: str
    needs: tuple[str, ...] = ()

    def result(
        self,
        status: Status,
        where: str = "",
        found: str = "",
        expected: str = "",
        vi: str = "",
        en: str = "",
    ) -> RuleResult:
        """A result of any status."""
        return RuleResult(
            self.rule_id,
            self.clause,
            self.title_vi,
            self.title_en,
            status,
            where,
            found,
            expected,
            vi,
            en,
        )

    def warned(self, where: str, found: str, expected: str, vi: str, en: str) -> RuleResult:
        """A ``warning``: a convention not followed, or a debatable reading."""
        return self.result("warning", where, found, expected, vi, en)

    def not_evaluated(self, vi: str, en: str, where: str = "") -> RuleResult:
        """``not-evaluated``: the part could not be found reliably."""
        return self.result("not-evaluated", where, "", "", vi, en)

    def blank(self, where: str, found: str, vi: str = "", en: str = "") -> RuleResult:
        """``blank``: the part is a template blank still to be filled (chưa điền)."""
        return self.result(
            "blank",
            where,
            found,
            "",
            vi or "mẫu còn để trống, chưa điền",
            en or "a template blank, not filled in yet",
        )

    def passed(self, where: str = "", found: str = "", vi: str = "", en: str = "") -> RuleResult:
        """A ``pass`` result (``vi``/``en`` for an optional note)."""
        return self.result("pass", where, found, "", vi, en)

    def failed(self, where: str, found: str, expected: str, vi: str, en: str) -> RuleResult:
        """An ``error``: where, what was found, what the clause expects, and why."""
        return self.result("error", where, found, expected, vi, en)

    def not_applicable(self, vi: str, en: str, where: str = "") -> RuleResult:
        """An ``n/a`` result with the reason."""
        return self.result("n/a", where, "", "", vi, en)


RuleFn = Callable[[Context], RuleResult]


@dataclass(frozen=True)
class Problem:
    """One defect found while checking a rule, with where it is."""

    where: str
    found: str
    vi: str
    en: str


def fail_from(
    rule: Rule,
    problems: Sequence[Problem],
    expected: str,
    vi: str,
    en: str,
    status: Status = "error",
) -> RuleResult:
    """An ``error`` (or ``status``) summarising ``problems`` (the first three are listed)."""
    shown = problems[:3]
    more = len(problems) - len(shown)
    where = "; ".join(p.where for p in shown)
    found = "; ".join(p.found for p in shown)
    details_vi = "; ".join(dict.fromkeys(p.vi for p in problems if p.vi))
    details_en = "; ".join(dict.fromkeys(p.en for p in problems if p.en))
    if more:
        where += f" (và {more} chỗ khác / and {more} more)"
    vi_msg = f"{vi}: {details_vi}" if details_vi else vi
    en_msg = f"{en}: {details_en}" if details_en else en
    return rule.result(status, where, found, expected, vi_msg, en_msg)


def pt(size: float) -> str:
    """``13 pt`` / ``13.5 pt``."""
    return f"{size:g} pt"


def size_range(lo: float, hi: float) -> str:
    """``12–13 pt`` or ``13 pt``."""
    return pt(lo) if lo == hi else f"{lo:g}–{hi:g} pt"


def is_capitals(seg: Segment) -> bool:
    """True when the segment shows capital letters only (typed so, or ``w:caps``)."""
    return seg.props.caps or seg.text == seg.text.upper()


def letters(text: str) -> str:
    """The letters of ``text``."""
    return "".join(ch for ch in text if ch.isalpha())


def describe(segments: Iterable[Segment]) -> str:
    """Distinct formats among ``segments``, e.g. ``14 pt, đậm/bold, đứng/upright``."""
    seen: list[str] = []
    for seg in segments:
        parts = [pt(seg.props.size_pt), BOLD if seg.props.bold else NOT_BOLD]
        parts.append(ITALIC if seg.props.italic else UPRIGHT)
        if letters(seg.text):
            parts.append(CAPS if is_capitals(seg) else LOWER)
        text = ", ".join(parts)
        if text not in seen:
            seen.append(text)
    return " | ".join(seen) or "(trống/empty)"


def expect(
    sizes: tuple[float, float],
    bold: bool | None = None,
    italic: bool | None = False,
    capitals: bool | None = None,
) -> str:
    """The ``expected`` text for a format requirement."""
    parts = [size_range(*sizes)]
    if capitals is not None:
        parts.append(CAPS if capitals else LOWER)
    if bold is not None:
        parts.append(BOLD if bold else NOT_BOLD)
    if italic is not None:
        parts.append(ITALIC if italic else UPRIGHT)
    return ", ".join(parts)


def format_problems(
    lines: Sequence[Line],
    sizes: tuple[float, float],
    bold: bool | None = None,
    italic: bool | None = False,
    capitals: bool | None = None,
) -> list[Problem]:
    """Lines whose visible text breaks a size/weight/slant/case requirement."""
    problems: list[Problem] = []
    lo, hi = sizes
    for line in lines:
        vis = line.visible
        if not vis:
            continue
        vi: list[str] = []
        en: list[str] = []
        bad_sizes = sorted({s.props.size_pt for s in vis if not lo <= s.props.size_pt <= hi})
        if bad_sizes:
            got = ", ".join(pt(x) for x in bad_sizes)
            vi.append(f"cỡ chữ {got} (cần {size_range(lo, hi)})")
            en.append(f"size {got} (needs {size_range(lo, hi)})")
        if bold is True and not all(s.props.bold for s in vis):
            vi.append("chưa đậm")
            en.append("not bold")
        if bold is False and any(s.props.bold for s in vis):
            vi.append("không được in đậm")
            en.append("must not be bold")
        if italic is False and any(s.props.italic for s in vis):
            vi.append("phải là chữ đứng, không nghiêng")
            en.append("must be upright, not italic")
        if italic is True and not all(s.props.italic for s in vis):
            vi.append("phải là chữ nghiêng")
            en.append("must be italic")
        lettered = [s for s in vis if letters(s.text)]
        if capitals is True and not all(is_capitals(s) for s in lettered):
            vi.append("phải in hoa")
            en.append("must be in capitals")
        all_caps = bool(lettered) and all(is_capitals(s) for s in lettered)
        if capitals is False and all_caps and len(letters(line.text)) > 1:
            vi.append("phải in thường, không in hoa toàn bộ")
            en.append("must be in lower case, not all capitals")
        if vi:
            problems.append(Problem(line.where(), describe(vis), "; ".join(vi), "; ".join(en)))
    return problems


def blank_result(rule: Rule, lines: Sequence[Line], problems: Sequence[Problem]) -> RuleResult:
    """``blank`` for a placeholder, noting a format the text typed there would inherit."""
    where = "; ".join(ln.where() for ln in lines[:2])
    found = describe(s for ln in lines for s in ln.visible)
    if not problems:
        return rule.blank(where, found)
    return rule.blank(
        where,
        found,
        "mẫu còn để trống, chưa điền; lưu ý chỗ trống đang định dạng: "
        + "; ".join(p.vi for p in problems),
        "a template blank, not filled in yet; note the blank's format: "
        + "; ".join(p.en for p in problems),
    )
