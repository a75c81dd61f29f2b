"""Safe fixes (``chithi check --fix``): only what is mechanical, never the wording.

``fix_docx`` checks the document, changes what a clerk would change by rote, and checks
the result again. One module per kind of fix, applied in this order (``FIXES``):

* ``margins``: margins brought into the ranges of Phụ lục I, I.3 (to the nearest bound);
* ``fonts``: fonts set to Times New Roman (document defaults, styles and runs; theme
  fonts replaced), Phụ lục I, I.4;
* ``formats``: size, weight and slant of the header parts, the tên loại and trích yếu
  (or V/v), the Nơi nhận and the signature (Phụ lục I, II.1–II.9), and ``w:caps`` where
  a part must show capitals — the letters typed are not changed;
* ``padding``: the zero padding of the number and of the date (II.3.c, II.4.b):
  "Số: 5/" → "Số: 05/", "ngày 5 tháng 03" → "ngày 05 tháng 3";
* ``typed_rules``: rules typed as underscores under the motto, the agency and the
  summary turned into drawn rules (a paragraph bottom border of the right length,
  centred);
* ``end_mark``: a missing "./." added at the end of the body.

Nothing else is touched: every other part of the package is copied byte for byte
(``repack``), and a rule that needs judgement (a wrong ký hiệu, a misplaced line, a
capital in a name) is left to the clerk. ``format_changes`` lists the changes in
Vietnamese and English.
"""

from __future__ import annotations

from collections.abc import Callable

from chithi_gen.check.api import check_docx
from chithi_gen.check.fix.end_mark import fix_end_mark
from chithi_gen.check.fix.fonts import fix_fonts
from chithi_gen.check.fix.formats import fix_formats
from chithi_gen.check.fix.job import Job
from chithi_gen.check.fix.margins import fix_margins
from chithi_gen.check.fix.padding import fix_padding
from chithi_gen.check.fix.repack import repack
from chithi_gen.check.fix.result import Change, FixResult, format_changes
from chithi_gen.check.fix.typed_rules import fix_typed_rules
from chithi_gen.check.locate import locate
from chithi_gen.check.locate.doctype import classify
from chithi_gen.check.read.document import read_model
from chithi_gen.check.read.package import Source, read_source

#: The fixes, in the order they are applied.
FIXES: tuple[Callable[[Job], None], ...] = (
    fix_margins,
    fix_fonts,
    fix_formats,
    fix_padding,
    fix_typed_rules,
    fix_end_mark,
)


def fix_docx(source: Source) -> FixResult:
    """Fix what is mechanical in ``source``; the bytes of the result and the changes.

    Raises ``CheckInputError`` when the input is not a readable .docx (or one of its
    parts, needed to write the result, is corrupt). A document out of
    the decree's scope (``Report.doc_type.in_scope`` false) is returned unchanged.
    """
    name, original = read_source(source)
    model = read_model(original)
    parts = locate(model)
    before = check_docx(original)
    before.source = name
    if not classify(model, parts).doc_type.in_scope:
        return FixResult(original, [], before, before)
    job = Job(model, parts, before)
    for fix in FIXES:
        fix(job)
    if not job.changes:
        return FixResult(original, [], before, before)
    data = repack(model, job.touched)
    after = check_docx(data)
    after.source = name
    return FixResult(data, job.changes, before, after)


__all__ = ["FIXES", "Change", "FixResult", "fix_docx", "format_changes"]
