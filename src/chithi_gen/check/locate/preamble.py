"""The preamble of a Quyết định or Nghị quyết: thẩm quyền ban hành, căn cứ, "QUYẾT ĐỊNH:".

Between the title (or "Kính gửi:") and the articles: the centred line of the issuing
authority, the căn cứ (legal bases, "Căn cứ …", "Theo đề nghị …", "Xét …"; Phụ lục I,
II.6.a) and the dispositive line; a Công điện's "… điện:" line in their place.
"""

from __future__ import annotations

from chithi_gen.check.blanks import is_placeholder
from chithi_gen.check.locate.components import Components
from chithi_gen.check.locate.patterns import CAN_CU, DISPOSITIVE, FROM_LINE
from chithi_gen.check.locate.text import is_caps_text, norm, text_lines
from chithi_gen.check.locate.where import is_top
from chithi_gen.check.read.paragraph import Paragraph


def find_preamble(paras: list[Paragraph], c: Components, start: int) -> None:
    """Thẩm quyền ban hành, căn cứ and "QUYẾT ĐỊNH:" before the articles."""
    stop = c.closing_start if c.closing_start is not None else len(paras)
    tops = [p for p in paras[start + 1 : stop] if is_top(p) and not p.is_blank]
    i = 0
    if tops and c.ten_loai is not None:
        first = norm(tops[0].text)
        if (
            tops[0].props.jc == "center"
            and is_caps_text(first)
            and not DISPOSITIVE.match(first)
            and not CAN_CU.match(first)
            and any(
                CAN_CU.match(norm(p.text)) or DISPOSITIVE.match(norm(p.text)) for p in tops[1:4]
            )
        ):
            c.tham_quyen = text_lines(tops[0])[0]
            i = 1
    if i < len(tops) and FROM_LINE.search(norm(tops[i].text)):
        c.from_line = text_lines(tops[i])[-1]
        i += 1
    if i < len(tops) and CAN_CU.match(norm(tops[i].text)):
        while i < len(tops):
            text = norm(tops[i].text)
            if DISPOSITIVE.match(text):
                break
            if not (CAN_CU.match(text) or is_placeholder(tops[i].text)):
                break
            c.can_cu.append(tops[i])
            i += 1
    if i < len(tops) and DISPOSITIVE.match(norm(tops[i].text)):
        c.dispositive = text_lines(tops[i])[0]
