"""The Quyết định that issues the document (Mẫu 1.3): its ``quyet_dinh`` block.

From the decision's part: who decides (the line under the title, or the end of the
"(Kèm theo Quyết định số … của …)" line of the attachment, which writes it in normal
case), the căn cứ lines and "Theo đề nghị …" (Phụ lục I, II.6.a; chithi adds their
";" and "."), and the articles after Điều 1, which chithi writes itself ("Ban hành
kèm theo Quyết định này …").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from chithi_gen.check.locate import Components
from chithi_gen.check.read.paragraph import Paragraph
from chithi_gen.importer.body import KET_THUC
from chithi_gen.importer.case import restore
from chithi_gen.importer.parts import Block
from chithi_gen.importer.runs import markup

_DIEU = re.compile(r"^\s*Điều\s+(\d+)\s*[.:]\s*", re.IGNORECASE)
_DE_NGHI = re.compile(r"^\s*(theo|xét)\s+(đề\s+nghị|tờ\s+trình)\b", re.IGNORECASE)
_KEM_THEO_CUA = re.compile(r"\bcủa\s+(?P<ai>.+?)\s*\)\s*$", re.DOTALL)


@dataclass
class Decision:
    """The ``quyet_dinh`` block as data, what Điều 1 says, and notes (vi, en, where)."""

    data: dict[str, Any] = field(default_factory=dict)
    dieu_1: str = ""
    notes: list[tuple[str, str, str]] = field(default_factory=list)


def _line(p: Paragraph, notes: Mapping[str, str]) -> str:
    return markup(p, notes, emphasis=False).rstrip(" ;.,")


def read_decision(
    c: Components, body: list[Block], notes: Mapping[str, str], kem_theo: str | None
) -> Decision:
    """The decision of components ``c`` and body ``body``; ``kem_theo`` is the
    attachment's "(Kèm theo …)" line, if found."""
    out = Decision()
    who = None
    if kem_theo and (m := _KEM_THEO_CUA.search(" ".join(kem_theo.split()))):
        who = m.group("ai")
    if who is None and c.tham_quyen is not None:
        who = restore(" ".join(c.tham_quyen.plain.split()))
    if who is None:
        who = "…"
        out.notes.append(
            (
                "không đọc được thẩm quyền ban hành Quyết định",
                "who issues the decision could not be read",
                "",
            )
        )
    out.data["tham_quyen_ban_hanh"] = who
    can_cu = [_line(p, notes) for p in c.can_cu]
    if can_cu and _DE_NGHI.match(can_cu[-1]):
        de_nghi = can_cu.pop()
        out.data["can_cu"] = can_cu or ["…"]
        out.data["theo_de_nghi"] = de_nghi
    else:
        out.data["can_cu"] = can_cu or ["…"]
    if not can_cu:
        out.notes.append(
            ("không đọc được căn cứ ban hành", "the legal bases could not be read", "")
        )
    articles: list[str] = []
    for block in body:
        if not isinstance(block, Paragraph):
            out.notes.append(
                ("bảng trong Quyết định: chưa nhập", "a table in the decision: not imported", "")
            )
            continue
        m = _DIEU.match(block.text)
        if m:
            articles.append(markup(block, notes, m.end()))
        elif articles:
            articles[-1] += " " + markup(block, notes)
            out.notes.append(
                (
                    "điều có nhiều đoạn: các đoạn được nối thành một",
                    "an article of several paragraphs: joined into one",
                    block.where(),
                )
            )
    if articles and articles[-1].endswith(KET_THUC):
        articles[-1] = articles[-1][: -len(KET_THUC)] + "."
    if articles:
        out.dieu_1 = articles[0]
        if len(articles) > 1:
            out.data["dieu"] = articles[1:]
    return out
