"""Tests for chithi_gen.vi.la_ma: Roman numerals for phần, chương (Phụ lục I, II.6.đ)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chithi_gen.vi import so_la_ma

_CANONICAL = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _parse(numeral: str) -> int:
    """Read a Roman numeral: a symbol smaller than its right neighbour is subtracted."""
    total = 0
    for i, symbol in enumerate(numeral):
        value = _VALUES[symbol]
        if i + 1 < len(numeral) and value < _VALUES[numeral[i + 1]]:
            total -= value
        else:
            total += value
    return total


@pytest.mark.parametrize(
    ("n", "numeral"),
    [(1, "I"), (2, "II"), (4, "IV"), (5, "V"), (9, "IX"), (14, "XIV"), (40, "XL"), (49, "XLIX"),
     (90, "XC"), (400, "CD"), (900, "CM"), (1994, "MCMXCIV"), (2020, "MMXX"), (3999, "MMMCMXCIX")],
)  # fmt: skip
def test_so_la_ma_examples(n: int, numeral: str) -> None:
    """Phụ lục I, II.6.đ: parts and chapters are numbered in Roman numerals."""
    assert so_la_ma(n) == numeral


def test_so_la_ma_all_values_round_trip_and_are_canonical() -> None:
    """Every value 1..3999 has a distinct, canonical numeral that reads back to itself."""
    numerals = [so_la_ma(n) for n in range(1, 4000)]
    assert len(set(numerals)) == 3999
    for n, numeral in enumerate(numerals, start=1):
        assert _CANONICAL.fullmatch(numeral), numeral
        assert _parse(numeral) == n


@given(st.one_of(st.integers(max_value=0), st.integers(min_value=4000)))
def test_so_la_ma_rejects_out_of_range(n: int) -> None:
    with pytest.raises(ValueError):
        so_la_ma(n)
