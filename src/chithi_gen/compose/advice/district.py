"""Advice on the two-tier structure: a district-level body in a document of 1/7/2025 or later.

Since 1 July 2025 local government has two tiers (Luật Tổ chức chính quyền địa phương
số 72/2025/QH15): a current document is neither issued by nor sent to a *huyện*,
*quận*, *thị xã* or *thành phố thuộc tỉnh*, their party committees or offices, and
names no *thị trấn*. The mentions are found by
:func:`chithi_gen.reference.cap_huyen.tim_cap_huyen`; a document dated before that day
(a reproduction of a 2020 Chỉ thị) gets no warning.
"""

from __future__ import annotations

from chithi_gen.compose.advice.places import document_date, named_bodies
from chithi_gen.errors import Problem
from chithi_gen.model import Campaign
from chithi_gen.reference.cap_huyen import ap_dung_hai_cap, tim_cap_huyen

#: The warning's code.
CODE = "district-level-body"

_VAI_TRO = {
    "co_quan": ("cơ quan ban hành", "the issuing side"),
    "noi_nhan": ("Nơi nhận", "the recipients"),
    "phan_cong": ("phân công nhiệm vụ", "an assignment"),
}


def district_warnings(campaign: Campaign) -> list[Problem]:
    """A district-level body named by the issuer, a recipient or an assignment, in a
    document dated on or after 1/7/2025 (an undated draft counts as current)."""
    if not ap_dung_hai_cap(document_date(campaign)):
        return []
    found: list[Problem] = []
    for body in named_bodies(campaign):
        vi_role, en_role = _VAI_TRO[body.vai_tro]
        for mention in tim_cap_huyen(body.text):
            vi, en = mention.canh_bao
            found.append(
                Problem(
                    f"{vi_role}: {vi}",
                    f"{en_role}: {en}",
                    loc=body.loc,
                    code=CODE,
                    severity="warning",
                )
            )
    return found
