"""The signer (người ký) from the authority lines and the name (Phụ lục I, II.7).

"TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / "Hoàng Văn Minh" →
``tham_quyen: KT.``, ``tap_the: Ủy ban nhân dân``, ``cap_truong: Chủ tịch``,
``chuc_vu: Phó Chủ tịch``, ``ho_ten: Hoàng Văn Minh``. The Party's forms "T/M", "K/T",
"T/L" are read as "TM.", "KT.", "TL." (the Party layout prints them back).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from chithi_gen.check.blanks import is_placeholder, is_template_wording
from chithi_gen.check.locate.components import Signature
from chithi_gen.importer.case import restore

_PREFIX = re.compile(r"^\s*(TM|KT|Q|TL|TUQ|T/M|K/T|T/L)\s*[.:]?\s+(?P<rest>\S.*)$", re.IGNORECASE)
_NORMAL = {"T/M": "TM.", "K/T": "KT.", "T/L": "TL."}


@dataclass
class Signer:
    """``nguoi_ky`` as data, and what could not be read (vi, en)."""

    data: dict[str, Any] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)


def _prefix(line: str) -> tuple[str, str] | None:
    m = _PREFIX.match(line)
    if not m:
        return None
    key = m.group(1).upper()
    return _NORMAL.get(key, key.rstrip(".") + "."), m.group("rest").strip()


def read_signer(sig: Signature | None) -> Signer:
    """The signer of signature block ``sig``."""
    out = Signer()
    lines = [" ".join(ln.plain.split()) for ln in (sig.authority if sig else [])]
    lines = [t for t in lines if t]
    data = out.data
    rest = list(lines)
    if rest and (found := _prefix(rest[0])) and found[0] == "TM.":
        data["tham_quyen"], data["tap_the"] = "TM.", restore(found[1])
        rest = rest[1:]
    if rest and (found := _prefix(rest[0])):
        data["tham_quyen"], data["cap_truong"] = found[0], restore(found[1])
        rest = rest[1:]
    if rest:
        data["chuc_vu"] = restore(" ".join(rest))
    if data.get("tham_quyen") == "Q." and "chuc_vu" in data:
        out.notes.append(
            (
                f"ký 'Q.' không có dòng chức vụ riêng; dòng '{data.pop('chuc_vu')}' bị bỏ",
                "'Q.' has no title line of its own; the extra line is left out",
            )
        )
    name = " ".join(sig.signer.plain.split()) if sig and sig.signer else ""
    if sig and not name:
        # A name left as the sample's "(Họ và tên)" reads as a note under the authority.
        after = [
            " ".join(ln.plain.split())
            for p in sig.paragraphs
            for ln in p.lines()
            if ln.text.strip() and not any(ln is a or ln.text == a.text for a in sig.authority)
        ]
        name = after[-1] if after else ""
    if not name or is_placeholder(name) or is_template_wording(name):
        out.notes.append(
            (
                "không đọc được họ tên người ký; hãy ghi họ tên",
                "the signer's name could not be read; write it",
            )
        )
        name = name or "…"
    data["ho_ten"] = name
    if not lines:
        out.notes.append(
            (
                "không đọc được quyền hạn, chức vụ người ký; hãy ghi chuc_vu",
                "the signer's authority and title could not be read; write chuc_vu",
            )
        )
        data["chuc_vu"] = "…"
    return out
