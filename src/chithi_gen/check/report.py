"""Presenting a ``Report``: a readable bilingual table, or JSON."""

from __future__ import annotations

import json
import textwrap

from chithi_gen.check.model import Report, RuleResult

#: Status labels of the table: Vietnamese, then English.
STATUS_LABELS = {
    "pass": "ĐẠT      pass",
    "error": "LỖI      error",
    "warning": "CẢNH BÁO warning",
    "n/a": "KAD      n/a",
    "not-evaluated": "CHƯA ĐG  not evaluated",
    "blank": "CHƯA ĐIỀN blank",
}
#: What each status means, for the table's legend.
STATUS_MEANINGS = {
    "pass": ("đạt", "passed"),
    "error": ("lỗi (trái Nghị định)", "errors (the decree is broken)"),
    "warning": ("cảnh báo (quy ước, cách hiểu còn bàn)", "warnings (convention, debatable)"),
    "n/a": ("không áp dụng", "not applicable"),
    "not-evaluated": ("chưa đánh giá được", "not evaluated"),
    "blank": ("chưa điền (chỗ trống của mẫu)", "blank (a template blank)"),
}
_WIDTH = 100
_DETAILED = {"error", "warning", "not-evaluated", "blank"}


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
    status = STATUS_LABELS[r.status]
    head = f"[{status:<22}] {r.rule_id:<22} {r.clause:<26} {r.title_vi} / {r.title_en}"
    lines = [head]
    if r.status in _DETAILED:
        lines += _detail("Vị trí/Where", r.where)
        lines += _detail("Thực tế/Found", r.found)
        lines += _detail("Yêu cầu/Expected", r.expected)
        lines += _detail("→", r.message)
    elif r.message:
        lines += _detail("Ghi chú/Note", r.message)
    return lines


def format_table(report: Report) -> str:
    """The report as a bilingual text table, one rule a line, findings detailed."""
    counts = report.counts()
    verdict = "ĐẠT / PASS" if report.ok else "KHÔNG ĐẠT / FAIL"
    t = report.doc_type
    if not t.in_scope:
        verdict = "KHÔNG KIỂM TRA, NGOÀI PHẠM VI / NOT CHECKED, OUT OF SCOPE"
    summary = ", ".join(
        f"{counts[s]} {STATUS_MEANINGS[s][0]}/{STATUS_MEANINGS[s][1]}" for s in counts if counts[s]
    )
    out = [
        "Kiểm tra thể thức theo Nghị định 30/2020/NĐ-CP / ND30 conformance check",
        f"Tệp/File: {report.source}",
        f"Loại văn bản/Document type: {t.label}"
        + (f" — căn cứ/by: {t.evidence}" if t.evidence else ""),
    ]
    if not t.in_scope:
        out.append("Phạm vi/Scope: ngoài phạm vi Nghị định 30/2020/NĐ-CP / outside Decree 30/2020")
    out += [f"Kết quả/Result: {verdict} — {summary or '0'}", ""]
    for r in report.results:
        out += _row(r)
    return "\n".join(out) + "\n"


def to_json(report: Report) -> str:
    """The report as JSON (UTF-8 text, Vietnamese unescaped)."""
    data = {
        "source": report.source,
        "ok": report.ok,
        "document_type": report.doc_type.to_dict(),
        "in_scope": report.doc_type.in_scope,
        "counts": report.counts(),
        "results": [r.to_dict() for r in report.results],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
