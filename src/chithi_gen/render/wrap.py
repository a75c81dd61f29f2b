"""Line breaking of centred header and title lines, as a văn thư breaks them.

Word breaks a centred line where it fills up; a văn thư breaks it where the meaning
allows and keeps the lines balanced ("ỦY BAN NHÂN DÂN" / "HUYỆN HÀ QUẢNG"; "Thực hiện
Chỉ thị số 05-CT/HU ngày 10/02/2026" / "của Ban Thường vụ Huyện ủy …", never "Thực
hiện Chỉ / thị số …"). Widths come from :mod:`chithi_gen.render.metrics`, so the lines
are decided before Word lays out the page and Word never needs to break them again.

:func:`wrap_balanced` chooses, among the breaks into the fewest lines that fit (or
one line more, when that avoids a bad break), the one of least cost: the squared
distance of each line from the mean width, plus a cost for each bad break
(:mod:`chithi_gen.render.phrases`): inside a compound or fixed phrase, between a
number and "số"/"ngày" (never), inside a date, a capitalised name or a unit word and
its name; a little for a function word left at a line's end; a small bonus after a
comma or before a word that opens a phrase. A clerk forces a break with a line
break in the text (``|`` in the campaign file, see :mod:`chithi_gen.inline`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from chithi_gen.render.metrics import text_width
from chithi_gen.render.phrases import LEANING, OPENING, PHRASES, UNIT_WORDS

#: Words that stay on the line of the number or date after them ("số 05-CT/HU",
#: "ngày 10/02/2026").
_GLUE_BEFORE_NUMBER = {"số", "ngày", "tháng", "năm", "Số", "Ngày"}

#: Words a header line is best broken before ("ỦY BAN NHÂN DÂN" / "HUYỆN HÀ QUẢNG").
_BREAK_BEFORE = {"tỉnh", "thành", "huyện", "quận", "thị", "xã", "phường"}

#: A number or a Roman numeral, which stays with the word before it ("khóa XV").
_ROMAN_OR_NUMBER = re.compile(r"^(?:\d|[IVXLC]+[.,;:)]*$)")

#: Costs of a break (the balance of a line costs (its distance from the mean width as a
#: fraction of the available width)² × BALANCE).
BALANCE = 25.0
IN_PHRASE = 12.0
IN_DATE = 6.0
IN_NAME = 6.0
BEFORE_NUMBER = 4.0
BY_DASH = 4.0
LEANING_END = 2.0
AFTER_COMMA = -0.6
BEFORE_OPENING = -0.4
BEFORE_UNIT = -0.8
#: The cost of one line more than the fewest that fit.
EXTRA_LINE = 4.0
#: Most lines tried.
MAX_LINES = 8

_PUNCT = ".,;:!?()\"'“”‘’"
#: Old tone placement → the one used here ("uỷ" → "ủy", "hoà" → "hòa").
_TONE_PAIRS = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}


def key(syllable: str) -> str:
    """A syllable as compared with the phrase list: lower case, NFC, no punctuation,
    new tone placement."""
    text = unicodedata.normalize("NFC", syllable.strip(_PUNCT)).lower()
    for old, new in _TONE_PAIRS.items():
        if old in text:
            text = text.replace(old, new)
    return text


@cache
def _phrases() -> dict[str, list[tuple[str, ...]]]:
    """The phrases of two syllables or more, by their first syllable."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in PHRASES:
        parts = tuple(key(s) for s in phrase.split() if key(s))
        if len(parts) > 1:
            out.setdefault(parts[0], []).append(parts)
    return out


def _words(text: str) -> list[str]:
    """Split at spaces, keeping "số 05" and "ngày 10/02/2026" unbreakable."""
    out: list[str] = []
    # Split at single spaces only: a draft's blank ("số      /QĐ-UBND") stays whole.
    for word in re.split(r"(?<=\S) (?=\S)", text.strip()):
        if out and out[-1].split(" ")[-1] in _GLUE_BEFORE_NUMBER and word[:1].isdigit():
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def _is_upper_start(s: str) -> bool:
    s = s.lstrip(_PUNCT)
    return bool(s) and s[0].isupper()


def _quoted(words: list[str]) -> list[bool]:
    """Whether the break before each word falls inside quotation marks."""
    out, inside = [False] * len(words), False
    for i, w in enumerate(words):
        out[i] = inside and i > 0
        for ch in w:
            if ch in '"“”':
                inside = ch == "“" or (ch == '"' and not inside)
    return out


def break_costs(words: list[str]) -> list[float]:
    """The cost of a break before each word (index 0 unused)."""
    n = len(words)
    syllables: list[str] = []
    first: list[int] = []  # the index of each word's first syllable
    for w in words:
        first.append(len(syllables))
        syllables += w.split(" ")
    keys = [key(s) for s in syllables]
    starts = set(first)
    # Compounds and fixed phrases: a break inside one costs IN_PHRASE (once).
    inside = [False] * n
    ends: set[int] = set()  # syllables that end a phrase ("chuyển đổi số"): they lean on nothing
    for start, k in enumerate(keys):
        for parts in _phrases().get(k, ()):
            end = start + len(parts)
            if tuple(keys[start:end]) == parts:
                ends.add(end - 1)
                for j in range(start + 1, end):
                    if j in starts:
                        inside[first.index(j)] = True
    all_caps = not any(c.islower() for c in "".join(words))
    quoted = _quoted(words)
    cost = [0.0] * n
    for i in range(1, n):
        b = first[i]  # the break is between syllables b - 1 and b
        last, head = syllables[b - 1], syllables[b]
        lk, fk = keys[b - 1], keys[b]
        glued_prev, glued = " " in words[i - 1], " " in words[i]
        c = IN_PHRASE if inside[i] else 0.0
        if quoted[i]:  # inside a quoted name: "Cả nước chung tay xây dựng nông thôn mới"
            c += IN_NAME
        if (fk == "số" and glued) or _ROMAN_OR_NUMBER.match(head):
            c += BEFORE_NUMBER  # "Chỉ thị / số 05-CT/HU", "Đề án / 06", "khóa / XV"
        if (
            glued_prev
            and glued
            and keys[first[i - 1]] in ("ngày", "tháng")
            and fk in ("tháng", "năm")
        ):
            c += IN_DATE  # "ngày 02 / tháng 3 năm 2026"
        unit = lk in UNIT_WORDS or (b >= 2 and f"{keys[b - 2]} {lk}" in UNIT_WORDS)
        if unit and _is_upper_start(head):
            c += IN_NAME  # "xã / Trường Hà"
        elif not all_caps and b >= 2 and _is_upper_start(last) and _is_upper_start(head):
            c += IN_NAME  # "Hà / Quảng"
        if last == "-" or head == "-":
            c += BY_DASH
        if lk in LEANING and b - 1 not in ends and not last.endswith((",", ";", ":")):
            c += LEANING_END
        if last.endswith((",", ";")):
            c += AFTER_COMMA
        if fk in OPENING:
            c += BEFORE_OPENING
        if all_caps and fk in _BREAK_BEFORE:
            c += BEFORE_UNIT
        cost[i] = c
    return cost


def wrap_balanced(
    text: str, max_twips: int, size_pt: float, *, bold: bool = False, italic: bool = False
) -> list[str]:
    """Break ``text`` at spaces into balanced lines that fit ``max_twips``, never inside
    a compound or fixed phrase when another break fits; a line break (``\\n``) in
    ``text`` is a break the clerk chose, kept as it is. A single word wider than
    ``max_twips`` stays on its own line."""
    out: list[str] = []
    for part in text.split("\n"):
        if part.strip():
            out += _wrap_one(part.strip(), max_twips, size_pt, bold, italic)
    return out or [text]


def _wrap_one(text: str, max_twips: int, size_pt: float, bold: bool, italic: bool) -> list[str]:
    words = _words(text)
    if not words:
        return [text]
    if text_width(" ".join(words), size_pt, bold=bold, italic=italic) <= max_twips:
        return [" ".join(words)]
    n = len(words)
    # Widths of words[i:j] joined, from prefix sums of the characters' widths.
    joined = " ".join(words)
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    units = [0]
    for ch in joined:
        units.append(units[-1] + text_width(ch, 50, bold=bold, italic=italic))
    scale = size_pt * 20 / 1000

    def width(i: int, j: int) -> int:
        return round((units[starts[j - 1] + len(words[j - 1])] - units[starts[i]]) * scale)

    costs = break_costs(words)
    total = width(0, n)
    best: tuple[float, list[int]] | None = None
    fewest = None
    # lo[j]: the first word a line ending before word j can start with (it must fit);
    # widths[j][i - lo[j]]: the width of words[i:j].
    lo, i = [0] * (n + 1), 0
    for j in range(1, n + 1):
        while i < j - 1 and width(i, j) > max_twips:
            i += 1
        lo[j] = i
    widths = [[width(i, j) for i in range(lo[j], j)] for j in range(n + 1)]
    for count in range(2, min(n, MAX_LINES) + 1):
        if total > count * max_twips:  # cannot fit in so few lines
            continue
        found = _best_split(n, count, lo, widths, costs, max_twips, total)
        if found is None:
            continue
        score = found[0] + (0.0 if fewest is None else EXTRA_LINE * (count - fewest))
        if fewest is None:
            fewest = count
        if best is None or score < best[0]:
            best = (score, found[1])
        if count > fewest:
            break
    if best is None:
        return wrap_greedy(text, max_twips, size_pt, bold=bold, italic=italic)
    cuts = best[1]
    return [" ".join(words[a:b]) for a, b in zip((0, *cuts), (*cuts, n), strict=True)]


def _best_split(
    n: int,
    count: int,
    lo: list[int],
    widths: list[list[int]],
    costs: list[float],
    max_twips: int,
    total: int,
) -> tuple[float, list[int]] | None:
    """The least-cost split of ``n`` words into ``count`` lines that fit (dynamic
    programming over the position of each line's end)."""
    mean = total / count
    inf = float("inf")
    # best[m][j]: the cost of words[:j] in m lines; back[m][j]: where line m starts.
    best = [[inf] * (n + 1) for _ in range(count + 1)]
    back = [[0] * (n + 1) for _ in range(count + 1)]
    best[0][0] = 0.0
    scale = BALANCE / (max_twips * max_twips)
    for m in range(1, count + 1):
        prev, here = best[m - 1], best[m]
        for j in range(m, n - (count - m) + 1):
            row, first = widths[j], lo[j]
            for i in range(max(m - 1, first), j):
                p = prev[i]
                if p == inf:
                    continue
                d = row[i - first] - mean
                c = p + d * d * scale + costs[i]
                if c < here[j]:
                    here[j], back[m][j] = c, i
    if best[count][n] == inf:
        return None
    cuts, j = [], n
    for m in range(count, 1, -1):
        j = back[m][j]
        cuts.append(j)
    return best[count][n], sorted(cuts)


def wrap_greedy(
    text: str, max_twips: int, size_pt: float, *, bold: bool = False, italic: bool = False
) -> list[str]:
    """Break ``text`` the way a word processor does: fill each line, then break."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size_pt, bold=bold, italic=italic) > max_twips:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [text]
