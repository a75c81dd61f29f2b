"""The JSON Schema tells the truth: every example validates as an editor reads it, every
property is described (Vietnamese with English), and the shipped copies are current."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

import chithi_gen
from chithi_gen.cli import main
from chithi_gen.schema import bundled_schema_text, campaign_json_schema, schema_text
from support import EXAMPLES, ROOT

#: Every campaign file among the examples (template folders' kinds and manifests aside).
CAMPAIGNS = sorted(
    p
    for p in EXAMPLES.rglob("*.yaml")
    if p.name not in ("kinds.yaml", "manifest.yaml") and "batch" not in p.parts
)


def _as_an_editor_reads(path: Path) -> Any:
    """YAML as the yaml-language-server gives it to the schema: dates stay strings."""
    yaml = YAML(typ="safe", pure=True)
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda self, node: self.construct_scalar(node)
    )
    return yaml.load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = campaign_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", CAMPAIGNS, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_every_example_validates(path: Path, validator: jsonschema.Validator) -> None:
    errors = [
        f"{list(e.path)}: {e.message[:200]}"
        for e in validator.iter_errors(_as_an_editor_reads(path))
    ]
    assert errors == []


def test_the_schema_refuses_what_the_model_refuses(validator: jsonschema.Validator) -> None:
    data = _as_an_editor_reads(EXAMPLES / "mau-chi-thi.yaml")
    assert not list(validator.iter_errors(data))
    for broken in (
        {**data, "noi_nhna": []},  # a misspelt key
        {k: v for k, v in data.items() if k != "co_quan"},  # a required field missing
        {**data, "so": "năm"},
        {**data, "nguoi_ky": {**data["nguoi_ky"], "tham_quyen": "XYZ"}},
    ):
        assert list(validator.iter_errors(broken)), broken


def test_a_child_file_may_be_partial(validator: jsonschema.Validator) -> None:
    child = {"ke_thua": "nam-truoc.yaml", "so": 3, "co_quan": {"ten": "Ủy ban nhân dân xã A"}}
    assert not list(validator.iter_errors(child))
    assert list(validator.iter_errors({**child, "so": "ba"}))
    assert list(validator.iter_errors({**child, "noi_nhna": []}))


def _properties(node: Any, path: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    if isinstance(node, dict):
        for key, value in (node.get("properties") or {}).items():
            out.append((f"{path}.{key}", value))
            out += _properties(value, f"{path}.{key}")
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                out += _properties(node[key], f"{path}[]")
        for key in ("anyOf", "oneOf", "allOf"):
            for sub in node.get(key) or []:
                out += _properties(sub, path)
    return out


def test_every_property_is_described_in_both_languages() -> None:
    schema = campaign_json_schema()
    props = [p for name, d in schema["$defs"].items() for p in _properties(d, name)]
    assert len(props) > 80
    undescribed = [path for path, p in props if not p.get("description")]
    assert undescribed == []
    # Vietnamese first, the English in parentheses.
    one_language = [path for path, p in props if "(" not in p["description"]]
    assert one_language == []


def test_the_shipped_copies_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    """``schema/campaign.schema.json`` (for editors, in the repository) and the copy inside
    the package equal what ``chithi schema`` prints; regenerate both if not:
    ``chithi schema -o schema/campaign.schema.json -f`` and the same to
    ``src/chithi_gen/data/campaign.schema.json``."""
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert printed == schema_text()
    assert (ROOT / "schema" / "campaign.schema.json").read_text(encoding="utf-8") == printed
    assert bundled_schema_text() == printed
    assert chithi_gen.campaign_json_schema() == json.loads(printed)
