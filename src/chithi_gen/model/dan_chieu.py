"""Văn bản được viện dẫn — documents cited in the text (Phụ lục I, II.6.b).

Declared once under ``dan_chieu`` in the campaign file and cited in any text as
``[[key]]``. The first citation is written in full — tên loại, số ký hiệu, date,
issuing body and trích yếu — and later ones with tên loại and số ký hiệu only, as
Phụ lục I, II.6.b requires (for a Luật or Pháp lệnh: tên loại and its name only).
Both the state's numbering (``01/CT-UBND``, ``30/2020/NĐ-CP``) and the Party's
(``42-CT/TU``, Hướng dẫn 36-HD/VPTW) are accepted.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, model_validator

from chithi_gen.model.base import Model, nd30_error
from chithi_gen.model.text import Text
from chithi_gen.vi.ngay import format_ngay_ngan

#: State numbering: "01/CT-UBND", "60/2020/NQ-HĐND", "30/2020/NĐ-CP".
_SO_NHA_NUOC = re.compile(r"^\d{1,6}/(?:\d{4}/)?[A-Za-zĐđ0-9]+(?:-[A-Za-zĐđ0-9]+)*$")
#: Party numbering: "42-CT/TU", "08-QĐ/TW", "36-HD/VPTW", "12-NQ/ĐU".
_SO_DANG = re.compile(r"^\d{1,6}-[A-ZĐ]+(?:-[A-ZĐ]+)?/[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)?$")

#: Kinds cited by name without number (Phụ lục I, II.6.a-b).
_KHONG_SO = ("luật", "pháp lệnh", "bộ luật", "hiến pháp")


def _check_so_ky_hieu(value: str) -> str:
    if not (_SO_NHA_NUOC.match(value) or _SO_DANG.match(value)):
        raise nd30_error(
            f"số ký hiệu '{value}' không đúng dạng; ví dụ văn bản nhà nước '01/CT-UBND',"
            " '30/2020/NĐ-CP', văn bản của Đảng '42-CT/TU'",
            f"number '{value}' is not well formed; e.g. state '01/CT-UBND', '30/2020/NĐ-CP',"
            " Party '42-CT/TU'",
        )
    return value


class VanBanDanChieu(Model):
    """A cited document: ``ten_loai`` ("Chỉ thị"), ``so_ky_hieu`` ("42-CT/TU"), ``ngay``,
    ``co_quan`` ("Ban Thường vụ Tỉnh ủy"), ``trich_yeu`` ("về tổ chức phong trào …");
    for a law, ``ten_loai: Luật`` and ``ten`` ("Thi đua, khen thưởng").
    """

    ten_loai: Text
    """Tên loại văn bản được viện dẫn, ví dụ Chỉ thị, Luật (its type)."""
    so_ky_hieu: Annotated[Text, AfterValidator(_check_so_ky_hieu)] | None = None
    """Số và ký hiệu, ví dụ 42-CT/TU, 30/2020/NĐ-CP (its number and ký hiệu)."""
    ngay: date | None = None
    """Ngày ban hành (its date)."""
    co_quan: Text | None = None
    """Cơ quan ban hành (who issued it)."""
    trich_yeu: Text | None = None
    """Trích yếu, in ở lần viện dẫn đầu tiên (its summary, printed at the first citation)."""
    ten: Text | None = None
    """Tên của luật, pháp lệnh (the name of a law)."""

    @model_validator(mode="after")
    def _complete(self) -> VanBanDanChieu:
        if self.ten_loai.lower() in _KHONG_SO:
            if not self.ten:
                raise nd30_error(
                    f"{self.ten_loai} được viện dẫn bằng tên: cần 'ten' — Phụ lục I, II.6.b",
                    f"a {self.ten_loai} is cited by its name: 'ten' is required",
                )
        elif not self.so_ky_hieu:
            raise nd30_error(
                "văn bản viện dẫn cần 'so_ky_hieu' (ví dụ 42-CT/TU) — Phụ lục I, II.6.b",
                "a cited document needs 'so_ky_hieu' (e.g. 42-CT/TU)",
            )
        return self


def dan_chieu_text(vb: VanBanDanChieu, form: str) -> str:
    """The citation in ``form``: ``day_du`` (full), ``vua`` (no trích yếu), ``ngan`` (short).

    >>> vb = VanBanDanChieu(ten_loai="Chỉ thị", so_ky_hieu="42-CT/TU",
    ...     ngay=date(2020, 2, 28), co_quan="Ban Thường vụ Tỉnh ủy", trich_yeu="về thi đua")
    >>> dan_chieu_text(vb, "day_du")
    'Chỉ thị số 42-CT/TU ngày 28/02/2020 của Ban Thường vụ Tỉnh ủy về thi đua'
    >>> dan_chieu_text(vb, "ngan")
    'Chỉ thị số 42-CT/TU'
    """
    if vb.ten and not vb.so_ky_hieu:
        return f"{vb.ten_loai} {vb.ten}"
    parts = [f"{vb.ten_loai} số {vb.so_ky_hieu}"]
    if form == "ngan":
        return parts[0]
    if vb.ngay:
        parts.append(f"ngày {format_ngay_ngan(vb.ngay)}")
    if vb.co_quan:
        parts.append(f"của {vb.co_quan}")
    if form == "day_du" and vb.trich_yeu:
        parts.append(vb.trich_yeu)
    return " ".join(parts)
