"""Variation tables: CSV, XLSX or a YAML list read into rows of (column, value) pairs.

Each row is one document. An empty cell keeps the campaign's value; a column whose name
starts with ``#`` is a note; ``ten_tep`` names the output file. In a CSV/XLSX cell a
list field takes one item per line (Alt+Enter in Excel).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from chithi_gen.batch.columns import check_column, is_list_field, parse_column
from chithi_gen.batch.xlsx import read_grid
from chithi_gen.errors import CampaignError, Loc, Problem
from chithi_gen.source import parse_yaml, read_bytes, read_text

#: The column naming the output file.
TEN_TEP = "ten_tep"
#: Largest variation table read (bytes) and most rows.
MAX_TABLE_BYTES = 50_000_000
MAX_ROWS = 100_000


@dataclass(frozen=True)
class Variation:
    """One row of a variation table.

    ``row`` is the number a person sees: the spreadsheet row (the header is row 1) or
    the item number of a YAML list; ``line`` is the YAML line of the item. ``values``
    are (column, value) pairs in column order, empty cells left out.
    """

    row: int
    values: tuple[tuple[str, Any], ...]
    ten_tep: str | None = None
    line: int | None = None

    def value_of(self, loc: Loc) -> tuple[str, Any] | None:
        """The (column, value) of this row that sets the field at ``loc``, if any."""
        best: tuple[str, Any] | None = None
        best_len = -1
        for column, value in self.values:
            path = parse_column(column)
            n = len(path)
            if tuple(loc[:n]) == path and n > best_len:
                best, best_len = (column, value), n
        return best


@dataclass(frozen=True)
class VariationTable:
    """The rows of a variation file; ``source`` is its name for messages."""

    source: str
    columns: tuple[str, ...]
    rows: tuple[Variation, ...]
    yaml: bool = False


def _cell(value: Any) -> Any:
    """A spreadsheet cell as data: whole floats → int, midnight datetimes → date."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) else value
    if isinstance(value, str):
        return value.strip()
    return value


def _table_error(vi: str, en: str, source: str, *, code: str, **kw: Any) -> CampaignError:
    return CampaignError([Problem(vi, en, code=code, **kw)], source)


def _no_rows(source: str, line: int) -> CampaignError:
    return _table_error(
        "bảng biến thể không có dòng dữ liệu nào: không có văn bản nào để tạo; mỗi dòng"
        " dưới dòng tiêu đề là một văn bản",
        "the variation table has no data rows: there is no document to make; each row"
        " below the header row is one document",
        source,
        line=line,
        code="table-empty",
    )


def _from_grid(grid: Iterable[Sequence[Any]], source: str) -> VariationTable:
    """Header row + data rows (any cell types) → :class:`VariationTable`."""
    it = iter(grid)
    header: list[str] | None = None
    header_row = 0
    for header_row, raw in enumerate(it, start=1):  # noqa: B007
        cells = ["" if c is None else str(c).strip() for c in raw]
        if any(cells):
            header = cells
            break
    if header is None:
        raise _table_error(
            "bảng biến thể trống: cần một dòng tiêu đề (tên cột) và ít nhất một dòng dữ liệu",
            "the variation table is empty: it needs a header row and at least one data row",
            source,
            code="table-empty",
        )
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    for i, name in enumerate(header, start=1):
        if not name or name.startswith("#"):
            continue
        if name in seen:
            problems.append(
                Problem(
                    f"cột '{name}' có hai lần (cột {seen[name]} và cột {i})",
                    f"column '{name}' appears twice (columns {seen[name]} and {i})",
                    line=header_row,
                    code="column-twice",
                )
            )
        seen[name] = i
        if name != TEN_TEP:
            p = check_column(name)
            if p is not None:
                problems.append(replace(p, loc=(), line=header_row, column=i))
    if problems:
        raise CampaignError(problems, source)
    rows: list[Variation] = []
    for n, raw in enumerate(it, start=header_row + 1):
        cells = [_cell(c) for c in raw]
        if not any(c not in (None, "") for c in cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise _table_error(
                f"bảng có quá nhiều dòng (tối đa {MAX_ROWS})",
                f"the table has too many rows (at most {MAX_ROWS})",
                source,
                line=n,
                code="table-too-large",
            )
        values: list[tuple[str, Any]] = []
        ten_tep: str | None = None
        for i, value in enumerate(cells):
            if value in (None, ""):
                continue
            name = header[i] if i < len(header) else ""
            if not name:
                raise _table_error(
                    f"ô ở cột {i + 1} có dữ liệu nhưng cột không có tên ở dòng tiêu đề",
                    f"the cell in column {i + 1} has data but the column has no name in the"
                    " header row",
                    source,
                    line=n,
                    column=i + 1,
                    code="column-unnamed",
                )
            if name.startswith("#"):
                continue
            if name == TEN_TEP:
                ten_tep = str(value)
                continue
            if isinstance(value, str) and is_list_field(parse_column(name)):
                lines = [x.strip() for x in value.splitlines()]
                values.append((name, [x for x in lines if x]))
            else:
                values.append((name, value))
        rows.append(Variation(row=n, values=tuple(values), ten_tep=ten_tep))
    if not rows:
        raise _no_rows(source, header_row)
    return VariationTable(
        source, tuple(h for h in header if h and not h.startswith("#")), tuple(rows)
    )


#: Delimiters a CSV table may use (Excel writes ``,`` or, in Vietnamese locales, ``;``).
DELIMITERS = ",;\t|"
#: The "delimiter" of a one-column table: a control character no cell holds.
ONE_COLUMN = "\x1f"


def _delimiter(text: str) -> str:
    """The delimiter of a CSV table: the one candidate its header line holds, else what
    :class:`csv.Sniffer` finds consistent over the first lines. A header with none has
    one column: nothing splits its cells (``Về việc a, b`` stays one cell)."""
    lines = text.splitlines()
    header = next((line for line in lines if line.strip()), "")
    present = [d for d in DELIMITERS if d in header]
    if len(present) <= 1:
        return present[0] if present else ONE_COLUMN
    sample = "\n".join(lines[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(present)).delimiter
    except csv.Error:
        return present[0]


def _csv_records(text: str, delimiter: str, source: str) -> list[list[str]]:
    """Every record of a CSV text; a quote left open or a stray quote is an error naming
    the line where its record starts (strict parsing: nothing is swallowed silently)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[list[str]] = []
    start = 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return records
        except csv.Error as exc:
            if "end of data" in str(exc) or "unexpected end" in str(exc):
                vi = (
                    f"dấu ngoặc kép mở ở dòng {start} không được đóng: mọi dòng sau nó sẽ bị"
                    ' gộp vào một ô; hãy thêm dấu " đóng hoặc bỏ dấu " thừa'
                )
                en = (
                    f"the quote opened on line {start} is never closed: every line after it"
                    ' would be swallowed into one cell; add the closing " or remove the stray "'
                )
            else:
                vi = (
                    f"dòng {start}: dấu ngoặc kép đặt sai ({exc}); trong ô có dấu ngoặc kép"
                    ' hãy viết hai dấu "" và đặt cả ô trong "…"'
                )
                en = (
                    f"line {start}: misplaced quote ({exc}); inside a quoted cell write a"
                    ' quote as "" and quote the whole cell "…"'
                )
            raise CampaignError.single(vi, en, source, line=start, code="csv-quote") from None
        records.append(record)
        if len(records) > MAX_ROWS + 1:
            raise _table_error(
                f"bảng có quá nhiều dòng (tối đa {MAX_ROWS})",
                f"the table has too many rows (at most {MAX_ROWS})",
                source,
                line=start,
                code="table-too-large",
            )
        start = reader.line_num + 1


def read_csv(path: str | Path) -> VariationTable:
    """A CSV variation table: UTF-8 (a BOM, as Excel writes it, is fine); the delimiter
    (``,``, ``;``, tab or ``|``) is found by :func:`_delimiter`."""
    source = str(path)
    raw = read_bytes(Path(path), source, MAX_TABLE_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CampaignError.single(
            f"tệp CSV không phải mã UTF-8 (byte lỗi ở vị trí {exc.start}); trong Excel hãy"
            " lưu bằng 'CSV UTF-8 (Comma delimited)'",
            f"the CSV file is not UTF-8 (bad byte at offset {exc.start}); in Excel save it as"
            " 'CSV UTF-8 (Comma delimited)'",
            source,
            code="file-not-utf8",
        ) from None
    return _from_grid(_csv_records(text, _delimiter(text), source), source)


def read_xlsx(path: str | Path) -> VariationTable:
    """An Excel variation table: the first sheet, header in its first non-empty row,
    read exactly (:mod:`chithi_gen.batch.xlsx`; needs the extra ``chithi-gen[xlsx]``)."""
    source = str(path)
    raw = read_bytes(Path(path), source, MAX_TABLE_BYTES)
    return _from_grid(read_grid(raw, source, MAX_ROWS), source)


def read_yaml(path: str | Path) -> VariationTable:
    """A YAML variation list: one mapping per document (keys are field paths)."""
    source = str(path)
    data, tree = parse_yaml(read_text(Path(path), source, MAX_TABLE_BYTES), source)
    return table_from_records(data, source, tree)


def table_from_records(records: Any, source: str = "<bảng>", tree: Any = None) -> VariationTable:
    """A variation table from a list of mappings (keys are field paths or nested)."""
    if not isinstance(records, list):
        raise _table_error(
            "tệp biến thể YAML phải là một danh sách, mỗi mục (bắt đầu bằng '- ') là một văn bản",
            "a YAML variation file must be a list, one item (starting with '- ') per document",
            source,
            line=1,
            code="not-a-list",
        )
    if len(records) > MAX_ROWS:
        raise _table_error(
            f"quá nhiều mục (tối đa {MAX_ROWS})",
            f"too many items (at most {MAX_ROWS})",
            source,
            code="table-too-large",
        )
    rows: list[Variation] = []
    columns: dict[str, None] = {}
    problems: list[Problem] = []
    for i, rec in enumerate(records):
        line = tree.lc.item(i)[0] + 1 if tree is not None and hasattr(tree, "lc") else None
        if not isinstance(rec, dict):
            problems.append(
                Problem(
                    f"mục {i + 1} phải là một nhóm trường 'khóa: giá trị'",
                    f"item {i + 1} must be a mapping of 'key: value'",
                    line=line,
                    code="not-a-mapping",
                )
            )
            continue
        values: list[tuple[str, Any]] = []
        ten_tep: str | None = None
        for key, value in rec.items():
            key = str(key)
            if key.startswith("#"):
                continue
            if key == TEN_TEP:
                ten_tep = None if value is None else str(value)
                continue
            p = check_column(key)
            if p is not None:
                try:
                    kline: int | None = tree[i].lc.key(key)[0] + 1
                except Exception:
                    kline = line
                problems.append(replace(p, loc=(), line=kline))
                continue
            columns[key] = None
            values.append((key, value))
        rows.append(Variation(row=i + 1, values=tuple(values), ten_tep=ten_tep, line=line))
    if problems:
        raise CampaignError(problems, source)
    if not rows:
        raise _no_rows(source, 1)
    return VariationTable(source, tuple(columns), tuple(rows), yaml=True)


def read_variations(path: str | Path) -> VariationTable:
    """Read a variation table by its extension: .csv, .xlsx/.xlsm, .yaml/.yml/.json."""
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        return read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix in (".yaml", ".yml", ".json"):
        return read_yaml(path)
    raise CampaignError.single(
        f"không biết đọc tệp biến thể '{suffix}'; dùng .csv, .xlsx hoặc .yaml",
        f"unknown variation file type '{suffix}'; use .csv, .xlsx or .yaml",
        str(path),
        code="table-file-type",
    )
