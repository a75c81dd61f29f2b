"""Variation tables are read exactly: what is read is what was written, or an error
that names the line, the cell or the range (issue 11, item 2)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chithi_gen.batch import read_variations
from chithi_gen.batch.tables import read_csv, read_xlsx
from chithi_gen.errors import CampaignError
from fuzzing import fuzz_settings


def _error(path: Path) -> CampaignError:
    with pytest.raises(CampaignError) as exc:
        read_variations(path)
    return exc.value


# ------------------------------------------------------------------------------- CSV


def test_unclosed_quote_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "xa.csv"
    path.write_text(
        'dia_danh,trich_yeu\nTrường Hà,"Về việc một\nQuý Quân,Về việc hai\nSóc Hà,ba\n',
        encoding="utf-8",
    )
    err = _error(path)
    [p] = err.problems
    assert p.line == 2 and p.code == "csv-quote"
    assert "dòng 2" in p.message_vi and "line 2" in p.message_en


def test_stray_quote_after_a_quoted_cell(tmp_path: Path) -> None:
    path = tmp_path / "xa.csv"
    path.write_text('dia_danh,so\nA,1\n"Trường" Hà,2\n', encoding="utf-8")
    [p] = _error(path).problems
    assert p.line == 3 and p.code == "csv-quote"


def test_a_quoted_cell_over_several_lines_is_one_cell(tmp_path: Path) -> None:
    path = tmp_path / "xa.csv"
    path.write_text('dia_danh,noi_nhan\nA,"Sở Nội vụ\nSở Tài chính"\nB,Sở Y tế\n', "utf-8")
    table = read_csv(path)
    assert [dict(r.values)["noi_nhan"] for r in table.rows] == [
        ["Sở Nội vụ", "Sở Tài chính"],
        ["Sở Y tế"],
    ]
    assert [r.row for r in table.rows] == [2, 3]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_is_sniffed_with_commas_in_the_text(tmp_path: Path, delimiter: str) -> None:
    rows = [
        ["dia_danh", "trich_yeu", "# ghi chú, nội bộ"],
        ["Trường Hà", "Về việc a, b, c", "x"],
        ["Quý Quân", "Về việc d; e", "y, z"],
    ]
    path = tmp_path / "xa.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    table = read_csv(path)
    assert [dict(r.values)["trich_yeu"] for r in table.rows] == [
        "Về việc a, b, c",
        "Về việc d; e",
    ]


def test_one_column_with_commas(tmp_path: Path) -> None:
    path = tmp_path / "xa.csv"
    path.write_text('trich_yeu\n"Về việc a, b"\nVề việc c\n', encoding="utf-8")
    assert [dict(r.values)["trich_yeu"] for r in read_csv(path).rows] == [
        "Về việc a, b",
        "Về việc c",
    ]


@pytest.mark.parametrize("text", ["dia_danh,so\n", "dia_danh,so\n,\n\n", "\ufeffdia_danh\n"])
def test_a_table_without_data_rows_is_reported(tmp_path: Path, text: str) -> None:
    path = tmp_path / "xa.csv"
    path.write_text(text, encoding="utf-8")
    [p] = _error(path).problems
    assert p.code == "table-empty" and "no data rows" in p.message_en


def test_an_empty_yaml_list_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "xa.yaml"
    path.write_text("[]\n", encoding="utf-8")
    assert _error(path).problems[0].code == "table-empty"


# ------------------------------------------------------------------------------ XLSX


def _xlsx(path: Path, rows: list[list[Any]], merge: str | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    if merge:
        ws.merge_cells(merge)
    wb.save(path)
    return path


def test_vertical_merge_gives_every_row_the_value(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "xa.xlsx",
        [["nguoi_ky.ho_ten", "dia_danh"], ["UBND xã A", "Một"], [None, "Hai"], [None, "Ba"]],
        "A2:A4",
    )
    table = read_xlsx(path)
    assert [dict(r.values)["nguoi_ky.ho_ten"] for r in table.rows] == ["UBND xã A"] * 3


@pytest.mark.parametrize("merge", ["A2:B2", "A1:A3", "B1:C1"])
def test_other_merges_are_refused_with_the_range(tmp_path: Path, merge: str) -> None:
    path = _xlsx(
        tmp_path / "xa.xlsx",
        [["dia_danh", "so", "trich_yeu"], ["Một", 1, "Về a"], ["Hai", 2, "Về b"]],
        merge,
    )
    problems = _error(path).problems
    assert [p.code for p in problems] == ["xlsx-merged"]
    assert merge in problems[0].message_vi and merge in problems[0].message_en


def test_formula_without_cached_value_names_the_cell(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "xa.xlsx", [["dia_danh", "so"], ["Một", "=2+3"]])
    [p] = _error(path).problems
    assert "B2" in p.message_vi and "B2" in p.message_en and "=2+3" in p.message_en
    assert p.line == 2 and p.column == 2


def _rewrite_sheet(path: Path, edit: Any) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(buf, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = edit(data)
            zout.writestr(info, data)
    path.write_bytes(buf.getvalue())


def test_formula_with_cached_value_reads_its_value(tmp_path: Path) -> None:
    # As Excel saves it: the formula and its computed value.
    path = _xlsx(tmp_path / "xa.xlsx", [["dia_danh", "so"], ["Một", "=2+3"]])
    _rewrite_sheet(path, lambda d: d.replace(b"<f>2+3</f><v></v>", b"<f>2+3</f><v>5</v>"))
    [row] = read_xlsx(path).rows
    assert dict(row.values)["so"] == 5


def test_formula_error_value_names_the_cell(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "xa.xlsx", [["dia_danh", "so"], ["Một", 5]])
    _rewrite_sheet(
        path,
        lambda d: d.replace(
            b'<c r="B2" t="n"><v>5</v></c>', b'<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
        ),
    )
    [p] = _error(path).problems
    assert "B2" in p.message_en and "#DIV/0!" in p.message_en


def test_stale_dimension_is_ignored(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "xa.xlsx", [["dia_danh", "so"], ["Một", 1], ["Hai", 2]])
    stale = b'<dimension ref="A1"/>'
    _rewrite_sheet(path, lambda d: re.sub(rb'<dimension ref="[^"]*"/>', stale, d))
    assert [dict(r.values) for r in read_xlsx(path).rows] == [
        {"dia_danh": "Một", "so": 1},
        {"dia_danh": "Hai", "so": 2},
    ]


def test_header_only_sheet_is_reported(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "xa.xlsx", [["dia_danh", "so"]])
    assert _error(path).problems[0].code == "table-empty"


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * 600_000_000)
    assert path.stat().st_size < 1_000_000
    assert _error(path).problems[0].code == "xlsx-too-large"


@pytest.mark.parametrize("data", [b"not a zip", b"PK\x03\x04broken", b""])
def test_not_an_xlsx(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "xa.xlsx"
    path.write_bytes(data)
    assert "xlsx" in _error(path).format().lower()


def test_missing_extra_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _xlsx(tmp_path / "xa.xlsx", [["dia_danh"], ["Một"]])
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    [p] = _error(path).problems
    assert p.code == "xlsx-extra-missing" and "chithi-gen[xlsx]" in p.message_en


# --------------------------------------------------------------- read = what was written

#: Columns of text fields (no list fields: their cells are split into lines).
COLUMNS = ["dia_danh", "trich_yeu", "nguoi_ky.chuc_vu", "nguoi_ky.ho_ten", "luu.don_vi"]
#: Characters a spreadsheet cell can hold (XML 1.0 forbids most controls).
cell_chars = st.characters(
    codec="utf-8",
    exclude_categories=("Cs", "Cc", "Zl", "Zp"),
    exclude_characters="\ufffe\uffff",
)
cell_text = st.one_of(
    st.text(alphabet=cell_chars, max_size=40),
    st.sampled_from(['"', '""', ",", ";", "\t", "a,b", 'x"y', "'", "=1+1", "Về việc; a, b"]),
)


def tables(values: st.SearchStrategy[Any]) -> st.SearchStrategy[tuple[list[str], list[list[Any]]]]:
    return st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=5, unique=True).flatmap(
        lambda cols: st.tuples(
            st.just(cols),
            st.lists(st.lists(values, min_size=len(cols), max_size=len(cols)), max_size=12),
        )
    )


def _expected(cols: list[str], rows: list[list[Any]]) -> list[dict[str, Any]]:
    """What reading gives back: cells stripped, empty ones left out, and a list field's
    cell as its lines (one item per line, as docs/batch.md says)."""
    from chithi_gen.batch.columns import is_list_field, parse_column

    out = []
    for row in rows:
        pairs = zip(cols, row, strict=True)
        cells = {c: (v.strip() if isinstance(v, str) else v) for c, v in pairs}
        cells = {c: v for c, v in cells.items() if v not in (None, "")}
        cells = {
            c: [x.strip() for x in v.splitlines() if x.strip()]
            if isinstance(v, str) and is_list_field(parse_column(c))
            else v
            for c, v in cells.items()
        }
        if cells:
            out.append(cells)
    return out


def _read(path: Path) -> list[dict[str, Any]] | None:
    try:
        return [dict(r.values) for r in read_variations(path).rows]
    except CampaignError as exc:
        assert exc.problems[0].code == "table-empty", exc.format()
        return None


@fuzz_settings(60)
@given(table=tables(cell_text), delimiter=st.sampled_from([",", ";", "\t"]), bom=st.booleans())
def test_csv_reads_what_was_written(
    tmp_path: Path, table: tuple[list[str], list[list[str]]], delimiter: str, bom: bool
) -> None:
    cols, rows = table
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows([cols, *rows])
    path = tmp_path / "t.csv"
    path.write_bytes((("\ufeff" if bom else "") + buf.getvalue()).encode("utf-8"))
    expected = _expected(cols, rows)
    assert _read(path) == (expected or None)


xlsx_values = st.one_of(
    cell_text.filter(lambda s: not s.startswith("=")),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.none(),
)


@fuzz_settings(60)
@given(table=tables(xlsx_values), merge_rows=st.integers(min_value=0, max_value=3))
def test_xlsx_reads_what_was_written(
    tmp_path: Path, table: tuple[list[str], list[list[Any]]], merge_rows: int
) -> None:
    cols, rows = table
    merge = None
    if merge_rows and len(rows) >= merge_rows + 1 and rows[0][0] not in (None, ""):
        # Merge the first column over the first rows: every one of them takes the value.
        merge = f"A2:A{2 + merge_rows}"
        for r in rows[1 : merge_rows + 1]:
            r[0] = rows[0][0]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(cols)
    for row in rows:
        ws.append(row)
    if merge:
        for r in range(3, 3 + merge_rows):
            ws.cell(r, 1).value = None
        ws.merge_cells(merge)
    path = tmp_path / "t.xlsx"
    wb.save(path)
    expected = _expected(cols, rows)
    assert _read(path) == (expected or None)
