"""Advice on Party documents: what the 2026 rules leave open, and Party bodies in State form.

The rules are those of :mod:`chithi_gen.reference.dang` (QĐ 399-QĐ/TW, HD 05-HD/VPTW).
What they settle is refused by the Party step (:mod:`chithi_gen.kinds.dang`); this
advisor warns where they are not settled or where the campaign looks mistaken:

* ``party-authority-uncertain`` — the table does not settle whether that body may
  issue that kind (a Chỉ thị of an Đảng ủy xã);
* ``party-body-unknown`` — a Party kind whose issuing body is not recognised;
* ``party-code`` — a body abbreviation other than the usual one ("TU", "ĐU", "CB");
* ``party-kind-expected`` — a State kind (ND30) for a Party body ("Tỉnh ủy" with
  ``loai: chi_thi``): the header would read "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
"""

from __future__ import annotations

from chithi_gen.errors import Problem
from chithi_gen.model import Campaign
from chithi_gen.reference.dang import cap_uy, ghi_chu_tham_quyen, loai_dang, quy_tac, tham_quyen


def _warning(vi: str, en: str, loc: tuple[str, ...], code: str) -> Problem:
    return Problem(vi, en, loc=loc, code=code, severity="warning")


def _party_kind_for(loai: str) -> str | None:
    """The bundled Party kind with the same tên loại as the State kind ``loai``."""
    base = loai.removesuffix("_dang")
    for row in quy_tac()["loai"]:
        if row["loai"] in (f"{base}_dang", f"{base}_hanh_dong_dang"):
            return str(row["loai"])
    return None


def party_warnings(campaign: Campaign) -> list[Problem]:
    """Warnings on a Party document's issuing body, kind and ký hiệu."""
    name = " ".join(campaign.co_quan.ten)
    body = cap_uy(name)
    kind = loai_dang(campaign.loai)
    if kind is None:
        suggestion = _party_kind_for(campaign.loai)
        if body is not None and body.ma != "tham_muu" and suggestion is not None:
            return [
                _warning(
                    f"“{name}” là cơ quan của Đảng nhưng loại văn bản '{campaign.loai}' theo"
                    f" thể thức nhà nước (Nghị định 30/2020/NĐ-CP); dùng loai: {suggestion}"
                    " (thể thức văn bản của Đảng, Quy định 399-QĐ/TW)",
                    f"“{name}” is a Party body but kind '{campaign.loai}' has the State"
                    f" form (Decree 30/2020); use loai: {suggestion} (Party form, QĐ 399)",
                    ("loai",),
                    "party-kind-expected",
                )
            ]
        return []
    viet_tat = str(kind["viet_tat"])
    if body is None:
        return [
            _warning(
                f"không nhận ra cơ quan ban hành “{name}” (Tỉnh ủy, Thành ủy, Đảng ủy …,"
                " Chi bộ …, Ban …, Văn phòng … Tỉnh ủy); chưa kiểm tra được thẩm quyền ban"
                f" hành {kind['ten_loai']}",
                f"issuing body “{name}” not recognised (Tỉnh ủy, Đảng ủy …, Chi bộ …);"
                f" who may issue a {kind['ten_loai']} was not checked",
                ("co_quan", "ten"),
                "party-body-unknown",
            )
        ]
    found: list[Problem] = []
    if tham_quyen(viet_tat, body) == "chua_ro":
        note = ghi_chu_tham_quyen(viet_tat, body) or ""
        found.append(
            _warning(
                f"chưa xác định được {body.mo_ta} có được ban hành {kind['ten_loai']} hay"
                f" không theo Quy định 399-QĐ/TW (Điều 11-13); hãy đối chiếu văn bản gốc."
                f" Ghi chú: {note}",
                f"whether {body.mo_ta} may issue a {kind['ten_loai']} under QĐ 399-QĐ/TW"
                f" (Articles 11-13) is not settled; check the original. Note: {note}",
                ("loai",),
                "party-authority-uncertain",
            )
        )
    if body.ky_hieu is not None and campaign.co_quan.viet_tat != body.ky_hieu:
        found.append(
            _warning(
                f"ký hiệu cơ quan của {body.mo_ta} thường là '{body.ky_hieu}'"
                f" (Số 12-{viet_tat}/{body.ky_hieu}), đang là '{campaign.co_quan.viet_tat}'",
                f"the body abbreviation of {body.mo_ta} is usually '{body.ky_hieu}',"
                f" got '{campaign.co_quan.viet_tat}'",
                ("co_quan", "viet_tat"),
                "party-code",
            )
        )
    return found
