"""Importing a Word file: ``chithi import FILE.docx -o campaign.yaml``.

A .docx — made by chithi, or typed in Word or LibreOffice following Nghị định
30/2020/NĐ-CP — is read with the checker's reader and locator (:mod:`.parts`), and each
component is written where the campaign file has it: the agency, số and ký hiệu, place
and date (:mod:`.header`), the kind (:mod:`.kind`), the body tree and its numbering
(:mod:`.items`, :mod:`.tree`, :mod:`.body`, :mod:`.targets`), the signer
(:mod:`.signer`), Nơi nhận and Lưu (:mod:`.recipients`), a Quyết định's block
(:mod:`.decision`), a conference plan's block (:mod:`.conference`), a custom layout's
variables (:mod:`.variables`). The result validates (:mod:`.valid`), keeps the document's line
breaks (:mod:`.lines`) and is written as YAML with comments on what could not be read
(:mod:`.writer`).

>>> from chithi_gen.importer import import_docx                           # doctest: +SKIP
>>> result = import_docx("chi-thi-2026.docx")
>>> print(result.yaml())
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chithi_gen.api import Renderer
from chithi_gen.check.read import Source
from chithi_gen.errors import Problem
from chithi_gen.importer.campaign import build_campaign
from chithi_gen.importer.header import read_header
from chithi_gen.importer.lines import fit_lines, one_string
from chithi_gen.importer.notes import Note
from chithi_gen.importer.parts import read_docx
from chithi_gen.importer.valid import make_valid
from chithi_gen.importer.writer import to_yaml

__all__ = ["Imported", "Note", "import_docx"]


@dataclass
class Imported:
    """A campaign read from a .docx: its ``data``, the ``notes`` on what could not be
    read, and the ``problems`` validation still finds (none in practice)."""

    data: dict[str, Any]
    notes: list[Note] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    source: str = ""

    def yaml(self) -> str:
        """The campaign file's text, the notes as comments."""
        header = [
            f"Tệp chiến dịch nhập từ {self.source} bằng 'chithi import'; hãy đọc lại trước khi"
            " dùng."
            if self.source
            else "Tệp chiến dịch nhập bằng 'chithi import'.",
            f"Campaign file imported from {self.source or 'a .docx'}; read it over before use.",
        ]
        if self.notes:
            header.append(
                f"Có {len(self.notes)} chỗ chưa đọc được, đánh dấu 'CHƯA ĐỌC ĐƯỢC' bên dưới"
                f" ({len(self.notes)} place(s) could not be read, marked 'NOT READ' below)."
            )
        return to_yaml(self.data, self.notes, header)


def import_docx(source: Source, renderer: Renderer | None = None) -> Imported:
    """The campaign of the .docx ``source`` (a path, bytes or a binary stream), its kinds
    from ``renderer``'s template set (the bundled one by default).

    Raises :class:`~chithi_gen.errors.CheckInputError` when ``source`` is not a
    readable .docx.
    """
    renderer = renderer or Renderer()
    read = read_docx(source)
    found = build_campaign(read, renderer)
    data, notes = found.data, found.notes
    one_string(data)
    problems = make_valid(data, notes, renderer)
    if not problems:
        headers = [read_header(part.components, part.paragraphs) for part in read.parts]
        fit_lines(data, headers, renderer)
        problems = make_valid(data, notes, renderer)
    name = Path(source).name if isinstance(source, str | Path) else ""
    return Imported(data, notes.items, problems, name)
