"""Literal numbering of the body: labels are text computed here, never by Word.

Word's list numbering cannot produce the Vietnamese letter sequence (a, b, c, d, đ,
e, g, h …) and restarts badly inside template loops, so every label is plain text.

Two schemes, both seen in real directives:

* ``la_ma`` — I. / 1. / a) / - / + (Phụ lục I, II.6.đ and the sample table, item 6b:
  mục in Roman numerals, khoản in Arabic numerals, điểm in Vietnamese letters).
* ``thap_phan`` — 1. / 1.1. / 1.1.1. / a) / - / + (the Hà Quảng 2021 directive).

Levels past the end of a scheme repeat its last label ("+").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from chithi_gen.vi.chu_cai import chu_cai
from chithi_gen.vi.la_ma import so_la_ma

Scheme = Literal["la_ma", "thap_phan"]


def label(scheme: Scheme, path: Sequence[int]) -> str:
    """The label of the node at ``path`` (1-based positions from the top level down).

    >>> label("la_ma", [3]), label("la_ma", [3, 2]), label("la_ma", [3, 2, 5])
    ('III.', '2.', 'đ)')
    >>> label("thap_phan", [3, 1]), label("thap_phan", [3, 1, 2, 4])
    ('3.1.', 'd)')
    """
    if not path or any(n < 1 for n in path):
        raise ValueError(f"invalid numbering path {list(path)!r}")
    level = len(path)
    n = path[-1]
    if scheme == "la_ma":
        if level == 1:
            return f"{so_la_ma(n)}."
        if level == 2:
            return f"{n}."
        if level == 3:
            return f"{chu_cai(n - 1)})"
        return "-" if level == 4 else "+"
    if scheme == "thap_phan":
        if level <= 3:
            return ".".join(str(k) for k in path) + "."
        if level == 4:
            return f"{chu_cai(n - 1)})"
        return "-" if level == 5 else "+"
    raise ValueError(f"unknown numbering scheme {scheme!r}")


def heading_is_upper(scheme: Scheme, level: int) -> bool:
    """Whether a heading at ``level`` is printed in capitals.

    Phụ lục I, sample table item 6b: "Số thứ tự và tiêu đề của mục" — in hoa, đậm — so
    the top level of the ``la_ma`` scheme is in capitals; khoản headings are in normal
    case, bold. The ``thap_phan`` scheme keeps every heading in normal case.
    """
    return scheme == "la_ma" and level == 1
