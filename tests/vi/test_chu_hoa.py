"""Tests for chithi_gen.vi.chu_hoa: Vietnamese upper case (Phụ lục I, II.1.a, II.2.b, II.5.b)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chithi_gen.vi import in_hoa, viet_hoa_dau

_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # ngang huyền sắc hỏi ngã nặng
_VOWELS = ("a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u",
           "u\u031b", "y")  # a ă â e ê i o ô ơ u ư y, decomposed  # fmt: skip
_LOWER_LETTERS = sorted(
    {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES}
    | set("bcdđghklmnpqrstvx")
)


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("text", "upper"),
    [
        ("ủy ban nhân dân huyện hà quảng", "ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG"),
        ("đ", "Đ"),
        ("cộng hòa xã hội chủ nghĩa việt nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("chỉ thị", "CHỈ THỊ"),
        ("Độc lập - Tự do - Hạnh phúc", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"),
        ("số 05/CT-UBND", "SỐ 05/CT-UBND"),
    ],
)
def test_in_hoa_examples(text: str, upper: str) -> None:
    """Titles printed in capitals: Phụ lục I, II.1.a (Quốc hiệu), II.2.b, II.5.b."""
    assert in_hoa(text) == upper


def test_in_hoa_decomposed_input_comes_out_precomposed() -> None:
    decomposed = _nfd("ủy ban nhân dân huyện hà quảng")
    assert decomposed != "ủy ban nhân dân huyện hà quảng"
    result = in_hoa(decomposed)
    assert result == "ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG"
    assert unicodedata.is_normalized("NFC", result)


@pytest.mark.parametrize("letter", _LOWER_LETTERS)
def test_in_hoa_every_vietnamese_letter(letter: str) -> None:
    """All 72 vowel forms (12 vowels × 6 tones) and the consonants map to precomposed capitals."""
    decomposed = _nfd(letter)
    expected = unicodedata.normalize("NFC", decomposed[0].upper() + decomposed[1:])
    if letter == "đ":
        expected = "Đ"
    assert in_hoa(letter) == expected
    assert in_hoa(_nfd(letter)) == expected
    assert len(expected) == 1


@given(st.lists(st.sampled_from([*_LOWER_LETTERS, " "]), max_size=40).map("".join))
def test_in_hoa_is_nfc_and_idempotent(text: str) -> None:
    result = in_hoa(_nfd(text))
    assert unicodedata.is_normalized("NFC", result)
    assert result == in_hoa(text)
    assert in_hoa(result) == result
    assert result.lower() == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("đồng ý", "Đồng ý"),
        ("ủy ban nhân dân", "Ủy ban nhân dân"),
        ("hà NỘI", "Hà NỘI"),
        ("  hai mươi", "  Hai mươi"),
        ("“đồng ý”", "“Đồng ý”"),
        ("1. căn cứ", "1. Căn cứ"),
        ("", ""),
        ("123", "123"),
        ("Đã", "Đã"),
    ],
)
def test_viet_hoa_dau(text: str, result: str) -> None:
    """Only the first letter changes; the rest is left as written."""
    assert viet_hoa_dau(text) == result


def test_viet_hoa_dau_decomposed() -> None:
    result = viet_hoa_dau(_nfd("ủy ban"))
    assert result == "Ủy ban"
    assert unicodedata.is_normalized("NFC", result)


@given(st.text(max_size=30))
def test_in_hoa_output_is_always_nfc(text: str) -> None:
    """NFC after case mapping too: some capitals only exist decomposed (e.g. "ΐ" -> "Ϊ́")."""
    assert unicodedata.is_normalized("NFC", in_hoa(text))
    assert unicodedata.is_normalized("NFC", viet_hoa_dau(text))


def test_in_hoa_renormalises_after_upper() -> None:
    assert "ΐ".upper() != unicodedata.normalize("NFC", "ΐ".upper())
    assert in_hoa("ΐ") == unicodedata.normalize("NFC", "ΐ".upper())
