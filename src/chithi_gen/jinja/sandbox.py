"""Jinja's immutable sandbox under a :class:`~chithi_gen.jinja.budget.Budget`.

:class:`BudgetedSandbox` refuses the tags that load other files when a template is
compiled (:class:`TagRefused`), routes every loop and ``~`` through the budget, and
checks every filter, call, attribute, operator and value printed while it renders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import update_wrapper
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from chithi_gen.jinja.budget import (
    _RUN,
    MAX_DEPTH,
    Budget,
    TemplateRefused,
    _binop_ok,
    _call_ok,
    _estimate,
    _filter_ok,
    _format_ok,
    _Run,
)

#: Tags that load another file: never allowed in a user's template.
FORBIDDEN = {
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "from … import",
    nodes.Extends: "extends",
}


class TagRefused(jinja2.TemplateSyntaxError):
    """A template uses a tag it may not (``include``…), found when it is compiled."""

    def __init__(self, vi: str, en: str, lineno: int, name: str | None, file: str | None):
        super().__init__(en, lineno, name, file)
        self.vi = vi
        self.en = en


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
