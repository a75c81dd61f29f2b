"""Hội nghị — the conference a Kế hoạch tổ chức hội nghị organises: when, where, who, agenda.

Used by the kind ``ke_hoach_hoi_nghi`` (its step is :mod:`chithi_gen.kinds.hoi_nghi`),
which turns this block into the plan's sections on time and place, participants and
programme, the programme as a table.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from chithi_gen.model.base import Model
from chithi_gen.model.text import Text


class MucChuongTrinh(Model):
    """One line of the conference programme: ``gio`` ("08 giờ 00 - 08 giờ 15"),
    ``noi_dung`` (what happens), ``thuc_hien`` (who does it, optional)."""

    gio: Annotated[Text, Field(max_length=100, description="Thời gian (time slot)")]
    noi_dung: Annotated[Text, Field(description="Nội dung (what happens)")]
    thuc_hien: Annotated[Text | None, Field(description="Người/đơn vị thực hiện (who)")] = None


class HoiNghi(Model):
    """The conference: ``ten`` its name ("Hội nghị sơ kết phong trào thi đua …"),
    ``ngay`` and ``gio`` its date and start time ("08 giờ 00"), ``dia_diem`` the place,
    ``thanh_phan`` the participants (one group per line), ``chuong_trinh`` the programme.
    """

    ten: Annotated[Text, Field(max_length=500, description="Tên hội nghị (its name)")]
    ngay: Annotated[date, Field(description="Ngày tổ chức (date)")]
    gio: Annotated[Text, Field(max_length=100, description="Giờ bắt đầu (start time)")]
    dia_diem: Annotated[Text, Field(max_length=500, description="Địa điểm (place)")]
    thanh_phan: Annotated[
        list[Text], Field(min_length=1, max_length=200, description="Thành phần (participants)")
    ]
    chuong_trinh: Annotated[
        list[MucChuongTrinh],
        Field(min_length=1, max_length=200, description="Chương trình (the agenda)"),
    ]
