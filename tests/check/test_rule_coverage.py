"""The coverage table of docs/check.md ("Coverage compared with other projects' rule
packs") stays true: every rule id it names in the column "Ours" is a rule of
``chithi_gen.check.RULES`` (or the scope verdict), and a row naming none says why."""

from __future__ import annotations

import re
from pathlib import Path

from chithi_gen.check import RULES
from chithi_gen.check.rules import SCOPE

PAGE = Path(__file__).resolve().parents[2] / "docs" / "check.md"
HEADING = "## Coverage compared with other projects' rule packs"
_ID = re.compile(r"`(ND30-[A-Z0-9]+(?:-[A-Z0-9]+)*)`")


def _rows() -> list[list[str]]:
    """The cells of the section's table, header and separator left out."""
    text = PAGE.read_text(encoding="utf-8")
    assert HEADING in text
    section = text.split(HEADING, 1)[1].split("\n## ", 1)[0]
    lines = [ln for ln in section.splitlines() if ln.startswith("|")]
    assert len(lines) > 2, "the coverage section has no table"
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    assert header == ["Their rule", "Ours", "Note"]
    return [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in lines[2:]]


def test_every_rule_id_of_the_table_exists() -> None:
    known = {rule.rule_id for rule, _ in RULES} | {SCOPE.rule_id}
    named = {rid for _, ours, _ in _rows() for rid in _ID.findall(ours)}
    assert named, "the table names none of our rules"
    assert sorted(named - known) == []


def test_each_row_maps_or_says_why_not() -> None:
    for theirs, ours, note in _rows():
        assert theirs.split(" ", 1)[0] in {"Q", "T", "A"}, theirs
        if not _ID.search(ours):
            assert ours == "not covered", (theirs, ours)
            assert note, f"{theirs}: a rule not covered needs a reason"


def test_no_stray_rule_id_in_the_other_columns() -> None:
    """Our ids belong in "Ours" only, where the first test checks them."""
    for theirs, _, note in _rows():
        assert not _ID.search(theirs), theirs
        assert not _ID.search(note), note
