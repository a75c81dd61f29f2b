"""The body of a part as the campaign file writes it: ``mo_dau``, ``noi_dung``, ``danh_so``.

The body's blocks (:mod:`~chithi_gen.importer.parts`) are read as items
(:mod:`~chithi_gen.importer.items`), built into the tree and its scheme
(:mod:`~chithi_gen.importer.tree`), checked against the numbers chithi computes, and
written as data; the closing "./." (Mẫu 1.4) is dropped, since chithi adds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from chithi_gen.check.read.paragraph import Paragraph
from chithi_gen.check.read.styles import Styles
from chithi_gen.importer.items import Item, read_item
from chithi_gen.importer.notes import Notes, Path
from chithi_gen.importer.parts import Block, Table
from chithi_gen.importer.runs import plain
from chithi_gen.importer.targets import columns, is_chithi_table, read_targets
from chithi_gen.importer.tree import Node, build, check_labels, scheme_value
from chithi_gen.numbering import PRESETS, Scheme

#: The closing mark of an ND30 body (Mẫu 1.4).
KET_THUC = "./."
_ENDS = (".", ";", ":", "!", "?", "…", ")", '"', "”")


@dataclass
class Body:
    """The body as data, and what could not be read in it."""

    mo_dau: list[str] = field(default_factory=list)
    noi_dung: list[Any] = field(default_factory=list)
    danh_so: str | list[str] | None = None
    notes: Notes = field(default_factory=Notes)


def _closing(blocks: list[Block]) -> tuple[list[Block], Paragraph | None, int | None]:
    """The blocks without a "./." paragraph, and the last paragraph with where its
    text stops before "./." (None when it has none)."""
    blocks = list(blocks)
    while blocks and isinstance(blocks[-1], Paragraph) and plain(blocks[-1]) == KET_THUC:
        blocks.pop()
    last = blocks[-1] if blocks else None
    if isinstance(last, Paragraph):
        text = last.text.rstrip()
        if text.endswith(KET_THUC):
            return blocks, last, len(text) - len(KET_THUC)
    return blocks, None, None


def _items(
    blocks: list[Block], styles: Styles, notes: Mapping[str, str], closing: bool
) -> list[Item]:
    blocks, last, end = _closing(blocks) if closing else (blocks, None, None)
    items: list[Item] = []
    for block in blocks:
        if isinstance(block, Table):
            items.append(_table(block))
            continue
        item = read_item(block, styles, notes, end if block is last else None)
        if block is last and item.text and not item.text.endswith(_ENDS):
            item.text += "."  # chithi writes "./." for a final full stop
        items.append(item)
    return items


def _table(table: Table) -> Item:
    """A table of the body: its targets when it is a chỉ tiêu table (None otherwise)."""
    cols = columns(table)
    if cols is None:
        return Item("bang", table.first)
    targets, odd = read_targets(table, cols)
    item = Item("bang", table.first, targets=targets)
    if not is_chithi_table(table):
        item.notes.append(
            (
                "bảng chỉ tiêu được đọc theo tiêu đề cột; chithi in lại với các cột STT, Chỉ"
                " tiêu, Đơn vị tính, (Thực hiện năm trước,) Kế hoạch (, So sánh (%))",
                "the target table was read by its column headings; chithi prints it with its"
                " own columns",
            )
        )
    if odd:
        item.notes.append(
            (
                "ô không phải số được ghi vào 'ghi_chu': " + ", ".join(odd),
                "cells that are not numbers were put in 'ghi_chu'",
            )
        )
    return item


def read_body(
    blocks: list[Block], styles: Styles, footnotes: Mapping[str, str], *, closing: bool = True
) -> Body:
    """The body of ``blocks``; ``closing``: the document ends its body with "./."."""
    tree = build(_items(blocks, styles, footnotes, closing))
    body = Body()
    for vi, en, where in tree.notes:
        body.notes.add(("noi_dung",), vi, en, where)
    scheme = Scheme(tree.levels or PRESETS["la_ma"])
    check_labels(tree.nodes, scheme)
    body.danh_so = scheme_value(tree.levels)
    if tree.nodes:
        body.mo_dau = [it.text or "" for it in tree.mo_dau]
        body.noi_dung = [
            _data(n, ("noi_dung", i), scheme, body.notes) for i, n in enumerate(tree.nodes)
        ]
    else:
        body.noi_dung = [it.text or "" for it in tree.mo_dau]
    if not body.noi_dung:
        body.noi_dung = ["…"]
        body.notes.add(
            ("noi_dung",),
            "không tìm thấy nội dung văn bản; hãy viết nội dung",
            "no body text was found; write the body",
        )
    return body


def _data(node: Node, path: Path, scheme: Scheme, notes: Notes) -> Any:
    """One node as the campaign file writes it."""
    it = node.item
    for vi, en in [*it.notes, *node.notes]:
        notes.add(path, vi, en, it.paragraph.where())
    children = [
        _data(child, (*path, "noi_dung", i), scheme, notes) for i, child in enumerate(node.children)
    ]
    if it.kind == "doan":
        return it.text
    if it.kind in ("gach", "cong"):
        out: dict[str, Any] = {it.kind: it.text}
    else:
        out = {}
        if it.tieu_de:
            out["tieu_de"] = it.tieu_de
        if it.text:
            out["muc"] = it.text
        if it.kind == "tieu_de" and scheme.style(node.depth) != "khong":
            out["khong_so"] = True
        if node.targets:
            out["chi_tieu_dang"] = "bang"
            out["chi_tieu"] = node.targets
    if children:
        out["noi_dung"] = children
    return out
