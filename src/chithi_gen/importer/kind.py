"""The kind (``loai``) of the printed tên loại, by the kind registry of a ``Renderer``.

A kind whose name prints as the title ("CHỈ THỊ" → ``chi_thi``) is taken; a title
that starts with a kind's name takes that kind and keeps its own name as ``ten_loai``
("CHƯƠNG TRÌNH HÀNH ĐỘNG" → ``chuong_trinh``, ``ten_loai: Chương trình hành động``). A
Party document (its heading "ĐẢNG CỘNG SẢN VIỆT NAM") looks among the Party's kinds.
Without a match the default kind is taken and the title kept as ``ten_loai``.
"""

from __future__ import annotations

from dataclasses import dataclass

from chithi_gen.importer.case import restore
from chithi_gen.kinds import Kind, Registry
from chithi_gen.vi.chu_hoa import in_hoa

_STATE_DEFAULT = "chi_thi"
_PARTY_DEFAULT = "chi_thi_dang"
_PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"


@dataclass(frozen=True)
class Found:
    """The kind found, the ``ten_loai`` to write (None: the kind's own) and whether
    it was only guessed (no kind has that name)."""

    kind: Kind
    ten_loai: str | None
    guessed: bool = False


def _party(kind: Kind) -> bool:
    return kind.quoc_hieu == _PARTY


def find_kind(
    registry: Registry, printed: str | None, party: bool, viet_tat: str | None = None
) -> Found:
    """The kind of a document whose title prints ``printed`` (None if it has none, as
    a công văn: then the kind whose abbreviation is the ký hiệu's ``viet_tat``)."""
    pool = [k for k in registry.values() if not k.issuing and _party(k) == party]
    pool.sort(key=lambda k: (bool(k.truong_rieng), k.buoc_soan != "van_ban" and not party))
    title = in_hoa(" ".join((printed or "").split()))
    exact = [k for k in pool if in_hoa(k.ten_loai) == title]
    if exact:
        return Found(exact[0], None)
    longer = [k for k in pool if title.startswith(in_hoa(k.ten_loai) + " ")]
    if longer:
        best = max(longer, key=lambda k: len(k.ten_loai))
        return Found(best, restore(title, names=False))
    by_symbol = [k for k in pool if not title and viet_tat and k.viet_tat == viet_tat]
    if by_symbol:
        return Found(by_symbol[0], None)
    default = _PARTY_DEFAULT if party else _STATE_DEFAULT
    kind = registry.get(default) or (pool[0] if pool else next(iter(registry.values())))
    return Found(kind, restore(title, names=False) if title else None, guessed=True)
