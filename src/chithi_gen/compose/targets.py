"""Chỉ tiêu (targets) and thời gian thi đua (the campaign period) as text or a table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from chithi_gen.document import Table
from chithi_gen.inline import plain
from chithi_gen.model import ChiTieu, ThoiGianThiDua
from chithi_gen.vi.ngay import format_ngay
from chithi_gen.vi.so import format_so


def thoi_gian(tg: ThoiGianThiDua) -> str:
    """ "Từ ngày phát động thi đua đến hết ngày 31 tháng 12 năm 2020."."""
    tu = format_ngay(tg.tu) if isinstance(tg.tu, date) else tg.tu
    return f"Từ {tu} đến hết {format_ngay(tg.den)}."


def chi_tieu(ct: ChiTieu, n: int) -> str:
    """Target ``n`` as a line: "(1) Thu ngân sách trên địa bàn: 27.716 triệu đồng."."""
    if ct.van_ban and not ct.ten:
        return f"({n}) {ct.van_ban}"
    text = f"({n}) {ct.ten}"
    if ct.gia_tri is not None:
        value = format_so(ct.gia_tri)
        unit = ct.don_vi or ""
        sep = "" if unit[:1] in ("%", "‰", "") else " "
        text += f": {value}{sep}{unit}"
    elif ct.don_vi:
        text += f": {ct.don_vi}"
    if ct.ghi_chu:
        text += f" {ct.ghi_chu}"
    if ct.van_ban:
        text += f" {ct.van_ban}"
    if text[-1] not in ".;:!?":
        text += "."
    return text


def _ratio(now: Decimal, before: Decimal) -> str:
    if before == 0:
        return ""
    return format_so((now / before * 100).quantize(Decimal("0.1")))


def bang_chi_tieu(targets: Sequence[ChiTieu]) -> Table:
    """Targets as a table: STT, chỉ tiêu, đơn vị tính, value, and — when any target has
    last year's result — that result and the ratio in percent."""
    compare = any(t.nam_truoc is not None for t in targets)
    header = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch"]
    widths = [0.09, 0.51, 0.18, 0.22]
    if compare:
        header[3:] = ["Thực hiện năm trước", "Kế hoạch", "So sánh (%)"]
        widths = [0.09, 0.36, 0.14, 0.15, 0.13, 0.13]
    rows = [tuple(header)]
    for n, t in enumerate(targets, start=1):
        name = plain(" ".join(x for x in (t.ten, t.ghi_chu, t.van_ban) if x))
        value = format_so(t.gia_tri) if t.gia_tri is not None else ""
        row = [str(n), name, t.don_vi or "", value]
        if compare:
            before = format_so(t.nam_truoc) if t.nam_truoc is not None else ""
            ratio = (
                _ratio(t.gia_tri, t.nam_truoc)
                if t.gia_tri is not None and t.nam_truoc is not None
                else ""
            )
            row[3:] = [before, value, ratio]
        rows.append(tuple(row))
    align = ("center", "left", "center", *(["right"] * (len(header) - 3)))
    return Table(tuple(rows), widths=tuple(widths), align=align, header_rows=1)
