"""Nơi nhận — the recipients list and the "Lưu" line (Phụ lục I, II.9.d; III.3)."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, field_validator, model_validator

from chithi_gen.document import Run
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


#: One entry of the Lưu line after "VT": an abbreviation ("NV"), with a sub-unit in
#: brackets ("TH (NC)"), or joined to VT ("VT-TH"); or "Hồ sơ" (the file of a case,
#: Mẫu 3.x of Phụ lục III: "- Lưu: VT, Hồ sơ.").
_DON_VI = re.compile(
    r"^(?P<ten>[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)(?:\s*\(\s*(?P<bo_phan>[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)\s*\))?$"
)
HO_SO = "Hồ sơ"
#: The Văn thư, always first on the Lưu line (Phụ lục I, II.9.d).
VT = "VT"


def _don_vi(value: str) -> str:
    """Phụ lục I, II.9.d: "chữ viết tắt tên đơn vị (hoặc bộ phận) soạn thảo"."""
    if value.lower() == HO_SO.lower():
        return HO_SO
    m = _DON_VI.match(value)
    if not m:
        raise nd30_error(
            f"đơn vị lưu '{value}' phải là chữ viết tắt in hoa (NV), có thể kèm bộ phận"
            " trong ngoặc (TH (NC)) hoặc nối với VT (VT-TH); hoặc 'Hồ sơ'",
            f"filing unit '{value}' must be a capitals abbreviation (NV), optionally with a"
            " sub-unit in brackets (TH (NC)) or joined to VT (VT-TH); or 'Hồ sơ'",
        )
    ten, bo_phan = m.group("ten"), m.group("bo_phan")
    return f"{ten} ({bo_phan})" if bo_phan else ten


DonViLuu = Annotated[Text, AfterValidator(_don_vi)]
#: Where the typist's mark goes: on a line of its own under the list ("PL.(300)", ô số
#: 12), or after the drafting unit on the Lưu line ("NV(M)", as offices write it).
ViTriNguoiSoan = Literal["dong_rieng", "sau_don_vi"]
#: How the mark after the unit looks: subscript (chỉ số dưới), small (chữ nhỏ), plain.
KieuNguoiSoan = Literal["chi_so_duoi", "chu_nho", "thuong"]
#: Size of the small mark (the list itself is 11 pt, Phụ lục I, II.9.d).
CO_CHU_NHO = 8.0


def _units(value: object) -> object:
    return [value] if isinstance(value, str) else value


class Luu(Model):
    """The "Lưu" line closing the Nơi nhận list, and the typist's mark.

    ``don_vi``: the drafting unit's abbreviation ("NV" for Phòng Nội vụ), or several
    ("[NV, TCKH]"), each possibly with a sub-unit ("TH (NC)") or joined to the Văn thư
    ("VT-TH"); left out, the line is "- Lưu: VT." ``so_ban_luu``: copies kept, "(02b)".
    ``nguoi_soan``: the drafter's mark and ``so_ban_phat_hanh``: copies issued (Phụ lục
    I, III.3); ``vi_tri_nguoi_soan`` where the mark goes (by default its own line
    "PL.(300)" when the copies are given, else after the unit "NV(PL)"), and
    ``kieu_nguoi_soan`` how it looks after the unit.
    """

    don_vi: (
        Annotated[
            list[DonViLuu],
            BeforeValidator(_units, json_schema_input_type=str | list[str]),
            Field(max_length=10),
        ]
        | None
    ) = None
    """Chữ viết tắt đơn vị soạn thảo, một hoặc nhiều: NV, TH (NC), VT-TH, Hồ sơ; bỏ trống thì
    dòng là '- Lưu: VT.' (the drafting unit or units)."""
    so_ban_luu: Annotated[int, Field(ge=1, le=999)] | None = None
    """Số bản lưu (copies kept)."""
    nguoi_soan: VietTat | None = None
    """Ký hiệu người soạn thảo (the drafter's initials)."""
    so_ban_phat_hanh: Annotated[int, Field(ge=1, le=99_999)] | None = None
    """Số bản phát hành (copies issued)."""
    vi_tri_nguoi_soan: ViTriNguoiSoan | None = None
    """Chỗ in ký hiệu người soạn thảo: dong_rieng (PL.(300)) hoặc sau_don_vi (NV(PL)) (where
    the drafter's mark goes: its own line, or after the unit)."""
    kieu_nguoi_soan: KieuNguoiSoan = "chi_so_duoi"
    """Kiểu ký hiệu sau đơn vị: chi_so_duoi, chu_nho hoặc thuong (the mark after the unit:
    subscript, small or plain)."""

    @model_validator(mode="after")
    def _mark_fits(self) -> Luu:
        """Each combination prints a form of Phụ lục I, III.3 (or none is printed)."""
        if self.so_ban_phat_hanh and not self.nguoi_soan:
            raise nd30_error(
                "'so_ban_phat_hanh' (số bản phát hành) in cùng ký hiệu người soạn thảo;"
                " hãy ghi 'nguoi_soan' (ví dụ nguoi_soan: PL → PL.(300))",
                "'so_ban_phat_hanh' (copies issued) is printed with the drafter's mark;"
                " give 'nguoi_soan' (e.g. nguoi_soan: PL → PL.(300))",
            )
        where = self.vi_tri
        if where == "dong_rieng" and self.nguoi_soan and not self.so_ban_phat_hanh:
            raise nd30_error(
                "ký hiệu người soạn thảo trên dòng riêng đi cùng số bản phát hành"
                " (PL.(300), Phụ lục I, III.3); hãy ghi 'so_ban_phat_hanh' hoặc dùng"
                " vi_tri_nguoi_soan: sau_don_vi (NV(PL))",
                "the drafter's mark on its own line goes with the copies issued"
                " (PL.(300), Phụ lục I, III.3); give 'so_ban_phat_hanh' or use"
                " vi_tri_nguoi_soan: sau_don_vi (NV(PL))",
            )
        if where == "sau_don_vi" and self.so_ban_phat_hanh:
            raise nd30_error(
                "số bản phát hành chỉ in trên dòng riêng (PL.(300)); bỏ 'so_ban_phat_hanh'"
                " hoặc dùng vi_tri_nguoi_soan: dong_rieng",
                "the copies issued are printed only on the mark's own line (PL.(300));"
                " remove 'so_ban_phat_hanh' or use vi_tri_nguoi_soan: dong_rieng",
            )
        if where == "sau_don_vi" and not self.printed_units:
            raise nd30_error(
                "ký hiệu người soạn thảo đặt sau đơn vị soạn thảo (NV(PL)); hãy ghi"
                " 'don_vi', hoặc ghi 'so_ban_phat_hanh' để in dòng riêng PL.(300)",
                "the drafter's mark goes after the drafting unit (NV(PL)); give"
                " 'don_vi', or give 'so_ban_phat_hanh' for its own line PL.(300)",
            )
        return self

    @property
    def vi_tri(self) -> ViTriNguoiSoan | None:
        """Where the typist's mark is printed (``None`` without a mark)."""
        if not self.nguoi_soan:
            return None
        if self.vi_tri_nguoi_soan:
            return self.vi_tri_nguoi_soan
        return "dong_rieng" if self.so_ban_phat_hanh else "sau_don_vi"

    @property
    def printed_units(self) -> list[str]:
        """The units printed after "VT": a bare "VT" is not repeated ("VT, VT")."""
        return [u for u in self.don_vi or [] if u != VT]


def dong_luu(luu: Luu) -> tuple[Run, ...]:
    """The Lưu line as runs (Phụ lục I, II.9.d): "- Lưu: VT, <đơn vị>[ (<n>b)]." with
    the typist's mark after the unit when it goes there ("NV" + subscript "(M)")."""
    units = luu.printed_units
    joined = bool(units) and units[0].startswith(f"{VT}-")
    head = "- Lưu: " if joined else f"- Lưu: {VT}" + (", " if units else "")
    runs: list[Run] = []
    if luu.vi_tri == "sau_don_vi" and luu.nguoi_soan:
        mark = f"({luu.nguoi_soan})"
        runs.append(Run(head + units[0]))
        if luu.kieu_nguoi_soan == "chi_so_duoi":
            runs.append(Run(mark, vertical="subscript"))
        elif luu.kieu_nguoi_soan == "chu_nho":
            runs.append(Run(mark, size=CO_CHU_NHO))
        else:
            runs.append(Run(mark))
        rest = units[1:]
        tail = "".join(f", {u}" for u in rest)
    else:
        tail = head + ", ".join(units)
    if luu.so_ban_luu:
        tail += f" ({luu.so_ban_luu:02d}b)"
    runs.append(Run(tail + "."))
    return tuple(runs)


def dong_noi_nhan(noi_nhan: list[NoiNhan], luu: Luu) -> tuple[str, ...]:
    """The printed lines of Nơi nhận (Phụ lục I, II.9.d).

    Each recipient on its own line starting with "- " and ending with ";"; the last
    line is the Lưu line (:func:`dong_luu`), ending with a full stop.
    """
    lines = [f"- {n.text()};" for n in noi_nhan]
    lines.append("".join(r.text for r in dong_luu(luu)))
    return tuple(lines)


def ky_hieu_nguoi_soan(luu: Luu) -> str | None:
    """The typist's mark on its own line, "PL.(300)" (Phụ lục I, III.3 and item 11 of
    the sample table); ``None`` when there is none or it goes on the Lưu line."""
    if luu.vi_tri != "dong_rieng":
        return None
    return f"{luu.nguoi_soan}.({luu.so_ban_phat_hanh})"
