"""Fuzz every entry point that takes input besides the campaign (tests/test_fuzz.py):
variation tables, template folders (layout bytes, manifest.yaml, kinds.yaml,
snippets) and command-line options. Each ends in a result or a bilingual ChithiError,
never another exception, and within seconds (issue 11, item 9).

Modest counts by default; ``HYPOTHESIS_PROFILE=fuzz`` runs 10,000 examples each.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from chithi_gen.batch import read_variations
from chithi_gen.cli import main
from chithi_gen.compose.snippets import FolderLoader, Snippets
from chithi_gen.errors import ChithiError, LayoutError
from chithi_gen.jinja import Budget
from chithi_gen.kinds.file import parse_kinds
from chithi_gen.render.contract import parse_manifest
from chithi_gen.render.docx import CompiledLayout
from chithi_gen.render.lint import lint_layout, probe_documents
from chithi_gen.render.package import read_package, write_package
from fuzzing import fuzz_settings, time_limit
from support import EXAMPLES, bundled_layout_bytes


def _clear(exc: ChithiError) -> None:
    assert exc.problems
    for p in exc.problems:
        assert p.message_vi and p.message_en


# ------------------------------------------------------------------------------ tables

_CSV_CHARS = st.one_of(
    st.sampled_from([*",;\t|\"\n\r '", "\ufeff", "\x00", "=", "#", "[", "]", ".", "+"]),
    st.sampled_from(["dia_danh", "so", "trich_yeu", "noi_nhan", "ten_tep", "noi_nhan[2]"]),
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
)


@fuzz_settings(60)
@given(text=st.lists(_CSV_CHARS, max_size=80).map("".join))
@example(text='dia_danh\n"open')
@example(text="dia_danh;so\nA;1;2\n")
def test_any_csv(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    path.write_text(text, encoding="utf-8")
    with time_limit(20):
        try:
            table = read_variations(path)
        except ChithiError as exc:
            _clear(exc)
            return
    assert table.rows


def _xlsx_bytes() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["dia_danh", "so"])
    ws.append(["Một", 1])
    ws.append(["Hai", "=1+1"])
    ws.merge_cells("A3:A4")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


XLSX = _xlsx_bytes()


@fuzz_settings(40)
@given(data=st.data())
def test_any_xlsx(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    """A real .xlsx with bytes of its sheet's XML changed, or raw bytes."""
    if data.draw(st.booleans()):
        raw = data.draw(st.binary(max_size=300))
    else:
        parts = read_package(XLSX)
        name = data.draw(st.sampled_from(sorted(parts)))
        blob = bytearray(parts[name])
        for _ in range(data.draw(st.integers(1, 5))):
            i = data.draw(st.integers(0, max(len(blob) - 1, 0)))
            blob[i : i + 1] = data.draw(st.binary(min_size=0, max_size=3))
        parts[name] = bytes(blob)
        raw = write_package(parts)
    path = tmp_path_factory.mktemp("xlsx") / "t.xlsx"
    path.write_bytes(raw)
    with time_limit(20):
        try:
            read_variations(path)
        except ChithiError as exc:
            _clear(exc)


# ------------------------------------------------------------------------ template folder

_JINJA = st.sampled_from(
    [
        "{{ vb.so }}", "{{ vb.khong_co }}", "{%p for vb in van_ban %}", "{%p endfor %}",
        "{% if x %}", "{% endif %}", "{{", "}}", "{%", "%}", "{#", "#}", "{% include 'x' %}",
        "{{ 9**9**9 }}", "{{ 'a' * 10**9 }}", "{% for i in range(99999) %}", "{% endfor %}",
        "{{ x|safe }}", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "&lt;", "<", "&",
        "{{ vb.noi_dung }}", "{{p vb.noi_dung }}", "{%tr if x %}", "{{ 1/0 }}", "\x00", "é",
    ]
)  # fmt: skip
LAYOUT = bundled_layout_bytes("nd30")
FAST = {"CHITHI_TEMPLATE_SECONDS": "2", "CHITHI_TEMPLATE_SIZE": "2000000"}


@pytest.fixture(autouse=True)
def _fast_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    for k, v in FAST.items():
        monkeypatch.setenv(k, v)


@fuzz_settings(40)
@given(data=st.data())
def test_any_layout_bytes(data: st.DataObject) -> None:
    """The bundled layout with its document.xml mutated: tags, text and raw bytes."""
    parts = read_package(LAYOUT)
    xml = bytearray(parts["word/document.xml"])
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(xml) - 1))
        if data.draw(st.booleans()):
            xml[i:i] = data.draw(_JINJA).encode("utf-8")
        else:
            xml[i : i + data.draw(st.integers(0, 3))] = data.draw(st.binary(max_size=3))
    parts["word/document.xml"] = bytes(xml)
    if data.draw(st.booleans()):
        del parts[data.draw(st.sampled_from(sorted(parts)))]
    raw = write_package(parts)
    with time_limit(60):
        findings = lint_layout(raw)
        assert all(f.message_vi and f.message_en for f in findings)
        try:
            CompiledLayout(raw, "fuzz", sandboxed=True).render(probe_documents())
        except LayoutError as exc:
            _clear(exc)


@fuzz_settings(60)
@given(
    text=st.lists(
        st.one_of(
            st.sampled_from([*":-[]{}&*!|>'\"#%@`\n  \t", "ten", "loai", "mo_ta", "bien"]),
            st.characters(codec="utf-8", exclude_categories=("Cs",)),
        ),
        max_size=80,
    ).map("".join)
)
@example(text="ten: &a x\nmo_ta: *a\n")
@example(text="- &k loai: x\n- *k\n")
def test_any_manifest_and_kinds(text: str) -> None:
    for parse in (parse_manifest, parse_kinds):
        with time_limit(20):
            try:
                parse(text, "f.yaml")
            except LayoutError as exc:
                _clear(exc)


@fuzz_settings(60)
@given(
    text=st.lists(
        st.one_of(_JINJA, st.text(max_size=10), st.sampled_from(["{{ ten_loai }}", "{{ nam }}"])),
        max_size=8,
    ).map("".join),
    raw=st.booleans(),
)
@example(text="{{ x }}", raw=True)
def test_any_snippet(tmp_path_factory: pytest.TempPathFactory, text: str, raw: bool) -> None:
    folder = tmp_path_factory.mktemp("snippets")
    data = text.encode("utf-8")
    (folder / "bom.j2").write_bytes(b"\xff" + data if raw else data)
    snippets = Snippets(FolderLoader(folder))
    with time_limit(int(Budget.from_environ().seconds) + 10):
        try:
            snippets.trial("bom")
        except ChithiError as exc:
            _clear(exc)


# ------------------------------------------------------------------------ command line

_WORDS = st.sampled_from(
    [
        "render", "validate", "check", "schema", "batch", "templates", "list", "lint",
        "-o", "--output", "-f", "--force", "-t", "--templates", "-l", "--layout", "-j", "0",
        "-1", "abc", "--json", "--version", "--help", "nd30", "", "-", "--", "x.yaml",
        "/dev/null", "/", "out", "out.docx", "\x00", "~", "😀", "a" * 300,
        "chi-thi.yaml", "cac-xa.csv", "mau-don-vi",
    ]
)  # fmt: skip
#: Copied into each example's working folder under the names above (a command without
#: -o writes beside its input: never into the repository).
_INPUTS = {
    "chi-thi.yaml": EXAMPLES / "chi-thi-ha-quang-2020.yaml",
    "cac-xa.csv": EXAMPLES / "batch" / "cac-xa.csv",
    "mau-don-vi": EXAMPLES / "mau-don-vi",
}


@fuzz_settings(80)
@given(argv=st.lists(_WORDS, max_size=6))
@example(argv=["check", "\x00"])  # found by the fuzz profile (exit 70)
@example(argv=["render", "render", "-t", "a" * 300])  # found by the fuzz profile (exit 70)
@example(argv=["batch", "chi-thi.yaml", "cac-xa.csv", "-o", "\x00"])  # hung
def test_any_command_line(
    argv: list[str],
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cwd = os.getcwd()
    work = tmp_path_factory.mktemp("cwd")
    for name, source in _INPUTS.items():
        if source.is_dir():
            shutil.copytree(source, work / name)
        else:
            shutil.copyfile(source, work / name)
    os.chdir(work)
    try:
        with time_limit(120):
            code = main(argv)
    finally:
        os.chdir(cwd)
    err = capsys.readouterr().err
    assert code in (0, 1, 2, 3, 4, 5, 6), (argv, err)
    assert "Traceback" not in err and "internal error" not in err, (argv, err)


def test_a_zip_in_place_of_a_campaign(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.yaml"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a", "b")
    path.write_bytes(buf.getvalue())
    assert main(["validate", str(path)]) == 2
    assert "Traceback" not in capsys.readouterr().err
