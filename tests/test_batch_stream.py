"""Batch in memory: every row's bytes or problems, in row order, on any executor, with
nothing written."""

from __future__ import annotations

import concurrent.futures as cf
import copy
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from chithi_gen import Renderer, render_batch
from chithi_gen.batch import iter_batch
from support import MINIMAL


class InOrder(cf.Executor):
    """An executor of someone else's making: runs each job when submitted."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future[Any]:
        future: cf.Future[Any] = cf.Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:
            future.set_exception(exc)
        return future


ROWS = [{"so": n, "dia_danh": f"Xã Số {n}"} for n in range(1, 30)] + [{"so": "x"}]


@pytest.mark.parametrize(
    "make",
    [
        lambda: None,
        InOrder,
        lambda: cf.ThreadPoolExecutor(max_workers=3),
        lambda: cf.ProcessPoolExecutor(max_workers=2),
    ],
    ids=["no executor", "custom", "threads", "processes"],
)
def test_rows_in_order_nothing_written(
    make: Callable[[], cf.Executor | None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    executor = make()
    try:
        results = list(iter_batch(copy.deepcopy(MINIMAL), ROWS, executor=executor, chunk_size=4))
    finally:
        if executor is not None:
            executor.shutdown()
    assert [r.row.row for r in results] == list(range(1, len(ROWS) + 1))
    assert all(r.ok for r in results[:-1])
    bad = results[-1]
    assert bad.docx is None and bad.problems[0].loc == ("so",)
    assert results[0].ten_tep == "001-xa-so-1.docx"
    assert list(tmp_path.iterdir()) == []


def test_same_bytes_as_render_batch(tmp_path: Path) -> None:
    rows = ROWS[:5]
    report = render_batch(copy.deepcopy(MINIMAL), rows, tmp_path, max_workers=1)
    written = {r.ten_tep: r.path.read_bytes() for r in report.written if r.path}
    streamed = {r.ten_tep: r.docx for r in iter_batch(copy.deepcopy(MINIMAL), rows)}
    assert written == streamed


def test_warnings_travel_with_the_row() -> None:
    data = copy.deepcopy(MINIMAL)
    data["noi_dung"].append(
        {"phan_cong": {"chu_tri": "Phòng Văn hóa - Xã hội", "nhiem_vu": "tuyên truyền"}}
    )
    [result] = iter_batch(data, [{"so": 2}], renderer=Renderer(environ={}))
    assert result.ok and [w.code for w in result.warnings] == ["recipient-missing"]


def test_a_worker_that_dies_fails_its_rows_only() -> None:
    class Dies(InOrder):
        def __init__(self) -> None:
            self.calls = 0

        def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future[Any]:
            self.calls += 1
            if self.calls == 2:
                future: cf.Future[Any] = cf.Future()
                future.set_exception(cf.process.BrokenProcessPool(f"pid {os.getpid()}"))
                return future
            return super().submit(fn, *args, **kwargs)

    results = list(iter_batch(copy.deepcopy(MINIMAL), ROWS[:12], executor=Dies(), chunk_size=4))
    assert [r.ok for r in results] == [True] * 4 + [False] * 4 + [True] * 4
    assert results[4].problems[0].code == "worker-failed"


def test_data_given_directly_cannot_name_parent_files() -> None:
    from chithi_gen import CampaignError

    data = {**copy.deepcopy(MINIMAL), "ke_thua": "/etc/passwd.yaml"}
    with pytest.raises(CampaignError) as exc:
        Renderer(environ={}).validate(data)
    assert [p.code for p in exc.value.problems] == ["ke-thua-in-data"]
