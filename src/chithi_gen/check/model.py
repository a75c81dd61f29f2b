"""Results of a conformance check: one ``RuleResult`` per rule, gathered in a ``Report``.

Each rule of the checker has a stable id (``ND30-…``) and cites its clause of the
decree: Nghị định 30/2020/NĐ-CP (the decree on administrative paperwork), Phụ lục I
(Appendix I, "thể thức và kỹ thuật trình bày" — form and presentation), Phụ lục II
(capitalisation) or Phụ lục III (the abbreviation table and the sample layouts: Mẫu 1.4
is the layout of a document with a tên loại, a document-type name such as "CHỈ THỊ").

Every result has one of six statuses:

* ``pass`` — the rule holds;
* ``error`` — the decree is broken (only errors make ``Report.ok`` false);
* ``warning`` — a convention is not followed, or the reading is debatable (a rule
  typed as underscores, a first-line indent made with a tab);
* ``n/a`` — the rule does not apply to this document or its type;
* ``not-evaluated`` — the part the rule is about could not be found reliably;
* ``blank`` — the part is a template blank still to be filled ("……", "(1)", a draft's
  empty number): "chưa điền", not a failure.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["pass", "error", "warning", "n/a", "not-evaluated", "blank"]
STATUSES: tuple[Status, ...] = ("pass", "error", "warning", "n/a", "not-evaluated", "blank")


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


@dataclass(frozen=True)
class DocType:
    """What the checker found the document to be, and why.

    ``kind`` is a stable key (``quyet_dinh``, ``cong_van``, ``dang``, …); ``mau`` the
    sample layout of Phụ lục III it follows (``Mẫu 1.5``); ``in_scope`` is False for a
    document Nghị định 30/2020/NĐ-CP does not govern (a Party document, a legal
    normative document, a citizen's form, a product leaflet), which then gets one
    verdict instead of the rules.
    """

    kind: str
    name_vi: str
    name_en: str
    mau: str = ""
    in_scope: bool = True
    evidence: str = ""

    @property
    def label(self) -> str:
        """``Quyết định (Mẫu 1.2) / Decision``."""
        mau = f" ({self.mau})" if self.mau else ""
        return f"{self.name_vi}{mau} / {self.name_en}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return asdict(self)


UNKNOWN = DocType("unknown", "chưa xác định", "undetermined")


@dataclass
class Report:
    """All results of checking one document, in rule order."""

    source: str
    results: list[RuleResult] = field(default_factory=list)
    doc_type: DocType = UNKNOWN

    @property
    def ok(self) -> bool:
        """True when no rule has the status ``error`` (warnings and blanks do not count)."""
        return not any(r.status == "error" for r in self.results)

    @property
    def errors(self) -> list[RuleResult]:
        """The results with status ``error``, in rule order."""
        return [r for r in self.results if r.status == "error"]

    @property
    def failures(self) -> list[RuleResult]:
        """The errors (kept for callers of the first version: ``fail`` became ``error``)."""
        return self.errors

    @property
    def warnings(self) -> list[RuleResult]:
        """The results with status ``warning``, in rule order."""
        return [r for r in self.results if r.status == "warning"]

    def with_status(self, status: Status) -> list[RuleResult]:
        """The results with ``status``, in rule order."""
        return [r for r in self.results if r.status == status]

    def get(self, rule_id: str) -> RuleResult:
        """The result of the rule ``rule_id`` (KeyError if the rule was not run)."""
        for r in self.results:
            if r.rule_id == rule_id:
                return r
        raise KeyError(rule_id)

    def counts(self) -> dict[str, int]:
        """How many results have each status."""
        out: dict[str, int] = dict.fromkeys(STATUSES, 0)
        for r in self.results:
            out[r.status] += 1
        return out
