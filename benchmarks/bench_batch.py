"""Batch: throughput against a naive docxtpl process pool, parent memory, progress, PDF.

    .venv/bin/python benchmarks/bench_batch.py [--rows 2000] [--rounds 3] [--memory-rows 20000]
                                               [--rows-100k] [--no-pdf] [--quick]

4. Throughput: ``render_batch`` of a table (one commune per row) on every core, against
   a naive docxtpl pool on the same cores (``ProcessPoolExecutor.map``: per row, the
   campaign's text with the row's values through ``DocxTemplate`` of a one-loop template,
   ``save`` to a file), interleaved; documents per second, and how busy the cores were:
   CPU seconds of the parent and its workers over (wall seconds × cores).
5. Memory of the calling process while a batch runs: resident size sampled every 500
   rows from the progress callback (which also drives a ``rich`` progress bar, as
   ``chithi batch`` does, and is timed); growth per 10,000 documents, from the first
   sample after the workers started to the end.
6. With ``--rows-100k``: the same for a 100,000-row table (of a short campaign: what is
   measured is memory).
7. PDF: one LibreOffice start per document against ``chithi batch --pdf`` (one start per
   group of documents).
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import yaml

from chithi_gen import Renderer, render_batch
from chithi_gen.batch import read_variations

try:
    from common import (
        EXAMPLE,
        cores,
        cpu_now,
        cpu_ticks,
        machine,
        median,
        naive_render,
        naive_template,
        paragraphs_of,
        rss_mib,
        soffice_version,
        spread,
    )
except ImportError:
    from benchmarks.common import (
        EXAMPLE,
        cores,
        cpu_now,
        cpu_ticks,
        machine,
        median,
        naive_render,
        naive_template,
        paragraphs_of,
        rss_mib,
        soffice_version,
        spread,
    )

HEADER = ["ten_tep", "so", "co_quan.ten", "dia_danh", "nguoi_ky.ho_ten", "noi_nhan[+]"]


def write_table(path: Path, n: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(1, n + 1):
            w.writerow(
                [
                    f"xa-{i:06d}",
                    i,
                    f"Ủy ban nhân dân xã Số {i}",
                    f"Xã Số {i}",
                    f"Nguyễn Văn {i}",
                    f"Công an xã Số {i}\nĐoàn xã Số {i}",
                ]
            )
    return path


# ------------------------------------------------------------- the naive pool worker

_NAIVE: dict[str, Any] = {}


def _naive_init(template: bytes, campaign: str, paras: list[str], out: str) -> None:
    _NAIVE.update(
        template=template, base=yaml.safe_load(Path(campaign).read_text(encoding="utf-8")),
        paras=paras, out=Path(out),
    )  # fmt: skip


def _naive_row(row: list[str]) -> None:
    name, so, co_quan, dia_danh, ho_ten, noi_nhan = row
    data = dict(_NAIVE["base"])
    data.update(so=int(so), dia_danh=dia_danh)
    doan = [co_quan.upper(), f"Số: {so}/CT-UBND", f"{dia_danh}, ngày 5 tháng 2 năm 2021"]
    doan += _NAIVE["paras"] + [ho_ten, *noi_nhan.splitlines()]
    naive_render(_NAIVE["template"], {"doan": doan, "data": data}, _NAIVE["out"] / f"{name}.docx")


def naive_pool(
    rows: list[list[str]], out: Path, workers: int, template: bytes, paras: list[str]
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    size = max(1, math.ceil(len(rows) / (workers * 4)))
    with ProcessPoolExecutor(
        workers, initializer=_naive_init, initargs=(template, str(EXAMPLE), paras, str(out))
    ) as pool:
        for _ in pool.map(_naive_row, rows, chunksize=size):
            pass


# ----------------------------------------------------------------------------- runs


def throughput(n: int, rounds: int, work: Path) -> None:
    n_cores = cores()
    table = write_table(work / "xa.csv", n)
    with table.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))[1:]
    renderer = Renderer()
    ours_one = renderer.render(renderer.read(EXAMPLE)).docx
    template = naive_template(renderer.templates.find_layout("nd30").read_bytes())
    paras = paragraphs_of(ours_one)[3:-3]
    results: dict[str, list[tuple[float, float]]] = {"ours": [], "naive": []}
    machine_busy: dict[str, list[float]] = {"ours": [], "naive": []}
    for r in range(rounds):
        for who in ("ours", "naive"):
            out = work / f"{who}-{r}"
            b0, a0 = cpu_ticks()
            c0, t0 = cpu_now(), time.perf_counter()
            if who == "ours":
                report = render_batch(EXAMPLE, table, out, max_workers=n_cores)
                assert report.failed_count == 0, report.report_lines()
            else:
                naive_pool(rows, out, n_cores, template, paras)
            results[who].append((time.perf_counter() - t0, cpu_now() - c0))
            b1, a1 = cpu_ticks()
            machine_busy[who].append((b1 - b0) / max(1, a1 - a0))
            assert len(list(out.iterdir())) == n
            shutil.rmtree(out)
    # the naive loop in one process, on a tenth of the rows, for scale
    one = rows[: max(20, n // 10)]
    _naive_init(template, str(EXAMPLE), paras, str(work / "naive-1"))
    (work / "naive-1").mkdir()
    t0 = time.perf_counter()
    for row in one:
        _naive_row(row)
    per_doc_one = (time.perf_counter() - t0) / len(one)
    shutil.rmtree(work / "naive-1")

    print(f"4. Batch of {n} documents on {n_cores} cores, {rounds} interleaved rounds")
    print("   (wall s: median [p25–p75] (min–max); documents/s; cores busy: the contender's CPU s")
    print("   / (wall s × cores); machine busy: every process's share (/proc/stat), others' too)")
    rate: dict[str, float] = {}
    for who, label in (("ours", "chithi_gen render_batch"), ("naive", "naive docxtpl pool")):
        walls = [w for w, _ in results[who]]
        busy = [c / (w * n_cores) for w, c in results[who]]
        rates = [n / w for w in walls]
        rate[who] = median(rates)
        print(
            f"   {label:<26} {spread(walls, 1, '{:.2f}')} s, {median(rates):7.1f} docs/s"
            f" ({min(rates):.1f}–{max(rates):.1f}), cores busy {median(busy):.0%}"
            f" ({min(busy):.0%}–{max(busy):.0%}), machine busy {median(machine_busy[who]):.0%}"
        )
    print(f"   naive docxtpl, one process (first {len(one)} rows): {1 / per_doc_one:7.1f} docs/s")
    pairs = [wn / wo for (wo, _), (wn, _) in zip(results["ours"], results["naive"], strict=True)]
    print(
        f"   → throughput chithi_gen / naive pool: {median(pairs):.2f}× (round by round"
        f" {min(pairs):.2f}–{max(pairs):.2f}; target ≥ 3×, cores busy ≥ 85 %)"
    )


#: A short campaign for the 100,000-row batch: what is measured is memory, not speed.
SHORT = """loai: chi_thi
co_quan: {ten: Ủy ban nhân dân huyện Hà Quảng, viet_tat: UBND}
so: 5
ngay: 2021-02-05
dia_danh: Hà Quảng
trich_yeu: Về việc phát động phong trào thi đua năm 2021
nguoi_ky: {tham_quyen: KT., cap_truong: Chủ tịch, chuc_vu: Phó Chủ tịch, ho_ten: Nguyễn Văn An}
noi_nhan: [Thường trực Huyện ủy]
luu: {don_vi: NV}
noi_dung:
  - Tổ chức thực hiện nghiêm túc Chỉ thị này.
"""


def memory(n: int, work: Path, label: str, campaign: Path = EXAMPLE) -> None:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress

    table_path = write_table(work / f"mem-{n}.csv", n)
    before_table = rss_mib()
    table = read_variations(table_path)
    after_table = rss_mib()
    samples: list[tuple[int, float]] = []
    tick_times: list[float] = []
    progress = Progress(
        BarColumn(), MofNCompleteColumn(), console=Console(file=io.StringIO()), auto_refresh=False
    )
    task = progress.add_task("batch", total=n)
    done = 0

    def tick(res: Any) -> None:
        nonlocal done
        t = time.perf_counter()
        done += 1
        progress.advance(task)
        if done % 500 == 0:
            samples.append((done, rss_mib()))
        tick_times.append(time.perf_counter() - t)

    out = work / f"mem-out-{n}"
    t0 = time.perf_counter()
    report = render_batch(campaign, table, out, max_workers=cores(), progress=tick)
    wall = time.perf_counter() - t0
    assert report.failed_count == 0 and report.written_count == n
    start = next((s for s in samples if s[0] >= n // 10), samples[0])
    end = samples[-1]
    growth = (end[1] - start[1]) / max(1, end[0] - start[0]) * 10_000
    k = min(1000, len(tick_times) // 4)
    first, last = tick_times[:k], tick_times[-k:]
    print(
        f"{label} Memory of the calling process, {n} rows of {campaign.name}"
        f" ({wall:.0f} s, {n / wall:.0f} docs/s)"
    )
    print(f"   the table read into memory: {after_table - before_table:+.1f} MiB (before the run)")
    print(
        f"   resident size: {start[1]:.1f} MiB at row {start[0]}, {end[1]:.1f} MiB at row"
        f" {end[0]}, peak of samples {max(m for _, m in samples):.1f} MiB"
    )
    print(f"   → growth per 10,000 documents: {growth:+.2f} MiB (target ≤ 5 MiB)")
    print(
        f"   progress callback (rich bar + counters): {median(first) * 1e6:.1f} µs per row"
        f" over the first {k} rows, {median(last) * 1e6:.1f} µs over the last {k} (O(1))"
    )
    shutil.rmtree(out)


def pdf(work: Path, cold: int, batched: int) -> None:
    from chithi_gen.render.pdf import docx_to_pdf

    if soffice_version() is None:
        print("7. PDF: LibreOffice not installed, skipped")
        return
    docx = Renderer().render(Renderer().read(EXAMPLE)).docx
    times = []
    for _ in range(cold):
        t = time.perf_counter()
        docx_to_pdf(docx)
        times.append(time.perf_counter() - t)
    table = write_table(work / "pdf.csv", batched)
    out = work / "pdf-out"
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from chithi_gen.cli import main; sys.exit(main())",
         "batch", str(EXAMPLE), str(table), "-o", str(out), "--pdf"],
        capture_output=True, text=True,
    )  # fmt: skip
    total = time.perf_counter() - t
    pdfs = len(list(out.glob("*.pdf")))
    assert proc.returncode == 0 and pdfs == batched, proc.stderr[-2000:]
    print(f"7. PDF via LibreOffice ({soffice_version()})")
    print(f"   one soffice per document (docx_to_pdf), {cold} runs: {spread(times, 1, '{:.2f}')} s")
    print(f"   chithi batch --pdf, {batched} rows (render + PDFs): {total:.1f} s ="
          f" {total / batched:.2f} s per document")  # fmt: skip
    print(f"   → per document, one start each / batched: {median(times) / (total / batched):.1f}×")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--memory-rows", type=int, default=10_000)
    ap.add_argument("--rows-100k", action="store_true", help="also a 100,000-row batch")
    ap.add_argument("--no-pdf", action="store_true")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--no-machine", action="store_true")
    args = ap.parse_args()
    if args.quick:
        args.rows, args.rounds, args.memory_rows = 400, 2, 4000
    if not args.no_machine:
        print("\n".join(machine()) + "\n")
    with tempfile.TemporaryDirectory(prefix="chithi-bench-") as tmp:
        work = Path(tmp)
        throughput(args.rows, args.rounds, work)
        print()
        memory(args.memory_rows, work, "5.")
        if args.rows_100k:
            print()
            short = work / "ngan.yaml"
            short.write_text(SHORT, encoding="utf-8")
            memory(100_000, work, "6.", short)
        if not args.no_pdf:
            print()
            pdf(work, 2 if args.quick else 3, 10 if args.quick else 30)
    os.sync()


if __name__ == "__main__":
    main()
