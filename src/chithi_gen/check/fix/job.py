"""One fixing pass over a read document: what the fixes read and the changes they record.

Each kind of fix is a function of a ``Job``: it reads the document model, its located
components and the check made before fixing, edits the XML in place, and notes each
``Change`` with the part it touched (only touched parts are written again).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chithi_gen.check.fix.result import Change
from chithi_gen.check.locate.components import Components
from chithi_gen.check.model import Report, Status
from chithi_gen.check.read.document import DocModel


@dataclass
class Job:
    """A read document being fixed, the check before fixing, and the changes made."""

    model: DocModel
    parts: Components
    report: Report
    changes: list[Change] = field(default_factory=list)
    #: Names of the parts edited (written again by ``repack``).
    touched: set[str] = field(default_factory=set)

    def status(self, rule_id: str) -> Status | None:
        """The status of ``rule_id`` before fixing (None if the rule was not run)."""
        try:
            return self.report.get(rule_id).status
        except KeyError:
            return None

    def failing(self, rule_id: str) -> bool:
        """True when ``rule_id`` was an error before fixing."""
        return self.status(rule_id) == "error"

    def note(self, change: Change, part: str = "word/document.xml") -> None:
        """Record ``change``, made in ``part``."""
        self.changes.append(change)
        self.touched.add(part)
