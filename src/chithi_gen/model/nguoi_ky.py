"""Chức vụ, họ tên của người có thẩm quyền — the signer (Phụ lục I, II.7)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from chithi_gen.model.base import Model, nd30_error
from chithi_gen.model.text import Text

#: Authority prefixes of Phụ lục I, II.7.b.
ThamQuyen = Literal["TM.", "KT.", "Q.", "TL.", "TUQ."]

_ALIASES = {"TM": "TM.", "KT": "KT.", "Q": "Q.", "TL": "TL.", "TUQ": "TUQ."}
#: How the prefix may be written (any case, with or without its full stop), for the schema.
_Written = Annotated[
    str, Field(pattern=r"^\s*([Tt][Mm]|[Kk][Tt]|[Qq]|[Tt][Ll]|[Tt][Uu][Qq])\.?\s*$")
]


def is_deputy_title(title: str) -> bool:
    """A deputy's title: "Phó …" (Phó Chủ tịch, Phó Giám đốc) or "Thứ trưởng"."""
    low = title.strip().lower()
    return low.startswith("phó ") or low == "phó" or low.startswith("thứ trưởng")


class NguoiKy(Model):
    """Who signs and with which authority (quyền hạn), Phụ lục I, II.7.b and II.7.đ.

    * ``tham_quyen: TM.`` with ``tap_the`` — signing on behalf of a collective body:
      "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH".
    * ``tham_quyen: KT.`` with ``cap_truong`` — a deputy signing for the head:
      "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH". Add ``tap_the`` to put "TM. ỦY BAN NHÂN DÂN"
      above it, as a People's Committee does.
    * ``Q.`` (acting head), ``TL.`` (by order), ``TUQ.`` (by authorisation) before
      ``cap_truong``; ``chuc_vu`` is the signer's own title (not used with ``Q.``).
    * no ``tham_quyen`` — the head signs in their own name: ``chuc_vu`` only.
    """

    tham_quyen: ThamQuyen | None = None
    """Thẩm quyền ký: TM., KT., Q., TL., TUQ.; bỏ trống khi người đứng đầu ký — Phụ lục I, II.7.b
    (the authority prefix)."""
    tap_the: Text | None = None
    """Tập thể lãnh đạo khi ký TM., ví dụ Ủy ban nhân dân (the collective body for TM.)."""
    cap_truong: Text | None = None
    """Chức vụ người đứng đầu khi ký KT., Q., TL., TUQ., ví dụ Chủ tịch (the head's title)."""
    chuc_vu: Text | None = None
    """Chức vụ của người ký, ví dụ Phó Chủ tịch (the signer's own title)."""
    ho_ten: Text
    """Họ và tên người ký (the signer's name)."""

    @field_validator("tham_quyen", mode="before", json_schema_input_type=_Written | None)
    @classmethod
    def _normalise_prefix(cls, value: object) -> object:
        if isinstance(value, str):
            key = value.strip().upper().rstrip(".")
            if key in _ALIASES:
                return _ALIASES[key]
            raise nd30_error(
                f"thẩm quyền '{value}' không hợp lệ; chỉ dùng TM., KT., Q., TL. hoặc TUQ."
                " (hoặc bỏ trống khi người đứng đầu ký)",
                f"authority '{value}' is not valid; use TM., KT., Q., TL. or TUQ."
                " (or leave it out when the head signs)",
            )
        return value

    @model_validator(mode="after")
    def _check_authority(self) -> NguoiKy:
        tq = self.tham_quyen
        if tq == "TM.":
            if not self.tap_the:
                raise nd30_error(
                    "ký 'TM.' cần 'tap_the' (tên tập thể, ví dụ: Ủy ban nhân dân)"
                    " — Phụ lục I, II.7.b",
                    "'TM.' needs 'tap_the' (the collective body, e.g. Ủy ban nhân dân)",
                )
            if self.cap_truong:
                raise nd30_error(
                    "ký 'TM.' không dùng 'cap_truong'; nếu cấp phó ký thay thì ghi"
                    " tham_quyen: KT. cùng tap_the",
                    "'TM.' takes no 'cap_truong'; for a deputy use tham_quyen: KT. with tap_the",
                )
            if not self.chuc_vu:
                raise nd30_error(
                    "thiếu 'chuc_vu' của người ký (ví dụ: Chủ tịch)",
                    "missing the signer's 'chuc_vu' (e.g. Chủ tịch)",
                )
        elif tq in ("KT.", "Q.", "TL.", "TUQ."):
            if not self.cap_truong:
                raise nd30_error(
                    f"ký '{tq}' cần 'cap_truong' (chức vụ người đứng đầu, ví dụ: Chủ tịch)"
                    " — Phụ lục I, II.7.b",
                    f"'{tq}' needs 'cap_truong' (the head's title, e.g. Chủ tịch)",
                )
            if tq == "KT.":
                if not self.chuc_vu or not is_deputy_title(self.chuc_vu):
                    raise nd30_error(
                        "'KT.' (ký thay) chỉ dùng khi cấp phó ký: 'chuc_vu' phải là chức danh"
                        f" cấp phó như 'Phó Chủ tịch', đang là '{self.chuc_vu or ''}'"
                        " — Phụ lục I, II.7.b",
                        "'KT.' is only for a deputy: 'chuc_vu' must be a deputy title such as"
                        f" 'Phó Chủ tịch', got '{self.chuc_vu or ''}'",
                    )
                if is_deputy_title(self.cap_truong):
                    raise nd30_error(
                        "'cap_truong' phải là chức vụ người đứng đầu, không phải cấp phó",
                        "'cap_truong' must be the head's title, not a deputy's",
                    )
            if tq == "Q." and self.chuc_vu:
                raise nd30_error(
                    "ký 'Q.' không ghi 'chuc_vu': dòng 'Q. <cap_truong>' đã là chức vụ người ký",
                    "'Q.' takes no 'chuc_vu': the line 'Q. <cap_truong>' is the signer's title",
                )
            if tq in ("TL.", "TUQ.") and not self.chuc_vu:
                raise nd30_error(
                    f"ký '{tq}' cần 'chuc_vu' của người ký (ví dụ: Chánh Văn phòng)",
                    f"'{tq}' needs the signer's 'chuc_vu' (e.g. Chánh Văn phòng)",
                )
            if self.tap_the and tq not in ("KT.", "Q."):
                raise nd30_error(
                    "'tap_the' chỉ dùng với TM., KT. hoặc Q.",
                    "'tap_the' is only used with TM., KT. or Q.",
                )
        else:
            if self.tap_the:
                raise nd30_error(
                    "có 'tap_the' nhưng thiếu 'tham_quyen: TM.'",
                    "'tap_the' is given but 'tham_quyen: TM.' is missing",
                )
            if self.cap_truong:
                raise nd30_error(
                    "có 'cap_truong' nhưng thiếu 'tham_quyen' (KT., Q., TL. hoặc TUQ.)",
                    "'cap_truong' is given but 'tham_quyen' (KT., Q., TL. or TUQ.) is missing",
                )
            if not self.chuc_vu:
                raise nd30_error("thiếu 'chuc_vu' của người ký", "missing the signer's 'chuc_vu'")
        return self


def dong_quyen_han(nguoi_ky: NguoiKy) -> tuple[str, ...]:
    """The authority and title lines above the signature, top to bottom (Phụ lục I, II.7.đ).

    Returned in the user's case; the layout prints them in capitals.
    """
    lines: list[str] = []
    tq = nguoi_ky.tham_quyen
    if nguoi_ky.tap_the:
        lines.append(f"TM. {nguoi_ky.tap_the}")
    if tq in ("KT.", "Q.", "TL.", "TUQ.") and nguoi_ky.cap_truong:
        lines.append(f"{tq} {nguoi_ky.cap_truong}")
    if tq != "Q." and nguoi_ky.chuc_vu:
        lines.append(nguoi_ky.chuc_vu)
    return tuple(lines)
