"""Advice on căn cứ and citations: a document known to have been replaced, and its successor.

A citation declared under ``dan_chieu`` (by số ký hiệu, or a Luật by name and year) and
any text of the campaign — a Quyết định's ``can_cu``, the preamble, the body — is looked
up in :mod:`chithi_gen.reference.van_ban_thay_the`. The warning names the document in
force at the end of the chain of replacements (NĐ 91/2017 → 98/2023 → 152/2025). A
document dated before the replacement took effect gets no warning: a 2020 Chỉ thị
rightly cites the law of 2020.
"""

from __future__ import annotations

import re
from datetime import date

from chithi_gen.compose.advice.places import document_date
from chithi_gen.errors import Loc, Problem
from chithi_gen.model import Campaign, VanBanDanChieu
from chithi_gen.model.campaign import iter_texts
from chithi_gen.reference.van_ban_thay_the import ThayThe, tim_thay_the, tim_trong_van_ban

#: The warning's code.
CODE = "replaced-document"


def _cutoff(record: ThayThe) -> date | None:
    """From when citing the old document is a mistake: the day it stopped applying,
    else the replacement's entry into force or issue, else the year in its number."""
    by = record.thay_the_boi
    known = record.tu_ngay or by.hieu_luc or by.ngay_ban_hanh
    if known is not None:
        return known
    m = re.search(r"/((?:19|20)\d\d)/", by.so_ky_hieu)
    return date(int(m.group(1)), 1, 1) if m else None


def _applies(record: ThayThe, when: date | None) -> bool:
    cutoff = _cutoff(record)
    return when is None or cutoff is None or when >= cutoff


def _cited(vb: VanBanDanChieu) -> ThayThe | None:
    name = f"{vb.ten_loai} {vb.ten}" if vb.ten else None
    if name is not None and vb.ngay is not None and str(vb.ngay.year) not in name:
        name += f" năm {vb.ngay.year}"
    return tim_thay_the(vb.so_ky_hieu, name)


def _problem(record: ThayThe, loc: Loc) -> Problem:
    vi, en = record.canh_bao
    return Problem(vi, en, loc=loc, code=CODE, severity="warning")


def replaced_warnings(campaign: Campaign) -> list[Problem]:
    """A căn cứ or citation naming a replaced document, once per field."""
    when = document_date(campaign)
    found: list[Problem] = []
    for key, vb in campaign.dan_chieu.items():
        record = _cited(vb)
        if record is not None and _applies(record, when):
            found.append(_problem(record, ("dan_chieu", key)))
    for loc, text in iter_texts(campaign):
        if loc and loc[0] == "dan_chieu":
            continue
        for record in tim_trong_van_ban(text):
            if _applies(record, when):
                found.append(_problem(record, loc))
    return found
