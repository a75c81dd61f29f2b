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
from chithi_gen.model.danh_so import DanhSo
from chithi_gen.model.hoi_nghi import HoiNghi
from chithi_gen.model.nguoi_ky import NguoiKy
from chithi_gen.model.noi_dung import MAX_DEPTH, Muc, Node, NoiDung, depth
from chithi_gen.model.noi_nhan import Luu, NoiNhan
from chithi_gen.model.quyet_dinh import QuyetDinh
from chithi_gen.model.text import Text
from chithi_gen.numbering import Preset, Style

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
    tieu_de: Text


NoiNhanItem = Annotated[NoiNhan, BeforeValidator(lambda v: v, json_schema_input_type=str | NoiNhan)]


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
    ten_loai: Annotated[Text, Field(max_length=100)] | None = None
    co_quan: CoQuan
    so: Annotated[int, Field(ge=1, le=999_999)] | None = None
    ky_hieu: Annotated[str, Field(pattern=r"^[A-Za-zĐđ0-9]+(-[A-Za-zĐđ0-9]+)*$")] | None = None
    dia_danh: Annotated[Text, Field(max_length=100)]
    ngay: date | None = None
    nam: Annotated[int, Field(ge=1945, le=2200)] | None = None
    trich_yeu: Annotated[Text, Field(max_length=1000)]
    #: The numbering: a preset name, a list of the style of each level, or a mapping
    #: (see :mod:`chithi_gen.model.danh_so`).
    danh_so: Annotated[
        DanhSo,
        BeforeValidator(lambda v: v, json_schema_input_type=Preset | list[Style] | DanhSo),
    ] = DanhSo()
    mo_dau: Annotated[list[Text], Field(max_length=1000)] = []
    noi_dung: NoiDung = []
    phan: dict[
        str,
        Annotated[PhanMuc, BeforeValidator(_phan_input, json_schema_input_type=list[Node] | Muc)],
    ] = {}
    khung: Annotated[list[KhungMuc], Field(max_length=30)] | None = None
    nguoi_ky: NguoiKy
    noi_nhan: Annotated[list[NoiNhanItem], Field(max_length=1000)] = []
    luu: Luu
    quyet_dinh: QuyetDinh | None = None
    #: The conference of a Kế hoạch tổ chức hội nghị (kind ``ke_hoach_hoi_nghi``).
    hoi_nghi: HoiNghi | None = None
    #: Extra variables for a custom layout, available there as ``vb.<name>``.
    bien: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], Text] = {}
    dan_chieu: dict[Annotated[str, Field(pattern=r"^[A-Za-z0-9_\-]+$")], VanBanDanChieu] = {}

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
