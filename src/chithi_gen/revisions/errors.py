"""The error raised when two documents cannot be compared (bilingual, no traceback)."""

from __future__ import annotations

from chithi_gen.errors import ChithiError


class RevisionError(ChithiError):
    """An input is not a .docx that can be compared (not a zip, no main document,
    malformed XML, too large, already holding tracked changes)."""

    exit_code = 2
