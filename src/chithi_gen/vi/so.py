"""Numbers as printed in Vietnamese text, and document numbers.

*Số* means number.  Vietnamese groups thousands with a full stop and marks
decimals with a comma (``31.815,7``); the digits and separators come from
Babel's ``vi`` locale data rather than being hard-coded here.

Babel's own ``format_decimal`` rounds to the locale pattern's three decimals
and drops trailing zeros, and fails on values with more digits than the
current decimal context holds, so :func:`format_so` asks it for exactly the
number of decimals the value carries, inside a local decimal context wide
enough for every digit.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation, localcontext

from babel import Locale
from babel.numbers import format_decimal

from chithi_gen.errors import InvalidValue, Message

__all__ = ["format_so", "format_so_van_ban", "parse_so"]

_LOCALE = "vi"


def _to_decimal(value: int | Decimal | float | str) -> Decimal:
    """Convert an accepted input to a finite Decimal.

    Floats go through ``str`` first so that ``0.1`` becomes ``Decimal("0.1")``
    and not its binary expansion.
    """
    if isinstance(value, bool):
        raise TypeError("format_so does not accept bool")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(str(value))
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"not a number: {value!r}") from None
    else:
        raise TypeError(f"expected int, Decimal, float or str, got {type(value).__name__}")
    if not result.is_finite():
        raise ValueError(f"cannot format a non-finite number: {value!r}")
    return result


def format_so(value: int | Decimal | float | str) -> str:
    """Format a number with Vietnamese separators: ``27716`` -> ``"27.716"``.

    Every decimal the value carries is kept, trailing zeros included
    (``Decimal("2.50")`` -> ``"2,50"``), and none are added
    (``Decimal("21.9")`` -> ``"21,9"``).  Negative numbers take the locale's
    minus sign (``-1234.5`` -> ``"-1.234,5"``); a negative zero is printed
    without a sign.  Strings are parsed with :class:`decimal.Decimal` syntax
    (``"1234.5"``), not the Vietnamese display form.

    Raises:
        TypeError: ``value`` is a bool or of another unsupported type.
        ValueError: ``value`` is NaN, infinite, or an unparseable string.
    """
    number = _to_decimal(value)
    if number.is_zero():
        number = number.copy_abs()
    _sign, digits, exponent = number.as_tuple()
    if not isinstance(exponent, int):  # pragma: no cover - excluded by _to_decimal
        raise ValueError(f"cannot format a non-finite number: {value!r}")
    decimals = max(0, -exponent)
    base = Locale.parse(_LOCALE).decimal_formats[None].pattern
    integer_pattern = str(base).split(";", 1)[0].split(".", 1)[0]
    pattern = integer_pattern + ("." + "0" * decimals if decimals else "")
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, len(digits) + max(exponent, 0) + 2)
        return str(format_decimal(number, format=pattern, locale=_LOCALE))


def format_so_van_ban(n: int) -> str:
    """Return the *số văn bản* (document number): numbers below 10 take a leading zero.

    Phụ lục I, II.3.c: "với những số nhỏ hơn 10 phải ghi thêm số 0 phía
    trước".  ``5`` -> ``"05"``, ``10`` -> ``"10"``, ``123`` -> ``"123"``.
    The number is the document's ordinal within the year (Phụ lục I, II.3.a),
    so ``n`` must be at least 1.

    Raises:
        ValueError: ``n < 1``.
    """
    if n < 1:
        raise ValueError(f"document number must be >= 1, got {n}")
    return f"{n:02d}"


_AMBIGUOUS = re.compile(r"^-?\d{1,3}\.\d{3}$")
_THOUSANDS = re.compile(r"^-?\d{1,3}(?:\.\d{3}){2,}$")
_VI_NUMBER = re.compile(r"^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$")


def parse_so(text: str) -> Decimal:
    """Read a number as a clerk types it, in Vietnamese or in programming notation.

    ``"31.815,7"`` and ``"21,9"`` (Vietnamese: "." groups thousands, "," is the decimal
    mark), ``"1.234.567"`` and ``"21.9"``, ``"27716"`` (plain) are accepted. ``"1.250"``
    is refused:
    it means 1250 in Vietnamese but 1.25 in a program, so the clerk must write
    ``1250`` or ``1,25``. Raises :class:`~chithi_gen.errors.InvalidValue` (a
    :class:`ValueError`) with the reason in both languages.
    """
    s = text.strip().replace(" ", "")
    if _AMBIGUOUS.match(s):
        raise InvalidValue(
            Message(
                f"số '{text}' không rõ nghĩa: viết {s.replace('.', '')} (nếu là"
                f" {s.replace('.', '')}) hoặc {s.replace('.', ',')} (nếu là số thập phân)",
                f"ambiguous number '{text}': write {s.replace('.', '')} or {s.replace('.', ',')}",
            )
        )
    if _THOUSANDS.match(s):  # "1.234.567": only thousands groups can repeat
        s = s.replace(".", "")
    if "," in s:
        if not _VI_NUMBER.match(s):
            raise InvalidValue(Message(f"số '{text}' không đúng dạng", f"'{text}' is not a number"))
        s = s.replace(".", "").replace(",", ".")
    try:
        value = Decimal(s)
    except InvalidOperation:
        raise InvalidValue(_not_a_number(text)) from None
    if not value.is_finite():
        raise InvalidValue(_not_a_number(text))
    return value


def _not_a_number(text: str) -> Message:
    return Message(f"'{text}' không phải là số", f"'{text}' is not a number")
