"""The bundled layout is exactly what ``templates/layouts/nd30/build.py`` builds (reproducible)."""

from __future__ import annotations

import importlib.util
import io
import zipfile

from support import ROOT, bundled_layout_bytes


def _build() -> bytes:
    spec = importlib.util.spec_from_file_location(
        "build_layout", ROOT / "templates" / "layouts" / "nd30" / "build.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data: bytes = module.build()
    return data


def test_build_is_reproducible_and_matches_committed_layout() -> None:
    first = _build()
    assert first == _build()
    committed = bundled_layout_bytes("nd30")
    if first != committed:
        with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(committed)) as b:
            differ = [n for n in a.namelist() if a.read(n) != b.read(n)]
        raise AssertionError(f"layout.docx is stale; run `make layout` (parts differ: {differ})")


def test_layout_declares_every_style_the_body_uses() -> None:
    from chithi_gen.render.contract import REQUIRED_STYLES

    with zipfile.ZipFile(io.BytesIO(bundled_layout_bytes("nd30"))) as zf:
        styles = zf.read("word/styles.xml").decode()
    for style_id in [*REQUIRED_STYLES, "SoTrang"]:
        assert f'w:styleId="{style_id}"' in styles
