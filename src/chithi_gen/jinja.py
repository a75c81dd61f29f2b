"""The Jinja environments of chithi_gen: one filter table, one set of policies, one budget.

Layouts (XML, autoescaped) and clause snippets (plain text) are both Jinja templates;
both get their environment here, so they see the same filters — Vietnamese numbers,
dates, capitals and amounts in words — and the same policies: ``StrictUndefined``
everywhere (a variable the data does not provide is an error naming it), and for every
template that did not ship with chithi_gen a sandbox that cannot hang or exhaust the
machine (:class:`BudgetedSandbox`):

* a template cannot load other files: ``{% include %}``, ``{% import %}``,
  ``{% from … import %}`` and ``{% extends %}`` are refused when it is compiled;
* it cannot change data (Jinja's immutable sandbox) and has no ``lipsum``;
* arithmetic and repetition are checked before they run, so neither compiling (Jinja
  folds constants: ``{{ 9**(9**9) }}``) nor rendering can build a number of more than
  :data:`MAX_INT_BITS` bits or a text or list beyond the :class:`Budget`'s size;
  every filter, call and value printed is checked too, and so is the total built;
* every loop step, call, attribute, operator and piece of output checks the render's
  wall-clock deadline, and calls nest at most :data:`MAX_DEPTH` deep (recursion).

Going over is a :class:`TemplateRefused` (a Jinja ``TemplateError`` with both
messages), which the layout and snippet code turn into a bilingual ``LayoutError``.
The budget's defaults can be changed with the environment variables
``CHITHI_TEMPLATE_SECONDS`` and ``CHITHI_TEMPLATE_SIZE`` (read when an environment is
made; see docs/template-authors.md).
"""

from __future__ import annotations

import contextvars
import math
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import update_wrapper
from itertools import islice
from types import MappingProxyType
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from chithi_gen.errors import LayoutError
from chithi_gen.vi.chu_hoa import in_hoa, viet_hoa_dau
from chithi_gen.vi.ngay import format_ngay, format_ngay_ngan
from chithi_gen.vi.so import format_so
from chithi_gen.vi.tien import tien_bang_chu

#: The filters every template can use: ``{{ 27716 | so }}`` → "27.716",
#: ``{{ d | ngay }}`` → "ngày 05 tháng 02 năm 2021", ``{{ d | ngay_ngan }}`` → "05/02/2021",
#: ``{{ x | in_hoa }}``, ``{{ x | viet_hoa_dau }}``, ``{{ 1500000 | tien_bang_chu }}``.
FILTERS: MappingProxyType[str, Callable[..., Any]] = MappingProxyType(
    {
        "so": format_so,
        "ngay": format_ngay,
        "ngay_ngan": format_ngay_ngan,
        "in_hoa": in_hoa,
        "viet_hoa_dau": viet_hoa_dau,
        "tien_bang_chu": tien_bang_chu,
    }
)

#: Environment variables that change the :class:`Budget`.
SECONDS_VAR = "CHITHI_TEMPLATE_SECONDS"
SIZE_VAR = "CHITHI_TEMPLATE_SIZE"
#: Largest integer a sandboxed template may compute (bits).
MAX_INT_BITS = 65_536
#: Deepest nesting of calls (macros, ``loop()``) in a sandboxed template.
MAX_DEPTH = 40
#: Tags that load another file: never allowed in a user's template.
FORBIDDEN = {
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "from … import",
    nodes.Extends: "extends",
}


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


class TagRefused(jinja2.TemplateSyntaxError):
    """A template uses a tag it may not (``include``…), found when it is compiled."""

    def __init__(self, vi: str, en: str, lineno: int, name: str | None, file: str | None):
        super().__init__(en, lineno, name, file)
        self.vi = vi
        self.en = en


def describe(exc: BaseException) -> tuple[str, str, str]:
    """(vi, en, code) of an error raised compiling or rendering a template."""
    if isinstance(exc, TemplateRefused | TagRefused):
        code = exc.code if isinstance(exc, TemplateRefused) else "template-tag-refused"
        return exc.vi, exc.en, code
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return (
            f"lỗi thẻ Jinja ({exc.message})",
            f"Jinja tag error ({exc.message})",
            "template-syntax",
        )
    if isinstance(exc, RecursionError):
        return (
            "mẫu lồng nhau hoặc gọi đệ quy quá sâu",
            "the template nests or recurses too deeply",
            "template-budget",
        )
    if isinstance(exc, MemoryError):
        return ("mẫu dùng quá nhiều bộ nhớ", "the template uses too much memory", "template-budget")
    if isinstance(exc, jinja2.UndefinedError):
        return (
            f"dùng biến không có trong dữ liệu: {exc.message}",
            f"uses a variable the data does not provide: {exc.message}",
            "template-variable",
        )
    name = type(exc).__name__
    return (
        f"lỗi khi điền dữ liệu: {name}: {exc}",
        f"failed to render: {name}: {exc}",
        "template-error",
    )


def error_line(exc: BaseException, filename: str | None = None) -> int | None:
    """The template line where ``exc`` was raised: Jinja points its traceback there."""
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    names = {"<template>", filename}
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in names:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line if isinstance(line, int) else None


# ------------------------------------------------------------------------ the budget


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


class BudgetedTemplate(jinja2.Template):
    """A template whose :meth:`render` runs under its environment's :class:`Budget`."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        budget: Budget | None = getattr(self.environment, "budget", None)
        if budget is None:
            return super().render(*args, **kwargs)
        run = _Run(budget, budget.seconds)
        token = _RUN.set(run)
        try:
            pieces: list[str] = []
            total = 0
            for piece in self.generate(*args, **kwargs):
                total += len(piece)
                if total > budget.size:
                    raise run.too_big("kết quả", "an output")
                run.tick()
                pieces.append(piece)
            return "".join(pieces)
        finally:
            _RUN.reset(token)


class _Guard(NodeTransformer):
    """Route every loop's items and every ``~`` through the budget."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, "_budget_each", [], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return nodes.Filter(node, "_budget_built", [], [], None, None, lineno=node.lineno)


class BudgetedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox under a :class:`Budget`, loading no other file."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})

    def __init__(self, *args: Any, budget: Budget | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.budget = budget if budget is not None else Budget.from_environ()
        self.template_class = BudgetedTemplate
        self.globals.pop("lipsum", None)
        self.finalize = self._finalize

    def run(self) -> _Run:
        """The budget of the render in progress (at compile time: checks, no clock)."""
        current = _RUN.get()
        return current if current is not None else _Run(self.budget, None)

    def guard_filters(self) -> None:
        """Put every filter behind the budget, and add the loop and ``~`` guards."""
        for name, fn in list(self.filters.items()):
            self.filters[name] = self._guarded(name, fn)
        self.filters["_budget_each"] = self._each
        self.filters["_budget_built"] = lambda value: self.run().built_value(value)

    def _guarded(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        passes = getattr(fn, "jinja_pass_arg", None)

        def guarded(*args: Any, **kwargs: Any) -> Any:
            run = self.run()
            run.tick()
            _filter_ok(run, name, args[1:] if passes is not None else args, kwargs)
            return run.built_value(fn(*args, **kwargs))

        update_wrapper(guarded, fn)
        if passes is not None:
            guarded.jinja_pass_arg = passes  # type: ignore[attr-defined]
        return guarded

    def _each(self, iterable: Any) -> Iterator[Any]:
        run = self.run()
        for item in iterable:
            run.tick()
            yield item

    def _finalize(self, value: Any) -> Any:
        run = self.run()
        run.tick()
        if isinstance(value, list | tuple | dict | set | frozenset):
            n = _estimate(value, run.budget.size + 1)
            run.size_ok(n)
            run.built += n
        return value

    def compile(
        self,
        source: str | nodes.Template,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        """Compile with the tags that load files refused and every loop guarded."""
        try:
            tree = self.parse(source, name, filename) if isinstance(source, str) else source
            for kind, tag in FORBIDDEN.items():
                for node in tree.find_all(kind):
                    raise TagRefused(
                        f"thẻ {{% {tag} %}} không được dùng: mẫu của người dùng không được nạp"
                        " tệp khác; hãy chép nội dung vào thẳng mẫu",
                        f"the tag {{% {tag} %}} is not allowed: a user's template may not load"
                        " other files; copy the content into the template itself",
                        node.lineno,
                        name,
                        filename,
                    )
            tree = _Guard().visit(tree)
            return super().compile(tree, name, filename, raw, defer_init)  # type: ignore[call-overload]
        except (RecursionError, MemoryError, SyntaxError) as exc:
            raise TagRefused(
                "mẫu lồng nhau quá sâu hoặc quá lớn để dịch",
                "the template nests too deeply or is too large to compile",
                1,
                name,
                filename,
            ) from exc

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.run().tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        run = self.run()
        run.tick()
        value = super().getitem(obj, argument)
        return run.built_value(value) if isinstance(argument, slice) else value

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        fmt = super().wrap_str_format(value)
        if fmt is not None and isinstance(getattr(value, "__self__", None), str):
            _format_ok(self.run(), value.__self__, percent=False)
        return fmt

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        run = self.run()
        run.tick()
        _binop_ok(run, operator, left, right)
        return run.built_value(super().call_binop(context, operator, left, right))

    def call(
        __self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any
    ) -> Any:
        run = __self.run()
        run.tick()
        args = _call_ok(run, __obj, args)
        if run.depth >= MAX_DEPTH:
            raise TemplateRefused(
                f"mẫu gọi lồng nhau quá {MAX_DEPTH} tầng (đệ quy?)",
                f"the template nests calls more than {MAX_DEPTH} deep (recursion?)",
            )
        run.depth += 1
        try:
            value = super().call(__context, __obj, *args, **kwargs)
        finally:
            run.depth -= 1
        return run.built_value(value)


def environment(
    *,
    sandboxed: bool,
    autoescape: bool,
    loader: jinja2.BaseLoader | None = None,
    budget: Budget | None = None,
    **options: Any,
) -> jinja2.Environment:
    """A Jinja environment with chithi_gen's filters and policies.

    ``sandboxed`` must be true for templates that did not ship with chithi_gen: they
    render in a :class:`BudgetedSandbox` under ``budget`` (default: the
    :class:`Budget` with the environment variables applied); ``autoescape`` is on for
    layouts (their output is XML) and off for snippets (their output is text, escaped
    later like any user text).
    """
    common: dict[str, Any] = {
        "autoescape": autoescape,
        "undefined": jinja2.StrictUndefined,
        "loader": loader,
        **options,
    }
    if not sandboxed:
        env = jinja2.Environment(**common)
        env.filters.update(FILTERS)
        return env
    sandbox = BudgetedSandbox(budget=budget, **common)
    sandbox.filters.update(FILTERS)
    sandbox.guard_filters()
    return sandbox
