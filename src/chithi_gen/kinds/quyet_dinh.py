"""The Quyết định that issues a campaign's programme (Mẫu 1.3, Phụ lục III): its step.

A Chương trình or Kế hoạch is often issued "kèm theo" (attached to) a Quyết định. When
the campaign has a ``quyet_dinh`` block (:class:`~chithi_gen.model.QuyetDinh`), this
step composes the decision — thẩm quyền ban hành, căn cứ, "QUYẾT ĐỊNH:", Điều 1 … —
and turns the programme into its attachment, headed "(Kèm theo Quyết định số …)" and
without Nơi nhận or signature. Number and date are written once and used in both.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from chithi_gen.compose.body import close_body
from chithi_gen.compose.citations import Citer
from chithi_gen.compose.header import format_so_ky_hieu
from chithi_gen.document import Block, Document, Paragraph, Run
from chithi_gen.inline import line_breaks, one_line
from chithi_gen.kinds import Kind
from chithi_gen.kinds.steps import Job
from chithi_gen.model import Campaign, QuyetDinh, dong_noi_nhan, dong_quyen_han
from chithi_gen.vi.chu_hoa import in_hoa, viet_thuong_dau
from chithi_gen.vi.ngay import BLANK, format_ngay
from chithi_gen.vi.so import format_so_van_ban


def compose(job: Job) -> tuple[Document, ...]:
    """The Quyết định, then each document it issues as its attachment."""
    campaign, kind = job.campaign, job.kind
    qd = campaign.quyet_dinh
    if qd is None or not job.documents:
        return job.documents
    main = job.documents[0]
    issued = job.registry.get(main.loai)
    ten_loai = campaign.ten_loai or (issued.ten_loai if issued else main.ten_loai)
    decision = _decision(campaign, qd, main, kind, ten_loai)
    attachments = tuple(
        dataclasses.replace(
            doc,
            so_ky_hieu="",
            dia_danh_ngay="",
            kem_theo=kem_theo(campaign, qd, kind),
            noi_nhan=(),
            quyen_han=(),
            ho_ten="",
            ky_hieu_nguoi_soan=None,
        )
        for doc in job.documents
    )
    return (decision, *attachments)


def _punctuate_lines(lines: Sequence[str]) -> list[str]:
    """Each line ends with ";" and the last with "." (Phụ lục I, II.6.a)."""
    out = [line.rstrip().rstrip(".;,") for line in lines]
    return [line + (";" if i < len(out) - 1 else ".") for i, line in enumerate(out)]


def _ky_hieu(campaign: Campaign, kind: Kind) -> str:
    return f"{kind.viet_tat}-{campaign.co_quan.viet_tat}"


def _decision(
    campaign: Campaign, qd: QuyetDinh, main: Document, kind: Kind, ten_loai_van_ban: str
) -> Document:
    """The Quyết định issuing ``main`` (Mẫu 1.3); ``ten_loai_van_ban`` is the issued
    document's tên loại as written in a sentence ("Chương trình")."""
    citer = Citer(campaign.dan_chieu)
    noi_dung_chinh = viet_thuong_dau(one_line(main.trich_yeu))
    trich_yeu = (
        line_breaks(citer.plain(qd.trich_yeu))
        if qd.trich_yeu
        else f"Ban hành {ten_loai_van_ban} {noi_dung_chinh}"
    )
    lines = [*qd.can_cu, *([qd.theo_de_nghi] if qd.theo_de_nghi else [])]
    paragraphs: list[Block] = [
        Paragraph("CanCu", tuple(citer.runs(line))) for line in _punctuate_lines(lines)
    ]
    paragraphs.append(Paragraph("QuyetDinh", (Run(f"{in_hoa(kind.ten_loai)}:"),)))
    dieu = [f"Ban hành kèm theo Quyết định này {ten_loai_van_ban} {noi_dung_chinh}.", *qd.dieu]
    for n, text in enumerate(dieu, start=1):
        runs = [Run(f"Điều {n}.", bold=True), Run(" "), *citer.runs(text)]
        paragraphs.append(Paragraph("NoiDung", tuple(runs), 1))
    close_body(paragraphs)
    nk = qd.nguoi_ky or campaign.nguoi_ky
    noi_nhan = qd.noi_nhan or campaign.noi_nhan
    return dataclasses.replace(
        main,
        loai=kind.name,
        so_ky_hieu=format_so_ky_hieu(qd.so, _ky_hieu(campaign, kind)),
        so=format_so_van_ban(qd.so) if qd.so is not None else "",
        ky_hieu_loai=kind.viet_tat,
        ten_loai=in_hoa(kind.ten_loai),
        trich_yeu=trich_yeu,
        tham_quyen_ban_hanh=in_hoa(qd.tham_quyen_ban_hanh),
        noi_dung=tuple(paragraphs),
        noi_nhan=dong_noi_nhan(noi_nhan, campaign.luu),
        nguoi_nhan=tuple(n.text() for n in noi_nhan),
        quyen_han=tuple(in_hoa(x) for x in dong_quyen_han(nk)),
        ho_ten=nk.ho_ten,
        tieu_de_tep=f"{kind.ten_loai} {one_line(trich_yeu)}",
    )


def kem_theo(campaign: Campaign, qd: QuyetDinh, kind: Kind) -> str:
    """ "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2020 của …)" (Mẫu 1.3)."""
    so = f" {format_so_van_ban(qd.so)}" if qd.so is not None else BLANK
    ngay = format_ngay(campaign.ngay, campaign.nam_ban_hanh)
    return (
        f"(Kèm theo {kind.ten_loai} số{so}/{_ky_hieu(campaign, kind)} {ngay}"
        f" của {qd.tham_quyen_ban_hanh})"
    )
