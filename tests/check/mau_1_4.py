"""Build a filled copy of the official Mẫu 1.4 (Phụ lục III, Nghị định 30/2020/NĐ-CP).

``phu-luc-III-goc.docx`` holds every sample layout of Phụ lục III in one file. This
builder keeps only Mẫu 1.4 ("Văn bản có tên loại": the header table, tên loại,
trích yếu, body, Nơi nhận and signature), drops the caption and the "Ghi chú" notes,
and fills the dots with a plausible Chỉ thị, keeping the sample's own paragraph and
run formatting wherever text is filled:

* each placeholder paragraph keeps its first text run (with its formatting) and loses
  the footnote numbers and dots around it;
* extra body paragraphs, recipients and the second authority line are copies of the
  sample's first one;
* the sample's dot-leader continuation lines are removed and "./." ends the last body
  paragraph; the signature placeholder "(Chữ ký …)" lines are left empty, as on a
  signed paper.

The underscores the sample uses as rules are left as they are: they are what the
checker should flag. Run from the repository root to refresh the committed fixture::

    .venv/bin/python tests/check/mau_1_4.py
"""

from __future__ import annotations

import copy
import io
import re
import sys
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SOURCE = (
    Path(__file__).resolve().parents[1] / "data" / "reference" / "nd30" / "phu-luc-III-goc.docx"
)
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "mau-1.4-filled.docx"

CHU_QUAN = "UBND TỈNH CAO BẰNG"
CO_QUAN = ("ỦY BAN NHÂN DÂN", "HUYỆN HÀ QUẢNG")
SO = "Số: 05/CT-UBND"
NGAY = "Hà Quảng, ngày 15 tháng 7 năm 2020"
TEN_LOAI = "CHỈ THỊ"
TRICH_YEU = "Về việc phát động phong trào thi đua năm 2020"
BODY = (
    "Năm 2020 là năm có ý nghĩa đặc biệt quan trọng, là năm cuối của nhiệm kỳ và kế hoạch "
    "phát triển kinh tế - xã hội 5 năm 2015 - 2020 của huyện Hà Quảng.",
    "Để phát huy những kết quả đã đạt được, Chủ tịch Ủy ban nhân dân huyện phát động phong "
    "trào thi đua lập thành tích chào mừng các ngày lễ lớn trong năm 2020.",
    "Các cơ quan, đơn vị, Ủy ban nhân dân các xã, thị trấn tổ chức triển khai phong trào "
    "thi đua gắn với thực hiện nhiệm vụ chính trị của đơn vị.",
    "Căn cứ Chỉ thị này, yêu cầu các cơ quan, đơn vị nghiêm túc tổ chức thực hiện./.",
)
NOI_NHAN = ("- Thường trực Huyện ủy;", "- Các cơ quan, đơn vị;", "- UBND các xã, thị trấn;")
LUU = "- Lưu: VT, NV."
QUYEN_HAN = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
HO_TEN = "Nguyễn Văn An"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(_q("t")))


def _set_text(p: etree._Element, *lines: str) -> None:
    """Keep the first text run of ``p`` (its formatting), holding ``lines``; drop the rest."""
    runs = [r for r in p.iter(_q("r")) if r.find(_q("t")) is not None]
    keep = next((r for r in runs if r.find(f"{_q('rPr')}/{_q('vertAlign')}") is None), runs[0])
    for r in list(p.iter(_q("r"))):
        if r is not keep:
            r.getparent().remove(r)
    for el in list(keep):
        if el.tag != _q("rPr"):
            keep.remove(el)
    for i, line in enumerate(lines):
        if i:
            etree.SubElement(keep, _q("br"))
        t = etree.SubElement(keep, _q("t"))
        t.text = line
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _clear(p: etree._Element) -> None:
    for r in list(p.iter(_q("r"))):
        r.getparent().remove(r)


def _paragraphs(el: etree._Element) -> list[etree._Element]:
    return list(el.iter(_q("p")))


def _placeholder(text: str, number: int) -> bool:
    """True for the sample's dotted blank numbered ``number`` (e.g. "…… 7 ……")."""
    return re.search(rf"(^|[.…\s]){number}([.…\s]|$)", text) is not None


def _sample(body: etree._Element) -> list[etree._Element]:
    """The body elements of Mẫu 1.4, from its header table to its signature table."""
    blocks = list(body)
    start = next(i for i, el in enumerate(blocks) if _text(el).startswith("Mẫu 1.4"))
    end = next(i for i, el in enumerate(blocks) if i > start and _text(el).startswith("Ghi chú"))
    return blocks[start + 1 : end]


def fill(document: etree._Element) -> None:
    """Replace the body of ``document`` by the filled Mẫu 1.4."""
    body = document.find(_q("body"))
    assert body is not None
    sect = body.find(_q("sectPr"))
    sample = _sample(body)
    for el in list(body):
        body.remove(el)
    header, *rest = sample
    # Header table: chủ quản, agency, (rule), Số | Quốc hiệu, Tiêu ngữ, (rule), date.
    left, right = header.iter(_q("tc"))
    chu_quan, co_quan, _rule, so = _paragraphs(left)
    _set_text(chu_quan, CHU_QUAN)
    _set_text(co_quan, *CO_QUAN)
    _set_text(so, SO)
    _set_text(_paragraphs(right)[-1], NGAY)
    out = [header]
    body_done = False
    for el in rest:
        text = _text(el)
        if el.tag == _q("tbl"):
            _fill_closing(el)
            out.append(el)
        elif text.startswith("TÊN LOẠI VĂN BẢN"):
            _set_text(el, TEN_LOAI)
            out.append(el)
        elif _placeholder(text, 7):
            _set_text(el, TRICH_YEU)
            out.append(el)
        elif _placeholder(text, 8):
            for line in BODY:
                p = copy.deepcopy(el)
                _set_text(p, line)
                out.append(p)
            body_done = True
        elif body_done and (el.find(f".//{_q('tab')}") is not None):
            continue  # dot-leader continuation lines and the separate "./." line
        else:
            out.append(el)
    body.extend(out)
    if sect is not None:
        body.append(sect)


def _fill_closing(tbl: etree._Element) -> None:
    left, right = tbl.iter(_q("tc"))
    label, first, _second, luu, *_ = _paragraphs(left)
    assert _text(label) == "Nơi nhận:"
    for p in _paragraphs(left)[1:]:
        if p not in (first, luu):
            p.getparent().remove(p)
    for line in NOI_NHAN:
        p = copy.deepcopy(first)
        _set_text(p, line)
        luu.addprevious(p)
    first.getparent().remove(first)
    _set_text(luu, LUU)
    authority, *middle, name = _paragraphs(right)
    _set_text(authority, QUYEN_HAN[0])
    title = copy.deepcopy(authority)
    _set_text(title, QUYEN_HAN[1])
    authority.addnext(title)
    for p in middle:
        _clear(p)
    _set_text(name, HO_TEN)


def build(source: Path = SOURCE) -> bytes:
    """The filled Mẫu 1.4 as .docx bytes (every other part copied unchanged)."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                fill(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2020, 7, 15, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, data)
    return out.getvalue()


def main() -> None:
    """Write the fixture next to this script."""
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_bytes(build(source))
    print(f"wrote {FIXTURE}")


if __name__ == "__main__":
    main()
