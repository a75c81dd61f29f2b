"""The Party composing step: a document of a cấp ủy in the form of QĐ 399-QĐ/TW and HD 05-HD/VPTW.

The standard step (:mod:`chithi_gen.compose.van_ban`) composes the document; this one
first refuses what the Party rules settle, then writes the parts whose text differs
from ND30, using the table of :mod:`chithi_gen.reference.dang`:

* the số ký hiệu "Số 12-CT/TU": no colon, "-" before the kind, "/" before the body,
  and a blank number in a draft ("Số      -CT/TU"); the number runs per nhiệm kỳ
  cấp ủy, not per year, so it is the campaign's ``so`` as given;
* the authority "T/M BAN THƯỜNG VỤ", "K/T", "T/L" (a slash, no dot);
* the Nơi nhận lines ending with ";" and the last line "- Lưu Văn phòng Tỉnh ủy."
  (``bien: {noi_luu: …}`` names another place);
* the body ending with "." instead of ND30's "./.".

Refused (``party-authority``, ``party-signature``): a kind the body may not issue (a
Chỉ thị of a chi bộ), "KT." for a collective body (its deputy signs under "T/M …"),
"TUQ." (the Party has no such form). Docs: docs/van-ban-dang.md.
"""

from __future__ import annotations

import dataclasses

from chithi_gen.compose.body import KET_THUC, body
from chithi_gen.compose.van_ban import document
from chithi_gen.document import Block, Document, Paragraph, Run, Table
from chithi_gen.errors import CampaignError, Problem
from chithi_gen.kinds.steps import Job
from chithi_gen.model import Campaign
from chithi_gen.reference.dang import (
    cap_uy,
    cuoi_dong_noi_nhan,
    ghi_chu_tham_quyen,
    noi_luu,
    quy_tac,
    quyen_han_dang,
    tham_quyen,
)
from chithi_gen.vi.chu_hoa import in_hoa
from chithi_gen.vi.ngay import BLANK


def compose(job: Job) -> tuple[Document]:
    """The one Party :class:`Document` of ``job.campaign``."""
    campaign, kind = job.campaign, job.kind
    _refuse(campaign, kind.viet_tat, kind.ten_loai)
    doc = document(job, lambda citer: body(campaign, kind, citer, job.snippets))
    return (party_form(doc, campaign),)


def _refuse(campaign: Campaign, viet_tat: str, ten_loai: str) -> None:
    name = " ".join(campaign.co_quan.ten)
    cap = cap_uy(name)
    problems: list[Problem] = []
    if cap is not None and tham_quyen(viet_tat, cap) == "khong":
        note = ghi_chu_tham_quyen(viet_tat, cap) or ""
        problems.append(
            Problem(
                f"{cap.mo_ta} (“{name}”) không ban hành {ten_loai} theo Quy định 399-QĐ/TW;"
                f" chọn loại văn bản khác. {note}",
                f"{cap.mo_ta} (“{name}”) does not issue a {ten_loai} under QĐ 399-QĐ/TW;"
                f" choose another kind. {note}",
                loc=("loai",),
                code="party-authority",
            )
        )
    tq = campaign.nguoi_ky.tham_quyen
    rules = quy_tac()["quyen_han"]
    if tq in rules["khong_co"]:
        problems.append(
            Problem(
                f"văn bản của Đảng không có thể thức ký '{tq}'; dùng T/M, K/T, T/L hoặc Q.",
                f"Party documents have no '{tq}' signature; use T/M, K/T, T/L or Q.",
                loc=("nguoi_ky", "tham_quyen"),
                code="party-signature",
            )
        )
    if tq == "KT." and cap is not None and cap.tap_the and rules["tap_the_khong_ky_thay"]:
        problems.append(
            Problem(
                f"{cap.mo_ta} là tập thể: cấp phó ký 'T/M …' (tham_quyen: TM., tap_the: Ban"
                " Thường vụ, chuc_vu: Phó Bí thư), không ký 'K/T'",
                f"{cap.mo_ta} is a collective body: a deputy signs 'T/M …' as Phó Bí thư,"
                " never 'K/T'",
                loc=("nguoi_ky", "tham_quyen"),
                code="party-signature",
            )
        )
    if problems:
        raise CampaignError(problems)


def _closing(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The body's last paragraph ends with "." (HD 05), not ND30's "./."."""
    if not blocks:
        return blocks
    last = blocks[-1]
    if isinstance(last, Table):
        return blocks
    if last.text == KET_THUC:  # a table closed the body
        return blocks[:-1]
    runs = list(last.runs)
    for i in range(len(runs) - 1, -1, -1):
        run = runs[i]
        if run.footnote is None and run.text.endswith(KET_THUC):
            end = quy_tac()["ket_thuc_noi_dung"]["dau"]
            runs[i] = Run(run.text[: -len(KET_THUC)] + end, run.bold, run.italic)
            if not runs[i].text:
                del runs[i]
            break
    return (*blocks[:-1], Paragraph(last.style, tuple(runs), last.level))


def party_form(doc: Document, campaign: Campaign) -> Document:
    """``doc`` with the Party's số ký hiệu, authority lines, Nơi nhận and closing."""
    name = " ".join(campaign.co_quan.ten)
    end = cuoi_dong_noi_nhan()
    luu = str(campaign.bien.get("noi_luu") or noi_luu(cap_uy(name), name))
    lines = [f"- {n}{end}" for n in doc.nguoi_nhan]
    extra = dict(doc.extra)
    if doc.ky_hieu_loai == "CV":  # a công văn: its trích yếu goes under the số
        extra.setdefault("trich_yeu_cong_van", doc.trich_yeu)
    so = f" {doc.so}" if doc.so else BLANK  # a draft: "Số      -CT/TU"
    return dataclasses.replace(
        doc,
        so_ky_hieu=f"Số{so}-{doc.ky_hieu_loai}/{doc.ky_hieu_co_quan}",
        quyen_han=tuple(quyen_han_dang(in_hoa(x)) for x in doc.quyen_han),
        noi_nhan=(*lines, f"- Lưu {luu}."),
        noi_dung=_closing(doc.noi_dung),
        extra=extra,
    )
