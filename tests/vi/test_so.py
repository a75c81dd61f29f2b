"""Tests for chithi_gen.vi.so: Vietnamese number formatting and document numbers."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chithi_gen.vi import format_so, format_so_van_ban

_GROUPED = re.compile(r"-?\d{1,3}(\.\d{3})*(,\d+)?")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("27716", "27.716"),
        (27716, "27.716"),
        (Decimal("21.9"), "21,9"),
        (Decimal("31815.7"), "31.815,7"),
        (-1234.5, "-1.234,5"),
        (Decimal("2.50"), "2,50"),
        (Decimal("0.000001"), "0,000001"),
        (1234, "1.234"),
        (999, "999"),
        (0, "0"),
        (Decimal("-0.00"), "0,00"),
        (Decimal("1E+3"), "1.000"),
        (0.1, "0,1"),
        (" 1234.50 ", "1.234,50"),
        (Decimal("123456789012345678901234567890.5"), "123.456.789.012.345.678.901.234.567.890,5"),
    ],
)
def test_format_so_examples(value: int | Decimal | float | str, text: str) -> None:
    """Full stop groups thousands, comma marks decimals; decimals kept as the value has them."""
    assert format_so(value) == text


@given(st.integers(min_value=-(10**40), max_value=10**40))
def test_format_so_integers(n: int) -> None:
    text = format_so(n)
    assert _GROUPED.fullmatch(text)
    assert text.replace(".", "") == str(n)


_DECIMALS = st.tuples(
    st.integers(min_value=-(10**30), max_value=10**30), st.integers(min_value=0, max_value=15)
).map(lambda t: Decimal(f"{t[0]}E-{t[1]}"))


@given(_DECIMALS)
def test_format_so_decimals_keep_every_digit(value: Decimal) -> None:
    text = format_so(value)
    assert _GROUPED.fullmatch(text)
    back = Decimal(text.replace(".", "").replace(",", "."))
    assert back == value
    assert back.as_tuple().exponent == value.as_tuple().exponent


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_format_so_floats_use_shortest_repr(x: float) -> None:
    text = format_so(x)
    assert Decimal(text.replace(".", "").replace(",", ".")) == Decimal(repr(x))


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), Decimal("NaN"), "-Infinity", "abc"])
def test_format_so_rejects_non_numbers(bad: float | Decimal | str) -> None:
    with pytest.raises(ValueError):
        format_so(bad)


def test_format_so_rejects_bool() -> None:
    with pytest.raises(TypeError):
        format_so(True)


@pytest.mark.parametrize(("n", "text"), [(1, "01"), (5, "05"), (9, "09"), (10, "10"), (123, "123")])
def test_format_so_van_ban_examples(n: int, text: str) -> None:
    """Phụ lục I, II.3.c: numbers below 10 take a leading zero."""
    assert format_so_van_ban(n) == text


@given(st.integers(min_value=1, max_value=10**7))
def test_format_so_van_ban_padding(n: int) -> None:
    """Phụ lục I, II.3.c, for every number: a leading zero exactly when n < 10."""
    text = format_so_van_ban(n)
    assert int(text) == n
    assert text.startswith("0") == (n < 10)
    assert len(text) == max(2, len(str(n)))


@pytest.mark.parametrize("n", [0, -1, -10])
def test_format_so_van_ban_rejects_below_one(n: int) -> None:
    with pytest.raises(ValueError):
        format_so_van_ban(n)
