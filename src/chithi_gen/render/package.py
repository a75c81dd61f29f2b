"""Reading and writing the zip package of a .docx, deterministically.

The same parts always give the same bytes: entries in a fixed order
(``[Content_Types].xml`` first, as Office writes it, then sorted names), a fixed
timestamp, fixed compression. Tests and users can compare outputs byte for byte.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

#: Timestamp written for every entry (the zip format's earliest date).
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
CONTENT_TYPES = "[Content_Types].xml"


def read_package(data: bytes) -> dict[str, bytes]:
    """All parts of a .docx, by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}


def write_package(parts: Mapping[str, bytes]) -> bytes:
    """A .docx zip of ``parts`` whose bytes depend on nothing but the parts."""
    names = sorted(parts, key=lambda n: (n != CONTENT_TYPES, n))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, parts[name], compresslevel=6)
    return buf.getvalue()
