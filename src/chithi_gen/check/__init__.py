"""ND30 conformance checker: judge any .docx against Nghị định 30/2020/NĐ-CP.

Nghị định 30/2020/NĐ-CP (Decree 30/2020 on administrative paperwork), Phụ lục I
(Appendix I) prescribes the thể thức (form) of administrative documents: paper,
margins, typeface, and the size, weight and case of each component; Phụ lục III gives
the sample layouts (Mẫu 1.4 for a document with a tên loại, such as a Chỉ thị).

The checker reads a .docx made by any tool — this project's renderer or a clerk in
Word — finds the document's type and components by their text, resolves formatting
through the styles, and reports every rule with its clause and a status: ``pass``,
``error``, ``warning``, ``n/a``, ``not-evaluated`` or ``blank`` (a template blank). A
document the decree does not govern (a Party document, a legal normative document, a
citizen's form) gets one verdict, ``ND30-SCOPE``::

    from chithi_gen.check import check_docx, format_table
    report = check_docx("chi-thi.docx")
    print(report.doc_type.label, format_table(report))
    if not report.ok: ...  # an error-status result

``chithi_gen.check.fix.fix_docx`` makes the mechanical fixes (``chithi check --fix``).

It depends only on the standard library and lxml; it does not import the rest of
``chithi_gen``, so it judges the generator's output independently.
"""

from __future__ import annotations

from chithi_gen.check.api import check_docx
from chithi_gen.check.errors import CheckInputError
from chithi_gen.check.model import DocType, Report, RuleResult, Status
from chithi_gen.check.report import format_table, to_json
from chithi_gen.check.rules import RULES

__all__ = [
    "RULES",
    "CheckInputError",
    "DocType",
    "Report",
    "RuleResult",
    "Status",
    "check_docx",
    "format_table",
    "to_json",
]
