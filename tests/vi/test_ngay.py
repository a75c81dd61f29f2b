"""Tests for chithi_gen.vi.ngay: dates per ND30 Phụ lục I, II.4."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chithi_gen.vi import BLANK, format_dia_danh_ngay, format_ngay, format_ngay_ngan

_LONG = re.compile(r"ngày (\d+) tháng (\d+) năm (\d+)")
_SHORT = re.compile(r"(\d+)/(\d+)/(\d+)")
_DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


def _check_padding(d: date, day: str, month: str, year: str) -> None:
    """Phụ lục I, II.4.b: day < 10 and months 1, 2 get a leading zero; year in full."""
    assert (int(day), int(month), int(year)) == (d.day, d.month, d.year)
    assert len(day) == 2
    assert day.startswith("0") == (d.day < 10)
    assert month.startswith("0") == (d.month in (1, 2))
    assert len(month) == (1 if 3 <= d.month <= 9 else 2)
    assert year == str(d.year)


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(2021, 2, 5), "ngày 05 tháng 02 năm 2021"),
        (date(2020, 7, 15), "ngày 15 tháng 7 năm 2020"),
        (date(2020, 1, 9), "ngày 09 tháng 01 năm 2020"),
        (date(2020, 12, 1), "ngày 01 tháng 12 năm 2020"),
        (date(2020, 3, 5), "ngày 05 tháng 3 năm 2020"),
        (date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (date(2020, 10, 10), "ngày 10 tháng 10 năm 2020"),
    ],
)
def test_format_ngay_padding_examples(d: date, text: str) -> None:
    """Phụ lục I, II.4.b (and the samples in Phụ lục I, V, ô số 4)."""
    assert format_ngay(d) == text


@given(_DATES)
def test_format_ngay_padding_all_dates(d: date) -> None:
    """Phụ lục I, II.4.b holds for every date in 1900..2200."""
    m = _LONG.fullmatch(format_ngay(d))
    assert m is not None
    _check_padding(d, *m.groups())


@given(_DATES)
def test_format_ngay_ngan_padding_all_dates(d: date) -> None:
    """The short citation form follows the same rule (Phụ lục I, II.4.b)."""
    m = _SHORT.fullmatch(format_ngay_ngan(d))
    assert m is not None
    _check_padding(d, *m.groups())


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(2020, 2, 28), "28/02/2020"),
        (date(2018, 4, 9), "09/4/2018"),
        (date(2020, 7, 15), "15/7/2020"),
        (date(2021, 1, 1), "01/01/2021"),
        (date(2021, 11, 30), "30/11/2021"),
    ],
)
def test_format_ngay_ngan_examples(d: date, text: str) -> None:
    assert format_ngay_ngan(d) == text


def test_blank_is_six_spaces() -> None:
    assert BLANK == "      "


def test_draft_with_year() -> None:
    """A draft leaves day and month blank for hand filling at signing."""
    assert format_ngay(None, 2021) == "ngày" + BLANK + "tháng" + BLANK + "năm 2021"
    assert format_ngay(None, nam=2021) == "ngày      tháng      năm 2021"


def test_draft_without_year() -> None:
    assert format_ngay(None) == "ngày" + BLANK + "tháng" + BLANK + "năm" + BLANK


def test_date_and_matching_year() -> None:
    assert format_ngay(date(2021, 2, 5), 2021) == "ngày 05 tháng 02 năm 2021"


def test_date_and_other_year_rejected() -> None:
    with pytest.raises(ValueError, match="2020"):
        format_ngay(date(2021, 2, 5), 2020)


@pytest.mark.parametrize("nam", [0, -1, 10000])
def test_impossible_year_rejected(nam: int) -> None:
    with pytest.raises(ValueError):
        format_ngay(None, nam)


def test_datetime_is_accepted_as_date() -> None:
    assert format_ngay(datetime(2020, 7, 15, 8, 30)) == "ngày 15 tháng 7 năm 2020"


def test_dia_danh_ngay_comma_after_place() -> None:
    """Phụ lục I, II.4.c: a comma follows the place name."""
    assert format_dia_danh_ngay("Hà Quảng", date(2020, 7, 15)) == (
        "Hà Quảng, ngày 15 tháng 7 năm 2020"
    )
    assert format_dia_danh_ngay("Hà Nội", date(2020, 1, 5)) == "Hà Nội, ngày 05 tháng 01 năm 2020"


def test_dia_danh_ngay_draft() -> None:
    assert format_dia_danh_ngay(" Cao Bằng ", None, 2021) == (
        "Cao Bằng, ngày" + BLANK + "tháng" + BLANK + "năm 2021"
    )


def test_dia_danh_ngay_requires_place() -> None:
    with pytest.raises(ValueError):
        format_dia_danh_ngay("  ", date(2020, 7, 15))
