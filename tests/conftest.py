"""Shared fixtures: a minimal valid campaign (see ``support.py``)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from support import MINIMAL


@pytest.fixture
def data() -> dict[str, Any]:
    """A fresh deep copy of a minimal valid campaign (edit it freely)."""
    return copy.deepcopy(MINIMAL)
