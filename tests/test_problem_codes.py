"""The problem table (docs/problems.md) and the code agree: every code it lists is one
the library can give, the command line's hints are keyed by listed codes, and the
table has each code once. (That every code a test run meets is listed, and that no
problem is made without a code, is checked over the whole run by conftest.py.)"""

from __future__ import annotations

import ast
import re
import typing

import pydantic_core.core_schema

from chithi_gen.cli.messages import FLAG_HINTS
from problem_codes import documented_codes
from support import ROOT

SRC = ROOT / "src" / "chithi_gen"
_CODE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def _literals() -> set[str]:
    """Every code-shaped string constant of the library (f-string prefixes included:
    ``f"legacy-encoding-{encoding}"`` gives ``legacy-encoding-``)."""
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def _documented() -> set[str]:
    codes = documented_codes()
    assert codes is not None
    return codes


def test_every_listed_code_can_be_given() -> None:
    pydantic_types = {
        t.replace("_", "-") for t in typing.get_args(pydantic_core.core_schema.ErrorType)
    }
    literals = _literals()
    prefixes = {s for s in literals if s.endswith("-") and _CODE.match(s[:-1])}
    dead = sorted(
        c
        for c in _documented()
        if c not in literals
        and c not in pydantic_types
        and not any(c.startswith(p) for p in prefixes)
    )
    assert dead == []


def test_each_code_is_listed_once() -> None:
    rows = re.findall(r"^\| `([^`]+)` \|", (ROOT / "docs" / "problems.md").read_text(), re.M)
    assert len(rows) == len(set(rows)) and len(rows) > 100


def test_command_line_hints_are_keyed_by_listed_codes() -> None:
    assert set(FLAG_HINTS) <= _documented()


def test_a_problem_without_a_code_is_noticed() -> None:
    """The run-wide check itself: a bare Problem made from library code is recorded."""
    import problem_codes
    from chithi_gen.errors import Problem

    before = len(problem_codes.UNCODED)
    code = compile("Problem('a', 'b')", str(SRC / "probe.py"), "exec")
    exec(code, {"Problem": Problem})  # a frame whose file is in src/chithi_gen
    assert len(problem_codes.UNCODED) == before + 1
    del problem_codes.UNCODED[before:]
