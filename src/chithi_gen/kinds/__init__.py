"""Document kinds (loại văn bản) and the registry that maps a campaign's ``loai`` to one.

A kind says what the document is called (tên loại, printed as the title), which
abbreviation of Phụ lục III goes into its ký hiệu, and which layout renders it. The
built-in kinds are listed in :data:`BUILTIN_KINDS`; an application or template author
makes a :class:`Registry` with more kinds without editing chithi_gen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from chithi_gen.errors import CampaignError
from chithi_gen.vi.viet_tat import viet_tat_loai


@dataclass(frozen=True)
class Kind:
    """One document kind.

    ``name`` is the key written as ``loai`` in a campaign file (``chi_thi``);
    ``ten_loai`` the name of the type ("Chỉ thị"), printed in capitals as the title
    (Phụ lục I, II.5.b); ``viet_tat`` its abbreviation from Phụ lục III ("CT"), the
    first group of the ký hiệu (Phụ lục I, II.3.b); ``layout`` the layout it renders
    with; ``mau`` the sample of Phụ lục III it follows.
    """

    name: str
    ten_loai: str
    viet_tat: str
    layout: str = "nd30"
    mau: str = "Mẫu 1.4"
    khung: tuple[tuple[str, str], ...] = ()
    #: The top-right heading lines; a Party kind (Hướng dẫn 36-HD/VPTW) has
    #: "ĐẢNG CỘNG SẢN VIỆT NAM" and no motto.
    quoc_hieu: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    tieu_ngu: str = "Độc lập - Tự do - Hạnh phúc"
    #: Whether the trích yếu starts with a capital ("Về việc …", Mẫu 1.4); a Party
    #: trích yếu starts with a small letter ("về …", Hướng dẫn 36-HD/VPTW).
    viet_hoa_trich_yeu: bool = True

    @classmethod
    def from_table(
        cls, name: str, ten_loai: str, khung: tuple[tuple[str, str], ...] = (), **kw: Any
    ) -> Kind:
        """A kind whose abbreviation is looked up in the Phụ lục III table."""
        return cls(
            name=name, ten_loai=ten_loai, viet_tat=viet_tat_loai(ten_loai), khung=khung, **kw
        )


#: Default section skeletons (khung): (key used under ``phan`` in a campaign file, heading).
KHUNG_CHI_THI = (
    ("muc_tieu", "Mục tiêu"),
    ("chi_tieu", "Chỉ tiêu"),
    ("noi_dung", "Nội dung"),
    ("thoi_gian", "Thời gian thi đua"),
    ("to_chuc_thuc_hien", "Tổ chức thực hiện"),
)
KHUNG_CHUONG_TRINH = (
    ("muc_dich_yeu_cau", "Mục đích, yêu cầu"),
    ("nhiem_vu_giai_phap", "Nhiệm vụ, giải pháp"),
    ("to_chuc_thuc_hien", "Tổ chức thực hiện"),
)
KHUNG_KE_HOACH = (
    ("muc_dich_yeu_cau", "Mục đích, yêu cầu"),
    ("noi_dung", "Nội dung"),
    ("thoi_gian", "Thời gian thực hiện"),
    ("to_chuc_thuc_hien", "Tổ chức thực hiện"),
)

BUILTIN_KINDS: tuple[Kind, ...] = (
    Kind.from_table("chi_thi", "Chỉ thị", KHUNG_CHI_THI),
    Kind.from_table("chuong_trinh", "Chương trình", KHUNG_CHUONG_TRINH),
    Kind.from_table("ke_hoach", "Kế hoạch", KHUNG_KE_HOACH),
)


class Registry(Mapping[str, Kind]):
    """An immutable mapping from kind name to :class:`Kind`."""

    def __init__(self, kinds: Iterable[Kind] = BUILTIN_KINDS) -> None:
        self._kinds: dict[str, Kind] = {}
        for kind in kinds:
            self._kinds[kind.name] = kind

    def __getitem__(self, name: str) -> Kind:
        return self._kinds[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._kinds)

    def __len__(self) -> int:
        return len(self._kinds)

    def with_kinds(self, *kinds: Kind) -> Registry:
        """A new registry with ``kinds`` added (or replacing same-named ones)."""
        return Registry([*self._kinds.values(), *kinds])

    def get_kind(self, name: str) -> Kind:
        """The kind called ``name``, or a :class:`CampaignError` naming the valid ones."""
        try:
            return self._kinds[name]
        except KeyError:
            valid = ", ".join(sorted(self._kinds))
            raise CampaignError.single(
                f"loại văn bản '{name}' không có; các loại hợp lệ: {valid}",
                f"unknown document kind '{name}'; valid kinds: {valid}",
                loc=("loai",),
            ) from None


#: The registry of the built-in kinds.
DEFAULT_REGISTRY = Registry()
