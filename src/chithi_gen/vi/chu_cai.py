"""Letters that label *điểm* (points) inside a *khoản* (clause).

Phụ lục I, II.6.đ: "Thứ tự các điểm trong mỗi khoản dùng các chữ cái tiếng
Việt theo thứ tự bảng chữ cái tiếng Việt" -- points are lettered in the order
of the Vietnamese alphabet, followed by a closing parenthesis (``a)``).  In
drafting practice the letters carrying a diacritic other than *đ* (ă, â, ê,
ô, ơ, ư) are not used, and f, j, w, z are not Vietnamese letters, which
leaves the 23-letter sequence in :data:`ALPHABET`.
"""

from __future__ import annotations

__all__ = ["ALPHABET", "chu_cai"]

ALPHABET: tuple[str, ...] = (
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
)  # fmt: skip
"""The 23 point letters in order: a b c d đ e g h i k l m n o p q r s t u v x y."""


def chu_cai(index: int) -> str:
    """Return the letter of the point at zero-based ``index``: 0 -> ``"a"``, 4 -> ``"đ"``.

    *Chữ cái* means "letter".  A clause should not need more than 23 points,
    but rather than fail the sequence continues bijectively over the same
    alphabet, as spreadsheet columns do: index 22 -> ``"y"``, 23 -> ``"aa"``,
    24 -> ``"ab"``, 45 -> ``"ay"``, 46 -> ``"ba"``, 23 + 23**2 -> ``"aaa"``.
    Every index gets a distinct label and f, j, w, z never appear.

    Raises:
        ValueError: ``index`` is negative.
    """
    if index < 0:
        raise ValueError(f"index must be >= 0, got {index}")
    base = len(ALPHABET)
    letters: list[str] = []
    n = index + 1
    while n:
        n, r = divmod(n - 1, base)
        letters.append(ALPHABET[r])
    return "".join(reversed(letters))
