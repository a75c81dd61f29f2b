"""The bundled layouts are exactly what their ``build.py`` builds (reproducible): nd30, and
the Party layout ``dang``, which is built from the committed nd30 layout."""

from __future__ import annotations

import importlib.util
import io
import zipfile

from support import ROOT, bundled_layout_bytes


def _build(name: str = "nd30") -> bytes:
    spec = importlib.util.spec_from_file_location(
        f"build_layout_{name}", ROOT / "templates" / "layouts" / name / "build.py"
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


def test_party_layout_is_built_from_the_committed_nd30_layout() -> None:
    """``templates/layouts/dang/build.py`` reads the nd30 layout at build time, so a change
    to nd30 shows here until ``make layout`` rebuilds both."""
    first = _build("dang")
    assert first == _build("dang")
    committed = bundled_layout_bytes("dang")
    if first != committed:
        with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(committed)) as b:
            differ = [n for n in a.namelist() if n not in b.namelist() or a.read(n) != b.read(n)]
        raise AssertionError(f"dang/layout.docx is stale; run `make layout` ({differ})")


def test_layout_declares_every_style_the_body_uses() -> None:
    from chithi_gen.render.contract import REQUIRED_STYLES

    with zipfile.ZipFile(io.BytesIO(bundled_layout_bytes("nd30"))) as zf:
        styles = zf.read("word/styles.xml").decode()
    for style_id in [*REQUIRED_STYLES, "SoTrang"]:
        assert f'w:styleId="{style_id}"' in styles
