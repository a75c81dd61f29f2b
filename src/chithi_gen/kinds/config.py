"""New document kinds without editing chithi_gen: a ``kinds.yaml`` or an entry point.

``kinds.yaml`` in a user template folder (see :mod:`chithi_gen.layouts`)::

    - loai: phuong_an            # the key written as ``loai:`` in campaign files
      ten_loai: Phương án        # printed in capitals as the title
      # viet_tat: PA             # default: looked up in the Phụ lục III table
      layout: nd30               # layout that renders it (default nd30)
      khung:                     # default section skeleton
        - {ma: muc_dich_yeu_cau, tieu_de: "Mục đích, yêu cầu"}
        - {ma: phuong_an, tieu_de: Phương án thực hiện}
        - {ma: to_chuc_thuc_hien, tieu_de: Tổ chức thực hiện}

A Python package can instead declare an entry point in the group
``chithi_gen.kinds`` whose object is a :class:`~chithi_gen.kinds.Kind`, an iterable of
them, or a callable returning either.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, ValidationError, field_validator

from chithi_gen.errors import LayoutError, Problem
from chithi_gen.kinds import DEFAULT_REGISTRY, Kind, Registry
from chithi_gen.model.base import Model
from chithi_gen.model.co_quan import check_viet_tat
from chithi_gen.model.text import Text

ENTRY_POINT_GROUP = "chithi_gen.kinds"


class _Section(Model):
    ma: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    tieu_de: Text


class KindConfig(Model):
    """One kind as written in ``kinds.yaml``."""

    loai: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    ten_loai: Text
    viet_tat: str | None = None
    layout: Annotated[str, Field(min_length=1)] = "nd30"
    mau: str = "Mẫu 1.4"
    khung: list[_Section] = []
    quoc_hieu: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    tieu_ngu: str = "Độc lập - Tự do - Hạnh phúc"
    viet_hoa_trich_yeu: bool = True

    @field_validator("viet_tat")
    @classmethod
    def _abbreviation(cls, value: str | None) -> str | None:
        # Phụ lục III has mixed-case codes (CTr, QyĐ): allow lower case after a capital.
        return value if value is None else check_viet_tat(value.upper()) and value

    def to_kind(self) -> Kind:
        """The :class:`Kind`; the abbreviation defaults to the Phụ lục III table's."""
        khung = tuple((s.ma, s.tieu_de) for s in self.khung)
        look: dict[str, Any] = {
            "layout": self.layout,
            "mau": self.mau,
            "quoc_hieu": self.quoc_hieu,
            "tieu_ngu": self.tieu_ngu,
            "viet_hoa_trich_yeu": self.viet_hoa_trich_yeu,
        }
        if self.viet_tat:
            return Kind(self.loai, self.ten_loai, self.viet_tat, khung=khung, **look)
        try:
            return Kind.from_table(self.loai, self.ten_loai, khung, **look)
        except KeyError:
            raise ValueError(
                f"'{self.ten_loai}' không có trong bảng chữ viết tắt Phụ lục III; hãy ghi"
                " 'viet_tat' / not in the Phụ lục III table; give 'viet_tat'"
            ) from None


def load_kinds_file(path: Path) -> list[Kind]:
    """The kinds declared in a ``kinds.yaml``; errors name the file and the entry."""
    from chithi_gen.loader import parse_yaml, problems_from_validation

    source = str(path)
    data, tree = parse_yaml(path.read_text(encoding="utf-8-sig"), source)
    if not isinstance(data, list):
        raise LayoutError.single(
            "kinds.yaml phải là một danh sách loại văn bản (mỗi mục bắt đầu bằng '- loai: …')",
            "kinds.yaml must be a list of kinds (each item starting with '- loai: …')",
            source,
        )
    kinds: list[Kind] = []
    problems: list[Problem] = []
    for i, item in enumerate(data):
        try:
            kinds.append(KindConfig.model_validate(item).to_kind())
        except ValidationError as exc:
            for p in problems_from_validation(exc, tree, KindConfig):
                problems.append(Problem(p.message_vi, p.message_en, (i, *p.loc), p.line, p.column))
        except ValueError as exc:
            vi, _, en = str(exc).partition(" / ")
            problems.append(Problem(vi, en or vi, (i, "ten_loai")))
    if problems:
        raise LayoutError(problems, source)
    return kinds


def entry_point_kinds() -> list[Kind]:
    """Kinds contributed by installed packages through the ``chithi_gen.kinds`` group."""
    found: list[Kind] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        obj = ep.load()
        if callable(obj) and not isinstance(obj, Kind):
            obj = obj()
        items: Iterable[object] = [obj] if isinstance(obj, Kind) else obj
        for item in items:
            if not isinstance(item, Kind):
                raise LayoutError.single(
                    f"entry point '{ep.name}' không trả về Kind",
                    f"entry point '{ep.name}' gives no Kind",
                )
            found.append(item)
    return found


def registry_for(dirs: Sequence[Path], base: Registry = DEFAULT_REGISTRY) -> Registry:
    """``base`` plus the kinds of installed entry points and of each folder's ``kinds.yaml``
    (later ones replace earlier ones of the same name)."""
    kinds = entry_point_kinds()
    for d in reversed(list(dirs)):
        path = d / "kinds.yaml"
        if path.is_file():
            kinds += load_kinds_file(path)
    return base.with_kinds(*kinds) if kinds else base
