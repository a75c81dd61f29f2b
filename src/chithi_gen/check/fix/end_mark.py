"""A missing "./." added at the end of the body (Phụ lục III, Mẫu 1.4)."""

from __future__ import annotations

from chithi_gen.check.fix.job import Job
from chithi_gen.check.fix.result import Change
from chithi_gen.check.read.ooxml import w
from chithi_gen.check.read.walk import iter_runs


def fix_end_mark(job: Job) -> None:
    """Add "./." after the last text of the body if the end-mark rule failed."""
    if not job.failing("ND30-BODY-END") or not job.parts.body:
        return
    last = job.parts.body[-1]
    ts = [t for r in iter_runs(last.element) for t in r.iter(w("t"))]
    if not ts:
        return
    t = ts[-1]
    before = t.text or ""
    stripped = before.rstrip()
    stripped = stripped[:-1] if stripped.endswith(".") else stripped
    t.text = stripped + "./."
    job.note(
        Change(
            "ND30-BODY-END",
            last.where(),
            f"«…{before[-15:]}»",
            f"«…{t.text[-15:]}»",
            "thêm dấu «./.» cuối nội dung",
            "«./.» added at the end of the body",
        )
    )
