"""The located components of a document: header, title, opening, body and closing.

``Components`` is what ``locate`` returns: each component of Phụ lục I found in the
document (``None`` or empty when it is not there), as lines and paragraphs of the read
document, and where the header ends and the closing starts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chithi_gen.check.locate.rulemark import RuleMark
from chithi_gen.check.read.paragraph import Line, Paragraph


@dataclass(frozen=True)
class Mark:
    """An urgency, confidentiality or circulation mark: ``khan``, ``mat``, ``luu_hanh``."""

    kind: str
    line: Line


@dataclass
class Signature:
    """One signature block: the authority and position lines, and the signer's name."""

    authority: list[Line]
    signer: Line | None
    paragraphs: list[Paragraph]


@dataclass
class Appendix:
    """A Phụ lục: its label ("Phụ lục I"), title, "(Kèm theo …)" line and rule."""

    label: Line
    title: list[Line]
    reference: Line | None
    rule: RuleMark | None
    section: int
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class CopyBlock:
    """The block of a paper copy (Phụ lục I, Phần II, II): form, agency, number, date."""

    form: Line | None
    co_quan: list[Line]
    so: Line | None
    ngay: Line | None
    noi_nhan_label: Line | None
    noi_nhan: list[Line]
    signatures: list[Signature]


@dataclass
class Components:
    """The located components (None/empty when not found)."""

    quoc_hieu: Line | None = None
    tieu_ngu: Line | None = None
    tieu_ngu_rule: RuleMark | None = None
    party_heading: Line | None = None
    chu_quan: list[Line] = field(default_factory=list)
    co_quan: list[Line] = field(default_factory=list)
    co_quan_rule: RuleMark | None = None
    so: Line | None = None
    ngay: Line | None = None
    vv: list[Line] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    ten_loai: Line | None = None
    trich_yeu: list[Line] = field(default_factory=list)
    kem_theo: Line | None = None
    trich_yeu_rule: RuleMark | None = None
    kinh_gui: list[Line] = field(default_factory=list)
    tham_quyen: Line | None = None
    can_cu: list[Paragraph] = field(default_factory=list)
    dispositive: Line | None = None
    from_line: Line | None = None
    body: list[Paragraph] = field(default_factory=list)
    noi_nhan_label: Line | None = None
    noi_nhan: list[Line] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)
    #: The appendix a document opens with (a Phụ lục in a file of its own).
    opening_appendix: Appendix | None = None
    copy: CopyBlock | None = None
    #: Paragraph orders: end of the header block, start of the closing (-1 / None).
    header_end: int = -1
    closing_start: int | None = None
    closing_end: int | None = None

    @property
    def authority(self) -> list[Line]:
        """Authority lines of the first signature block (empty if none)."""
        return self.signatures[0].authority if self.signatures else []

    @property
    def signer(self) -> Line | None:
        """The signer's name of the first signature block."""
        return self.signatures[0].signer if self.signatures else None
