"""Input that is not a readable .docx raises ``CheckInputError``, bilingual."""

from __future__ import annotations

import io
import pickle
import zipfile
from pathlib import Path

import pytest

from chithi_gen import errors
from chithi_gen.check import CheckInputError, check_docx


def _assert_bilingual(exc: CheckInputError) -> None:
    assert exc.message_vi and exc.message_en
    assert str(exc) == f"{exc.message_vi} / {exc.message_en}"
    assert "Traceback" not in str(exc)


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "note.docx"
    path.write_text("Đây không phải tệp Word", encoding="utf-8")
    with pytest.raises(CheckInputError) as info:
        check_docx(path)
    _assert_bilingual(info.value)
    assert "Not a .docx" in info.value.message_en


def test_zip_without_document() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "xin chào")
    with pytest.raises(CheckInputError) as info:
        check_docx(buf.getvalue())
    _assert_bilingual(info.value)
    assert "word/document.xml" in info.value.message_en


def test_truncated_docx(ours: bytes) -> None:
    with pytest.raises(CheckInputError) as info:
        check_docx(ours[: len(ours) // 2])
    _assert_bilingual(info.value)
    assert "corrupt or truncated" in info.value.message_en


def test_corrupt_member(ours: bytes) -> None:
    # Damage the compressed bytes of word/document.xml without touching the directory.
    with zipfile.ZipFile(io.BytesIO(ours)) as zf:
        info = zf.getinfo("word/document.xml")
    data = bytearray(ours)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 40
    data[start : start + 200] = b"\x00" * 200
    with pytest.raises(CheckInputError) as exc:
        check_docx(bytes(data))
    _assert_bilingual(exc.value)


def test_malformed_xml() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document><w:body>")
    with pytest.raises(CheckInputError) as info:
        check_docx(buf.getvalue())
    assert "malformed" in info.value.message_en


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CheckInputError) as info:
        check_docx(tmp_path / "khong-co.docx")
    assert "File not found" in info.value.message_en
    assert "Không tìm thấy tệp" in info.value.message_vi


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(CheckInputError):
        check_docx(tmp_path)


def test_legacy_doc() -> None:
    with pytest.raises(CheckInputError) as info:
        check_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert ".doc" in info.value.message_en


def test_is_a_value_error() -> None:
    assert issubclass(CheckInputError, ValueError)


def test_is_a_chithi_error_of_exit_code_2() -> None:
    """Every exception lives in ``chithi_gen.errors`` with its exit code and its problem."""
    assert CheckInputError is errors.CheckInputError
    assert issubclass(CheckInputError, errors.ChithiError)
    with pytest.raises(errors.ChithiError) as info:
        check_docx(b"not a zip")
    exc = info.value
    assert isinstance(exc, CheckInputError)
    assert exc.exit_code == 2
    [problem] = exc.problems
    assert (problem.message_vi, problem.message_en) == (exc.message_vi, exc.message_en)
    assert problem.code == "docx-unreadable"
    _assert_bilingual(exc)


def test_survives_pickling() -> None:
    """A worker process can send it back (multiprocessing pickles exceptions)."""
    exc = CheckInputError("Không đọc được", "Cannot read")
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is CheckInputError
    assert (back.message_vi, back.message_en, str(back)) == (
        exc.message_vi,
        exc.message_en,
        str(exc),
    )


def test_path_bytes_and_stream_agree(ours: bytes, tmp_path: Path) -> None:
    path = tmp_path / "ours.docx"
    path.write_bytes(ours)
    by_path = check_docx(path)
    by_str = check_docx(str(path))
    by_bytes = check_docx(ours)
    by_stream = check_docx(io.BytesIO(ours))
    statuses = [[r.status for r in rep.results] for rep in (by_path, by_str, by_bytes, by_stream)]
    assert all(s == statuses[0] for s in statuses)
    assert by_path.source == str(path)
    assert by_bytes.source == "<bytes>"
