"""The names of administrative documents and their abbreviations (Phụ lục III, Mục I).

Nghị định 30/2020/NĐ-CP, Điều 7 lists the types of administrative documents; the
table of Phụ lục III, Mục I gives the abbreviation each one takes in the ký hiệu
(symbol) of its number, e.g. "Số: 15/QĐ-BNV". A công văn has no tên loại and so no
abbreviation: its symbol is the agency's and the drafting unit's ("Số: 12/UBND-VX").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocName:
    """A type of document of Phụ lục III, Mục I: its name and abbreviation."""

    name: str
    abbr: str


#: Phụ lục III, Mục I, in the table's order (the copies last).
TABLE: tuple[DocName, ...] = (
    DocName("Nghị quyết", "NQ"),
    DocName("Quyết định", "QĐ"),
    DocName("Chỉ thị", "CT"),
    DocName("Quy chế", "QC"),
    DocName("Quy định", "QyĐ"),
    DocName("Thông cáo", "TC"),
    DocName("Thông báo", "TB"),
    DocName("Hướng dẫn", "HD"),
    DocName("Chương trình", "CTr"),
    DocName("Kế hoạch", "KH"),
    DocName("Phương án", "PA"),
    DocName("Đề án", "ĐA"),
    DocName("Dự án", "DA"),
    DocName("Báo cáo", "BC"),
    DocName("Biên bản", "BB"),
    DocName("Tờ trình", "TTr"),
    DocName("Hợp đồng", "HĐ"),
    DocName("Công điện", "CĐ"),
    DocName("Bản ghi nhớ", "BGN"),
    DocName("Bản thỏa thuận", "BTT"),
    DocName("Giấy ủy quyền", "GUQ"),
    DocName("Giấy mời", "GM"),
    DocName("Giấy giới thiệu", "GGT"),
    DocName("Giấy nghỉ phép", "GNP"),
    DocName("Phiếu gửi", "PG"),
    DocName("Phiếu chuyển", "PC"),
    DocName("Phiếu báo", "PB"),
    DocName("Bản sao y", "SY"),
    DocName("Bản trích sao", "TrS"),
    DocName("Bản sao lục", "SL"),
)

#: Every abbreviation of the table.
ABBREVIATIONS = frozenset(d.abbr for d in TABLE)

#: Spelling variants of the tone marks ("hoà"/"hòa", "uỷ"/"ủy") read as one.
_TONE_VARIANTS = {
    "OÀ": "ÒA",
    "OÁ": "ÓA",
    "OẢ": "ỎA",
    "OÃ": "ÕA",
    "OẠ": "ỌA",
    "UỶ": "ỦY",
    "UỲ": "ỦY",
}


def fold(text: str) -> str:
    """Upper case with the old and new tone placements made equal ("THOẢ" = "THỎA")."""
    out = " ".join(text.upper().split())
    for old, new in _TONE_VARIANTS.items():
        out = out.replace(old, new)
    return out


def by_title(title: str) -> DocName | None:
    """The type whose name the tên loại ``title`` is (or begins with), if any."""
    folded = fold(title).strip(" .:")
    best: DocName | None = None
    for entry in TABLE:
        name = fold(entry.name)
        matches = folded == name or folded.startswith(name + " ")
        if matches and (best is None or len(entry.name) > len(best.name)):
            best = entry
    return best
