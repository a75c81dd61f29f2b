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

``fix_docx`` makes the mechanical fixes (``chithi check --fix``) and ``format_changes``
lists them.

The package is laid out along the data flow: ``read/`` (the .docx into a model of
paragraphs, lines and sections) → ``locate/`` (the components, and the document's
type) → ``rules/`` (one verdict per rule) → ``report`` (table or JSON); ``measure/``
lays text out with Times New Roman metrics for the rules; ``fix/`` edits the read
XML, one module per kind of fix.

It depends only on the standard library, lxml and :mod:`chithi_gen.errors` (where
``CheckInputError`` lives); it does not import the rest of ``chithi_gen``, so it judges
the generator's output independently. The names below are imported lazily (PEP 562).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

#: Public name → the module that defines it.
_EXPORTS: dict[str, str] = {
    "check_docx": "chithi_gen.check.api",
    "CheckInputError": "chithi_gen.errors",
    "DocType": "chithi_gen.check.model",
    "Report": "chithi_gen.check.model",
    "RuleResult": "chithi_gen.check.model",
    "Status": "chithi_gen.check.model",
    "format_table": "chithi_gen.check.report",
    "to_json": "chithi_gen.check.report",
    "RULES": "chithi_gen.check.rules",
    "fix_docx": "chithi_gen.check.fix",
    "format_changes": "chithi_gen.check.fix",
    "FixResult": "chithi_gen.check.fix",
    "Change": "chithi_gen.check.fix",
}

__all__ = [
    "RULES",
    "Change",
    "CheckInputError",
    "DocType",
    "FixResult",
    "Report",
    "RuleResult",
    "Status",
    "check_docx",
    "fix_docx",
    "format_changes",
    "format_table",
    "to_json",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'chithi_gen.check' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:
    from chithi_gen.check.api import check_docx
    from chithi_gen.check.fix import Change, FixResult, fix_docx, format_changes
    from chithi_gen.check.model import DocType, Report, RuleResult, Status
    from chithi_gen.check.report import format_table, to_json
    from chithi_gen.check.rules import RULES
    from chithi_gen.errors import CheckInputError
