"""Roman numerals: *chữ số La Mã*.

ND30 numbers *phần* (parts) and *chương* (chapters) with Roman numerals
(Phụ lục I, II.6.đ), as well as the appendices of a document that has two or
more (Phụ lục I, III.1.a).
"""

from __future__ import annotations

__all__ = ["so_la_ma"]

_BANG = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def so_la_ma(n: int) -> str:
    """Return ``n`` in standard subtractive Roman numerals: 4 -> ``"IV"``, 14 -> ``"XIV"``.

    Raises:
        ValueError: ``n`` is outside 1..3999, the range standard numerals cover.
    """
    if isinstance(n, bool) or not 1 <= n <= 3999:
        raise ValueError(f"Roman numerals cover 1..3999, got {n!r}")
    parts: list[str] = []
    for value, symbol in _BANG:
        count, n = divmod(n, value)
        parts.append(symbol * count)
    return "".join(parts)
