"""Render speed of chithi_gen against a naive docxtpl loop — prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_render.py              # everything (≈ 3–5 min)
    .venv/bin/python benchmarks/bench_render.py --no-pdf     # without LibreOffice
    .venv/bin/python benchmarks/bench_render.py --batch 200  # a smaller batch

Figures are medians of repeated runs. What is measured (see benchmarks/README.md):

1. one document end to end: campaign file → parsed and validated → composed → .docx
   bytes, with the layout already compiled (as in any process after its first document);
   against the naive loop: ``DocxTemplate(layout).render(context)`` + ``save`` to a
   BytesIO, fed the very context our renderer builds (``CompiledLayout.context``), with
   and without the same load/validate/compose front end; and against the floor: writing
   the same parts as a .docx zip and nothing else;
2. a batch of N documents (one per commune, from a CSV) with ``render_batch`` on all
   cores, files written atomically, against the naive loop writing the same N files;
3. peak memory: tracemalloc for one document, ``ru_maxrss`` of this process and of the
   worker processes;
4. PDF per document: one cold ``soffice`` per file (``docx_to_pdf``) against one
   ``soffice`` for many (``docx_to_pdf_many``).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from lxml import etree

from chithi_gen import Renderer, load_campaign
from chithi_gen.batch import apply_variation, read_variations, render_batch
from chithi_gen.inherit import load_data
from chithi_gen.layouts import bundled_layout_bytes
from chithi_gen.model import Campaign
from chithi_gen.render.package import read_package, write_package

ROOT = Path(__file__).resolve().parents[1]
CAMPAIGN = ROOT / "examples" / "chi-thi-ha-quang-2021.yaml"
LAYOUT = "nd30"


def median_time(fn: Callable[[], Any], repeat: int, warmup: int = 2) -> float:
    """Median wall time of ``fn`` in seconds over ``repeat`` runs, after ``warmup`` runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def naive_context(renderer: Renderer, campaign: Campaign) -> dict[str, Any]:
    """The context our renderer builds for ``campaign`` (what the naive loop is fed)."""
    lay = renderer.layout(renderer.registry.get_kind(campaign.loai).layout)
    ctx = lay.context(list(renderer.compose_all(campaign)))
    ctx.pop("_footnotes", None)
    return ctx


def naive_render(layout: bytes, ctx: dict[str, Any]) -> bytes:
    """The naive docxtpl way: load the template, render, save — once per document."""
    tpl = DocxTemplate(io.BytesIO(layout))
    tpl.render(ctx, autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def body_text(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return " ".join("".join(root.itertext()).split())


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} CPU ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()},"
        f" {platform.system()} {platform.release()}"
    )


def single(repeat: int) -> dict[str, float]:
    print(f"\n1. Một văn bản / one document ({CAMPAIGN.name}), median of {repeat} runs")
    renderer = Renderer()
    layout_bytes = bundled_layout_bytes(LAYOUT)
    campaign = load_campaign(CAMPAIGN)
    ctx = naive_context(renderer, campaign)
    ours = renderer.render_docx(campaign)
    naive = naive_render(layout_bytes, ctx)
    same = body_text(ours) == body_text(naive)
    parts = read_package(ours)

    def ours_e2e() -> bytes:
        return renderer.render_docx(load_campaign(CAMPAIGN))

    def naive_e2e() -> bytes:
        return naive_render(layout_bytes, naive_context(renderer, load_campaign(CAMPAIGN)))

    t_compile = median_time(lambda: Renderer().layout(LAYOUT), max(3, repeat // 5), warmup=1)
    t_load = median_time(lambda: load_campaign(CAMPAIGN), repeat)
    t_ours_render = median_time(lambda: renderer.render_docx(campaign), repeat)
    t_ours = median_time(ours_e2e, repeat)
    t_naive_render = median_time(lambda: naive_render(layout_bytes, ctx), repeat)
    t_naive = median_time(naive_e2e, repeat)
    t_floor = median_time(lambda: write_package(parts), repeat)
    rows = [
        ("chithi_gen, end to end (file → validated → .docx bytes)", t_ours),
        ("  of which: load + validate the YAML file", t_load),
        ("  of which: compose + render + zip", t_ours_render),
        ("naive docxtpl, same front end + DocxTemplate.render + save", t_naive),
        ("naive docxtpl, render + save only (context given)", t_naive_render),
        ("floor: write the same parts as a .docx zip", t_floor),
        ("(once per process: compile the layout)", t_compile),
    ]
    for label, t in rows:
        line(label, ms(t))
    print(f"   same text in both outputs: {'yes' if same else 'NO'}")
    verdict("end to end, chithi_gen / naive docxtpl", t_ours / t_naive, 1.5, higher=False)
    print(f"   (compose+render+zip / naive render+save: {t_ours_render / t_naive_render:.2f}×)")
    return {"ours": t_ours, "naive": t_naive}


def memory() -> None:
    print("\n3. Bộ nhớ / peak memory")
    renderer = Renderer()
    renderer.render_docx(load_campaign(CAMPAIGN))  # compile outside the measurement
    tracemalloc.start()
    renderer.render_docx(load_campaign(CAMPAIGN))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    ctx = naive_context(renderer, load_campaign(CAMPAIGN))
    layout_bytes = bundled_layout_bytes(LAYOUT)
    tracemalloc.start()
    naive_render(layout_bytes, ctx)
    _, peak_naive = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    line("tracemalloc peak, one document, chithi_gen end to end", f"{peak / 2**20:8.2f} MiB")
    line("tracemalloc peak, one document, naive docxtpl render", f"{peak_naive / 2**20:8.2f} MiB")
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    line("max RSS of this process (whole benchmark so far)", f"{me:8.1f} MiB")
    line("max RSS of the largest worker process", f"{kids:8.1f} MiB")


def write_table(path: Path, n: int) -> None:
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(["ten_tep", "so", "co_quan.ten", "dia_danh", "nguoi_ky.ho_ten", "noi_nhan[+]"])
        for i in range(1, n + 1):
            w.writerow(
                [
                    f"xa-{i:04d}",
                    i,
                    f"Ủy ban nhân dân xã Số {i}",
                    f"Xã Số {i}",
                    f"Nguyễn Văn {i}",
                    f"Công an xã Số {i}\nĐoàn xã Số {i}",
                ]
            )


def naive_batch(table_path: Path, out: Path, limit: int) -> tuple[float, int]:
    """The naive loop over the first ``limit`` rows: same data, docxtpl per document."""
    renderer = Renderer()
    layout_bytes = bundled_layout_bytes(LAYOUT)
    base = load_data(CAMPAIGN).data
    table = read_variations(table_path)
    rows = table.rows[:limit]
    t = time.perf_counter()
    for row in rows:
        campaign = Campaign.model_validate(apply_variation(base, row))
        data = naive_render(layout_bytes, naive_context(renderer, campaign))
        (out / f"{row.ten_tep}.docx").write_bytes(data)
    return time.perf_counter() - t, len(rows)


def batch(n: int, naive_n: int, repeat: int) -> None:
    workers = os.cpu_count() or 1
    print(f"\n2. Hàng loạt / batch of {n} documents, {workers} worker processes")
    with tempfile.TemporaryDirectory(prefix="chithi-bench-") as tmp:
        work = Path(tmp)
        table = work / "xa.csv"
        write_table(table, n)
        times = []
        for i in range(repeat):
            out = work / f"out{i}"
            with ProcessPoolExecutor(max_workers=workers) as pool:
                t = time.perf_counter()
                report = render_batch(CAMPAIGN, table, out, executor=pool)
                times.append(time.perf_counter() - t)
            assert len(report.written) == n, report.error_lines()[:3]
            shutil.rmtree(out)
        t_ours = statistics.median(times)
        naive_times = []
        for i in range(max(1, repeat)):
            out = work / f"naive{i}"
            out.mkdir()
            t, count = naive_batch(table, out, naive_n)
            naive_times.append(t / count)
            shutil.rmtree(out)
        per_naive = statistics.median(naive_times)
    ours_rate = n / t_ours
    naive_rate = 1 / per_naive
    line(f"chithi_gen render_batch, {n} files (incl. pool start)", f"{t_ours:8.2f} s")
    line("   = documents per second", f"{ours_rate:8.1f} /s")
    line(f"naive docxtpl loop, 1 process, per doc ({naive_n} files)", ms(per_naive))
    line("   = documents per second", f"{naive_rate:8.1f} /s")
    line(f"   = {n} documents would take", f"{n * per_naive:8.1f} s")
    verdict("throughput, chithi_gen / naive loop", ours_rate / naive_rate, 2.0, higher=True)


def line(label: str, value: str) -> None:
    print(f"   {label:<62} {value}")


def verdict(label: str, ratio: float, target: float, *, higher: bool) -> None:
    met = ratio >= target if higher else ratio <= target
    sign = "≥" if higher else "≤"
    print(f"   → {label} = {ratio:.2f}× (target {sign} {target}×: {'met' if met else 'NOT met'})")


def pdf(cold_n: int, batch_n: int) -> None:
    from chithi_gen.render.pdf import docx_to_pdf
    from chithi_gen.render.pdf_batch import docx_to_pdf_many

    print(f"\n4. PDF qua LibreOffice / PDF via LibreOffice ({cold_n} cold, {batch_n} batched)")
    base = load_data(CAMPAIGN).data
    renderer = Renderer()
    docs = []
    for i in range(1, batch_n + 1):
        data = dict(base, so=i, dia_danh=f"Xã Số {i}")
        docs.append(renderer.render_docx(Campaign.model_validate(data)))
    cold = []
    for d in docs[:cold_n]:
        t = time.perf_counter()
        docx_to_pdf(d)
        cold.append(time.perf_counter() - t)
    t = time.perf_counter()
    pdfs = docx_to_pdf_many(docs)
    t_many = time.perf_counter() - t
    assert len(pdfs) == batch_n and all(p.startswith(b"%PDF") for p in pdfs)
    per_cold = statistics.median(cold)
    per_many = t_many / batch_n
    line(f"cold: one soffice per file (median of {cold_n})", f"{per_cold:8.2f} s/document")
    line(
        f"batched: one soffice for {batch_n} files ({t_many:.1f} s)", f"{per_many:8.2f} s/document"
    )
    verdict("per document, cold / batched", per_cold / per_many, 5.0, higher=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repeat", type=int, default=30, help="runs per single-document figure")
    ap.add_argument("--batch", type=int, default=1000, help="documents in the batch")
    ap.add_argument("--batch-repeat", type=int, default=3, help="batch runs (median)")
    ap.add_argument("--naive-batch", type=int, default=100, help="documents of the naive loop")
    ap.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice figures")
    ap.add_argument("--pdf-cold", type=int, default=5, help="cold conversions (median)")
    ap.add_argument("--pdf-batch", type=int, default=50, help="documents in one soffice run")
    args = ap.parse_args(argv)
    print(f"Máy / machine: {machine()}")
    single(args.repeat)
    batch(args.batch, min(args.naive_batch, args.batch), args.batch_repeat)
    memory()
    if not args.no_pdf:
        if shutil.which("soffice") or shutil.which("libreoffice"):
            pdf(args.pdf_cold, args.pdf_batch)
        else:
            print("\n4. PDF: LibreOffice not installed, skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
