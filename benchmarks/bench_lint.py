"""How ``chithi templates lint`` scales with the number of tags — prints, asserts nothing.

    .venv/bin/python benchmarks/bench_lint.py            # 500 … 8,000 tags
    .venv/bin/python benchmarks/bench_lint.py --max 32000

Each layout is the bundled one with n more tags, each split over two Word runs in one
paragraph, and n unknown variables, one per paragraph (tests/lint_layouts.py). A linear
lint's time per tag stays flat as n doubles; a quadratic one's doubles.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from chithi_gen.render.lint import lint_layout  # noqa: E402
from lint_layouts import many_tags  # noqa: E402
from support import bundled_layout_bytes  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max", type=int, default=8000, help="largest number of tags")
    args = parser.parse_args()
    layout = bundled_layout_bytes("nd30")
    print(f"{'tags':>8} {'seconds':>9} {'µs per tag':>11}")
    n = 500
    while n <= args.max:
        data = many_tags(layout, n)
        start = time.perf_counter()
        lint_layout(data)
        took = time.perf_counter() - start
        print(f"{n:>8} {took:>9.3f} {took / (2 * n) * 1e6:>11.1f}")
        n *= 2


if __name__ == "__main__":
    main()
