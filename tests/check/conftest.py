"""Fixtures of the checker's tests: the project's own document."""

from __future__ import annotations

import pytest
from check_support import render


@pytest.fixture(scope="session")
def ours() -> bytes:
    """The Hà Quảng 2020 Chỉ thị as rendered by this project."""
    return render("chi-thi-ha-quang-2020.yaml")
