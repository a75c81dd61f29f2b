"""Word compatibility as far as it can be checked here: every rendered document passes
an OOXML validator (openxml-audit, MIT) with no finding (issue 11, item 11)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chithi_gen import Campaign, Renderer, render_batch
from chithi_gen.render.package import read_package
from support import EXAMPLES, MINIMAL

openxml_audit = pytest.importorskip("openxml_audit")

CASES = [(p, None) for p in sorted(EXAMPLES.glob("*.yaml"))] + [
    (p, p.parent)
    for folder in ("mau-dang", "mau-don-vi")
    for p in sorted((EXAMPLES / folder).glob("*.yaml"))
    if p.name != "kinds.yaml"
]


def findings(docx: bytes, tmp_path: Path) -> list[str]:
    """Every finding of the validator on ``docx``."""
    path = tmp_path / "audit.docx"
    path.write_bytes(docx)
    result = openxml_audit.OpenXmlValidator().validate(path)
    found = [str(e) for e in result.errors]
    return found


def test_the_validator_finds_a_broken_document(tmp_path: Path) -> None:
    import io
    import zipfile

    docx = Renderer().render_docx(Campaign.model_validate(MINIMAL))
    parts = read_package(docx)
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:body>", b"<w:body><w:bogus/>", 1
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    assert findings(buf.getvalue(), tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize(("campaign", "folder"), CASES, ids=lambda x: getattr(x, "name", "-"))
def test_every_example_is_valid(campaign: Path, folder: Path | None, tmp_path: Path) -> None:
    renderer = Renderer([folder] if folder else [])
    docx = renderer.render(renderer.read(campaign)).docx
    assert findings(docx, tmp_path) == []


@pytest.mark.slow
def test_batch_outputs_are_valid(tmp_path: Path) -> None:
    report = render_batch(
        EXAMPLES / "chi-thi-ha-quang-2021.yaml",
        EXAMPLES / "batch" / "cac-xa.csv",
        tmp_path / "out",
        max_workers=1,
    )
    assert report.written and not report.failed
    for res in report.written:
        assert res.path is not None
        assert findings(res.path.read_bytes(), tmp_path) == [], res.path.name


#: Text a clerk may paste (see tests/test_fuzz.py for the full alphabet).
_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from("ăâđêôơưẠạẶặ\u0301\u0323\x0b\t<>&\"'*^[]_"),
    ),
    min_size=1,
    max_size=60,
)
_PATHS: list[tuple[str | int, ...]] = [
    ("trich_yeu",),
    ("dia_danh",),
    ("co_quan", "ten"),
    ("mo_dau", 0),
    ("noi_dung", 2),
    ("noi_dung", 0, "tieu_de"),
    ("nguoi_ky", "ho_ten"),
    ("noi_nhan", 0),
]


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(path=st.sampled_from(_PATHS), value=_text)
def test_a_sample_of_fuzz_outputs_is_valid(
    tmp_path: Path, path: tuple[str | int, ...], value: str
) -> None:
    data: dict[str, Any] = copy.deepcopy(MINIMAL)
    node: Any = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    try:
        campaign = Campaign.model_validate(data)
    except Exception:
        return  # refused with a message: nothing rendered
    assert findings(Renderer().render_docx(campaign), tmp_path) == []
