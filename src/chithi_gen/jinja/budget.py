"""The budget of one render of a sandboxed template: time, size, numbers and depth.

:class:`Budget` says what a render may take; :class:`_Run` keeps the account of the
render in progress (one per thread or task, through a context variable), and the
``_*_ok`` checks refuse an operation *before* it builds something over budget.
Going over raises :class:`TemplateRefused`.
"""

from __future__ import annotations

import contextvars
import math
import os
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

import jinja2

from chithi_gen.errors import LayoutError

#: Environment variables that change the :class:`Budget`.
SECONDS_VAR = "CHITHI_TEMPLATE_SECONDS"
SIZE_VAR = "CHITHI_TEMPLATE_SIZE"
#: Largest integer a sandboxed template may compute (bits).
MAX_INT_BITS = 65_536
#: Deepest nesting of calls (macros, ``loop()``) in a sandboxed template.
MAX_DEPTH = 40


@dataclass(frozen=True)
class Budget:
    """What one render of a sandboxed template may take.

    ``seconds`` of wall-clock time (default 10); ``size`` characters of output and of any
    one text the template builds (default 20 million; a list may hold ``size // 20``
    items, and all the template builds together at most ``4 * size``).
    """

    seconds: float = 10.0
    size: int = 20_000_000

    @property
    def items(self) -> int:
        """Most items of one list or tuple a template builds."""
        return max(1000, self.size // 20)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> Budget:
        """The budget, with :data:`SECONDS_VAR` and :data:`SIZE_VAR` from ``environ``
        (default ``os.environ``) where set."""
        env = os.environ if environ is None else environ
        out = cls()
        for var, name, kind in ((SECONDS_VAR, "seconds", float), (SIZE_VAR, "size", int)):
            text = env.get(var, "").strip()
            if not text:
                continue
            try:
                value = kind(text)
                if not value > 0 or not math.isfinite(value):
                    raise ValueError(text)
            except ValueError:
                raise LayoutError.single(
                    f"biến môi trường {var}='{text[:40]}' phải là một số dương",
                    f"the environment variable {var}='{text[:40]}' must be a positive number",
                    code="template-budget-setting",
                ) from None
            out = cls(**{**out.__dict__, name: value})
        return out


class TemplateRefused(jinja2.TemplateRuntimeError):
    """A sandboxed template went over its budget or did what it may not; ``vi``/``en``
    say what, ``code`` is the problem code."""

    def __init__(self, vi: str, en: str, code: str = "template-budget") -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en
        self.code = code


class _Run:
    """The budget of one render in progress (one per thread, see :data:`_RUN`)."""

    def __init__(self, budget: Budget, seconds: float | None) -> None:
        self.budget = budget
        self.deadline = math.inf if seconds is None else time.monotonic() + seconds
        self.built = 0
        self.depth = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateRefused(
                f"mẫu chạy quá {self.budget.seconds:g} giây (giới hạn {SECONDS_VAR})",
                f"the template ran longer than {self.budget.seconds:g} s (limit {SECONDS_VAR})",
            )

    def too_big(self, what_vi: str, what_en: str) -> TemplateRefused:
        return TemplateRefused(
            f"mẫu tạo ra {what_vi} quá lớn (giới hạn {self.budget.size:_} ký tự,".replace("_", ".")
            + f" {SIZE_VAR})",
            f"the template builds {what_en} too large (limit {self.budget.size:,}"
            f" characters, {SIZE_VAR})",
        )

    def size_ok(self, n: int, items: bool = False) -> None:
        if n > (self.budget.items if items else self.budget.size):
            raise self.too_big("một giá trị", "a value")

    def number_ok(self, bits: float) -> None:
        if bits > MAX_INT_BITS:
            raise TemplateRefused(
                f"mẫu tính ra một số quá lớn (hơn {MAX_INT_BITS} bit)",
                f"the template computes a number too large (over {MAX_INT_BITS} bits)",
            )

    def built_value(self, value: Any) -> Any:
        """Check and count a value the template has just built."""
        if isinstance(value, str | bytes):
            n = len(value)
            self.size_ok(n)
        elif isinstance(value, list | tuple | dict | set | frozenset):
            n = len(value)
            self.size_ok(n, items=True)
        elif isinstance(value, int):
            self.number_ok(value.bit_length())
            return value
        else:
            return value
        self.built += n
        if self.built > 4 * self.budget.size:
            raise self.too_big("quá nhiều dữ liệu", "too much data in all")
        return value


_RUN: contextvars.ContextVar[_Run | None] = contextvars.ContextVar("chithi_jinja_run", default=None)


def _estimate(value: Any, limit: int) -> int:
    """About how many characters ``value`` prints as (stops counting past ``limit``)."""
    seen: dict[int, int] = {}

    def size(v: Any) -> int:
        if isinstance(v, str | bytes):
            return len(v)
        if isinstance(v, int):
            return v.bit_length() // 3 + 1
        if not isinstance(v, list | tuple | dict | set | frozenset):
            return 16
        key = id(v)
        if key in seen:
            return seen[key]
        seen[key] = 0
        total = 2
        items: Iterable[Any] = (x for kv in v.items() for x in kv) if isinstance(v, dict) else v
        for x in items:
            total += size(x) + 2
            if total > limit:
                break
        seen[key] = total
        return total

    return size(value)


_SPEC = re.compile(r"%[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[a-zA-Z%]")
_BRACE_SPEC = re.compile(r"\{[^{}]*:([^{}]*)\}")


def _format_ok(run: _Run, text: str, percent: bool) -> None:
    """Refuse ``%``/``str.format`` widths larger than the budget (``'%0999999999d'``)."""
    if percent:
        numbers = [n for m in _SPEC.finditer(text) for n in m.groups() if n]
    else:
        if re.search(r"\{[^{}]*:[^{}]*\{", text):
            numbers = ["*"]  # a width taken from the arguments
        else:
            numbers = re.findall(r"\d+", " ".join(_BRACE_SPEC.findall(text)))
    for n in numbers:
        if n == "*" or int(n) > run.budget.items:
            raise TemplateRefused(
                "mẫu dùng độ rộng định dạng quá lớn", "the template uses a format width too large"
            )


def _binop_ok(run: _Run, op: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be over budget, before it runs."""
    seqs = (str, bytes, list, tuple)
    if op == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
        if abs(left) > 1:
            run.number_ok(right * math.log2(abs(left)))
    elif op == "*":
        if isinstance(left, int) and isinstance(right, int):
            run.number_ok(left.bit_length() + right.bit_length())
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, seqs) and isinstance(n, int):
                run.size_ok(len(seq) * max(n, 0), items=not isinstance(seq, str | bytes))
    elif op == "+" and isinstance(left, seqs) and isinstance(right, seqs):
        run.size_ok(len(left) + len(right), items=not isinstance(left, str | bytes))
    elif op == "%" and isinstance(left, str):
        _format_ok(run, left, percent=True)


def _text_len(value: Any) -> int:
    return len(value) if isinstance(value, str) else len(str(value)) if value is not None else 0


def _filter_ok(run: _Run, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse filter arguments that would build a value over budget."""
    for v in (*args[1:], *kwargs.values()):
        if isinstance(v, int) and not isinstance(v, bool) and abs(v) > run.budget.items:
            raise TemplateRefused(
                f"bộ lọc '{name}' nhận một số quá lớn ({v})",
                f"the filter '{name}' is given a number too large ({v})",
            )
    if not args or not isinstance(args[0], str):
        return
    s = args[0]
    more = [*args[1:], *kwargs.values()]
    if name == "indent":
        width = more[0] if more else 4
        w = len(width) if isinstance(width, str) else int(width)
        run.size_ok(len(s) + (s.count("\n") + 1) * w)
    elif name == "wordwrap":
        wrap = next((v for v in more if isinstance(v, str)), "\n")
        width = next((v for v in more if isinstance(v, int) and not isinstance(v, bool)), 79)
        run.size_ok(len(s) + (len(s) // max(width, 1) + 1) * len(wrap))
    elif name == "replace" and len(more) >= 2:
        old, new = str(more[0]), str(more[1])
        count = s.count(old) if old else len(s) + 1
        run.size_ok(len(s) + count * max(len(new) - len(old), 0))
    elif name == "format":
        _format_ok(run, s, percent=True)


def _call_ok(run: _Run, obj: Any, args: tuple[Any, ...]) -> tuple[Any, ...]:
    """Refuse a call of a text method whose result would be over budget."""
    owner = getattr(obj, "__self__", None)
    if not isinstance(owner, str | bytes):
        return args
    name = getattr(obj, "__name__", "")
    ints = [a for a in args if isinstance(a, int) and not isinstance(a, bool)]
    if name in ("center", "ljust", "rjust", "zfill") and ints:
        run.size_ok(ints[0])
    elif name == "expandtabs":
        tabs = owner.count("\t") if isinstance(owner, str) else owner.count(b"\t")
        run.size_ok(len(owner) + tabs * (ints or [8])[0])
    elif name == "replace" and len(args) >= 2:
        old, new = args[0], args[1]
        if isinstance(old, str | bytes) and isinstance(new, str | bytes):
            count = owner.count(old) if old else len(owner) + 1  # type: ignore[arg-type]
            run.size_ok(len(owner) + count * max(len(new) - len(old), 0))
    elif name in ("format", "format_map") and isinstance(owner, str):
        _format_ok(run, owner, percent=False)
    elif name == "join" and args:
        items = list(islice(iter(args[0]), run.budget.items + 1))
        run.size_ok(len(items), items=True)
        run.size_ok(sum(_text_len(x) for x in items) + len(owner) * len(items))
        return (items, *args[1:])
    return args
