"""Amounts in words: *số tiền bằng chữ*.

Financial clauses of a document state an amount twice, in digits and in
words (*bằng chữ*).  ``num2words``' Vietnamese gets negative numbers,
decimals and amounts of 10^15 and above wrong, so the reading is written out
here.  Vocabulary (all lower case):

* digits *không, một, hai, ba, bốn, năm, sáu, bảy, tám, chín* (0-9);
* *mười* (ten, the tens digit 1) and *mươi* (the word after a tens digit
  2-9: *hai mươi* = 20);
* *trăm* (hundred), *nghìn* (thousand), *triệu* (million), *tỷ* (10^9);
* *linh* ("and zero tens": 105 = *một trăm linh năm*);
* *âm* (minus), *phẩy* (the decimal comma), *đồng* (the currency unit),
  *chẵn* ("even", i.e. no odd fraction).

Rules applied, by the reading of a three-digit group:

* The units digit after a tens digit of 2-9 reads *mốt* for 1, *tư* for 4
  and *lăm* for 5 (21 *hai mươi mốt*, 24 *hai mươi tư*, 25 *hai mươi lăm*);
  after *mười* only 5 changes (15 *mười lăm*, 11 *mười một*, 14 *mười bốn*).
* A zero tens digit between hundreds and a non-zero unit reads *linh*
  (101 *một trăm linh một*).
* Groups that are all zero are skipped (1_000_000 *một triệu*).  Every
  non-zero group after the first is read with its hundreds, even a zero
  hundreds (1_005 *một nghìn không trăm linh năm*, 1_000_010 *một triệu
  không trăm mười*).
* Above *tỷ* the units repeat: a number is read as ``q`` *tỷ* ``r`` with
  ``q, r = divmod(n, 10**9)``, ``q`` read by the same rules, so 10^12 is
  *một nghìn tỷ*, 10^15 *một triệu tỷ*, 10^18 *một tỷ tỷ*, 1.2 × 10^12
  *một nghìn hai trăm tỷ*, and any size works.

Decimal convention: after *phẩy* the fractional digits, with trailing zeros
removed, are read as one whole number, except that each leading zero is read
*không* -- 1,05 *một phẩy không năm*, 2,5 *hai phẩy năm*, 3,25 *ba phẩy hai
mươi lăm*, 2,50 *hai phẩy năm*.  A value whose fraction is all zeros
(``Decimal("5.00")``) is a whole number.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from chithi_gen.vi.chu_hoa import viet_hoa_dau

__all__ = ["doc_so", "tien_bang_chu"]

_CHU_SO = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_TY = 10**9
_NHOM = (("triệu", 10**6), ("nghìn", 10**3), ("", 1))


def _don_vi_sau_muoi(don_vi: int) -> str:
    """Read a units digit that follows *mươi* (tens digit 2-9): 1 mốt, 4 tư, 5 lăm."""
    return {1: "mốt", 4: "tư", 5: "lăm"}.get(don_vi, _CHU_SO[don_vi])


def _doc_ba_chu_so(n: int, day_du: bool) -> list[str]:
    """Read a group 1..999; ``day_du`` (in full) forces the hundreds even when zero."""
    tram, du = divmod(n, 100)
    chuc, don_vi = divmod(du, 10)
    words: list[str] = []
    if day_du or tram:
        words += [_CHU_SO[tram], "trăm"]
    if chuc == 0:
        if don_vi:
            if words:
                words.append("linh")
            words.append(_CHU_SO[don_vi])
    elif chuc == 1:
        words.append("mười")
        if don_vi:
            words.append("lăm" if don_vi == 5 else _CHU_SO[don_vi])
    else:
        words += [_CHU_SO[chuc], "mươi"]
        if don_vi:
            words.append(_don_vi_sau_muoi(don_vi))
    return words


def _doc_duoi_ty(n: int, co_truoc: bool) -> list[str]:
    """Read 1 <= n < 10^9; ``co_truoc`` says a higher (tỷ) part precedes it."""
    words: list[str] = []
    for ten_nhom, co in _NHOM:
        nhom, n = divmod(n, co)
        if nhom:
            words += _doc_ba_chu_so(nhom, day_du=co_truoc or bool(words))
            if ten_nhom:
                words.append(ten_nhom)
    return words


def _doc_nguyen(n: int) -> list[str]:
    """Read a non-negative integer of any size."""
    if n == 0:
        return [_CHU_SO[0]]
    khoi: list[int] = []  # base-10^9 digits, least significant first
    while n:
        n, r = divmod(n, _TY)
        khoi.append(r)
    words: list[str] = []
    for i, k in enumerate(reversed(khoi)):
        if i:
            words.append("tỷ")
        if k:
            words += _doc_duoi_ty(k, co_truoc=bool(i))
    return words


def _tach(value: int | Decimal | str) -> tuple[bool, int, str]:
    """Split ``value`` into (negative, integer part, fractional digits without trailing zeros)."""
    if isinstance(value, bool):
        raise TypeError("doc_so does not accept bool")
    if isinstance(value, float):
        raise TypeError("pass a Decimal, int or str, not float, to avoid binary rounding")
    if isinstance(value, int):
        return value < 0, abs(value), ""
    if isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"not a number: {value!r}") from None
    elif isinstance(value, Decimal):
        number = value
    else:
        raise TypeError(f"expected int, Decimal or str, got {type(value).__name__}")
    sign, digit_tuple, exponent = number.as_tuple()
    if not isinstance(exponent, int):
        raise ValueError(f"cannot read a non-finite number: {value!r}")
    digits = "".join(map(str, digit_tuple))
    if exponent >= 0:
        nguyen, phan = digits + "0" * exponent, ""
    else:
        digits = digits.zfill(1 - exponent)
        nguyen, phan = digits[:exponent], digits[exponent:]
    phan = phan.rstrip("0")
    so_nguyen = int(nguyen)
    return bool(sign) and (so_nguyen > 0 or phan != ""), so_nguyen, phan


def _doc(am: bool, nguyen: int, phan: str) -> str:
    words = ["âm"] if am else []
    words += _doc_nguyen(nguyen)
    if phan:
        words.append("phẩy")
        rest = phan.lstrip("0")
        words += [_CHU_SO[0]] * (len(phan) - len(rest))
        words += _doc_nguyen(int(rest))
    return " ".join(words)


def doc_so(value: int | Decimal | str) -> str:
    """Read a number in lower-case Vietnamese words.

    ``27_716_000`` -> ``"hai mươi bảy triệu bảy trăm mười sáu nghìn"``,
    ``-5`` -> ``"âm năm"``, ``Decimal("1.05")`` -> ``"một phẩy không năm"``.
    See the module docstring for the rules and the decimal convention.
    Strings use :class:`decimal.Decimal` syntax (``"1234.5"``); a negative
    zero reads ``"không"``.

    Raises:
        TypeError: ``value`` is a float (binary rounding would change the
            amount; pass ``Decimal(str(x))`` or a string), a bool, or another
            unsupported type.
        ValueError: ``value`` is NaN, infinite, or an unparseable string.
    """
    return _doc(*_tach(value))


def tien_bang_chu(value: int | Decimal | str, don_vi: str = "đồng", chan: bool = False) -> str:
    """Return the amount in words as written on documents, capitalised.

    ``27_716_000`` -> ``"Hai mươi bảy triệu bảy trăm mười sáu nghìn đồng"``.

    Args:
        value: The amount; as for :func:`doc_so`.
        don_vi: The currency unit appended after the words (*đồng* by
            default); an empty string appends nothing.
        chan: Append ``" chẵn"`` (an even amount), only when the amount is a
            whole number; ignored otherwise.

    Raises:
        TypeError, ValueError: as :func:`doc_so`.
    """
    am, nguyen, phan = _tach(value)
    parts = [_doc(am, nguyen, phan)]
    if don_vi.strip():
        parts.append(don_vi.strip())
    if chan and not phan:
        parts.append("chẵn")
    return viet_hoa_dau(" ".join(parts))
