"""Phân công — an assignment: who leads, who partners, what, by when.

"Giao Phòng Nội vụ chủ trì, phối hợp với Phòng Tài chính - Kế hoạch tham mưu …;
hoàn thành trước ngày 25/3/2020." Modelled as data so that the library can check that
every unit given a task receives the document (its Nơi nhận), see
:func:`chithi_gen.advice.recipient_warnings`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from chithi_gen.model.base import Model
from chithi_gen.model.text import Text


class PhanCong(Model):
    """``chu_tri``: the lead unit; ``phoi_hop``: partner units; ``nhiem_vu``: the task
    (a verb phrase: "tham mưu UBND huyện …"); ``thoi_han``: a date or a phrase
    ("hằng quý", "trong tháng 6 năm 2020")."""

    chu_tri: Text
    """Đơn vị chủ trì (the lead unit)."""
    phoi_hop: Annotated[list[Text], Field(max_length=50)] = []
    """Các đơn vị phối hợp (partner units)."""
    nhiem_vu: Text
    """Nhiệm vụ, viết như một cụm động từ (the task, a verb phrase)."""
    thoi_han: Annotated[date | Text, Field(union_mode="left_to_right")] | None = None
    """Thời hạn: một ngày hoặc cụm từ như 'hằng quý' (the deadline: a date or a phrase)."""


def don_vi_duoc_giao(pc: PhanCong) -> list[str]:
    """Every unit named in the assignment, lead first."""
    return [pc.chu_tri, *pc.phoi_hop]
