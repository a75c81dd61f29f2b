"""The problem codes documented in docs/problems.md (read by conftest.py and tests)."""

from __future__ import annotations

import re

from support import ROOT

#: Codes of the problems the library made while the tests run, and where an uncoded one
#: was made (filled by conftest.py; here, in a module of its own, so that a test can
#: reach them: pytest loads two files named conftest.py).
SEEN_CODES: set[str] = set()
UNCODED: list[str] = []

_ROW = re.compile(r"^\| `([a-z0-9]+(?:-[a-z0-9]+)*)` \|", re.M)


def documented_codes() -> set[str] | None:
    """Every code in the tables of docs/problems.md (None where the docs are not shipped,
    as in a source distribution)."""
    path = ROOT / "docs" / "problems.md"
    return set(_ROW.findall(path.read_text(encoding="utf-8"))) if path.exists() else None


def pydantic_codes() -> set[str]:
    """pydantic's error types as chithi_gen names them (kebab-case): documented as a
    family ("other pydantic error types keep pydantic's name"), since generated inputs
    may meet any of them."""
    import typing

    import pydantic_core.core_schema

    return {t.replace("_", "-") for t in typing.get_args(pydantic_core.core_schema.ErrorType)}
