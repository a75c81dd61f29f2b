"""Errors raised by chithi_gen, each carrying a Vietnamese message with English beside it.

Every error a user can cause (a bad campaign file, a missing layout) is a subclass of
:class:`ChithiError`. The command line prints them without a traceback; a Python
application can catch :class:`ChithiError` and read :attr:`ChithiError.problems` for
the structured list (field path, YAML line, both messages).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pydantic_core import PydanticCustomError

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as the input allows.

    ``loc`` is the field path inside the campaign (``("nguoi_ky", "ho_ten")``),
    ``line``/``column`` are 1-based positions in the source file when known.
    """

    message_vi: str
    message_en: str
    loc: Loc = ()
    line: int | None = None
    column: int | None = None

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

    def format(self, source: str | None = None) -> str:
        """Render as one line: ``FILE:LINE: trường X: <vi> (<en>)``."""
        where = []
        if source:
            where.append(source if self.line is None else f"{source}:{self.line}")
        elif self.line is not None:
            where.append(f"dòng {self.line}")
        head = ":".join(where)
        fld = f"trường `{self.field_path}`: " if self.field_path else ""
        prefix = f"{head}: " if head else ""
        return f"{prefix}{fld}{self.message_vi} ({self.message_en})"


class ChithiError(Exception):
    """Base class of every error a user of chithi_gen can cause."""

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self.format())

    @classmethod
    def single(
        cls, message_vi: str, message_en: str, source: str | None = None, **kw: object
    ) -> ChithiError:
        """Build the error from one problem."""
        return cls([Problem(message_vi, message_en, **kw)], source)  # type: ignore[arg-type]

    def format(self) -> str:
        """All problems, one per line."""
        return "\n".join(p.format(self.source) for p in self.problems)


class CampaignError(ChithiError):
    """The campaign file cannot be read or does not satisfy the model (exit code 2)."""


class LayoutError(ChithiError):
    """A layout (.docx template) is missing, unreadable or renders invalid XML (exit code 3)."""


class OutputError(ChithiError):
    """The output cannot be written (exists without ``--force``, no permission; exit code 4)."""


@dataclass(frozen=True)
class Message:
    """A bilingual message used by validators before it is attached to a field."""

    vi: str
    en: str
    hints: tuple[str, ...] = field(default=())


def nd30_error(vi: str, en: str) -> PydanticCustomError:
    """A pydantic error whose text keeps both languages apart for :func:`from_pydantic`."""
    return PydanticCustomError("chithi", "{vi} / {en}", {"vi": vi, "en": en})


def join_vi(items: Iterable[str]) -> str:
    """``a, b hoặc c`` — lists in Vietnamese messages."""
    xs = list(items)
    if len(xs) <= 1:
        return "".join(xs)
    return ", ".join(xs[:-1]) + " hoặc " + xs[-1]
