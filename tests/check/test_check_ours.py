"""The project's own documents conform: every rule passes or does not apply."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_support import EXAMPLES, render

from chithi_gen.check import check_docx, format_table

EXAMPLE_FILES = sorted(p.name for p in Path(EXAMPLES).glob("*.yaml"))


def test_hà_quảng_2020_passes_every_rule(ours: bytes) -> None:
    report = check_docx(ours)
    assert report.ok, format_table(report)
    statuses = {r.rule_id: r.status for r in report.results}
    assert statuses["ND30-CHUQUAN-FORMAT"] == "n/a"  # no parent agency line
    assert statuses["ND30-KY-KT"] == "n/a"  # signed TM.
    assert set(statuses.values()) <= {"pass", "n/a"}, format_table(report)
    assert report.doc_type.name_vi == "Chỉ thị"


@pytest.mark.parametrize("example", EXAMPLE_FILES)
def test_every_example_passes(example: str) -> None:
    report = check_docx(render(example))
    assert report.ok, format_table(report)


def test_kt_signature_of_2021_passes() -> None:
    report = check_docx(render("chi-thi-ha-quang-2021.yaml"))
    result = report.get("ND30-KY-KT")
    assert result.status == "pass"
    assert "PHÓ CHỦ TỊCH" in result.found
