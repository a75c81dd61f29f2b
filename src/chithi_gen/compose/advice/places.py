"""Where a campaign names bodies and units, with field paths, and the date it is judged by.

The advisors on administrative units read the same places: the issuing body and its
superior (ô 2), the signer's collective body, the authority of an issuing Quyết định,
the recipients (ô 9b) and the units given a task (``phan_cong``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from chithi_gen.errors import Loc
from chithi_gen.model import Campaign, Muc, Node


@dataclass(frozen=True, slots=True)
class NamedBody:
    """A body named in the campaign: where (``loc``), what is written, and its role."""

    loc: Loc
    text: str
    vai_tro: str
    """``co_quan`` (the issuer or its superior), ``noi_nhan`` or ``phan_cong``."""


def document_date(campaign: Campaign) -> date | None:
    """The day a document is judged by: ``ngay``; for an undated draft, the last day of
    ``nam`` (it may be issued any day of that year); ``None`` when neither is known."""
    if campaign.ngay is not None:
        return campaign.ngay
    if campaign.nam is not None:
        return date(campaign.nam, 12, 31)
    return None


def issuer(campaign: Campaign) -> Iterator[NamedBody]:
    """The issuing body's name and its superior's, each as one text."""
    yield NamedBody(("co_quan", "ten"), " ".join(campaign.co_quan.ten), "co_quan")
    if campaign.co_quan.chu_quan:
        yield NamedBody(("co_quan", "chu_quan"), " ".join(campaign.co_quan.chu_quan), "co_quan")


def _assignments(nodes: Sequence[Node], loc: Loc) -> Iterator[tuple[Loc, Muc]]:
    for i, node in enumerate(nodes):
        yield from _in_node(node, (*loc, i))


def _in_node(node: Node, here: Loc) -> Iterator[tuple[Loc, Muc]]:
    if isinstance(node, Muc):
        if node.phan_cong is not None:
            yield here, node
        for j, target in enumerate(node.chi_tieu):
            yield from _assignments(target.chi_tiet, (*here, "chi_tieu", j, "chi_tiet"))
    yield from _assignments(getattr(node, "noi_dung", []), (*here, "noi_dung"))


def assignments(campaign: Campaign) -> Iterator[tuple[Loc, Muc]]:
    """Every numbered item with a ``phan_cong``, in ``phan`` sections and in ``noi_dung``."""
    for key, section in campaign.phan.items():
        yield from _in_node(section, ("phan", key))
    yield from _assignments(campaign.noi_dung, ("noi_dung",))


def named_bodies(campaign: Campaign) -> Iterator[NamedBody]:
    """Every body the campaign names as issuer, signer's body, recipient or assignee."""
    yield from issuer(campaign)
    nk = campaign.nguoi_ky
    if nk.tap_the:
        yield NamedBody(("nguoi_ky", "tap_the"), nk.tap_the, "co_quan")
    qd = campaign.quyet_dinh
    if qd is not None:
        yield NamedBody(("quyet_dinh", "tham_quyen_ban_hanh"), qd.tham_quyen_ban_hanh, "co_quan")
        if qd.theo_de_nghi:
            yield NamedBody(("quyet_dinh", "theo_de_nghi"), qd.theo_de_nghi, "co_quan")
        for i, n in enumerate(qd.noi_nhan):
            yield NamedBody(("quyet_dinh", "noi_nhan", i), n.ten, "noi_nhan")
    for i, n in enumerate(campaign.noi_nhan):
        yield NamedBody(("noi_nhan", i), n.ten, "noi_nhan")
    for loc, muc in assignments(campaign):
        pc = muc.phan_cong
        assert pc is not None
        yield NamedBody((*loc, "phan_cong", "chu_tri"), pc.chu_tri, "phan_cong")
        for j, unit in enumerate(pc.phoi_hop):
            yield NamedBody((*loc, "phan_cong", "phoi_hop", j), unit, "phan_cong")
