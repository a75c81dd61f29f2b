"""Fuzzing helpers: example counts (10,000 under ``HYPOTHESIS_PROFILE=fuzz``) and a
time limit that fails instead of hanging."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from hypothesis import HealthCheck, settings

FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"


def examples(n: int) -> int:
    """``n`` examples normally, 10,000 under ``HYPOTHESIS_PROFILE=fuzz``."""
    return 10_000 if FUZZ else n


def fuzz_settings(n: int) -> Callable[[Any], Any]:
    """Hypothesis settings for a fuzz property: ``examples(n)``, no deadline."""
    return settings(
        max_examples=examples(n),
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
        ],
    )


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging) if the block runs longer than ``seconds``."""

    def boom(signum: int, frame: object) -> None:
        raise TimeoutError(f"took more than {seconds} s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
