"""What the import added to the checker's reader: footnote and endnote references on a
paragraph (where they stand in its text) and the notes' own texts — the text itself and
the checker's verdicts unchanged (the corpus test in tests/check holds them)."""

from __future__ import annotations

from chithi_gen import Renderer
from chithi_gen.check import check_docx
from chithi_gen.check.read import read_model
from support import DATA, EXAMPLES


def test_references_and_texts_of_our_footnotes() -> None:
    renderer = Renderer(environ={})
    docx = renderer.render(renderer.read(EXAMPLES / "chuong-trinh-kem-quyet-dinh.yaml")).docx
    model = read_model(docx)
    noted = [p for p in model.paragraphs if p.notes]
    assert [p.notes[0][1:] for p in noted] == [("footnote", "1"), ("footnote", "2")]
    at = noted[0].notes[0][0]
    assert noted[0].text[:at].endswith("kinh tế - xã hội năm 2026")
    assert noted[0].text[at:] == "."  # the reference sits before the full stop
    texts = model.note_texts()
    assert texts["1"].startswith("Theo Nghị quyết của Hội đồng nhân dân xã")
    assert texts["2"] == "Tổng số nhà cần hỗ trợ theo kết quả rà soát cuối năm 2025 là 146 nhà."
    assert model.note_texts("endnote") == {}


def test_a_footnote_written_by_libreoffice() -> None:
    model = read_model(DATA / "import" / "chuong-trinh-libreoffice.docx")
    (p,) = [p for p in model.paragraphs if p.notes]
    offset, kind, note_id = p.notes[0]
    assert kind == "footnote" and p.text[:offset].endswith("Đại hội Đảng bộ tỉnh")
    assert model.note_texts()[note_id] == (
        "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2025 - 2030."
    )


def test_a_document_without_notes() -> None:
    model = read_model(DATA / "import" / "chi-thi-go-tay.docx")
    assert all(p.notes == () for p in model.paragraphs) and model.note_texts() == {}
    assert check_docx(DATA / "import" / "chi-thi-go-tay.docx").doc_type.kind == "co_ten_loai"
