"""A Renderer shared by threads, fresh or warm, renders bytes identical to sequential
renders — snippets, citations, footnotes and the Quyết định included — even with the
interpreter switching threads as often as it can."""

from __future__ import annotations

import copy
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from chithi_gen import Renderer
from chithi_gen.source import read
from support import EXAMPLES, MINIMAL

THREADS = 8


def _campaigns() -> list[dict[str, Any]]:
    """Campaigns that use every feature that keeps state while composing or rendering."""
    out = [read(p).data for p in sorted(EXAMPLES.glob("*.yaml")) if "ke-thua" not in p.name]
    snippet = copy.deepcopy(MINIMAL)
    snippet["noi_dung"] += [
        {"mau_cau": "vuong_mac", "tham_so": {"dau_moi": "Phòng Văn hóa - Xã hội"}},
        {"mau_cau": "ket_luan", "tham_so": {"doi_tuong": "các cơ quan, đơn vị"}},
    ]
    out.append(snippet)
    return out


@pytest.fixture
def fast_switching() -> Iterator[None]:
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(old)


@pytest.mark.parametrize("warm", [False, True], ids=["fresh", "warm"])
def test_shared_renderer_gives_sequential_bytes(warm: bool, fast_switching: None) -> None:
    campaigns = _campaigns()
    expected = [Renderer(environ={}).render(c).docx for c in campaigns]
    for _ in range(3):
        renderer = Renderer(environ={})
        if warm:
            renderer.render(campaigns[0])
        barrier = threading.Barrier(THREADS)

        def work(
            i: int, renderer: Renderer = renderer, barrier: threading.Barrier = barrier
        ) -> bytes:
            barrier.wait()  # every thread meets the cold caches at once
            return renderer.render(campaigns[i % len(campaigns)]).docx

        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            got = list(pool.map(work, range(THREADS * 3)))
        for i, data in enumerate(got):
            assert data == expected[i % len(campaigns)], f"job {i}"


def test_shared_renderer_reports_the_same_errors(fast_switching: None) -> None:
    bad = copy.deepcopy(MINIMAL)
    bad["noi_dung"].append({"mau_cau": "vuong_mac"})  # a parameter missing
    renderer = Renderer(environ={})
    barrier = threading.Barrier(THREADS)

    def work(_: int) -> str:
        barrier.wait()
        try:
            renderer.render(bad)
        except Exception as exc:  # the same CampaignError for every thread
            return f"{type(exc).__name__}: {exc}"
        return "rendered"

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = set(pool.map(work, range(THREADS)))
    [only] = results
    assert only.startswith("CampaignError") and "dau_moi" in only
