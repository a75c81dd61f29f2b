"""Advice: things that are allowed but probably a mistake, reported as warnings.

Unlike validation errors these never stop a document from being drafted. Each advisor
is a function of the validated campaign returning :class:`~chithi_gen.errors.Problem`\\ s
of severity ``"warning"``, each with a stable ``code`` and the field path of the value it
is about (the pipeline places it at its file and line). Add an advisor as a module of
this package and list it in :data:`ADVISORS`.
"""

from __future__ import annotations

from collections.abc import Callable

from chithi_gen.compose.advice.district import district_warnings
from chithi_gen.compose.advice.luu import luu_warnings
from chithi_gen.compose.advice.ma_cu import legacy_encoding_warnings
from chithi_gen.compose.advice.party import party_warnings
from chithi_gen.compose.advice.recipients import recipient_warnings
from chithi_gen.compose.advice.replaced import replaced_warnings
from chithi_gen.compose.advice.units import unit_warnings
from chithi_gen.errors import Problem
from chithi_gen.model import Campaign

Advisor = Callable[[Campaign], list[Problem]]

#: Every advisor, in the order their warnings are reported.
ADVISORS: tuple[Advisor, ...] = (
    recipient_warnings,
    luu_warnings,
    unit_warnings,
    district_warnings,
    replaced_warnings,
    party_warnings,
    legacy_encoding_warnings,
)


def warnings(campaign: Campaign) -> list[Problem]:
    """Every warning about ``campaign``."""
    return [p for advisor in ADVISORS for p in advisor(campaign)]


__all__ = [
    "ADVISORS",
    "Advisor",
    "district_warnings",
    "legacy_encoding_warnings",
    "luu_warnings",
    "party_warnings",
    "recipient_warnings",
    "replaced_warnings",
    "unit_warnings",
    "warnings",
]
