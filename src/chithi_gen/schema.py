"""JSON Schema of the campaign file, for editors that autocomplete and check YAML.

VS Code (with the YAML extension) and other editors read a schema named on the first
line of a campaign file: ``# yaml-language-server: $schema=chithi-campaign.schema.json``.
Write it with ``chithi schema -o chithi-campaign.schema.json``; the same schema ships
inside the package (:func:`bundled_schema_text`). It is generated from the model, so
its descriptions are the model fields' own (Vietnamese, with English).

A file that extends another (``ke_thua``) writes only what changes, so for it no field
is required and mappings may be partial; lists are replaced wholesale, so their items
are complete. The schema says so with ``if``/``then``/``else``.
"""

from __future__ import annotations

import copy
import json
from importlib.resources import files
from typing import Any

from chithi_gen.model import Campaign

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


def _refs_to_partial(node: Any) -> Any:
    """``node`` with references to object definitions pointed at their partial copies,
    except inside arrays (list items are written whole)."""
    if isinstance(node, dict):
        if set(node) >= {"type"} and node.get("type") == "array":
            return node
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
        "$defs": {**defs, **partial_defs, "TepChienDich": full, "TepKeThua": partial},
    }


def schema_text() -> str:
    """The schema as the text of ``schema/campaign.schema.json`` (UTF-8, indented)."""
    return json.dumps(campaign_json_schema(), ensure_ascii=False, indent=2) + "\n"


def bundled_schema_text() -> str:
    """The schema file shipped inside the package (equal to :func:`schema_text`)."""
    return files("chithi_gen").joinpath(RESOURCE).read_text(encoding="utf-8")
