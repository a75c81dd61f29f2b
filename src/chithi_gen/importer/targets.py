"""Chỉ tiêu tables read back as targets: chithi's own, and those a clerk typed.

The table of ``chi_tieu_dang: bang`` (:func:`chithi_gen.compose.targets.bang_chi_tieu`)
has the columns STT, Chỉ tiêu, Đơn vị tính, Kế hoạch — or STT, Chỉ tiêu, Đơn vị tính,
Thực hiện năm trước, Kế hoạch, So sánh (%). A typed table names them its own way ("TT",
"Nội dung", "ĐVT", "KH 2026", "Ước TH 2025"); each column is recognised by its heading,
and a table with a name and a planned value column is read the same way (chithi prints
it back with its own headings: noted). Numbers printed the Vietnamese way ("31.250",
"28.500,5") are written without the thousands separator, which the campaign file
refuses as ambiguous ("31250", "28500,5").
"""

from __future__ import annotations

import re
from typing import Any

from chithi_gen.importer.parts import Table
from chithi_gen.reference._chuan_hoa import khoa

_PLAIN = ("stt", "chỉ tiêu", "đơn vị tính", "kế hoạch")
_COMPARE = ("stt", "chỉ tiêu", "đơn vị tính", "thực hiện năm trước", "kế hoạch", "so sánh (%)")
_NUMBER = re.compile(r"^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$")
#: Column role -> heading keys (unaccented-insensitive, see ``khoa``) that name it, as
#: whole headings or their first words.
_ROLES: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "tt", "số tt", "số thứ tự"),
    "ten": ("chỉ tiêu", "tên chỉ tiêu", "nội dung", "nội dung chỉ tiêu", "các chỉ tiêu"),
    "don_vi": ("đơn vị tính", "đvt", "đơn vị"),
    "nam_truoc": ("thực hiện năm trước", "thực hiện", "ước thực hiện", "th", "ước th", "kết quả"),
    "gia_tri": ("kế hoạch", "kh", "chỉ tiêu năm", "mục tiêu", "kế hoạch năm"),
    "so_sanh": ("so sánh", "tỷ lệ", "tỉ lệ"),
}


def vi_number(text: str) -> int | str | None:
    """A number printed the Vietnamese way, as the campaign file writes it: ``31250``,
    ``"28500,5"``; None when ``text`` is not one."""
    text = text.replace(" ", "")
    if not _NUMBER.match(text):
        return None
    whole, _, decimals = text.replace(".", "").partition(",")
    return f"{whole},{decimals}" if decimals else int(whole)


def _role(heading: str) -> str | None:
    key = khoa(heading)
    for role, names in _ROLES.items():
        for name in names:
            k = khoa(name)
            if key == k or key.startswith(k + " "):
                return role
    return None


def columns(table: Table) -> dict[str, int] | None:
    """Each role's column in a chỉ tiêu table, or None when ``table`` is not one."""
    rows = table.texts()
    if len(rows) < 2 or any(len(r) != len(rows[0]) for r in rows):
        return None
    found: dict[str, int] = {}
    for i, heading in enumerate(rows[0]):
        role = _role(heading)
        if role is None or role in found:
            return None
        found[role] = i
    return found if "ten" in found and "gia_tri" in found else None


def is_chithi_table(table: Table) -> bool:
    """Whether ``table`` has exactly the headings chithi prints."""
    header = tuple(cell.lower() for cell in table.texts()[0])
    return header in (_PLAIN, _COMPARE)


def read_targets(table: Table, cols: dict[str, int]) -> tuple[list[dict[str, Any]], list[str]]:
    """The targets of a chỉ tiêu table (its columns ``cols``, see :func:`columns`) and
    the cells that are not numbers where a number stands (kept in ``ghi_chu``)."""
    out: list[dict[str, Any]] = []
    odd: list[str] = []
    for row in table.texts()[1:]:
        name = row[cols["ten"]]
        target: dict[str, Any] = {"ten": name} if name else {"van_ban": "…"}
        notes: list[str] = []
        for role in ("gia_tri", "nam_truoc"):
            cell = row[cols[role]] if role in cols else ""
            value = vi_number(cell) if cell else None
            if value is not None and (name or role != "gia_tri"):
                target[role] = value
            elif cell:
                notes.append(cell)
                odd.append(cell)
        if "don_vi" in cols and row[cols["don_vi"]]:
            target["don_vi"] = row[cols["don_vi"]]
        if notes:
            target["ghi_chu"] = f"({'; '.join(notes)})"
        out.append({k: target[k] for k in _ORDER if k in target})
    return out, odd


_ORDER = ("ten", "van_ban", "gia_tri", "don_vi", "ghi_chu", "nam_truoc")
