"""Nơi nhận and the Lưu line, with the typist's mark (Phụ lục I, II.9.d; III.3).

Each recipient line "- UBND tỉnh (b/c);" becomes an item of ``noi_nhan``; the Lưu
line becomes ``luu`` in every form :mod:`chithi_gen.model.noi_nhan` prints:

==============================  ============================================================
"- Lưu: VT, NV."                ``don_vi: NV``
"- Lưu: VT."                    ``{}``
"- Lưu: VT, NV, TCKH."          ``don_vi: [NV, TCKH]``
"- Lưu: VT, TH (NC)."           ``don_vi: TH (NC)`` (a sub-unit, with its space)
"- Lưu: VT-TH."                 ``don_vi: VT-TH``
"- Lưu: VT, NV (02b)."          ``so_ban_luu: 2``
"PL.(300)" under the list       ``nguoi_soan: PL``, ``so_ban_phat_hanh: 300``
"- Lưu: VT, NV(M)."             ``nguoi_soan: M``: subscript, small (8 pt) or plain mark
==============================  ============================================================

A Party document's last line "- Lưu Văn phòng Tỉnh ủy." names where the copy is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from chithi_gen.check.blanks import is_placeholder
from chithi_gen.check.locate import Components
from chithi_gen.check.locate.closing import recipients
from chithi_gen.check.locate.patterns import DRAFTER
from chithi_gen.check.read.paragraph import Line, Paragraph

_LUU = re.compile(r"^\s*[-–•+]?\s*lưu\b\s*:?\s*(?P<rest>.*?)\s*\.?\s*$", re.IGNORECASE)
_UNIT = re.compile(r"^[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*(?:\s*\(\s*[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*\s*\))?$")
_GLUED = re.compile(r"^(?P<ten>[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)\((?P<mark>[A-ZĐ0-9]+)\)$")
_COPIES = re.compile(r"\s*\(\s*(\d{1,3})\s*b\s*\)$")
_DRAFTER = re.compile(r"^(?P<mark>[A-ZĐ][A-ZĐ0-9]*)\.\s*\((?P<n>\d+)\)\.?$")
_HO_SO = "Hồ sơ"
#: The list is 11 pt (Phụ lục I, II.9.d): a mark at most this size is a small one.
_SMALL = 9.5


@dataclass
class Closing:
    """``noi_nhan``, ``luu`` and, for a Party document, where the copy is kept."""

    noi_nhan: list[str] = field(default_factory=list)
    luu: dict[str, Any] = field(default_factory=dict)
    noi_luu: str | None = None
    notes: list[tuple[tuple[str | int, ...], str, str]] = field(default_factory=list)


def _clean(text: str) -> str:
    return " ".join(text.split()).lstrip("-–•+ ").rstrip(";.,").strip()


def _mark(line: Line) -> tuple[str, str] | None:
    """The typist's mark set small or in subscript on the Lưu line: (text, kieu)."""
    for seg in line.segments:
        text = seg.text.strip()
        if not text:
            continue
        if seg.props.vert_align == "subscript":
            return text, "chi_so_duoi"
        if seg.props.size_pt <= _SMALL and text.startswith("("):
            return text, "chu_nho"
    return None


def _units(rest: str, out: Closing) -> tuple[list[str], str | None]:
    """The units after "VT" (VT dropped), and a mark glued to the first one ("NV(M)")."""
    units = [u.strip() for u in re.split(r"[,+]", rest) if u.strip()]
    copies = _COPIES.search(units[-1]) if units else None
    if copies:
        out.luu["so_ban_luu"] = int(copies.group(1))
        units[-1] = units[-1][: copies.start()].strip()
    if units and units[0] == "VT":
        units = units[1:]
    elif units and not units[0].startswith("VT-"):
        out.notes.append(
            (
                ("luu",),
                "dòng Lưu không bắt đầu bằng VT (Văn thư); chithi luôn in VT đầu tiên",
                "the Lưu line does not start with VT (the Văn thư); chithi always prints it",
            )
        )
    glued = None
    kept: list[str] = []
    for i, unit in enumerate(units):
        m = _GLUED.match(unit)
        if m and i == 0:
            glued = m.group("mark")
            unit = m.group("ten")
        if unit.lower() == _HO_SO.lower():
            kept.append(_HO_SO)
        elif _UNIT.match(unit):
            kept.append(unit)
        else:
            out.notes.append(
                (
                    ("luu",),
                    f"đơn vị lưu '{unit}' không phải chữ viết tắt; chưa nhập",
                    f"filing unit '{unit}' is not an abbreviation; not imported",
                )
            )
    return kept, glued


def _luu(line: Line, out: Closing, party: bool) -> None:
    text = " ".join(line.text.split())
    rest = _LUU.match(text)
    body = rest.group("rest") if rest else ""
    if party:
        out.noi_luu = body.rstrip(".") or None
        return
    if is_placeholder(body) or not body:
        out.notes.append(
            (
                ("luu",),
                "không đọc được dòng Lưu; hãy ghi đơn vị soạn thảo (don_vi)",
                "the Lưu line could not be read; give the drafting unit (don_vi)",
            )
        )
        return
    mark = _mark(line)
    if mark is not None:
        body = body.replace(mark[0], "", 1)
    units, glued = _units(body, out)
    if units:
        out.luu["don_vi"] = units[0] if len(units) == 1 else units
    found = mark[0].strip("()") if mark else glued
    if found:
        out.luu["nguoi_soan"] = found  # after the unit: the default without copies issued
        if mark and mark[1] != "chi_so_duoi":
            out.luu["kieu_nguoi_soan"] = mark[1]
        elif not mark:
            out.luu["kieu_nguoi_soan"] = "thuong"


def _drafter(paras: list[Paragraph], out: Closing) -> None:
    """The typist's mark on its own line under the list ("PL.(300)", ô số 12)."""
    for p in paras:
        for line in p.lines():
            m = _DRAFTER.match(" ".join(line.text.split()))
            if m and DRAFTER.match(" ".join(line.text.split())):
                if "nguoi_soan" in out.luu:
                    out.notes.append(
                        (
                            ("luu",),
                            "có cả ký hiệu người soạn thảo sau đơn vị và dòng riêng; giữ dòng"
                            " riêng",
                            "the typist's mark stands both after the unit and on its own line;"
                            " the line is kept",
                        )
                    )
                out.luu.pop("kieu_nguoi_soan", None)
                out.luu["nguoi_soan"] = m.group("mark")
                out.luu["so_ban_phat_hanh"] = int(m.group("n"))
                return


def read_closing(paras: list[Paragraph], c: Components) -> Closing:
    """Nơi nhận and Lưu of the located components ``c`` of ``paras``."""
    out = Closing()
    party = c.party_heading is not None
    lines: list[Line] = list(c.noi_nhan)
    luu = next((ln for ln in reversed(lines) if _LUU.match(" ".join(ln.text.split()))), None)
    texts: list[str] = []
    for line in lines:
        if line is luu:
            continue
        raw = " ".join(line.text.split())
        if texts and not raw.startswith(("-", "–", "•", "+")) and not texts[-1].endswith(";"):
            texts[-1] += " " + raw  # a long recipient typed over two lines
        else:
            texts.append(raw)
    for raw in texts:
        text = _clean(raw)
        if not text or is_placeholder(text):
            out.notes.append(
                (
                    ("noi_nhan", len(out.noi_nhan)),
                    "không đọc được nơi nhận này; hãy ghi tên cơ quan, đơn vị",
                    "this recipient could not be read; write its name",
                )
            )
            text = "…"
        out.noi_nhan.append(text)
    if luu is not None:
        _luu(luu, out, party)
    elif c.noi_nhan_label is not None:
        out.notes.append((("luu",), "không có dòng Lưu", "there is no Lưu line"))
    if c.noi_nhan_label is not None:
        _drafter(recipients(paras, c.noi_nhan_label)[1], out)
    if "nguoi_soan" in out.luu and "don_vi" not in out.luu and "so_ban_phat_hanh" not in out.luu:
        out.luu.pop("nguoi_soan")
        out.luu.pop("kieu_nguoi_soan", None)
    return out
