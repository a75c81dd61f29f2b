"""Finding the components of the decree's layout in any document, by their text.

A clerk's document has no ``QuocHieu`` style to look for, so each component of
Phụ lục I, Phần I, Mục II and III is found by what it says and where it stands, in
reading order:

* the header (``header``): Quốc hiệu and Tiêu ngữ (or the Party's heading), the
  agency, "Số:", the date, a công văn's "V/v …", the marks;
* or, for a Phụ lục in a file of its own, the appendix it opens with (``appendix``);
* the title (``title``): tên loại, trích yếu, a "(Kèm theo …)" line and their rule;
* "Kính gửi:" and its addressees (``kinh_gui``);
* the closing (``closing``): Nơi nhận and the signature blocks; then a copy's block
  (``copy``) and the appendices after it (``appendix``);
* the preamble of a Quyết định or Nghị quyết (``preamble``): thẩm quyền ban hành,
  căn cứ, "QUYẾT ĐỊNH:";
* the body (``body``): the top-level paragraphs between the opening and the closing.

The wording they look for is in ``patterns``; ``doctype`` then tells from the parts
found what the document is.
"""

from __future__ import annotations

from chithi_gen.check.locate.appendix import appendix_head, find_appendices, leading_appendix
from chithi_gen.check.locate.body import find_body
from chithi_gen.check.locate.closing import locate_closing
from chithi_gen.check.locate.components import Components
from chithi_gen.check.locate.copy import find_copy_block
from chithi_gen.check.locate.header import (
    find_agency,
    find_marks,
    find_national,
    find_number_and_date,
    find_vv,
    header_paragraphs,
)
from chithi_gen.check.locate.kinh_gui import find_kinh_gui
from chithi_gen.check.locate.preamble import find_preamble
from chithi_gen.check.locate.rulemark import rule_after
from chithi_gen.check.locate.title import find_title
from chithi_gen.check.read.document import DocModel


def locate(model: DocModel) -> Components:
    """Find every component of the layout in the main document of ``model``."""
    paras = model.paragraphs
    c = Components()
    find_national(paras, c)
    if c.quoc_hieu is None and c.party_heading is None:
        c.opening_appendix = leading_appendix(paras, -1)
    header = header_paragraphs(paras, c.quoc_hieu)
    header_end = max((p.order for p in header), default=-1)
    if c.opening_appendix is None:
        find_number_and_date(paras, c, header)
    for found in (c.so, c.ngay, c.tieu_ngu, c.party_heading):
        if found is not None:
            header_end = max(header_end, found.paragraph.order)
    if c.tieu_ngu is not None:
        c.tieu_ngu_rule = rule_after(paras, c.tieu_ngu)
    find_vv(paras, c)
    find_agency(paras, c)
    find_marks(paras, c, header_end)
    c.header_end = header_end
    if c.opening_appendix is not None:
        c.appendices.append(c.opening_appendix)
        start = max(p.order for p in appendix_head(c.opening_appendix))
    else:
        start = find_title(paras, c, header_end)
    start = find_kinh_gui(paras, c, start)
    locate_closing(paras, c, start)
    after = c.closing_end if c.closing_end is not None else start
    c.copy = find_copy_block(paras, after)
    if c.copy is not None:
        after = max(after, *(p.order for s in c.copy.signatures for p in s.paragraphs))
    c.appendices += find_appendices(paras, after)
    find_preamble(paras, c, start)
    find_body(paras, c, start)
    return c


__all__ = ["Components", "locate"]
