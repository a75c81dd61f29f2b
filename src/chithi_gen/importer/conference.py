"""A Kế hoạch tổ chức hội nghị read back into its ``hoi_nghi`` block (kind ``ke_hoach_hoi_nghi``).

The kind's step (:mod:`chithi_gen.kinds.hoi_nghi`) writes three sections of its
skeleton from the block — "Thời gian: 08 giờ 00, ngày 10 tháng 7 năm 2026;" /
"Địa điểm: …", the participants as dash lines, "<tên hội nghị> diễn ra theo chương
trình sau:" and the programme table (Thời gian, Nội dung, Thực hiện). When a Kế hoạch
has that table and its sections are the kind's skeleton in order, they are read back:
the block from the three, the other sections under ``phan`` by their key.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from chithi_gen.importer.parts import Block, Table
from chithi_gen.kinds import Kind, Registry
from chithi_gen.reference._chuan_hoa import khoa

_AGENDA = ("thời gian", "nội dung", "thực hiện")
_WHEN = re.compile(
    r"^Thời gian:\s*(?P<gio>.+?),\s*ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*"
    r"(?P<y>\d{4})\s*[;.]?$"
)
_WHERE = re.compile(r"^Địa điểm:\s*(?P<noi>.+?)\s*[;.]?$")
_NAME = re.compile(r"^(?P<ten>.+?)\s+diễn ra theo chương trình sau:$")
_WRITTEN = ("thoi_gian_dia_diem", "thanh_phan", "chuong_trinh")


def _agenda(blocks: list[Block]) -> Table | None:
    for block in blocks:
        if isinstance(block, Table):
            rows = block.texts()
            if rows and tuple(c.lower() for c in rows[0]) == _AGENDA:
                return block
    return None


def _kind(registry: Registry, kind: Kind) -> Kind | None:
    return next(
        (
            k
            for k in registry.values()
            if k.buoc_soan == "hoi_nghi" and not k.issuing and k.ten_loai == kind.ten_loai
        ),
        None,
    )


def _lines(section: dict[str, Any]) -> list[str]:
    return [
        str(c["gach"]).rstrip(" ;.")
        for c in section.get("noi_dung", [])
        if isinstance(c, dict) and "gach" in c
    ]


def read_conference(
    data: dict[str, Any], blocks: list[Block], registry: Registry, kind: Kind
) -> Table | None:
    """Turn ``data`` (a Kế hoạch read as ``noi_dung``) into a conference plan when it is
    one; returns the programme table read (None when ``data`` is left as it was)."""
    table = _agenda(blocks)
    conference = _kind(registry, kind) if table is not None else None
    if table is None or conference is None:
        return None
    headings = {khoa(h): key for key, h in conference.khung}
    order = [key for key, _ in conference.khung]
    sections: dict[str, dict[str, Any]] = {}
    rest: list[Any] = []
    for node in data.get("noi_dung", []):
        if isinstance(node, str):
            rest.append(node)  # the closing paragraphs after the sections
            continue
        key = headings.get(khoa(str(node.get("tieu_de", ""))))
        if key is None or rest or key in sections:
            return None
        if sections and order.index(key) < order.index(list(sections)[-1]):
            return None
        sections[key] = node
    if any(key not in sections for key in _WRITTEN):
        return None
    block = _block(sections, table)
    if block is None:
        return None
    data["loai"] = conference.name
    phan: dict[str, Any] = {}
    for key, node in sections.items():
        if key in _WRITTEN:
            continue
        body = {k: v for k, v in node.items() if k != "tieu_de"}
        phan[key] = body["noi_dung"] if list(body) == ["noi_dung"] else body
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "noi_dung":
            out["hoi_nghi"] = block
            if phan:
                out["phan"] = phan
            if rest:
                out["noi_dung"] = rest
        elif key != "danh_so" or value:
            out[key] = value
    data.clear()
    data.update(out)
    return table


def _block(sections: dict[str, dict[str, Any]], table: Table) -> dict[str, Any] | None:
    when, where = [*_lines(sections["thoi_gian_dia_diem"]), "", ""][:2]
    m, w = _WHEN.match(when + ";"), _WHERE.match(where)
    name = _NAME.match(str(sections["chuong_trinh"].get("muc", "")))
    participants = _lines(sections["thanh_phan"])
    if not (m and w and name and participants):
        return None
    try:
        day = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    agenda: list[dict[str, str]] = []
    for row in table.texts()[1:]:
        item = {"gio": row[0], "noi_dung": row[1]}
        if len(row) > 2 and row[2]:
            item["thuc_hien"] = row[2]
        agenda.append(item)
    return {
        "ten": name.group("ten"),
        "ngay": day,
        "gio": m.group("gio"),
        "dia_diem": w.group("noi"),
        "thanh_phan": participants,
        "chuong_trinh": agenda,
    }
