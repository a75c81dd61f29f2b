"""Tracked changes between two rendered documents: accept all gives NEW, reject all OLD."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from lxml import etree
from rev_support import (
    check_revisions,
    content,
    minimal,
    parts,
    q,
    render,
    renderer,
    texts,
    xml,
)

from chithi_gen import load_campaign
from chithi_gen.render.package import write_package
from chithi_gen.revisions import (
    RevisionError,
    accept_all,
    compare_docx,
    reject_all,
    summarize_changes,
    track_changes,
)
from support import EXAMPLES

DATE = datetime(2026, 12, 1, 9, 30)
AUTHOR = "Văn phòng UBND"


def track(old: bytes, new: bytes) -> bytes:
    return track_changes(old, new, author=AUTHOR, date=DATE)


def assert_round_trip(old: bytes, new: bytes) -> bytes:
    """Track, then check accept → NEW, reject → OLD and the schema rules."""
    marked = track(old, new)
    assert content(accept_all(marked)) == content(new)
    assert content(reject_all(marked)) == content(old)
    assert texts(accept_all(marked)) == texts(new)
    assert texts(reject_all(marked)) == texts(old)
    check_revisions(marked)
    return marked


@pytest.fixture(scope="module")
def years() -> tuple[bytes, bytes]:
    r = renderer()
    old = r.render_docx(load_campaign(EXAMPLES / "chi-thi-ha-quang-2020.yaml"))
    new = r.render_docx(load_campaign(EXAMPLES / "chi-thi-ha-quang-2021.yaml"))
    return old, new


def test_two_years_round_trip(years: tuple[bytes, bytes]) -> None:
    old, new = years
    marked = assert_round_trip(old, new)
    assert check_revisions(marked) > 50
    root = xml(marked)
    assert root.find(".//w:ins", {"w": q("")[1:-1]}) is not None


def test_header_table_changes_are_revisions(years: tuple[bytes, bytes]) -> None:
    """Số and the date live in the header table: they are tracked word by word."""
    marked = track(*years)
    tbl = xml(marked).find(q("body")).find(q("tbl"))
    deleted = ["".join(t.text or "" for t in d.iter(q("delText"))) for d in tbl.iter(q("del"))]
    inserted = ["".join(t.text or "" for t in i.iter(q("t"))) for i in tbl.iter(q("ins"))]
    assert "05" in deleted and "02" in inserted  # Số: 05/CT-UBND → Số: 02/CT-UBND
    assert "2020" in deleted and "2021" in inserted
    for el in [*tbl.iter(q("ins")), *tbl.iter(q("del"))]:
        assert el.get(q("author")) == AUTHOR
        assert el.get(q("date")) == "2026-12-01T09:30:00Z"
    summary = summarize_changes(*years)
    places = [c.where()[1] for c in summary.changed]
    assert "table 1, row 2, cell 1" in places and "table 1, row 2, cell 2" in places


def test_deterministic(years: tuple[bytes, bytes]) -> None:
    assert track(*years) == track(*years)


def test_summary(years: tuple[bytes, bytes]) -> None:
    summary = summarize_changes(*years)
    assert summary.added and summary.removed and summary.changed
    lines = summary.lines(limit=5)
    assert lines[0].startswith("Thêm ") and "added" in lines[0]
    assert len(lines) == 7 and lines[-1].startswith("… và ")
    removed = " ".join(c.old for c in summary.removed)
    assert "Trong 6 tháng đầu năm 2020" in removed
    both = compare_docx(*years, author=AUTHOR, date=DATE)
    assert both.summary == summary
    assert both.docx == track(*years)


def test_identical_documents_are_left_alone(years: tuple[bytes, bytes]) -> None:
    old, _ = years
    assert track(old, old) == old
    summary = summarize_changes(old, old)
    assert summary.changes == () and summary.revisions == 0
    assert summary.lines() == ["Không có thay đổi (no changes)"]


def test_unchanged_paragraphs_are_byte_identical() -> None:
    old_data = minimal()
    new_data = minimal()
    new_data["mo_dau"] = ["Năm 2021 có ý nghĩa rất quan trọng."]
    old, new = render(old_data), render(new_data)
    marked = assert_round_trip(old, new)
    new_ps = [etree.tostring(p) for p in xml(new).iter(q("p"))]
    out_ps = [etree.tostring(p) for p in xml(marked).iter(q("p"))]
    changed = [p for p in out_ps if p not in new_ps]
    assert len(changed) == 1 and b"r\xc3\xa5t" not in changed[0]
    assert "rất " in "".join(t.text or "" for t in etree.fromstring(changed[0]).iter(q("t")))
    for name, blob in parts(new).items():
        if name not in ("word/document.xml",):
            assert parts(marked)[name] == blob, name


# -- small edits of the minimal campaign -------------------------------------------


def _edit(change: Any) -> tuple[bytes, bytes]:
    old_data, new_data = minimal(), minimal()
    change(new_data)
    return render(old_data), render(new_data)


def test_word_replaced_keeps_formatting() -> None:
    def change(d: dict[str, Any]) -> None:
        d["mo_dau"] = ["Năm 2021 có ý nghĩa **rất** quan trọng."]

    old, new = _edit(change)
    marked = assert_round_trip(old, new)
    ins = [i for i in xml(marked).iter(q("ins")) if len(i)]
    assert len(ins) == 1
    run = ins[0][0]
    assert run.find(f"{q('rPr')}/{q('b')}") is not None
    assert "".join(t.text or "" for t in run.iter(q("t"))) == "rất"


def test_paragraph_added_and_removed() -> None:
    def change(d: dict[str, Any]) -> None:
        d["mo_dau"] = ["Một đoạn mới hoàn toàn khác trước."]
        d["noi_dung"][0]["noi_dung"].append("Thêm một đoạn nữa về mục tiêu.")

    old, new = _edit(change)
    marked = assert_round_trip(old, new)
    body = xml(marked).find(q("body"))
    marks = [p.find(f"{q('pPr')}/{q('rPr')}") for p in body.iter(q("p"))]
    kinds = {m[0].tag for m in marks if m is not None and len(m)}
    assert kinds == {q("ins"), q("del")}
    summary = summarize_changes(old, new)
    assert any("Thêm một đoạn nữa" in c.new for c in summary.added)
    assert any("Năm 2021 có ý nghĩa" in c.old for c in summary.removed)


def test_item_removed_and_style_change() -> None:
    def change(d: dict[str, Any]) -> None:
        del d["noi_dung"][1]["noi_dung"][0]["noi_dung"][1]
        d["noi_dung"][2] = "Căn cứ Chỉ thị này, các cơ quan nghiêm túc thực hiện."

    assert_round_trip(*_edit(change))


def test_header_date_and_number() -> None:
    def change(d: dict[str, Any]) -> None:
        d["ngay"] = "2022-03-07"
        d["so"] = 17

    old, new = _edit(change)
    marked = assert_round_trip(old, new)
    tbl = xml(marked).find(q("body")).find(q("tbl"))
    assert tbl.find(f".//{q('del')}") is not None and tbl.find(f".//{q('ins')}") is not None


def test_signature_and_recipients() -> None:
    def change(d: dict[str, Any]) -> None:
        d["nguoi_ky"]["ho_ten"] = "Trần Thị Bình"
        d["noi_nhan"] = ["Thường trực Huyện ủy", "UBND các xã, thị trấn", "Sở Nội vụ"]

    assert_round_trip(*_edit(change))


def test_footnotes_are_diffed() -> None:
    base = minimal()
    base["noi_dung"][0]["noi_dung"] = ["Phát huy sức mạnh^[Theo Nghị quyết số 12.] toàn hệ thống."]

    def variant(note: str, extra: bool) -> dict[str, Any]:
        d = minimal()
        text = f"Phát huy sức mạnh^[{note}] toàn hệ thống."
        if extra:
            text += " Thêm^[Chú thích mới.]"
        d["noi_dung"][0]["noi_dung"] = [text]
        return d

    old = render(base)
    for new_data in (variant("Theo Nghị quyết số 15 năm 2020.", False), variant("Theo X.", True)):
        new = render(new_data)
        marked = assert_round_trip(old, new)
        notes = etree.fromstring(parts(marked)["word/footnotes.xml"])
        assert notes.find(f".//{q('ins')}") is not None
    # A footnote removed with its paragraph: its note is kept, marked deleted.
    gone = minimal()
    gone["noi_dung"][0]["noi_dung"] = ["Một câu khác hẳn, không có chú thích nào ở đây cả."]
    marked = assert_round_trip(old, render(gone))
    notes = etree.fromstring(parts(marked)["word/footnotes.xml"])
    assert notes.find(f".//{q('delText')}") is not None


def _with_table(rows: list[tuple[str, int]]) -> dict[str, Any]:
    d = minimal()
    d["noi_dung"].insert(
        1,
        {
            "tieu_de": "Chỉ tiêu",
            "chi_tieu_dang": "bang",
            "chi_tieu": [{"ten": t, "gia_tri": v, "don_vi": "xã"} for t, v in rows],
        },
    )
    return d


def test_table_rows_inserted_and_deleted() -> None:
    old = render(_with_table([("Xã đạt chuẩn", 5), ("Xã có nhà văn hóa", 7), ("Xã sạch", 3)]))
    new = render(_with_table([("Xã đạt chuẩn", 6), ("Xã sạch", 3), ("Xã an toàn", 9)]))
    marked = assert_round_trip(old, new)
    body = xml(marked).find(q("body"))
    tables = body.findall(q("tbl"))
    marks = {m.tag for t in tables for m in t.iter() if m.getparent() is not None}
    trpr_marks = [
        m.tag for t in tables for tr in t.iter(q("tr")) for m in tr.findall(f"{q('trPr')}/*")
    ]
    assert q("ins") in trpr_marks and q("del") in trpr_marks
    assert q("delText") in marks
    summary = summarize_changes(old, new)
    assert any(c.where()[1].startswith("table 2, row") for c in summary.added)


def test_whole_table_added() -> None:
    old = render(minimal())
    new = render(_with_table([("Xã đạt chuẩn", 5)]))
    assert_round_trip(old, new)
    assert_round_trip(new, old)


# -- dates ---------------------------------------------------------------------------


def test_aware_dates_are_written_in_utc() -> None:
    old, new = render(minimal()), render(_with_table([("Xã", 1)]))
    hanoi = timezone(timedelta(hours=7))
    marked = track_changes(old, new, author="A", date=datetime(2026, 12, 1, 8, 0, tzinfo=hanoi))
    dates = {el.get(q("date")) for el in xml(marked).iter(q("ins"), q("del"))}
    assert dates == {"2026-12-01T01:00:00Z"}
    utc = track_changes(old, new, author="A", date=datetime(2026, 12, 1, 1, 0, tzinfo=UTC))
    assert utc == marked


# -- inputs that are not comparable ---------------------------------------------------


def _zip(entries: dict[str, bytes]) -> bytes:
    return write_package(entries)


@pytest.mark.parametrize(
    "bad",
    [
        b"",
        b"not a zip at all",
        b"PK\x03\x04broken",
        _zip({"hello.txt": b"x"}),
        _zip({"word/document.xml": b"<w:document"}),
        _zip({"word/document.xml": b"<root/>"}),
    ],
)
def test_bad_inputs_give_a_clear_error(bad: bytes) -> None:
    good = render(minimal())
    for args in ((bad, good), (good, bad)):
        with pytest.raises(RevisionError) as info:
            track(*args)
        message = str(info.value)
        assert "(" in message and ("văn bản" in message)
    with pytest.raises(RevisionError):
        accept_all(bad)


def test_documents_with_revisions_are_refused() -> None:
    old, new = render(minimal()), render(_with_table([("Xã", 1)]))
    marked = track(old, new)
    with pytest.raises(RevisionError, match="tracked changes"):
        track(marked, new)
    assert content(accept_all(accept_all(marked))) == content(new)


def test_zip_bomb_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<a>" + b" " * (300 * 1024 * 1024) + b"</a>")
    with pytest.raises(RevisionError, match="MB"):
        track(buf.getvalue(), render(minimal()))
