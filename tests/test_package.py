"""The .docx zip writer: the bytes zipfile writes, parts compressed once reused as they are,
and parts removed with everything that points at them."""

from __future__ import annotations

import io
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from chithi_gen.render.package import (
    CONTENT_TYPES,
    FIXED_DATE,
    PYTHON_DOCX_EXTRAS,
    deflate,
    read_package,
    without_parts,
    write_package,
)
from support import bundled_layout_bytes


def _zipfile_package(parts: dict[str, bytes]) -> bytes:
    """What the writer did before it wrote zips itself (zipfile, on Unix)."""
    names = sorted(parts, key=lambda n: (n != CONTENT_TYPES, n))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, parts[name], compresslevel=6)
    return buf.getvalue()


names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(names.filter(lambda n: not n.endswith("/")), st.binary(), max_size=6))
def test_same_bytes_as_zipfile(parts: dict[str, bytes]) -> None:
    ours = write_package(parts)
    assert ours == _zipfile_package(parts)
    assert read_package(ours) == parts
    assert write_package({n: deflate(b) for n, b in parts.items()}) == ours


def test_layout_parts_round_trip() -> None:
    parts = read_package(bundled_layout_bytes("nd30"))
    data = write_package(parts)
    assert data == _zipfile_package(parts)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None and zf.namelist()[0] == CONTENT_TYPES


def test_without_parts_removes_what_points_at_them() -> None:
    parts = {
        CONTENT_TYPES: b'<Types><Default Extension="jpeg" ContentType="image/jpeg"/>'
        b'<Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/word/document.xml" ContentType="d"/>'
        b'<Override PartName="/customXml/itemProps1.xml" ContentType="p"/></Types>',
        "_rels/.rels": b'<Relationships><Relationship Id="rId1" Type="t" '
        b'Target="word/document.xml"/><Relationship Id="rId2" Type="th" '
        b'Target="docProps/thumbnail.jpeg"/></Relationships>',
        "word/document.xml": b"<w:document/>",
        "word/_rels/document.xml.rels": b'<Relationships><Relationship Id="rId1" Type="c" '
        b'Target="../customXml/item1.xml"/><Relationship Id="rId2" Type="l" '
        b'Target="https://example.org/x.xml" TargetMode="External"/></Relationships>',
        "customXml/item1.xml": b"<b:Sources/>",
        "customXml/itemProps1.xml": b"<ds:datastoreItem/>",
        "customXml/_rels/item1.xml.rels": b"<Relationships/>",
        "docProps/thumbnail.jpeg": b"\xff\xd8",
    }
    kept = without_parts(parts, PYTHON_DOCX_EXTRAS)
    assert sorted(kept) == [CONTENT_TYPES, "_rels/.rels", "word/_rels/document.xml.rels",
                            "word/document.xml"]  # fmt: skip
    assert b"jpeg" not in kept[CONTENT_TYPES] and b"itemProps" not in kept[CONTENT_TYPES]
    assert b'Extension="xml"' in kept[CONTENT_TYPES] and b"document.xml" in kept[CONTENT_TYPES]
    assert b"thumbnail" not in kept["_rels/.rels"] and b"word/document.xml" in kept["_rels/.rels"]
    assert b"customXml" not in kept["word/_rels/document.xml.rels"]
    assert b"External" in kept["word/_rels/document.xml.rels"]


def test_the_bundled_layout_carries_none_of_python_docx_extras() -> None:
    parts = read_package(bundled_layout_bytes("nd30"))
    assert not set(PYTHON_DOCX_EXTRAS) & set(parts)
    every = b"".join(parts.values())
    assert b"stylesWithEffects" not in every and b"customXml/" not in every
