"""Build the Party layout (Hướng dẫn 36-HD/VPTW) from the bundled ND30 layout.

A template author's work, scripted so it can be rebuilt: the same model and the same
tags, only styles, page margins and a few paragraphs differ (sources and open
questions: docs/hd36.md).

* heading "ĐẢNG CỘNG SẢN VIỆT NAM" (15, bold) over a rule as long as it, no motto —
  the kinds in kinds.yaml set ``quoc_hieu``/``tieu_ngu`` and the layout draws
  ``vb.ke_quoc_hieu``;
* the issuing body (14, bold) under its superior (14), and a "*" instead of a rule;
* "Số 42-CT/HU": no colon, "-" before the kind, "/" before the body;
* title 16 bold, trích yếu 14 bold, "-----" under it; body 14;
* "T/M BAN THƯỜNG VỤ", "K/T", "T/L" written with a slash;
* "Nơi nhận:" 14 underlined, recipients 12 ending with ",", last line
  "- Lưu Văn phòng Huyện ủy." (``bien: {noi_luu: …}`` in the campaign file);
* margins 20/20/30/15 mm.

Run from the repository root: ``.venv/bin/python examples/mau-dang/tao_mau.py``.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.shared import Mm, Pt

from chithi_gen.lookup import TemplateSet
from chithi_gen.render.package import read_package, write_package

HERE = Path(__file__).resolve().parent
OUT = HERE / "layouts" / "dang" / "layout.docx"

SIZES = {
    "QuocHieu": (15, True),
    "CoQuanChuQuan": (14, False),
    "CoQuanBanHanh": (14, True),
    "SoKyHieu": (14, False),
    "DiaDanhNgay": (14, False),
    "TenLoai": (16, True),
    "TrichYeu": (14, True),
    "NoiNhanNhan": (14, False),
    "NoiNhan": (12, False),
    "QuyenHan": (14, True),
}


def _para(style: str, text: str) -> str:
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    )


def _replace_paragraph(xml: str, inner: str, new: str) -> str:
    """Replace the whole paragraph whose text is ``inner`` by ``new`` (once, must exist)."""
    at = xml.index(f">{inner}<")
    start = xml.rindex("<w:p>", 0, at)
    end = xml.index("</w:p>", at) + len("</w:p>")
    return xml[:start] + new + xml[end:]


def build() -> bytes:
    doc = Document(io.BytesIO(TemplateSet(environ={}).find_layout("nd30").read_bytes()))
    section = doc.sections[0]
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    styles = {s.style_id: s for s in doc.styles}
    for style_id, (size, bold) in SIZES.items():
        styles[style_id].font.size = Pt(size)
        styles[style_id].font.bold = bold
    styles["NoiNhanNhan"].font.italic = False
    styles["NoiNhanNhan"].font.underline = True
    buf = io.BytesIO()
    doc.save(buf)
    parts = read_package(buf.getvalue())

    xml = parts["word/document.xml"].decode("utf-8")
    # No motto; the rule runs under the Party heading, as long as it.
    xml = _replace_paragraph(xml, "{{ vb.tieu_ngu }}", "")
    xml = xml.replace("{{p vb.ke_tieu_ngu }}", "{{p vb.ke_quoc_hieu }}")
    # A star, not a rule, under the issuing body.
    xml = _replace_paragraph(xml, "{{p vb.ke_co_quan }}", _para("CoQuanBanHanh", "*"))
    xml = xml.replace(
        "{{ vb.so_ky_hieu }}", "Số {{ vb.so }}-{{ vb.ky_hieu_loai }}/{{ vb.ky_hieu_co_quan }}"
    )
    xml = _replace_paragraph(xml, "{{p vb.ke_trich_yeu }}", _para("TrichYeu", "-----"))
    # Authority with a slash: T/M, K/T, T/L.
    xml = xml.replace(
        '<w:t>{{ dong }}</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="QuyenHan"/>',
        '<w:t>{{ dong | replace("TM. ", "T/M ") | replace("KT. ", "K/T ")'
        ' | replace("TL. ", "T/L ") }}</w:t></w:r></w:p><w:p><w:pPr>'
        '<w:pStyle w:val="QuyenHan"/>',
    )
    # Recipients end with "," and the last line is "- Lưu <nơi lưu>."
    xml = xml.replace("{%p for dong in vb.noi_nhan %}", "{%p for ten in vb.nguoi_nhan %}", 1)
    xml = xml.replace(
        '<w:t>{{ dong }}</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="NoiNhan"/>',
        '<w:t>- {{ ten }},</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="NoiNhan"/>',
        1,
    )
    end_loop = xml.index("{%p endfor %}", xml.index("{%p for ten in vb.nguoi_nhan %}"))
    end_para = xml.index("</w:p>", end_loop) + len("</w:p>")
    xml = xml[:end_para] + _para("NoiNhan", "- Lưu {{ vb.noi_luu }}.") + xml[end_para:]
    parts["word/document.xml"] = xml.encode("utf-8")
    return write_package(parts)


if __name__ == "__main__":
    OUT.write_bytes(build())
    print(f"wrote {OUT}")
