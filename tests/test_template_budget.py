"""Templates from user folders cannot hang or exhaust the machine, load other files or
reach outside the package; every mistake is a bilingual LayoutError (exit 3) with its
file and place, and lint reports it first (issue 11, item 5)."""

from __future__ import annotations

import copy
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from chithi_gen import LayoutError, Renderer
from chithi_gen.cli import main
from chithi_gen.jinja import MAX_DEPTH, Budget, describe, environment
from chithi_gen.render.docx import CompiledLayout
from chithi_gen.render.lint import lint_layout, probe_documents
from chithi_gen.render.lint_folder import lint_folder
from chithi_gen.render.package import read_package, write_package
from support import EXAMPLES, MINIMAL, ROOT, bundled_layout_bytes

ORG = EXAMPLES / "mau-don-vi"
FAST = Budget(seconds=2, size=2_000_000)

#: Templates that would hang, exhaust memory or recurse without a budget.
HOSTILE = {
    "power": "{{ 9**(9**9) }}",
    "power-in-a-loop": "{% set ns = namespace(x=3) %}{% for i in range(40) %}"
    "{% set ns.x = ns.x * ns.x %}{% endfor %}{{ ns.x }}",
    "nested-ranges": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
    "{% endfor %}",
    "repetition": "{{ 'a' * 10**11 }}",
    "list-repetition": "{{ [0] * 10**10 }}",
    "growing-list": "{% set ns = namespace(a=[1]) %}{% for i in range(80) %}"
    "{% set ns.a = ns.a + ns.a %}{% endfor %}",
    "growing-text": "{% set ns = namespace(s='ab') %}{% for i in range(80) %}"
    "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "block-doubling": "{% set ns = namespace(s='ab') %}{% for i in range(80) %}"
    "{% set ns.s %}{{ ns.s }}{{ ns.s }}{% endset %}{% endfor %}",
    "recursion": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "branching-recursion": "{% macro f(n) %}{% if n < 39 %}{{ f(n + 1) }}{{ f(n + 1) }}"
    "{% endif %}{% endmacro %}{{ f(0) }}",
    "recursive-loop": "{% for x in [1, 1] recursive %}{{ loop([1, 1]) }}{% endfor %}",
    "center": "{{ 'x' | center(10**9) }}",
    "percent-width": "{{ '%0999999999d' % 1 }}",
    "format-width": "{{ '{:999999999}'.format(1) }}",
    "method-width": "{{ 'x'.ljust(10**9) }}",
    "replace": "{{ ('a' * 10**5) | replace('a', 'a' * 10**5) }}",
    "join": "{{ ','.join(['a' * 10**5] * 10**5) }}",
    "print-a-big-list": "{% set s = 'a' * 10**6 %}{{ [s] * 10**4 }}",
    "lipsum": "{{ lipsum(10**9) }}",
}

#: Tags that load other files.
LOADING = {
    "include": '{% include "ket_luan.j2" %}',
    "import": '{% import "ket_luan.j2" as k %}',
    "from-import": '{% from "ket_luan.j2" import x %}',
    "extends": '{% extends "ket_luan.j2" %}',
}


@pytest.mark.parametrize("template", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_templates_stop_within_the_budget(template: str) -> None:
    env = environment(sandboxed=True, autoescape=True, budget=FAST)
    start = time.monotonic()
    with pytest.raises(Exception) as exc:
        env.from_string(template).render()
    assert time.monotonic() - start < FAST.seconds + 2
    vi, en, code = describe(exc.value)
    assert vi and en and vi != en
    assert code in ("template-budget", "template-variable", "template-error")


@pytest.mark.parametrize("template", LOADING.values(), ids=LOADING.keys())
def test_templates_cannot_load_other_files(template: str) -> None:
    from chithi_gen.jinja import TagRefused

    env = environment(sandboxed=True, autoescape=False, budget=FAST)
    with pytest.raises(TagRefused) as exc:
        env.from_string("Dòng một\n" + template)
    assert exc.value.lineno == 2
    assert any(word in exc.value.en for word in ("include", "import", "extends"))


def test_ordinary_templates_still_work() -> None:
    env = environment(sandboxed=True, autoescape=False, budget=FAST)
    text = (
        "{% set ns = namespace(n=0) %}{% for i in range(1000) %}{% set ns.n = ns.n + i %}"
        "{% endfor %}{{ ns.n | so }} {{ 'ab' * 3 }} {{ [1, 2] + [3] }} {{ 2 ** 10 }}"
        " {{ '%05d' % 42 }} {{ '{:>6}'.format('x') }} {{ 'a-b' | replace('-', ' ') }}"
        " {% for x in 'abc' %}{{ loop.index }}{% endfor %}"
    )
    assert env.from_string(text).render() == "499.500 ababab [1, 2, 3] 1024 00042      x a b 123"


def test_the_budget_is_set_by_environment_variables() -> None:
    assert Budget.from_environ({}) == Budget()
    budget = Budget.from_environ({"CHITHI_TEMPLATE_SECONDS": "2.5", "CHITHI_TEMPLATE_SIZE": "1000"})
    assert budget == Budget(seconds=2.5, size=1000)
    for bad in ("0", "-1", "abc", "nan", "inf"):
        with pytest.raises(LayoutError) as exc:
            Budget.from_environ({"CHITHI_TEMPLATE_SECONDS": bad})
        assert "CHITHI_TEMPLATE_SECONDS" in exc.value.problems[0].message_en


def test_calls_nest_at_most_max_depth() -> None:
    env = environment(sandboxed=True, autoescape=False, budget=FAST)
    deep = "{% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{% else %}ok{% endif %}{% endmacro %}"
    assert env.from_string(deep + f"{{{{ f({MAX_DEPTH - 2}) }}}}").render() == "ok"
    with pytest.raises(Exception, match="deep"):
        env.from_string(deep + f"{{{{ f({MAX_DEPTH + 5}) }}}}").render()


# ------------------------------------------------------------------- snippets and layouts


def _org(tmp_path: Path) -> Path:
    folder = tmp_path / "org"
    shutil.copytree(ORG, folder)
    return folder


def _campaign(tmp_path: Path, snippet: str) -> Path:
    data: dict[str, Any] = copy.deepcopy(MINIMAL)
    data["noi_dung"].append({"mau_cau": snippet})
    path = tmp_path / "c.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _fast_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHITHI_TEMPLATE_SECONDS", "2")
    monkeypatch.setenv("CHITHI_TEMPLATE_SIZE", "2000000")


#: (lipsum is not a global here: in a snippet it is a parameter the campaign lacks.)
CASES = {
    **{k: v for k, v in HOSTILE.items() if k != "lipsum"},
    **LOADING,
    "division": "{{ 1 / 0 }}",
    "syntax": "{% if %}",
}


@pytest.mark.parametrize("template", CASES.values(), ids=CASES.keys())
def test_a_hostile_snippet_is_a_layout_error_with_file_and_line(
    tmp_path: Path, template: str, capsys: pytest.CaptureFixture[str]
) -> None:
    org = _org(tmp_path)
    (org / "snippets" / "bom.j2").write_text("Câu mở đầu.\n" + template, encoding="utf-8")
    campaign = _campaign(tmp_path, "bom")
    start = time.monotonic()
    code = main(["validate", "-t", str(org), str(campaign)])
    assert time.monotonic() - start < 10
    err = capsys.readouterr().err
    assert code == 3, err
    assert "Traceback" not in err
    assert f"{org / 'snippets' / 'bom.j2'}:" in err  # file and line
    assert "mẫu câu 'bom'" in err and "snippet 'bom'" in err


@pytest.mark.parametrize(
    "data", [b"\xff\xfe{{ x }}", "{{ x }}".encode("utf-16")], ids=["latin", "utf16"]
)
def test_a_non_utf8_snippet_names_its_file(tmp_path: Path, data: bytes) -> None:
    org = _org(tmp_path)
    (org / "snippets" / "bom.j2").write_bytes(data)
    with pytest.raises(LayoutError) as exc:
        Renderer([org]).load(_campaign(tmp_path, "bom"))
    assert exc.value.format().count("bom.j2") >= 1 and "UTF-8" in exc.value.format()


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "big"])
def test_a_snippet_is_read_bounded(tmp_path: Path, kind: str) -> None:
    org = _org(tmp_path)
    path = org / "snippets" / "bom.j2"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    else:
        with path.open("wb") as fh:
            fh.truncate(6_000_000_000)  # sparse
    start = time.monotonic()
    with pytest.raises(LayoutError):
        Renderer([org]).load(_campaign(tmp_path, "bom"))
    assert time.monotonic() - start < 5


def _layout_with(body_tag: str) -> bytes:
    parts = read_package(bundled_layout_bytes("nd30"))
    xml = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = xml.replace("{{ vb.quoc_hieu }}", body_tag, 1).encode("utf-8")
    return write_package(parts)


@pytest.mark.parametrize("template", CASES.values(), ids=CASES.keys())
def test_a_hostile_layout_is_a_layout_error(template: str) -> None:
    data = _layout_with(template.replace("<", "&lt;").replace(">", "&gt;"))
    start = time.monotonic()
    with pytest.raises(LayoutError) as exc:
        CompiledLayout(data, "bom", sandboxed=True).render(probe_documents())
    assert time.monotonic() - start < 10
    [p] = exc.value.problems
    assert p.part == "word/document.xml" and p.message_vi != p.message_en
    assert "'bom'" in p.message_vi and "'bom'" in p.message_en


def _with_rels(data: bytes, relationship: str) -> bytes:
    parts = read_package(data)
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", relationship + "</Relationships>"
    ).encode("utf-8")
    return write_package(parts)


IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
LINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


@pytest.mark.parametrize(
    "relationship",
    [
        f'<Relationship Id="rIdX" Type="{IMAGE}" Target="file:///etc/passwd"'
        ' TargetMode="External"/>',
        f'<Relationship Id="rIdX" Type="{IMAGE}" Target="http://example.invalid/a.png"'
        ' TargetMode="External"/>',
        f'<Relationship Id="rIdX" Type="{LINK}" Target="file:///etc/passwd"'
        ' TargetMode="External"/>',
    ],
    ids=["file-image", "web-image", "file-link"],
)
def test_external_relationships_are_refused_in_user_layouts(relationship: str) -> None:
    data = _with_rels(bundled_layout_bytes("nd30"), relationship)
    with pytest.raises(LayoutError) as exc:
        CompiledLayout(data, "ngoai", sandboxed=True)
    assert exc.value.problems[0].code == "layout-external"
    assert exc.value.problems[0].part == "word/_rels/document.xml.rels"
    assert any(f.code == "NGOAI-VI" for f in lint_layout(data))
    CompiledLayout(data, "ngoai", sandboxed=False)  # the bundled layouts are trusted


def test_web_links_are_kept() -> None:
    link = f'<Relationship Id="rIdX" Type="{LINK}" Target="https://vbpl.vn" TargetMode="External"/>'
    data = _with_rels(bundled_layout_bytes("nd30"), link)
    CompiledLayout(data, "lien-ket", sandboxed=True)


def test_fields_that_read_files_are_refused() -> None:
    field = (
        '<w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE "file:///etc/passwd"'
        " </w:instrText></w:r>"
    )
    parts = read_package(bundled_layout_bytes("nd30"))
    xml = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = xml.replace("</w:p>", field + "</w:p>", 1).encode("utf-8")
    with pytest.raises(LayoutError, match="INCLUDEPICTURE"):
        CompiledLayout(write_package(parts), "truong", sandboxed=True)


def test_a_layout_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b" " * 300_000_000)
    with pytest.raises(LayoutError) as exc:
        CompiledLayout(path.read_bytes(), "bom")
    assert exc.value.problems[0].code == "layout-too-large"
    assert [f.code for f in lint_layout(path.read_bytes())] == ["HONG"]


# ------------------------------------------------------------------------------- lint


def test_lint_reports_every_template_folder_mistake_first(tmp_path: Path) -> None:
    org = _org(tmp_path)
    (org / "kinds.yaml").write_text("- loai: *k\n", encoding="utf-8")
    (org / "layouts" / "phuong-an" / "manifest.yaml").write_text("ten: &a x\n", "utf-8")
    (org / "snippets" / "vong.j2").write_text(HOSTILE["nested-ranges"], encoding="utf-8")
    (org / "snippets" / "nap.j2").write_text("A\n" + LOADING["include"], encoding="utf-8")
    (org / "snippets" / "ma.j2").write_bytes(b"\xff{{ x }}")
    (org / "snippets" / "de_quy.j2").write_text(HOSTILE["recursion"], encoding="utf-8")
    findings = lint_folder(org)
    errors = {(f.code, Path(f.file).name, f.line) for f in findings if f.severity == "loi"}
    assert ("LOAI", "kinds.yaml", 1) in errors
    assert ("MANIFEST", "manifest.yaml", 1) in errors
    assert ("MAU-CAU", "vong.j2", 1) in errors
    assert ("MAU-CAU", "nap.j2", 2) in errors
    assert ("MAU-CAU", "ma.j2", None) in errors
    assert ("MAU-CAU", "de_quy.j2", 1) in errors
    assert all(f.message_vi != f.message_en for f in findings)


def test_lint_reports_a_refused_tag_in_a_layout() -> None:
    findings = lint_layout(_layout_with('{% include "x" %}'))
    assert "NAP-TEP" in {f.code for f in findings}


def test_lint_of_the_bundled_folder_and_the_examples_is_clean(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["templates", "lint", str(ORG)]) == 0
    assert main(["templates", "lint", str(ROOT / "templates")]) == 0  # the bundled folder
    for name in ("nd30", "dang"):  # each bundled layout by name
        assert main(["templates", "lint", name]) == 0
    capsys.readouterr()


# -------------------------------------------------------------------------------- Ctrl-C


@pytest.mark.slow
def test_ctrl_c_stops_a_hanging_render_at_once(tmp_path: Path) -> None:
    org = _org(tmp_path)
    (org / "snippets" / "bom.j2").write_text(HOSTILE["nested-ranges"], encoding="utf-8")
    campaign = _campaign(tmp_path, "bom")
    env = {**os.environ, "CHITHI_TEMPLATE_SECONDS": "300"}
    proc = subprocess.Popen(
        [Path(sys.executable).parent / "chithi", "validate", "-t", str(org), str(campaign)],
        env=env,
        stderr=subprocess.PIPE,
    )
    time.sleep(3)
    assert proc.poll() is None
    start = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=10)
    assert time.monotonic() - start < 2
    assert proc.returncode == 130 and b"Traceback" not in err
