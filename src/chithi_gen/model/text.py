"""Text fields: what user text may contain and how it is cleaned before validation.

Every free-text field of the model goes through :func:`clean_text`: Unicode NFC (a
decomposed "ệ" pasted from a PDF becomes the precomposed one Word expects), Word's
manual line break (U+000B) and tabs become spaces, invisible direction and zero-width
marks are dropped, runs of spaces collapse, and characters that XML 1.0 forbids are
rejected with the position where they stand, so no user text can corrupt a .docx.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator

from chithi_gen.model.base import nd30_error

#: Invisible characters silently removed: bidi marks/embeddings/isolates, zero-width
#: space/joiners, word joiner, BOM, soft hyphen.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]")
#: Characters that are not allowed in XML 1.0 at all (after the conversions below).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\x0b\x0c\r\n\u00a0\u2028\u2029]+")

#: Longest text accepted in one field; a paragraph of a real directive is < 3,000.
MAX_LEN = 20_000


def clean_text(value: object) -> object:
    """Normalise one text value; leave non-strings for pydantic's own type check."""
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFC", value)
    text = _INVISIBLE.sub("", text)
    bad = _XML_ILLEGAL.search(text)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        raise nd30_error(
            f"có ký tự điều khiển {code} ở vị trí {bad.start() + 1} (thường do dán từ Word);"
            " hãy xóa ký tự đó",
            f"contains control character {code} at position {bad.start() + 1}"
            " (usually pasted from Word); delete it",
            code="control-character",
        )
    text = _SPACES.sub(" ", text).strip()
    if len(text) > MAX_LEN:
        raise nd30_error(
            f"văn bản quá dài ({len(text)} ký tự, tối đa {MAX_LEN})",
            f"text too long ({len(text)} characters, at most {MAX_LEN})",
            code="text-too-long",
        )
    return text


def _not_empty(value: str) -> str:
    if not value:
        raise nd30_error("không được để trống", "must not be empty", code="text-empty")
    return value


#: Free text: cleaned and non-empty.
Text = Annotated[str, BeforeValidator(clean_text), AfterValidator(_not_empty)]


def _not_only_breaks(value: str) -> str:
    """A title line must say something besides the clerk's forced breaks (``|``)."""
    if not value.replace("|", "").strip():
        raise nd30_error(
            "chỉ có dấu ngắt dòng '|', không có chữ",
            "only line-break marks '|', no text",
            code="text-empty",
        )
    return value


#: A title line (agency name, trích yếu): text in which ``|`` forces a line break.
TitleText = Annotated[Text, AfterValidator(_not_only_breaks)]
