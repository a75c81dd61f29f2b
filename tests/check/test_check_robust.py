"""Hostile and malformed input: bounded, bilingual ``CheckInputError``, never a traceback.

* a zip bomb (half a megabyte that inflates to 170 MB of document.xml) ends in seconds,
  under 500 MB of memory, even when its zip directory lies about the size;
* too many XML elements, too many zip entries, a file larger than the limit;
* only regular files are read (not a FIFO, a device or a directory);
* malformed numbers (``w:w="inf"``, ``nan``, ``1e400``, ``-``) are read as absent;
* a hypothesis fuzz test mutates real documents (their XML and their bytes) and checks
  that the checker returns a report or raises ``CheckInputError``, nothing else.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest
from check_support import MAU_1_4
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chithi_gen.check import CheckInputError, Report, check_docx
from chithi_gen.check import package as pkg

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CORPUS = Path(__file__).resolve().parents[1] / "data" / "check-corpus"
SEEDS = [
    MAU_1_4.read_bytes(),
    (CORPUS / "hand" / "cong-van-dung.docx").read_bytes(),
    (CORPUS / "mau" / "mau-1.6-cong-dien.docx").read_bytes(),
]


def _assert_bilingual(exc: CheckInputError) -> None:
    assert exc.message_vi and exc.message_en
    assert str(exc) == f"{exc.message_vi} / {exc.message_en}"


def _bomb(path: Path, inflated: int, lie: bool = False) -> None:
    """A .docx whose document.xml inflates to ``inflated`` bytes of empty paragraphs."""
    head = f'<w:document xmlns:w="{W}"><w:body>'.encode()
    tail = b"</w:body></w:document>"
    unit = b"<w:p/>" * 4096
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(head)
            for _ in range(inflated // len(unit)):
                fh.write(unit)
            fh.write(tail)
    if lie:  # claim a tiny size in both headers: the limit must hold while inflating
        data = bytearray(path.read_bytes())
        name = b"word/document.xml"
        for sig in (b"PK\x01\x02", b"PK\x03\x04"):
            at = 0
            while (at := data.find(sig, at)) >= 0:
                offset = 46 if sig == b"PK\x01\x02" else 30
                length = 28 if sig == b"PK\x01\x02" else 26
                if data[at + offset : at + offset + len(name)] == name:
                    size_at = at + (24 if sig == b"PK\x01\x02" else 22)
                    if data[size_at : size_at + 4] != b"\xff\xff\xff\xff":
                        data[size_at : size_at + 4] = (1000).to_bytes(4, "little")
                at += length
        path.write_bytes(bytes(data))


_RUNNER = textwrap.dedent(
    """
    import resource, sys, time
    from chithi_gen.check import CheckInputError, check_docx
    start = time.time()
    try:
        check_docx(sys.argv[1])
        outcome = "report"
    except CheckInputError as exc:
        outcome = "refused: " + str(exc)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{outcome}\\n{time.time() - start:.2f}\\n{peak:.0f}")
    """
)


@pytest.mark.parametrize("lie", [False, True], ids=["honest", "lying-directory"])
def test_zip_bomb_is_refused_quickly_and_cheaply(tmp_path: Path, lie: bool) -> None:
    path = tmp_path / "bomb.docx"
    _bomb(path, 170 * 1024 * 1024, lie=lie)
    assert path.stat().st_size < 600 * 1024
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    outcome, seconds, peak_mb = done.stdout.strip().splitlines()
    assert outcome.startswith("refused: ")
    if lie:  # inflating stops at the claimed size, and the checksum then fails
        assert "zip bomb" in outcome or "corrupt" in outcome
    else:
        assert "zip bomb" in outcome and "bom nén" in outcome
    assert float(seconds) < 5
    assert float(peak_mb) < 500


def test_too_many_elements(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pkg, "MAX_ELEMENTS", 500)
    with pytest.raises(CheckInputError) as info:
        check_docx(MAU_1_4)
    _assert_bilingual(info.value)
    assert "too many XML elements" in info.value.message_en


def test_too_many_entries() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(pkg.MAX_ENTRIES + 1):
            zf.writestr(f"x/{i}", b"")
    with pytest.raises(CheckInputError) as info:
        check_docx(buf.getvalue())
    assert "parts" in info.value.message_en


def test_file_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pkg, "MAX_FILE", 1000)
    path = tmp_path / "big.docx"
    path.write_bytes(MAU_1_4.read_bytes())
    for source in (path, path.read_bytes(), io.BytesIO(path.read_bytes())):
        with pytest.raises(CheckInputError) as info:
            check_docx(source)  # type: ignore[arg-type]
        assert "too large" in info.value.message_en


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    start = time.time()
    with pytest.raises(CheckInputError) as info:
        check_docx(fifo)
    assert time.time() - start < 2
    assert "regular file" in info.value.message_en
    _assert_bilingual(info.value)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_device_is_refused() -> None:
    with pytest.raises(CheckInputError) as info:
        check_docx("/dev/zero")
    assert "regular file" in info.value.message_en


def _with_document(data: bytes, change: object) -> bytes:
    assert callable(change)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["word/document.xml"] = change(parts["word/document.xml"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            zf.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize("junk", ["inf", "-inf", "nan", "1e400", "-", ".", "12pt", "", "٣"])
def test_malformed_numbers_are_absent(junk: str) -> None:
    def change(xml: bytes) -> bytes:
        text = xml.decode("utf-8")
        text = re.sub(r'w:w="[^"]*"', f'w:w="{junk}"', text)
        text = re.sub(r'w:val="\d+"', f'w:val="{junk}"', text)
        text = re.sub(r'w:(left|right|firstLine|line|before|after)="\d+"', rf'w:\1="{junk}"', text)
        return text.encode("utf-8")

    report = check_docx(_with_document(MAU_1_4.read_bytes(), change))
    assert isinstance(report, Report)


# -- fuzzing ------------------------------------------------------------------------

_VALUES = st.sampled_from(
    [
        "inf",
        "nan",
        "-1",
        "0",
        "1e400",
        "99999999999999999999",
        "-.",
        "",
        "auto",
        "true",
        "٣",
        "²",
        "\u00a0",
        "x" * 300,
    ]
)


def _mutate_xml(xml: bytes, draw: st.DrawFn) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml)
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    for _ in range(draw(st.integers(1, 12))):
        el = elements[draw(st.integers(0, len(elements) - 1))]
        action = draw(st.sampled_from(["attr", "drop", "dup", "text", "move"]))
        parent = el.getparent()
        if action == "attr" and el.attrib:
            key = draw(st.sampled_from(sorted(el.attrib)))
            el.set(key, draw(_VALUES))
        elif action == "drop" and parent is not None:
            parent.remove(el)
        elif action == "dup" and parent is not None:
            import copy

            parent.insert(parent.index(el), copy.deepcopy(el))
        elif action == "text":
            el.text = draw(st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40))
        elif action == "move" and parent is not None and parent.getparent() is not None:
            parent.remove(el)
            body = root.find(f"{{{W}}}body")
            if body is not None:
                body.append(el)
    return bytes(etree.tostring(root))


@st.composite
def mutated_docx(draw: st.DrawFn) -> bytes:
    seed = draw(st.sampled_from(SEEDS))
    how = draw(st.sampled_from(["xml", "bytes", "both"]))
    data = seed
    if how in {"xml", "both"}:
        data = _with_document(data, lambda xml: _mutate_xml(xml, draw))
    if how in {"bytes", "both"}:
        raw = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            at = draw(st.integers(0, len(raw) - 1))
            raw[at] = draw(st.integers(0, 255))
        data = bytes(raw)
    return data


@settings(
    max_examples=int(os.environ.get("CHECK_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_docx())
def test_fuzz_never_a_traceback(data: bytes) -> None:
    try:
        report = check_docx(data)
    except CheckInputError as exc:
        _assert_bilingual(exc)
        return
    assert isinstance(report, Report)
    from chithi_gen.check import format_table, to_json
    from chithi_gen.check.fix import fix_docx, format_changes

    format_table(report)
    to_json(report)
    try:
        fixed = fix_docx(data)
    except CheckInputError as exc:  # a part only the fixer reads may be corrupt
        _assert_bilingual(exc)
        return
    format_changes(fixed)
    check_docx(fixed.data)  # the fixer's output is a readable document
