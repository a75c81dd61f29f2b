"""Compiled layouts: filters for template authors, StrictUndefined, sandbox, bad layouts."""

from __future__ import annotations

from typing import Any

import pytest

from chithi_gen import Campaign, LayoutError
from chithi_gen.api import compose_documents as compose
from chithi_gen.render.docx import CompiledLayout
from chithi_gen.render.package import read_package, write_package
from support import bundled_layout_bytes


def _layout_with(body_tag: str) -> bytes:
    """The bundled layout with ``body_tag`` in a paragraph before the body."""
    parts = read_package(bundled_layout_bytes("nd30"))
    xml = parts["word/document.xml"].decode()
    marker = "<w:t>{{p vb.noi_dung }}</w:t>"
    assert marker in xml
    extra = f'<w:p><w:r><w:t xml:space="preserve">{body_tag}</w:t></w:r></w:p>'
    i = xml.rindex("<w:p>", 0, xml.index(marker))
    parts["word/document.xml"] = (xml[:i] + extra + xml[i:]).encode()
    return write_package(parts)


def _text(docx: bytes) -> str:
    import io

    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)


def test_filters_for_template_authors(data: dict[str, Any]) -> None:
    """Babel vi numbers and số tiền bằng chữ are available to layouts as filters."""
    tag = "{{ 27716 | so }}; {{ 27716000 | tien_bang_chu }}; {{ 'hà quảng' | in_hoa }}"
    layout = CompiledLayout(_layout_with(tag), "test", sandboxed=True)
    text = _text(layout.render(compose(Campaign.model_validate(data))))
    assert "27.716; Hai mươi bảy triệu bảy trăm mười sáu nghìn đồng; HÀ QUẢNG" in text


def test_undefined_variable_names_it(data: dict[str, Any]) -> None:
    layout = CompiledLayout(_layout_with("{{ ten_chien_dich }}"), "test", sandboxed=True)
    with pytest.raises(LayoutError, match="ten_chien_dich"):
        layout.render(compose(Campaign.model_validate(data)))


def test_sandbox_blocks_attribute_escape(data: dict[str, Any]) -> None:
    tag = "{{ ho_ten.__class__.__mro__[1].__subclasses__() }}"
    layout = CompiledLayout(_layout_with(tag), "test", sandboxed=True)
    with pytest.raises(LayoutError):
        layout.render(compose(Campaign.model_validate(data)))


def test_tag_syntax_error_names_part_and_line() -> None:
    with pytest.raises(LayoutError, match=r"word/document\.xml, đoạn / paragraph \d+ «{% if %}»"):
        CompiledLayout(_layout_with("{% if %}"), "test")


def test_not_a_docx() -> None:
    with pytest.raises(LayoutError, match=r"không phải tệp \.docx hợp lệ"):
        CompiledLayout(b"this is not a zip", "broken")


def test_autoescape_in_layout_variables(data: dict[str, Any]) -> None:
    data["co_quan"]["ten"] = "Ủy ban <nhân> dân & huyện"
    layout = CompiledLayout(bundled_layout_bytes("nd30"), "nd30", sandboxed=False)
    docx = layout.render(compose(Campaign.model_validate(data)))
    import io

    from docx import Document

    cell = Document(io.BytesIO(docx)).tables[0].cell(0, 0).text
    assert "<NHÂN>" in cell and "&" in cell
