"""``chithi batch``: a progress bar on standard error, the summary on standard output.

Progress costs the same for every row (counters, never a recount). Failures are listed
one per line when there are few, else one line per kind (:meth:`BatchReport.report_lines`).
With ``--pdf``/``--pdfa``/``--metadata`` the files beside each document are written
afterwards (:mod:`chithi_gen.batch.beside`). The bar is rich's when the ``cli`` extra is
installed, else a plain line every :data:`PLAIN_EVERY` rows.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from chithi_gen.batch import ItemResult, read_variations, render_batch
from chithi_gen.batch.beside import Beside, write_beside
from chithi_gen.cli.messages import echo, with_hint

if TYPE_CHECKING:
    from chithi_gen.api import Renderer
    from chithi_gen.batch import BatchReport

#: Exit code when the only failures are files that could not be written.
EXIT_OUTPUT = 4
#: Exit code when a row's data is wrong.
EXIT_ROWS = 2
#: Without rich (the ``cli`` extra), a progress line every this many rows.
PLAIN_EVERY = 100


def run_batch(
    renderer: Renderer,
    campaign: Path,
    variations: Path,
    outdir: Path,
    *,
    force: bool = False,
    jobs: int | None = None,
    beside: Beside | None = None,
) -> int:
    """Run the batch and print its report; return the exit code: 0 when every row was
    written, 4 when the only failures are files that could not be written (already there
    without ``--force``), 2 otherwise; a failed PDF conversion has the conversion's own
    code. A campaign or table that cannot be used at all raises
    :class:`~chithi_gen.errors.ChithiError`."""
    table = read_variations(variations)
    counts = {"done": 0, "ok": 0, "bad": 0}
    with _progress(len(table.rows)) as bar:

        def tick(res: ItemResult) -> None:
            counts["done"] += 1
            counts["ok" if res.ok else "bad"] += 1
            bar(counts["bad"])

        try:
            report = render_batch(
                campaign,
                table,
                outdir,
                renderer=renderer,
                max_workers=jobs,
                force=force,
                progress=tick,
            )
        except KeyboardInterrupt:
            left = len(table.rows) - counts["done"]
            echo(
                f"Đã dừng giữa chừng: {counts['ok']} văn bản đã tạo vẫn nguyên vẹn trong"
                f" {outdir}; {left} dòng chưa làm (stopped: {counts['ok']} documents already"
                f" written are intact; {left} rows not done)",
                err=True,
            )
            raise
    for line in report.report_lines(warnings=True, hint=with_hint):
        echo(f"Cảnh báo / warning: {line}", err=True)
    for line in report.report_lines(hint=with_hint):
        echo(line, err=True)
    echo(report.summary())
    code = 0
    if report.failed_count:
        code = EXIT_OUTPUT if report.only_output_errors else EXIT_ROWS
    if beside is not None and beside.wanted:
        code = max(code, _write_beside(report, campaign, beside, renderer, force))
    return code


def _write_beside(
    report: BatchReport, campaign: Path, beside: Beside, renderer: Renderer, force: bool
) -> int:
    """PDF and metadata beside the documents written; the exit code of their failures."""
    from chithi_gen.output import EXISTS

    results = write_beside(report, campaign, beside, renderer=renderer, force=force)
    bad = [r for r in results if r.problems]
    for res in bad:
        for line in res.item.messages(tuple(with_hint(p) for p in res.problems)):
            echo(line, err=True)
    files = sum(len(r.written) for r in results)
    echo(f"Tệp kèm theo / files beside the documents: {files}; lỗi / errors: {len(bad)}")
    if not bad:
        return 0
    only_exists = all(p.code == EXISTS for r in bad for p in r.problems)
    return EXIT_OUTPUT if only_exists else EXIT_ROWS


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None]]:
    """A progress display on standard error; yields ``advance(errors_so_far)``."""
    try:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
    except ImportError:  # the cli extra is not installed: plain lines
        done = 0

        def plain(bad: int) -> None:
            nonlocal done
            done += 1
            if done % PLAIN_EVERY == 0 or done == total:
                print(
                    f"Đang tạo / rendering: {done}/{total}; lỗi / errors: {bad}",
                    file=sys.stderr,
                    flush=True,
                )

        yield plain
        return
    progress = Progress(
        TextColumn("Đang tạo / rendering"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("lỗi / errors: {task.fields[bad]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True, highlight=False),
        transient=False,
    )
    with progress:
        task = progress.add_task("batch", total=total, bad=0)
        shown = [0]

        def advance(bad: int) -> None:
            if bad != shown[0]:
                shown[0] = bad
                progress.update(task, advance=1, bad=bad)
            else:
                progress.advance(task)

        try:
            yield advance
        except KeyboardInterrupt:
            progress.stop()
            raise
