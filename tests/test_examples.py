"""Every bundled example validates and renders; the full-feature example shows them all."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from chithi_gen import Renderer, load_campaign
from chithi_gen.compose.advice import recipient_warnings
from chithi_gen.document import Table
from support import EXAMPLES

CAMPAIGNS = sorted(p for p in EXAMPLES.glob("*.yaml") if not p.name.startswith("_"))


@pytest.mark.parametrize("path", CAMPAIGNS, ids=lambda p: p.name)
def test_example_renders(path: Path) -> None:
    campaign = load_campaign(path)
    data = Renderer().render_docx(campaign)
    assert Document(io.BytesIO(data)).paragraphs
    assert recipient_warnings(campaign) == []


def test_full_feature_example() -> None:
    campaign = load_campaign(EXAMPLES / "chuong-trinh-kem-quyet-dinh.yaml")
    qd, ct = Renderer().compose(campaign)
    assert qd.so_ky_hieu == "Số: 125/QĐ-UBND"
    assert ct.kem_theo.startswith("(Kèm theo Quyết định số 125/QĐ-UBND ngày 02 tháng 3 năm 2026")
    assert any(isinstance(b, Table) for b in ct.noi_dung)
    assert len(ct.footnotes) == 2
    docx = Renderer().render_docx(campaign)
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        notes = zf.read("word/footnotes.xml")
    assert b'<w:footnote w:id="1">' in notes and b'<w:footnote w:id="2">' in notes
