"""Excel variation tables read exactly: merged cells, formulas and stale dimensions.

openpyxl (the optional extra ``chithi-gen[xlsx]``) reads the first sheet's values in
read-only mode, with the stored dimension ignored (a sheet saved with a stale ``A1``
dimension would otherwise read as empty). One streaming pass over the sheet's XML finds
what read-only mode cannot see:

* merged ranges: a range inside one column (``B3:B7``, a value shared by several rows)
  gives every row the merged value; a range across columns, or one that takes in the
  header row, is refused with the range named — a value typed once for two fields is
  almost always a layout mistake;
* formulas without a cached value (files written by scripts, never opened in Excel):
  read-only mode sees them as empty, so they are an error naming the cell;
* cells holding a formula error (``#REF!``, ``#DIV/0!``): an error naming the cell.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from chithi_gen.errors import CampaignError, Problem

#: Largest total of the declared sizes of the parts of an .xlsx, unpacked (bytes): a
#: "zip bomb" is refused before anything is decompressed.
MAX_UNPACKED = 500_000_000
#: Most parts in an .xlsx.
MAX_PARTS = 10_000
#: Excel's last row: a sheet claiming rows beyond it is broken.
MAX_SHEET_ROW = 1_048_576

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def _missing_extra() -> CampaignError:
    return CampaignError.single(
        "đọc bảng Excel (.xlsx) cần gói tùy chọn 'chithi-gen[xlsx]' (openpyxl): pip install"
        " 'chithi-gen[xlsx]'; hoặc lưu bảng dạng CSV UTF-8",
        "reading Excel (.xlsx) tables needs the optional extra 'chithi-gen[xlsx]' (openpyxl):"
        " pip install 'chithi-gen[xlsx]'; or save the table as CSV UTF-8",
        code="xlsx-extra-missing",
    )


def column_index(letters: str) -> int:
    """``A`` → 1, ``AB`` → 28."""
    n = 0
    for c in letters:
        n = n * 26 + ord(c) - 64
    return n


def column_letters(index: int) -> str:
    """1 → ``A``, 28 → ``AB``."""
    out = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _cell_ref(ref: str) -> tuple[int, int] | None:
    """``B3`` → (row 3, column 2)."""
    m = _REF.match(ref.upper())
    return (int(m.group(2)), column_index(m.group(1))) if m else None


@dataclass
class SheetFacts:
    """What the streaming pass found: merged ranges ((row, col) corners, and the text as
    written), cells with a formula but no cached value, cells holding an error value."""

    merged: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    uncached: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)


def _scan(src: IO[bytes]) -> SheetFacts:
    """One pass over a worksheet's XML, elements freed as they are read."""
    from lxml import etree

    facts = SheetFacts()
    row = 0
    col = 0
    parser = etree.iterparse(
        src, events=("start", "end"), resolve_entities=False, no_network=True, huge_tree=False
    )
    for event, el in parser:
        tag = el.tag
        if event == "start":
            if tag == f"{_NS}row":
                r = el.get("r")
                row = int(r) if r and r.isdigit() else row + 1
                col = 0
            elif tag == f"{_NS}c":
                where = _cell_ref(el.get("r") or "")
                col = where[1] if where else col + 1
            continue
        if tag == f"{_NS}c":
            ref = f"{column_letters(col)}{row}"
            formula = el.find(f"{_NS}f")
            value = el.find(f"{_NS}v")
            kind = el.get("t", "n")
            if formula is not None and (
                value is None or (not (value.text or "") and kind not in ("str", "inlineStr"))
            ):
                facts.uncached.append((ref, formula.text or ""))
            elif kind == "e":
                facts.errors.append((ref, value.text if value is not None and value.text else ""))
        elif tag == f"{_NS}mergeCell":
            text = el.get("ref") or ""
            a, _, b = text.partition(":")
            start, end = _cell_ref(a), _cell_ref(b or a)
            if start and end:
                facts.merged.append((text, start[0], start[1], end[0], end[1]))
        if tag in (f"{_NS}c", f"{_NS}row", f"{_NS}mergeCell"):
            el.clear()
            while el.getprevious() is not None:
                parent = el.getparent()
                if parent is None:
                    break
                del parent[0]
    return facts


def _check_zip(raw: bytes, source: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise CampaignError.single(
            f"không đọc được tệp Excel (.xlsx): tệp không phải .xlsx ({exc})",
            f"cannot read the Excel (.xlsx) file: not an .xlsx ({exc})",
            source,
            code="xlsx-unreadable",
        ) from None
    if len(infos) > MAX_PARTS or sum(i.file_size for i in infos) > MAX_UNPACKED:
        mb = MAX_UNPACKED // 1_000_000
        raise CampaignError.single(
            f"tệp Excel quá lớn khi giải nén (tối đa {mb} MB, {MAX_PARTS} phần)",
            f"the Excel file is too large unpacked (at most {mb} MB, {MAX_PARTS} parts)",
            source,
            code="xlsx-too-large",
        )


def _cell_problem(vi: str, en: str, ref: str) -> Problem:
    m = _REF.match(ref)
    line = int(m.group(2)) if m else None
    column = column_index(m.group(1)) if m else None
    return Problem(vi, en, line=line, column=column, code="xlsx-cell")


def _refuse_cells(facts: SheetFacts, source: str) -> None:
    problems = [
        _cell_problem(
            f"ô {ref} có công thức (={formula[:60]}) nhưng chưa có giá trị đã tính (tệp do"
            " chương trình tạo, chưa mở trong Excel); hãy mở và lưu lại tệp bằng Excel hoặc"
            " LibreOffice, hoặc ghi giá trị thay cho công thức",
            f"cell {ref} holds a formula (={formula[:60]}) with no computed value (written by"
            " a program, never opened in Excel); open and save the file in Excel or"
            " LibreOffice, or type the value instead of the formula",
            ref,
        )
        for ref, formula in facts.uncached
    ] + [
        _cell_problem(
            f"ô {ref} chứa lỗi công thức {value}; hãy sửa công thức hoặc ghi giá trị",
            f"cell {ref} holds a formula error {value}; fix the formula or type the value",
            ref,
        )
        for ref, value in facts.errors
    ]
    if problems:
        raise CampaignError(problems[:50], source)


def _rows(ws: Any, source: str) -> Iterator[list[Any]]:
    for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
        if n > MAX_SHEET_ROW:
            raise CampaignError.single(
                f"trang tính có dòng vượt quá dòng {MAX_SHEET_ROW} của Excel; tệp hỏng",
                f"the sheet has rows past Excel's last row {MAX_SHEET_ROW}; the file is broken",
                source,
                code="xlsx-unreadable",
            )
        yield list(row)


def _apply_merges(grid: list[list[Any]], facts: SheetFacts, source: str) -> None:
    """Fill vertical merges with their value; refuse the others, naming the range."""
    header = next((i for i, r in enumerate(grid, 1) if any(c not in (None, "") for c in r)), 0)
    problems: list[Problem] = []
    for text, r0, c0, r1, c1 in facts.merged:
        if r1 < r0 or c1 < c0 or (r0 == r1 and c0 == c1):
            continue
        if c1 > c0:
            problems.append(
                Problem(
                    f"ô gộp {text} trải trên nhiều cột; mỗi cột là một trường, hãy bỏ gộp ô"
                    " (Merge & Center) và ghi giá trị vào từng ô",
                    f"merged cells {text} span several columns; each column is one field,"
                    " unmerge them (Merge & Center) and type the value in each cell",
                    line=r0,
                    column=c0,
                    code="xlsx-merged",
                )
            )
            continue
        if r0 <= header <= r1:
            problems.append(
                Problem(
                    f"ô gộp {text} gồm cả dòng tiêu đề (dòng {header}); hãy bỏ gộp ô",
                    f"merged cells {text} take in the header row (row {header}); unmerge them",
                    line=r0,
                    column=c0,
                    code="xlsx-merged",
                )
            )
            continue
        if r0 > len(grid):
            continue
        top = grid[r0 - 1]
        value = top[c0 - 1] if c0 - 1 < len(top) else None
        for r in range(r0 + 1, min(r1, len(grid)) + 1):
            row = grid[r - 1]
            if len(row) < c0:
                row.extend([None] * (c0 - len(row)))
            row[c0 - 1] = value
    if problems:
        raise CampaignError(problems[:50], source)


def read_grid(raw: bytes, source: str, max_rows: int) -> list[list[Any]]:
    """The first sheet of the .xlsx ``raw`` as rows of cell values (row 1 first), merged
    ranges filled; :class:`CampaignError` for what cannot be read exactly."""
    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:
        raise _missing_extra() from None
    _check_zip(raw, source)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, InvalidFileException, KeyError…
        raise CampaignError.single(
            f"không đọc được tệp Excel (.xlsx): {exc}",
            f"cannot read the Excel (.xlsx) file: {exc}",
            source,
            code="xlsx-unreadable",
        ) from None
    try:
        if not wb.worksheets:
            raise CampaignError.single(
                "tệp Excel không có trang tính nào",
                "the Excel file has no worksheet",
                source,
                code="xlsx-unreadable",
            )
        ws = wb.worksheets[0]
        ws.reset_dimensions()  # the stored dimension may be stale ("A1")
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as zf, zf.open(ws._worksheet_path) as src:
                facts = _scan(src)
            grid: list[list[Any]] = []
            filled = 0
            for row in _rows(ws, source):
                grid.append(row)
                if any(c not in (None, "") for c in row):
                    filled += 1
                    if filled > max_rows + 1:
                        raise CampaignError.single(
                            f"bảng có quá nhiều dòng (tối đa {max_rows})",
                            f"the table has too many rows (at most {max_rows})",
                            source,
                            code="table-too-large",
                        )
        except CampaignError:
            raise
        except Exception as exc:  # malformed XML, bad zip member, broken styles …
            raise CampaignError.single(
                f"không đọc được tệp Excel (.xlsx): {type(exc).__name__}: {exc}",
                f"cannot read the Excel (.xlsx) file: {type(exc).__name__}: {exc}",
                source,
                code="xlsx-unreadable",
            ) from None
    finally:
        wb.close()
    _refuse_cells(facts, source)
    _apply_merges(grid, facts, source)
    return grid
