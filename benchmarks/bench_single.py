"""One document, end to end (campaign file → .docx bytes), against a naive docxtpl render.

    .venv/bin/python benchmarks/bench_single.py [--rounds 40] [--quick]

Contenders, interleaved round by round, in one process, the layout already compiled
(as for every document after a process's first; the first is in bench_start.py):

* chithi_gen — ``Renderer.render(Renderer.read(file))``: read and parse the file, follow
  ``ke_thua``, validate, compose, render, zip;
* naive docxtpl — ``yaml.safe_load`` of the same file, then ``DocxTemplate`` of a
  one-loop template (the layout's styles, one paragraph per text: the same text as
  chithi_gen's document) ``.render`` + ``.save``; also with PyYAML's C loader;
* floor — writing the finished parts as a zip (the parts that never change compressed
  beforehand, as chithi_gen does), nothing else.

Then the same end to end for campaigns of 10 to 10,000 body items: time per item.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
from pathlib import Path

import yaml

from chithi_gen import Renderer
from chithi_gen.render.package import deflate, read_package, write_package

try:
    from common import (
        EXAMPLE,
        interleaved,
        machine,
        median,
        naive_render,
        naive_template,
        paragraphs_of,
        ratios,
        spread,
        text_of,
    )
except ImportError:  # run as benchmarks.bench_single
    from benchmarks.common import (
        EXAMPLE,
        interleaved,
        machine,
        median,
        naive_render,
        naive_template,
        paragraphs_of,
        ratios,
        spread,
        text_of,
    )

HEAD = """loai: chi_thi
co_quan: {ten: Ủy ban nhân dân huyện Hà Quảng, viet_tat: UBND}
so: 5
ngay: 2021-02-05
dia_danh: Hà Quảng
trich_yeu: Về việc phát động phong trào thi đua năm 2021
nguoi_ky: {tham_quyen: KT., cap_truong: Chủ tịch, chuc_vu: Phó Chủ tịch, ho_ten: Nguyễn Văn An}
noi_nhan: [Thường trực Huyện ủy, UBND các xã, thị trấn]
luu: {don_vi: NV}
noi_dung:
"""


def campaign_of(items: int) -> str:
    """A campaign whose body has ``items`` items (sections of 10 numbered items)."""
    lines = [HEAD]
    for s in range(0, items, 10):
        lines.append(f"  - tieu_de: Nhiệm vụ nhóm {s // 10 + 1}\n    noi_dung:\n")
        for i in range(s, min(items, s + 10)):
            lines.append(
                f"      - muc: Tổ chức thực hiện nhiệm vụ số {i + 1} của chương trình,"
                f" báo cáo kết quả trước ngày 15 hằng tháng.\n"
            )
    return "".join(lines)


def one_document(rounds: int) -> None:
    renderer = Renderer()
    path = EXAMPLE
    ours = renderer.render(renderer.read(path)).docx
    layout = renderer.templates.find_layout("nd30").read_bytes()
    template = naive_template(layout)
    paras = paragraphs_of(ours)
    naive = naive_render(template, {"doan": paras})
    # the floor: only the parts that change compressed, as chithi_gen does
    parts = {
        n: b if n in ("word/document.xml", "docProps/core.xml") else deflate(b)
        for n, b in read_package(ours).items()
    }
    digests: set[str] = set()

    def chithi() -> None:
        data = renderer.render(renderer.read(path)).docx
        digests.add(hashlib.sha256(data).hexdigest())

    def naive_safe() -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        naive_render(template, {"doan": paras, "data": data})

    def naive_c() -> None:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        naive_render(template, {"doan": paras, "data": data})

    src = renderer.read(path)
    draft = renderer.prepare(src)
    runs = interleaved(
        {
            "chithi_gen": chithi,
            "naive": naive_safe,
            "naive_c": naive_c,
            "floor": lambda: write_package(parts),
            "read": lambda: renderer.read(path),
            "prepare": lambda: renderer.prepare(src),
            "render": lambda: renderer.render(draft),
        },
        rounds,
        warmup=2,
    )
    print(f"1. One document end to end ({path.name}, {len(paras)} paragraphs),")
    print(f"   {rounds} interleaved rounds; ms: median [p25–p75] (min–max), wall clock")
    rows = [
        ("chithi_gen: file → .docx bytes", "chithi_gen"),
        ("  of which read + parse (libyaml)", "read"),
        ("  of which validate + compose", "prepare"),
        ("  of which render + zip", "render"),
        ("naive docxtpl: yaml.safe_load + one-loop render + save", "naive"),
        ("naive docxtpl with PyYAML's C loader", "naive_c"),
        ("floor: zip the same parts (static ones compressed once)", "floor"),
    ]
    for label, key in rows:
        print(f"   {label:<56} {spread(runs[key].wall)}")
    for label, key in (("naive docxtpl", "naive"), ("naive docxtpl, C loader", "naive_c")):
        r = ratios(runs["chithi_gen"].wall, runs[key].wall)
        print(
            f"   → chithi_gen / {label}: {median(r):.3f}× (round by round: {min(r):.3f}–"
            f"{max(r):.3f}; target ≤ 0.5×, goal 0.25×)"
        )
    same = "yes" if text_of(ours) == text_of(naive) else "NO"
    stable = "yes" if len(digests) == 1 else "NO"
    print(
        f"   same text in both documents: {same}; chithi_gen's bytes the same every round: {stable}"
    )


def scale(quick: bool) -> None:
    sizes = [10, 100, 1000] if quick else [10, 100, 1000, 10000]
    renderer = Renderer()
    layout = renderer.templates.find_layout("nd30").read_bytes()
    template = naive_template(layout)
    print("\n2. Document size: end to end for a body of N items (median of interleaved rounds)")
    head = ("N", "chithi_gen ms", "per item µs", "naive ms", "per item µs")
    print("   {:>6} {:>14} {:>12} {:>10} {:>12}".format(*head))
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"n{n}.yaml"
            path.write_text(campaign_of(n), encoding="utf-8")
            ours = renderer.render(renderer.read(path)).docx
            paras = paragraphs_of(ours)
            rounds = 12 if n <= 100 else (6 if n <= 1000 else 3)
            runs = interleaved(
                {
                    "ours": lambda p=path: renderer.render(renderer.read(p)),
                    "naive": lambda p=path, q=paras: naive_render(
                        template,
                        {"doan": q, "data": yaml.safe_load(p.read_text(encoding="utf-8"))},
                    ),
                },
                rounds,
                warmup=1,
            )
            t, tn = median(runs["ours"].wall), median(runs["naive"].wall)
            per = t / n * 1e6
            print(
                f"   {n:>6} {t * 1e3:>14.1f} {per:>12.1f} {tn * 1e3:>10.1f} {tn / n * 1e6:>12.1f}"
            )
    print("   (linear: the time per item stops falling and stays flat as N grows)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=40)
    ap.add_argument("--quick", action="store_true", help="fewer rounds, no 10,000-item body")
    ap.add_argument("--no-machine", action="store_true")
    args = ap.parse_args()
    if not args.no_machine:
        print("\n".join(machine()) + "\n")
    one_document(10 if args.quick else args.rounds)
    scale(args.quick)


if __name__ == "__main__":
    main()
