"""The one exception of the checker: input that is not a readable .docx."""

from __future__ import annotations


class CheckInputError(ValueError):
    """The input cannot be read as a Word (.docx) document.

    Raised for a missing file, a file that is not a zip package, a package without
    ``word/document.xml``, a truncated or corrupt package, or malformed XML. The
    message is bilingual: Vietnamese first, English after " / ".
    """

    def __init__(self, message_vi: str, message_en: str) -> None:
        self.message_vi = message_vi
        self.message_en = message_en
        super().__init__(f"{message_vi} / {message_en}")
