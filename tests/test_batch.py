"""Batch: one campaign × a table of variations → one .docx per row, in parallel; a bad
row is an error naming the row and the field, and never stops or damages the others."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import multiprocessing
import os
import pickle
import shutil
import zipfile
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from chithi_gen import CampaignError
from chithi_gen import batch as B
from chithi_gen.batch import columns, run
from chithi_gen.cli import main
from support import EXAMPLES, MINIMAL

EX2021 = EXAMPLES / "chi-thi-ha-quang-2021.yaml"


def _text(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return "".join(root.itertext())


def _csv(path: Path, header: list[str], rows: list[list[Any]], *, bom: bool = True) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig" if bom else "utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """The minimal campaign as a file."""
    p = tmp_path / "chien-dich.yaml"
    p.write_text(json.dumps(MINIMAL, ensure_ascii=False, indent=2), encoding="utf-8")
    return p


def _communes(n: int, broken: dict[int, tuple[str, str]] | None = None) -> list[list[Any]]:
    rows = []
    for i in range(1, n + 1):
        row = [
            str(i),
            f"Ủy ban nhân dân xã Số {i}",
            f"Xã Số {i}",
            f"Nguyễn Văn {i}",
            "Công an xã\nĐoàn xã",
        ]
        rows.append(row)
    for i, (col, value) in (broken or {}).items():
        rows[i - 2][HEADER.index(col)] = value  # row i of the sheet is data row i - 1
    return rows


HEADER = ["so", "co_quan.ten", "dia_danh", "nguoi_ky.ho_ten", "noi_nhan[+]"]


# ----------------------------------------------------------------------------- columns


def test_parse_column() -> None:
    assert B.parse_column("nguoi_ky.ho_ten") == ("nguoi_ky", "ho_ten")
    assert B.parse_column("noi_nhan[2]") == ("noi_nhan", 1)
    assert B.parse_column("noi_nhan[+]") == ("noi_nhan", columns.APPEND)
    assert B.parse_column("noi_dung[1].noi_dung[2].muc") == ("noi_dung", 0, "noi_dung", 1, "muc")
    for bad in ("", "a..b", "noi_nhan[0]", "a[+].b", "co quan", "1abc"):
        with pytest.raises(ValueError):
            B.parse_column(bad)


def test_check_column_suggests() -> None:
    assert B.check_column("co_quan.ten") is None
    assert B.check_column("noi_dung[2].muc") is None
    p = B.check_column("co_quan.tne")
    assert p is not None and "co_quan.ten" in p.message_vi and "did you mean" in p.message_en
    p = B.check_column("nguoi_ky.hoten")
    assert p is not None and "nguoi_ky.ho_ten" in p.message_vi


def test_names() -> None:
    assert B.slug("Xã Trường Hà, Đức Long") == "xa-truong-ha-duc-long"
    row = B.Variation(
        5, (("so", 5), ("co_quan.ten", "UBND xã Lương Can"), ("dia_danh", "Lương Can"))
    )
    assert B.default_name(row, 3) == "005-luong-can.docx"
    assert B.check_name("xa-a") == ("xa-a.docx", None)
    assert B.check_name("Xã Á.DOCX")[1] is None
    for bad in ("../x", "a/b", "", "  ", "CON", ".an", "a" * 300):
        assert B.check_name(bad)[1] is not None, bad


# ----------------------------------------------------------------------------- readers


def test_csv_applies_every_kind_of_column(tmp_path: Path, base: Path) -> None:
    table = _csv(
        tmp_path / "xa.csv",
        ["ten_tep", "so", "co_quan.ten", "dia_danh", "nguoi_ky.ho_ten", "noi_nhan", "# ghi chú"],
        [
            ["truong-ha", "11", "Ủy ban nhân dân xã Trường Hà", "Trường Hà", "Nông Văn A",
             "Công an xã\nĐoàn xã (b/c)", "không in"],
            ["", "12", "", "Lương Can", "", "", ""],
        ],
    )  # fmt: skip
    report = B.render_batch(base, table, tmp_path / "out", max_workers=1)
    assert [r.ok for r in report.results] == [True, True], report.error_lines()
    first = _text((tmp_path / "out" / "truong-ha.docx").read_bytes())
    assert "Số: 11/CT-UBND" in first and "XÃ TRƯỜNG HÀ" in first
    assert "Trường Hà, ngày" in first and "Nông Văn A" in first
    assert "- Công an xã;" in first and "- Đoàn xã (b/c);" in first
    assert "Thường trực Huyện ủy" not in first  # the list was replaced
    assert "không in" not in first
    second_name = report.results[1].ten_tep
    assert second_name == "003-luong-can.docx"
    second = _text((tmp_path / "out" / second_name).read_bytes())
    assert "Số: 12/CT-UBND" in second and "HÀ QUẢNG" in second  # empty cell keeps the base
    assert "Nguyễn Văn An" in second and "Thường trực Huyện ủy" in second


def test_csv_semicolons_and_append(tmp_path: Path, base: Path) -> None:
    table = tmp_path / "xa.csv"
    table.write_text('dia_danh;noi_nhan[+]\nTrường Hà;"Công an xã\nĐoàn xã"\n', encoding="utf-8")
    report = B.render_batch(base, table, tmp_path / "out", max_workers=1)
    [res] = report.results
    assert res.ok and res.path is not None
    text = _text(res.path.read_bytes())
    assert "Thường trực Huyện ủy;" in text and "- Công an xã;" in text and "- Đoàn xã;" in text


def test_csv_not_utf8(tmp_path: Path, base: Path) -> None:
    table = tmp_path / "xa.csv"
    table.write_bytes(b"dia_danh\nH\xe0 Qu\xe3ng\n")  # Latin-1/cp1258, not UTF-8
    with pytest.raises(CampaignError, match="UTF-8"):
        B.render_batch(base, table, tmp_path / "out", max_workers=1)
    assert not (tmp_path / "out").exists()


def test_xlsx(tmp_path: Path, base: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["so", "ngay", "dia_danh", "noi_nhan", "ten_tep"])
    ws.append([21, dt.datetime(2021, 3, 4), "Trường Hà", "Công an xã\nĐoàn xã", "a"])
    ws.append([None, None, None, None, None])  # blank rows are skipped, numbering kept
    ws.append([22.0, "2021-02-30", "Lương Can", None, "b"])
    wb.save(tmp_path / "xa.xlsx")
    report = B.render_batch(base, tmp_path / "xa.xlsx", tmp_path / "out", max_workers=1)
    ok, bad = report.results
    assert ok.ok and ok.path is not None
    text = _text(ok.path.read_bytes())
    assert "Số: 21/CT-UBND" in text and "ngày 04 tháng 3 năm 2021" in text
    assert not bad.ok and bad.row.row == 4
    [msg] = bad.messages()
    assert "dòng 4 (row 4)" in msg and "trường `ngay`" in msg and "2021-02-30" in msg
    assert "ngày không hợp lệ" in msg and "invalid date" in msg


def test_broken_xlsx(tmp_path: Path, base: Path) -> None:
    (tmp_path / "xa.xlsx").write_bytes(b"not a zip")
    with pytest.raises(CampaignError, match="Excel"):
        B.render_batch(base, tmp_path / "xa.xlsx", tmp_path / "out", max_workers=1)


def test_yaml_list(tmp_path: Path, base: Path) -> None:
    table = tmp_path / "xa.yaml"
    table.write_text(
        "- ten_tep: mot\n"
        "  co_quan.ten: Ủy ban nhân dân xã Trường Hà\n"
        "  nguoi_ky: {ho_ten: Lò Văn B}\n"
        "  mo_dau: null\n"
        "- ten_tep: hai\n"
        "  so: khong\n",
        encoding="utf-8",
    )
    report = B.render_batch(base, table, tmp_path / "out", max_workers=1)
    one, two = report.results
    assert one.ok and one.path is not None
    text = _text(one.path.read_bytes())
    assert "Lò Văn B" in text and "PHÓ CHỦ TỊCH" in text  # nested mapping merged
    assert "Năm 2021 có ý nghĩa quan trọng." not in text  # null removed mo_dau
    assert not two.ok
    [msg] = two.messages()
    assert msg.startswith(f"{table}, mục 2 (item 2), dòng 5 (line 5)")
    assert "trường `so`" in msg and "'khong'" in msg


def test_list_of_mappings_api(tmp_path: Path) -> None:
    rows = [{"dia_danh": "Trường Hà"}, {"dia_danh": "Lương Can", "ten_tep": "lc"}]
    report = B.render_batch(MINIMAL, rows, tmp_path, max_workers=1)
    assert [r.ten_tep for r in report.results] == ["001-truong-ha.docx", "lc.docx"]
    assert all(r.ok for r in report.results)


# ------------------------------------------------------------------------------ errors


def test_unknown_column_stops_before_any_work(tmp_path: Path, base: Path) -> None:
    table = _csv(tmp_path / "xa.csv", ["so", "co_quan.tne"], [["1", "x"]])
    with pytest.raises(CampaignError) as exc:
        B.render_batch(base, table, tmp_path / "out", max_workers=1)
    [p] = exc.value.problems
    assert p.line == 1 and p.column == 2 and "co_quan.ten" in p.message_vi
    assert not (tmp_path / "out").exists()


def test_campaign_error_outside_the_columns_is_fatal(tmp_path: Path) -> None:
    bad = dict(MINIMAL, ngay="2021-02-30")
    camp = tmp_path / "c.yaml"
    camp.write_text(json.dumps(bad, ensure_ascii=False, indent=2), encoding="utf-8")
    table = _csv(tmp_path / "xa.csv", ["so"], [["1"]])
    with pytest.raises(CampaignError) as exc:
        B.render_batch(camp, table, tmp_path / "out", max_workers=1)
    [p] = exc.value.problems
    assert p.loc == ("ngay",) and p.line is not None
    # … but a campaign that every row completes is fine (a template campaign).
    table = _csv(tmp_path / "xa2.csv", ["ngay"], [["2021-03-01"]])
    report = B.render_batch(camp, table, tmp_path / "out", max_workers=1)
    assert report.results[0].ok


def test_campaign_with_ke_thua(tmp_path: Path, base: Path) -> None:
    child = tmp_path / "con.yaml"
    child.write_text("ke_thua: chien-dich.yaml\nso: 77\n", encoding="utf-8")
    table = _csv(tmp_path / "xa.csv", ["dia_danh"], [["Trường Hà"]])
    report = B.render_batch(child, table, tmp_path / "out", max_workers=1)
    [res] = report.results
    assert res.ok and res.path is not None
    assert "Số: 77/CT-UBND" in _text(res.path.read_bytes())


def test_bad_and_duplicate_file_names_are_row_errors(tmp_path: Path, base: Path) -> None:
    table = _csv(
        tmp_path / "xa.csv",
        ["ten_tep", "dia_danh"],
        [["../thoat", "Trường Hà"], ["a", "Lương Can"], ["A.docx", "Quý Quân"], ["b", "Sóc Hà"]],
    )
    report = B.render_batch(base, table, tmp_path / "out", max_workers=1)
    assert [r.ok for r in report.results] == [False, True, False, True]
    assert "ký tự không được dùng" in report.results[0].messages()[0]
    assert "trùng với dòng 3" in report.results[2].messages()[0]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.docx", "b.docx"]
    assert not (tmp_path / "thoat.docx").exists()


def test_existing_file_is_a_row_error_unless_force(tmp_path: Path, base: Path) -> None:
    table = _csv(tmp_path / "xa.csv", ["ten_tep", "so"], [["a", "1"], ["b", "2"]])
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.docx").write_bytes(b"keep me")
    report = B.render_batch(base, table, out, max_workers=1)
    a, b = report.results
    assert not a.ok and a.output_error and "không ghi đè" in a.messages()[0]
    assert "--force" not in a.messages()[0]  # the library names no command-line flag
    assert b.ok and report.only_output_errors
    assert (out / "a.docx").read_bytes() == b"keep me"
    report = B.render_batch(base, table, out, max_workers=1, force=True)
    assert all(r.ok for r in report.results)
    assert (out / "a.docx").read_bytes()[:2] == b"PK"
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_list_index_out_of_range(tmp_path: Path, base: Path) -> None:
    table = _csv(tmp_path / "xa.csv", ["noi_nhan[9]"], [["Công an xã"]])
    [res] = B.render_batch(base, table, tmp_path / "out", max_workers=1).results
    assert not res.ok and "không có mục 9" in res.messages()[0]


# ---------------------------------------------------------------------------- parallel


def test_work_is_picklable() -> None:
    chunk = B.Chunk(MINIMAL, (B.Variation(2, (("so", 3),)),))
    again = pickle.loads(pickle.dumps(chunk))
    assert again == chunk
    assert pickle.loads(pickle.dumps(B.render_chunk)) is B.render_chunk
    [outcome] = B.render_chunk(again)
    assert outcome.data is not None
    bad = B.render_chunk(B.Chunk(MINIMAL, (B.Variation(2, (("so", "x"),)),)))
    assert pickle.loads(pickle.dumps(bad)) == bad and bad[0].problems


def test_worker_compiles_the_layout_once(tmp_path: Path, base: Path) -> None:
    table = _csv(tmp_path / "xa.csv", ["so"], [[str(i)] for i in range(1, 9)])
    with ProcessPoolExecutor(max_workers=1) as pool:
        report = B.render_batch(base, table, tmp_path / "out", executor=pool, chunk_size=1)
        pid, compiled = pool.submit(run.worker_stats).result()
    assert len(report.written) == 8
    assert pid != os.getpid() and compiled == 1


def test_thread_pool_executor(tmp_path: Path, base: Path) -> None:
    table = _csv(tmp_path / "xa.csv", ["so"], [[str(i)] for i in range(1, 6)])
    with ThreadPoolExecutor(max_workers=3) as pool:
        report = B.render_batch(base, table, tmp_path / "out", executor=pool, chunk_size=2)
    assert len(report.written) == 5


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_batch_twice_is_byte_identical(tmp_path: Path) -> None:
    table = _csv(tmp_path / "xa.csv", HEADER, _communes(12))
    with ProcessPoolExecutor(max_workers=2) as pool:
        B.render_batch(EX2021, table, tmp_path / "a", executor=pool, chunk_size=3)
        B.render_batch(EX2021, table, tmp_path / "b", executor=pool, chunk_size=5)
    B.render_batch(EX2021, table, tmp_path / "c", max_workers=1)
    a, b, c = (_digests(tmp_path / x) for x in "abc")
    assert len(a) == 12 and a == b == c


def test_500_communes_three_broken(tmp_path: Path) -> None:
    """497 documents and three errors naming row and field (2 worker processes)."""
    broken = {
        17: ("so", "mười bảy"),  # not a number
        250: ("dia_danh", "xã Số 249"),  # place name must be capitalised
        501: ("nguoi_ky.ho_ten", "Nguyễn\x07Văn"),  # a control character pasted from Word
    }
    table = _csv(tmp_path / "xa.csv", HEADER, _communes(500, broken))
    seen: list[B.ItemResult] = []
    with ProcessPoolExecutor(max_workers=2) as pool:
        report = B.render_batch(
            EX2021, table, tmp_path / "out", executor=pool, progress=seen.append
        )
    assert len(seen) == 500
    assert len(report.written) == 497
    files = sorted((tmp_path / "out").iterdir())
    assert len(files) == 497
    assert all(zipfile.ZipFile(f).testzip() is None for f in files[::50])
    errors = {r.row.row: r.messages() for r in report.failed}
    assert sorted(errors) == [17, 250, 501]
    assert "dòng 17 (row 17)" in errors[17][0] and "trường `so`" in errors[17][0]
    assert "phải là số nguyên" in errors[17][0] and "must be a whole number" in errors[17][0]
    assert "trường `dia_danh`" in errors[250][0] and "capital" in errors[250][0]
    assert "trường `nguoi_ky.ho_ten`" in errors[501][0] and "U+0007" in errors[501][0]
    assert "'Nguyễn\\u0007Văn'" in errors[501][0]
    assert "497/500" in report.summary()


# ------------------------------------------------------------------------ interruption


class _FailsAfter(Executor):
    """Runs ``n`` submissions, then every later one fails (a worker lost half way)."""

    def __init__(self, n: int) -> None:
        self.n = n

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        if self.n > 0:
            self.n -= 1
            fut.set_result(fn(*args, **kwargs))
        else:
            fut.set_exception(RuntimeError("máy trạm mất kết nối"))
        return fut


def test_failure_half_way_keeps_finished_documents(tmp_path: Path, base: Path) -> None:
    table = _csv(tmp_path / "xa.csv", ["so"], [[str(i)] for i in range(1, 11)])
    report = B.render_batch(base, table, tmp_path / "out", executor=_FailsAfter(2), chunk_size=3)
    assert len(report.written) == 6 and len(report.failed) == 4
    for r in report.written:
        assert r.path is not None and zipfile.ZipFile(r.path).testzip() is None
    assert "not written: the worker failed" in report.failed[0].messages()[0]
    # run again: the finished ones are reported as existing, the rest are done now
    again = B.render_batch(base, table, tmp_path / "out", max_workers=1)
    assert len(again.written) == 4 and all(r.output_error for r in again.failed)


def _crash_on_row_7(base: Any, row: B.Variation, *rest: Any) -> B.Outcome:
    if row.row == 7:
        os._exit(1)
    return _ORIGINAL(base, row, *rest)


_ORIGINAL = run.render_row


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="needs fork to patch the workers"
)
def test_worker_process_dies(tmp_path: Path, base: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run, "render_row", _crash_on_row_7)
    table = _csv(tmp_path / "xa.csv", ["so"], [[str(i)] for i in range(1, 21)])
    with ProcessPoolExecutor(max_workers=1) as pool:
        pool.submit(run.worker_stats).result()  # start the worker before the patch matters
        report = B.render_batch(base, table, tmp_path / "out", executor=pool, chunk_size=2)
    assert len(report.results) == 20
    assert {r.row.row for r in report.written} >= {2, 3, 4, 5}
    assert 7 in {r.row.row for r in report.failed}
    for r in report.written:
        assert r.path is not None and zipfile.ZipFile(r.path).testzip() is None
    assert "BrokenProcessPool" in report.failed[0].messages()[0]


# ---------------------------------------------------------------------------------- cli


def test_cli_batch(tmp_path: Path, base: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = _csv(tmp_path / "xa.csv", ["ten_tep", "so"], [["a", "1"], ["b", "2"]])
    out = tmp_path / "out"
    assert main(["batch", str(base), str(table), "-o", str(out), "-j", "1"]) == 0
    assert "2/2" in capsys.readouterr().out
    assert main(["batch", str(base), str(table), "-o", str(out), "-j", "1"]) == 4
    assert "--force" in capsys.readouterr().err
    assert main(["batch", str(base), str(table), "-o", str(out), "--force"]) == 0
    bad = _csv(tmp_path / "bad.csv", ["so"], [["x"]])
    assert main(["batch", str(base), str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "dòng 2 (row 2)" in err and "trường `so`" in err and "Traceback" not in err
    unknown = _csv(tmp_path / "u.csv", ["noi_nhna"], [["x"]])
    assert main(["batch", str(base), str(unknown), "-o", str(out)]) == 2
    assert "noi_nhan" in capsys.readouterr().err
    assert main(["batch", str(base), str(tmp_path / "none.csv"), "-o", str(out)]) == 2


# --------------------------------------------------------------------------------- docs


def test_docs_example(tmp_path: Path) -> None:
    """The Python example of docs/batch.md runs as written (from a copy of the repo's
    examples, with a standard ProcessPoolExecutor)."""
    import re
    import shutil
    import subprocess
    import sys

    from support import ROOT

    doc = (ROOT / "docs" / "batch.md").read_text(encoding="utf-8")
    [code] = [b for b in re.findall(r"```python\n(.*?)```", doc, re.S) if "render_batch(" in b]
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    (tmp_path / "example.py").write_text(code, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "4/4" in proc.stdout and "Traceback" not in proc.stderr
    names = sorted(p.name for p in (tmp_path / "out" / "cac-xa").iterdir())
    assert names == ["005-quy-quan.docx", "luong-can.docx", "soc-ha.docx", "truong-ha.docx"]


def test_example_tables_agree(tmp_path: Path) -> None:
    """examples/batch: the CSV and the YAML table give the same Trường Hà header."""
    csv_r = B.render_batch(EX2021, EXAMPLES / "batch" / "cac-xa.csv", tmp_path / "c", max_workers=1)
    yml_r = B.render_batch(
        EX2021, EXAMPLES / "batch" / "cac-xa.yaml", tmp_path / "y", max_workers=1
    )
    assert not csv_r.failed and not yml_r.failed
    a = _text((tmp_path / "c" / "truong-ha.docx").read_bytes())
    b = _text((tmp_path / "y" / "truong-ha.docx").read_bytes())
    for text in (a, b):
        assert "XÃ TRƯỜNG HÀ" in text and "Số: 11/CT-UBND" in text and "Nông Văn Hùng" in text


# ---------------------------------------------------------------------------------- pdf


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")), reason="needs LibreOffice"
)
def test_docx_to_pdf_many_keeps_order(tmp_path: Path) -> None:
    import subprocess

    from chithi_gen.api import render_docx
    from chithi_gen.model import Campaign
    from chithi_gen.render.pdf import docx_to_pdf_many

    places = ["Trường Hà", "Lương Can", "Sóc Hà"]
    docs = [render_docx(Campaign.model_validate(dict(MINIMAL, dia_danh=p))) for p in places]
    pdfs = docx_to_pdf_many(docs)
    assert len(pdfs) == 3
    for place, pdf in zip(places, pdfs, strict=True):
        f = tmp_path / "x.pdf"
        f.write_bytes(pdf)
        text = subprocess.run(["pdftotext", str(f), "-"], capture_output=True, text=True).stdout
        assert f"{place}, ngày" in text
    assert docx_to_pdf_many([]) == []
