"""Split the official Phụ lục III samples into one .docx per Mẫu (checker test data).

``phu-luc-III-goc.docx`` (Nghị định 30/2020/NĐ-CP, Phụ lục III, as published in Word)
holds every sample layout one after the other, each under a caption such as
"Mẫu 1.5 - Công văn" and followed by its "Ghi chú" (notes) table. This script keeps,
for each Mẫu, the blocks between its caption and the next one, and drops:

* the caption's text (a drawing anchored in the caption paragraph — the digital
  signature box of the electronic samples — is kept);
* the "Ghi chú" tables (and "Ghi chú" rows of other tables), which explain the
  numbered blanks and are not part of the document;
* empty paragraphs at the start and at the end.

Styles, numbering, headers, settings and theme are those of the original file, so each
sample is formatted exactly as the decree's Word file formats it. The output is
byte-for-byte reproducible (fixed zip timestamps). Run from the repository root::

    .venv/bin/python scripts/split_mau.py [SOURCE.docx] [OUTPUT_DIR]

Defaults: ``tests/data/reference/nd30/phu-luc-III-goc.docx`` and
``tests/data/check-corpus/mau/``.
"""

from __future__ import annotations

import copy
import io
import re
import sys
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tests" / "data" / "reference" / "nd30" / "phu-luc-III-goc.docx"
OUTPUT = ROOT / "tests" / "data" / "check-corpus" / "mau"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: Caption text (start) -> output file stem.
CAPTIONS: tuple[tuple[str, str], ...] = (
    ("Mẫu 1.1 ", "mau-1.1-nghi-quyet"),
    ("Mẫu 1.2 ", "mau-1.2-quyet-dinh-truc-tiep"),
    ("Mẫu 1.3 ", "mau-1.3-quyet-dinh-gian-tiep"),
    (
        "Mẫu văn bản (được ban hành, phê duyệt kèm theo quyết định) đối với văn bản giấy",
        "mau-1.3-kem-theo-giay",
    ),
    (
        "Mẫu văn bản (được ban hành, phê duyệt kèm theo quyết định) đối với văn bản điện tử",
        "mau-1.3-kem-theo-dien-tu",
    ),
    ("Mẫu 1.4 ", "mau-1.4-van-ban-co-ten-loai"),
    ("Mẫu 1.5 ", "mau-1.5-cong-van"),
    ("Mẫu 1.6 ", "mau-1.6-cong-dien"),
    ("Mẫu 1.7 ", "mau-1.7-giay-moi"),
    ("Mẫu 1.8 ", "mau-1.8-giay-gioi-thieu"),
    ("Mẫu 1.9 ", "mau-1.9-bien-ban"),
    ("Mẫu 1.10 ", "mau-1.10-giay-nghi-phep"),
    ("Mẫu 2.1 ", "mau-2.1-phu-luc-giay"),
    ("Mẫu 2.2 ", "mau-2.2-phu-luc-dien-tu"),
    ("Mẫu 3.1 ", "mau-3.1-ban-sao-giay"),
    ("Mẫu 3.2 ", "mau-3.2-ban-sao-dien-tu"),
)
_FIXED_TIME = (2020, 3, 5, 0, 0, 0)


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(_q("t")))


def _caption(el: etree._Element) -> str | None:
    """The output stem if ``el`` is the caption paragraph of a Mẫu."""
    if el.tag != _q("p"):
        return None
    text = re.sub(r"\s+", " ", _text(el)).strip()
    for start, stem in CAPTIONS:
        if text.startswith(start.strip()) and (
            not start.startswith("Mẫu ") or text[len(start.strip()) :][:1] in {"", " ", "-"}
        ):
            return stem
    return None


def _is_notes(el: etree._Element) -> bool:
    return el.tag == _q("tbl") and _text(el).strip().startswith("Ghi chú")


def _is_empty(el: etree._Element) -> bool:
    if el.tag != _q("p"):
        return False
    has_drawing = any(True for _ in el.iter(_q("drawing"), _q("pict")))
    return not _text(el).strip() and not has_drawing


def _drop_note_rows(el: etree._Element) -> etree._Element:
    """``el`` without the table rows that hold a "Ghi chú" (notes) cell."""
    for tr in list(el.iter(_q("tr"))):
        if _text(tr).strip().startswith("Ghi chú"):
            parent = tr.getparent()
            if parent is not None:
                parent.remove(tr)
    return el


def _strip_caption(p: etree._Element) -> etree._Element | None:
    """The caption paragraph without its text runs (None if nothing else is left)."""
    kept = copy.deepcopy(p)
    for r in list(kept.iter(_q("r"))):
        if r.find(_q("t")) is not None and r.find(_q("drawing")) is None:
            parent = r.getparent()
            if parent is not None:
                parent.remove(r)
    has_drawing = any(True for _ in kept.iter(_q("drawing"), _q("pict")))
    return kept if has_drawing else None


def split(data: bytes) -> dict[str, bytes]:
    """One .docx (bytes) per Mẫu of the Phụ lục III file ``data``, keyed by file stem."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        entries = {info.filename: zf.read(info.filename) for info in zf.infolist()}
    root = etree.fromstring(entries["word/document.xml"])
    body = root.find(_q("body"))
    assert body is not None
    blocks = [el for el in body if el.tag != _q("sectPr")]
    sect = body.find(_q("sectPr"))
    starts = [(i, stem) for i, el in enumerate(blocks) if (stem := _caption(el)) is not None]
    out: dict[str, bytes] = {}
    for n, (start, stem) in enumerate(starts):
        stop = starts[n + 1][0] if n + 1 < len(starts) else len(blocks)
        chosen: list[etree._Element] = []
        head = _strip_caption(blocks[start])
        if head is not None:
            chosen.append(head)
        chosen += [
            _drop_note_rows(copy.deepcopy(el))
            for el in blocks[start + 1 : stop]
            if not _is_notes(el)
        ]
        while chosen and _is_empty(chosen[0]):
            chosen.pop(0)
        while chosen and _is_empty(chosen[-1]):
            chosen.pop()
        # A page break that started the caption's page is not part of the sample.
        for br in chosen[0].iter(_q("br")) if chosen else ():
            if br.get(_q("type")) == "page":
                parent = br.getparent()
                if parent is not None:
                    parent.remove(br)
        doc = copy.deepcopy(root)
        new_body = doc.find(_q("body"))
        assert new_body is not None
        for el in list(new_body):
            new_body.remove(el)
        for el in chosen:
            new_body.append(el)
        if sect is not None:
            new_body.append(copy.deepcopy(sect))
        parts = dict(entries)
        parts["word/document.xml"] = etree.tostring(
            doc, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        out[stem] = _zip(parts)
    return out


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    first = ["[Content_Types].xml", "_rels/.rels"]
    order = [*first, *sorted(name for name in parts if name not in first)]
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, parts[name])
    return buf.getvalue()


def main(argv: list[str]) -> int:
    """Write every Mẫu of ``argv[0]`` (default ``SOURCE``) to ``argv[1]`` (``OUTPUT``)."""
    source = Path(argv[0]) if argv else SOURCE
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    output.mkdir(parents=True, exist_ok=True)
    samples = split(source.read_bytes())
    for stem, data in samples.items():
        (output / f"{stem}.docx").write_bytes(data)
    print(f"{len(samples)} mẫu / samples -> {output}")
    return 0 if len(samples) == len(CAPTIONS) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
