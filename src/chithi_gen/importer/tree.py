"""The body tree and its numbering scheme, from the items in reading order.

Each numbered style found takes a level by its rank (Roman above Arabic above decimal
above letters: Phụ lục I, II.6.đ), so ``[la_ma, so, chu]``, ``[so, chu]`` or
``[so, thap_phan]`` come out as the document numbers itself. An unnumbered heading
stands one level above the items numbered from 1 under it (a ``khong`` level when
they are the top one). Items then nest by level; bullets go under the item before
them ("+" under its "-"), free paragraphs under the open item; the free paragraphs
before the first item are the preamble (``mo_dau``), those after the last one close
the body at its top level.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chithi_gen.importer.case import is_capitals, restore
from chithi_gen.importer.items import Item, as_heading, heading_candidate
from chithi_gen.importer.labels import Label
from chithi_gen.numbering import PRESETS, Scheme, Style


@dataclass
class Node:
    """A node of the body tree: an item with its children (``depth`` 1 at the top)."""

    item: Item
    depth: int = 0
    children: list[Node] = field(default_factory=list)
    targets: list[dict[str, Any]] | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Tree:
    """The body: the preamble, the top-level nodes and the level styles found."""

    mo_dau: list[Item]
    nodes: list[Node]
    levels: tuple[Style, ...]
    #: What could not be placed in the tree (vi, en, where).
    notes: list[tuple[str, str, str]] = field(default_factory=list)


def _key(label: Label) -> int | None:
    return label.rank


def _levels(items: list[Item]) -> tuple[dict[int, int], list[Style]]:
    """Rank of each numbered style -> its level (1-based), and the styles by level."""
    ranks: dict[int, Style] = {}
    for it in items:
        if it.kind == "muc" and it.label is not None and (r := _key(it.label)) is not None:
            ranks.setdefault(r, it.label.style)
    order = sorted(ranks)
    return {r: i + 1 for i, r in enumerate(order)}, [ranks[r] for r in order]


def _headings(items: list[Item], level_of: dict[int, int]) -> dict[int, int]:
    """Unnumbered headings (index -> level of the items under them, numbered from 1)."""
    found: dict[int, int] = {}
    for i, it in enumerate(items):
        if not heading_candidate(it):
            continue
        nxt = items[i + 1] if i + 1 < len(items) else None
        if nxt is None or nxt.kind != "muc" or nxt.label is None:
            continue
        rank = _key(nxt.label)
        if rank is None or (nxt.label.number not in (1, None)):
            continue
        found[i] = level_of[rank]
    return found


def build(items: list[Item]) -> Tree:
    """The body tree of ``items`` (the body's paragraphs in reading order)."""
    level_of, styles = _levels(items)
    headings = _headings(items, level_of)
    shift = 1 if any(level == 1 for level in headings.values()) else 0
    levels: list[Style] = ["khong", *styles] if shift else list(styles)
    mo_dau: list[Item] = []
    roots: list[Node] = []
    stack: list[Node] = []
    bullets: list[Node] = []
    started = False
    stray: list[tuple[str, str, str]] = []
    # Free paragraphs after the last item close the body: they stand at its top level.
    closing = next((i for i in range(len(items) - 1, -1, -1) if items[i].kind != "doan"), -1)
    for i, item in enumerate(items):
        if item.kind == "bang":
            if item.targets is not None and stack and stack[-1].targets is None:
                stack[-1].targets = item.targets
                stack[-1].notes += item.notes
            else:
                stray.append(_table_note(item))
            continue
        if i in headings:
            item = as_heading(item)
            want = headings[i] - 1 + shift
        elif item.kind == "muc" and item.label is not None and _key(item.label) is not None:
            want = level_of[_key(item.label) or 0] + shift
        else:
            want = 0
        if not started and item.kind == "doan":
            mo_dau.append(item)
            continue
        started = True
        node = Node(item)
        if want:
            while stack and stack[-1].depth >= want:
                stack.pop()
            parent = stack[-1] if stack else None
            node.depth = parent.depth + 1 if parent else 1
            if node.depth != want:
                node.notes.append(_level_note(item, want, node.depth))
            (parent.children if parent else roots).append(node)
            stack.append(node)
            bullets = []
            continue
        owner = stack[-1].children if stack and i <= closing else roots
        if item.kind == "cong" and bullets and bullets[-1].item.kind == "gach":
            bullets[-1].children.append(node)
            bullets = [bullets[-1], node]
        elif item.kind == "cong" and len(bullets) > 1 and bullets[-1].item.kind == "cong":
            bullets[0].children.append(node)
            bullets = [bullets[0], node]
        elif item.kind in ("gach", "cong"):
            owner.append(node)
            bullets = [node]
        else:
            owner.append(node)
            bullets = []
    _capitals(roots, Scheme(tuple(levels) or PRESETS["la_ma"]))
    return Tree(mo_dau, roots, tuple(levels), stray)


def _table_note(item: Item) -> tuple[str, str, str]:
    where = item.paragraph.where()
    if item.targets is None:
        return (
            "bảng trong nội dung không phải bảng chỉ tiêu của chithi (STT, Chỉ tiêu, Đơn vị"
            " tính, Kế hoạch): chưa nhập, hãy chép lại",
            "a table of the body is not a chithi target table (STT, Chỉ tiêu, Đơn vị tính,"
            " Kế hoạch): not imported, copy it by hand",
            where,
        )
    return (
        "bảng chỉ tiêu không đứng ngay sau một mục được đánh số: chưa nhập",
        "a target table that does not follow a numbered item: not imported",
        where,
    )


def _level_note(item: Item, want: int, got: int) -> tuple[str, str]:
    label = item.label.text if item.label else ""
    return (
        f"mục '{label}' ở cấp {want} nhưng mục trên nó ở cấp {got - 1}: chithi đặt nó ở cấp"
        f" {got} và đánh số theo cấp đó",
        f"item '{label}' is at level {want} but the item above it at level {got - 1}:"
        f" chithi puts it at level {got} and numbers it as that level",
    )


def _capitals(nodes: list[Node], scheme: Scheme) -> None:
    """Headings of a Roman level are printed in capitals: written in sentence case."""
    for node in nodes:
        it = node.item
        if it.tieu_de and scheme.heading_is_upper(node.depth) and is_capitals(it.tieu_de):
            it.tieu_de = restore(it.tieu_de, names=False)
        _capitals(node.children, scheme)


def scheme_value(levels: tuple[Style, ...]) -> str | list[str] | None:
    """``danh_so`` for the level styles found: a preset's name, a list, or None (the
    default, ``la_ma``, or no numbered item)."""
    if not levels:
        return None
    for name in ("la_ma", "thap_phan"):
        preset = PRESETS[name]
        if levels == preset[: len(levels)] and (len(levels) >= 2 or name == "la_ma"):
            return None if name == "la_ma" else name
    return list(levels)


def check_labels(nodes: list[Node], scheme: Scheme, path: tuple[int | None, ...] = ()) -> None:
    """Note each item whose printed number differs from the one chithi computes."""
    counter = 0
    for node in nodes:
        it = node.item
        if it.kind not in ("muc", "tieu_de"):
            check_labels(node.children, scheme, path)
            continue
        if it.kind == "tieu_de" or (it.label is not None and scheme.style(node.depth) == "khong"):
            here: tuple[int | None, ...] = (*path, None)
        else:
            counter += 1
            here = (*path, counter)
        label = it.label
        if label is not None and not label.automatic and here[-1] is not None:
            computed = scheme.label(here)
            if computed.rstrip(".)/ ") != label.text.rstrip(".)/ "):
                node.notes.append(
                    (
                        f"số thứ tự trong văn bản là '{label.text}', chithi đánh số '{computed}'",
                        f"the document numbers it '{label.text}', chithi numbers it '{computed}'",
                    )
                )
        check_labels(node.children, scheme, here)
