"""WordprocessingML for composed content: body paragraphs, tables, footnotes, rules.

Every function returns XML text (as :class:`markupsafe.Markup` where it is inserted
into a layout through a Jinja tag), with all user text escaped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape as _html_escape

from markupsafe import Markup

from chithi_gen.document import Block, Run, Table


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` escaped (as :func:`xml.sax.saxutils.escape`, whose import
    pulls in urllib, http and ssl)."""
    return _html_escape(text, quote=False)


def rule_paragraph(length: int, available: int) -> Markup:
    """A rule (đường kẻ) of ``length`` twips centred in ``available`` twips.

    Drawn as the bottom border of an empty paragraph in the layout's ``DuongKe``
    style, indented on both sides: a real line, not underscores, that Word and
    LibreOffice both draw at exactly this length.
    """
    length = max(0, min(length, available))
    side = (available - length) // 2
    return Markup(
        '<w:p><w:pPr><w:pStyle w:val="DuongKe"/>'
        f'<w:ind w:left="{side}" w:right="{available - length - side}" w:firstLine="0"/>'
        "</w:pPr></w:p>"
    )


_FOOTNOTE_REF = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>{}</w:r>'


def footnote_xml(n: int, text: str) -> str:
    """One footnote of ``footnotes.xml``: Word's own number, a space, the text."""
    return (
        f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        + _FOOTNOTE_REF.format("<w:footnoteRef/>")
        + f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
    )


def line_breaks(lines: Sequence[str]) -> Markup:
    """Lines of one run separated by manual line breaks (inside ``<w:t>``)."""
    return Markup('</w:t><w:br/><w:t xml:space="preserve">').join(lines)


def _run_xml(
    text: str,
    bold: bool | None,
    italic: bool | None,
    vertical: str | None = None,
    size: float | None = None,
) -> str:
    props = ""
    if bold is not None:
        props += "<w:b/>" if bold else '<w:b w:val="0"/>'
    if italic is not None:
        props += "<w:i/>" if italic else '<w:i w:val="0"/>'
    if size is not None:
        half = round(size * 2)
        props += f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
    if vertical is not None:
        props += f'<w:vertAlign w:val="{escape(vertical)}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def inline_runs(runs: Sequence[Run]) -> Markup:
    """Formatted runs put where a layout prints one line of text (``{{ dong }}``
    inside ``<w:r><w:t>``): the layout's run is closed before each formatted run and
    reopened after it, so plain text keeps the layout's own run."""
    out: list[str] = []
    for r in runs:
        if r.vertical is None and r.size is None and r.bold is None and r.italic is None:
            out.append(escape(r.text))
        else:
            out.append(
                "</w:t></w:r>"
                + _run_xml(r.text, r.bold, r.italic, r.vertical, r.size)
                + '<w:r><w:t xml:space="preserve">'
            )
    return Markup("".join(out))


_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def table_xml(table: Table, width: int) -> str:
    """A body table (chỉ tiêu…): single 0.5 pt borders, heading rows bold, centred and
    repeated on each page, cells in the layout's ``Bang`` style."""
    cols = [round(width * f) for f in table.widths]
    grid = "".join(f'<w:gridCol w:w="{c}"/>' for c in cols)
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    rows = []
    for i, row in enumerate(table.rows):
        head = i < table.header_rows
        trpr = (
            "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            if head
            else "<w:trPr><w:cantSplit/></w:trPr>"
        )
        cells = []
        for j, (text, w) in enumerate(zip(row, cols, strict=True)):
            jc = "center" if head else _ALIGN.get(table.align[j], "left")
            rpr = "<w:rPr><w:b/></w:rPr>" if head else ""
            cells.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
                f'<w:p><w:pPr><w:pStyle w:val="Bang"/><w:jc w:val="{jc}"/></w:pPr>'
                f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>'
            )
        rows.append(f"<w:tr>{trpr}{''.join(cells)}</w:tr>")
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(cols)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        f"</w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
        # Word needs a paragraph between a table and whatever follows it.
        '<w:p><w:pPr><w:pStyle w:val="Bang"/></w:pPr></w:p>'
    )


def paragraphs_xml(
    paragraphs: tuple[Block, ...], first_note: int = 1, width: int = 8787
) -> tuple[Markup, list[str]]:
    """WordprocessingML for body paragraphs, each in its named style.

    Returns the paragraphs and the ``<w:footnote>`` elements their footnote
    references point to (ids 1, 2, … in order of reference).
    """
    out = []
    notes: list[str] = []
    for p in paragraphs:
        if isinstance(p, Table):
            out.append(table_xml(p, width))
            continue
        runs = []
        for r in p.runs:
            if r.footnote is not None:
                n = first_note + len(notes)
                notes.append(footnote_xml(n, r.footnote))
                runs.append(_FOOTNOTE_REF.format(f'<w:footnoteReference w:id="{n}"/>'))
            else:
                runs.append(_run_xml(r.text, r.bold, r.italic, r.vertical, r.size))
        out.append(
            f'<w:p><w:pPr><w:pStyle w:val="{escape(p.style)}"/></w:pPr>{"".join(runs)}</w:p>'
        )
    return Markup("".join(out)), notes


def section_break(document_xml: bytes) -> Markup:
    """A paragraph ending a section with the same page setup as the document's last
    section: the next document starts on a new page, numbered from 1, page 1 unnumbered.
    """
    text = document_xml.decode("utf-8")
    m = re.search(r"<w:sectPr\b.*?</w:sectPr>", text[text.rfind("<w:sectPr") :], re.DOTALL)
    if not m:
        raise ValueError("the layout has no section properties")
    return Markup(f"<w:p><w:pPr>{m.group(0)}</w:pPr></w:p>")
