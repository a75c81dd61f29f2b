"""Chỉ tiêu — campaign targets, and thời gian thi đua — the campaign period."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

from pydantic import BeforeValidator, Field, model_validator

from chithi_gen.errors import InvalidValue
from chithi_gen.model.base import Model, nd30_error, nd30_error_of
from chithi_gen.model.text import Text
from chithi_gen.vi.so import parse_so

if TYPE_CHECKING:
    from chithi_gen.model.noi_dung import Node


def _number(value: object) -> object:
    """Numbers as clerks type them: "27.716", "21,9", 21.9 (see :func:`parse_so`)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, str):
        try:
            return parse_so(value)
        except InvalidValue as exc:
            raise nd30_error_of(exc.message) from None
    return value


#: A number: int, Decimal, or text in Vietnamese ("31.815,7") or plain ("31815.7") form.
So = Annotated[Decimal, BeforeValidator(_number, json_schema_input_type=int | float | str)]


class ChiTieu(Model):
    """One target: "(1) Thu ngân sách trên địa bàn: 27.716 triệu đồng."

    Give ``ten`` with ``gia_tri`` and ``don_vi`` for a measurable target (the value is
    printed in Vietnamese number format, Babel ``vi``: 27.716; 21,9), optionally
    ``ghi_chu`` printed after the unit ("(so với TH 2020)"), and ``nam_truoc``, last
    year's result, shown with the ratio when the targets are a table. Targets that do not fit
    one value are written as free text in ``van_ban``. ``chi_tiet`` holds sub-lines
    ("Trong đó: - Vùng thấp: 54 triệu đồng").
    """

    ten: Text | None = None
    """Tên chỉ tiêu (the target's name)."""
    gia_tri: So | None = None
    """Giá trị, viết kiểu Việt Nam 27.716 hoặc 21,9 (the value)."""
    don_vi: Text | None = None
    """Đơn vị tính (the unit)."""
    ghi_chu: Text | None = None
    """Ghi chú in sau đơn vị, ví dụ '(so với năm 2025)' (a note after the unit)."""
    nam_truoc: So | None = None
    """Kết quả năm trước, so sánh trong bảng (last year's result, compared in a table)."""
    van_ban: Text | None = None
    """Chỉ tiêu viết thành câu (a target written as a sentence)."""
    chi_tiet: list[Node] = []
    """Các dòng chi tiết dưới chỉ tiêu (sub-lines)."""

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: object) -> object:
        if isinstance(value, str):
            return {"van_ban": value}
        return value

    @model_validator(mode="after")
    def _needs_content(self) -> ChiTieu:
        if not self.ten and not self.van_ban:
            raise nd30_error(
                "chỉ tiêu cần 'ten' (kèm 'gia_tri', 'don_vi') hoặc 'van_ban'",
                "a target needs 'ten' (with 'gia_tri', 'don_vi') or 'van_ban'",
            )
        if self.gia_tri is not None and not self.ten:
            raise nd30_error(
                "chỉ tiêu có 'gia_tri' cần 'ten'", "a target with 'gia_tri' needs 'ten'"
            )
        if self.gia_tri is not None and not self.gia_tri.is_finite():
            raise nd30_error("'gia_tri' phải là một số", "'gia_tri' must be a number")
        return self


class ThoiGianThiDua(Model):
    """The campaign period: "Từ ngày phát động thi đua đến hết ngày 31 tháng 12 năm 2020."

    ``tu`` is a date or a phrase ("ngày phát động thi đua", the default); ``den`` the
    last day.
    """

    tu: Annotated[
        date | Annotated[Text, Field(max_length=200)], Field(union_mode="left_to_right")
    ] = "ngày phát động thi đua"
    """Ngày bắt đầu hoặc cụm từ, mặc định 'ngày phát động thi đua' (the start: a date or a phrase).
    """
    den: date
    """Ngày kết thúc (the last day)."""

    @model_validator(mode="after")
    def _ordered(self) -> ThoiGianThiDua:
        if isinstance(self.tu, date) and self.tu > self.den:
            raise nd30_error(
                "ngày bắt đầu ('tu') phải trước ngày kết thúc ('den')",
                "start date ('tu') must not be after end date ('den')",
            )
        return self
