"""Build the bundled Party layout ``templates/layouts/dang/layout.docx`` from the ND30 one.

Party documents under Quy định 399-QĐ/TW and Hướng dẫn 05-HD/VPTW (rules and sources:
``src/chithi_gen/reference/data/dang.json``, docs/van-ban-dang.md). The layout is the
bundled ``nd30`` layout, read at build time so that it follows every change to it,
with the Party's page, styles and a few paragraphs changed:

* margins 20/20/30/15 mm; body 14 pt, exactly 19 pt between lines, 6 pt between
  paragraphs; sizes, bold, italic and underline of each component from the table;
* top right "ĐẢNG CỘNG SẢN VIỆT NAM" over a rule as long as it, no motto, and the place
  and date under the rule;
* top left the superior body, the issuing body and a star "*" instead of a rule, then
  the số ký hiệu ("Số 12-CT/TU" is composed by the Party step, chithi_gen/kinds/dang.py)
  and, for a công văn, its trích yếu (12, italic);
* the tên loại and trích yếu, with "-----" under it, except in a công văn, which has a
  "Kính gửi:" line instead (``bien: {kinh_gui: …}``);
* the signature: "T/M BAN THƯỜNG VỤ" bold, the position ("BÍ THƯ") not bold, and room
  for the signature and seal images between them and the name (ND30 Phụ lục I, II.7.d,
  II.8.a, which HD 05 is summarised as keeping).

Run from the repository root (after ``templates/layouts/nd30/build.py``)::

    .venv/bin/python templates/layouts/dang/build.py      # or: make layout

The result is byte-for-byte reproducible; ``tests/test_layout_build.py`` checks that
the committed file matches what this script builds from the committed nd30 layout.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "src"))

from chithi_gen.render.package import read_package, write_package  # noqa: E402

OUT = HERE / "layout.docx"
ND30 = HERE.parent / "nd30" / "layout.docx"
RULES = ROOT / "src" / "chithi_gen" / "reference" / "data" / "dang.json"

#: Header table columns: the left block holds the bodies, about half the width (HD 36
#: sơ đồ, kept by HD 05); the right one "ĐẢNG CỘNG SẢN VIỆT NAM" (15 pt bold, ≈ 76 mm).
HEADER_COLS_MM = (80.0, 87.5)
#: Nơi nhận / signature columns, summing to the text width (210 - 30 - 15 = 165 mm). The
#: signature cell is wide enough for a 40 mm signature image centred in it and a seal
#: of up to 38 mm covering its left third (ND30 Phụ lục I, II.8.a).
SIGN_COLS_MM = (75.0, 90.0)
#: Space between the position line and the name, for the signature image placed centred
#: there (ND30 Phụ lục I, II.7.d) with the seal image over its left third (II.8.a).
SIGNATURE_SPACE_PT = 85
#: Styles the Party layout adds: (id, name, based on).
NEW_STYLES = (
    ("ChucVu", "Chức vụ người ký", "QuyenHan"),
    ("TrichYeuCongVan", "Trích yếu công văn", "SoKyHieu"),
    ("KinhGui", "Kính gửi", "NoiDung"),
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _rules() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(RULES.read_text(encoding="utf-8"))
    return data


def _styles(doc: Any, rules: dict[str, Any]) -> None:
    styles = {s.style_id: s for s in doc.styles}
    for style_id, name, base in NEW_STYLES:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), style_id)
        style.base_style = styles[base]
        style.quick_style = True
        styles[style_id] = style
    for item in rules["thanh_phan"]:
        style = styles[item["style"]]
        style.font.size = Pt(item["co_chu"])
        style.font.bold = item["dam"]
        style.font.italic = item["nghieng"]
        if "gach_chan" in item:
            style.font.underline = item["gach_chan"]
    styles["TrichYeuCongVan"].paragraph_format.space_before = Pt(6)
    styles["KinhGui"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles["KinhGui"].paragraph_format.first_line_indent = Mm(0)
    styles["KinhGui"].paragraph_format.space_before = Pt(12)
    page = rules["trang"]
    styles["SoTrang"].font.size = Pt(page["so_trang"]["co_chu"])
    body = page["noi_dung"]
    for style_id in ("NoiDung", "DeMuc1", "DeMuc2", "CanCu"):
        pf = styles[style_id].paragraph_format
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(body["gian_dong_pt"])
        pf.space_before = Pt(body["cach_doan_pt"])
        pf.first_line_indent = Mm(body["thut_dau_dong_mm"])
    styles["NoiDung"].font.size = Pt(body["co_chu"])
    styles["HoTen"].paragraph_format.space_before = Pt(SIGNATURE_SPACE_PT)


def _page(doc: Any, rules: dict[str, Any]) -> None:
    margins = rules["trang"]["le_mm"]
    section = doc.sections[0]
    section.top_margin, section.bottom_margin = Mm(margins["tren"]), Mm(margins["duoi"])
    section.left_margin, section.right_margin = Mm(margins["trai"]), Mm(margins["phai"])
    section.header_distance = Mm(rules["trang"]["so_trang"]["cach_mep_tren_mm"])
    for table, cols in zip(doc.tables, (HEADER_COLS_MM, SIGN_COLS_MM), strict=True):
        for column, mm in zip(table.columns, cols, strict=True):
            column.width = Mm(mm)
            for cell in column.cells:
                cell.width = Mm(mm)
        tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
        tbl_w.set(qn("w:w"), str(sum(int(Mm(mm).twips) for mm in cols)))


def _p(style: str, text: str) -> etree._Element:
    p = etree.Element(f"{{{W}}}p")
    ppr = etree.SubElement(p, f"{{{W}}}pPr")
    etree.SubElement(ppr, f"{{{W}}}pStyle").set(f"{{{W}}}val", style)
    r = etree.SubElement(p, f"{{{W}}}r")
    t = etree.SubElement(r, f"{{{W}}}t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    return p


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{{{W}}}t"))


def _find(root: etree._Element, text: str, nth: int = 0) -> etree._Element:
    """The ``nth`` paragraph whose text is ``text`` (it must exist)."""
    found = [p for p in root.iter(f"{{{W}}}p") if _text(p) == text]
    if len(found) <= nth:
        raise RuntimeError(f"the nd30 layout has no paragraph {text!r} (#{nth})")
    return found[nth]


def _set_text(p: etree._Element, text: str) -> None:
    ts = list(p.iter(f"{{{W}}}t"))
    ts[0].text = text
    for t in ts[1:]:
        t.text = ""


def _after(anchor: etree._Element, *paragraphs: etree._Element) -> etree._Element:
    for p in paragraphs:
        anchor.addnext(p)
        anchor = p
    return anchor


def _body(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    # Top right: no motto; the rule runs under the Party heading; the date under the rule.
    motto = _find(root, "{{ vb.tieu_ngu }}")
    motto.getparent().remove(motto)
    rule = _find(root, "{{p vb.ke_tieu_ngu }}")
    _set_text(rule, "{{p vb.ke_quoc_hieu }}")
    date = _find(root, "{{ vb.dia_danh_ngay }}")
    _after(rule, _p("DiaDanhNgay", "{{ vb.dia_danh_ngay }}"))
    _set_text(date, "")
    # Top left: a star, not a rule, under the issuing body; a công văn's trích yếu
    # under the số ký hiệu.
    _set_text(_find(root, "{{p vb.ke_co_quan }}"), "*")
    _find(root, "*").find(f"{{{W}}}pPr/{{{W}}}pStyle").set(f"{{{W}}}val", "CoQuanBanHanh")
    _after(
        _find(root, "{{ vb.so_ky_hieu }}"),
        _p("TrichYeuCongVan", "{%p if vb.trich_yeu_cong_van is defined %}"),
        _p("TrichYeuCongVan", "{{ vb.trich_yeu_cong_van }}"),
        _p("TrichYeuCongVan", "{%p endif %}"),
    )
    # Title and trích yếu with five hyphens under it; a công văn has "Kính gửi:" instead.
    title = _find(root, "{{ vb.ten_loai }}")
    title.addprevious(_p("TenLoai", "{%p if vb.trich_yeu_cong_van is not defined %}"))
    hyphens = _find(root, "{{p vb.ke_trich_yeu }}")
    _set_text(hyphens, "-----")
    hyphens.find(f"{{{W}}}pPr/{{{W}}}pStyle").set(f"{{{W}}}val", "TrichYeu")
    _after(
        hyphens,
        _p("TrichYeu", "{%p endif %}"),
        _p("KinhGui", "{%p if vb.kinh_gui is defined %}"),
        _p("KinhGui", "Kính gửi: {{ vb.kinh_gui }}"),
        _p("KinhGui", "{%p endif %}"),
    )
    # Signature: the authority lines bold, the position (last line) not bold.
    _set_text(
        _find(root, "{%p for dong in vb.quyen_han %}"), "{%p for dong in vb.quyen_han[:-1] %}"
    )
    end = [p for p in root.iter(f"{{{W}}}p") if _text(p) == "{%p endfor %}"]
    end_quyen_han = next(
        p for p in end if p.find(f"{{{W}}}pPr/{{{W}}}pStyle").get(f"{{{W}}}val") == "QuyenHan"
    )
    _after(
        end_quyen_han,
        _p("ChucVu", "{%p if vb.quyen_han %}"),
        _p("ChucVu", "{{ vb.quyen_han[-1] }}"),
        _p("ChucVu", "{%p endif %}"),
    )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def build() -> bytes:
    """The Party layout's bytes, built from the committed nd30 layout."""
    rules = _rules()
    doc = Document(io.BytesIO(ND30.read_bytes()))
    _page(doc, rules)
    _styles(doc, rules)
    doc.core_properties.comments = (
        "Văn bản của Đảng: Quy định 399-QĐ/TW, Hướng dẫn 05-HD/VPTW (docs/van-ban-dang.md)"
    )
    buf = io.BytesIO()
    doc.save(buf)
    parts = read_package(buf.getvalue())
    parts["word/document.xml"] = _body(parts["word/document.xml"])
    return write_package(parts)


def main() -> None:
    data = build()
    OUT.write_bytes(data)
    print(f"wrote {OUT.relative_to(ROOT)} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
