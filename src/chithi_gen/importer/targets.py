"""Chỉ tiêu tables chithi renders (STT, Chỉ tiêu, Đơn vị tính, … Kế hoạch) read back as targets.

The table of ``chi_tieu_dang: bang`` (:func:`chithi_gen.compose.targets.bang_chi_tieu`)
has the columns STT, Chỉ tiêu, Đơn vị tính, Kế hoạch — or STT, Chỉ tiêu, Đơn vị tính,
Thực hiện năm trước, Kế hoạch, So sánh (%) — and prints numbers the Vietnamese way
("31.250", "28.500,5"); they are written back without the thousands separator, which
the campaign file refuses as ambiguous ("31250", "28500,5").
"""

from __future__ import annotations

import re
from typing import Any

from chithi_gen.importer.parts import Table

_PLAIN = ("stt", "chỉ tiêu", "đơn vị tính", "kế hoạch")
_COMPARE = ("stt", "chỉ tiêu", "đơn vị tính", "thực hiện năm trước", "kế hoạch", "so sánh (%)")
_NUMBER = re.compile(r"^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$")


def vi_number(text: str) -> int | str | None:
    """A number printed the Vietnamese way, as the campaign file writes it: ``31250``,
    ``"28500,5"``; None when ``text`` is not one."""
    text = text.replace(" ", "")
    if not _NUMBER.match(text):
        return None
    whole, _, decimals = text.replace(".", "").partition(",")
    return f"{whole},{decimals}" if decimals else int(whole)


def is_target_table(table: Table) -> bool:
    """Whether ``table`` is a chỉ tiêu table as chithi prints one."""
    rows = table.texts()
    if len(rows) < 2:
        return False
    header = tuple(cell.lower() for cell in rows[0])
    return header in (_PLAIN, _COMPARE) and all(len(r) == len(header) for r in rows)


def read_targets(table: Table) -> list[dict[str, Any]]:
    """The targets of a chỉ tiêu table (see :func:`is_target_table`)."""
    rows = table.texts()
    compare = len(rows[0]) == len(_COMPARE)
    out: list[dict[str, Any]] = []
    for row in rows[1:]:
        target: dict[str, Any] = {"ten": row[1]} if row[1] else {"van_ban": "…"}
        planned = row[4] if compare else row[3]
        value = vi_number(planned) if planned else None
        if value is not None and row[1]:
            target["gia_tri"] = value
        if row[2]:
            target["don_vi"] = row[2]
        before = vi_number(row[3]) if compare and row[3] else None
        if before is not None:
            target["nam_truoc"] = before
        out.append(target)
    return out
