"""Writing the fixed package: the touched parts serialised again, the rest copied as is.

Each entry is written fresh (a deflated entry with the original's name and timestamp),
whatever flags and versions the original's zip directory held; every untouched part
keeps its bytes.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from chithi_gen.check.read.document import DocModel
from chithi_gen.check.read.package import inflate_part


def repack(model: DocModel, touched: set[str]) -> bytes:
    """The package with the ``touched`` parts re-serialised, the rest copied as is."""
    zf = model.package.zf
    touched = touched | {model.package.main_name}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in zf.infolist():
            if info.filename in touched:
                root = (
                    model.package.document
                    if info.filename == model.package.main_name
                    else model.package.part(info.filename)
                )
                assert root is not None
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            else:
                data = inflate_part(zf, info.filename)
            # A fresh entry: the original's flags and versions may be anything.
            entry = zipfile.ZipInfo(info.filename, _date_time(info.date_time))
            entry.external_attr = 0o644 << 16
            new.writestr(entry, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _date_time(value: tuple[int, int, int, int, int, int]) -> tuple[int, int, int, int, int, int]:
    """The entry's timestamp if a zip may hold it, else 1 January 1980."""
    year, month, day, hour, minute, second = value
    if 1980 <= year <= 2107 and 1 <= month <= 12 and 1 <= day <= 31 and hour < 24:
        return year, month, day, hour, min(minute, 59), min(second, 59)
    return (1980, 1, 1, 0, 0, 0)
