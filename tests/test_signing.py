"""Ready for digital signing: PDF/A-2b with embedded fonts and a text layer, the Phụ lục VI
metadata beside the document (validated against schema/metadata.schema.json), room for the
signature and seal images, and the same for every row of a batch."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Emu
from jsonschema import Draft202012Validator, FormatChecker

from chithi_gen import Renderer
from chithi_gen.cli import main
from chithi_gen.reference import ky_so
from chithi_gen.render.metadata import metadata, so_va_ky_hieu
from chithi_gen.render.pdf import docx_to_pdf_many, page_count
from support import EXAMPLES, ROOT

SCHEMA = json.loads((ROOT / "schema" / "metadata.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=FormatChecker())
HAVE_TOOLS = all(shutil.which(t) for t in ("soffice", "pdfinfo", "pdffonts", "pdftotext"))
needs_tools = pytest.mark.skipif(not HAVE_TOOLS, reason="LibreOffice/poppler not installed")

XA = EXAMPLES / "chi-thi-ubnd-xa-2026.yaml"
PARTY = EXAMPLES / "mau-dang" / "chi-thi-tinh-uy.yaml"
ALL = [
    *sorted(EXAMPLES.glob("*.yaml")),
    *sorted(EXAMPLES.glob("mau-dang/*.yaml")),
    EXAMPLES / "batch" / "chi-thi-cac-xa-2026.yaml",
]


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def _check_pdfa(pdf: Path) -> None:
    """PDF/A-2b as far as the installed tools tell (no PDF/A validator installs here:
    docs/nguon-quy-dinh-2026.md §5)."""
    meta = _run("pdfinfo", "-meta", str(pdf))
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", meta), meta[:500]
    assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>", meta)
    info = _run("pdfinfo", str(pdf))
    assert re.search(r"^Tagged:\s+yes", info, re.M)
    assert re.search(r"^Encrypted:\s+no", info, re.M)
    data = pdf.read_bytes()
    assert b"GTS_PDFA1" in data and b"/OutputIntents" in data
    fonts = _run("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts
    for row in fonts:  # name type encoding emb sub uni object ID
        assert row.split()[-5] == "yes", row


@needs_tools
def test_render_pdfa_and_metadata(tmp_path: Path) -> None:
    out = tmp_path / "chi-thi.docx"
    assert main(["render", str(XA), "-o", str(out), "--pdf", "--pdfa", "--metadata"]) == 0
    pdf = out.with_suffix(".pdf")
    _check_pdfa(pdf)
    page1 = _run("pdftotext", "-l", "1", "-layout", str(pdf), "-")
    for text in ("CHỈ THỊ", "Số: 03/CT-UBND", "Về việc phát động phong trào thi đua yêu nước"):
        assert text in page1  # what e-office systems read off page 1
    meta = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    VALIDATOR.validate(meta)
    pages = int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.M).group(1))  # type: ignore[union-attr]
    assert meta["PageAmount"] == pages == page_count(pdf.read_bytes())
    assert meta["CodeNumber"] == "03" and meta["CodeNotation"] == "CT-UBND"
    assert meta["IssuedDate"] == "2026-01-15"
    assert meta["OrganName"] == "Ủy ban nhân dân xã Trường Hà"
    assert meta["SignerInfo"] == {
        "Competence": "TM. ỦY BAN NHÂN DÂN",
        "Position": "CHỦ TỊCH",
        "FullName": "Nông Văn Hùng",
    }
    assert meta["To"][0] == "UBND tỉnh (b/c)" and meta["To"][-1] == "Lưu: VT, VP"
    assert meta["IssuedAmount"] == 25 and meta["Priority"] == "Thường"
    # --pdfa changes the PDF only: the .docx is the same bytes as a plain render.
    assert out.read_bytes() == Renderer().render(Renderer().read(XA)).docx


def test_metadata_without_a_pdf(tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    assert main(["render", str(PARTY), "-o", str(out), "--metadata"]) == 0
    meta = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    VALIDATOR.validate(meta)
    assert meta["PageAmount"] is None
    assert (meta["CodeNumber"], meta["CodeNotation"]) == ("12", "CT/TU")
    assert meta["SignerInfo"]["Competence"] == "T/M BAN THƯỜNG VỤ"
    assert meta["To"][-1] == "Lưu Văn phòng Tỉnh ủy"
    assert not out.with_suffix(".pdf").exists()


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_metadata_of_every_example_is_valid(path: Path) -> None:
    r = Renderer()
    draft = r.prepare(r.read(path))
    meta = metadata(draft.campaign, draft.documents)
    VALIDATOR.validate(meta)
    assert meta["Subject"] == " ".join(draft.documents[0].trich_yeu.split())


def test_a_draft_the_system_numbers_has_no_number_nor_date() -> None:
    r = Renderer()
    for path in (XA, PARTY):
        data = {**r.read(path).data, "so": None, "ngay": None, "nam": 2026}
        draft = r.prepare(data)
        meta = metadata(draft.campaign, draft.documents, pages=2)
        VALIDATOR.validate(meta)
        assert meta["CodeNumber"] is None and meta["IssuedDate"] is None


def test_the_deciding_authority_is_the_organ_of_a_decision() -> None:
    r = Renderer()
    for name, organ, notation, competence in (
        ("quyet-dinh-chu-tich-ubnd-tinh-2026.yaml", "Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng",
         "QĐ-CTUBND", "KT. CHỦ TỊCH"),
        ("quyet-dinh-ubnd-tinh-2026.yaml", "Ủy ban nhân dân tỉnh Cao Bằng", "QĐ-UBND",
         "TM. ỦY BAN NHÂN DÂN"),
    ):  # fmt: skip
        draft = r.prepare(r.read(EXAMPLES / name))
        meta = metadata(draft.campaign, draft.documents)
        assert (meta["OrganName"], meta["CodeNotation"]) == (organ, notation)
        assert meta["TypeName"] == "Quyết định"
        assert meta["SignerInfo"]["Competence"] == competence


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Số: 05/CT-UBND", ("05", "CT-UBND")),
        ("Số:      /QĐ-CTUBND", (None, "QĐ-CTUBND")),
        ("Số 12-CT/TU", ("12", "CT/TU")),
        ("Số      -CV/ĐU", (None, "CV/ĐU")),
    ],
)
def test_number_and_notation(line: str, expected: tuple[str | None, str]) -> None:
    assert so_va_ky_hieu(line) == expected
    with pytest.raises(ValueError):
        so_va_ky_hieu("Kính gửi")


@needs_tools
def test_batch_writes_pdfa_and_metadata_for_every_row(tmp_path: Path) -> None:
    table = tmp_path / "hai-xa.csv"
    lines = (EXAMPLES / "batch" / "cac-xa-cao-bang.csv").read_text(encoding="utf-8-sig")
    table.write_text("\n".join(lines.splitlines()[:3]) + "\n", encoding="utf-8")
    campaign = EXAMPLES / "batch" / "chi-thi-cac-xa-2026.yaml"
    out = tmp_path / "out"
    assert main(["batch", str(campaign), str(table), "-o", str(out), "--pdfa", "--metadata"]) == 0
    docs = sorted(out.glob("*.docx"))
    assert len(docs) == 2
    for docx in docs:
        _check_pdfa(docx.with_suffix(".pdf"))
        meta = json.loads(docx.with_suffix(".json").read_text(encoding="utf-8"))
        VALIDATOR.validate(meta)
        assert meta["CodeNumber"] is None and meta["PageAmount"] >= 1  # a draft, numbered at issue
        cell = Document(str(docx)).tables[0].cell(0, 0)
        assert " ".join(p.text for p in cell.paragraphs if p.text) == meta["OrganName"].upper()
    # Again without --force: the files are there, each row says so (exit code 4).
    assert main(["batch", str(campaign), str(table), "-o", str(out), "--metadata"]) == 4


def _signature_gap_mm(pdf: bytes, position: str, name: str) -> float:
    """Space between the bottom of the position line and the top of the name (mm)."""
    with_bbox = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', with_bbox)
    pos = [float(y2) for _, y2, w in words if w == position.split()[-1]]
    top = [float(y1) for y1, _, w in words if w == name.split()[0]]
    return (max(top) - max(pos)) * 25.4 / 72


@needs_tools
def test_room_for_the_signature_and_seal_images() -> None:
    """Phụ lục I, II.7.d: the signature image sits centred between the position line and
    the name; II.8.a: the seal, at real size, covers its left third. Both layouts leave a
    space as tall as the signature image and a cell as wide as the two side by side
    (sizes assumed in chithi_gen.reference.ky_so)."""
    r = Renderer()
    cases = [r.prepare(r.read(p)) for p in (XA, PARTY)]
    docx = [r.render(d).docx for d in cases]
    for draft, pdf, data in zip(cases, docx_to_pdf_many(docx), docx, strict=True):
        doc = draft.documents[-1]
        gap = _signature_gap_mm(pdf, doc.quyen_han[-1], doc.ho_ten)
        assert gap >= ky_so.CHU_KY_CAO_MM, (doc.loai, gap)
        sign = Document(io.BytesIO(data)).tables[-1]
        width = Emu(sign.columns[1].width).mm
        assert width >= ky_so.o_ky_rong_toi_thieu_mm(), (doc.loai, width)
