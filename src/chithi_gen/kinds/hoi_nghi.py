"""Kế hoạch tổ chức hội nghị — a plan for a conference: its step.

The kind ``ke_hoach_hoi_nghi`` (``templates/kinds.yaml``) is a Kế hoạch (Mẫu 1.4) with
data of its own, the campaign's ``hoi_nghi`` block (:class:`~chithi_gen.model.HoiNghi`):
date and time, place, participants and the programme. This step writes three sections
of the skeleton from it — time and place, participants, programme (a table) — and
leaves the others (purpose, organisation) to the clerk's ``phan``. It is the worked
example of docs/adding-a-kind.md: one module plus the model's fields.
"""

from __future__ import annotations

from chithi_gen.compose.body import BodyBuilder, close_body, snippet_context, top_level
from chithi_gen.compose.citations import Citer
from chithi_gen.compose.van_ban import document
from chithi_gen.document import Block, Document, Table
from chithi_gen.errors import CampaignError, Problem
from chithi_gen.kinds.steps import Job
from chithi_gen.model import Campaign, Gach, HoiNghi
from chithi_gen.model.campaign import PhanMuc
from chithi_gen.vi.ngay import format_ngay

#: The sections this step writes (keys of the kind's skeleton).
THOI_GIAN = "thoi_gian_dia_diem"
THANH_PHAN = "thanh_phan"
CHUONG_TRINH = "chuong_trinh"
WRITTEN = (THOI_GIAN, THANH_PHAN, CHUONG_TRINH)


def compose(job: Job) -> tuple[Document]:
    """The plan, its three conference sections written from ``hoi_nghi``."""
    campaign = job.campaign
    hn = campaign.hoi_nghi
    if hn is None:
        raise CampaignError.single(
            f"loại '{job.kind.name}' cần khối 'hoi_nghi' (thời gian, địa điểm, thành phần,"
            " chương trình)",
            f"kind '{job.kind.name}' needs a 'hoi_nghi' block (date, place, participants,"
            " programme)",
            loc=("loai",),
            code="block-missing",
        )
    clash = [key for key in WRITTEN if key in campaign.phan]
    if clash:
        raise CampaignError(
            [
                Problem(
                    f"phần '{key}' được viết từ khối 'hoi_nghi'; xóa nó khỏi 'phan'",
                    f"section '{key}' is written from the 'hoi_nghi' block; remove it from 'phan'",
                    loc=("phan", key),
                    code="section-written-by-kind",
                )
                for key in clash
            ]
        )
    filled = campaign.model_copy(update={"phan": {**campaign.phan, **_sections(job, hn)}})
    filled_job = Job(filled, job.kind, job.registry, job.snippets)
    return (document(filled_job, lambda citer: _body(filled_job, citer, hn)),)


def _heading(job: Job, key: str) -> str:
    return dict(job.kind.khung).get(key, key)


def _listed(lines: list[str]) -> list[Gach]:
    """Dash lines, each ending with ";" and the last with "." (Phụ lục I, II.6)."""
    out = [line.rstrip(" .;,") for line in lines]
    return [Gach(gach=line + (";" if i < len(out) - 1 else ".")) for i, line in enumerate(out)]


def _sections(job: Job, hn: HoiNghi) -> dict[str, PhanMuc]:
    when = [f"Thời gian: {hn.gio}, {format_ngay(hn.ngay)}", f"Địa điểm: {hn.dia_diem}"]
    return {
        THOI_GIAN: PhanMuc(tieu_de=_heading(job, THOI_GIAN), noi_dung=_listed(when)),
        THANH_PHAN: PhanMuc(tieu_de=_heading(job, THANH_PHAN), noi_dung=_listed(hn.thanh_phan)),
        CHUONG_TRINH: PhanMuc(
            tieu_de=_heading(job, CHUONG_TRINH), muc=f"{hn.ten} diễn ra theo chương trình sau:"
        ),
    }


def agenda(hn: HoiNghi) -> Table:
    """The programme as a table: time slot, what happens, who does it."""
    rows = [("Thời gian", "Nội dung", "Thực hiện")]
    rows += [(m.gio, m.noi_dung, m.thuc_hien or "") for m in hn.chuong_trinh]
    return Table(tuple(rows), widths=(0.30, 0.44, 0.26), align=("center", "left", "left"))


def _body(job: Job, citer: Citer, hn: HoiNghi) -> tuple[Block, ...]:
    """Preamble and sections as the standard step writes them, with the programme table
    right after its section."""
    campaign: Campaign = job.campaign
    builder = BodyBuilder(
        campaign.danh_so, citer, job.snippets, snippet_context(campaign, job.kind)
    )
    for text in campaign.mo_dau:
        builder.para(text, 0)
    nodes = top_level(campaign, job.kind)
    at = next(i for i, (_, loc) in enumerate(nodes) if loc == ("phan", CHUONG_TRINH)) + 1
    number = builder.items(nodes[:at], ())
    builder.out.append(agenda(hn))
    builder.items(nodes[at:], (), start=number)
    close_body(builder.out)
    return tuple(builder.out)
