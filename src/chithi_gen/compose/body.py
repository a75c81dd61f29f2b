"""The body: preamble, the skeleton's sections and the numbered tree, closed with "./."."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from chithi_gen.compose.assignments import phan_cong
from chithi_gen.compose.citations import Citer
from chithi_gen.compose.snippets import Snippets
from chithi_gen.compose.targets import bang_chi_tieu, chi_tieu, thoi_gian
from chithi_gen.document import Block, Paragraph, Run, Table
from chithi_gen.errors import CampaignError, Loc, Problem
from chithi_gen.kinds import Kind
from chithi_gen.model import Campaign, Cong, DanhSo, Doan, Gach, MauCau, Muc, Node
from chithi_gen.numbering import Scheme
from chithi_gen.vi.chu_hoa import in_hoa

#: The closing mark of the body (Mẫu 1.4: the text ends with "./.").
KET_THUC = "./."
#: The numbers of an item and its ancestors (``None`` for an unnumbered one).
Path = tuple[int | None, ...]


class BodyBuilder:
    """Appends styled paragraphs for body nodes, numbering them as it goes."""

    def __init__(
        self, scheme: Scheme | DanhSo, citer: Citer, snippets: Snippets, context: dict[str, Any]
    ) -> None:
        self.scheme = scheme if isinstance(scheme, Scheme) else scheme.scheme()
        self.citer = citer
        self.snippets = snippets
        self.context = context
        self.out: list[Block] = []

    def snippet(self, node: MauCau, level: int, loc: Loc) -> None:
        """A clause snippet's sentence; its problems are placed on the node."""
        try:
            text = self.snippets.render(node.mau_cau, node.tham_so, self.context)
            self.para(text, level)
        except CampaignError as exc:
            located = [dataclasses.replace(p, loc=loc) for p in exc.problems]
            raise CampaignError(located) from None

    def para(self, text: str, level: int, prefix: str = "") -> None:
        """A plain body paragraph, with a bullet ``prefix`` ("-", "+") if given."""
        runs = ([Run(prefix + " ")] if prefix else []) + self.citer.runs(text)
        self.out.append(Paragraph("NoiDung", tuple(runs), level))

    def nodes(self, nodes: Sequence[Node], path: Path, base: Loc = ()) -> None:
        """Append ``nodes``, found at field path ``base`` of the campaign."""
        self.items([(n, (*base, i)) for i, n in enumerate(nodes)], path)

    def items(self, items: Sequence[tuple[Node, Loc]], path: Path, start: int = 0) -> int:
        """Append nodes, each with its own field path (for errors); numbered items are
        counted on from ``start`` (an item with ``khong_so`` is not counted). Returns the
        last number given."""
        counter = start
        for node, loc in items:
            if isinstance(node, Doan):
                self.para(node.doan, len(path))
            elif isinstance(node, MauCau):
                self.snippet(node, len(path), loc)
            elif isinstance(node, Gach | Cong):
                mark = "-" if isinstance(node, Gach) else "+"
                self.para(node.gach if isinstance(node, Gach) else node.cong, len(path), mark)
                self.nodes(node.noi_dung, path, (*loc, "noi_dung"))
            elif isinstance(node, Muc) and node.khong_so:
                self.muc(node, (*path, None), loc)
            elif isinstance(node, Muc):
                counter += 1
                self.muc(node, (*path, counter), loc)
        return counter

    def muc(self, node: Muc, path: Path, loc: Loc = ()) -> None:
        """A numbered node at ``path`` (1-based positions from the top level down,
        ``None`` for an unnumbered item)."""
        level = len(path)
        lab = self.scheme.label(path)
        runs: list[Run] = []
        style = "NoiDung"
        texts = [
            t
            for t in (
                node.muc,
                phan_cong(node.phan_cong) if node.phan_cong else None,
                thoi_gian(node.thoi_gian) if node.thoi_gian else None,
            )
            if t
        ]
        if node.tieu_de:
            heading = node.tieu_de
            if texts and heading[-1] not in ":.;?!":
                heading += ":"  # "III. THỜI GIAN THI ĐUA: Từ ngày …"
            if lab:
                runs.append(Run(f"{lab} ", bold=True))
            # Citations are resolved before the capitals, so "[[ct42]]" keeps its key.
            heading_runs = self.citer.runs(heading, bold=True)
            if self.scheme.heading_is_upper(level):
                heading_runs = [dataclasses.replace(r, text=in_hoa(r.text)) for r in heading_runs]
            runs += heading_runs
            # A heading standing alone is kept with what follows (the DeMuc styles);
            # one with its text run in is an ordinary paragraph with a bold label.
            if not texts:
                style = "DeMuc1" if level == 1 else "DeMuc2"
            bold: bool | None = False
        else:
            if lab:
                runs.append(Run(lab))
            bold = None
        for t in texts:
            if runs:
                runs.append(Run(" "))
            runs += self.citer.runs(t, bold=bold)
        self.out.append(Paragraph(style, tuple(runs), level))
        if node.chi_tieu and node.chi_tieu_dang == "bang":
            self.out.append(bang_chi_tieu(node.chi_tieu))
        for i, ct in enumerate(node.chi_tieu if node.chi_tieu_dang == "danh_sach" else [], start=1):
            self.para(chi_tieu(ct, i), level + 1)
            self.nodes(ct.chi_tiet, path, (*loc, "chi_tieu", i - 1, "chi_tiet"))
        self.nodes(node.noi_dung, path, (*loc, "noi_dung"))


def close_body(blocks: list[Block]) -> None:
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
    if not runs:  # a paragraph of markup only ("****")
        runs = [Run("")]
    tail = runs[-1]
    if tail.footnote is not None:
        runs.append(Run(KET_THUC))
    else:
        stripped = tail.text.rstrip()
        if stripped.endswith((".", ";", ",")):
            stripped = stripped[:-1]
        runs[-1] = Run(stripped + KET_THUC, tail.bold, tail.italic)
    blocks[-1] = Paragraph(last.style, tuple(runs), last.level)


def unknown_sections(keys: Iterable[str], known: Sequence[str], kind: str) -> list[Problem]:
    """A problem for each ``phan`` key that the skeleton ``known`` of ``kind`` lacks."""
    valid = ", ".join(known) or "(không có)"
    return [
        Problem(
            f"phần '{key}' không có trong khung của loại văn bản '{kind}';"
            f" các phần hợp lệ: {valid} (hoặc khai báo 'khung')",
            f"section '{key}' is not in the skeleton of kind '{kind}';"
            f" valid: {valid} (or declare 'khung')",
            loc=("phan", key),
            code="unknown-section",
        )
        for key in keys
        if key not in known
    ]


def top_level(campaign: Campaign, kind: Kind) -> list[tuple[Node, Loc]]:
    """The top-level body nodes with their field paths: the skeleton's sections filled
    from ``phan`` (in the skeleton's order, with its headings unless a section names its
    own), then ``noi_dung``."""
    rest: list[tuple[Node, Loc]] = [(n, ("noi_dung", i)) for i, n in enumerate(campaign.noi_dung)]
    if not campaign.phan:
        return rest
    khung = [(k.ma, k.tieu_de) for k in campaign.khung] if campaign.khung else list(kind.khung)
    unknown = unknown_sections(campaign.phan, [key for key, _ in khung], kind.name)
    if unknown:
        raise CampaignError(unknown)
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


def body(campaign: Campaign, kind: Kind, citer: Citer, snippets: Snippets) -> tuple[Block, ...]:
    """The body paragraphs: preamble, then the numbered tree, closed with "./."."""
    builder = BodyBuilder(campaign.danh_so, citer, snippets, snippet_context(campaign, kind))
    for text in campaign.mo_dau:
        builder.para(text, 0)
    builder.items(top_level(campaign, kind), ())
    paragraphs = builder.out
    close_body(paragraphs)
    return tuple(paragraphs)
