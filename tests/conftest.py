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

from problem_codes import SEEN_CODES, UNCODED
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


# -- every problem has a documented code --------------------------------------------


def _record_codes() -> None:
    """Wrap Problem's constructor to note each code (the problem table, docs/problems.md,
    must list every code the library gives)."""
    import traceback

    from chithi_gen.errors import Problem

    original = Problem.__init__

    def init(self: Problem, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        stack = traceback.extract_stack(limit=8)[:-1]
        if any(f.name == "replace" and f.filename.endswith("dataclasses.py") for f in stack):
            return  # a copy keeps the code of the problem it copies, checked when made
        # the first frame outside errors.py: only problems the library makes count
        # (tests and the examples' applications build their own)
        frame = next((f for f in reversed(stack) if not f.filename.endswith("errors.py")), None)
        if frame is None or "/src/chithi_gen/" not in frame.filename.replace("\\", "/"):
            return
        if self.code:
            SEEN_CODES.add(self.code)
        else:
            UNCODED.append(f"{frame.filename}:{frame.lineno}")

    Problem.__init__ = init  # type: ignore[method-assign]


_record_codes()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    from problem_codes import documented_codes, pydantic_codes

    documented = documented_codes()
    if documented is None:  # no docs/ here (a source distribution): nothing to hold to
        return
    unknown = sorted(SEEN_CODES - documented - pydantic_codes())
    uncoded = sorted(set(UNCODED))
    if os.environ.get("CHITHI_CODES_REPORT"):
        with open(os.environ["CHITHI_CODES_REPORT"], "w", encoding="utf-8") as fh:
            fh.write("\n".join(["SEEN", *sorted(SEEN_CODES), "UNCODED", *uncoded]) + "\n")
    if unknown or uncoded:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(
                f"Problems without a documented code (docs/problems.md): {unknown}; made without"
                f" a code at: {uncoded[:20]}",
                red=True,
            )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
