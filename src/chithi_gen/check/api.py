"""The checker's entry point: ``check_docx``."""

from __future__ import annotations

from chithi_gen.check.docx_reader import read_model
from chithi_gen.check.locate import locate
from chithi_gen.check.model import Report
from chithi_gen.check.package import Source
from chithi_gen.check.rules import Context, run_all


def check_docx(path_or_bytes: Source) -> Report:
    """Check a .docx against Nghị định 30/2020/NĐ-CP, Phụ lục I (and Mẫu 1.4).

    ``path_or_bytes`` is a path, the file's bytes, or a binary stream. Every rule is
    reported as ``pass``, ``fail`` or ``n/a``; ``Report.ok`` is True when none failed.
    Raises ``CheckInputError`` when the input is not a readable .docx.
    """
    model = read_model(path_or_bytes)
    results = run_all(Context(model, locate(model)))
    return Report(model.package.source, results)
