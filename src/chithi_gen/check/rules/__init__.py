"""The rules, in the order of the decree's clauses.

``RULES`` pairs each rule's identity with its check function; ``run_all`` applies them
to a read document. Rule ids are stable: tools may rely on them.
"""

from __future__ import annotations

from chithi_gen.check.model import RuleResult
from chithi_gen.check.rules import body, closing, font, header, lines, page, text
from chithi_gen.check.rules._base import Context, Rule, RuleFn

RULES: list[tuple[Rule, RuleFn]] = [
    (page.PAGE_A4, page.check_a4),
    (page.PAGE_PORTRAIT, page.check_portrait),
    (page.MARGINS["top"], page.check_margin_top),
    (page.MARGINS["bottom"], page.check_margin_bottom),
    (page.MARGINS["left"], page.check_margin_left),
    (page.MARGINS["right"], page.check_margin_right),
    (font.FONT_TNR, font.check_font),
    (font.FONT_COLOR, font.check_color),
    (page.PAGENUM_FIELD, page.check_pagenum_field),
    (page.PAGENUM_FORMAT, page.check_pagenum_format),
    (page.PAGENUM_FIRST, page.check_pagenum_first),
    (header.QUOCHIEU, header.check_quoc_hieu),
    (header.TIEUNGU, header.check_tieu_ngu),
    (lines.TIEUNGU_RULE, lines.check_tieu_ngu_rule),
    (header.CHUQUAN, header.check_chu_quan),
    (header.COQUAN, header.check_co_quan),
    (lines.COQUAN_RULE, lines.check_co_quan_rule),
    (header.SOKYHIEU, header.check_so_format),
    (text.SO_TEXT, text.check_so_text),
    (header.NGAY, header.check_ngay_format),
    (text.NGAY_TEXT, text.check_ngay_text),
    (header.TENLOAI, header.check_ten_loai),
    (header.TRICHYEU, header.check_trich_yeu),
    (lines.TRICHYEU_RULE, lines.check_trich_yeu_rule),
    (body.BODY_ALIGN, body.check_align),
    (body.BODY_INDENT, body.check_indent),
    (body.BODY_SIZE, body.check_size),
    (body.BODY_LINESPACING, body.check_line_spacing),
    (body.BODY_PARASPACING, body.check_paragraph_spacing),
    (body.BODY_END, body.check_end),
    (closing.KY_QUYENHAN, closing.check_authority),
    (closing.KY_KT, closing.check_kt),
    (closing.KY_HOTEN, closing.check_signer),
    (closing.NOINHAN_LABEL, closing.check_label),
    (closing.NOINHAN_LINES, closing.check_lines),
    (closing.NOINHAN_LUU, closing.check_luu),
    (closing.NOINHAN_SIZE, closing.check_noi_nhan_size),
]


def run_all(ctx: Context) -> list[RuleResult]:
    """Every rule's result on ``ctx``, in ``RULES`` order."""
    return [check(ctx) for _, check in RULES]


__all__ = ["RULES", "Context", "Rule", "run_all"]
