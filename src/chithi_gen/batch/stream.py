"""Batch in memory: each row's .docx bytes or problems, in row order, writing nothing.

>>> from chithi_gen.batch import iter_batch
>>> for result in iter_batch("chi-thi.yaml", rows):                     # doctest: +SKIP
...     if result.ok:
...         store(result.ten_tep, result.docx)

For an application that keeps documents in a database or sends them on: the same rows,
workers and renderer as :func:`~chithi_gen.batch.run.render_batch`, on any
:class:`concurrent.futures.Executor`, with at most ``window`` chunks in flight so memory
stays flat however long the table is.
"""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chithi_gen.api import Renderer
from chithi_gen.batch.names import check_name, default_name
from chithi_gen.batch.run import Chunk, Outcome, Settings, _base_of, _check_base, render_chunk
from chithi_gen.batch.tables import Variation, VariationTable, read_variations, table_from_records
from chithi_gen.errors import Problem

#: Rows per chunk sent to a worker.
CHUNK = 8


@dataclass(frozen=True)
class RowResult:
    """One row: its suggested file name, and the .docx bytes or the problems that stopped
    it; ``warnings`` are advice about a document that was made."""

    row: Variation
    ten_tep: str
    docx: bytes | None
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the row gave a document."""
        return self.docx is not None and not self.problems


def _table(variations: str | Path | VariationTable | Sequence[Mapping[str, Any]]) -> VariationTable:
    if isinstance(variations, VariationTable):
        return variations
    if isinstance(variations, str | Path):
        return read_variations(variations)
    return table_from_records(list(variations))


def _lost(row: Variation, exc: BaseException) -> Outcome:
    return Outcome(
        row.row,
        None,
        (
            Problem(
                f"chưa tạo được: tiến trình xử lý bị lỗi ({type(exc).__name__})",
                f"not made: the worker failed ({type(exc).__name__})",
                code="worker-failed",
            ),
        ),
    )


def iter_batch(
    campaign: str | Path | Mapping[str, Any],
    variations: str | Path | VariationTable | Sequence[Mapping[str, Any]],
    *,
    renderer: Renderer | None = None,
    executor: cf.Executor | None = None,
    chunk_size: int = CHUNK,
    window: int = 16,
) -> Iterator[RowResult]:
    """Each row's :class:`RowResult`, in row order.

    ``campaign`` and ``variations`` are as for :func:`~chithi_gen.batch.run.render_batch`,
    and so are the errors raised before the first row (a campaign wrong where no column
    changes it, an unreadable table). Without ``executor`` the rows run in this thread;
    with one, at most ``window`` chunks of ``chunk_size`` rows are in flight at a time.
    """
    renderer = renderer or Renderer()
    settings = Settings.of(renderer)
    base = _base_of(campaign)
    table = _table(variations)
    _check_base(base, table)
    width = max(3, len(str(max((r.row for r in table.rows), default=0))))
    names = {r.row: check_name(r.ten_tep or default_name(r, width)) for r in table.rows}

    def result(row: Variation, outcome: Outcome) -> RowResult:
        name, bad = names[row.row]
        if bad is not None:
            return RowResult(row, name, None, (bad,))
        return RowResult(row, name, outcome.data, outcome.problems, outcome.warnings)

    chunks = [
        Chunk(base.data, tuple(table.rows[i : i + chunk_size]), settings)
        for i in range(0, len(table.rows), max(1, chunk_size))
    ]
    if executor is None:
        for chunk in chunks:
            for row, outcome in zip(chunk.rows, render_chunk(chunk), strict=True):
                yield result(row, outcome)
        return
    pending: list[tuple[Chunk, cf.Future[list[Outcome]]]] = []
    ahead = iter(chunks)
    try:
        for chunk in ahead:
            pending.append((chunk, executor.submit(render_chunk, chunk)))
            if len(pending) >= window:
                break
        while pending:
            chunk, future = pending.pop(0)
            try:
                outcomes = future.result()
            except Exception as exc:  # a worker that died: its rows only
                outcomes = [_lost(row, exc) for row in chunk.rows]
            nxt = next(ahead, None)
            if nxt is not None:
                pending.append((nxt, executor.submit(render_chunk, nxt)))
            for row, outcome in zip(chunk.rows, outcomes, strict=True):
                yield result(row, outcome)
    finally:
        for _, future in pending:
            future.cancel()
