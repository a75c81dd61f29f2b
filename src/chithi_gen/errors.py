"""Every exception chithi_gen raises, each with its exit code and bilingual problems.

A user's mistake is a :class:`ChithiError` holding one or more :class:`Problem`\\ s: what
is wrong, in Vietnamese and in English (a :class:`Message` pair, never one string split
later), and where — the field path inside the campaign and, once located, the file,
line and column where the offending value is written. The command line prints them
without a traceback and exits with the error's :attr:`ChithiError.exit_code`; a Python
application catches :class:`ChithiError` and reads :attr:`ChithiError.problems`.

This module uses only the standard library, so every part of the package — the
checker included — can import it without loading the generator.
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal, Self

#: A field path inside the campaign data: keys and 0-based list positions.
Loc = tuple[str | int, ...]

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Message:
    """A message in both languages: Vietnamese for the clerk, English beside it."""

    vi: str
    en: str

    def __str__(self) -> str:
        return f"{self.vi} ({self.en})"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as the input allows.

    ``loc`` is the field path inside the campaign (``("nguoi_ky", "ho_ten")``);
    ``source`` the file where the offending value is written (a ``ke_thua`` parent, a
    table, a layout) when known; ``line``/``column`` are 1-based positions in it.
    ``code`` is a stable identifier of the kind of problem and ``severity`` says whether
    it stops the document (``"error"``) or is only advice (``"warning"``). A problem in a
    package (a layout .docx) names the ``part`` (``word/document.xml``) and the
    ``paragraph`` (1-based, as Word shows them) instead of a line. ``input`` is the
    offending value as written, shortened; ``pointer`` the JSON Pointer (RFC 6901) of the
    value in the data as the user wrote it (``/phan/muc_tieu/0``), set when the problem is
    placed.
    """

    message_vi: str
    message_en: str
    loc: Loc = ()
    line: int | None = None
    column: int | None = None
    source: str | None = None
    code: str = ""
    severity: Severity = "error"
    part: str | None = None
    paragraph: int | None = None
    input: str | None = None
    pointer: str | None = None

    @classmethod
    def of(cls, message: Message, loc: Loc = (), *, code: str, **kw: object) -> Problem:
        """A problem from a :class:`Message` pair, with its code (docs/problems.md)."""
        return cls(message.vi, message.en, loc, code=code, **kw)  # type: ignore[arg-type]

    @property
    def message(self) -> Message:
        """Both messages as a pair."""
        return Message(self.message_vi, self.message_en)

    @property
    def field_path(self) -> str:
        """The location as the user writes it: ``noi_dung[2].muc`` (1-based list items)."""
        out = ""
        for part in self.loc:
            if isinstance(part, int):
                out += f"[{part + 1}]"
            else:
                out += f".{part}" if out else part
        return out

    def at(self, source: str | None, line: int | None, column: int | None = None) -> Problem:
        """This problem placed at ``source:line:column``."""
        return replace(self, source=source, line=line, column=column)

    def format(self, source: str | None = None) -> str:
        """One line: ``FILE:LINE: trường X: <vi> (<en>)``; ``source`` is the file to name
        when the problem does not know its own."""
        src = self.source if self.source is not None else source
        if src:
            head = src if self.line is None else f"{src}:{self.line}"
        elif self.line is not None:
            head = f"dòng {self.line}"
        else:
            head = ""
        if self.part:
            inside = self.part + (f", đoạn {self.paragraph}" if self.paragraph else "")
            head = f"{head} ({inside})" if head else inside
        fld = f"trường `{self.field_path}`: " if self.field_path else ""
        prefix = f"{head}: " if head else ""
        return f"{prefix}{fld}{self.message_vi} ({self.message_en})"


#: Longest ``Problem.input`` kept (characters); longer values are cut with "…".
MAX_INPUT = 80


def shorten(value: object, limit: int = MAX_INPUT) -> str:
    """A value as a short, printable excerpt for a :class:`Problem`'s ``input`` (never the
    whole of a large value: containers are cut after a few items)."""
    if isinstance(value, str):
        text = value[: limit + 1]
    else:
        brief = reprlib.Repr()
        brief.maxstring = brief.maxother = limit
        brief.maxlist = brief.maxdict = brief.maxtuple = 4
        brief.maxlevel = 2
        text = brief.repr(value)
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ChithiError(Exception):
    """Base class of every error a user of chithi_gen can cause."""

    #: The exit code of the ``chithi`` command for this error.
    exit_code = 2

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self.format())

    @classmethod
    def single(
        cls,
        message_vi: str,
        message_en: str,
        source: str | None = None,
        *,
        code: str,
        **kw: object,
    ) -> Self:
        """Build the error from one problem, with its code (docs/problems.md)."""
        return cls([Problem(message_vi, message_en, code=code, **kw)], source)  # type: ignore[arg-type]

    @classmethod
    def of(cls, message: Message, source: str | None = None, *, code: str, **kw: object) -> Self:
        """Build the error from one :class:`Message`, with its code."""
        return cls.single(message.vi, message.en, source, code=code, **kw)

    def format(self) -> str:
        """All problems, one per line."""
        return "\n".join(p.format(self.source) for p in self.problems)


class CampaignError(ChithiError):
    """The campaign (file, data or table) cannot be read or breaks a rule (exit code 2)."""

    exit_code = 2


class LayoutError(ChithiError):
    """A template folder, layout, kind file or snippet is missing or broken (exit code 3)."""

    exit_code = 3


class OutputError(ChithiError):
    """The output cannot be written: it exists, is not a regular file, no permission
    (exit code 4)."""

    exit_code = 4


class ToolMissingError(ChithiError):
    """An external program (LibreOffice, pdftoppm) is not installed (exit code 5)."""

    exit_code = 5


class ConversionError(ChithiError):
    """An external program failed: LibreOffice crashed, timed out or wrote no PDF
    (exit code 6)."""

    exit_code = 6


class RevisionError(ChithiError):
    """Two documents cannot be compared: an input is not a .docx (not a zip, no main
    document, malformed XML, too large) or already holds tracked changes (exit code 2)."""

    exit_code = 2


class CheckInputError(ChithiError, ValueError):
    """A file given to the checker cannot be read as a Word (.docx) document (exit code 2).

    Raised by :mod:`chithi_gen.check` for a missing file, a file that is not a zip
    package, a package without ``word/document.xml``, a truncated or corrupt package,
    malformed XML, or input beyond the checker's bounds. ``message_vi`` and
    ``message_en`` are the two messages; ``str()`` gives them joined by " / ". A
    ``ValueError`` too, so callers of the first checker keep catching it.
    """

    exit_code = 2

    def __init__(self, message_vi: str, message_en: str) -> None:
        self.message_vi = message_vi
        self.message_en = message_en
        super().__init__([Problem(message_vi, message_en, code="docx-unreadable")])

    def format(self) -> str:
        """``<Vietnamese> / <English>``."""
        return f"{self.message_vi} / {self.message_en}"

    def __reduce__(self) -> tuple[type[CheckInputError], tuple[str, str]]:
        return type(self), (self.message_vi, self.message_en)


class InvalidValue(ValueError):
    """A value a Vietnamese rule cannot accept (an ambiguous number "1.250"), with the
    reason as a :class:`Message`; validators turn it into a located :class:`Problem`."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


def join_vi(items: Iterable[str]) -> str:
    """``a, b hoặc c`` — lists in Vietnamese messages."""
    xs = list(items)
    if len(xs) <= 1:
        return "".join(xs)
    return ", ".join(xs[:-1]) + " hoặc " + xs[-1]
