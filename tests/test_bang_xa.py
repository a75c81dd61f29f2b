"""``chithi bang-xa``: a province's communes as a batch table, from the bundled unit data;
the 2026 batch example makes one document per commune, each with its own header."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from chithi_gen.batch import read_variations, render_batch
from chithi_gen.cli import main
from chithi_gen.cli.bang_xa import as_csv, rows
from chithi_gen.reference.don_vi_hanh_chinh import xa_cua_tinh
from support import EXAMPLES

BATCH = EXAMPLES / "batch"


def test_the_committed_table_is_what_the_command_writes(tmp_path: Path) -> None:
    """examples/batch/cac-xa-cao-bang.csv comes from the documented command."""
    out = tmp_path / "t.csv"
    assert main(["bang-xa", "Cao Bằng", "--loai", "xã", "-o", str(out)]) == 0
    assert out.read_bytes() == (BATCH / "cac-xa-cao-bang.csv").read_bytes()


def test_rows_and_columns() -> None:
    table = rows("Tỉnh Cao Bằng")
    assert len(table) == len(xa_cua_tinh("Cao Bằng")) == 56
    by_name = {r["co_quan.ten"]: r for r in table}
    assert by_name["Ủy ban nhân dân xã Trường Hà"]["dia_danh"] == "Trường Hà"
    # Named after a person: the địa danh is the full name (Phụ lục I, II.4.a).
    assert by_name["Ủy ban nhân dân phường Thục Phán"]["dia_danh"] == "Phường Thục Phán"
    assert len({r["ten_tep"] for r in table}) == len(table)
    only = rows("Cao Bằng", "Đảng ủy {loai} {ten}", ("phường",))
    assert [r["co_quan.ten"] for r in only] == [
        "Đảng ủy phường Thục Phán",
        "Đảng ủy phường Nùng Trí Cao",
        "Đảng ủy phường Tân Giang",
    ]


def test_the_batch_reads_the_table(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(as_csv(rows("Hà Nội")))
    table = read_variations(path)
    assert len(table.rows) == 126  # Hà Nội's communes since 1/7/2025
    assert tuple(table.columns[:3]) == ("ten_tep", "co_quan.ten", "dia_danh")


def test_yaml_output_and_unknown_province(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "t.yaml"
    assert main(["bang-xa", "cao bang", "-o", str(out)]) == 0  # typed without diacritics
    assert len(read_variations(out).rows) == 56
    assert main(["bang-xa", "Hà Giang"]) == 2
    err = capsys.readouterr().err
    assert "Tuyên Quang" in err  # merged into it on 1 July 2025
    assert main(["bang-xa", "Cao Bằng", "-o", str(out)]) == 4  # exists, no --force


def test_one_document_per_commune(tmp_path: Path) -> None:
    """The 2026 batch example: every commune of Cao Bằng, no warning, its own header."""
    report = render_batch(
        BATCH / "chi-thi-cac-xa-2026.yaml",
        BATCH / "cac-xa-cao-bang.csv",
        tmp_path,
        max_workers=1,
    )
    assert report.failed == [], report.error_lines()
    assert len(report.results) == 53
    assert [w for r in report.results for w in r.warnings] == []
    doc = Document(io.BytesIO((tmp_path / "xa-be-van-dan.docx").read_bytes()))
    header = doc.tables[0]
    assert [p.text for p in header.cell(0, 0).paragraphs if p.text][:2] == [
        "ỦY BAN NHÂN DÂN",
        "XÃ BẾ VĂN ĐÀN",
    ]
    assert header.cell(1, 0).text == "Số:      /CT-UBND"  # numbered at issue
    assert header.cell(1, 1).text == "Xã Bế Văn Đàn, ngày      tháng      năm 2026"
