"""Template blanks: the dots, ellipses and numbered placeholders a form leaves to fill.

The samples of Phụ lục III mark what the drafter writes with leaders ("……", "........")
and small numbers referring to their notes ("…3…", "(1)"); a draft leaves the number
and the date empty ("Số:      /QĐ-UBND"). Such a part is not wrong, it is not written
yet: the rules report it with the status ``blank`` (chưa điền) instead of an error.
"""

from __future__ import annotations

import re

#: Three or more dots (spaces allowed between them), an ellipsis character, or a tab
#: leader before the closing punctuation ("Căn cứ <tab>;").
FILLER = re.compile(r"(?:\.\s*){3,}|…+|\t(?=\s*[;.:,]?\s*$)")
#: A numbered placeholder: "(1)", "(12)", or a note number between leaders "…3…".
NUMBERED = re.compile(r"\(\s*\d{1,2}\s*\)|(?<=[.…])\s*\d{1,2}\s*(?=[.…])")
#: The placeholder wording of the samples (what the drafter replaces).
TEMPLATE_WORDS = (
    "TÊN CQ, TC CHỦ QUẢN",
    "TÊN CƠ QUAN, TỔ CHỨC",
    "TÊN LOẠI VĂN BẢN",
    "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ",
    "THẨM QUYỀN BAN HÀNH",
    "Họ và tên",
)
_END = re.compile(r"\s*\./\.\s*$")


def has_blank(text: str) -> bool:
    """True when ``text`` holds a leader or a numbered placeholder (the end mark ./. aside)."""
    text = _END.sub("", text)
    return bool(FILLER.search(text) or NUMBERED.search(text))


def substance(text: str) -> str:
    """The letters of ``text`` once leaders, numbers and template wording are removed."""
    text = _END.sub("", text)
    for words in TEMPLATE_WORDS:
        text = text.replace(words, " ")
    text = FILLER.sub(" ", text)
    return "".join(ch for ch in text if ch.isalpha())


def is_placeholder(text: str) -> bool:
    """True when ``text`` is only a blank to fill: leaders, note numbers, no wording."""
    stripped = text.strip()
    if not stripped:
        return False
    return (
        bool(FILLER.search(stripped) or NUMBERED.search(stripped)) and len(substance(stripped)) < 2
    )


def is_template_wording(text: str) -> bool:
    """True for the samples' own placeholder wording ("Họ và tên", "TÊN CƠ QUAN, TỔ CHỨC")."""
    stripped = " ".join(text.split()).rstrip(" .")
    return any(stripped.upper() == words.upper() for words in TEMPLATE_WORDS)


def is_unfilled(text: str) -> bool:
    """A placeholder or the samples' own placeholder wording: not written yet."""
    return is_placeholder(text) or is_template_wording(text)


def is_blank_value(part: str) -> bool:
    """A field left for the clerk: spaces, dots, ellipses, or a note number between them."""
    rest = NUMBERED.sub("", part)
    return not rest.replace(".", "").replace("…", "").strip(" \t\u00a0-")
