"""Literal numbering of the body: labels are text computed here, never by Word.

Word's list numbering cannot produce the Vietnamese letter sequence (a, b, c, d, đ,
e, g, h …) and restarts badly inside template loops, so every label is plain text.

A :class:`Scheme` names the label style of each level of the body tree:

* ``la_ma`` — "I.", "II." (Roman: the mục of Phụ lục I, II.6.đ and sample item 6b);
* ``so`` — "1.", "2." (Arabic: the khoản);
* ``thap_phan`` — "1.1.", "1.1.1." (decimal: the numbers of the Arabic or decimal
  levels above, then its own);
* ``chu`` — "a)", "b)" … "đ)" (Vietnamese letters: the điểm);
* ``gach`` — "-"; ``cong`` — "+";
* ``khong`` — no label: the level is left unnumbered.

Two named presets, both seen in real directives: ``la_ma`` — I. / 1. / a) / - / +, and
``thap_phan`` — 1. / 1.1. / 1.1.1. / a) / - / + (the Hà Quảng 2021 directive). A
scheme may start at any of its levels (``start``): the la_ma preset started at level 2
numbers a body of khoản and điểm only, "1." / "a)". Levels past the end of a scheme
go on with "-" then "+".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from chithi_gen.vi.chu_cai import chu_cai
from chithi_gen.vi.la_ma import so_la_ma

#: The label style of one level.
Style = Literal["la_ma", "so", "thap_phan", "chu", "gach", "cong", "khong"]
STYLES: tuple[Style, ...] = get_args(Style)
#: The named presets.
Preset = Literal["la_ma", "thap_phan"]
PRESETS: dict[str, tuple[Style, ...]] = {
    "la_ma": ("la_ma", "so", "chu", "gach", "cong"),
    "thap_phan": ("so", "thap_phan", "thap_phan", "chu", "gach", "cong"),
}
#: What each style prints, for messages and the guides.
EXAMPLES: dict[Style, str] = {
    "la_ma": "I.",
    "so": "1.",
    "thap_phan": "1.1.",
    "chu": "a)",
    "gach": "-",
    "cong": "+",
    "khong": "không số",
}
#: Styles whose numbers a decimal label carries on ("1." then "1.1.").
_DECIMAL_PARTS = ("so", "thap_phan")


@dataclass(frozen=True, slots=True)
class Scheme:
    """The label style of each level, and the level the body starts at (1-based)."""

    levels: tuple[Style, ...] = PRESETS["la_ma"]
    start: int = 1

    def __post_init__(self) -> None:
        if not self.levels or any(s not in STYLES for s in self.levels):
            raise ValueError(f"invalid numbering levels {self.levels!r}")
        if self.start < 1:
            raise ValueError(f"invalid start level {self.start!r}")

    def style(self, depth: int) -> Style:
        """The style of body depth ``depth`` (1 for the top level of the body)."""
        i = self.start - 1 + depth - 1
        if i < len(self.levels):
            return self.levels[i]
        last = self.levels[-1]
        past = i - len(self.levels)  # 0 for the first level past the end
        if last in ("gach", "cong"):
            return "cong"
        return "gach" if past == 0 else "cong"

    def label(self, path: Sequence[int | None]) -> str:
        """The label of the item at ``path``: its number and those of its ancestors
        (1-based, from the top level down; ``None`` for an unnumbered item)."""
        if not path or any(n is not None and n < 1 for n in path):
            raise ValueError(f"invalid numbering path {list(path)!r}")
        depth = len(path)
        n = path[-1]
        style = self.style(depth)
        if n is None or style == "khong":
            return ""
        if style == "la_ma":
            return f"{so_la_ma(n)}."
        if style == "so":
            return f"{n}."
        if style == "chu":
            return f"{chu_cai(n - 1)})"
        if style == "gach":
            return "-"
        if style == "cong":
            return "+"
        parts = [n]
        d = depth - 1
        while d >= 1 and self.style(d) in _DECIMAL_PARTS:
            above = path[d - 1]
            if above is not None:
                parts.insert(0, above)
            if self.style(d) == "so":
                break
            d -= 1
        return ".".join(str(k) for k in parts) + "."

    def heading_is_upper(self, depth: int) -> bool:
        """Whether a heading at ``depth`` is printed in capitals.

        Phụ lục I, sample table item 6b: "Số thứ tự và tiêu đề của mục" — in hoa, đậm —
        so headings of a Roman level (the mục) are in capitals; khoản and điểm headings
        are in normal case, bold.
        """
        return self.style(depth) == "la_ma"


def scheme(name: str | Scheme) -> Scheme:
    """A preset by name (``la_ma``, ``thap_phan``), or ``name`` itself if a scheme."""
    if isinstance(name, Scheme):
        return name
    if name not in PRESETS:
        raise ValueError(f"unknown numbering scheme {name!r}")
    return Scheme(PRESETS[name])


def label(name: str | Scheme, path: Sequence[int | None]) -> str:
    """The label of the node at ``path`` (1-based positions from the top level down).

    >>> label("la_ma", [3]), label("la_ma", [3, 2]), label("la_ma", [3, 2, 5])
    ('III.', '2.', 'đ)')
    >>> label("thap_phan", [3, 1]), label("thap_phan", [3, 1, 2, 4])
    ('3.1.', 'd)')
    >>> label(Scheme(("so", "chu")), [8, 2]), label(Scheme(PRESETS["la_ma"], 2), [4])
    ('b)', '4.')
    """
    return scheme(name).label(path)


def heading_is_upper(name: str | Scheme, level: int) -> bool:
    """Whether a heading at ``level`` is printed in capitals (see
    :meth:`Scheme.heading_is_upper`)."""
    return scheme(name).heading_is_upper(level)
