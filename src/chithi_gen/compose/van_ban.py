"""The standard composing step: a document with a tên loại (Mẫu 1.4, Phụ lục III).

This is where the ND30 presentation rules that depend on data are applied: the số
ký hiệu with its leading zero, the date with its padding, capitals in the header and
signature, the body's literal numbering, the Nơi nhận punctuation and the closing "./."
of the body.
"""

from __future__ import annotations

from collections.abc import Callable

from chithi_gen.compose.body import body
from chithi_gen.compose.citations import Citer
from chithi_gen.compose.header import so_ky_hieu
from chithi_gen.document import Block, Document
from chithi_gen.inline import line_breaks, one_line
from chithi_gen.kinds.steps import Job
from chithi_gen.model import dong_luu, dong_noi_nhan, dong_quyen_han, ky_hieu_nguoi_soan
from chithi_gen.vi.chu_hoa import in_hoa, viet_hoa_dau
from chithi_gen.vi.ngay import format_dia_danh_ngay
from chithi_gen.vi.so import format_so_van_ban

#: Builds the body once the trích yếu has taken its citations (they are resolved in
#: reading order, Phụ lục I, II.6.b).
BodyMaker = Callable[[Citer], tuple[Block, ...]]


def _lines(names: list[str]) -> tuple[str, ...]:
    """An agency's name in capitals, one entry per line the clerk fixed (a list item,
    or a ``|`` break inside one)."""
    return tuple(in_hoa(part) for name in names for part in line_breaks(name).split("\n"))


def compose(job: Job) -> tuple[Document]:
    """The one :class:`Document` of ``job.campaign`` as a document of ``job.kind``."""
    return (document(job, lambda citer: body(job.campaign, job.kind, citer, job.snippets)),)


def document(job: Job, make_body: BodyMaker) -> Document:
    """The document of ``job`` with the body ``make_body`` builds: the header, title and
    signature every kind with a tên loại shares. A step of its own (a Kế hoạch tổ chức
    hội nghị) passes its own body."""
    campaign, kind = job.campaign, job.kind
    nk = campaign.nguoi_ky
    citer = Citer(campaign.dan_chieu)
    # A trích yếu standing under the title starts with a capital (Mẫu 1.4: "Về việc …").
    trich_yeu = line_breaks(citer.plain(campaign.trich_yeu))
    if kind.viet_hoa_trich_yeu:
        trich_yeu = viet_hoa_dau(trich_yeu)
    ten_loai = campaign.ten_loai or kind.ten_loai
    return Document(
        loai=kind.name,
        co_quan_chu_quan=_lines(campaign.co_quan.chu_quan),
        co_quan_ban_hanh=_lines(campaign.co_quan.ten),
        so_ky_hieu=so_ky_hieu(campaign, kind),
        dia_danh_ngay=format_dia_danh_ngay(campaign.dia_danh, campaign.ngay, campaign.nam_ban_hanh),
        ten_loai=in_hoa(ten_loai),
        trich_yeu=trich_yeu,
        noi_dung=make_body(citer),
        noi_nhan=dong_noi_nhan(campaign.noi_nhan, campaign.luu),
        quyen_han=tuple(in_hoa(x) for x in dong_quyen_han(nk)),
        ho_ten=nk.ho_ten,
        ky_hieu_nguoi_soan=ky_hieu_nguoi_soan(campaign.luu),
        dong_luu=dong_luu(campaign.luu),
        so=format_so_van_ban(campaign.so) if campaign.so is not None else "",
        ky_hieu_loai=kind.viet_tat,
        ky_hieu_co_quan=campaign.co_quan.viet_tat,
        nguoi_nhan=tuple(n.text() for n in campaign.noi_nhan),
        quoc_hieu=kind.quoc_hieu,
        tieu_ngu=kind.tieu_ngu,
        tieu_de_tep=f"{ten_loai} {one_line(trich_yeu)}",
        extra=dict(campaign.bien),
    )
