"""Running a batch: rows to workers on any Executor, documents written as they arrive.

Every row is validated on its own: a row with a bad value becomes an error naming the
row and the field, and the other rows go on. Documents are written atomically by the
calling process as they arrive, so a batch that stops half way leaves every finished
document whole, and an existing file is never overwritten unless ``force`` is given
(per file: it is that row's error).

Work runs on any :class:`concurrent.futures.Executor`: a process pool on one machine,
a thread pool, or the executor of a distributed engine. The work function
(:func:`render_chunk`) and its argument (:class:`Chunk`) are picklable; a worker keeps
one :class:`~chithi_gen.api.Renderer` per set of template folders (:func:`worker_renderer`),
so it reads the templates and compiles each layout once — and renders exactly as
``chithi render`` does.
"""

from __future__ import annotations

import concurrent.futures as cf
import math
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from chithi_gen import source as sources
from chithi_gen.api import Renderer
from chithi_gen.batch.columns import parse_column
from chithi_gen.batch.names import check_name, default_name
from chithi_gen.batch.report import BatchReport, ItemResult
from chithi_gen.batch.rows import apply_variation
from chithi_gen.batch.tables import TEN_TEP, Variation, VariationTable, read_variations
from chithi_gen.batch.tables import table_from_records as _records
from chithi_gen.errors import CampaignError, ChithiError, Loc, OutputError, Problem
from chithi_gen.kinds import Registry
from chithi_gen.model import Campaign
from chithi_gen.output import EXISTS, write_atomic
from chithi_gen.source import Source
from chithi_gen.validate import problems_from_validation


@dataclass(frozen=True)
class Settings:
    """How a worker's :class:`Renderer` is made: the user template folders (already
    including ``CHITHI_TEMPLATES``, read by the parent), a forced layout, a registry."""

    template_dirs: tuple[str, ...] = ()
    layout: str | None = None
    registry: Registry | None = None

    @classmethod
    def of(cls, renderer: Renderer) -> Settings:
        """The settings that rebuild ``renderer`` in another process."""
        own = renderer.registry is not renderer.templates.registry
        return cls(
            tuple(str(d) for d in renderer.template_dirs),
            None if renderer.layout_name is None else str(renderer.layout_name),
            renderer.registry if own else None,  # else the worker finds the same kinds
        )


@dataclass(frozen=True)
class Chunk:
    """Picklable work unit: the base campaign data, some rows, the renderer settings."""

    base: Mapping[str, Any]
    rows: tuple[Variation, ...]
    settings: Settings = Settings()


@dataclass(frozen=True)
class Outcome:
    """What a worker returns for one row: the .docx bytes or the problems (picklable)."""

    row: int
    data: bytes | None
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()


#: Renderers made by this process, by settings (a forked worker starts with its parent's,
#: which is why each entry records the process that made it).
_RENDERERS: dict[Settings, tuple[int, Renderer]] = {}


def worker_renderer(settings: Settings) -> Renderer:
    """The :class:`Renderer` of ``settings``, made once per process."""
    entry = _RENDERERS.get(settings)
    if entry is not None and entry[0] == os.getpid():
        return entry[1]
    renderer = Renderer(
        settings.template_dirs,
        layout=settings.layout,
        registry=settings.registry,
        environ={},  # the parent already added CHITHI_TEMPLATES to template_dirs
    )
    _RENDERERS[settings] = (os.getpid(), renderer)
    return renderer


def worker_stats() -> tuple[int, int]:
    """(process id, layouts compiled so far in this process) — for tests and tuning."""
    pid = os.getpid()
    return pid, sum(r.compiled_layouts for p, r in _RENDERERS.values() if p == pid)


def render_row(base: Mapping[str, Any], row: Variation, settings: Settings) -> Outcome:
    """Apply, validate, compose and render one row; every failure becomes problems."""
    try:
        rendered = worker_renderer(settings).render(apply_variation(base, row))
        return Outcome(row.row, rendered.docx, (), rendered.warnings)
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
                    code="internal-error",
                ),
            ),
        )


def render_chunk(chunk: Chunk) -> list[Outcome]:
    """The work function sent to executors: render every row of ``chunk``."""
    return [render_row(chunk.base, row, chunk.settings) for row in chunk.rows]


def _base_of(campaign: str | Path | Mapping[str, Any]) -> Source:
    if isinstance(campaign, Mapping):
        return sources.from_data(campaign)
    return sources.read(campaign)


def _check_base(base: Source, table: VariationTable) -> None:
    """Stop before any work if the campaign itself is wrong where no column changes it."""
    if not isinstance(base.data, dict):
        raise CampaignError.single(
            "tệp chiến dịch phải là một nhóm trường 'khóa: giá trị'",
            "a campaign file must be a mapping of 'key: value'",
            base.name,
            line=1,
            code="not-a-mapping",
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

        problems = [p for p in problems_from_validation(exc) if not covered(p.loc)]
        if problems:
            raise CampaignError(sources.place(problems, base), base.name) from None


def render_batch(
    campaign: str | Path | Mapping[str, Any],
    variations: str | Path | VariationTable | Sequence[Mapping[str, Any]],
    outdir: str | Path,
    *,
    renderer: Renderer | None = None,
    executor: cf.Executor | None = None,
    max_workers: int | None = None,
    force: bool = False,
    progress: Callable[[ItemResult], None] | None = None,
    chunk_size: int | None = None,
    template_dirs: Sequence[str | Path] = (),
) -> BatchReport:
    """Render one document per variation row into ``outdir``; never stops on a bad row.

    ``campaign`` is a campaign file (``ke_thua`` followed) or its data; ``variations``
    a .csv/.xlsx/.yaml file, a :class:`VariationTable` or a list of mappings.
    ``renderer`` sets the template folders, layout and kinds (default: a
    :class:`Renderer` of ``template_dirs``); each worker process rebuilds it once.
    ``executor`` runs the work (any :class:`concurrent.futures.Executor`); without one,
    a :class:`~concurrent.futures.ProcessPoolExecutor` of ``max_workers`` processes
    (default: all cores) is made and shut down, or the rows run in this process when
    ``max_workers`` is 1. ``progress`` is called with each :class:`ItemResult` as it is
    known. A campaign wrong in a field that no column changes, or an unreadable table,
    raises :class:`CampaignError` before anything is written.
    """
    start = time.perf_counter()
    renderer = renderer or Renderer(template_dirs)
    settings = Settings.of(renderer)
    base = _base_of(campaign)
    if isinstance(variations, VariationTable):
        table = variations
    elif isinstance(variations, str | Path):
        table = read_variations(variations)
    else:
        table = _records(list(variations))
    _check_base(base, table)
    out = Path(outdir)
    report = BatchReport(base.name or "<dữ liệu>", table.source, out)
    results: dict[int, ItemResult] = {}

    def finish(res: ItemResult) -> None:
        results[res.row.row] = res
        if progress is not None:
            progress(res)

    def fail(row: Variation, name: str, problem: Problem, output: bool = False) -> None:
        finish(ItemResult(row, name, None, (problem,), table.source, table.yaml, output))

    # File names first: a bad or duplicate name, or an existing file, is that row's error.
    width = max(3, len(str(max((r.row for r in table.rows), default=0))))
    names: dict[int, str] = {}
    taken: dict[str, int] = {}
    todo: list[Variation] = []
    for row in table.rows:
        name, problem = check_name(row.ten_tep or default_name(row, width))
        if problem is not None:
            fail(row, name, problem)
            continue
        key = name.casefold()
        if key in taken:
            fail(
                row,
                name,
                Problem(
                    f"tên tệp '{name}' trùng với dòng {taken[key]}; mỗi dòng cần một tên tệp riêng",
                    f"file name '{name}' is the same as row {taken[key]}'s; each row needs its own",
                    loc=(TEN_TEP,),
                    code="duplicate-name",
                ),
            )
            continue
        taken[key] = row.row
        names[row.row] = name
        if not force and (out / name).exists():
            fail(
                row,
                name,
                Problem(
                    f"tệp {out / name} đã có, không ghi đè",
                    f"file {out / name} exists and was not overwritten",
                    code=EXISTS,
                ),
                output=True,
            )
            continue
        todo.append(row)

    by_row = {r.row: r for r in todo}

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
        finish(ItemResult(row, name, path, (), table.source, table.yaml, False, outcome.warnings))

    def lost(rows: Iterable[Variation], exc: BaseException) -> None:
        for row in rows:
            fail(
                row,
                names[row.row],
                Problem(
                    f"chưa tạo được: tiến trình xử lý bị lỗi ({type(exc).__name__}: {exc})",
                    f"not written: the worker failed ({type(exc).__name__}: {exc})",
                    code="worker-failed",
                ),
            )

    workers = max_workers or os.cpu_count() or 1
    if executor is None and (workers <= 1 or len(todo) <= 1):
        for row in todo:
            deliver(render_row(base.data, row, settings))
    else:
        size = chunk_size or max(1, min(32, math.ceil(len(todo) / (workers * 4))))
        chunks = [
            Chunk(base.data, tuple(todo[i : i + size]), settings) for i in range(0, len(todo), size)
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
