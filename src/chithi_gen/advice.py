"""Advice: things that are allowed but probably a mistake, reported as warnings.

Unlike validation errors these never stop a document from being drafted.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from chithi_gen.errors import Loc, Problem
from chithi_gen.model import Campaign, Muc, Node, don_vi_duoc_giao


def _assignments(nodes: Sequence[Node], loc: Loc) -> Iterator[tuple[Loc, Muc]]:
    for i, node in enumerate(nodes):
        here = (*loc, i)
        if isinstance(node, Muc) and node.phan_cong is not None:
            yield here, node
        yield from _assignments(getattr(node, "noi_dung", []), (*here, "noi_dung"))


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def recipient_warnings(campaign: Campaign) -> list[Problem]:
    """Units given a task (``phan_cong``) that the Nơi nhận does not reach.

    A unit counts as reached when a recipient line names it (either text containing the
    other), or when the list has "Như trên" (the units named in the text above).
    """
    recipients = [_norm(n.ten) for n in campaign.noi_nhan]
    if any(r.startswith("như trên") for r in recipients):
        return []
    found: list[Problem] = []
    sections: list[tuple[Loc, list[Node]]] = [
        (("phan", key, "noi_dung"), sec.noi_dung) for key, sec in campaign.phan.items()
    ]
    sections.append((("noi_dung",), campaign.noi_dung))
    for base, nodes in sections:
        for loc, muc in _assignments(nodes, base):
            assert muc.phan_cong is not None
            for unit in don_vi_duoc_giao(muc.phan_cong):
                u = _norm(unit)
                if not any(u in r or r in u for r in recipients):
                    found.append(
                        Problem(
                            f"'{unit}' được giao nhiệm vụ nhưng không có trong Nơi nhận;"
                            " thêm đơn vị này hoặc dòng '- Như trên;' vào 'noi_nhan'",
                            f"'{unit}' is given a task but is not among the recipients;"
                            " add it or '- Như trên;' to 'noi_nhan'",
                            loc=(*loc, "phan_cong"),
                        )
                    )
    return found
