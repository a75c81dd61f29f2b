"""``chithi batch``: a progress bar on standard error, the summary on standard output.

Progress costs the same for every row (counters, never a recount). Failures are listed
one per line when there are few, else one line per kind (:meth:`BatchReport.report_lines`).
With ``--pdf`` the written documents are converted by LibreOffice in groups, one start
per group (:func:`~chithi_gen.render.pdf.docx_to_pdf_many`), each PDF beside its .docx.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from chithi_gen.batch import ItemResult, read_variations, render_batch
from chithi_gen.cli.messages import echo, with_hint
from chithi_gen.errors import ChithiError

if TYPE_CHECKING:
    from chithi_gen.api import Renderer
    from chithi_gen.batch import BatchReport

#: Exit code when the only failures are files that could not be written.
EXIT_OUTPUT = 4
#: Exit code when a row's data is wrong.
EXIT_ROWS = 2
#: Documents converted per LibreOffice start (and held in memory at once) by ``--pdf``.
PDF_GROUP = 50


def run_batch(
    renderer: Renderer,
    campaign: Path,
    variations: Path,
    outdir: Path,
    *,
    force: bool = False,
    jobs: int | None = None,
    pdf: bool = False,
) -> int:
    """Run the batch and print its report; return the exit code: 0 when every row was
    written, 4 when the only failures are files that could not be written (already there
    without ``--force``), 2 otherwise; a failed PDF conversion has the conversion's own
    code. A campaign or table that cannot be used at all raises
    :class:`~chithi_gen.errors.ChithiError`."""
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
    table = read_variations(variations)
    counts = {"done": 0, "ok": 0, "bad": 0}
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
            counts["done"] += 1
            if res.ok:
                counts["ok"] += 1
                progress.advance(task)
            else:
                counts["bad"] += 1
                progress.update(task, advance=1, bad=counts["bad"])

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
            progress.stop()
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
    if pdf:
        failed = _convert(report, force)
        if failed is not None:
            return failed
    if not report.failed_count:
        return 0
    return EXIT_OUTPUT if report.only_output_errors else EXIT_ROWS


def _convert(report: BatchReport, force: bool) -> int | None:
    """PDFs of the written documents, beside them; the exit code of a failure, or None."""
    from chithi_gen.cli.messages import report as report_error
    from chithi_gen.output import write_atomic
    from chithi_gen.render.pdf import docx_to_pdf_many

    paths = [r.path for r in report.written if r.path is not None]
    written = 0
    for start in range(0, len(paths), PDF_GROUP):
        group = paths[start : start + PDF_GROUP]
        try:
            pdfs = docx_to_pdf_many([p.read_bytes() for p in group])
            for path, data in zip(group, pdfs, strict=True):
                write_atomic(path.with_suffix(".pdf"), data, force=force)
                written += 1
        except (ChithiError, OSError) as exc:
            echo(
                f"Đã tạo {written}/{len(paths)} tệp PDF; các tệp .docx vẫn nguyên vẹn"
                f" ({written} of {len(paths)} PDFs written; the .docx files are intact)",
                err=True,
            )
            if isinstance(exc, ChithiError):
                return report_error(exc)
            echo(f"{exc}", err=True)
            return EXIT_OUTPUT
    echo(f"Đã tạo {written} tệp PDF / {written} PDF(s) written beside the .docx files")
    return None
