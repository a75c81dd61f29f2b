"""Party documents: how to recognise them (one table, to share with other modules).

Documents of the Communist Party of Việt Nam follow the Party's own rules (in force:
Quy định 399-QĐ/TW of 09/01/2026 and Hướng dẫn 05-HD/VPTW of 27/5/2026, which replaced
Hướng dẫn 36-HD/VPTW), not Nghị định 30/2020/NĐ-CP. This checker could not establish
the text of those two rules reliably, so it implements none of them: it recognises a
Party document by the markers below and gives it one out-of-scope verdict, never the
state rules. An engineer adding the Party's rules should extend ``PARTY_RULES`` here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class PartyMarker:
    """A sign that a document is a Party document, with its description."""

    key: str
    pattern: re.Pattern[str]
    vi: str
    en: str


#: Markers, in the order they are tried. Texts are matched after whitespace folding.
PARTY_MARKERS: tuple[PartyMarker, ...] = (
    PartyMarker(
        "heading",
        re.compile(r"^\W*ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM\W*$"),
        "tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM»",
        "the heading «ĐẢNG CỘNG SẢN VIỆT NAM»",
    ),
    PartyMarker(
        "symbol",
        # "Số 12-CT/HU", "Số: 05-NQ/TU", "Số 150 -QĐ/ĐU": number, hyphen, type / body.
        re.compile(r"^\s*Số\s*:?\s*[\d….\s]*-\s*[A-ZĐ]{1,5}\s*/\s*[A-ZĐ]{1,8}\b"),
        "ký hiệu kiểu văn bản Đảng (số-loại/cơ quan)",
        "a Party-style symbol (number-type/body)",
    ),
    PartyMarker(
        "authority",
        re.compile(r"^\s*T/M\b"),
        "thẩm quyền ký «T/M» (thay mặt) của văn bản Đảng",
        "the Party's «T/M» (on behalf of) authority",
    ),
)

#: The Party's own presentation rules, keyed by component; none are implemented yet
#: (see the module docstring).
PARTY_RULES: dict[str, str] = {}
