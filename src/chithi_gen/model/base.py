"""The base of every model: unknown keys are errors, and errors keep both languages."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic_core import PydanticCustomError

from chithi_gen.errors import Message


class Model(BaseModel):
    """Strict pydantic model: a typo such as ``noi_nhna`` is reported, not dropped."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=False, frozen=True, use_attribute_docstrings=True
    )


#: The pydantic error type of every rule of chithi_gen's own; its context carries the
#: Vietnamese and English messages apart (see :mod:`chithi_gen.validate`).
ERROR_TYPE = "chithi"


def nd30_error(vi: str, en: str, code: str = "invalid-value") -> PydanticCustomError:
    """A pydantic error carrying a bilingual message as a pair (``ctx`` vi/en) and the
    stable problem code of the rule (docs/problems.md)."""
    return PydanticCustomError(ERROR_TYPE, "{vi} / {en}", {"vi": vi, "en": en, "code": code})


def nd30_error_of(message: Message, code: str = "invalid-value") -> PydanticCustomError:
    """:func:`nd30_error` from a :class:`~chithi_gen.errors.Message`."""
    return nd30_error(message.vi, message.en, code)
