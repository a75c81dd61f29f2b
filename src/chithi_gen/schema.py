"""JSON Schema of the campaign file, for editors that autocomplete and check YAML.

VS Code (with the YAML extension) and other editors read a schema named on the first
line of a campaign file: ``# yaml-language-server: $schema=chithi-campaign.schema.json``.
Write it with ``chithi schema -o chithi-campaign.schema.json``; the same schema ships
inside the package (:func:`bundled_schema_text`). It is generated from the model, so
its descriptions are the model fields' own (Vietnamese, with English), plus what the
source stage removes before validation: the stable key ``id`` of a list item, and a
line of text written ``{id: …, doan: …}`` so that it can carry one
(:mod:`chithi_gen.source.merge`).

A file that extends another (``ke_thua``) writes only what changes, so for it no field
is required and mappings may be partial, and a list's items may edit the parent's by
key (``thay``, ``sua``, ``xoa``, ``chen_truoc``, ``chen_sau``). The schema says so with
``if``/``then``/``else``.
"""

from __future__ import annotations

import copy
import json
from importlib.resources import files
from typing import Any

from chithi_gen.model import Campaign
from chithi_gen.source.merge import EDITS, ID, TEXT

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
#: Where the schema ships inside the package.
RESOURCE = "data/campaign.schema.json"
_PARTIAL = "_KeThua"
_KE_THUA = {
    "type": "string",
    "description": "Tệp chiến dịch được kế thừa, đường dẫn tính từ thư mục của tệp này; chỉ"
    " ghi những gì thay đổi (the campaign file this one extends, relative to this file's"
    " folder; write only what changes)",
}


_ID_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "string", "minLength": 1}, {"type": "integer"}],
    "title": "Id",
    "description": "Khóa cố định của mục, để tệp kế thừa sửa theo khóa (stable key of the item)",
}
_KEYED_LINE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "DongCoKhoa",
    "description": "Một dòng văn bản có khóa: {id: …, doan: …} (a line of text with a key)",
    "properties": {
        ID: {"$ref": "#/$defs/Id", "description": "Khóa của dòng (the line's key)"},
        TEXT: {"type": "string", "description": "Nội dung của dòng (the line's text)"},
    },
    "required": [ID, TEXT],
    "additionalProperties": False,
}
_ID: dict[str, Any] = {
    "$ref": "#/$defs/Id",
    "description": "Khóa cố định của mục, để tệp kế thừa sửa theo khóa (stable key of the item,"
    " for ke_thua edits)",
}
_KEYED_LINE: dict[str, Any] = {"$ref": "#/$defs/DongCoKhoa"}


def _item_defs(node: Any, found: set[str]) -> None:
    """Names of the ``$defs`` used as list items, and string items given a keyed form."""
    if isinstance(node, dict):
        items = node.get("items")
        if isinstance(items, dict):
            _keyed(items, found)
        for value in node.values():
            _item_defs(value, found)
    elif isinstance(node, list):
        for value in node:
            _item_defs(value, found)


def _keyed(items: dict[str, Any], found: set[str]) -> None:
    choices = items.get("anyOf", [items])
    for choice in choices:
        ref = choice.get("$ref", "")
        if ref.startswith("#/$defs/"):
            found.add(ref.removeprefix("#/$defs/"))
    free_text = any(c.get("type") == "string" and "enum" not in c for c in choices)
    has_doan = any(c.get("$ref") == "#/$defs/Doan" for c in choices)
    if free_text and not has_doan and _KEYED_LINE not in choices:
        if "anyOf" in items:
            items["anyOf"].append(_KEYED_LINE)
        else:
            plain = dict(items)
            items.clear()
            items["anyOf"] = [plain, _KEYED_LINE]


_EDIT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "SuaTheoKhoa",
    "description": "Một mục sửa danh sách của tệp được kế thừa theo khóa: thay, sua, xoa,"
    " chen_truoc hoặc chen_sau kèm khóa (an item editing the parent's list by key)",
    "properties": {
        edit: {"$ref": "#/$defs/Id", "description": f"{vi} mục có khóa này ({en} the item)"}
        for edit, (vi, en) in EDITS.items()
    },
    "anyOf": [{"required": [edit]} for edit in EDITS],
}


def _refs_to_partial(node: Any) -> Any:
    """``node`` with references to object definitions pointed at their partial copies,
    except inside arrays (list items are written whole)."""
    if isinstance(node, dict):
        if node.get("type") == "array" and isinstance(node.get("items"), dict):
            return {**node, "items": {"anyOf": [node["items"], {"$ref": "#/$defs/SuaTheoKhoa"}]}}
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                out[key] = value + _PARTIAL
            else:
                out[key] = _refs_to_partial(value)
        return out
    if isinstance(node, list):
        return [_refs_to_partial(v) for v in node]
    return node


def _partial(definition: dict[str, Any]) -> dict[str, Any]:
    """An object definition with nothing required and partial mappings below it."""
    out = _refs_to_partial(copy.deepcopy(definition))
    out.pop("required", None)
    return dict(out)


def _tidy(node: Any) -> Any:
    """Descriptions on one line (attribute docstrings keep their line breaks)."""
    if isinstance(node, dict):
        return {
            k: " ".join(v.split()) if k == "description" and isinstance(v, str) else _tidy(v)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_tidy(v) for v in node]
    return node


def campaign_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a campaign file."""
    schema = _tidy(Campaign.model_json_schema(mode="validation"))
    found: set[str] = set()
    _item_defs(schema, found)
    for name in sorted(found):
        props = schema["$defs"].get(name, {}).get("properties")
        if isinstance(props, dict):
            props.setdefault(ID, _ID)
    defs: dict[str, Any] = schema.pop("$defs", {})
    schema["properties"]["ke_thua"] = _KE_THUA
    full = dict(schema)
    partial_defs = {name + _PARTIAL: _partial(d) for name, d in defs.items()}
    partial = _partial(full)
    partial["required"] = ["ke_thua"]
    full["properties"] = {k: v for k, v in full["properties"].items() if k != "ke_thua"}
    return {
        "$schema": SCHEMA_URI,
        "title": "Tệp chiến dịch chithi_gen (chithi_gen campaign file)",
        "description": full.pop("description", ""),
        "type": "object",
        "if": {"required": ["ke_thua"]},
        "then": {"$ref": "#/$defs/TepKeThua"},
        "else": {"$ref": "#/$defs/TepChienDich"},
        "$defs": {
            **defs,
            **partial_defs,
            "Id": _ID_SCHEMA,
            "DongCoKhoa": _KEYED_LINE_SCHEMA,
            "SuaTheoKhoa": _EDIT_SCHEMA,
            "TepChienDich": full,
            "TepKeThua": partial,
        },
    }


def schema_text() -> str:
    """The schema as the text of ``schema/campaign.schema.json`` (UTF-8, indented)."""
    return json.dumps(campaign_json_schema(), ensure_ascii=False, indent=2) + "\n"


def bundled_schema_text() -> str:
    """The schema file shipped inside the package (equal to :func:`schema_text`)."""
    return files("chithi_gen").joinpath(RESOURCE).read_text(encoding="utf-8")
