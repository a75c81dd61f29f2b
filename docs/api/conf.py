"""Sphinx configuration of the API reference (``make docs``; warnings are errors)."""

from __future__ import annotations

import sys
from importlib.metadata import version as _version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

project = "chithi_gen"
author = "the chithi_gen maintainers"
copyright = "2026, the chithi_gen maintainers"
release = _version("chithi-gen")
language = "en"

extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.viewcode"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
html_theme = "alabaster"
html_static_path: list[str] = []
exclude_patterns = ["_build"]
