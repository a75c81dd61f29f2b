"""Tests for chithi_gen.vi.tien: amounts in words (số tiền bằng chữ)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from chithi_gen.vi import doc_so, tien_bang_chu

# --- an independent, strict parser: words -> number --------------------------------------------

_STANDALONE = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
}  # fmt: skip
_HUNDREDS = {"không": 0, **_STANDALONE}
_AFTER_MUOI_TEN = {**_STANDALONE, "lăm": 5}
del _AFTER_MUOI_TEN["năm"]  # 15 is "mười lăm", never "mười năm"
_TENS = {k: v for k, v in _STANDALONE.items() if v >= 2}
_AFTER_MUOI = {**_AFTER_MUOI_TEN, "mốt": 1, "tư": 4}
for _wrong in ("một", "bốn"):  # 21 "hai mươi mốt", 24 "hai mươi tư"
    del _AFTER_MUOI[_wrong]


class ParseError(ValueError):
    pass


def _parse_group(tokens: list[str], full: bool) -> int:
    """Parse a 1..999 group; ``full`` groups (not the leading one) must state their hundreds."""
    value = 0
    has_hundreds = len(tokens) >= 2 and tokens[1] == "trăm"
    if has_hundreds:
        if tokens[0] not in _HUNDREDS:
            raise ParseError(f"bad hundreds digit {tokens}")
        if tokens[0] == "không" and not full:
            raise ParseError(f"leading group read with 'không trăm': {tokens}")
        value = 100 * _HUNDREDS[tokens[0]]
        rest = tokens[2:]
    elif full:
        raise ParseError(f"non-leading group without hundreds: {tokens}")
    else:
        rest = tokens
    if not rest:
        pass
    elif rest[0] == "linh":
        if not has_hundreds or len(rest) != 2 or rest[1] not in _STANDALONE:
            raise ParseError(f"bad 'linh': {tokens}")
        value += _STANDALONE[rest[1]]
    elif rest[0] == "mười":
        if len(rest) > 2 or (len(rest) == 2 and rest[1] not in _AFTER_MUOI_TEN):
            raise ParseError(f"bad 'mười': {tokens}")
        value += 10 + (_AFTER_MUOI_TEN[rest[1]] if len(rest) == 2 else 0)
    elif len(rest) >= 2 and rest[1] == "mươi":
        if rest[0] not in _TENS or len(rest) > 3 or (len(rest) == 3 and rest[2] not in _AFTER_MUOI):
            raise ParseError(f"bad 'mươi': {tokens}")
        value += 10 * _TENS[rest[0]] + (_AFTER_MUOI[rest[2]] if len(rest) == 3 else 0)
    elif len(rest) == 1 and not has_hundreds and rest[0] in _STANDALONE:
        value += _STANDALONE[rest[0]]
    else:
        raise ParseError(f"unparseable group {tokens}")
    if value == 0:
        raise ParseError(f"a zero group must be skipped, not read: {tokens}")
    return value


def _parse_below_billion(tokens: list[str], has_higher: bool) -> int:
    value = 0
    first = True
    for word, scale in (("triệu", 10**6), ("nghìn", 10**3)):
        if word in tokens:
            i = tokens.index(word)
            value += scale * _parse_group(tokens[:i], full=has_higher or not first)
            tokens = tokens[i + 1 :]
            first = False
    if tokens:
        value += _parse_group(tokens, full=has_higher or not first)
    elif first:
        raise ParseError("empty number")
    return value


def _parse_natural(tokens: list[str]) -> int:
    """Parse a positive integer; the last "tỷ" splits ``q tỷ r`` with r < 10^9."""
    if "tỷ" not in tokens:
        return _parse_below_billion(tokens, has_higher=False)
    last = len(tokens) - 1 - tokens[::-1].index("tỷ")
    high = _parse_natural(tokens[:last])
    low = _parse_below_billion(tokens[last + 1 :], has_higher=True) if tokens[last + 1 :] else 0
    return high * 10**9 + low


def parse_words(text: str) -> Decimal:
    """Turn Vietnamese number words back into a number, rejecting non-canonical forms."""
    if text != text.strip() or "  " in text:
        raise ParseError(f"bad spacing: {text!r}")
    tokens = text.split(" ")
    negative = tokens[0] == "âm"
    if negative:
        tokens = tokens[1:]
    integer_tokens, fraction_tokens = tokens, []
    if "phẩy" in tokens:
        i = tokens.index("phẩy")
        integer_tokens, fraction_tokens = tokens[:i], tokens[i + 1 :]
        if not fraction_tokens:
            raise ParseError("nothing after 'phẩy'")
    integer = 0 if integer_tokens == ["không"] else _parse_natural(integer_tokens)
    fraction = ""
    if fraction_tokens:
        zeros = 0
        while zeros < len(fraction_tokens) and fraction_tokens[zeros] == "không":
            zeros += 1
        rest = fraction_tokens[zeros:]
        if not rest:
            raise ParseError("fraction of only zeros should have been dropped")
        fraction = "0" * zeros + str(_parse_natural(rest))
    text_value = f"{integer}.{fraction}" if fraction else str(integer)
    if negative:
        if Decimal(text_value) == 0:
            raise ParseError("negative zero read as 'âm không'")
        text_value = "-" + text_value  # not -Decimal(...): that rounds to 28 digits
    return Decimal(text_value)


# --- rules, by example -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (1, "một"),
        (4, "bốn"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (99, "chín mươi chín"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (104, "một trăm linh bốn"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (115, "một trăm mười lăm"),
        (1_000, "một nghìn"),
        (1_005, "một nghìn không trăm linh năm"),
        (1_010, "một nghìn không trăm mười"),
        (1_100, "một nghìn một trăm"),
        (1_000_000, "một triệu"),
        (1_000_010, "một triệu không trăm mười"),
        (1_200_000, "một triệu hai trăm nghìn"),
        (5_000_007, "năm triệu không trăm linh bảy"),
        (27_716_000, "hai mươi bảy triệu bảy trăm mười sáu nghìn"),
        (10**9, "một tỷ"),
        (1_000_000_005, "một tỷ không trăm linh năm"),
        (1_005_000_000, "một tỷ không trăm linh năm triệu"),
        (10**12, "một nghìn tỷ"),
        (1_200_000_000_000, "một nghìn hai trăm tỷ"),
        (10**15, "một triệu tỷ"),
        (10**18, "một tỷ tỷ"),
        (10**18 + 5, "một tỷ tỷ không trăm linh năm"),
        (10**21, "một nghìn tỷ tỷ"),
        (10**27, "một tỷ tỷ tỷ"),
    ],
)
def test_doc_so_integers(n: int, words: str) -> None:
    """Digit words, mốt/tư/lăm, linh, không trăm for inner groups, skipped zero groups, tỷ tỷ."""
    assert doc_so(n) == words


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (-1, "âm một"),
        (-1234, "âm một nghìn hai trăm ba mươi tư"),
        (Decimal("-0.5"), "âm không phẩy năm"),
        (Decimal("-0"), "không"),
        (Decimal("-0.00"), "không"),
    ],
)
def test_doc_so_negatives(value: int | Decimal, words: str) -> None:
    """Negative amounts start with "âm"; a negative zero is just "không"."""
    assert doc_so(value) == words


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("1.05", "một phẩy không năm"),
        ("2.5", "hai phẩy năm"),
        ("3.25", "ba phẩy hai mươi lăm"),
        ("2.50", "hai phẩy năm"),
        ("0.005", "không phẩy không không năm"),
        ("7.105", "bảy phẩy một trăm linh năm"),
        ("5.00", "năm"),
        ("1E+3", "một nghìn"),
        ("12.0001", "mười hai phẩy không không không một"),
    ],
)
def test_doc_so_decimals(value: str, words: str) -> None:
    """Decimal convention: "phẩy", leading zeros each "không", the rest read as a number."""
    assert doc_so(value) == words
    assert doc_so(Decimal(value)) == words


def test_doc_so_huge_number() -> None:
    """Units above tỷ keep repeating, so any size is readable."""
    n = 10**99 + 21
    words = doc_so(n)
    assert words.endswith("tỷ không trăm hai mươi mốt")
    assert parse_words(words) == n


# --- properties --------------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**21))
@example(0)
@example(10**21)
@example(1_000_000_000_000_000_001)
def test_doc_so_round_trips_non_negative(n: int) -> None:
    assert parse_words(doc_so(n)) == n


@given(st.integers(min_value=-(10**30), max_value=-1))
def test_doc_so_round_trips_negative(n: int) -> None:
    words = doc_so(n)
    assert words.startswith("âm ")
    assert parse_words(words) == n


@given(st.integers(min_value=0, max_value=999_999))
def test_doc_so_dense_small_range_round_trips(n: int) -> None:
    assert parse_words(doc_so(n)) == n


_DECIMALS = st.tuples(
    st.integers(min_value=-(10**18), max_value=10**18), st.integers(min_value=0, max_value=12)
).map(lambda t: Decimal(t[0]).scaleb(-t[1]))


@given(_DECIMALS)
@example(Decimal("1.05"))
@example(Decimal("0.000100"))
def test_doc_so_round_trips_decimals(value: Decimal) -> None:
    assert parse_words(doc_so(value)) == value
    assert doc_so(str(value)) == doc_so(value)


@given(st.integers(min_value=0, max_value=10**24))
def test_doc_so_never_uses_wrong_unit_forms(n: int) -> None:
    """No "mươi một/bốn/năm", no "mười năm", "linh" only after "trăm", no double spaces."""
    words = doc_so(n)
    assert not re.search(r"mươi (một|bốn|năm)\b", words)
    assert "mười năm" not in words
    assert not re.search(r"(?<!trăm) linh", words)
    assert "  " not in words
    assert words == words.lower()


# --- tien_bang_chu ---------------------------------------------------------------------------


def test_tien_bang_chu_example() -> None:
    assert tien_bang_chu(27_716_000) == "Hai mươi bảy triệu bảy trăm mười sáu nghìn đồng"


def test_tien_bang_chu_chan_only_for_whole_amounts() -> None:
    assert tien_bang_chu(27_716_000, chan=True) == (
        "Hai mươi bảy triệu bảy trăm mười sáu nghìn đồng chẵn"
    )
    assert tien_bang_chu(Decimal("1000.00"), chan=True) == "Một nghìn đồng chẵn"
    assert tien_bang_chu(Decimal("1000.50"), chan=True) == "Một nghìn phẩy năm đồng"


def test_tien_bang_chu_unit_and_sign() -> None:
    assert tien_bang_chu(-5) == "Âm năm đồng"
    assert tien_bang_chu("21.9", don_vi="tỷ đồng") == "Hai mươi mốt phẩy chín tỷ đồng"
    assert tien_bang_chu(3, don_vi="") == "Ba"


@pytest.mark.parametrize("bad", [1.5, 0.1, float("nan")])
def test_floats_rejected(bad: float) -> None:
    """Floats are refused to avoid binary rounding."""
    with pytest.raises(TypeError):
        doc_so(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tien_bang_chu(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity"), "nan"])
def test_non_finite_rejected(bad: Decimal | str) -> None:
    with pytest.raises(ValueError):
        doc_so(bad)


@pytest.mark.parametrize("bad", ["", "1,5", "mười", "1.2.3"])
def test_unparseable_strings_rejected(bad: str) -> None:
    with pytest.raises(ValueError):
        doc_so(bad)


def test_bool_rejected() -> None:
    with pytest.raises(TypeError):
        doc_so(True)
