"""Results of a conformance check: one ``RuleResult`` per rule, gathered in a ``Report``.

Each rule of the checker has a stable id (``ND30-…``) and cites its clause of the
decree: Nghị định 30/2020/NĐ-CP (the decree on administrative paperwork), Phụ lục I
(Appendix I, "thể thức và kỹ thuật trình bày" — form and presentation) or Phụ lục III
(Appendix III, the sample layouts; Mẫu 1.4 is the layout of a document with a tên loại,
a document-type name such as "CHỈ THỊ").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

#: ``pass``: the rule holds; ``fail``: it does not (see ``where``/``found``);
#: ``n/a``: the rule does not apply to this document (e.g. no chủ quản line).
Status = Literal["pass", "fail", "n/a"]


@dataclass(frozen=True)
class RuleResult:
    """The verdict on one rule.

    ``where`` locates the problem (or what was checked), ``found`` is what the document
    has, ``expected`` what the decree asks. ``message_vi`` is the Vietnamese message
    and ``message_en`` its English translation.
    """

    rule_id: str
    clause: str
    title_vi: str
    title_en: str
    status: Status
    where: str = ""
    found: str = ""
    expected: str = ""
    message_vi: str = ""
    message_en: str = ""

    @property
    def message(self) -> str:
        """The message in Vietnamese with the English beside it."""
        if not self.message_vi:
            return self.message_en
        if not self.message_en:
            return self.message_vi
        return f"{self.message_vi} / {self.message_en}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping, with the combined ``message``."""
        data = asdict(self)
        data["message"] = self.message
        return data


@dataclass
class Report:
    """All results of checking one document, in rule order."""

    source: str
    results: list[RuleResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no rule failed (``n/a`` does not count as a failure)."""
        return not any(r.status == "fail" for r in self.results)

    @property
    def failures(self) -> list[RuleResult]:
        """The failed results, in rule order."""
        return [r for r in self.results if r.status == "fail"]

    def get(self, rule_id: str) -> RuleResult:
        """The result of the rule ``rule_id`` (KeyError if the rule was not run)."""
        for r in self.results:
            if r.rule_id == rule_id:
                return r
        raise KeyError(rule_id)

    def counts(self) -> dict[str, int]:
        """How many results have each status."""
        out = {"pass": 0, "fail": 0, "n/a": 0}
        for r in self.results:
            out[r.status] += 1
        return out
