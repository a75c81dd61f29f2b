"""Every benchmark, one after the other, and (with ``--readme``) their output written into
benchmarks/README.md between the figure markers. ``make bench`` runs this.

    .venv/bin/python benchmarks/run_all.py [--readme] [--quick] [--no-pdf] [--no-100k]
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
START, END = "<!-- figures: start (make bench writes this part) -->", "<!-- figures: end -->"


def _run(script: str, *args: str) -> str:
    cmd = [sys.executable, str(HERE / script), "--no-machine", *args]
    print(f"$ {' '.join(cmd[1:])}", file=sys.stderr, flush=True)
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{script} failed:\n{out.stderr[-4000:]}")
    sys.stderr.write(out.stdout)
    return out.stdout.rstrip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--readme", action="store_true", help="write the figures into README.md")
    ap.add_argument("--quick", action="store_true", help="fewer rounds and rows")
    ap.add_argument("--no-pdf", action="store_true")
    ap.add_argument("--no-100k", action="store_true", help="skip the 100,000-row batch")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    from common import machine

    quick = ["--quick"] if args.quick else []
    before = machine()
    blocks = [
        _run("bench_single.py", *quick),
        _run("bench_start.py", *(["--rounds", "5"] if args.quick else [])),
        _run(
            "bench_batch.py",
            *quick,
            *(["--no-pdf"] if args.no_pdf else []),
            *([] if args.no_100k or args.quick else ["--rows-100k"]),
        ),
    ]
    after = machine()[-1].replace("at start", "at the end")
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    text = "\n".join(
        [
            f"Run of `benchmarks/run_all.py{' --quick' if args.quick else ''}` on {stamp}:",
            "",
            "```text",
            *before,
            after,
            "",
            "\n\n".join(blocks),
            "```",
        ]
    )
    print(text)
    if args.readme:
        readme = README.read_text(encoding="utf-8")
        head, rest = readme.split(START, 1)
        _, tail = rest.split(END, 1)
        README.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")
        print(f"wrote {README}", file=sys.stderr)


if __name__ == "__main__":
    main()
