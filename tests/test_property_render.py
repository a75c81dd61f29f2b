"""Property: any text a clerk pastes either renders to a well-formed .docx or is rejected."""

from __future__ import annotations

import copy
import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from pydantic import ValidationError

from chithi_gen import Campaign, render_docx
from chithi_gen.api import compose_documents as compose
from support import MINIMAL

texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
    min_size=0,
    max_size=200,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trich_yeu=texts, para=texts, recipient=texts, name=texts)
def test_any_text_renders_or_is_rejected(
    trich_yeu: str, para: str, recipient: str, name: str
) -> None:
    data = copy.deepcopy(MINIMAL)
    data["trich_yeu"] = trich_yeu
    data["mo_dau"] = [para]
    data["noi_nhan"] = [recipient]
    data["nguoi_ky"]["ho_ten"] = name
    try:
        campaign = Campaign.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            assert err["loc"][0] in {"trich_yeu", "mo_dau", "noi_nhan", "nguoi_ky"}
        return
    (composed,) = compose(campaign)
    docx = render_docx(campaign)
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        xml = zf.read("word/document.xml")
    root = etree.fromstring(xml)
    # Title lines are broken with <w:br/>: compare without whitespace.
    text = "".join("".join(root.itertext()).split())
    assert "".join(composed.trich_yeu.split()) in text
    assert "".join(campaign.nguoi_ky.ho_ten.split()) in text
