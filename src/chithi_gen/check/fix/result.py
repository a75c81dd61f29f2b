"""What a fixing pass reports: each ``Change``, the ``FixResult``, and their listing."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from chithi_gen.check.model import Report


@dataclass(frozen=True)
class Change:
    """One change made: the rule it serves, where, what it was, what it became."""

    rule_id: str
    where: str
    before: str
    after: str
    vi: str
    en: str

    def to_dict(self) -> dict[str, str]:
        """A JSON-ready mapping of the fields."""
        return asdict(self)


@dataclass
class FixResult:
    """The fixed document's bytes, the changes, and the checks before and after."""

    data: bytes
    changes: list[Change] = field(default_factory=list)
    before: Report | None = None
    after: Report | None = None

    @property
    def changed(self) -> bool:
        """True when anything was changed."""
        return bool(self.changes)


def format_changes(result: FixResult) -> str:
    """The list of changes, bilingual, with what the check says before and after."""
    lines = ["Sửa tự động theo Nghị định 30/2020/NĐ-CP / Automatic fixes (Decree 30/2020)"]
    if not result.changes:
        lines.append("Không có gì để sửa tự động / Nothing to fix automatically")
    for i, ch in enumerate(result.changes, start=1):
        lines.append(f"{i:>3}. [{ch.rule_id}] {ch.vi} / {ch.en}")
        lines.append(f"      Vị trí/Where: {ch.where}")
        lines.append(f"      Trước/Before: {ch.before}  →  Sau/After: {ch.after}")
    if result.before is not None and result.after is not None:
        b, a = len(result.before.errors), len(result.after.errors)
        lines.append(f"Lỗi/Errors: {b} → {a}")
        left = sorted(r.rule_id for r in result.after.errors)
        if left:
            lines.append("Còn lại, cần người soạn sửa / Left for the drafter: " + ", ".join(left))
    return "\n".join(lines) + "\n"
