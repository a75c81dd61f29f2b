"""Tests for chithi_gen.vi.chu_cai: point letters per ND30 Phụ lục I, II.6.đ."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chithi_gen.vi import ALPHABET, chu_cai

# The full 29-letter Vietnamese alphabet, written out independently of the module.
_BANG_CHU_CAI = list("aăâbcdđeêghiklmnoôơpqrstuưvxy")


def _decode(label: str) -> int:
    """Invert a bijective base-23 label (a=1 ... y=23) to its zero-based index."""
    n = 0
    for letter in label:
        n = n * 23 + "abcdđeghiklmnopqrstuvxy".index(letter) + 1
    return n - 1


def test_alphabet_is_the_23_letter_sequence() -> None:
    """Phụ lục I, II.6.đ: a b c d đ e g h i k l m n o p q r s t u v x y."""
    assert tuple("abcdđeghiklmnopqrstuvxy") == ALPHABET
    assert len(ALPHABET) == 23


def test_alphabet_follows_vietnamese_alphabet_order() -> None:
    """Phụ lục I, II.6.đ: "theo thứ tự bảng chữ cái tiếng Việt"."""
    positions = [_BANG_CHU_CAI.index(letter) for letter in ALPHABET]
    assert positions == sorted(positions)
    assert not set(ALPHABET) & set("fjwz")


@pytest.mark.parametrize(
    ("index", "letter"),
    [(0, "a"), (1, "b"), (3, "d"), (4, "đ"), (5, "e"), (6, "g"), (7, "h"), (8, "i"), (9, "k"),
     (19, "u"), (20, "v"), (21, "x"), (22, "y")],
)  # fmt: skip
def test_chu_cai_first_23(index: int, letter: str) -> None:
    """Phụ lục I, II.6.đ: đ follows d, g follows e, k follows i, x follows v."""
    assert chu_cai(index) == letter


@pytest.mark.parametrize(
    ("index", "label"),
    [(23, "aa"), (24, "ab"), (27, "ađ"), (45, "ay"), (46, "ba"), (23 + 23 * 23 - 1, "yy"),
     (23 + 23 * 23, "aaa")],
)  # fmt: skip
def test_chu_cai_beyond_23_is_bijective(index: int, label: str) -> None:
    """Past "y" labels continue like spreadsheet columns over the same 23 letters."""
    assert chu_cai(index) == label


@given(st.integers(min_value=0, max_value=10**9))
def test_chu_cai_never_uses_foreign_letters(index: int) -> None:
    """Phụ lục I, II.6.đ: only Vietnamese letters, so never f, j, w or z."""
    label = chu_cai(index)
    assert label
    assert set(label) <= set(ALPHABET)
    assert not set(label) & set("fjwz")


@given(st.integers(min_value=0, max_value=10**12))
def test_chu_cai_is_injective(index: int) -> None:
    """Each index has its own label: decoding the label gives the index back."""
    assert _decode(chu_cai(index)) == index


def test_chu_cai_labels_distinct_and_ordered_over_a_range() -> None:
    labels = [chu_cai(i) for i in range(2000)]
    assert len(set(labels)) == len(labels)
    keys = [(len(lb), [ALPHABET.index(c) for c in lb]) for lb in labels]
    assert keys == sorted(keys)


def test_chu_cai_rejects_negative() -> None:
    with pytest.raises(ValueError):
        chu_cai(-1)
