"""The checker's entry point: ``check_docx``."""

from __future__ import annotations

from chithi_gen.check.doctype import classify
from chithi_gen.check.docx_reader import read_model
from chithi_gen.check.locate import locate
from chithi_gen.check.model import Report
from chithi_gen.check.package import Source
from chithi_gen.check.rules import Context, run_all, scope_verdict


def check_docx(path_or_bytes: Source) -> Report:
    """Check a .docx against Nghị định 30/2020/NĐ-CP (Phụ lục I, II and III).

    ``path_or_bytes`` is a path, the file's bytes, or a binary stream. The document's
    type is found first (``Report.doc_type``); a document the decree does not govern
    (a Party document, a legal normative document, a citizen's form, a leaflet) gets
    one ``n/a`` verdict, ``ND30-SCOPE``. Otherwise every rule is reported with its
    status (``pass``, ``error``, ``warning``, ``n/a``, ``not-evaluated``, ``blank``);
    ``Report.ok`` is True when no rule has the status ``error``. Raises
    ``CheckInputError`` when the input is not a readable .docx.
    """
    model = read_model(path_or_bytes)
    parts = locate(model)
    profile = classify(model, parts)
    if not profile.doc_type.in_scope:
        return Report(model.package.source, [scope_verdict(profile)], profile.doc_type)
    results = run_all(Context(model, parts, profile))
    return Report(model.package.source, results, profile.doc_type)
