"""JSON Schema of the campaign file, for editors that autocomplete YAML.

VS Code (with the YAML extension) and other editors read a schema named on the first
line of a campaign file: ``# yaml-language-server: $schema=chithi-campaign.schema.json``.
Write it with ``chithi schema -o chithi-campaign.schema.json``.
"""

from __future__ import annotations

from typing import Any

from chithi_gen.model import Campaign


def campaign_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a campaign file."""
    schema = Campaign.model_json_schema(mode="validation")
    schema["title"] = "Tệp chiến dịch chithi_gen (chithi_gen campaign file)"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
