"""Reading and writing the zip package of a .docx, deterministically.

The same parts always give the same bytes: entries in a fixed order
(``[Content_Types].xml`` first, as Office writes it, then sorted names), a fixed
timestamp, fixed compression (deflate level 6), Unix attributes whatever the platform.
Tests and users can compare outputs byte for byte.

A part that is the same in every document (styles, theme, fonts …) can be compressed
once (:func:`deflate`) and written as it is into any number of packages: the zip is
then built here rather than by :mod:`zipfile`, with the very bytes :mod:`zipfile` would
write on Unix (``tests/test_package.py`` compares the two).
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: Timestamp written for every entry (the zip format's earliest date).
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
CONTENT_TYPES = "[Content_Types].xml"
#: Deflate level of every entry.
LEVEL = 6

_DOS_TIME = FIXED_DATE[3] << 11 | FIXED_DATE[4] << 5 | FIXED_DATE[5] // 2
_DOS_DATE = (FIXED_DATE[0] - 1980) << 9 | FIXED_DATE[1] << 5 | FIXED_DATE[2]
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_ATTR = 0o644 << 16
#: Zip entry sizes above this need zip64, which a .docx part never does.
_LIMIT = (1 << 31) - 1


@dataclass(frozen=True)
class Deflated:
    """A part compressed once: its deflate stream, CRC-32 and size."""

    data: bytes
    crc: int
    size: int


def deflate(blob: bytes) -> Deflated:
    """``blob`` compressed as :func:`write_package` writes it."""
    comp = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return Deflated(comp.compress(blob) + comp.flush(), zlib.crc32(blob), len(blob))


def read_package(data: bytes) -> dict[str, bytes]:
    """All parts of a .docx, by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}


def order(names: Iterable[str]) -> list[str]:
    """Entry order: ``[Content_Types].xml`` first, then sorted names."""
    return sorted(names, key=lambda n: (n != CONTENT_TYPES, n))


def write_package(parts: Mapping[str, bytes | Deflated]) -> bytes:
    """A .docx zip of ``parts`` (raw, or compressed once by :func:`deflate`) whose bytes
    depend on nothing but the parts."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name in order(parts):
        part = parts[name]
        entry = part if isinstance(part, Deflated) else deflate(part)
        if entry.size > _LIMIT or len(entry.data) > _LIMIT:
            raise ValueError(f"part {name} is too large for a .docx")
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), 0x800
        sizes = (entry.crc, len(entry.data), entry.size, len(encoded))
        # version 2.0 to extract, deflated, fixed date; made by Unix, mode 644
        head = (flags, zipfile.ZIP_DEFLATED, _DOS_TIME, _DOS_DATE, *sizes)
        out += (_LOCAL.pack(b"PK\x03\x04", 20, 0, *head, 0), encoded, entry.data)
        central.append(_CENTRAL.pack(b"PK\x01\x02", 20, 3, 20, 0, *head, 0, 0, 0, 0, _ATTR, offset))
        central.append(encoded)
        offset += _LOCAL.size + len(encoded) + len(entry.data)
    directory = b"".join(central)
    count = len(central) // 2
    if offset > _LIMIT or count > 0xFFFF:
        raise ValueError("package too large for a .docx")
    end = _END.pack(b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0)
    return b"".join(out) + directory + end


_REL = re.compile(r'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*/>')
_OVERRIDE = re.compile(r'<Override\b[^>]*?\bPartName="/([^"]*)"[^>]*/>')
_DEFAULT = re.compile(r'<Default\b[^>]*?\bExtension="([^"]*)"[^>]*/>')


def _owner(rels: str) -> str:
    """The part a ``.rels`` part belongs to (``word/_rels/document.xml.rels`` →
    ``word/document.xml``; ``_rels/.rels`` → the package, ``""``)."""
    folder = posixpath.dirname(posixpath.dirname(rels))
    return posixpath.join(folder, posixpath.basename(rels)[: -len(".rels")]).rstrip("/")


def without_parts(parts: Mapping[str, bytes], names: Iterable[str]) -> dict[str, bytes]:
    """``parts`` without ``names`` and without what points at them: their own
    relationships, relationships targeting them, content type overrides, and a default
    content type no remaining part's extension uses."""
    gone = {n for n in names if n in parts}
    gone |= {n for n in parts if n.endswith(".rels") and _owner(n) in gone}
    kept = {n: b for n, b in parts.items() if n not in gone}
    for rels in [n for n in kept if n.endswith(".rels")]:
        base = posixpath.dirname(posixpath.dirname(rels))  # targets are relative to it

        def keep(m: re.Match[str], base: str = base) -> str:
            if 'TargetMode="External"' in m.group(0):
                return m.group(0)
            target = posixpath.normpath(posixpath.join(base, m.group(1))).lstrip("/")
            return "" if target in gone else m.group(0)

        kept[rels] = _REL.sub(keep, kept[rels].decode("utf-8")).encode("utf-8")
    if CONTENT_TYPES in kept:
        types = kept[CONTENT_TYPES].decode("utf-8")
        types = _OVERRIDE.sub(lambda m: "" if m.group(1) in gone else m.group(0), types)
        used = {posixpath.splitext(n)[1].lstrip(".").lower() for n in kept} | {"rels", "xml"}
        types = _DEFAULT.sub(lambda m: m.group(0) if m.group(1).lower() in used else "", types)
        kept[CONTENT_TYPES] = types.encode("utf-8")
    return kept


#: Parts python-docx's default template brings that a document does not need: the
#: legacy Word 2010 ``stylesWithEffects`` (an OOXML validator flags it), an empty
#: bibliography (custom XML) and a thumbnail of a blank page.
PYTHON_DOCX_EXTRAS = (
    "word/stylesWithEffects.xml",
    "customXml/item1.xml",
    "customXml/itemProps1.xml",
    "docProps/thumbnail.jpeg",
)
