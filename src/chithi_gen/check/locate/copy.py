"""The block of a paper copy (Phụ lục I, Phần II, mục II) after the original's closing.

"SAO Y" (or "SAO LỤC", "TRÍCH SAO"), the copying agency, its "Số:" and date, then a
Nơi nhận and a signature of its own.
"""

from __future__ import annotations

from chithi_gen.check.locate.closing import recipients, signatures
from chithi_gen.check.locate.components import CopyBlock
from chithi_gen.check.locate.patterns import COPY_FORMS, DATE, NOI_NHAN, SO
from chithi_gen.check.locate.text import first_matching, is_rule_text, label_text, norm, text_lines
from chithi_gen.check.locate.where import same_column, table_paras
from chithi_gen.check.read.paragraph import Line, Paragraph


def find_copy_block(paras: list[Paragraph], after: int) -> CopyBlock | None:
    """The block of a paper copy after the original's closing."""
    rest = paras[after + 1 :]
    so_line: Line | None = None
    for p in rest[:40]:
        for line in p.lines():
            if SO.search(norm(line.text)):
                so_line = line
                break
        if so_line is not None:
            break
    form = first_matching(rest[:40], lambda ln: norm(ln.text).upper().strip(" .") in COPY_FORMS)
    anchor = so_line or form
    if anchor is None:
        return None
    table = table_paras(paras, anchor.paragraph)
    if form is None:
        # The form ("SAO Y" …, or its blank) is the cell beside the agency, above the date.
        for q in table:
            beside = q.location.col != anchor.paragraph.location.col and not q.is_blank
            if beside and not DATE.search(norm(q.text)):
                form = text_lines(q)[0]
                break
    so_col = [q for q in table if same_column(q, anchor.paragraph)] if so_line else []
    agency = [
        ln
        for q in so_col
        if q.order < anchor.paragraph.order
        for ln in text_lines(q)
        if not is_rule_text(ln.text)
    ]
    ngay = first_matching(table, lambda ln: bool(DATE.search(norm(ln.text))))
    formal = form is not None and norm(form.text).upper().strip(" .") in COPY_FORMS
    if ngay is None and not formal:
        return None  # an address line ("Số: 12 phố …") is not a copy's block
    end = table[-1].order
    label = first_matching(
        paras[end + 1 : end + 30], lambda ln: bool(NOI_NHAN.match(label_text(ln)))
    )
    to: list[Line] = []
    taken: list[Paragraph] = []
    if label is not None:
        to, taken = recipients(paras, label)
    blocks = signatures(paras, label, None, taken) if label is not None else []
    return CopyBlock(form, agency, so_line, ngay, label, to, blocks)
