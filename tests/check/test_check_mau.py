"""The official Mẫu 1.4, filled in: only its genuine defects are reported.

The sample (Phụ lục III) draws its three rules with underscores set in superscript (a
warning: the decree's own samples do so), and formats its trích yếu placeholder not
bold, which the filled text inherits (an error); everything else conforms.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from check_support import MAU_1_4

from chithi_gen.check import check_docx

TYPED_RULES = {"ND30-TIEUNGU-RULE", "ND30-COQUAN-RULE", "ND30-TRICHYEU-RULE"}


def test_only_genuine_problems() -> None:
    report = check_docx(MAU_1_4)
    assert {r.rule_id for r in report.errors} == {"ND30-TRICHYEU-FORMAT"}
    assert {r.rule_id for r in report.warnings} == TYPED_RULES
    assert report.doc_type.mau == "Mẫu 1.4" and report.doc_type.name_vi == "Chỉ thị"


@pytest.mark.parametrize("rule_id", sorted(TYPED_RULES))
def test_underscore_rules_ask_for_a_real_line(rule_id: str) -> None:
    result = check_docx(MAU_1_4).get(rule_id)
    assert "____" in result.found
    assert "đường kẻ thật" in result.message_vi
    assert "draw a real line" in result.message_en


def test_summary_not_bold() -> None:
    result = check_docx(MAU_1_4).get("ND30-TRICHYEU-FORMAT")
    assert "not bold" in result.message_en
    assert "Về việc phát động" in result.where


def test_components_are_found_in_the_sample_layout() -> None:
    report = check_docx(MAU_1_4)
    assert report.get("ND30-CHUQUAN-FORMAT").status == "pass"  # UBND TỈNH CAO BẰNG
    assert "05/CT-UBND" in report.get("ND30-SOKYHIEU-TEXT").found
    assert report.get("ND30-KY-HOTEN").status == "pass"  # the sample's Heading 2 is bold
    assert report.get("ND30-PAGENUM-FIRST").status == "pass"


def test_fixture_is_rebuilt_identically() -> None:
    mau = pytest.importorskip("mau_1_4")

    def document(data: bytes) -> bytes:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return zf.read("word/document.xml")

    assert document(mau.build()) == document(MAU_1_4.read_bytes())
