"""Paths and document builders shared by the checker's tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MAU_1_4 = FIXTURES / "mau-1.4-filled.docx"


def render(example: str) -> bytes:
    """Our .docx for ``examples/<example>`` (the generator's public API)."""
    from chithi_gen import load_campaign, render_docx

    return render_docx(load_campaign(EXAMPLES / example))
