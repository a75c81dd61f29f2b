"""Document kinds (loại văn bản) and the registry that maps a campaign's ``loai`` to one.

A kind says what the document is called (tên loại, printed as the title), which
abbreviation of Phụ lục III goes into its ký hiệu, which layout renders it, its default
section skeleton, and which composing step turns a campaign into its documents
(:mod:`chithi_gen.kinds.steps`). The built-in kinds are data, in the bundled template
folder's ``kinds.yaml``; a template folder's ``kinds.yaml`` or an installed package
(entry point group ``chithi_gen.kinds``) adds more, without editing chithi_gen. The
lookup order is :mod:`chithi_gen.lookup`'s.

An *issuing* kind (``ban_hanh_kem``) is not chosen by ``loai``: it issues the
campaign's document when the campaign has the block it names — a Quyết định issuing
its attached programme (``quyet_dinh:``, Mẫu 1.3).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from chithi_gen.errors import CampaignError, Problem
from chithi_gen.vi.viet_tat import viet_tat_loai

#: The standard composing step: a document with a tên loại (Mẫu 1.4).
DEFAULT_STEP = "van_ban"


@dataclass(frozen=True)
class Kind:
    """One document kind.

    ``name`` is the key written as ``loai`` in a campaign file (``chi_thi``);
    ``ten_loai`` the name of the type ("Chỉ thị"), printed in capitals as the title
    (Phụ lục I, II.5.b); ``viet_tat`` its abbreviation from Phụ lục III ("CT"), the
    first group of the ký hiệu (Phụ lục I, II.3.b); ``layout`` the layout it renders
    with; ``mau`` the sample of Phụ lục III it follows; ``khung`` the default skeleton
    as (key under ``phan``, heading) pairs; ``buoc_soan`` the name of its composing step;
    ``ban_hanh_kem`` the campaign block that makes it an issuing kind; ``truong_rieng``
    the campaign blocks only this kind reads (``hoi_nghi``: another kind would drop them
    silently, so they are refused there); ``origin`` where it was declared (shown by
    ``chithi templates list``).
    """

    name: str
    ten_loai: str
    viet_tat: str
    layout: str = "nd30"
    mau: str = "Mẫu 1.4"
    khung: tuple[tuple[str, str], ...] = ()
    #: The top-right heading lines; a Party kind has "ĐẢNG CỘNG SẢN VIỆT NAM" and no motto.
    quoc_hieu: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    tieu_ngu: str = "Độc lập - Tự do - Hạnh phúc"
    #: Whether the trích yếu starts with a capital ("Về việc …", Mẫu 1.4); a Party
    #: trích yếu starts with a small letter ("về …").
    viet_hoa_trich_yeu: bool = True
    buoc_soan: str = DEFAULT_STEP
    ban_hanh_kem: str | None = None
    truong_rieng: tuple[str, ...] = ()
    origin: str = ""

    @classmethod
    def from_table(
        cls, name: str, ten_loai: str, khung: tuple[tuple[str, str], ...] = (), **kw: Any
    ) -> Kind:
        """A kind whose abbreviation is looked up in the Phụ lục III table."""
        return cls(
            name=name, ten_loai=ten_loai, viet_tat=viet_tat_loai(ten_loai), khung=khung, **kw
        )

    @property
    def issuing(self) -> bool:
        """Whether this kind issues another document instead of being chosen by ``loai``."""
        return self.ban_hanh_kem is not None


class Registry(Mapping[str, Kind]):
    """An immutable mapping from kind name to :class:`Kind`."""

    def __init__(self, kinds: Iterable[Kind] = ()) -> None:
        self._kinds: dict[str, Kind] = {}
        for kind in kinds:
            self._kinds[kind.name] = kind

    def __getitem__(self, name: str) -> Kind:
        return self._kinds[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._kinds)

    def __len__(self) -> int:
        return len(self._kinds)

    def __hash__(self) -> int:
        return hash(tuple(self._kinds.values()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Registry):
            return tuple(self._kinds.values()) == tuple(other._kinds.values())
        return super().__eq__(other)

    def __repr__(self) -> str:
        return f"Registry({', '.join(self._kinds)})"

    def with_kinds(self, *kinds: Kind) -> Registry:
        """A new registry with ``kinds`` added (or replacing same-named ones)."""
        return Registry([*self._kinds.values(), *kinds])

    @property
    def issuers(self) -> tuple[Kind, ...]:
        """The issuing kinds, in declaration order."""
        return tuple(k for k in self._kinds.values() if k.issuing)

    def owner_of(self, field: str) -> list[str]:
        """The kinds whose own block ``field`` is (``truong_rieng``)."""
        return sorted(k.name for k in self._kinds.values() if field in k.truong_rieng)

    def choosable(self) -> list[str]:
        """Names a campaign may give as ``loai``, sorted."""
        return sorted(k.name for k in self._kinds.values() if not k.issuing)

    def get_kind(self, name: str) -> Kind:
        """The kind a campaign's ``loai: name`` selects, or a :class:`CampaignError`
        naming the valid ones."""
        kind = self._kinds.get(name)
        valid = ", ".join(self.choosable())
        if kind is None:
            raise CampaignError(
                [
                    Problem(
                        f"loại văn bản '{name}' không có; các loại hợp lệ: {valid}",
                        f"unknown document kind '{name}'; valid kinds: {valid}",
                        loc=("loai",),
                        code="unknown-kind",
                    )
                ]
            )
        if kind.issuing:
            raise CampaignError(
                [
                    Problem(
                        f"'{name}' ({kind.ten_loai}) ban hành kèm văn bản khác: ghi khối"
                        f" '{kind.ban_hanh_kem}:' trong tệp của văn bản được ban hành, với"
                        f" 'loai' là một trong: {valid}",
                        f"'{name}' ({kind.ten_loai}) issues another document: write a"
                        f" '{kind.ban_hanh_kem}:' block in the file of the document it"
                        f" issues, whose 'loai' is one of: {valid}",
                        loc=("loai",),
                        code="unknown-kind",
                    )
                ]
            )
        return kind
