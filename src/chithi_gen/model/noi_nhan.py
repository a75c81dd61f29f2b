"""Nơi nhận — the recipients list and the "Lưu" line (Phụ lục I, II.9.d; III.3)."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BeforeValidator, Field, field_validator, model_validator

from chithi_gen.model.base import Model, nd30_error
from chithi_gen.model.co_quan import VietTat
from chithi_gen.model.text import Text, clean_text

_PURPOSE = re.compile(r"^(?P<ten>.*?)\s*\((?P<muc_dich>[^()]*)\)$")


class NoiNhan(Model):
    """One recipient line: a body or group, and optionally a purpose such as "b/c".

    Written in a campaign file either as a plain string ("UBND các xã, thị trấn",
    "Ban TĐKT tỉnh (b/c)") or as ``{ten: ..., muc_dich: b/c}``. The dash, the
    semicolon and the final full stop are added by the library; if the user typed
    them, they are removed here so they are never doubled.
    """

    ten: Text
    """Cơ quan, đơn vị nhận (the recipient)."""
    muc_dich: Text | None = None
    """Mục đích, ví dụ b/c, t/h (the purpose)."""

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: object) -> object:
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str):
            text = clean_text(value)
            if isinstance(text, str):
                text = text.lstrip("-–•+ ").rstrip(";.,").strip()
                if text.lower().startswith("lưu:") or text.lower().startswith("lưu "):
                    raise nd30_error(
                        "dòng 'Lưu' không ghi trong 'noi_nhan'; hãy dùng mục 'luu'"
                        " (ví dụ: luu: {don_vi: NV})",
                        "the 'Lưu' line does not go in 'noi_nhan'; use the 'luu' key"
                        " (e.g. luu: {don_vi: NV})",
                    )
                m = _PURPOSE.match(text)
                if m and m.group("ten"):
                    return {"ten": m.group("ten"), "muc_dich": m.group("muc_dich")}
                return {"ten": text}
        return value

    @field_validator("ten")
    @classmethod
    def _strip_marks(cls, value: str) -> str:
        return value.lstrip("-–•+ ").rstrip(";.,").strip() or value

    def text(self) -> str:
        """The recipient as printed, without dash or closing punctuation."""
        return f"{self.ten} ({self.muc_dich})" if self.muc_dich else self.ten


#: A recipient as written: a line of text or a mapping (the schema accepts both).
NoiNhanItem = Annotated[NoiNhan, BeforeValidator(lambda v: v, json_schema_input_type=str | NoiNhan)]


class Luu(Model):
    """The "Lưu" line closing the Nơi nhận list, and the typist's mark.

    ``don_vi``: abbreviation of the drafting unit ("NV" for Phòng Nội vụ);
    ``so_ban_luu``: copies kept (optional); ``nguoi_soan``: the drafter's initials and
    ``so_ban_phat_hanh``: copies issued, printed as "PL.(300)" (Phụ lục I, III.3).
    """

    don_vi: VietTat
    """Chữ viết tắt đơn vị soạn thảo, ví dụ NV (the drafting unit)."""
    so_ban_luu: Annotated[int, Field(ge=1, le=999)] | None = None
    """Số bản lưu (copies kept)."""
    nguoi_soan: VietTat | None = None
    """Ký hiệu người soạn thảo (the drafter's initials)."""
    so_ban_phat_hanh: Annotated[int, Field(ge=1, le=99_999)] | None = None
    """Số bản phát hành (copies issued)."""


def dong_noi_nhan(noi_nhan: list[NoiNhan], luu: Luu) -> tuple[str, ...]:
    """The printed lines of Nơi nhận (Phụ lục I, II.9.d).

    Each recipient on its own line starting with "- " and ending with ";"; the last
    line is "- Lưu: VT, <đơn vị soạn thảo>[ (<n> bản)]." ending with a full stop.
    """
    lines = [f"- {n.text()};" for n in noi_nhan]
    luu_text = f"- Lưu: VT, {luu.don_vi}"
    if luu.so_ban_luu:
        luu_text += f" ({luu.so_ban_luu:02d}b)"
    lines.append(luu_text + ".")
    return tuple(lines)


def ky_hieu_nguoi_soan(luu: Luu) -> str | None:
    """The typist's mark "PL.(300)" (Phụ lục I, III.3 and item 11 of the sample table)."""
    if not luu.nguoi_soan:
        return None
    if luu.so_ban_phat_hanh:
        return f"{luu.nguoi_soan}.({luu.so_ban_phat_hanh})"
    return f"{luu.nguoi_soan}."
