"""Shared fixtures: a minimal valid campaign (see ``support.py``); hypothesis profiles.

``HYPOTHESIS_PROFILE=fuzz`` runs every property with 10,000 examples and no deadline
(the big fuzz, tests/test_fuzz*.py; see docs)::

    HYPOTHESIS_PROFILE=fuzz .venv/bin/pytest -q tests/test_fuzz.py tests/test_fuzz_inputs.py
"""

from __future__ import annotations

import copy
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from support import MINIMAL

settings.register_profile(
    "fuzz",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])


@pytest.fixture
def data() -> dict[str, Any]:
    """A fresh deep copy of a minimal valid campaign (edit it freely)."""
    return copy.deepcopy(MINIMAL)
