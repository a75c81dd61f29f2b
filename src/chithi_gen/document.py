"""The composed document: plain data between *compose* and *render*.

Everything here is final text — capitals applied, numbers formatted, labels
computed, punctuation added — so a renderer only decides how it looks, never what it
says. Paragraph ``style`` values are named styles every layout must define (see
:data:`chithi_gen.render.contract.REQUIRED_STYLES`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, slots=True)
class Run:
    """Text with emphasis. ``bold``/``italic`` None means "as the paragraph style says".

    A run with ``footnote`` set is a footnote reference: ``text`` is empty and the
    footnote's own text is ``footnote`` (Word numbers footnotes itself). ``vertical``
    ("subscript", "superscript") and ``size`` (points) set a smaller mark, such as the
    typist's mark on the Lưu line ("NV" + subscript "(M)").
    """

    text: str
    bold: bool | None = None
    italic: bool | None = None
    footnote: str | None = None
    vertical: Literal["subscript", "superscript"] | None = None
    size: float | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One body paragraph in a named style; ``level`` is its depth in the body tree."""

    style: str
    runs: tuple[Run, ...]
    level: int = 0

    @property
    def text(self) -> str:
        """The paragraph's plain text."""
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True, slots=True)
class Table:
    """A table in the body (e.g. chỉ tiêu): rows of cell texts; the first ``header_rows``
    are headings. ``widths`` are fractions of the text width; ``align`` per column."""

    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    align: tuple[str, ...]
    header_rows: int = 1
    level: int = 0

    @property
    def text(self) -> str:
        """Cells joined by tabs, rows by newlines (for previews and tests)."""
        return "\n".join("\t".join(row) for row in self.rows)


Block = Paragraph | Table


@dataclass(frozen=True)
class Document:
    """One administrative document in Mẫu 1.4 form, ready to render.

    Field names follow the components of thể thức (Phụ lục I, II); header lines are
    already in the case they are printed in.
    """

    loai: str
    co_quan_chu_quan: tuple[str, ...]
    co_quan_ban_hanh: tuple[str, ...]
    so_ky_hieu: str
    dia_danh_ngay: str
    ten_loai: str
    trich_yeu: str
    noi_dung: tuple[Block, ...]
    noi_nhan: tuple[str, ...]
    quyen_han: tuple[str, ...]
    ho_ten: str
    ky_hieu_nguoi_soan: str | None = None
    #: The Lưu line (the last of ``noi_nhan``) as runs, when part of it is formatted
    #: (the typist's mark in subscript: "- Lưu: VT, NV" + "(M)" + ".").
    dong_luu: tuple[Run, ...] = ()
    #: The parts of the số ký hiệu, for layouts that print it their own way (a Party
    #: layout: "Số 42-CT/HU"): the number ("05", or "" in a draft) and both abbreviations.
    so: str = ""
    ky_hieu_loai: str = ""
    ky_hieu_co_quan: str = ""
    #: The recipients' names without dash or punctuation (for layouts with other rules).
    nguoi_nhan: tuple[str, ...] = ()
    tham_quyen_ban_hanh: str = ""
    kem_theo: str = ""
    tieu_de_tep: str = ""
    quoc_hieu: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    tieu_ngu: str = "Độc lập - Tự do - Hạnh phúc"
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def footnotes(self) -> tuple[str, ...]:
        """Footnote texts in order of reference."""
        return tuple(
            r.footnote
            for p in self.noi_dung
            if isinstance(p, Paragraph)
            for r in p.runs
            if r.footnote
        )

    @property
    def co_chu_ky(self) -> bool:
        """Whether the document ends with Nơi nhận and a signature (an attachment does not)."""
        return bool(self.ho_ten)

    def plain_text(self) -> str:
        """The whole document as plain text, in reading order (for previews and tests)."""
        lines = [
            *self.co_quan_chu_quan,
            *self.co_quan_ban_hanh,
            self.so_ky_hieu,
            self.quoc_hieu,
            self.tieu_ngu,
            self.dia_danh_ngay,
            self.ten_loai,
            self.trich_yeu,
            self.kem_theo,
            self.tham_quyen_ban_hanh,
            *(p.text for p in self.noi_dung),
        ]
        if self.co_chu_ky:
            lines += ["Nơi nhận:", *self.noi_nhan]
            if self.ky_hieu_nguoi_soan:
                lines.append(self.ky_hieu_nguoi_soan)
            lines += [*self.quyen_han, self.ho_ten]
        return "\n".join(line for line in lines if line) + "\n"
