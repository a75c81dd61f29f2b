"""Advice on recipients: a unit given a task (phân công) that the Nơi nhận does not reach."""

from __future__ import annotations

from chithi_gen.compose.advice.places import assignments
from chithi_gen.errors import Problem
from chithi_gen.model import Campaign, don_vi_duoc_giao


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
    for loc, muc in assignments(campaign):
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
