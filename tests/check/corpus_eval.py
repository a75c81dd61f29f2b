"""Measure the checker on its corpus: expectations met, precision and recall of errors.

``tests/data/check-corpus/expected.tsv`` lists, for every document, its type and its
expected findings; the rows with status ``error`` are all of the document's true
defects. An error the checker reports that the table does not list is a false alarm;
a listed error it does not report is a miss:

* precision = reported errors that are true / all reported errors;
* recall = true errors reported / all true errors.

Run from the repository root to print the figures (``docs/check.md`` quotes them; the
corpus test checks that the page is up to date)::

    .venv/bin/python tests/check/corpus_eval.py
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "check-corpus"
TABLE = CORPUS / "expected.tsv"
sys.path.insert(0, str(ROOT / "src"))

from chithi_gen.check import Report, check_docx  # noqa: E402


@dataclass(frozen=True)
class Row:
    """One expectation: ``rule`` ``*`` with status ``type`` gives the document's type."""

    document: str
    kind: str
    rule: str
    status: str
    note: str


@dataclass
class Measure:
    """Counts over the corpus."""

    documents: int = 0
    expectations: int = 0
    met: int = 0
    true_errors: int = 0
    reported: int = 0
    true_positive: int = 0
    false_alarms: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    unmet: list[str] = field(default_factory=list)
    by_group: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        """Share of reported errors that are true."""
        return self.true_positive / self.reported if self.reported else 1.0

    @property
    def recall(self) -> float:
        """Share of true errors reported."""
        return self.true_positive / self.true_errors if self.true_errors else 1.0


def read_table(path: Path = TABLE) -> dict[str, list[Row]]:
    """The expectations by document."""
    out: dict[str, list[Row]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            row = Row(rec["document"], rec["type"], rec["rule"], rec["status"], rec["note"])
            out[row.document].append(row)
    return dict(out)


def group_of(document: str) -> str:
    """The corpus folder of ``document`` (``mau``, ``hand`` …)."""
    parts = Path(document).parts
    if parts[0] == "..":
        return "mau" if "reference" in parts else "hand"
    return parts[0]


def check(document: str) -> Report:
    """The checker's report on a corpus document."""
    return check_docx(CORPUS / document)


def measure(table: dict[str, list[Row]] | None = None) -> Measure:
    """Run the checker over the corpus and compare."""
    table = read_table() if table is None else table
    m = Measure()
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for document, rows in sorted(table.items()):
        report = check(document)
        m.documents += 1
        expected_errors = {r.rule for r in rows if r.status == "error"}
        reported = {r.rule_id for r in report.errors}
        g = groups[group_of(document)]
        m.true_errors += len(expected_errors)
        m.reported += len(reported)
        m.true_positive += len(expected_errors & reported)
        g[0] += len(expected_errors & reported)
        g[1] += len(reported)
        g[2] += len(expected_errors)
        m.false_alarms += [f"{document}: {rule}" for rule in sorted(reported - expected_errors)]
        m.misses += [f"{document}: {rule}" for rule in sorted(expected_errors - reported)]
        for row in rows:
            m.expectations += 1
            if row.rule == "*":
                got = report.doc_type.kind
                ok = got == row.kind
            else:
                got = _status(report, row.rule)
                ok = got == row.status
            m.met += ok
            if not ok:
                want = row.kind if row.rule == "*" else row.status
                m.unmet.append(f"{document}: {row.rule} expected {want}, got {got}")
    m.by_group = {k: (v[0], v[1], v[2]) for k, v in groups.items()}
    return m


def _status(report: Report, rule: str) -> str:
    try:
        return report.get(rule).status
    except KeyError:
        return "absent"


def figures(m: Measure) -> str:
    """The Markdown table of figures ``docs/check.md`` quotes."""
    lines = [
        "| Corpus | Documents | Errors reported | True errors reported | True errors "
        "| Precision | Recall |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    table = read_table()
    counts: dict[str, int] = defaultdict(int)
    for document in table:
        counts[group_of(document)] += 1
    for group in sorted(m.by_group):
        tp, reported, true = m.by_group[group]
        p = f"{100 * tp / reported:.1f} %" if reported else "—"
        r = f"{100 * tp / true:.1f} %" if true else "—"
        lines.append(f"| {group} | {counts[group]} | {reported} | {tp} | {true} | {p} | {r} |")
    lines.append(
        f"| **all** | {m.documents} | {m.reported} | {m.true_positive} | {m.true_errors} "
        f"| {100 * m.precision:.1f} % | {100 * m.recall:.1f} % |"
    )
    lines.append("")
    lines.append(f"Expectations met: {m.met} / {m.expectations}.")
    return "\n".join(lines)


def main() -> int:
    """Print the figures, the false alarms, the misses and the unmet expectations."""
    m = measure()
    print(figures(m))
    for title, items in (
        ("False alarms", m.false_alarms),
        ("Misses", m.misses),
        ("Unmet", m.unmet),
    ):
        if items:
            print(f"\n{title}:")
            for item in items:
                print(f"  {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
