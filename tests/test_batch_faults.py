"""Faults in a batch cost only what they must (issue 11, item 3).

Worker processes are killed for real: a killed worker loses only the row it was on,
which is tried once more on a fresh worker; a row that kills every worker is reported
once; finished documents stay whole; many identical failures are one line; Ctrl-C stops
the batch at once and leaves no process behind.
"""

from __future__ import annotations

import csv
import multiprocessing
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from chithi_gen import Renderer
from chithi_gen import batch as B
from chithi_gen.batch import pool as P
from chithi_gen.batch import run
from chithi_gen.batch.report import DETAIL_LIMIT
from chithi_gen.cli import main
from fuzzing import time_limit
from support import EXAMPLES, ROOT

EX2021 = EXAMPLES / "chi-thi-ha-quang-2021.yaml"

needs_fork = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="needs fork to patch the workers"
)


def _table(path: Path, n: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["ten_tep", "so", "dia_danh"])
        for i in range(1, n + 1):
            w.writerow([f"xa-{i:05d}", i, f"Xã Số {i}"])
    return path


def _intact(folder: Path, killed: bool = False) -> list[Path]:
    """The documents in ``folder``, each a whole zip; no temporary file is left unless a
    worker was killed (SIGKILL: it had no chance to remove the file it was writing)."""
    files = sorted(folder.glob("*.docx"))
    for f in files:
        with zipfile.ZipFile(f) as zf:
            assert zf.testzip() is None
    assert killed or not list(folder.glob(".*")), "a temporary file was left behind"
    return files


_ORIGINAL = run.render_row


def _kill_self_on_row_7(base: Any, row: B.Variation, *rest: Any) -> B.Outcome:
    if row.row == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return _ORIGINAL(base, row, *rest)


@needs_fork
def test_a_row_that_kills_its_worker_is_tried_once_more_then_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "render_row", _kill_self_on_row_7)
    table = _table(tmp_path / "xa.csv", 40)
    report = B.render_batch(EX2021, table, tmp_path / "out", max_workers=2, chunk_size=5)
    assert report.written_count == 39
    [failed] = report.failed
    assert failed.row.row == 7
    [line] = failed.messages()
    assert "signal 9" in line and "tried twice" in line and "đã thử lại" in line
    files = _intact(tmp_path / "out", killed=True)
    # Sheet row 7 is data row 6. The other rows of the dead worker's chunk were not
    # lost: every one is written.
    assert {f.stem for f in files} == {f"xa-{i:05d}" for i in range(1, 41) if i != 6}


def test_a_worker_killed_from_outside_loses_nothing(tmp_path: Path) -> None:
    """SIGKILL to one worker half way: its row is redone on a new worker, all rows
    written once, every file whole."""
    table = _table(tmp_path / "xa.csv", 120)
    killed: list[int] = []

    def progress(res: B.ItemResult) -> None:
        if not killed and res.row.row == 30:
            children = multiprocessing.active_children()
            assert children
            victim = children[0].pid
            assert victim is not None
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    report = B.render_batch(
        EX2021, table, tmp_path / "out", max_workers=2, chunk_size=8, progress=progress
    )
    assert killed
    assert report.failed == [] and report.written_count == 120
    assert len(_intact(tmp_path / "out", killed=True)) == 120
    assert not multiprocessing.active_children()


def test_a_row_run_again_accepts_the_file_its_dead_worker_wrote(tmp_path: Path) -> None:
    """A worker writes files on threads of its own and may die after writing a row's file
    and before reporting it: the row, run again, finds its own document there (the same
    bytes) and is written, not failed as an existing file; a different file stays refused."""
    job = run.Job({}, run.Settings.of(Renderer(environ={})), str(tmp_path))
    row = B.Variation(row=2, values=(), ten_tep="xa-1", line=None)
    outcome = run.Outcome(2, b"PK-the-document")
    first = run.write_item(job, (0, row, "xa-1.docx"), outcome)
    again = run.write_item(job, (0, row, "xa-1.docx"), outcome)
    assert first.path == again.path == str(tmp_path / "xa-1.docx")
    assert not again.problems and not again.output_error
    other = run.write_item(job, (0, row, "xa-1.docx"), run.Outcome(2, b"PK-another-one"))
    assert other.output_error and other.problems[0].code == "output-exists"
    assert (tmp_path / "xa-1.docx").read_bytes() == b"PK-the-document"


def _always_fails(job: Any, item: Any) -> Any:
    os._exit(3)


def test_items_that_kill_every_worker_are_each_tried_twice_and_reported() -> None:
    lost: list[tuple[Any, P.Lost]] = []
    pool = P.Pool(_always_fails, None, workers=2, chunk=2)
    pool.run(range(10), lambda item, res: None, lambda item, why: lost.append((item, why)))
    assert sorted(item for item, _ in lost) == list(range(10))
    assert all(why.retried and why.exitcode == 3 for _, why in lost)
    assert pool.started <= 2 + 2 * 10


def _same(job: Any, item: Any) -> Any:
    return item


def _after_raises_on_odd(job: Any, item: Any, value: Any) -> Any:
    if item % 2:
        raise ValueError("a fault the step should have reported")
    return value


def test_a_failing_after_step_ends_its_worker_instead_of_hanging() -> None:
    """An exception in ``after`` (the writing step, on a thread of the worker) once left
    the parent waiting for a result that never came (``batch -o`` with a NUL byte): the
    worker now ends, and its item is tried again, then reported."""
    results: dict[int, Any] = {}
    lost: list[tuple[Any, P.Lost]] = []
    pool = P.Pool(_same, None, workers=2, chunk=3, after=_after_raises_on_odd)
    with time_limit(60):
        pool.run(range(8), results.__setitem__, lambda item, why: lost.append((item, why)))
    assert results == {0: 0, 2: 2, 4: 4, 6: 6}
    assert sorted(item for item, _ in lost) == [1, 3, 5, 7]
    assert all(why.retried and why.exitcode == P.EXIT_AFTER_FAILED for _, why in lost)


def _dies_at_start(conn: Any, fn: Any, init: Any) -> None:
    os._exit(1)


@needs_fork
def test_workers_that_cannot_start_end_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(P, "_serve", _dies_at_start)
    lost: list[tuple[Any, P.Lost]] = []
    pool = P.Pool(_always_fails, None, workers=2, chunk=2)
    pool.run(range(10), lambda item, res: None, lambda item, why: lost.append((item, why)))
    assert sorted(item for item, _ in lost) == list(range(10))
    assert pool.started <= 2 + P.MAX_START_FAILURES


def test_many_identical_failures_are_one_line(tmp_path: Path) -> None:
    table = tmp_path / "xa.csv"
    with table.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["ten_tep", "so"])
        for i in range(1, 61):
            w.writerow([f"xa-{i}", "x" if i % 2 else i])  # 30 rows with a bad number
    report = B.render_batch(EX2021, table, tmp_path / "out", max_workers=1)
    assert report.failed_count == 30 > DETAIL_LIMIT
    assert len(report.error_lines()) == 30
    [line] = report.report_lines()
    assert line.startswith("30 dòng / rows (2, 4, 6,") and "(+20)" in line
    assert "trường `so`" in line and "whole number" in line
    assert "30 lỗi" in report.summary() and "30/60" in report.summary()


def test_few_failures_are_listed_one_by_one(tmp_path: Path) -> None:
    table = tmp_path / "xa.csv"
    table.write_text("ten_tep,so\na,x\nb,y\nc,3\n", encoding="utf-8")
    report = B.render_batch(EX2021, table, tmp_path / "out", max_workers=1)
    lines = report.report_lines()
    assert len(lines) == 2 and "dòng 2 (row 2)" in lines[0] and "'x'" in lines[0]


def test_ctrl_c_in_the_parent_stops_every_worker_at_once(tmp_path: Path) -> None:
    table = _table(tmp_path / "xa.csv", 400)
    seen = 0

    def progress(res: B.ItemResult) -> None:
        nonlocal seen
        seen += 1
        if seen == 20:
            raise KeyboardInterrupt

    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        B.render_batch(EX2021, table, tmp_path / "out", max_workers=2, progress=progress)
    assert time.monotonic() - start < 30
    assert not multiprocessing.active_children()
    files = _intact(tmp_path / "out")
    assert 20 <= len(files) < 400


@pytest.mark.slow
def test_ctrl_c_on_the_command_line(tmp_path: Path) -> None:
    """SIGINT to the whole process group, as a terminal sends it: exit 130 within
    seconds, a message saying what is intact, no process left."""
    table = _table(tmp_path / "xa.csv", 3000)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; from chithi_gen.cli import main; sys.exit(main())",
         "batch", str(EX2021), str(table), "-o", str(out), "-j", "2"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("*.docx"))) < 30:
        time.sleep(0.1)
    assert len(list(out.glob("*.docx"))) >= 30, proc.communicate()[1][-2000:]
    os.killpg(proc.pid, signal.SIGINT)
    t = time.monotonic()
    _, err = proc.communicate(timeout=30)
    assert time.monotonic() - t < 10
    assert proc.returncode == 130, err[-2000:]
    assert "Traceback" not in err and "stopped:" in err
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)  # no process of the batch is left
    assert 30 <= len(_intact(out)) < 3000


@pytest.mark.slow
@pytest.mark.skipif(
    not (__import__("shutil").which("soffice") and __import__("shutil").which("pdftotext")),
    reason="needs LibreOffice",
)
def test_batch_pdf_converts_every_written_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _table(tmp_path / "xa.csv", 3)
    out = tmp_path / "out"
    assert main(["batch", str(EX2021), str(table), "-o", str(out), "--pdf"]) == 0
    assert "files beside the documents: 3; lỗi / errors: 0" in capsys.readouterr().out
    for i in (1, 2, 3):
        pdf = out / f"xa-{i:05d}.pdf"
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert f"Xã Số {i}" in text or f"Số {i}" in text


def test_batch_without_rich_prints_plain_progress(tmp_path: Path) -> None:
    """rich is the optional extra 'cli': without it the batch still runs, with plain lines."""
    table = _table(tmp_path / "xa.csv", 3)
    code = (
        "import sys; sys.modules['rich'] = None; from chithi_gen.cli import main;"
        f" sys.exit(main(['batch', {str(EX2021)!r}, {str(table)!r}, '-o', {str(tmp_path / 'o')!r},"
        " '-j', '1']))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "Đang tạo / rendering: 3/3; lỗi / errors: 0" in proc.stderr
    assert len(list((tmp_path / "o").glob("*.docx"))) == 3
