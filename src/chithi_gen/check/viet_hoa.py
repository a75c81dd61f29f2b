"""Capitalisation of bodies and titles (Phụ lục II, IV.1 and V.3): the data the rule reads.

Phụ lục II, IV.1.a: "Viết hoa chữ cái đầu của các từ, cụm từ chỉ loại hình cơ quan, tổ
chức; chức năng, lĩnh vực hoạt động" — "Ủy ban nhân dân tỉnh Sơn La", "Hội đồng nhân
dân", "Sở Tài chính", "Ban Chỉ đạo"; V.3: a title before a person's name is capitalised
on its first word and its proper part only — "Chủ tịch Quốc hội", "Bộ trưởng".

Only unambiguous misspellings are listed: a capital inside the common part of the name
("Ủy Ban Nhân Dân", "Ủy ban Nhân dân", "Chủ Tịch", "Giám Đốc"), which no reading of
Phụ lục II allows. A lower-case name used generically ("các ủy ban") is not judged.
"""

from __future__ import annotations

#: Canonical form -> the words that must stay in lower case (after the first).
CANONICAL: tuple[str, ...] = (
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Ban Chấp hành",
    "Ban Thường vụ",
    "Ban Chỉ đạo",
    "Mặt trận Tổ quốc",
    "Văn phòng",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Giám đốc",
    "Phó Giám đốc",
    "Tổng Giám đốc",
    "Bộ trưởng",
    "Thứ trưởng",
    "Thủ tướng",
    "Phó Thủ tướng",
    "Hiệu trưởng",
    "Phó Hiệu trưởng",
    "Trưởng phòng",
    "Phó Trưởng phòng",
    "Chánh Văn phòng",
    "Trưởng ban",
    "Phó Trưởng ban",
    "Cục trưởng",
    "Vụ trưởng",
    "Chánh Thanh tra",
)
