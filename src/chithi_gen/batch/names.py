"""Output file names of a batch: the ``ten_tep`` column, or a default from the row."""

from __future__ import annotations

import re
import unicodedata

from chithi_gen.batch.tables import TEN_TEP, Variation
from chithi_gen.errors import Problem

#: Longest output file name (bytes of UTF-8; most file systems allow 255).
MAX_NAME_BYTES = 200

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10))} | {
    f"LPT{i}" for i in range(1, 10)
}


def slug(text: str, max_len: int = 60) -> str:
    """ASCII file-name slug: ``Xã Trường Hà`` → ``xa-truong-ha``."""
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^A-Za-z0-9]+", "-", ascii_).strip("-").lower()
    return out[:max_len].rstrip("-")


#: Columns whose text names a row best, in order of preference, for default file names.
_NAMING = ("dia_danh", "co_quan.ten", "co_quan.ten[1]", "nguoi_ky.ho_ten")
#: Columns never used for a default file name (numbers, codes).
_NOT_NAMING = {"so", "ngay", "nam", "ky_hieu", "loai", "danh_so", TEN_TEP}


def default_name(row: Variation, width: int) -> str:
    """``<row number>-<slug>.docx``: the slug of the row's ``dia_danh``, else of its
    ``co_quan.ten``, else of its first text (``005-truong-ha.docx``)."""
    values = dict(row.values)
    candidates = [values[c] for c in _NAMING if c in values]
    candidates += [v for c, v in row.values if c not in _NOT_NAMING]
    words = ""
    for value in candidates:
        first = value[-1] if isinstance(value, list) and value else value
        if isinstance(first, str) and re.search(r"[^\W\d_]", first):
            words = slug(first)
            if words:
                break
    stem = f"{row.row:0{width}d}" + (f"-{words}" if words else "")
    return stem + ".docx"


def check_name(name: str) -> tuple[str, Problem | None]:
    """The file name to write (``.docx`` added, NFC) and a problem if it is unsafe."""
    name = unicodedata.normalize("NFC", name.strip())
    if name and not name.lower().endswith(".docx"):
        name += ".docx"
    stem = name[: -len(".docx")]
    bad: tuple[str, str] | None = None
    if not stem.strip(" ."):
        bad = ("tên tệp trống", "the file name is empty")
    elif _UNSAFE.search(name):
        ch = _UNSAFE.search(name)
        assert ch is not None
        bad = (
            f'tên tệp có ký tự không được dùng {ch.group()!r} (không dùng / \\ : * ? " < > |)',
            f'the file name contains a forbidden character {ch.group()!r} (no / \\ : * ? " < > |)',
        )
    elif name.startswith("."):
        bad = ("tên tệp không được bắt đầu bằng dấu chấm", "the file name must not start with '.'")
    elif stem.split(".")[0].upper() in _WINDOWS_RESERVED:
        bad = (f"tên tệp '{stem}' bị Windows cấm", f"the file name '{stem}' is reserved on Windows")
    elif len(name.encode("utf-8")) > MAX_NAME_BYTES:
        bad = (
            f"tên tệp quá dài (tối đa {MAX_NAME_BYTES} byte)",
            f"the file name is too long (at most {MAX_NAME_BYTES} bytes)",
        )
    if bad:
        return name, Problem(bad[0], bad[1], loc=(TEN_TEP,), code="file-name-invalid")
    return name, None
