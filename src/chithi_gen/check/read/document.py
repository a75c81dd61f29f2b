"""The read document: its package, styles, sections and body paragraphs (``read_model``).

The main document is read once, in document order (see ``walk``); header and footer
parts are read the same way on demand (``DocModel.part_paragraphs``), and so are the
footnotes and endnotes (``DocModel.note_texts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chithi_gen.check.read.ooxml import child, on_off, to_int, w, wattr
from chithi_gen.check.read.package import Package, Source, open_package
from chithi_gen.check.read.paragraph import Paragraph
from chithi_gen.check.read.section import Section, read_section
from chithi_gen.check.read.styles import Styles
from chithi_gen.check.read.walk import Reader, Where, children


@dataclass
class DocModel:
    """A read document: its package, styles, sections and body paragraphs."""

    package: Package
    styles: Styles
    sections: list[Section]
    paragraphs: list[Paragraph]
    even_and_odd_headers: bool = False
    #: Distance between default tab stops (``w:defaultTabStop``), in twips.
    default_tab: int = 720
    _parts: dict[str, list[Paragraph]] = field(default_factory=dict)

    def part_paragraphs(self, rel_id: str) -> tuple[str, list[Paragraph]] | None:
        """The paragraphs of the header/footer part of relationship ``rel_id``."""
        found = self.package.by_id(rel_id)
        if found is None:
            return None
        name, root = found
        if name not in self._parts:
            reader = Reader(self.styles, name, [], 0)
            reader.walk_container(root, None, Where(block=0), 9000)
            self._parts[name] = reader.paragraphs
        return name, self._parts[name]

    def note_texts(self, kind: str = "footnote") -> dict[str, str]:
        """The text of each footnote (``kind="footnote"``) or endnote (``"endnote"``),
        by its ``w:id``: its paragraphs' text, whitespace collapsed, without the note's
        own number; separators are left out."""
        root = self.package.related(f"{kind}s")
        if root is None:
            return {}
        out: dict[str, str] = {}
        for note in root.iter(w(kind)):
            if wattr(note, "type") in _SEPARATORS:
                continue
            reader = Reader(self.styles, f"word/{kind}s.xml", [], 0)
            reader.walk_container(note, None, Where(block=0), 9000)
            text = " ".join(p.text.replace("\n", " ") for p in reader.paragraphs)
            out[wattr(note, "id") or ""] = " ".join(text.split())
        return out


#: Notes that are not the document's own text.
_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}


def read_model(source: Source) -> DocModel:
    """Open ``source`` and read it (raises ``CheckInputError`` if it is not a .docx)."""
    pkg = open_package(source)
    styles = Styles(pkg.related("styles"), pkg.related("numbering"), pkg.related("theme"))
    body = pkg.document.find(w("body"))
    assert body is not None  # checked by open_package
    blocks = [el for el in children(body) if el.tag != w("sectPr")]
    # Sections: a paragraph carrying w:sectPr ends one; the body's own is the last.
    sections: list[Section] = []
    block_section: list[int] = []
    has_table = False
    for el in blocks:
        block_section.append(len(sections))
        has_table = has_table or el.tag == w("tbl")
        sect = el.find(f"{w('pPr')}/{w('sectPr')}") if el.tag == w("p") else None
        if sect is not None:
            sections.append(read_section(len(sections), sect))
            sections[-1].has_table = has_table
            has_table = False
    sections.append(read_section(len(sections), body.find(w("sectPr"))))
    sections[-1].has_table = has_table
    reader = Reader(styles, pkg.main_name, sections, 0)
    top_paragraphs = 0
    for i, el in enumerate(blocks, start=1):
        reader.section = block_section[i - 1]
        width = float(sections[reader.section].text_width)
        if el.tag == w("p"):
            top_paragraphs += 1
            reader.paragraph(el, None, Where(block=i), width, top_paragraphs)
        elif el.tag == w("tbl"):
            reader.table(el, Where(block=i), width)
        elif el.tag in {w("sdt"), w("customXml")}:
            content = el.find(w("sdtContent")) if el.tag == w("sdt") else el
            if content is not None:
                reader.walk_container(content, None, Where(block=i), width)
    settings = pkg.related("settings")
    even_odd = bool(on_off(child(settings, "evenAndOddHeaders")))
    tab = to_int(wattr(child(settings, "defaultTabStop"), "val"))
    default_tab = tab if tab is not None and 0 < tab < 20000 else 720
    return DocModel(pkg, styles, sections, reader.paragraphs, even_odd, default_tab)
