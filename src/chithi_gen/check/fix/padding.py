"""The zero padding of the number and of the date (Phụ lục I, II.3.c and II.4.b).

"Số: 5/…" becomes "Số: 05/…"; in the date, a day below 10 and the months January and
February take a leading zero, the other months none: "ngày 5 tháng 03" becomes
"ngày 05 tháng 3". Only digits change, in the text element where they stand.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from chithi_gen.check.fix.job import Job
from chithi_gen.check.fix.result import Change
from chithi_gen.check.fix.xml import line_texts
from chithi_gen.check.locate.text import norm
from chithi_gen.check.read.ooxml import Element
from chithi_gen.check.read.paragraph import Line

_NUMBER = re.compile(r"(Số\s*:?\s*)(\d+)(\s*/)")
_DAY = re.compile(r"(ngày\s+)(\d+)(\s+tháng\s+)(\d+)(\s+năm)", re.IGNORECASE)


def fix_padding(job: Job) -> None:
    """The number and the date padded, if their text rule failed."""
    c = job.parts
    if c.so is not None and job.failing("ND30-SOKYHIEU-TEXT"):
        _pad(job, c.so, _pad_number, "ND30-SOKYHIEU-TEXT", "số", "number")
    if c.ngay is not None and job.failing("ND30-NGAY-TEXT"):
        _pad(job, c.ngay, _pad_date, "ND30-NGAY-TEXT", "ngày tháng", "date")


def _pad(job: Job, line: Line, how: Callable[[str], str], rule_id: str, vi: str, en: str) -> None:
    ts = line_texts(line)
    text = "".join(t.text or "" for t in ts)
    new = how(text)
    if new == text:
        return
    _rewrite(ts, text, new)
    job.note(
        Change(
            rule_id,
            line.where(),
            f"«{norm(text)}»",
            f"«{norm(new)}»",
            f"thêm/bớt số 0 ở {vi}",
            f"zero padding of the {en}",
        )
    )


def _pad_number(text: str) -> str:
    def fix(m: re.Match[str]) -> str:
        n = int(m.group(2))
        digits = f"{n:02d}" if n < 10 else str(n)
        return f"{m.group(1)}{digits}{m.group(3)}" if n else m.group(0)

    return _NUMBER.sub(fix, text, count=1)


def _pad_date(text: str) -> str:
    def fix(m: re.Match[str]) -> str:
        day, month = int(m.group(2)), int(m.group(4))
        d = f"{day:02d}" if day < 10 else str(day)
        mo = f"{month:02d}" if month in {1, 2} else str(month)
        return f"{m.group(1)}{d}{m.group(3)}{mo}{m.group(5)}"

    return _DAY.sub(fix, text, count=1)


def _rewrite(ts: list[Element], old: str, new: str) -> None:
    """Put ``new`` (an edit of ``old``, the joined text of ``ts``) back into the runs.

    The edit changes digits only, so the prefix each text element held is kept and
    the change lands in the element where it starts.
    """
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    pos = 0
    inserted = False
    for t in ts:
        text = t.text or ""
        a, b = pos, pos + len(text)
        pos = b
        lo, hi = max(a, start), min(b, end_old)
        if lo > hi or (lo == hi and not (a <= start <= b)):
            continue
        piece = new[start:end_new] if not inserted else ""
        t.text = text[: lo - a] + piece + text[hi - a :]
        inserted = True
        if t.text != t.text.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
