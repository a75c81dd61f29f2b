"""Tên cơ quan, tổ chức ban hành văn bản — the issuing body (Phụ lục I, II.2)."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, field_validator

from chithi_gen.model.base import Model, nd30_error
from chithi_gen.model.text import Text

_VIET_TAT = re.compile(r"^[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$")


def check_viet_tat(value: str) -> str:
    """Phụ lục I, II.3.c: abbreviations are capitals, groups joined by "-", no spaces."""
    if not _VIET_TAT.match(value):
        raise nd30_error(
            f"chữ viết tắt '{value}' phải là chữ in hoa (có thể nối nhóm bằng '-', không cách"
            " chữ), ví dụ UBND",
            f"abbreviation '{value}' must be capital letters (groups joined by '-', no spaces),"
            " e.g. UBND",
        )
    return value


VietTat = Annotated[Text, AfterValidator(check_viet_tat)]


class CoQuan(Model):
    """The issuing body and, when it has one, its direct superior (cơ quan chủ quản).

    ``ten`` is the official full name in sentence case ("Ủy ban nhân dân huyện Hà
    Quảng"); the layout prints it in capitals (Phụ lục I, II.2.b). A list of strings
    fixes where the name breaks into lines; a single string is broken by measured width.
    ``chu_quan`` (optional) is the direct superior, printed above in capitals, not bold.
    ``viet_tat`` is the body's abbreviation used in the ký hiệu ("UBND").
    """

    ten: Annotated[list[Text], Field(min_length=1, max_length=4)]
    """Tên cơ quan ban hành, chữ thường có hoa đầu; danh sách để tự chọn chỗ xuống dòng (the issuing
    body's name; a list fixes the line breaks)."""
    chu_quan: Annotated[list[Text], Field(max_length=4)] = []
    """Cơ quan chủ quản trực tiếp, nếu có (the direct superior, if any)."""
    viet_tat: VietTat
    """Chữ viết tắt tên cơ quan trong ký hiệu, ví dụ UBND (the body's abbreviation in the ký hiệu).
    """

    @field_validator("ten", "chu_quan", mode="before", json_schema_input_type=str | list[str])
    @classmethod
    def _one_or_many_lines(cls, value: object) -> object:
        if isinstance(value, str):
            return [value]
        if value is None:
            return []
        return value
