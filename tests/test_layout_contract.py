"""One layout contract: every way of breaking a layout that makes rendering fail is
reported by ``chithi templates lint`` first, with the part and the paragraph."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from chithi_gen import LayoutError, Renderer
from chithi_gen.cli import main
from chithi_gen.render.contract import DOCUMENT_VARIABLES, REQUIRED_STYLES
from chithi_gen.render.lint import Finding, lint_layout
from chithi_gen.render.package import read_package, write_package
from support import EXAMPLES, bundled_layout_bytes

Parts = dict[str, bytes]
CAMPAIGN = EXAMPLES / "chuong-trinh-kem-quyet-dinh.yaml"  # footnotes, a table, two documents


def _insert_paragraph(parts: Parts, part: str, text: str, before: str) -> int:
    """Put a paragraph holding ``text`` before the paragraph containing ``before``;
    return its 1-based number among the part's paragraphs."""
    xml = parts[part].decode()
    at = xml.rindex("<w:p>", 0, xml.index(before))
    number = len(re.findall(r"<w:p[ >]", xml[:at])) + 1
    para = f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    parts[part] = (xml[:at] + para + xml[at:]).encode()
    return number


def _replace(part: str, old: str, new: str) -> Callable[[Parts], None]:
    def edit(parts: Parts) -> None:
        xml = parts[part].decode()
        assert old in xml, old
        parts[part] = xml.replace(old, new, 1).encode()

    return edit


def _drop_style(style: str) -> Callable[[Parts], None]:
    def edit(parts: Parts) -> None:
        xml = parts["word/styles.xml"].decode()
        m = re.search(rf'<w:style [^>]*w:styleId="{style}".*?</w:style>', xml, re.DOTALL)
        assert m
        parts["word/styles.xml"] = (xml[: m.start()] + xml[m.end() :]).encode()

    return edit


#: (name, how the layout is broken, the part lint must name, whether a paragraph is named)
BREAKAGES: list[tuple[str, Callable[[Parts], Any], str, bool]] = [
    ("no footnotes part", lambda p: p.pop("word/footnotes.xml"), "word/footnotes.xml", False),
    ("no styles part", lambda p: p.pop("word/styles.xml"), "word/styles.xml", False),
    *[
        (f"style {s} missing", _drop_style(s), "word/styles.xml", False)
        for s in ("DuongKe", "NoiDung", "TrichYeu")
    ],
    (
        "typo in a document variable",
        _replace("word/document.xml", "{{ vb.ho_ten }}", "{{ vb.ho_tne }}"),
        "word/document.xml",
        True,
    ),
    (
        "typo in the title property",
        _replace("docProps/core.xml", "{{ tieu_de_tep }}", "{{ tieu_de_tepp }}"),
        "docProps/core.xml",
        False,
    ),
    (
        "unbalanced block",
        _replace("word/document.xml", "{%p endfor %}", "{%p endif %}"),
        "word/document.xml",
        True,
    ),
]
#: Broken by a tag inserted before the trích yếu: (name, tag, part)
TAGS = [
    ("syntax error", "{% if %}"),
    ("unknown top-level variable", "{{ ten_chien_dich }}"),
    ("a filter given text it cannot take", "{{ van_ban[0].ho_ten | so }}"),
    ("raw XML that breaks the part", "{{ '<w:p>' | safe }}"),
    ("sandbox escape", "{{ van_ban.__class__.__mro__[1].__subclasses__() }}"),
    ("division by zero", "{{ 1 // 0 }}"),
]


def _render_fails(data: bytes, tmp_path: Path) -> LayoutError:
    layout = tmp_path / "layout.docx"
    layout.write_bytes(data)
    renderer = Renderer(environ={}, layout=layout)
    with pytest.raises(LayoutError) as exc:
        renderer.render(renderer.read(CAMPAIGN))
    return exc.value


def _errors(data: bytes) -> list[Finding]:
    return [f for f in lint_layout(data) if f.severity == "loi"]


@pytest.mark.parametrize(("name", "edit", "part", "paragraph"), BREAKAGES, ids=lambda x: x)
def test_lint_reports_what_breaks_rendering(
    name: str, edit: Callable[[Parts], Any], part: str, paragraph: bool, tmp_path: Path
) -> None:
    parts = read_package(bundled_layout_bytes("nd30"))
    edit(parts)
    data = write_package(parts)
    _render_fails(data, tmp_path)
    errors = _errors(data)
    assert errors, name
    assert any(f.part == part for f in errors), [f.format() for f in errors]
    if paragraph:
        assert any(f.part == part and f.paragraph for f in errors), [f.format() for f in errors]


@pytest.mark.parametrize(("name", "tag"), TAGS, ids=[n for n, _ in TAGS])
def test_lint_names_the_paragraph_of_a_broken_tag(name: str, tag: str, tmp_path: Path) -> None:
    parts = read_package(bundled_layout_bytes("nd30"))
    number = _insert_paragraph(parts, "word/document.xml", tag, "{{ vb.trich_yeu }}")
    data = write_package(parts)
    _render_fails(data, tmp_path)
    errors = _errors(data)
    assert [(f.part, f.paragraph) for f in errors][:1] == [("word/document.xml", number)], [
        f.format() for f in errors
    ]


def test_not_a_docx(tmp_path: Path) -> None:
    _render_fails(b"PK\x03\x04 not really", tmp_path)
    [f] = _errors(b"PK\x03\x04 not really")
    assert f.code == "HONG"


def test_the_contract_is_the_renderers() -> None:
    """Lint and renderer read the same lists: every document variable renders, every
    required style is in the bundled layout."""
    styles = read_package(bundled_layout_bytes("nd30"))["word/styles.xml"].decode()
    assert all(f'w:styleId="{s}"' in styles for s in REQUIRED_STYLES)
    renderer = Renderer(environ={})
    layout = renderer.layout("nd30")
    docs = renderer.compose(renderer.load(CAMPAIGN))
    assert set(layout.document_context(docs[0])) - {"_footnotes"} >= set(DOCUMENT_VARIABLES)


def test_a_broken_manifest_is_a_layout_error_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "layouts" / "x"
    folder.mkdir(parents=True)
    (folder / "layout.docx").write_bytes(bundled_layout_bytes("nd30"))
    (folder / "manifest.yaml").write_text("ten: x\nloaii: [chi_thi]\n", encoding="utf-8")
    assert main(["templates", "lint", str(folder)]) == 3
    err = capsys.readouterr().err
    assert f"{folder / 'manifest.yaml'}:2:" in err and "loai" in err
    (folder / "manifest.yaml").write_text("a: &x [1]\nb: *x\n", encoding="utf-8")
    assert main(["templates", "list", "-t", str(tmp_path)]) == 3
    assert "manifest.yaml:1:" in capsys.readouterr().err
