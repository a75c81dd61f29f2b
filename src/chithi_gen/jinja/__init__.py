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

from collections.abc import Callable
from types import MappingProxyType
from typing import Any

import jinja2

from chithi_gen.jinja.budget import (
    MAX_DEPTH,
    MAX_INT_BITS,
    SECONDS_VAR,
    SIZE_VAR,
    Budget,
    TemplateRefused,
)
from chithi_gen.jinja.report import describe, error_line
from chithi_gen.jinja.sandbox import FORBIDDEN, BudgetedSandbox, BudgetedTemplate, TagRefused
from chithi_gen.vi.chu_hoa import in_hoa, viet_hoa_dau
from chithi_gen.vi.ngay import format_ngay, format_ngay_ngan
from chithi_gen.vi.so import format_so
from chithi_gen.vi.tien import tien_bang_chu

__all__ = [
    "FILTERS",
    "FORBIDDEN",
    "MAX_DEPTH",
    "MAX_INT_BITS",
    "SECONDS_VAR",
    "SIZE_VAR",
    "Budget",
    "BudgetedSandbox",
    "BudgetedTemplate",
    "TagRefused",
    "TemplateRefused",
    "describe",
    "environment",
    "error_line",
]

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
