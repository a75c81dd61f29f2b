"""Quyết định ban hành — a decision that issues the programme (Mẫu 1.3, Phụ lục III).

A Chương trình or Kế hoạch is often issued "kèm theo" (attached to) a Quyết định. With
a ``quyet_dinh`` block the campaign file yields both in one .docx: first the Quyết định
(Mẫu 1.3: thẩm quyền ban hành, căn cứ, "QUYẾT ĐỊNH:", Điều 1 …), then on a new page
the programme headed "(Kèm theo Quyết định số …/QĐ-UBND ngày … của …)". Number and
date are written once, here, and used in both places.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from chithi_gen.model.base import Model
from chithi_gen.model.nguoi_ky import NguoiKy
from chithi_gen.model.noi_nhan import NoiNhanItem
from chithi_gen.model.text import Text


class QuyetDinh(Model):
    """The issuing decision.

    ``so``: its number (optional in a draft); the date is the campaign's ``ngay``.
    ``tham_quyen_ban_hanh``: who decides, printed in capitals under the title
    ("Chủ tịch Ủy ban nhân dân huyện Kỳ Anh"; Mẫu 1.3 note 6). ``can_cu``: the legal
    bases, one per line ("Căn cứ Luật Tổ chức chính quyền địa phương …"); ``theo_de_nghi``:
    "Theo đề nghị của …" — punctuation (";" then "." on the last line) is added
    (Phụ lục I, II.6.a). ``trich_yeu`` defaults to "Ban hành <tên loại> <trích yếu>".
    ``dieu``: the articles after Điều 1 (e.g. entry into force, who executes it).
    ``nguoi_ky``, ``noi_nhan`` default to the campaign's.
    """

    so: Annotated[int, Field(ge=1, le=999_999)] | None = None
    """Số của Quyết định (the decision's number)."""
    trich_yeu: Annotated[Text, Field(max_length=1000)] | None = None
    """Trích yếu của Quyết định; mặc định 'Ban hành <tên loại> <trích yếu>' (its summary)."""
    tham_quyen_ban_hanh: Annotated[Text, Field(max_length=300)]
    """Thẩm quyền ban hành, in dưới tên loại, ví dụ Chủ tịch Ủy ban nhân dân xã Trường Hà (who
    decides)."""
    can_cu: Annotated[list[Text], Field(min_length=1, max_length=100)]
    """Các căn cứ ban hành, mỗi dòng một căn cứ — Phụ lục I, II.6.a (the legal bases, one per line).
    """
    theo_de_nghi: Text | None = None
    """Dòng 'Theo đề nghị của …' (the proposing unit)."""
    dieu: Annotated[list[Text], Field(max_length=100)] = []
    """Các điều sau Điều 1 (the articles after Điều 1)."""
    nguoi_ky: NguoiKy | None = None
    """Người ký Quyết định, nếu khác người ký văn bản (its signer, if different)."""
    noi_nhan: Annotated[list[NoiNhanItem], Field(max_length=1000)] = []
    """Nơi nhận của Quyết định (its recipients)."""
