"""Compose: turn a validated :class:`~chithi_gen.model.Campaign` into a :class:`Document`.

This is where the ND30 presentation rules that depend on data are applied: the số
ký hiệu with its leading zero, the date with its padding, capitals in the header and
signature, literal numbering of the body, the Nơi nhận punctuation and the closing
"./." of the body.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from chithi_gen.document import DOCUMENT_VARIABLES, Document, Paragraph, Run, Table
from chithi_gen.errors import CampaignError, Loc, Problem
from chithi_gen.inline import Span, parse, plain
from chithi_gen.kinds import DEFAULT_REGISTRY, Kind, Registry
from chithi_gen.model import (
    Campaign,
    ChiTieu,
    Cong,
    Doan,
    Gach,
    MauCau,
    Muc,
    Node,
    PhanCong,
    QuyetDinh,
    ThoiGianThiDua,
    VanBanDanChieu,
    dan_chieu_text,
    dong_noi_nhan,
    dong_quyen_han,
    ky_hieu_nguoi_soan,
)
from chithi_gen.numbering import Scheme, heading_is_upper, label
from chithi_gen.snippets import BUNDLED, SnippetError, Snippets
from chithi_gen.vi.chu_hoa import in_hoa, viet_hoa_dau
from chithi_gen.vi.ngay import BLANK, format_dia_danh_ngay, format_ngay, format_ngay_ngan
from chithi_gen.vi.so import format_so, format_so_van_ban

#: The closing mark of the body (Mẫu 1.4: the text ends with "./.").
KET_THUC = "./."


def ky_hieu(campaign: Campaign, kind: Kind) -> str:
    """Ký hiệu: abbreviation of the kind, "-", abbreviation of the body (Phụ lục I, II.3.b).

    ``CT-UBND`` for a Chỉ thị of a People's Committee; an explicit ``ky_hieu`` in the
    campaign file wins.
    """
    return campaign.ky_hieu or f"{kind.viet_tat}-{campaign.co_quan.viet_tat}"


def so_ky_hieu(campaign: Campaign, kind: Kind) -> str:
    """The campaign's số ký hiệu line, e.g. "Số: 05/CT-UBND"."""
    return format_so_ky_hieu(campaign.so, ky_hieu(campaign, kind))


def format_so_ky_hieu(so: int | None, ky_hieu: str) -> str:
    """The "Số:" line (Phụ lục I, II.3.c): a leading zero under 10 ("Số: 05/CT-UBND");
    a draft without a number keeps a blank ("Số:      /CT-UBND")."""
    if so is None:
        return f"Số:{BLANK}/{ky_hieu}"
    return f"Số: {format_so_van_ban(so)}/{ky_hieu}"


class Citer:
    """Resolves ``[[key]]`` citations in reading order (Phụ lục I, II.6.b).

    The first citation of a document is written in full, later ones short.
    """

    def __init__(self, dan_chieu: dict[str, VanBanDanChieu]) -> None:
        self.dan_chieu = dan_chieu
        self.seen: set[str] = set()

    def cite(self, key: str, form: str) -> str:
        vb = self.dan_chieu.get(key)
        if vb is None:  # only text made by a snippet can get here: the model checks the rest
            known = ", ".join(sorted(self.dan_chieu)) or "chưa khai báo văn bản nào"
            raise CampaignError.single(
                f"viện dẫn [[{key}]] chưa được khai báo trong 'dan_chieu' ({known})",
                f"citation [[{key}]] is not declared under 'dan_chieu'",
            )
        if form == "tu_dong":
            form = "ngan" if key in self.seen else "day_du"
        self.seen.add(key)
        return dan_chieu_text(vb, form)

    def plain(self, text: str) -> str:
        """``text`` with citations resolved and markup dropped (for the trích yếu)."""
        return "".join(self._text(s) for s in parse(text) if s.footnote is None)

    def _text(self, span: Span) -> str:
        return self.cite(*span.citation) if span.citation else span.text

    def runs(self, text: str, *, bold: bool | None = None) -> list[Run]:
        out: list[Run] = []
        for s in parse(text):
            if s.footnote is not None:
                out.append(Run("", footnote=self.plain(s.footnote)))
                continue
            out.append(
                Run(self._text(s), bold=True if s.bold else bold, italic=True if s.italic else None)
            )
        return out


def _thoi_gian(tg: ThoiGianThiDua) -> str:
    tu = format_ngay(tg.tu) if isinstance(tg.tu, date) else tg.tu
    return f"Từ {tu} đến hết {format_ngay(tg.den)}."


def _chi_tieu(ct: ChiTieu, n: int) -> str:
    if ct.van_ban and not ct.ten:
        return f"({n}) {ct.van_ban}"
    text = f"({n}) {ct.ten}"
    if ct.gia_tri is not None:
        value = format_so(ct.gia_tri)
        unit = ct.don_vi or ""
        sep = "" if unit[:1] in ("%", "‰", "") else " "
        text += f": {value}{sep}{unit}"
    elif ct.don_vi:
        text += f": {ct.don_vi}"
    if ct.ghi_chu:
        text += f" {ct.ghi_chu}"
    if ct.van_ban:
        text += f" {ct.van_ban}"
    if text[-1] not in ".;:!?":
        text += "."
    return text


def noi_lien(items: Sequence[str]) -> str:
    """ "A, B và C" — a Vietnamese enumeration."""
    xs = list(items)
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " và " + xs[-1]


def _phan_cong(pc: PhanCong) -> str:
    """ "Giao A chủ trì, phối hợp với B và C <nhiệm vụ>; hoàn thành trước ngày 25/3/2020."."""
    lead = pc.chu_tri
    if lead.split(" ")[0] in ("Các", "Những", "Mỗi", "Toàn"):
        lead = viet_thuong_dau(lead)  # "Giao các phòng, ban …"
    text = f"Giao {lead}"
    if pc.phoi_hop:
        text += f" chủ trì, phối hợp với {noi_lien(pc.phoi_hop)}"
    text += f" {pc.nhiem_vu.rstrip('.;')}"
    if isinstance(pc.thoi_han, date):
        text += f"; hoàn thành trước ngày {format_ngay_ngan(pc.thoi_han)}"
    elif pc.thoi_han:
        text += f"; thời hạn: {pc.thoi_han}"
    return text + "."


def _ratio(now: Decimal, before: Decimal) -> str:
    if before == 0:
        return ""
    return format_so((now / before * 100).quantize(Decimal("0.1")))


def bang_chi_tieu(targets: Sequence[ChiTieu]) -> Table:
    """Targets as a table: STT, chỉ tiêu, đơn vị tính, value, and — when any target has
    last year's result — that result and the ratio in percent."""
    compare = any(t.nam_truoc is not None for t in targets)
    header = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch"]
    widths = [0.09, 0.51, 0.18, 0.22]
    if compare:
        header[3:] = ["Thực hiện năm trước", "Kế hoạch", "So sánh (%)"]
        widths = [0.09, 0.36, 0.14, 0.15, 0.13, 0.13]
    rows = [tuple(header)]
    for n, t in enumerate(targets, start=1):
        name = plain(" ".join(x for x in (t.ten, t.ghi_chu, t.van_ban) if x))
        value = format_so(t.gia_tri) if t.gia_tri is not None else ""
        row = [str(n), name, t.don_vi or "", value]
        if compare:
            before = format_so(t.nam_truoc) if t.nam_truoc is not None else ""
            ratio = (
                _ratio(t.gia_tri, t.nam_truoc)
                if t.gia_tri is not None and t.nam_truoc is not None
                else ""
            )
            row[3:] = [before, value, ratio]
        rows.append(tuple(row))
    align = ("center", "left", "center", *(["right"] * (len(header) - 3)))
    return Table(tuple(rows), widths=tuple(widths), align=align, header_rows=1)


class _BodyBuilder:
    def __init__(
        self, scheme: Scheme, citer: Citer, snippets: Snippets, context: dict[str, Any]
    ) -> None:
        self.scheme = scheme
        self.citer = citer
        self.snippets = snippets
        self.context = context
        self.out: list[Paragraph | Table] = []

    def snippet(self, node: MauCau, level: int, loc: Loc) -> None:
        try:
            text = self.snippets.render(node.mau_cau, node.tham_so, self.context)
        except SnippetError as exc:
            raise CampaignError([Problem(exc.message_vi, exc.message_en, loc=loc)]) from None
        try:
            self.para(text, level)
        except CampaignError as exc:
            located = [dataclasses.replace(p, loc=loc) for p in exc.problems]
            raise CampaignError(located) from None

    def para(self, text: str, level: int, prefix: str = "") -> None:
        runs = ([Run(prefix + " ")] if prefix else []) + self.citer.runs(text)
        self.out.append(Paragraph("NoiDung", tuple(runs), level))

    def nodes(self, nodes: Sequence[Node], path: tuple[int, ...], base: Loc = ()) -> None:
        """Append ``nodes``, found at field path ``base`` of the campaign."""
        self.items([(n, (*base, i)) for i, n in enumerate(nodes)], path)

    def items(self, items: Sequence[tuple[Node, Loc]], path: tuple[int, ...]) -> None:
        """Append nodes, each with its own field path (for errors)."""
        counter = 0
        for node, loc in items:
            if isinstance(node, Doan):
                self.para(node.doan, len(path))
            elif isinstance(node, MauCau):
                self.snippet(node, len(path), loc)
            elif isinstance(node, Gach | Cong):
                mark = "-" if isinstance(node, Gach) else "+"
                self.para(node.gach if isinstance(node, Gach) else node.cong, len(path), mark)
                self.nodes(node.noi_dung, path, (*loc, "noi_dung"))
            elif isinstance(node, Muc):
                counter += 1
                self.muc(node, (*path, counter), loc)

    def muc(self, node: Muc, path: tuple[int, ...], loc: Loc = ()) -> None:
        level = len(path)
        lab = label(self.scheme, path)
        runs: list[Run] = []
        style = "NoiDung"
        texts = [
            t
            for t in (
                node.muc,
                _phan_cong(node.phan_cong) if node.phan_cong else None,
                _thoi_gian(node.thoi_gian) if node.thoi_gian else None,
            )
            if t
        ]
        if node.tieu_de:
            heading = node.tieu_de
            if texts and heading[-1] not in ":.;?!":
                heading += ":"  # "III. THỜI GIAN THI ĐUA: Từ ngày …"
            runs.append(Run(f"{lab} ", bold=True))
            # Citations are resolved before the capitals, so "[[ct42]]" keeps its key.
            heading_runs = self.citer.runs(heading, bold=True)
            if heading_is_upper(self.scheme, level):
                heading_runs = [dataclasses.replace(r, text=in_hoa(r.text)) for r in heading_runs]
            runs += heading_runs
            # A heading standing alone is kept with what follows (the DeMuc styles);
            # one with its text run in is an ordinary paragraph with a bold label.
            if not texts:
                style = "DeMuc1" if level == 1 else "DeMuc2"
            bold: bool | None = False
        else:
            runs.append(Run(f"{lab}"))
            bold = None
        for t in texts:
            runs.append(Run(" "))
            runs += self.citer.runs(t, bold=bold)
        self.out.append(Paragraph(style, tuple(runs), level))
        if node.chi_tieu and node.chi_tieu_dang == "bang":
            self.out.append(bang_chi_tieu(node.chi_tieu))
        for i, ct in enumerate(node.chi_tieu if node.chi_tieu_dang == "danh_sach" else [], start=1):
            self.para(_chi_tieu(ct, i), level + 1)
            self.nodes(ct.chi_tiet, path, (*loc, "chi_tieu", i - 1, "chi_tiet"))
        self.nodes(node.noi_dung, path, (*loc, "noi_dung"))


def _close_body(blocks: list[Paragraph | Table]) -> None:
    """End the last paragraph with "./." (Mẫu 1.4), replacing a final full stop."""
    if not blocks:
        return
    last = blocks[-1]
    if isinstance(last, Table):
        blocks.append(Paragraph("NoiDung", (Run(KET_THUC),)))
        return
    runs = list(last.runs)
    if last.text.rstrip().endswith(KET_THUC):
        return
    tail = runs[-1]
    if tail.footnote is not None:
        runs.append(Run(KET_THUC))
    else:
        stripped = tail.text.rstrip()
        if stripped.endswith((".", ";", ",")):
            stripped = stripped[:-1]
        runs[-1] = Run(stripped + KET_THUC, tail.bold, tail.italic)
    blocks[-1] = Paragraph(last.style, tuple(runs), last.level)


def top_level(campaign: Campaign, kind: Kind) -> list[tuple[Node, Loc]]:
    """The top-level body nodes with their field paths: the skeleton's sections filled
    from ``phan`` (in the skeleton's order, with its headings unless a section names its
    own), then ``noi_dung``."""
    rest: list[tuple[Node, Loc]] = [(n, ("noi_dung", i)) for i, n in enumerate(campaign.noi_dung)]
    if not campaign.phan:
        return rest
    khung = [(k.ma, k.tieu_de) for k in campaign.khung] if campaign.khung else list(kind.khung)
    known = dict(khung)
    unknown = [key for key in campaign.phan if key not in known]
    if unknown:
        valid = ", ".join(known) or "(không có)"
        raise CampaignError(
            [
                Problem(
                    f"phần '{key}' không có trong khung của loại văn bản '{kind.name}';"
                    f" các phần hợp lệ: {valid} (hoặc khai báo 'khung')",
                    f"section '{key}' is not in the skeleton of kind '{kind.name}';"
                    f" valid: {valid} (or declare 'khung')",
                    loc=("phan", key),
                )
                for key in unknown
            ]
        )
    nodes: list[tuple[Node, Loc]] = []
    for key, heading in khung:
        section = campaign.phan.get(key)
        if section is not None:
            filled = section.model_copy(update={"tieu_de": section.tieu_de or heading})
            nodes.append((filled, ("phan", key)))
    return nodes + rest


def snippet_context(campaign: Campaign, kind: Kind) -> dict[str, Any]:
    """What every clause snippet sees besides its own ``tham_so``."""
    context: dict[str, Any] = {
        "ten_loai": campaign.ten_loai or kind.ten_loai,
        "co_quan": " ".join(campaign.co_quan.ten),
        "dia_danh": campaign.dia_danh,
    }
    if campaign.nam_ban_hanh is not None:  # else a snippet using it is an error, not "None"
        context["nam"] = campaign.nam_ban_hanh
    return context


def body(
    campaign: Campaign,
    kind: Kind,
    citer: Citer | None = None,
    snippets: Snippets = BUNDLED,
) -> tuple[Paragraph | Table, ...]:
    """The body paragraphs: preamble, then the numbered tree, closed with "./."."""
    builder = _BodyBuilder(
        campaign.danh_so,
        citer or Citer(campaign.dan_chieu),
        snippets,
        snippet_context(campaign, kind),
    )
    for text in campaign.mo_dau:
        builder.para(text, 0)
    builder.items(top_level(campaign, kind), ())
    paragraphs = builder.out
    _close_body(paragraphs)
    return tuple(paragraphs)


def viet_thuong_dau(text: str) -> str:
    """Lower-case the first letter, to embed a trích yếu in a sentence ("Ban hành
    Chương trình hành động thực hiện …"); an acronym ("UBND …") is left alone."""
    if len(text) >= 2 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


#: The kind of a Quyết định (Phụ lục III table: Quyết định (cá biệt) → QĐ; Mẫu 1.3).
QUYET_DINH = Kind.from_table("quyet_dinh", "Quyết định (cá biệt)", mau="Mẫu 1.3")


def _punctuate_lines(lines: Sequence[str]) -> list[str]:
    """Each line ends with ";" and the last with "." (Phụ lục I, II.6.a)."""
    out = [line.rstrip().rstrip(".;,") for line in lines]
    return [line + (";" if i < len(out) - 1 else ".") for i, line in enumerate(out)]


def _quyet_dinh(campaign: Campaign, qd: QuyetDinh, main: Document, kind: Kind) -> Document:
    """The Quyết định issuing ``main`` (Mẫu 1.3) and the attachment line of ``main``."""
    citer = Citer(campaign.dan_chieu)
    ten_loai_van_ban = campaign.ten_loai or kind.ten_loai
    noi_dung_chinh = viet_thuong_dau(main.trich_yeu)
    trich_yeu = (
        citer.plain(qd.trich_yeu)
        if qd.trich_yeu
        else f"Ban hành {ten_loai_van_ban} {noi_dung_chinh}"
    )
    lines = [*qd.can_cu, *([qd.theo_de_nghi] if qd.theo_de_nghi else [])]
    paragraphs: list[Paragraph | Table] = [
        Paragraph("CanCu", tuple(citer.runs(line))) for line in _punctuate_lines(lines)
    ]
    paragraphs.append(Paragraph("QuyetDinh", (Run("QUYẾT ĐỊNH:"),)))
    dieu = [f"Ban hành kèm theo Quyết định này {ten_loai_van_ban} {noi_dung_chinh}.", *qd.dieu]
    for n, text in enumerate(dieu, start=1):
        runs = [Run(f"Điều {n}.", bold=True), Run(" "), *citer.runs(text)]
        paragraphs.append(Paragraph("NoiDung", tuple(runs), 1))
    _close_body(paragraphs)
    nk = qd.nguoi_ky or campaign.nguoi_ky
    noi_nhan = qd.noi_nhan or campaign.noi_nhan
    so_kh = format_so_ky_hieu(qd.so, f"{QUYET_DINH.viet_tat}-{campaign.co_quan.viet_tat}")
    return dataclasses.replace(
        main,
        loai=QUYET_DINH.name,
        so_ky_hieu=so_kh,
        ten_loai=in_hoa("Quyết định"),
        trich_yeu=trich_yeu,
        tham_quyen_ban_hanh=in_hoa(qd.tham_quyen_ban_hanh),
        noi_dung=tuple(paragraphs),
        noi_nhan=dong_noi_nhan(noi_nhan, campaign.luu),
        quyen_han=tuple(in_hoa(x) for x in dong_quyen_han(nk)),
        ho_ten=nk.ho_ten,
        tieu_de_tep=f"Quyết định {trich_yeu}",
    )


def kem_theo(campaign: Campaign, qd: QuyetDinh) -> str:
    """ "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2020 của …)" (Mẫu 1.3)."""
    ky_hieu_qd = f"{QUYET_DINH.viet_tat}-{campaign.co_quan.viet_tat}"
    so = f" {format_so_van_ban(qd.so)}" if qd.so is not None else BLANK
    ngay = format_ngay(campaign.ngay, campaign.nam_ban_hanh)
    return f"(Kèm theo Quyết định số{so}/{ky_hieu_qd} {ngay} của {qd.tham_quyen_ban_hanh})"


def compose_all(
    campaign: Campaign, registry: Registry = DEFAULT_REGISTRY, snippets: Snippets = BUNDLED
) -> tuple[Document, ...]:
    """Every document the campaign file yields, in order: the Quyết định (if the file
    has a ``quyet_dinh`` block) followed by the document it issues, or that document alone.
    """
    main = compose(campaign, registry, snippets)
    qd = campaign.quyet_dinh
    if qd is None:
        return (main,)
    kind = registry.get_kind(campaign.loai)
    decision = _quyet_dinh(campaign, qd, main, kind)
    attachment = dataclasses.replace(
        main,
        so_ky_hieu="",
        dia_danh_ngay="",
        kem_theo=kem_theo(campaign, qd),
        noi_nhan=(),
        quyen_han=(),
        ho_ten="",
        ky_hieu_nguoi_soan=None,
    )
    return (decision, attachment)


def compose(
    campaign: Campaign, registry: Registry = DEFAULT_REGISTRY, snippets: Snippets = BUNDLED
) -> Document:
    """Build the :class:`Document` for ``campaign`` with the kind named by ``campaign.loai``."""
    kind = registry.get_kind(campaign.loai)
    nk = campaign.nguoi_ky
    citer = Citer(campaign.dan_chieu)
    # A trích yếu standing under the title starts with a capital (Mẫu 1.4: "Về việc …").
    trich_yeu = citer.plain(campaign.trich_yeu)
    if kind.viet_hoa_trich_yeu:
        trich_yeu = viet_hoa_dau(trich_yeu)
    ten_loai = campaign.ten_loai or kind.ten_loai
    return Document(
        loai=kind.name,
        co_quan_chu_quan=tuple(in_hoa(x) for x in campaign.co_quan.chu_quan),
        co_quan_ban_hanh=tuple(in_hoa(x) for x in campaign.co_quan.ten),
        so_ky_hieu=so_ky_hieu(campaign, kind),
        dia_danh_ngay=format_dia_danh_ngay(campaign.dia_danh, campaign.ngay, campaign.nam_ban_hanh),
        ten_loai=in_hoa(ten_loai),
        trich_yeu=trich_yeu,
        noi_dung=body(campaign, kind, citer, snippets),
        noi_nhan=dong_noi_nhan(campaign.noi_nhan, campaign.luu),
        quyen_han=tuple(in_hoa(x) for x in dong_quyen_han(nk)),
        ho_ten=nk.ho_ten,
        ky_hieu_nguoi_soan=ky_hieu_nguoi_soan(campaign.luu),
        so=format_so_van_ban(campaign.so) if campaign.so is not None else "",
        ky_hieu_loai=kind.viet_tat,
        ky_hieu_co_quan=campaign.co_quan.viet_tat,
        nguoi_nhan=tuple(n.text() for n in campaign.noi_nhan),
        quoc_hieu=kind.quoc_hieu,
        tieu_ngu=kind.tieu_ngu,
        tieu_de_tep=f"{ten_loai} {trich_yeu}",
        extra=_extra_variables(campaign),
    )


def _extra_variables(campaign: Campaign) -> dict[str, object]:
    """The campaign's ``bien`` for custom layouts; a name the library uses is refused."""
    taken = [k for k in campaign.bien if k in DOCUMENT_VARIABLES]
    if taken:
        raise CampaignError(
            [
                Problem(
                    f"biến '{k}' trùng tên biến có sẵn của mẫu trình bày; hãy đặt tên khác",
                    f"variable '{k}' clashes with a built-in layout variable; rename it",
                    loc=("bien", k),
                )
                for k in taken
            ]
        )
    return dict(campaign.bien)


def check_structure(
    campaign: Campaign, registry: Registry = DEFAULT_REGISTRY, snippets: Snippets = BUNDLED
) -> None:
    """Raise :class:`CampaignError` for what only composing can find — an unknown kind, a
    ``phan`` section outside the skeleton, a clause snippet missing or lacking a
    parameter — so that the loader can report it with its line."""
    compose_all(campaign, registry, snippets)
