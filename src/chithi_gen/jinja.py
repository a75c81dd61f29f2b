"""The Jinja environments of chithi_gen: one filter table, one set of policies.

Layouts (XML, autoescaped) and clause snippets (plain text) are both Jinja templates;
both get their environment here, so they see the same filters — Vietnamese numbers,
dates, capitals and amounts in words — and the same policies: ``StrictUndefined``
everywhere (a variable the data does not provide is an error naming it), and Jinja's
sandbox for every template that did not ship with chithi_gen.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

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


def environment(
    *,
    sandboxed: bool,
    autoescape: bool,
    loader: jinja2.BaseLoader | None = None,
    **options: Any,
) -> jinja2.Environment:
    """A Jinja environment with chithi_gen's filters and policies.

    ``sandboxed`` must be true for templates that did not ship with chithi_gen;
    ``autoescape`` is on for layouts (their output is XML) and off for snippets (their
    output is text, escaped later like any user text).
    """
    cls = SandboxedEnvironment if sandboxed else jinja2.Environment
    env = cls(autoescape=autoescape, undefined=jinja2.StrictUndefined, loader=loader, **options)
    env.filters.update(FILTERS)
    return env
