"""Nội dung văn bản — the body as a tree of sections, items, bullets and paragraphs.

The tree is written in the campaign file as a YAML list. Each element is one of:

* a string, or ``{doan: ...}`` — a free paragraph (justified, first-line indent);
* ``{tieu_de: ..., muc: ..., noi_dung: [...]}`` — a numbered node (:class:`Muc`). Its
  label ("I.", "1.", "a)", …) comes from its depth and the numbering scheme, never
  from the user. ``tieu_de`` is a bold heading, ``muc`` the text that follows the label
  (after the heading, if both are given);
* ``{gach: ...}`` / ``{cong: ...}`` — a "-" or "+" bullet line.

Inline emphasis inside any text: ``**đậm**`` for bold, ``*nghiêng*`` for italic.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from chithi_gen.errors import join_vi
from chithi_gen.model.base import Model, nd30_error
from chithi_gen.model.chi_tieu import ChiTieu, ThoiGianThiDua
from chithi_gen.model.phan_cong import PhanCong
from chithi_gen.model.text import Text

#: Deepest nesting accepted; real directives use 3–5 levels.
MAX_DEPTH = 12


class Doan(Model):
    """A free paragraph."""

    doan: Text
    """Một đoạn văn (a paragraph)."""


class Gach(Model):
    """A dash bullet "- …", with optional sub-lines."""

    gach: Text
    """Dòng gạch đầu dòng '-' (a dash line)."""
    noi_dung: list[Node] = []
    """Các dòng, mục, điểm con (the children)."""


class MauCau(Model):
    """A clause snippet (mẫu câu) by name, with its parameters (see
    :mod:`chithi_gen.snippets`): standard wording shared across documents."""

    mau_cau: Annotated[str, Field(pattern=r"^[A-Za-z0-9_\-]+$", max_length=100)]
    """Tên mẫu câu, xem chithi templates list (the snippet's name)."""
    tham_so: dict[Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")], Text | int] = {}
    """Tham số của mẫu câu (its parameters)."""


class Cong(Model):
    """A plus bullet "+ …", with optional sub-lines."""

    cong: Text
    """Dòng '+' (a plus line)."""
    noi_dung: list[Node] = []
    """Các dòng, mục, điểm con (the children)."""


#: A label typed by hand: "I. ", "1. ", "1.1. ", "a) ", "đ) ".
_TYPED_LABEL = re.compile(r"^(?:[IVXLC]+\.|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\))\s")


def _no_typed_label(value: str | None) -> str | None:
    if value and _TYPED_LABEL.match(value):
        label = value.split()[0]
        raise nd30_error(
            f"đừng gõ số thứ tự '{label}': chithi tự đánh số theo vị trí của mục;"
            " hãy xóa nó khỏi văn bản",
            f"do not type the label '{label}': numbering is computed from the item's"
            " position; remove it from the text",
        )
    return value


class Muc(Model):
    """A numbered node: section (mục), item (khoản) or point (điểm) depending on depth."""

    tieu_de: Annotated[Text, AfterValidator(_no_typed_label)] | None = None
    """Tiêu đề, in đậm sau số thứ tự (a bold heading after the label)."""
    muc: Annotated[Text, AfterValidator(_no_typed_label)] | None = None
    """Nội dung của mục, sau số thứ tự và tiêu đề (the item's text)."""
    thoi_gian: ThoiGianThiDua | None = None
    """Thời gian thi đua (the campaign period)."""
    phan_cong: PhanCong | None = None
    """Phân công: ai chủ trì, phối hợp, làm gì, thời hạn (an assignment)."""
    chi_tieu: list[
        Annotated[ChiTieu, BeforeValidator(lambda v: v, json_schema_input_type=str | ChiTieu)]
    ] = []
    """Các chỉ tiêu: "(1) Tên: giá trị đơn vị." (targets)."""
    #: How targets are shown: "(1) …" lines (``danh_sach``) or a table (``bang``).
    chi_tieu_dang: Literal["danh_sach", "bang"] = "danh_sach"
    """Cách trình bày chỉ tiêu: danh_sach hoặc bang (the targets as lines or a table)."""
    noi_dung: list[Node] = []
    """Các dòng, mục, điểm con (the children)."""

    @model_validator(mode="after")
    def _table_is_flat(self) -> Muc:
        if self.chi_tieu_dang == "bang" and any(ct.chi_tiet for ct in self.chi_tieu):
            raise nd30_error(
                "chỉ tiêu dạng bảng không có 'chi_tiet'; hãy tách thành các chỉ tiêu riêng"
                " hoặc dùng chi_tieu_dang: danh_sach",
                "targets in a table take no 'chi_tiet'; make them separate targets or use"
                " chi_tieu_dang: danh_sach",
            )
        return self

    @model_validator(mode="after")
    def _needs_text(self) -> Muc:
        if not (self.tieu_de or self.muc or self.thoi_gian or self.phan_cong):
            raise nd30_error(
                "mục cần 'tieu_de' (tiêu đề), 'muc' (nội dung) hoặc 'phan_cong'",
                "a numbered item needs 'tieu_de' (heading), 'muc' (text) or 'phan_cong'",
            )
        return self


_KEYS: dict[str, type[Model]] = {"doan": Doan, "gach": Gach, "cong": Cong, "mau_cau": MauCau}
_MUC_KEYS = {"tieu_de", "muc", "thoi_gian", "chi_tieu", "phan_cong"}


def _pick(value: Any) -> Any:
    """Turn one YAML element into the right node class (a light discriminated union)."""
    if isinstance(value, str):
        return Doan(doan=value)
    if isinstance(value, dict):
        keys = set(value)
        for key, cls in _KEYS.items():
            if key in keys:
                return cls.model_validate(value)
        if keys & _MUC_KEYS:
            return Muc.model_validate(value)
        raise nd30_error(
            "không rõ loại đoạn; cần một trong các khóa "
            + join_vi(["tieu_de", "muc", "phan_cong", "doan", "gach", "cong", "mau_cau"])
            + f" (đang có: {', '.join(sorted(map(str, keys))) or 'không có khóa nào'})",
            "unknown kind of body element; expected one of the keys tieu_de, muc, phan_cong,"
            " doan, mau_cau,"
            f" gach, cong (found: {', '.join(sorted(map(str, keys))) or 'no keys'})",
        )
    return value


Node = Annotated[
    Doan | Gach | Cong | MauCau | Muc,
    BeforeValidator(_pick, json_schema_input_type=str | Doan | Gach | Cong | MauCau | Muc),
]
NoiDung = Annotated[list[Node], Field(max_length=20_000)]


def depth(nodes: list[Any], level: int = 1) -> int:
    """Deepest nesting level of a node list (1 for a flat list)."""
    deepest = level if nodes else level - 1
    for node in nodes:
        children = getattr(node, "noi_dung", [])
        if children:
            deepest = max(deepest, depth(children, level + 1))
    return deepest


for _cls in (Gach, Cong, Muc):
    _cls.model_rebuild()
ChiTieu.model_rebuild(_types_namespace={"Node": Node})
