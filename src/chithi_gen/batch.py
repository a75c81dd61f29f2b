"""Batch: one campaign, a table of variations, one document per row — in parallel.

>>> from concurrent.futures import ProcessPoolExecutor
>>> from chithi_gen.batch import render_batch
>>> with ProcessPoolExecutor() as pool:                                    # doctest: +SKIP
...     report = render_batch("chi-thi.yaml", "cac-xa.csv", "out/", executor=pool)
>>> print(report.summary())                                                # doctest: +SKIP

A *variation table* (CSV, XLSX or a YAML list) has one row per document. Each column
names a field of the campaign by its path, the way error messages write it:

* ``so``, ``dia_danh``, ``co_quan.ten``, ``nguoi_ky.ho_ten``, ``luu.don_vi`` — a field,
  with dots between levels;
* ``noi_nhan`` — a whole list; in a CSV/XLSX cell one item per line (Alt+Enter in
  Excel); ``noi_nhan[+]`` appends the cell's lines to the campaign's list instead;
  ``noi_nhan[2]`` replaces item 2 (numbered from 1, as in error messages);
* ``ten_tep`` — the output file name (``.docx`` is added when missing); without it the
  name is the row number and the first text of the row, e.g. ``003-xa-truong-ha.docx``;
* columns whose name starts with ``#`` are notes and are ignored.

An empty cell keeps the campaign's value. In a YAML table a row may also nest
mappings (``nguoi_ky: {ho_ten: ...}``), merged like ``ke_thua``; ``null`` removes a value.

Every row is validated on its own: a row with a bad value becomes an error naming the
row and the field, and the other rows go on. Documents are written atomically
(:func:`chithi_gen.api.write_atomic`) by the calling process as they arrive, so a batch
that stops half way leaves every finished document whole, and an existing file is never
overwritten unless ``force`` is given (per file: it is that row's error).

Work runs on any :class:`concurrent.futures.Executor`: a process pool on one machine, a
thread pool, or the executor of a distributed engine. The work function
(:func:`render_chunk`) and its argument (:class:`Chunk`) are picklable; each worker
process compiles a layout once and keeps it in a module-level cache
(:func:`worker_layout`).
"""

from __future__ import annotations

import concurrent.futures as cf
import csv
import datetime as dt
import difflib
import io
import math
import os
import re
import time
import types
import typing
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from chithi_gen.api import Renderer, write_atomic
from chithi_gen.compose import compose_all
from chithi_gen.errors import CampaignError, ChithiError, Loc, OutputError, Problem
from chithi_gen.inherit import Layer, Resolved, deep_merge, load_data, sourced_problems
from chithi_gen.kinds import DEFAULT_REGISTRY, Registry
from chithi_gen.layouts import bundled_layout_bytes
from chithi_gen.loader import parse_yaml, problems_from_validation, read_bytes
from chithi_gen.model import Campaign
from chithi_gen.render.docx import CompiledLayout

#: The column naming the output file.
TEN_TEP = "ten_tep"
#: Largest variation table read (bytes) and most rows.
MAX_TABLE_BYTES = 50_000_000
MAX_ROWS = 100_000
#: Longest output file name (bytes of UTF-8; most file systems allow 255).
MAX_NAME_BYTES = 200

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_PART = re.compile(rf"({_NAME})((?:\[(?:\d+|\+)\])*)")
_INDEX = re.compile(r"\[(\d+|\+)\]")

#: A path part that appends to a list (``noi_nhan[+]``).
APPEND = "+"

PathPart = str | int


# --------------------------------------------------------------------------- table


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


def parse_column(column: str) -> tuple[PathPart, ...]:
    """``nguoi_ky.ho_ten`` → ``("nguoi_ky", "ho_ten")``; ``noi_nhan[2]`` → ``("noi_nhan", 1)``.

    Raises :class:`ValueError` for a malformed name.
    """
    parts: list[PathPart] = []
    for piece in column.strip().split("."):
        m = _PART.fullmatch(piece)
        if not m:
            raise ValueError(column)
        parts.append(m.group(1))
        for idx in _INDEX.findall(m.group(2)):
            if idx == APPEND:
                parts.append(APPEND)
            elif int(idx) < 1:
                raise ValueError(column)
            else:
                parts.append(int(idx) - 1)
    if APPEND in parts[:-1]:
        raise ValueError(column)
    return tuple(parts)


def _unwrap(ann: Any) -> tuple[bool, type[BaseModel] | None, bool]:
    """(is a list, the single model inside or None, can be checked further)."""
    origin = typing.get_origin(ann)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(ann)[0])
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(ann) if a is not type(None)]
        if len(args) == 1:
            return _unwrap(args[0])
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        return False, None, not models
    if origin is list:
        (item,) = typing.get_args(ann) or (Any,)
        _, model, _ = _unwrap(item)
        return True, model, True
    if origin is dict:
        return False, None, False
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return False, ann, True
    return False, None, True


def check_column(column: str, model: type[BaseModel] = Campaign) -> Problem | None:
    """A problem if ``column`` names no field of ``model``; None if it does (or may)."""
    try:
        path = parse_column(column)
    except ValueError:
        return Problem(
            f"tên cột '{column}' không đúng dạng; viết đường dẫn trường như co_quan.ten,"
            " nguoi_ky.ho_ten, noi_nhan[2] hoặc noi_nhan[+]",
            f"column name '{column}' is malformed; write a field path such as co_quan.ten,"
            " nguoi_ky.ho_ten, noi_nhan[2] or noi_nhan[+]",
            loc=(column,),
        )
    current: type[BaseModel] | None = model
    done: list[str] = []
    for part in path:
        if not isinstance(part, str) or part == APPEND:
            continue
        if current is None:
            return None
        fields = current.model_fields
        if part not in fields:
            close = difflib.get_close_matches(part, list(fields), n=1, cutoff=0.6)
            where = ".".join(done)
            hint_vi = f"; có phải ý bạn là '{'.'.join([*done, close[0]])}'?" if close else ""
            hint_en = f"; did you mean '{'.'.join([*done, close[0]])}'?" if close else ""
            inside_vi = f" trong '{where}'" if where else ""
            inside_en = f" in '{where}'" if where else ""
            return Problem(
                f"cột '{column}': không có trường '{part}'{inside_vi} của tệp chiến dịch{hint_vi}",
                f"column '{column}': the campaign has no field '{part}'{inside_en}{hint_en}",
                loc=(column,),
            )
        done.append(part)
        _, current, checkable = _unwrap(fields[part].annotation)
        if not checkable:
            return None
    return None


def _is_list_field(path: tuple[PathPart, ...], model: type[BaseModel] = Campaign) -> bool:
    """Whether the field at ``path`` (names only) is a list in the model."""
    current: type[BaseModel] | None = model
    is_list = False
    for part in path:
        if part == APPEND:
            continue  # appending items: the cell's lines are the new items
        if isinstance(part, int):
            is_list = False
            continue
        if current is None or part not in current.model_fields:
            return False
        is_list, current, _ = _unwrap(current.model_fields[part].annotation)
    return is_list


def _cell(value: Any) -> Any:
    """A spreadsheet cell as data: whole floats → int, midnight datetimes → date."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) else value
    if isinstance(value, str):
        return value.strip()
    return value


def _table_error(vi: str, en: str, source: str, **kw: Any) -> CampaignError:
    return CampaignError([Problem(vi, en, **kw)], source)


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
                )
            )
        seen[name] = i
        if name != TEN_TEP:
            p = check_column(name)
            if p is not None:
                problems.append(
                    Problem(p.message_vi, p.message_en, loc=(), line=header_row, column=i)
                )
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
                )
            if name.startswith("#"):
                continue
            if name == TEN_TEP:
                ten_tep = str(value)
                continue
            if isinstance(value, str) and _is_list_field(parse_column(name)):
                lines = [x.strip() for x in value.splitlines()]
                values.append((name, [x for x in lines if x]))
            else:
                values.append((name, value))
        rows.append(Variation(row=n, values=tuple(values), ten_tep=ten_tep))
    return VariationTable(
        source, tuple(h for h in header if h and not h.startswith("#")), tuple(rows)
    )


def read_csv(path: str | Path) -> VariationTable:
    """A CSV variation table: UTF-8 (a BOM, as Excel writes it, is fine); the delimiter
    (``,``, ``;`` or tab) is taken from the header row."""
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
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first.count)
    try:
        grid = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise CampaignError.single(
            f"tệp CSV hỏng: {exc}", f"malformed CSV file: {exc}", source
        ) from None
    return _from_grid(grid, source)


def read_xlsx(path: str | Path) -> VariationTable:
    """An Excel variation table: the first sheet, header in its first non-empty row."""
    import openpyxl  # type: ignore[import-untyped]

    source = str(path)
    raw = read_bytes(Path(path), source, MAX_TABLE_BYTES)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, InvalidFileException, KeyError…
        raise CampaignError.single(
            f"không đọc được tệp Excel (.xlsx): {exc}",
            f"cannot read the Excel (.xlsx) file: {exc}",
            source,
        ) from None
    try:
        ws = wb.worksheets[0]
        return _from_grid(ws.iter_rows(values_only=True), source)
    finally:
        wb.close()


def read_yaml(path: str | Path) -> VariationTable:
    """A YAML variation list: one mapping per document (keys are field paths)."""
    source = str(path)
    raw = read_bytes(Path(path), source, MAX_TABLE_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CampaignError.single(
            f"tệp không phải mã UTF-8 (byte lỗi ở vị trí {exc.start})",
            f"the file is not UTF-8 (bad byte at offset {exc.start})",
            source,
        ) from None
    data, tree = parse_yaml(text, source)
    return table_from_records(data, source, tree)


def table_from_records(records: Any, source: str = "<bảng>", tree: Any = None) -> VariationTable:
    """A variation table from a list of mappings (keys are field paths or nested)."""
    if not isinstance(records, list):
        raise _table_error(
            "tệp biến thể YAML phải là một danh sách, mỗi mục (bắt đầu bằng '- ') là một văn bản",
            "a YAML variation file must be a list, one item (starting with '- ') per document",
            source,
            line=1,
        )
    if len(records) > MAX_ROWS:
        raise _table_error(
            f"quá nhiều mục (tối đa {MAX_ROWS})", f"too many items (at most {MAX_ROWS})", source
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
                problems.append(Problem(p.message_vi, p.message_en, line=kline))
                continue
            columns[key] = None
            values.append((key, value))
        rows.append(Variation(row=i + 1, values=tuple(values), ten_tep=ten_tep, line=line))
    if problems:
        raise CampaignError(problems, source)
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
    )


# --------------------------------------------------------------------------- apply


def _set(data: Any, path: tuple[PathPart, ...], value: Any, merge: bool) -> Any:
    """A copy of ``data`` with ``value`` at ``path``; only containers on the path are copied."""
    if not path:
        if merge and isinstance(data, dict) and isinstance(value, dict):
            return deep_merge(data, value)
        return value
    head, rest = path[0], path[1:]
    if isinstance(head, str) and head != APPEND:
        out = dict(data) if isinstance(data, dict) else {}
        if not rest and value is None:
            out.pop(head, None)
            return out
        out[head] = _set(out.get(head), rest, value, merge)
        return out
    items = list(data) if isinstance(data, list) else []
    if head == APPEND:
        items.extend(value if isinstance(value, list) else [value])
        return items
    assert isinstance(head, int)
    if head >= len(items):
        raise IndexError(head)
    items[head] = _set(items[head], rest, value, merge)
    return items


def apply_variation(base: Mapping[str, Any], variation: Variation) -> dict[str, Any]:
    """The campaign data of one row: ``base`` with the row's values set."""
    data: Any = dict(base)
    for column, value in variation.values:
        path = parse_column(column)
        try:
            data = _set(data, path, value, merge=True)
        except IndexError as exc:
            n = int(exc.args[0]) + 1
            raise CampaignError.single(
                f"cột '{column}': danh sách trong tệp chiến dịch không có mục {n}",
                f"column '{column}': the campaign's list has no item {n}",
                loc=tuple(p for p in path if p != APPEND),
            ) from None
    return dict(data)


# --------------------------------------------------------------------------- worker

_LAYOUTS: dict[str, CompiledLayout] = {}
_COMPILED = 0


def worker_layout(name: str) -> CompiledLayout:
    """The bundled layout ``name``, compiled once per process (module-level cache)."""
    global _COMPILED
    layout = _LAYOUTS.get(name)
    if layout is None:
        layout = CompiledLayout(bundled_layout_bytes(name), name=name, sandboxed=False)
        _LAYOUTS[name] = layout
        _COMPILED += 1
    return layout


def worker_stats() -> tuple[int, int]:
    """(process id, layouts compiled so far in this process) — for tests and tuning."""
    return os.getpid(), _COMPILED


@dataclass(frozen=True)
class Chunk:
    """Picklable work unit: the base campaign data and some rows."""

    base: Mapping[str, Any]
    rows: tuple[Variation, ...]
    registry: Registry | None = None
    template_dirs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """What a worker returns for one row: the .docx bytes or the problems (picklable)."""

    row: int
    data: bytes | None
    problems: tuple[Problem, ...] = ()


_RENDERERS: dict[tuple[str, ...], Renderer] = {}


def worker_renderer(template_dirs: tuple[str, ...]) -> Renderer:
    """A :class:`Renderer` for user template folders, made once per process."""
    renderer = _RENDERERS.get(template_dirs)
    if renderer is None:
        renderer = Renderer(template_dirs=template_dirs)
        _RENDERERS[template_dirs] = renderer
    return renderer


def render_row(
    base: Mapping[str, Any],
    row: Variation,
    registry: Registry | None,
    template_dirs: tuple[str, ...] = (),
) -> Outcome:
    """Apply, validate, compose and render one row; every failure becomes problems."""
    try:
        data = apply_variation(base, row)
        campaign = Campaign.model_validate(data)
        if template_dirs:
            renderer = worker_renderer(template_dirs)
            reg = registry or renderer.registry
            docs = compose_all(campaign, reg, renderer.snippets)
            layout = renderer.layout(reg.get_kind(campaign.loai).layout)
            return Outcome(row.row, layout.render(docs))
        reg = registry or DEFAULT_REGISTRY
        layout = worker_layout(reg.get_kind(campaign.loai).layout)
        return Outcome(row.row, Renderer(reg).render_docx(campaign, layout))
    except ValidationError as exc:
        return Outcome(row.row, None, tuple(problems_from_validation(exc)))
    except ChithiError as exc:
        return Outcome(row.row, None, exc.problems)
    except Exception as exc:  # a bug must not stop the other rows
        return Outcome(
            row.row,
            None,
            (
                Problem(
                    f"lỗi nội bộ của chithi_gen, xin báo lại: {type(exc).__name__}: {exc}",
                    f"internal error in chithi_gen, please report it: {type(exc).__name__}: {exc}",
                ),
            ),
        )


def render_chunk(chunk: Chunk) -> list[Outcome]:
    """The work function sent to executors: render every row of ``chunk``."""
    return [render_row(chunk.base, row, chunk.registry, chunk.template_dirs) for row in chunk.rows]


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)
class ItemResult:
    """The result of one row: the file written, or the problems that stopped it."""

    row: Variation
    ten_tep: str
    path: Path | None
    problems: tuple[Problem, ...] = ()
    table: str = ""
    yaml: bool = False
    #: The failure is about writing (file exists, no permission), not about the data.
    output_error: bool = False

    @property
    def ok(self) -> bool:
        """Whether the document was written."""
        return self.path is not None and not self.problems

    @property
    def where(self) -> str:
        """``cac-xa.csv, dòng 5 (row 5)`` or ``bien-the.yaml, mục 3 (item 3), dòng 12``."""
        r = self.row.row
        head = f"{self.table}, " if self.table else ""
        if self.yaml:
            line = f", dòng {self.row.line} (line {self.row.line})" if self.row.line else ""
            return f"{head}mục {r} (item {r}){line}"
        return f"{head}dòng {r} (row {r})"

    def messages(self) -> list[str]:
        """One line per problem: where, which field, the value, both languages."""
        out = []
        for p in self.problems:
            fld = ""
            if p.loc:
                fld = f"trường `{p.field_path}`"
                hit = self.row.value_of(p.loc)
                if hit is not None:
                    col, val = hit
                    shown = repr(val) if not isinstance(val, str) else f"'{_visible(val)}'"
                    if len(shown) > 80:
                        shown = shown[:77] + "…"
                    colname = f", cột `{col}`" if col != p.field_path else ""
                    fld += f"{colname} (giá trị / value {shown})"
                fld += ": "
            out.append(f"{self.where} → {self.ten_tep}: {fld}{p.message_vi} ({p.message_en})")
        return out


def _visible(text: str) -> str:
    """``text`` with invisible and control characters shown as ``\\u0007``."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


@dataclass
class BatchReport:
    """Every row's result, in row order, and the time taken."""

    campaign: str
    table: str
    outdir: Path
    results: list[ItemResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def written(self) -> list[ItemResult]:
        """Rows whose document was written."""
        return [r for r in self.results if r.ok]

    @property
    def failed(self) -> list[ItemResult]:
        """Rows with an error."""
        return [r for r in self.results if not r.ok]

    @property
    def only_output_errors(self) -> bool:
        """Whether every failure is about writing (file exists, no permission)."""
        return all(r.output_error for r in self.failed)

    def summary(self) -> str:
        """Bilingual summary line."""
        n, ok = len(self.results), len(self.written)
        bad = n - ok
        rate = f"{n / self.seconds:.1f}" if self.seconds > 0 else "-"
        line = (
            f"Đã tạo {ok}/{n} văn bản trong {self.outdir} ({self.seconds:.1f} giây);"
            f" {bad} lỗi / {ok} of {n} documents written to {self.outdir}"
            f" in {self.seconds:.1f} s ({rate}/s); {bad} error(s)"
        )
        return line

    def error_lines(self) -> list[str]:
        """Every problem of every failed row, one per line."""
        return [m for r in self.failed for m in r.messages()]


# --------------------------------------------------------------------------- names

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
        return name, Problem(bad[0], bad[1], loc=(TEN_TEP,))
    return name, None


# --------------------------------------------------------------------------- driver


def _base_of(campaign: str | Path | Mapping[str, Any]) -> Resolved:
    if isinstance(campaign, Mapping):
        return Resolved(dict(campaign), (Layer(None, None),))
    return load_data(campaign)


def _check_base(base: Resolved, table: VariationTable) -> None:
    """Stop before any work if the campaign itself is wrong where no column changes it."""
    if not isinstance(base.data, dict):
        raise CampaignError.single(
            "tệp chiến dịch phải là một nhóm trường 'khóa: giá trị'",
            "a campaign file must be a mapping of 'key: value'",
            base.source,
            line=1,
        )
    try:
        Campaign.model_validate(base.data)
    except ValidationError as exc:
        paths = [parse_column(c) for c in table.columns]
        for row in table.rows:
            paths.extend(parse_column(c) for c, _ in row.values)

        def covered(loc: Loc) -> bool:
            return any(
                tuple(loc[: len(p)]) == p or tuple(p[: len(loc)]) == tuple(loc) for p in paths
            )

        problems = [p for p in sourced_problems(exc, base) if not covered(p.loc)]
        if problems:
            raise CampaignError(problems, base.source) from None


def render_batch(
    campaign: str | Path | Mapping[str, Any],
    variations: str | Path | VariationTable | Sequence[Mapping[str, Any]],
    outdir: str | Path,
    *,
    executor: cf.Executor | None = None,
    max_workers: int | None = None,
    force: bool = False,
    registry: Registry = DEFAULT_REGISTRY,
    progress: Callable[[ItemResult], None] | None = None,
    chunk_size: int | None = None,
    template_dirs: Sequence[str | Path] = (),
) -> BatchReport:
    """Render one document per variation row into ``outdir``; never stops on a bad row.

    ``campaign`` is a campaign file (``ke_thua`` followed) or its data; ``variations``
    a .csv/.xlsx/.yaml file, a :class:`VariationTable` or a list of mappings.
    ``executor`` runs the work (any :class:`concurrent.futures.Executor`); without one,
    a :class:`~concurrent.futures.ProcessPoolExecutor` of ``max_workers`` processes
    (default: all cores) is made and shut down, or the rows run in this process when
    ``max_workers`` is 1. ``progress`` is called with each :class:`ItemResult` as it is
    known. ``template_dirs`` are user template folders (layouts, ``kinds.yaml``,
    snippets), as for :class:`~chithi_gen.Renderer`; each worker process reads them
    once. A campaign wrong in a field that no column changes, or an unreadable table,
    raises :class:`CampaignError` before anything is written.
    """
    start = time.perf_counter()
    base = _base_of(campaign)
    if isinstance(variations, VariationTable):
        table = variations
    elif isinstance(variations, str | Path):
        table = read_variations(variations)
    else:
        table = table_from_records(list(variations))
    _check_base(base, table)
    out = Path(outdir)
    report = BatchReport(base.source or "<dữ liệu>", table.source, out)
    results: dict[int, ItemResult] = {}

    def finish(res: ItemResult) -> None:
        results[res.row.row] = res
        if progress is not None:
            progress(res)

    # File names first: a bad or duplicate name, or an existing file, is that row's error.
    width = max(3, len(str(max((r.row for r in table.rows), default=0))))
    names: dict[int, str] = {}
    taken: dict[str, int] = {}
    todo: list[Variation] = []
    for row in table.rows:
        name, problem = check_name(row.ten_tep or default_name(row, width))
        if problem is not None:
            finish(ItemResult(row, name, None, (problem,), table.source, table.yaml))
            continue
        key = name.casefold()
        if key in taken:
            first = taken[key]
            problem = Problem(
                f"tên tệp '{name}' trùng với dòng {first}; mỗi dòng cần một tên tệp riêng",
                f"file name '{name}' is the same as row {first}'s; each row needs its own",
                loc=(TEN_TEP,),
            )
            finish(ItemResult(row, name, None, (problem,), table.source, table.yaml))
            continue
        taken[key] = row.row
        names[row.row] = name
        if not force and (out / name).exists():
            problem = Problem(
                f"tệp {out / name} đã có; dùng --force để ghi đè",
                f"file {out / name} exists; use --force to overwrite",
            )
            finish(ItemResult(row, name, None, (problem,), table.source, table.yaml, True))
            continue
        todo.append(row)

    by_row = {r.row: r for r in todo}
    dirs = tuple(str(d) for d in template_dirs)
    reg = None if registry is DEFAULT_REGISTRY else registry

    def deliver(outcome: Outcome) -> None:
        row = by_row[outcome.row]
        name = names[row.row]
        if outcome.data is None:
            finish(ItemResult(row, name, None, outcome.problems, table.source, table.yaml))
            return
        try:
            path = write_atomic(out / name, outcome.data, force=force)
        except OutputError as exc:
            finish(ItemResult(row, name, None, exc.problems, table.source, table.yaml, True))
            return
        finish(ItemResult(row, name, path, (), table.source, table.yaml))

    def lost(rows: Iterable[Variation], exc: BaseException) -> None:
        for row in rows:
            finish(
                ItemResult(
                    row,
                    names[row.row],
                    None,
                    (
                        Problem(
                            f"chưa tạo được: tiến trình xử lý bị lỗi ({type(exc).__name__}: {exc})",
                            f"not written: the worker failed ({type(exc).__name__}: {exc})",
                        ),
                    ),
                    table.source,
                    table.yaml,
                )
            )

    workers = max_workers or os.cpu_count() or 1
    if executor is None and (workers <= 1 or len(todo) <= 1):
        for row in todo:
            deliver(render_row(base.data, row, reg, dirs))
    else:
        size = chunk_size or max(1, min(32, math.ceil(len(todo) / (workers * 4))))
        chunks = [
            Chunk(base.data, tuple(todo[i : i + size]), reg, dirs)
            for i in range(0, len(todo), size)
        ]
        own = executor is None
        pool = executor or cf.ProcessPoolExecutor(max_workers=workers)
        futures: dict[Any, Chunk] = {}
        try:
            for chunk in chunks:
                futures[pool.submit(render_chunk, chunk)] = chunk
            concurrent = all(isinstance(f, cf.Future) for f in futures)
            ordered = cf.as_completed(futures) if concurrent else list(futures)
            for fut in ordered:
                try:
                    outcomes = fut.result()
                except Exception as exc:
                    lost(futures[fut].rows, exc)
                    continue
                for outcome in outcomes:
                    deliver(outcome)
        except BaseException:
            for fut in futures:
                fut.cancel()
            if own:
                pool.shutdown(wait=False, cancel_futures=True)
            raise
        if own:
            pool.shutdown()

    report.results = [results[r.row] for r in table.rows]
    report.seconds = time.perf_counter() - start
    return report


# --------------------------------------------------------------------------- command line


def run_cli(
    campaign: Path,
    variations: Path,
    outdir: Path,
    *,
    force: bool = False,
    jobs: int | None = None,
    template_dirs: Sequence[Path] = (),
) -> int:
    """``chithi batch``: progress bar on stderr, summary on stdout, errors on stderr.

    Returns the exit code: 0 when every row was written, 4 when the only failures are
    files that could not be written (already there without ``--force``), 2 otherwise.
    A campaign or table that cannot be used at all raises :class:`ChithiError`.
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    err = Console(stderr=True, highlight=False)
    out = Console(highlight=False, soft_wrap=True)
    table = read_variations(variations)
    done: list[ItemResult] = []
    progress = Progress(
        TextColumn("Đang tạo / rendering"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("lỗi / errors: {task.fields[bad]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=False,
    )
    with progress:
        task = progress.add_task("batch", total=len(table.rows), bad=0)

        def tick(res: ItemResult) -> None:
            done.append(res)
            bad = sum(1 for r in done if not r.ok)
            progress.update(task, advance=1, bad=bad)

        try:
            report = render_batch(
                campaign,
                table,
                outdir,
                max_workers=jobs,
                force=force,
                progress=tick,
                template_dirs=template_dirs,
            )
        except KeyboardInterrupt:
            progress.stop()
            ok = sum(1 for r in done if r.ok)
            err.print(
                f"Đã dừng giữa chừng: {ok} văn bản đã tạo vẫn nguyên vẹn trong {outdir};"
                f" {len(table.rows) - len(done)} dòng chưa làm"
                f" (stopped: {ok} documents already written are intact;"
                f" {len(table.rows) - len(done)} rows not done)"
            )
            raise
    for line in report.error_lines():
        err.print(line, markup=False, soft_wrap=True)
    out.print(report.summary(), markup=False)
    if not report.failed:
        return 0
    return 4 if report.only_output_errors else 2
