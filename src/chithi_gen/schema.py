"""JSON Schema of the campaign file, for editors that autocomplete YAML.

VS Code (with the YAML extension) and other editors read a schema named on the first
line of a campaign file: ``# yaml-language-server: $schema=chithi-campaign.schema.json``.
Write it with ``chithi schema -o chithi-campaign.schema.json``.

The schema is the model's, plus what the source stage removes before validation: the
stable key ``id`` of a list item, and a line of text written ``{id: …, doan: …}`` so that
it can carry one (see :mod:`chithi_gen.source.merge`).
"""

from __future__ import annotations

from typing import Any

from chithi_gen.model import Campaign
from chithi_gen.source.merge import ID, TEXT

_ID_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "string", "minLength": 1}, {"type": "integer"}],
    "title": "Id",
    "description": "Khóa cố định của mục, để tệp kế thừa sửa theo khóa (stable key of the item)",
}
_KEYED_LINE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "DongCoKhoa",
    "description": "Một dòng văn bản có khóa: {id: …, doan: …} (a line of text with a key)",
    "properties": {ID: {"$ref": "#/$defs/Id"}, TEXT: {"type": "string"}},
    "required": [ID, TEXT],
    "additionalProperties": False,
}
_ID: dict[str, Any] = {"$ref": "#/$defs/Id"}
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


def campaign_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a campaign file."""
    schema = Campaign.model_json_schema(mode="validation")
    schema["title"] = "Tệp chiến dịch chithi_gen (chithi_gen campaign file)"
    found: set[str] = set()
    _item_defs(schema, found)
    for name in sorted(found):
        props = schema["$defs"].get(name, {}).get("properties")
        if isinstance(props, dict):
            props.setdefault(ID, _ID)
    schema["$defs"]["Id"] = _ID_SCHEMA
    schema["$defs"]["DongCoKhoa"] = _KEYED_LINE_SCHEMA
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
