"""Presenting a ``Report``: a readable bilingual table, or JSON."""

from __future__ import annotations

import json
import textwrap

from chithi_gen.check.model import Report, RuleResult

_STATUS = {"pass": "ĐẠT  pass", "fail": "LỖI  FAIL", "n/a": "KAD  n/a"}
_WIDTH = 100


def _detail(label: str, value: str) -> list[str]:
    if not value:
        return []
    return textwrap.wrap(
        value,
        _WIDTH,
        initial_indent=f"      {label}: ",
        subsequent_indent=" " * (8 + len(label)),
        break_long_words=False,
    )


def _row(r: RuleResult) -> list[str]:
    head = f"[{_STATUS[r.status]}] {r.rule_id:<22} {r.clause:<26} {r.title_vi} / {r.title_en}"
    lines = [head]
    if r.status == "fail":
        lines += _detail("Vị trí/Where", r.where)
        lines += _detail("Thực tế/Found", r.found)
        lines += _detail("Yêu cầu/Expected", r.expected)
        lines += _detail("→", r.message)
    elif r.message:
        lines += _detail("Ghi chú/Note", r.message)
    return lines


def format_table(report: Report) -> str:
    """The report as a bilingual text table, one rule a line, failures detailed."""
    counts = report.counts()
    verdict = "ĐẠT / PASS" if report.ok else "KHÔNG ĐẠT / FAIL"
    out = [
        "Kiểm tra thể thức theo Nghị định 30/2020/NĐ-CP / ND30 conformance check",
        f"Tệp/File: {report.source}",
        f"Kết quả/Result: {verdict} — {counts['pass']} đạt/passed, "
        f"{counts['fail']} lỗi/failed, {counts['n/a']} không áp dụng/not applicable (KAD)",
        "",
    ]
    for r in report.results:
        out += _row(r)
    return "\n".join(out) + "\n"


def to_json(report: Report) -> str:
    """The report as JSON (UTF-8 text, Vietnamese unescaped)."""
    data = {
        "source": report.source,
        "ok": report.ok,
        "counts": report.counts(),
        "results": [r.to_dict() for r in report.results],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
