"""Kinds declared as data (``kinds.yaml``) or by installed packages (entry points).

``kinds.yaml`` in a template folder — the bundled one, ``templates/kinds.yaml``, has
this very shape::

    - loai: phuong_an            # the key written as ``loai:`` in campaign files
      ten_loai: Phương án        # printed in capitals as the title
      # viet_tat: PA             # default: looked up in the Phụ lục III table
      layout: nd30               # layout that renders it (default nd30)
      khung:                     # default section skeleton
        - {ma: muc_dich_yeu_cau, tieu_de: "Mục đích, yêu cầu"}
        - {ma: phuong_an, tieu_de: Phương án thực hiện}
        - {ma: to_chuc_thuc_hien, tieu_de: Tổ chức thực hiện}
      # buoc_soan: van_ban       # composing step (chithi_gen.kinds.steps)

A Python package can instead declare an entry point in the group
``chithi_gen.kinds`` whose object is a :class:`~chithi_gen.kinds.Kind`, an iterable of
them, or a callable returning either.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from importlib.metadata import entry_points
from typing import Annotated, Any

from pydantic import Field, ValidationError, field_validator

from chithi_gen.errors import LayoutError, Problem
from chithi_gen.kinds import DEFAULT_STEP, Kind
from chithi_gen.kinds import steps as _steps
from chithi_gen.model.base import Model, nd30_error
from chithi_gen.model.co_quan import check_viet_tat
from chithi_gen.model.text import Text
from chithi_gen.source import Layer, Source, parse_yaml, place
from chithi_gen.validate import problems_from_validation

ENTRY_POINT_GROUP = "chithi_gen.kinds"
_KEY = r"^[a-z0-9_]+$"


class KhungConfig(Model):
    """One section of a kind's default skeleton."""

    ma: Annotated[str, Field(pattern=_KEY, description="Khóa của phần (key under phan)")]
    tieu_de: Annotated[Text, Field(description="Tiêu đề của phần (the section heading)")]


class KindConfig(Model):
    """One kind as written in ``kinds.yaml``."""

    loai: Annotated[str, Field(pattern=_KEY)]
    ten_loai: Text
    viet_tat: str | None = None
    layout: Annotated[str, Field(min_length=1)] = "nd30"
    mau: str = "Mẫu 1.4"
    khung: list[KhungConfig] = []
    quoc_hieu: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    tieu_ngu: str = "Độc lập - Tự do - Hạnh phúc"
    viet_hoa_trich_yeu: bool = True
    buoc_soan: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")] = DEFAULT_STEP
    ban_hanh_kem: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")] | None = None
    truong_rieng: list[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]] = []

    @field_validator("viet_tat")
    @classmethod
    def _abbreviation(cls, value: str | None) -> str | None:
        # Phụ lục III has mixed-case codes (CTr, QyĐ): allow lower case after a capital.
        return value if value is None else check_viet_tat(value.upper()) and value

    @field_validator("buoc_soan")
    @classmethod
    def _installed(cls, value: str) -> str:
        if not _steps.exists(value):
            raise nd30_error(
                f"không có bước soạn '{value}' (buoc_soan) trong chithi_gen hay gói đã cài",
                f"no composing step '{value}' (buoc_soan) in chithi_gen or an installed package",
            )
        return value

    def to_kind(self, origin: str = "") -> Kind:
        """The :class:`Kind`; the abbreviation defaults to the Phụ lục III table's."""
        khung = tuple((s.ma, s.tieu_de) for s in self.khung)
        look: dict[str, Any] = {
            "layout": self.layout,
            "mau": self.mau,
            "quoc_hieu": self.quoc_hieu,
            "tieu_ngu": self.tieu_ngu,
            "viet_hoa_trich_yeu": self.viet_hoa_trich_yeu,
            "buoc_soan": self.buoc_soan,
            "ban_hanh_kem": self.ban_hanh_kem,
            "truong_rieng": tuple(self.truong_rieng),
            "origin": origin,
        }
        if self.viet_tat:
            return Kind(self.loai, self.ten_loai, self.viet_tat, khung=khung, **look)
        try:
            return Kind.from_table(self.loai, self.ten_loai, khung, **look)
        except KeyError:
            raise ValueError(self.ten_loai) from None


def parse_kinds(text: str, source: str) -> list[Kind]:
    """The kinds declared in the text of a ``kinds.yaml`` named ``source``; every problem
    is a :class:`LayoutError` naming the file, the entry and its line."""
    data, tree = parse_yaml(text, source, LayoutError)
    if not isinstance(data, list):
        raise LayoutError.single(
            "kinds.yaml phải là một danh sách loại văn bản (mỗi mục bắt đầu bằng '- loai: …')",
            "kinds.yaml must be a list of kinds (each item starting with '- loai: …')",
            source,
            line=1,
            code="not-a-list",
        )
    kinds: list[Kind] = []
    problems: list[Problem] = []
    for i, item in enumerate(data):
        try:
            kinds.append(KindConfig.model_validate(item).to_kind(source))
        except ValidationError as exc:
            for p in problems_from_validation(exc, KindConfig):
                problems.append(Problem(p.message_vi, p.message_en, (i, *p.loc), code=p.code))
        except ValueError as exc:
            problems.append(
                Problem(
                    f"'{exc}' không có trong bảng chữ viết tắt Phụ lục III; hãy ghi 'viet_tat'",
                    f"'{exc}' is not in the Phụ lục III table; give 'viet_tat'",
                    (i, "ten_loai"),
                    code="unknown-abbreviation",
                )
            )
    if problems:
        raise LayoutError(place(problems, Source(data, (Layer(source, tree),))), source)
    return kinds


def entry_point_kinds() -> list[Kind]:
    """Kinds contributed by installed packages through the ``chithi_gen.kinds`` group."""
    found: list[Kind] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
            if callable(obj) and not isinstance(obj, Kind):
                obj = obj()
        except Exception as exc:  # a broken third-party package must not crash chithi
            raise LayoutError.single(
                f"không nạp được loại văn bản từ gói đã cài ({ep.name} = {ep.value}):"
                f" {type(exc).__name__}: {exc}",
                f"cannot load kinds from an installed package ({ep.name} = {ep.value}):"
                f" {type(exc).__name__}: {exc}",
                code="entry-point-broken",
            ) from None
        items: Iterable[object] = (
            [obj] if isinstance(obj, Kind) else obj if isinstance(obj, Iterable) else [obj]
        )
        for item in items:
            if not isinstance(item, Kind):
                raise LayoutError.single(
                    f"entry point '{ep.name}' không trả về Kind",
                    f"entry point '{ep.name}' gives no Kind",
                    code="entry-point-broken",
                )
            found.append(item if item.origin else replace(item, origin=f"entry point {ep.name}"))
    return found
