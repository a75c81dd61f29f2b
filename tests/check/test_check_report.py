"""The report: stable rule ids citing clauses, a bilingual table, JSON."""

from __future__ import annotations

import json
import re

from check_support import MAU_1_4

from chithi_gen.check import RULES, Report, check_docx, format_table, to_json


def test_rule_ids_are_unique_and_cite_a_clause() -> None:
    ids = [rule.rule_id for rule, _ in RULES]
    assert len(ids) == len(set(ids))
    for rule, _ in RULES:
        assert re.fullmatch(r"ND30-[A-Z0-9]+(-[A-Z0-9]+)*", rule.rule_id)
        assert re.match(r"Phụ lục (I|II|III), ", rule.clause)
        assert rule.title_vi and rule.title_en


def test_results_follow_rule_order(ours: bytes) -> None:
    report = check_docx(ours)
    assert [r.rule_id for r in report.results] == [rule.rule_id for rule, _ in RULES]


def test_table_lists_every_rule_and_details_failures() -> None:
    report = check_docx(MAU_1_4)
    table = format_table(report)
    for rule, _ in RULES:
        assert rule.rule_id in table
    assert "KHÔNG ĐẠT / FAIL" in table
    assert "Vị trí/Where" in table and "Yêu cầu/Expected" in table
    assert re.search(r"\[LỖI +error *\] ND30-TRICHYEU-FORMAT", table)
    assert re.search(r"\[CẢNH BÁO warning *\] ND30-TIEUNGU-RULE", table)
    assert re.search(r"\[ĐẠT +pass *\] ND30-PAGE-A4", table)
    assert "Loại văn bản/Document type: Chỉ thị (Mẫu 1.4)" in table


def test_table_of_a_passing_document(ours: bytes) -> None:
    table = format_table(check_docx(ours))
    assert "Kết quả/Result: ĐẠT / PASS" in table
    assert "LỖI" not in table.split("\n", 3)[3]


def test_json_round_trip() -> None:
    report = check_docx(MAU_1_4)
    data = json.loads(to_json(report))
    assert data["ok"] is False
    assert data["counts"] == report.counts()
    first = data["results"][0]
    assert set(first) >= {
        "rule_id",
        "clause",
        "title_vi",
        "title_en",
        "status",
        "where",
        "found",
        "expected",
        "message",
        "message_vi",
        "message_en",
    }
    failed = [r for r in data["results"] if r["status"] == "error"]
    assert {r["rule_id"] for r in failed} == {r.rule_id for r in report.errors}
    assert data["document_type"]["kind"] == "co_ten_loai"
    assert data["in_scope"] is True
    assert "Tiêu ngữ" in to_json(report)  # Vietnamese is not escaped


def test_ok_ignores_everything_but_errors() -> None:
    report = Report("x")
    assert report.ok
    assert report.counts() == {
        "pass": 0,
        "error": 0,
        "warning": 0,
        "n/a": 0,
        "not-evaluated": 0,
        "blank": 0,
    }
    rule = RULES[0][0]
    for status in ("warning", "n/a", "not-evaluated", "blank"):
        report.results.append(rule.result(status))  # type: ignore[arg-type]
    assert report.ok
    report.results.append(rule.failed("", "", "", "", ""))
    assert not report.ok


def test_docs_list_every_rule() -> None:
    from check_support import ROOT

    page = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    for rule, _ in RULES:
        assert f"`{rule.rule_id}`" in page, rule.rule_id


def test_out_of_scope_has_one_verdict() -> None:
    from corpus_eval import CORPUS

    report = check_docx(CORPUS / "controls" / "dang-chi-thi.docx")
    assert [r.rule_id for r in report.results] == ["ND30-SCOPE"]
    assert report.ok and not report.doc_type.in_scope
    table = format_table(report)
    assert "OUT OF SCOPE" in table and "Quy định 399-QĐ/TW" in table
    data = json.loads(to_json(report))
    assert data["in_scope"] is False and data["document_type"]["kind"] == "party"
