"""The checker judges the generator's output independently: it never imports it.

Only the standard library and lxml may be imported by
``chithi_gen.check`` (and nothing of ``chithi_gen`` outside it); the metrics builder
alone uses fontTools, and nothing imports the builder.
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

import pytest

import chithi_gen.check

PACKAGE = Path(chithi_gen.check.__file__).resolve().parent
ALLOWED = {"lxml"}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level:
            out.append("." * node.level + (node.module or ""))
    return out


def test_only_stdlib_lxml_and_itself() -> None:
    sources = sorted(PACKAGE.rglob("*.py"))
    assert len(sources) > 10
    for path in sources:
        if path.name == "_build_metrics.py":
            continue
        for module in _imports(path):
            top = module.split(".")[0]
            if top == "chithi_gen":
                assert module.startswith("chithi_gen.check"), f"{path.name} imports {module}"
                assert "_build_metrics" not in module
            else:
                assert top in sys.stdlib_module_names or top in ALLOWED, (
                    f"{path.name} imports {module}"
                )


def test_metrics_table_is_shipped_with_its_builder() -> None:
    assert (PACKAGE / "tnr_metrics.json").is_file()
    assert "fontTools" in (PACKAGE / "_build_metrics.py").read_text(encoding="utf-8")


def test_metrics_table_is_up_to_date() -> None:
    pytest.importorskip("fontTools")
    from chithi_gen.check import _build_metrics

    if not all((_build_metrics.FONT_DIR / f).exists() for f in _build_metrics.FACES.values()):
        pytest.skip("Liberation Serif 2 fonts are not installed")
    shipped = json.loads((PACKAGE / "tnr_metrics.json").read_text(encoding="utf-8"))
    assert _build_metrics.build() == shipped
