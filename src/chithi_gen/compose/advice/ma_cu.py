"""Advice on legacy encodings: a text field plainly typed in TCVN3 (ABC) or VNI.

Text copied out of a document typed in the old 8-bit fonts (``.VnTime``, ``VNI-Times``)
arrives as other letters: "Tân Lập" reads "T©n LËp" (TCVN3), "Nguyễn Văn" reads
"Nguyeãn Vaên" (VNI). Every text of the campaign is tried with
:func:`chithi_gen.vi.ma_cu.phat_hien`; one that is plainly in a legacy encoding gets a
warning naming the field and the encoding and showing the text converted to Unicode,
ready to paste back.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from chithi_gen.errors import Loc, Problem
from chithi_gen.model import Campaign
from chithi_gen.vi.ma_cu import chuyen_ma, phat_hien

#: How the encodings are named in messages.
NAMES = {"tcvn3": "TCVN3 (ABC, phông .VnTime)", "vni": "VNI (phông VNI-Times)"}
#: Longest converted text shown in a warning.
SHOWN = 120


def _texts(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*loc, name))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _texts(item, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*loc, str(key)))


def _shown(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def legacy_encoding_warnings(campaign: Campaign) -> list[Problem]:
    """A warning for every text field that is plainly TCVN3 or VNI text."""
    found: list[Problem] = []
    for loc, text in _texts(campaign, ()):
        encoding = phat_hien(text)
        if encoding is None:
            continue
        converted = _shown(chuyen_ma(text, encoding))
        name = NAMES[encoding]
        found.append(
            Problem(
                f"văn bản này gõ bằng bảng mã cũ {name}, dán vào thành chữ sai; chuyển sang"
                f" Unicode là: «{converted}»",
                f"this text was typed in the legacy encoding {name} and pasted as wrong"
                f" letters; in Unicode it reads: «{converted}»",
                loc=loc,
                code=f"legacy-encoding-{encoding}",
                severity="warning",
            )
        )
    return found
