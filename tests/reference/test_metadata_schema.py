"""The Phụ lục VI metadata schema: a valid draft and a valid issued document pass, mistakes fail."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "schema" / "metadata.schema.json").read_text("utf-8")
)
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=FormatChecker())

ISSUED: dict[str, Any] = {
    "CodeNumber": "05",
    "CodeNotation": "CT-UBND",
    "IssuedDate": "2026-03-05",
    "OrganName": "Ủy ban nhân dân xã Trường Hà",
    "TypeName": "Chỉ thị",
    "Subject": "Về tăng cường công tác phòng, chống thiên tai năm 2026",
    "Language": "Tiếng Việt",
    "PageAmount": 3,
    "SignerInfo": {"Competence": "TM. ỦY BAN NHÂN DÂN", "Position": "CHỦ TỊCH", "FullName": "A"},
    "To": ["Ủy ban nhân dân tỉnh Cao Bằng", "Lưu: VT, VP"],
    "Priority": "Thường",
    "IssuedAmount": 30,
    "Generator": "chithi-gen 0.1.0",
}


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"].endswith("2020-12/schema")


def test_issued_document_and_draft_pass() -> None:
    VALIDATOR.validate(ISSUED)
    draft = copy.deepcopy(ISSUED)
    draft.update(CodeNumber=None, IssuedDate=None, PageAmount=None)
    VALIDATOR.validate(draft)
    party = copy.deepcopy(ISSUED)
    party.update(CodeNumber="12", CodeNotation="CT/ĐU", OrganName="Đảng ủy xã Trường Hà")
    party["SignerInfo"] = {"Competence": "T/M BAN THƯỜNG VỤ", "Position": "BÍ THƯ", "FullName": ""}
    VALIDATOR.validate(party)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("CodeNumber", 5),  # a number loses the leading zero
        ("CodeNumber", "5"),
        ("CodeNotation", "CT - UBND"),
        ("IssuedDate", "05/3/2026"),
        ("IssuedDate", "2026-02-30"),
        ("Priority", "khẩn"),
        ("PageAmount", 0),
        ("To", []),
        ("Subject", ""),
        ("Unknown", "x"),
    ],
)
def test_mistakes_fail(field: str, value: object) -> None:
    bad = copy.deepcopy(ISSUED)
    bad[field] = value
    assert list(VALIDATOR.iter_errors(bad)), (field, value)


def test_required_fields() -> None:
    for field in SCHEMA["required"]:
        bad = copy.deepcopy(ISSUED)
        del bad[field]
        assert list(VALIDATOR.iter_errors(bad)), field


def test_descriptions_are_bilingual() -> None:
    for name, prop in SCHEMA["properties"].items():
        text = prop["description"]
        assert any(ord(c) > 127 for c in text), name  # Vietnamese diacritics
        assert ". " in text, name  # Vietnamese sentence(s), then English
