"""The corpus: every expectation of ``tests/data/check-corpus/expected.tsv`` holds.

The corpus holds the official samples split out of Phụ lục III (``scripts/split_mau.py``),
documents typed the way clerks type them (python-docx, and saved again by LibreOffice
Writer), deliberately broken copies and documents the decree does not govern
(``tests/check/corpus_build.py`` writes them). Precision and recall of the errors are
measured by ``corpus_eval`` and quoted in ``docs/check.md``.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from corpus_eval import CORPUS, ROOT, check, figures, measure, read_table
from test_check_breaks import OTHER_TYPES

TABLE = read_table()
CASES = [(doc, row) for doc, rows in sorted(TABLE.items()) for row in rows]


def test_the_corpus_is_in_the_repository() -> None:
    for document in TABLE:
        assert (CORPUS / document).is_file(), document
    groups = {Path(d).parts[0] for d in TABLE}
    assert {"mau", "hand", "libreoffice", "broken", "controls"} <= groups
    assert sum(1 for d in TABLE if d.startswith("mau/")) == 16


@pytest.mark.parametrize(("document", "row"), CASES, ids=[f"{d}:{r.rule}" for d, r in CASES])
def test_expectation(document: str, row: object) -> None:
    from corpus_eval import Row

    assert isinstance(row, Row)
    report = check(document)
    if row.rule == "*":
        assert report.doc_type.kind == row.kind, report.doc_type
        return
    result = report.get(row.rule)
    assert result.status == row.status, (row.note, result.where, result.found, result.message)


def test_every_error_of_a_document_is_listed() -> None:
    """A reported error the table does not list is a false alarm: there are none."""
    m = measure(TABLE)
    assert not m.false_alarms, m.false_alarms
    assert not m.misses, m.misses


def test_precision_and_recall_meet_the_bar() -> None:
    m = measure(TABLE)
    assert m.precision >= 0.95 and m.recall >= 0.90


def test_docs_quote_the_current_figures() -> None:
    page = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    assert figures(measure(TABLE)) in page, "run tests/check/corpus_eval.py, update docs/check.md"


def test_official_samples_have_no_error() -> None:
    for document in (d for d in TABLE if d.startswith("mau/")):
        report = check(document)
        assert report.ok, (document, [(r.rule_id, r.message) for r in report.errors])
        assert report.doc_type.in_scope


def test_rules_of_other_types_are_broken_in_the_corpus() -> None:
    broken = {row.rule for rows in TABLE.values() for row in rows if row.status == "error"}
    assert broken >= OTHER_TYPES


def test_samples_are_split_reproducibly() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("split_mau", ROOT / "scripts" / "split_mau.py")
    assert spec is not None and spec.loader is not None
    split_mau = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(split_mau)
    samples = split_mau.split(split_mau.SOURCE.read_bytes())
    assert len(samples) == 16
    for stem, data in samples.items():
        committed = (CORPUS / "mau" / f"{stem}.docx").read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as a, zipfile.ZipFile(io.BytesIO(committed)) as b:
            assert a.read("word/document.xml") == b.read("word/document.xml"), stem
