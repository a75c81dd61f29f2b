"""Layouts with many tags, for lint's complexity test and benchmark."""

from __future__ import annotations

from chithi_gen.render.package import read_package, write_package


def many_tags(layout: bytes, n: int) -> bytes:
    """``layout`` with ``n`` more tags: each split over two Word runs in one paragraph
    (the worst case for finding split tags), and ``n`` unknown document variables, one
    per paragraph (each must be located)."""
    parts = read_package(layout)
    xml = parts["word/document.xml"].decode("utf-8")
    split = "".join(
        f"<w:r><w:t>{{{{ vb.so</w:t></w:r><w:r><w:t> }}}} {i} </w:t></w:r>" for i in range(n)
    )
    unknown = "".join(
        f"<w:p><w:r><w:t>{{{{ vb.khong_co_{i} }}}}</w:t></w:r></w:p>" for i in range(n)
    )
    body = f"<w:p>{split}</w:p>{unknown}"
    # Inside the document loop, after the paragraph that opens it.
    loop = xml.index("{%p for vb in van_ban %}")
    at = xml.index("</w:p>", loop) + len("</w:p>")
    parts["word/document.xml"] = (xml[:at] + body + xml[at:]).encode("utf-8")
    return write_package(parts)
