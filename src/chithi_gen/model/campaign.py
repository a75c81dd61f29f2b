"""The campaign file as a whole: one administrative document to draft."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, Field, field_validator, model_validator
from pydantic_core import InitErrorDetails, ValidationError

from chithi_gen.inline import FORMS, citations
from chithi_gen.model.base import Model, nd30_error
from chithi_gen.model.co_quan import CoQuan
from chithi_gen.model.dan_chieu import VanBanDanChieu
from chithi_gen.model.danh_so import DanhSo, short_forms_schema
from chithi_gen.model.hoi_nghi import HoiNghi
from chithi_gen.model.nguoi_ky import NguoiKy
from chithi_gen.model.noi_dung import MAX_DEPTH, Muc, Node, NoiDung, depth
from chithi_gen.model.noi_nhan import Luu, NoiNhanItem
from chithi_gen.model.quyet_dinh import QuyetDinh
from chithi_gen.model.text import Text, TitleText

#: Deepest raw nesting (mappings and lists) accepted before validation; the body's own
#: limit (MAX_DEPTH sections) is far below it.
MAX_RAW_NESTING = 100


class PhanMuc(Muc):
    """A section of the kind's skeleton: a numbered item whose heading, when left out,
    is the skeleton's ("Mục tiêu", "Tổ chức thực hiện" …)."""

    @model_validator(mode="after")
    def _needs_text(self) -> PhanMuc:
        return self


def _phan_input(value: object) -> object:
    """A skeleton section is written as a list of nodes, or as a mapping like a numbered
    item (``muc``, ``thoi_gian``, ``chi_tieu``, ``noi_dung``, optional ``tieu_de``)."""
    return {"noi_dung": value} if isinstance(value, list) else value


class KhungMuc(Model):
    """One section of a custom skeleton: its key under ``phan`` and its heading."""

    ma: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    """Khóa của phần, dùng dưới `phan` (the section's key under `phan`)."""
    tieu_de: Text
    """Tiêu đề của phần (its heading)."""


class Campaign(Model):
    """Everything needed to draft one document of a campaign (a Chỉ thị, a Chương trình…).

    Field names are the decree's components of thể thức (Phụ lục I, II): ``co_quan``
    (ô số 2), ``so``/``ky_hieu`` (ô số 3), ``dia_danh``/``ngay`` (ô số 4),
    ``trich_yeu`` (ô số 5a), ``mo_dau`` and ``noi_dung`` (ô số 6), ``nguoi_ky``
    (ô số 7), ``noi_nhan``/``luu`` (ô số 9b, 12).

    ``so`` and ``ngay`` may be left out in a draft: the document then shows the blanks
    the văn thư fills in when registering it ("Số:      /CT-UBND",
    "ngày      tháng      năm 2021"); ``nam`` gives the year of such a draft.
    """

    loai: Annotated[str, Field(min_length=1, max_length=60)] = "chi_thi"
    """Loại văn bản: chi_thi, chuong_trinh, ke_hoach … (`chithi templates list`) (the document
    kind)."""
    ten_loai: Annotated[Text, Field(max_length=100)] | None = None
    """Tên loại in trên văn bản khi khác tên của loại, ví dụ 'Chương trình hành động' (the printed
    name of the type, when it differs from the kind's)."""
    co_quan: CoQuan
    """Cơ quan ban hành và cơ quan chủ quản — Phụ lục I, II.2 (the issuing body and its superior).
    """
    so: Annotated[int, Field(ge=1, le=999_999)] | None = None
    """Số của văn bản; bỏ trống trong dự thảo để văn thư điền — Phụ lục I, II.3 (the number; leave
    it out in a draft)."""
    ky_hieu: Annotated[str, Field(pattern=r"^[A-Za-zĐđ0-9]+(-[A-Za-zĐđ0-9]+)*$")] | None = None
    """Ký hiệu khi khác ký hiệu tự tạo <loại>-<cơ quan>, ví dụ CT-UBND (the ký hiệu, when not the
    generated one)."""
    dia_danh: Annotated[Text, Field(max_length=100)]
    """Địa danh, viết hoa chữ cái đầu — Phụ lục I, II.4 (the place name)."""
    ngay: date | None = None
    """Ngày ban hành, dạng NNNN-TT-NN; bỏ trống trong dự thảo (the date, YYYY-MM-DD; leave it out in
    a draft)."""
    nam: Annotated[int, Field(ge=1945, le=2200)] | None = None
    """Năm của dự thảo chưa có ngày (the year of a draft without a date)."""
    trich_yeu: Annotated[TitleText, Field(max_length=1000)]
    """Trích yếu nội dung, dưới tên loại — Phụ lục I, II.5 (the summary line under the title)."""
    danh_so: Annotated[DanhSo, Field(json_schema_extra=short_forms_schema)] = DanhSo()
    """Cách đánh số: một kiểu có sẵn (la_ma: I./1./a); thap_phan: 1./1.1./a)), danh sách kiểu
    của từng cấp, hoặc {kieu, bat_dau} (the numbering: a preset, the style of each level, or a
    mapping; see chithi_gen.model.danh_so)."""
    mo_dau: Annotated[list[Text], Field(max_length=1000)] = []
    """Các đoạn mở đầu, trước phần được đánh số (the opening paragraphs)."""
    noi_dung: NoiDung = []
    """Nội dung: đoạn, mục, gạch đầu dòng, mẫu câu (the body: paragraphs, items, bullets, snippets).
    """
    phan: dict[
        str,
        Annotated[PhanMuc, BeforeValidator(_phan_input, json_schema_input_type=list[Node] | Muc)],
    ] = {}
    """Các phần theo khung của loại văn bản, ví dụ muc_tieu, to_chuc_thuc_hien (the skeleton's
    sections)."""
    khung: Annotated[list[KhungMuc], Field(max_length=30)] | None = None
    """Khung riêng của văn bản này, thay khung của loại (a skeleton of this document's own)."""
    nguoi_ky: NguoiKy
    """Người ký và thẩm quyền ký — Phụ lục I, II.7 (the signer and the authority)."""
    noi_nhan: Annotated[list[NoiNhanItem], Field(max_length=1000)] = []
    """Nơi nhận, mỗi dòng một cơ quan, đơn vị; dòng Lưu ghi ở `luu` — Phụ lục I, II.9 (the
    recipients, one per line)."""
    luu: Luu
    """Dòng Lưu và ký hiệu người soạn thảo — Phụ lục I, II.9.d; III (the filing line and the
    typist's mark)."""
    quyet_dinh: QuyetDinh | None = None
    """Quyết định ban hành kèm văn bản này — Mẫu 1.3 (the decision that issues this document)."""
    hoi_nghi: HoiNghi | None = None
    """Hội nghị của Kế hoạch tổ chức hội nghị, loại ke_hoach_hoi_nghi (the conference of a
    conference plan)."""
    bien: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], Text] = {}
    """Biến riêng cho mẫu trình bày của đơn vị, dùng trong mẫu là vb.<tên> (extra variables for a
    custom layout)."""
    dan_chieu: dict[Annotated[str, Field(pattern=r"^[A-Za-z0-9_\-]+$")], VanBanDanChieu] = {}
    """Văn bản được viện dẫn, dùng trong văn bản là [[khóa]] — Phụ lục I, II.6.b (documents cited in
    the text as [[key]])."""

    @model_validator(mode="before")
    @classmethod
    def _not_too_deep(cls, data: Any) -> Any:
        """Refuse absurd nesting before pydantic recurses into it (no RecursionError)."""
        stack = [(data, 0)]
        while stack:
            value, level = stack.pop()
            if level > MAX_RAW_NESTING:
                raise nd30_error(
                    f"dữ liệu lồng quá sâu (hơn {MAX_RAW_NESTING} cấp)",
                    f"the data is nested too deeply (more than {MAX_RAW_NESTING} levels)",
                )
            if isinstance(value, dict):
                stack.extend((v, level + 1) for v in value.values())
            elif isinstance(value, list | tuple):
                stack.extend((v, level + 1) for v in value)
        return data

    @field_validator("dia_danh")
    @classmethod
    def _dia_danh_capitalised(cls, value: str) -> str:
        """Phụ lục I, II.4.c: the first letters of the place name are capitals."""
        if not value[0].isupper():
            raise nd30_error(
                f"địa danh '{value}' phải viết hoa chữ cái đầu (ví dụ: Hà Quảng)"
                " — Phụ lục I, II.4.c",
                f"place name '{value}' must start with a capital letter (e.g. Hà Quảng)",
            )
        return value

    @field_validator("noi_dung")
    @classmethod
    def _bounded(cls, value: list[object]) -> list[object]:
        if depth(value) > MAX_DEPTH:
            raise nd30_error(
                f"nội dung lồng quá sâu (tối đa {MAX_DEPTH} cấp)",
                f"the body is nested too deeply (at most {MAX_DEPTH} levels)",
            )
        return value

    @model_validator(mode="after")
    def _recipients_once(self) -> Campaign:
        """Nơi nhận is required (Phụ lục I, II.9), and written in one place only."""
        qd_list = self.quyet_dinh.noi_nhan if self.quyet_dinh else []
        if not self.noi_nhan and not qd_list:
            raise _located(
                "noi_nhan",
                "thiếu Nơi nhận ('noi_nhan')",
                "the recipients ('noi_nhan') are missing",
            )
        if self.noi_nhan and qd_list:
            raise _located(
                "noi_nhan",
                "Nơi nhận ghi hai chỗ: văn bản kèm Quyết định không có Nơi nhận riêng; chỉ"
                " giữ 'noi_nhan' hoặc 'quyet_dinh.noi_nhan'",
                "recipients given twice: an attached document has none of its own; keep"
                " either 'noi_nhan' or 'quyet_dinh.noi_nhan'",
            )
        if self.quyet_dinh is not None and self.so is not None:
            raise _located(
                "so",
                "văn bản ban hành kèm Quyết định không có số riêng; bỏ 'so' (số của Quyết"
                " định ghi ở 'quyet_dinh.so')",
                "a document issued with a Quyết định has no number of its own; remove 'so'"
                " (the decision's number goes in 'quyet_dinh.so')",
            )
        return self

    @model_validator(mode="after")
    def _has_body(self) -> Campaign:
        if not self.noi_dung and not self.phan:
            raise nd30_error(
                "nội dung văn bản trống: cần 'noi_dung' hoặc 'phan'",
                "the body is empty: give 'noi_dung' or 'phan'",
            )
        return self

    @model_validator(mode="after")
    def _date_and_year(self) -> Campaign:
        if self.ngay is not None and self.nam is not None and self.ngay.year != self.nam:
            err = nd30_error(
                f"'nam' ({self.nam}) khác năm của 'ngay' ({self.ngay.year}); bỏ 'nam' đi",
                f"'nam' ({self.nam}) differs from the year of 'ngay' ({self.ngay.year});"
                " remove 'nam'",
            )
            raise ValidationError.from_exception_data(
                "Campaign", [{"type": err, "loc": ("nam",), "input": self.nam}]
            )
        return self

    @model_validator(mode="after")
    def _citations_declared(self) -> Campaign:
        """Every ``[[key]]`` cited in a text is declared under ``dan_chieu``."""
        errors: list[InitErrorDetails] = []
        for loc, text in iter_texts(self):
            if loc and loc[0] == "dan_chieu":
                continue
            for key, form in citations(text):
                if key not in self.dan_chieu:
                    known = ", ".join(sorted(self.dan_chieu)) or "chưa khai báo văn bản nào"
                    err = nd30_error(
                        f"viện dẫn [[{key}]] chưa được khai báo trong 'dan_chieu' ({known})",
                        f"citation [[{key}]] is not declared under 'dan_chieu'",
                    )
                elif form not in FORMS:
                    err = nd30_error(
                        f"dạng viện dẫn '{form}' không có; dùng day_du, vua hoặc ngan",
                        f"unknown citation form '{form}'; use day_du, vua or ngan",
                    )
                else:
                    continue
                errors.append({"type": err, "loc": loc, "input": text})
        if "^[" in self.trich_yeu:
            err = nd30_error(
                "trích yếu không đặt chú thích (^[...]); hãy đặt chú thích trong nội dung",
                "the trích yếu takes no footnote (^[...]); put it in the body",
            )
            errors.append({"type": err, "loc": ("trich_yeu",), "input": self.trich_yeu})
        if errors:
            raise ValidationError.from_exception_data("Campaign", errors)
        return self

    @property
    def nam_ban_hanh(self) -> int | None:
        """The year of issue: from ``ngay``, else ``nam`` (for a draft), else unknown."""
        return self.ngay.year if self.ngay else self.nam


def _located(field: str, vi: str, en: str) -> ValidationError:
    """A model-level error reported on one field (so the loader finds its line)."""
    return ValidationError.from_exception_data(
        "Campaign", [{"type": nd30_error(vi, en), "loc": (field,), "input": None}]
    )


def iter_texts(
    obj: Any, loc: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text value inside a model, with its field path (for cross-field checks)."""
    if isinstance(obj, str):
        yield loc, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from iter_texts(getattr(obj, name), (*loc, name))
    elif isinstance(obj, list | tuple):
        for i, item in enumerate(obj):
            yield from iter_texts(item, (*loc, i))
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from iter_texts(item, (*loc, key))
