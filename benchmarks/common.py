"""What every benchmark shares: the machine as read now, interleaved timing, statistics,
and the naive docxtpl contender.

Nothing here asserts a time. Contenders run in turn (A B C A B C …) so that a noisy
neighbour slows them alike; each figure is a median with its spread (min–max and the
middle half, p25–p75).
"""

from __future__ import annotations

import io
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "chi-thi-ha-quang-2021.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# ------------------------------------------------------------------------ the machine


def _first(path: str, key: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "-"


def soffice_version() -> str | None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        return None
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip().splitlines()[0] if out.stdout.strip() else None


def cores() -> int:
    """Processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def machine() -> list[str]:
    """The machine, read now: processors, memory, system, Python and the libraries."""
    mem_kib = _first("/proc/meminfo", "MemTotal").split()[0]
    swap_kib = _first("/proc/meminfo", "SwapTotal").split()[0]
    try:
        import yaml

        libyaml = f"PyYAML {yaml.__version__}, libyaml {'yes' if yaml.__with_libyaml__ else 'no'}"
    except ImportError:
        libyaml = "PyYAML missing"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"CPU: {_first('/proc/cpuinfo', 'model name')}; {cores()} usable of"
        f" {os.cpu_count()} (os.sched_getaffinity, os.cpu_count)",
        f"RAM: {int(mem_kib) / 2**20:.1f} GiB, swap {int(swap_kib) / 2**20:.1f} GiB (/proc/meminfo)"
        if mem_kib.isdigit() and swap_kib.isdigit()
        else "RAM: ?",
        f"System: {platform.system()} {platform.release()}, {platform.machine()}",
        f"Python {platform.python_version()} ({platform.python_implementation()}); this"
        f" process writes bytecode: {'no' if sys.dont_write_bytecode else 'yes'}"
        " (bench_start.py compiles first and lets the commands it starts write it)",
        f"Libraries: {libyaml}; ruamel.yaml {_version('ruamel.yaml')};"
        f" pydantic {_version('pydantic')}; docxtpl {_version('docxtpl')};"
        f" python-docx {_version('python-docx')}; Jinja2 {_version('Jinja2')};"
        f" lxml {_version('lxml')}",
        f"LibreOffice: {soffice_version() or 'not installed'}",
        f"Load average at start (1, 5, 15 min): {load}",
    ]


# --------------------------------------------------------------------------- timing


@dataclass
class Sample:
    """Times of one contender, seconds: wall clock and CPU."""

    wall: list[float]
    cpu: list[float]


def interleaved(
    contenders: Mapping[str, Callable[[], Any]], rounds: int, warmup: int = 1
) -> dict[str, Sample]:
    """Run each contender once per round, in turn; wall and CPU time of this process
    (and of its children reaped during the run)."""
    for _ in range(warmup):
        for fn in contenders.values():
            fn()
    out = {name: Sample([], []) for name in contenders}
    for _ in range(rounds):
        for name, fn in contenders.items():
            c0 = cpu_now()
            t0 = time.perf_counter()
            fn()
            out[name].wall.append(time.perf_counter() - t0)
            out[name].cpu.append(cpu_now() - c0)
    return out


def cpu_now() -> float:
    """CPU seconds of this process and its reaped children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def spread(xs: list[float], unit: float = 1e3, fmt: str = "{:.1f}") -> str:
    """``median [p25–p75] (min–max)`` in ``unit`` (default: ms)."""
    q = statistics.quantiles(xs, n=4) if len(xs) > 1 else [xs[0]] * 3
    f = fmt.format
    return (
        f"{f(median(xs) * unit)} [{f(q[0] * unit)}–{f(q[2] * unit)}]"
        f" ({f(min(xs) * unit)}–{f(max(xs) * unit)})"
    )


def ratios(a: list[float], b: list[float]) -> list[float]:
    """Pairwise ratios of two interleaved series (round by round)."""
    return [x / y for x, y in zip(a, b, strict=True) if y > 0]


def cpu_ticks() -> tuple[int, int]:
    """(busy, total) clock ticks of the whole machine so far (/proc/stat): how much of
    the machine was busy over a run, whoever kept it busy."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields) - idle, sum(fields)


def rss_mib() -> float:
    """Resident memory of this process now (MiB)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ------------------------------------------------------------ the naive contender


def paragraphs_of(docx: bytes) -> list[str]:
    """The text of every paragraph of a .docx body, in order."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return ["".join(p.itertext()) for p in root.iter(f"{W}p")]


def naive_template(layout: bytes) -> bytes:
    """A one-loop docxtpl template: the layout's styles and page, one paragraph per text
    (``{%p for p in doan %}{{ p }}{%p endfor %}``) — what a naive script renders."""
    from docx import Document

    doc = Document(io.BytesIO(layout))
    body = doc.element.body
    for child in list(body):
        if child.tag != f"{W}sectPr":
            body.remove(child)
    doc.add_paragraph("{%p for p in doan %}")
    doc.add_paragraph("{{ p }}")
    doc.add_paragraph("{%p endfor %}")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def naive_render(template: bytes, context: dict[str, Any], out: Path | None = None) -> bytes:
    """The naive docxtpl way, once per document: load the template, render, save."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(io.BytesIO(template))
    tpl.render(context, autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    data = buf.getvalue()
    if out is not None:
        out.write_bytes(data)
    return data


def text_of(docx: bytes) -> str:
    """All body text, whitespace squeezed (to compare two renderings' text)."""
    return re.sub(r"\s+", " ", " ".join(paragraphs_of(docx))).strip()
