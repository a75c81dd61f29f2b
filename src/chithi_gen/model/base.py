"""The base class of every model: unknown keys are errors, never silently ignored."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Strict pydantic model: a typo such as ``noi_nhna`` is reported, not dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, frozen=True)
