"""The format of the components (Phụ lục I, II.1–II.9): size, bold, italic, capitals.

The Quốc hiệu, Tiêu ngữ, agencies, number, date, tên loại, trích yếu or V/v, Nơi nhận
and signature each get the size (nearest bound of the range), weight and slant their
clause asks, on the runs of their own lines; where capitals are required ``w:caps`` is
set — the letters typed are never changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from chithi_gen.check.fix.job import Job
from chithi_gen.check.fix.result import Change
from chithi_gen.check.fix.xml import RPR_ORDER, is_script, line_runs, order_children, set_val
from chithi_gen.check.read.ooxml import w
from chithi_gen.check.read.paragraph import Line
from chithi_gen.check.read.styles import Styles


@dataclass(frozen=True)
class Spec:
    """The format a component must have: size range, bold, italic, capitals."""

    rule_id: str
    name_vi: str
    name_en: str
    sizes: tuple[float, float]
    bold: bool | None
    italic: bool | None
    caps: bool = False


#: The format of each component the fixer reformats, with the rule it serves.
SPECS: dict[str, Spec] = {
    "quoc_hieu": Spec(
        "ND30-QUOCHIEU-FORMAT", "Quốc hiệu", "national name", (12, 13), True, False, True
    ),
    "tieu_ngu": Spec("ND30-TIEUNGU-FORMAT", "Tiêu ngữ", "motto", (13, 14), True, False),
    "chu_quan": Spec(
        "ND30-CHUQUAN-FORMAT", "cơ quan chủ quản", "parent agency", (12, 13), False, False, True
    ),
    "co_quan": Spec(
        "ND30-COQUAN-FORMAT", "cơ quan ban hành", "issuing agency", (12, 13), True, False, True
    ),
    "so": Spec("ND30-SOKYHIEU-FORMAT", "số, ký hiệu", "number", (13, 13), False, False),
    "ngay": Spec(
        "ND30-NGAY-FORMAT", "địa danh, ngày tháng", "place and date", (13, 14), False, True
    ),
    "ten_loai": Spec("ND30-TENLOAI-FORMAT", "tên loại", "type name", (13, 14), True, False, True),
    "trich_yeu": Spec("ND30-TRICHYEU-FORMAT", "trích yếu", "summary", (13, 14), True, False),
    "vv": Spec("ND30-CONGVAN-VV", "V/v", "V/v summary", (12, 13), False, False),
    "noi_nhan_label": Spec(
        "ND30-NOINHAN-LABEL", "«Nơi nhận:»", "«Nơi nhận:» label", (12, 12), True, True
    ),
    "noi_nhan": Spec(
        "ND30-NOINHAN-SIZE", "danh sách nơi nhận", "recipient list", (11, 11), None, False
    ),
    "authority": Spec(
        "ND30-KY-QUYENHAN",
        "quyền hạn, chức vụ",
        "authority and position",
        (13, 14),
        True,
        False,
        True,
    ),
    "signer": Spec("ND30-KY-HOTEN", "họ tên người ký", "signer's name", (13, 14), True, False),
}


def fix_formats(job: Job) -> None:
    """Each component whose format rule failed, reformatted line by line."""
    c = job.parts
    groups: dict[str, Sequence[Line]] = {
        "quoc_hieu": [c.quoc_hieu] if c.quoc_hieu else [],
        "tieu_ngu": [c.tieu_ngu] if c.tieu_ngu else [],
        "chu_quan": c.chu_quan,
        "co_quan": c.co_quan,
        "so": [c.so] if c.so else [],
        "ngay": [c.ngay] if c.ngay else [],
        "ten_loai": [c.ten_loai] if c.ten_loai else [],
        "trich_yeu": c.trich_yeu,
        "vv": c.vv,
        "noi_nhan_label": [c.noi_nhan_label] if c.noi_nhan_label else [],
        "noi_nhan": c.noi_nhan,
        "authority": [ln for s in c.signatures for ln in s.authority],
        "signer": [s.signer for s in c.signatures if s.signer is not None],
    }
    for key, lines in groups.items():
        spec = SPECS[key]
        if not lines or not job.failing(spec.rule_id):
            continue
        for line in lines:
            done = _format_line(line, spec, job.model.styles)
            if done:
                job.note(
                    Change(
                        spec.rule_id,
                        line.where(),
                        done[0],
                        done[1],
                        f"{spec.name_vi}: định dạng lại",
                        f"{spec.name_en} reformatted",
                    )
                )


def _format_line(line: Line, spec: Spec, styles: Styles) -> tuple[str, str] | None:
    runs = [r for r in line_runs(line) if not is_script(r)]
    if not runs:
        return None
    lo, hi = spec.sizes
    before: list[str] = []
    after: list[str] = []
    p = line.paragraph
    for r in runs:
        props = styles.run(r, p.props.style_id, p.table_style)
        text = "".join(t.text or "" for t in r.iter(w("t")))
        if not text.strip():
            continue
        rpr = r.find(w("rPr"))
        if rpr is None:
            rpr = etree.Element(w("rPr"))
            r.insert(0, rpr)
        size = props.size_pt
        target = lo if size < lo else hi if size > hi else size
        if target != size:
            set_val(rpr, "sz", str(round(target * 2)))
            set_val(rpr, "szCs", str(round(target * 2)))
            before.append(f"{size:g} pt")
            after.append(f"{target:g} pt")
        for tag, want, have in (("b", spec.bold, props.bold), ("i", spec.italic, props.italic)):
            if want is not None and want != have:
                set_val(rpr, tag, "1" if want else "0")
                before.append(f"{tag}={int(have)}")
                after.append(f"{tag}={int(want)}")
        if spec.caps and any(ch.islower() for ch in text) and not props.caps:
            set_val(rpr, "caps", "1")
            before.append("thường/lower")
            after.append("caps")
        order_children(rpr, RPR_ORDER)
    if not after:
        return None
    return ", ".join(dict.fromkeys(before)), ", ".join(dict.fromkeys(after))
