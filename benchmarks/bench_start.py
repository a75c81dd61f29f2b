"""Command-line start: ``chithi render`` and ``chithi check`` against a bare Python start.

    .venv/bin/python benchmarks/bench_start.py [--rounds 15]

Every contender is a fresh process, run in turn (A B C … A B C …); figures are the
process's CPU time (user + system, from ``getrusage`` of the child) and wall time. The
Python files are compiled to bytecode first and the children may write bytecode, as
after ``pip install`` (``PYTHONDONTWRITEBYTECODE`` would recompile every module of
chithi_gen at every start). ``chithi render`` runs warm — the compiled layout is in the
cache (render/cache.py), as for every run after the first — and cold, with an empty
cache folder each time. Then ``-X importtime``: what each command imports, heaviest first.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    from common import EXAMPLE, ROOT, machine, median, ratios, spread
except ImportError:
    from benchmarks.common import EXAMPLE, ROOT, machine, median, ratios, spread

BIN = Path(sys.executable).parent
CHITHI = [sys.executable, str(BIN / "chithi")] if (BIN / "chithi").exists() else None


def _chithi(*args: str) -> list[str]:
    if CHITHI is not None:
        return [*CHITHI, *args]
    return [sys.executable, "-c", "import sys; from chithi_gen.cli import main; sys.exit(main())",
            *args]  # fmt: skip


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed: {proc.stderr.decode()[-2000:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return cpu, wall


def _importtime(cmd: list[str], env: dict[str, str], top: int) -> list[str]:
    proc = subprocess.run(
        [cmd[0], "-X", "importtime", *cmd[1:]], env=env, capture_output=True, text=True
    )
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cum, name = line[len("import time:") :].split("|")
        rows.append((int(cum), int(own), name.rstrip()))
    total = sum(own for _, own, _ in rows)
    out = [f"   all imports: {total / 1000:.1f} ms (wall, sum of self times), {len(rows)} modules"]
    shown = sorted(rows, reverse=True)
    for cum, own, name in shown[:top]:
        out.append(f"   {cum / 1000:8.1f} {own / 1000:7.1f}  {name}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--no-machine", action="store_true")
    args = ap.parse_args()
    if not args.no_machine:
        print("\n".join(machine()) + "\n")
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory(prefix="chithi-start-") as tmp:
        work = Path(tmp)
        docx = work / "a.docx"
        warm_env = {**env, "CHITHI_CACHE": str(work / "cache")}
        cold_cache = work / "cold"
        cold_env = {**env, "CHITHI_CACHE": str(cold_cache)}
        render = _chithi("render", str(EXAMPLE), "-o", str(docx), "--force")
        subprocess.run(render, env=warm_env, check=True, capture_output=True)
        cmds: dict[str, tuple[list[str], dict[str, str]]] = {
            "python -c pass": ([sys.executable, "-c", "pass"], env),
            "python -S -c pass": ([sys.executable, "-S", "-c", "pass"], env),
            "chithi --help": (_chithi("--help"), env),
            "chithi check": (_chithi("check", str(docx)), env),
            "chithi render (warm)": (render, warm_env),
            "chithi render (cold cache)": (render, cold_env),
        }
        cpu: dict[str, list[float]] = {k: [] for k in cmds}
        wall: dict[str, list[float]] = {k: [] for k in cmds}
        for i in range(args.rounds + 1):
            for name, (cmd, e) in cmds.items():
                if name.endswith("(cold cache)"):
                    shutil.rmtree(cold_cache, ignore_errors=True)
                c, w = _run(cmd, e)
                if i:  # the first round warms the disk cache
                    cpu[name].append(c)
                    wall[name].append(w)
        base = "python -c pass"
        print(f"3. Start of a command, {args.rounds} interleaved rounds, ms: median [p25–p75]"
              " (min–max)")  # fmt: skip
        print(f"   {'':<28} {'CPU':<30} {'wall':<30} ×pass (CPU, wall)")
        for name in cmds:
            rc = median(ratios(cpu[name], cpu[base]))
            rw = median(ratios(wall[name], wall[base]))
            print(f"   {name:<28} {spread(cpu[name]):<30} {spread(wall[name]):<30}"
                  f" {rc:5.1f}× {rw:5.1f}×")  # fmt: skip
        print("   targets: chithi render ≤ 15×, chithi check ≤ 10× a bare python -c pass")
        print("\n   -X importtime, chithi render (warm): cumulative ms, self ms, module")
        print("\n".join(_importtime(render, warm_env, 25)))
        print("\n   -X importtime, chithi check: cumulative ms, self ms, module")
        print("\n".join(_importtime(_chithi("check", str(docx)), env, 15)))


if __name__ == "__main__":
    main()
