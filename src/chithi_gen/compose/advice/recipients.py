"""Advice on recipients: a unit given a task (phân công) that the Nơi nhận does not reach."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from chithi_gen.errors import Loc, Problem
from chithi_gen.model import Campaign, Muc, Node, don_vi_duoc_giao


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


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def recipient_warnings(campaign: Campaign) -> list[Problem]:
    """Units given a task (``phan_cong``) that the Nơi nhận does not reach.

    A unit counts as reached when a recipient line names it (either text containing the
    other), or when the list has "Như trên" or "Như Điều …" (the units named in the text).
    Assignments anywhere count: in ``noi_dung``, in ``phan`` sections (also written as
    the section itself) and in a target's ``chi_tiet``.
    """
    lists = [campaign.noi_nhan]
    field = "noi_nhan"
    if campaign.quyet_dinh is not None:
        lists.append(campaign.quyet_dinh.noi_nhan)
        if campaign.quyet_dinh.noi_nhan:
            field = "quyet_dinh.noi_nhan"
    recipients = [_norm(n.ten) for lst in lists for n in lst]
    # "Như trên" / "Như Điều 3" send the document to the units the text names.
    if any(r.startswith("như ") for r in recipients):
        return []
    found: list[Problem] = []
    places = [pair for key, sec in campaign.phan.items() for pair in _in_node(sec, ("phan", key))]
    places += list(_assignments(campaign.noi_dung, ("noi_dung",)))
    for loc, muc in places:
        assert muc.phan_cong is not None
        for unit in don_vi_duoc_giao(muc.phan_cong):
            u = _norm(unit)
            if not any(u in r or r in u for r in recipients):
                found.append(
                    Problem(
                        f"'{unit}' được giao nhiệm vụ nhưng không có trong Nơi nhận;"
                        f" thêm đơn vị này hoặc dòng '- Như trên;' vào '{field}'",
                        f"'{unit}' is given a task but is not among the recipients;"
                        f" add it or '- Như trên;' to '{field}'",
                        loc=(*loc, "phan_cong"),
                        code="recipient-missing",
                        severity="warning",
                    )
                )
    return found
