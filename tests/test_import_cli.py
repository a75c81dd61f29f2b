"""``chithi import FILE.docx -o campaign.yaml``: the command, its exit codes, and no
traceback on any input (a fuzz test of mutated documents)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from chithi_gen import Renderer
from chithi_gen.check import CheckInputError
from chithi_gen.cli import main
from chithi_gen.importer import import_docx
from support import DATA, EXAMPLES

RENDERER = Renderer(environ={})
TYPED = DATA / "import" / "chi-thi-go-tay.docx"


@pytest.fixture
def docx(tmp_path: Path) -> Path:
    path = tmp_path / "chi-thi-2026.docx"
    path.write_bytes(
        RENDERER.render(RENDERER.read(EXAMPLES / "chi-thi-xa-truong-ha-2026.yaml")).docx
    )
    return path


def test_import_writes_a_campaign_file_that_validates(
    docx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nam-sau" / "chi-thi-2027.yaml"
    assert main(["import", str(docx), "-o", str(out)]) == 0
    assert f"Đã tạo / written: {out}" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Tệp chiến dịch nhập từ chi-thi-2026.docx")
    assert "danh_so: [so, chu]" in text and "\n  - muc: >-\n" in text  # block style, folded
    assert main(["validate", str(out)]) == 0


def test_existing_output_needs_force(
    docx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "c.yaml"
    out.write_text("keep", encoding="utf-8")
    assert main(["import", str(docx), "-o", str(out)]) == 4
    assert "--force" in capsys.readouterr().err and out.read_text(encoding="utf-8") == "keep"
    assert main(["import", str(docx), "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").count("loai: chi_thi") == 1


def test_output_is_required(docx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(docx)]) == 2
    assert "-o/--output" in capsys.readouterr().err


def test_the_output_may_not_be_the_input(docx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = docx.read_bytes()
    assert main(["import", str(docx), "-o", str(docx), "--force"]) == 2
    assert docx.read_bytes() == before and "input" in capsys.readouterr().err


@pytest.mark.parametrize(
    "content",
    [b"", b"not a zip", b"PK\x03\x04broken", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old .doc"],
    ids=["empty", "text", "broken zip", "legacy .doc"],
)
def test_an_unreadable_docx_exits_2_without_traceback(
    content: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(content)
    out = tmp_path / "out.yaml"
    assert main(["import", str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "(" in err and not out.exists()


def test_a_missing_file_or_a_folder_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.yaml"
    assert main(["import", str(tmp_path / "none.docx"), "-o", str(out)]) == 2
    assert main(["import", str(tmp_path), "-o", str(out)]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_notes_are_listed_on_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = DATA / "check-corpus" / "mau" / "mau-1.4-van-ban-co-ten-loai.docx"
    assert main(["import", str(sample), "-o", str(tmp_path / "m.yaml")]) == 0
    err = capsys.readouterr().err
    assert "Chưa đọc được / not read: `dia_danh`" in err


def test_a_cong_van_is_named_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A document with no tên loại (Mẫu 1.5) is said to be a công văn, not a kind named
    'none'."""
    sample = DATA / "check-corpus" / "mau" / "mau-1.5-cong-van.docx"
    assert main(["import", str(sample), "-o", str(tmp_path / "cv.yaml")]) == 0
    err = capsys.readouterr().err
    assert "`loai`: văn bản không có tên loại (công văn)" in err
    assert "no tên loại (a công văn)" in err and "none" not in err


def test_a_template_folder_brings_its_kinds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = EXAMPLES / "mau-don-vi"
    renderer = Renderer([folder], environ={})
    source = tmp_path / "pa.docx"
    source.write_bytes(
        renderer.render(renderer.read(folder / "phuong-an-phong-chong-thien-tai.yaml")).docx
    )
    out = tmp_path / "pa.yaml"
    assert main(["import", str(source), "-o", str(out), "-t", str(folder)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "loai: phuong_an" in text and "pham_vi: các thôn, xóm thuộc xã Hà Quảng" in text
    assert main(["import", str(source), "-o", str(out), "-f"]) == 0  # without the folder
    assert "phuong_an" not in out.read_text(encoding="utf-8").split("\nco_quan")[0]
    capsys.readouterr()


# -- fuzzing ------------------------------------------------------------------------

SEEDS = [
    RENDERER.render(RENDERER.read(EXAMPLES / "chuong-trinh-kem-quyet-dinh.yaml")).docx,
    TYPED.read_bytes(),
    (DATA / "import" / "ke-hoach-thap-phan.docx").read_bytes(),
]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TEXT = st.text(
    st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyIVX0123456789 .,:;-+()*[]^|/\t")),
    max_size=30,
)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A seed document with its body's XML changed: elements dropped, duplicated,
    moved, text replaced; or its bytes damaged."""
    seed = draw(st.sampled_from(SEEDS))
    with zipfile.ZipFile(io.BytesIO(seed)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    if draw(st.integers(0, 9)) == 0:
        raw = bytearray(seed)
        for _ in range(draw(st.integers(1, 6))):
            raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
        return bytes(raw)
    root = etree.fromstring(parts["word/document.xml"])
    elements = [el for el in root.iter() if el is not root and el.getparent() is not None]
    for _ in range(draw(st.integers(1, 10))):
        el = elements[draw(st.integers(0, len(elements) - 1))]
        parent = el.getparent()
        if parent is None:
            continue
        action = draw(st.sampled_from(["drop", "dup", "text", "move"]))
        if action == "drop":
            parent.remove(el)
        elif action == "dup":
            parent.insert(parent.index(el), etree.fromstring(etree.tostring(el)))
        elif action == "text" and el.tag == f"{{{W}}}t":
            el.text = draw(_TEXT)
        elif action == "move":
            target = elements[draw(st.integers(0, len(elements) - 1))].getparent()
            if target is not None and target is not el and el not in target.iterancestors():
                parent.remove(el)
                target.insert(0, el)
    parts["word/document.xml"] = etree.tostring(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out.getvalue()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated())
def test_fuzz_an_import_is_valid_or_a_bilingual_refusal(data: bytes) -> None:
    try:
        result = import_docx(data, RENDERER)
    except CheckInputError as exc:
        assert exc.message_vi and exc.message_en
        return
    assert result.problems == []
    RENDERER.prepare(RENDERER.parse(result.yaml(), "fuzz.yaml"))
