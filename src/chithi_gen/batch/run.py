"""Running a batch: rows to worker processes, documents written as they are rendered.

Every row is validated on its own: a row with a bad value becomes an error naming the
row and the field, and the other rows go on. Every document is written atomically, so
a batch that stops half way leaves every finished document whole, and an existing file
is never overwritten unless ``force`` is given (per file: it is that row's error).

By default rows run on chithi_gen's own worker processes (:mod:`.pool`): each renders
and writes its documents and sends back only what happened, row by row, so the calling
process holds no document bytes, and a worker that dies loses only the row it was on —
that row is tried once more on a fresh worker, then reported. Rows can also run on any
:class:`concurrent.futures.Executor` (a thread pool, a distributed engine): the work
function (:func:`render_chunk`) and its argument (:class:`Chunk`) are picklable, the
documents come back and the calling process writes them, a few chunks in flight at a
time. A worker keeps one :class:`~chithi_gen.api.Renderer` per set of template folders
(:func:`worker_renderer`), so it reads the templates and compiles each layout once —
and renders exactly as ``chithi render`` does.
"""

from __future__ import annotations

import concurrent.futures as cf
import math
import os
import stat
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from chithi_gen import source as sources
from chithi_gen.api import Renderer
from chithi_gen.batch.columns import parse_column
from chithi_gen.batch.names import check_name, default_name
from chithi_gen.batch.pool import Lost, Pool
from chithi_gen.batch.report import BatchReport, ItemResult
from chithi_gen.batch.rows import apply_variation
from chithi_gen.batch.tables import TEN_TEP, Variation, VariationTable, read_variations
from chithi_gen.batch.tables import table_from_records as _records
from chithi_gen.errors import CampaignError, ChithiError, Loc, OutputError, Problem
from chithi_gen.kinds import Registry
from chithi_gen.model import Campaign
from chithi_gen.output import EXISTS, write_atomic
from chithi_gen.source import Source
from chithi_gen.source.files import exists
from chithi_gen.validate import problems_from_validation


@dataclass(frozen=True)
class Settings:
    """How a worker's :class:`Renderer` is made: the user template folders (already
    including ``CHITHI_TEMPLATES``, read by the parent), a forced layout, a registry."""

    template_dirs: tuple[str, ...] = ()
    layout: str | None = None
    registry: Registry | None = None
    cache_dir: str | None = None

    @classmethod
    def of(cls, renderer: Renderer) -> Settings:
        """The settings that rebuild ``renderer`` in another process."""
        own = renderer.registry is not renderer.templates.registry
        return cls(
            tuple(str(d) for d in renderer.template_dirs),
            None if renderer.layout_name is None else str(renderer.layout_name),
            renderer.registry if own else None,  # else the worker finds the same kinds
            None if renderer.cache_dir is None else str(renderer.cache_dir),
        )


@dataclass(frozen=True)
class Chunk:
    """Picklable work unit: the base campaign data, some rows, the renderer settings."""

    base: Mapping[str, Any]
    rows: tuple[Variation, ...]
    settings: Settings = Settings()


@dataclass(frozen=True)
class Outcome:
    """What a worker returns for one row: the .docx bytes (or the file it wrote, ``path``)
    or the problems (picklable); ``output_error`` when the problem is writing the file."""

    row: int
    data: bytes | None
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    path: str | None = None
    output_error: bool = False


@dataclass(frozen=True)
class Job:
    """What every worker process of :func:`render_batch` is given once: the base data,
    the renderer settings, where to write and whether to overwrite."""

    base: Mapping[str, Any]
    settings: Settings
    outdir: str
    force: bool = False


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
        cache_dir=settings.cache_dir,
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


#: One row to render: its index in the table, the row, its output file name.
Item = tuple[int, Variation, str]


def render_item(job: Job, item: Item) -> Outcome:
    """Render one row and write its document (the work of a worker process)."""
    return write_item(job, item, render_row(job.base, item[1], job.settings))


def _render_only(job: Job, item: Item) -> Outcome:
    return render_row(job.base, item[1], job.settings)


def write_item(job: Job, item: Item, outcome: Outcome) -> Outcome:
    """Write a rendered row's document; the outcome then names the file, not the bytes
    (a worker does this on a second thread while it renders the next row)."""
    _, row, name = item
    if outcome.data is None:
        return outcome
    target = Path(job.outdir) / name
    try:
        path = write_atomic(target, outcome.data, force=job.force)
    except OutputError as exc:
        if not _already_written(target, outcome.data, exc):
            return Outcome(row.row, None, exc.problems, output_error=True)
        path = target
    return Outcome(row.row, None, (), outcome.warnings, path=str(path))


def _already_written(path: Path, data: bytes, exc: OutputError) -> bool:
    """Whether ``path``, found to exist, holds exactly ``data``: a row run again after its
    worker died finds the file that worker wrote (whole: files are moved into place in one
    step) before it could report it. Files that existed before the batch were refused by
    the parent before any row was sent, so an identical file here is this batch's own."""
    if exc.problems[0].code != EXISTS:
        return False
    try:
        info = os.lstat(path)
        return (
            stat.S_ISREG(info.st_mode) and info.st_size == len(data) and (path.read_bytes() == data)
        )
    except OSError:
        return False


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
        columns = set(table.columns) | {c for row in table.rows for c, _ in row.values}
        paths = [parse_column(c) for c in columns]

        def covered(loc: Loc) -> bool:
            return any(
                tuple(loc[: len(p)]) == p or tuple(p[: len(loc)]) == tuple(loc) for p in paths
            )

        problems = [p for p in problems_from_validation(exc) if not covered(p.loc)]
        if problems:
            raise CampaignError(sources.place(problems, base), base.name) from None


def _problem(vi: str, en: str, code: str, loc: Loc = ()) -> Problem:
    return Problem(vi, en, loc=loc, code=code)


def _lost_problem(lost: Lost) -> Problem:
    if lost.exitcode is None:
        why_vi, why_en = "không khởi động được tiến trình xử lý", lost.reason or "no worker"
    elif lost.exitcode < 0:
        why_vi = f"tiến trình xử lý bị dừng (tín hiệu {-lost.exitcode}) khi đang làm dòng này"
        why_en = f"the worker was killed (signal {-lost.exitcode}) while on this row"
    else:
        why_vi = f"tiến trình xử lý thoát (mã {lost.exitcode}) khi đang làm dòng này"
        why_en = f"the worker exited (code {lost.exitcode}) while on this row"
    again = (" (đã thử lại một lần)", " (tried twice)") if lost.retried else ("", "")
    return _problem(
        f"chưa tạo được: {why_vi}{again[0]}", f"not written: {why_en}{again[1]}", "worker-failed"
    )


def _executor_problem(exc: BaseException) -> Problem:
    return _problem(
        f"chưa tạo được: tiến trình xử lý bị lỗi ({type(exc).__name__}: {exc})",
        f"not written: the worker failed ({type(exc).__name__}: {exc})",
        "worker-failed",
    )


def _on_executor(
    executor: cf.Executor,
    items: Iterator[Item],
    size: int,
    window: int,
    base: Mapping[str, Any],
    settings: Settings,
    deliver: Callable[[Item, Outcome], None],
    lost: Callable[[Item, Problem], None],
) -> None:
    """Rows on a caller's executor: at most ``window`` chunks in flight, each result
    written and dropped as it arrives; a failed chunk's rows are reported once each."""
    flight: deque[tuple[Any, tuple[Item, ...]]] = deque()
    broken: BaseException | None = None
    try:
        while True:
            while broken is None and len(flight) < window:
                chunk = tuple(islice(items, size))
                if not chunk:
                    break
                try:
                    fut = executor.submit(
                        render_chunk, Chunk(base, tuple(i[1] for i in chunk), settings)
                    )
                except Exception as exc:  # a broken pool refuses new work
                    broken = exc
                    for item in chunk:
                        lost(item, _executor_problem(exc))
                    break
                flight.append((fut, chunk))
            if not flight:
                break
            done = [f for f in flight if f[0].done()] if broken is None else []
            if not done:
                cf.wait([f[0] for f in flight], return_when=cf.FIRST_COMPLETED)
                done = [f for f in flight if f[0].done()]
            for entry in done:
                flight.remove(entry)
                fut, chunk = entry
                try:
                    outcomes = fut.result()
                except Exception as exc:
                    for item in chunk:
                        lost(item, _executor_problem(exc))
                    continue
                for item, outcome in zip(chunk, outcomes, strict=True):
                    deliver(item, outcome)
        if broken is not None:
            for item in items:
                lost(item, _executor_problem(broken))
    except BaseException:
        for fut, _ in flight:
            fut.cancel()
        raise


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
    Without ``executor``, ``max_workers`` worker processes (default: all cores) render
    and write the documents (:mod:`.pool`), or the rows run in this process when
    ``max_workers`` is 1; with one (any :class:`concurrent.futures.Executor`), the rows
    run there and this process writes the documents. ``progress`` is called with each
    :class:`ItemResult` as it is known. A campaign wrong in a field that no column
    changes, or an unreadable table, raises :class:`CampaignError` before anything is
    written.
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
    rows = table.rows
    width = max(3, len(str(max((r.row for r in rows), default=0))))

    def name_of(index: int) -> str:
        row = rows[index]
        return check_name(row.ten_tep or default_name(row, width))[0]

    report = BatchReport(base.name or "<dữ liệu>", table.source, out, rows, name_of, table.yaml)

    def finish(index: int, res: ItemResult) -> None:
        report.record(index, res)
        if progress is not None:
            progress(res)

    def fail(item: Item, problem: Problem, output: bool = False) -> None:
        index, row, name = item
        finish(index, ItemResult(row, name, None, (problem,), table.source, table.yaml, output))

    def items() -> Iterator[Item]:
        """The rows to render, with their file names; a bad or duplicate name, or an
        existing file, is that row's error (names are compared by hash, then exactly)."""
        taken: dict[int, int] = {}
        for index, row in enumerate(rows):
            name, problem = check_name(row.ten_tep or default_name(row, width))
            if problem is not None:
                fail((index, row, name), problem)
                continue
            key = hash(name.casefold())
            first = taken.get(key)
            if first is not None and name_of(first).casefold() == name.casefold():
                fail(
                    (index, row, name),
                    Problem(
                        f"tên tệp '{name}' trùng với dòng {rows[first].row}; mỗi dòng cần một"
                        " tên tệp riêng",
                        f"file name '{name}' is the same as row {rows[first].row}'s; each"
                        " row needs its own",
                        loc=(TEN_TEP,),
                        code="duplicate-name",
                    ),
                )
                continue
            taken.setdefault(key, index)
            if not force and exists(out / name):
                fail(
                    (index, row, name),
                    Problem(
                        f"tệp {out / name} đã có, không ghi đè",
                        f"file {out / name} exists and was not overwritten",
                        code=EXISTS,
                    ),
                    output=True,
                )
                continue
            yield index, row, name

    def delivered(item: Item, outcome: Outcome) -> None:
        """A row's outcome: written by the worker, or bytes to write here, or problems."""
        index, row, name = item
        if outcome.data is not None:
            try:
                write_atomic(out / name, outcome.data, force=force)
            except OutputError as exc:
                outcome = Outcome(row.row, None, exc.problems, output_error=True)
            else:
                outcome = Outcome(row.row, None, (), outcome.warnings, path=str(out / name))
        if outcome.path is None:
            res = ItemResult(
                row, name, None, outcome.problems, table.source, table.yaml, outcome.output_error
            )
        else:
            path = Path(outcome.path)
            res = ItemResult(row, name, path, (), table.source, table.yaml, False, outcome.warnings)
        finish(index, res)

    workers = max_workers or os.cpu_count() or 1
    todo = len(rows)
    size = chunk_size or max(1, min(32, math.ceil(todo / (workers * 4))))
    job = Job(base.data, settings, str(out), force)
    if executor is not None:
        window = 2 * (getattr(executor, "_max_workers", None) or workers) + 1
        _on_executor(
            executor, items(), size, window, base.data, settings, delivered,
            lambda item, problem: fail(item, problem),
        )  # fmt: skip
    elif workers <= 1 or todo <= 1:
        for item in items():
            delivered(item, render_item(job, item))
    else:
        pool = Pool(_render_only, job, min(workers, todo), size, after=write_item)
        pool.run(items(), delivered, lambda item, why: fail(item, _lost_problem(why)))
    report.seconds = time.perf_counter() - start
    return report
