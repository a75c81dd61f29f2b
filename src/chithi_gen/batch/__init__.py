"""Batch: one campaign, a table of variations, one document per row — in parallel.

>>> from concurrent.futures import ProcessPoolExecutor
>>> from chithi_gen.batch import render_batch
>>> with ProcessPoolExecutor() as pool:                                    # doctest: +SKIP
...     report = render_batch("chi-thi.yaml", "cac-xa.csv", "out/", executor=pool)
>>> print(report.summary())                                                # doctest: +SKIP

A *variation table* (CSV, XLSX or a YAML list, :mod:`.tables`) has one row per
document; each column names a field of the campaign by its path (:mod:`.columns`):

* ``so``, ``dia_danh``, ``co_quan.ten``, ``nguoi_ky.ho_ten``, ``luu.don_vi`` — a field,
  with dots between levels;
* ``noi_nhan`` — a whole list; in a CSV/XLSX cell one item per line (Alt+Enter in
  Excel); ``noi_nhan[+]`` appends the cell's lines to the campaign's list instead;
  ``noi_nhan[2]`` replaces item 2 (numbered from 1, as in error messages);
* ``ten_tep`` — the output file name (:mod:`.names`; ``.docx`` is added when missing);
  without it the name is the row number and the first text of the row, e.g.
  ``003-xa-truong-ha.docx``;
* columns whose name starts with ``#`` are notes and are ignored.

An empty cell keeps the campaign's value. In a YAML table a row may also nest
mappings (``nguoi_ky: {ho_ten: ...}``), merged like ``ke_thua``; ``null`` removes a
value (:mod:`.rows`). Rows run on any executor through the same
:class:`~chithi_gen.api.Renderer` as ``chithi render`` (:mod:`.run`), and the results
come back as a :class:`~chithi_gen.batch.report.BatchReport` (:mod:`.report`).
"""

from chithi_gen.batch.columns import check_column, parse_column
from chithi_gen.batch.names import check_name, default_name, slug
from chithi_gen.batch.report import BatchReport, ItemResult
from chithi_gen.batch.rows import apply_variation
from chithi_gen.batch.run import Chunk, Outcome, Settings, render_batch, render_chunk
from chithi_gen.batch.stream import RowResult, iter_batch
from chithi_gen.batch.tables import (
    TEN_TEP,
    Variation,
    VariationTable,
    read_csv,
    read_variations,
    read_xlsx,
    read_yaml,
    table_from_records,
)

__all__ = [
    "TEN_TEP",
    "BatchReport",
    "Chunk",
    "ItemResult",
    "Outcome",
    "RowResult",
    "Settings",
    "Variation",
    "VariationTable",
    "apply_variation",
    "check_column",
    "check_name",
    "default_name",
    "iter_batch",
    "parse_column",
    "read_csv",
    "read_variations",
    "read_xlsx",
    "read_yaml",
    "render_batch",
    "render_chunk",
    "slug",
    "table_from_records",
]
