"""Dates as written on documents under Nghị định 30/2020/NĐ-CP (ND30).

ND30 Phụ lục I, II.4.b: the *thời gian ban hành* (date of issue) is written in
full with Arabic numerals, and "đối với những số thể hiện ngày nhỏ hơn 10 và
tháng 1, 2 phải ghi thêm số 0 phía trước" -- a day below 10 and the months 1
and 2 take a leading zero.  Months 3 to 12 are never padded (10, 11 and 12
already have two digits), and the year is written with all its digits.

Vietnamese words used below: *ngày* (day), *tháng* (month), *năm* (year),
*địa danh* (place name), *ngắn* (short).
"""

from __future__ import annotations

from datetime import date

__all__ = [
    "BLANK",
    "format_dia_danh_ngay",
    "format_ngay",
    "format_ngay_ngan",
]

BLANK = " " * 6
"""The gap left in a draft where a number or a date is filled in by hand at signing."""

_MIN_YEAR = 1
_MAX_YEAR = 9999


def _ngay(day: int) -> str:
    """Render a day of the month; days below 10 take a leading zero (Phụ lục I, II.4.b)."""
    return f"{day:02d}"


def _thang(month: int) -> str:
    """Render a month; only months 1 and 2 take a leading zero (Phụ lục I, II.4.b)."""
    return f"{month:02d}" if month <= 2 else str(month)


def format_ngay(d: date | None, nam: int | None = None) -> str:
    """Return the long date form, e.g. ``"ngày 05 tháng 02 năm 2021"``.

    Padding follows Phụ lục I, II.4.b (see the module docstring): day 5 is
    ``05``, February is ``02``, July is ``7``, December is ``12``.

    Args:
        d: The date of issue, or ``None`` for a draft whose day and month are
            left blank (``BLANK``) to be filled in by hand.
        nam: The year (*năm*).  With ``d=None`` it is printed after "năm" while
            the day and month stay blank; if it is also ``None`` the year is
            blank too.  When both are given they must agree.

    Raises:
        ValueError: ``d`` and ``nam`` are both given and ``d.year != nam``, or
            ``nam`` is outside 1..9999.
    """
    if nam is not None and not _MIN_YEAR <= nam <= _MAX_YEAR:
        raise ValueError(f"nam must be in {_MIN_YEAR}..{_MAX_YEAR}, got {nam}")
    if d is None:
        year = BLANK if nam is None else f" {nam}"
        return f"ngày{BLANK}tháng{BLANK}năm{year}"
    if nam is not None and nam != d.year:
        raise ValueError(f"date {d.isoformat()} is not in year nam={nam}")
    return f"ngày {_ngay(d.day)} tháng {_thang(d.month)} năm {d.year}"


def format_ngay_ngan(d: date) -> str:
    """Return the short numeric date used when citing a document, e.g. ``"09/4/2018"``.

    The same padding rule as the long form applies (Phụ lục I, II.4.b):
    ``28/02/2020``, ``09/4/2018``, ``15/7/2020``.
    """
    return f"{_ngay(d.day)}/{_thang(d.month)}/{d.year}"


def format_dia_danh_ngay(dia_danh: str, d: date | None, nam: int | None = None) -> str:
    """Return the place-and-date line, e.g. ``"Hà Quảng, ngày 15 tháng 7 năm 2020"``.

    Phụ lục I, II.4.c: the *địa danh* (place name) is followed by a comma,
    then the date of issue formatted by :func:`format_ngay` (which see for
    ``d`` and ``nam``).  The place name is used as given apart from trimming
    surrounding whitespace; the clause's capitalisation of its initials is the
    caller's responsibility.

    Raises:
        ValueError: ``dia_danh`` is empty or blank, or as :func:`format_ngay`.
    """
    ten = dia_danh.strip()
    if not ten:
        raise ValueError("dia_danh must not be empty")
    return f"{ten}, {format_ngay(d, nam)}"
