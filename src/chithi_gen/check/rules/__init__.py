"""The rules, in the order of the decree's clauses.

``RULES`` pairs each rule's identity with its check function; ``run_all`` applies them
to a read document, reporting ``n/a`` for a rule about parts the document's type does
not have (``Rule.needs``). Rule ids are stable: tools may rely on them.
"""

from __future__ import annotations

from chithi_gen.check.locate.doctype import Profile
from chithi_gen.check.model import RuleResult
from chithi_gen.check.rules import (
    appendix,
    body,
    cancu,
    capitals,
    closing,
    congvan,
    copy,
    font,
    header,
    lines,
    marks,
    page,
    position,
    text,
)
from chithi_gen.check.rules._base import Context, Rule, RuleFn

SCOPE = Rule(
    "ND30-SCOPE",
    "Nghị định 30/2020/NĐ-CP, Điều 1, Điều 7",
    "Văn bản thuộc phạm vi Nghị định 30/2020/NĐ-CP",
    "The document is governed by Decree 30/2020",
)

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
    (position.HEADER_SPACING, position.check_header_spacing),
    (header.SOKYHIEU, header.check_so_format),
    (text.SO_TEXT, text.check_so_text),
    (text.KYHIEU_LOAI, text.check_kyhieu_loai),
    (header.NGAY, header.check_ngay_format),
    (text.NGAY_TEXT, text.check_ngay_text),
    (position.HEADER_CENTER, position.check_header_center),
    (header.TENLOAI, header.check_ten_loai),
    (header.TRICHYEU, header.check_trich_yeu),
    (lines.TRICHYEU_RULE, lines.check_trich_yeu_rule),
    (congvan.CONGVAN_VV, congvan.check_vv),
    (position.TITLE_CENTER, position.check_title_center),
    (congvan.KINHGUI, congvan.check_kinh_gui),
    (cancu.CANCU, cancu.check_can_cu),
    (body.BODY_ALIGN, body.check_align),
    (body.BODY_INDENT, body.check_indent),
    (body.BODY_SIZE, body.check_size),
    (body.BODY_UPRIGHT, body.check_upright),
    (body.BODY_LINESPACING, body.check_line_spacing),
    (body.BODY_PARASPACING, body.check_paragraph_spacing),
    (body.BODY_END, body.check_end),
    (capitals.VIETHOA, capitals.check_capitals),
    (closing.KY_QUYENHAN, closing.check_authority),
    (closing.KY_DONG, closing.check_authority_lines),
    (closing.KY_KT, closing.check_kt),
    (closing.KY_TL, closing.check_tl),
    (closing.KY_HOTEN, closing.check_signer),
    (closing.NOINHAN_LABEL, closing.check_label),
    (closing.NOINHAN_LINES, closing.check_lines),
    (closing.NOINHAN_LUU, closing.check_luu),
    (closing.NOINHAN_SIZE, closing.check_noi_nhan_size),
    (appendix.PHULUC_LABEL, appendix.check_label),
    (appendix.PHULUC_TITLE, appendix.check_title),
    (appendix.PHULUC_KEMTHEO, appendix.check_reference),
    (appendix.PHULUC_PAGENUM, appendix.check_pagenum),
    (marks.DOKHAN, marks.check_khan),
    (marks.DOMAT, marks.check_mat),
    (marks.LUUHANH, marks.check_luu_hanh),
    (copy.BANSAO_HINHTHUC, copy.check_form),
    (copy.BANSAO_KYHIEU, copy.check_number),
    (copy.BANSAO_COQUAN, copy.check_agency),
]


def _type_name(profile: Profile) -> tuple[str, str]:
    t = profile.doc_type
    return t.name_vi.lower(), t.name_en.lower()


def run_all(ctx: Context) -> list[RuleResult]:
    """Every rule's result on ``ctx``, in ``RULES`` order."""
    out: list[RuleResult] = []
    vi, en = _type_name(ctx.profile)
    for rule, check in RULES:
        if rule.needs and not ctx.profile.has(*rule.needs):
            out.append(
                rule.not_applicable(
                    f"không áp dụng cho {vi} ({ctx.profile.doc_type.mau or 'ND30'})",
                    f"does not apply to a {en}",
                )
            )
        else:
            out.append(check(ctx))
    return out


def scope_verdict(profile: Profile) -> RuleResult:
    """The single verdict on a document the decree does not govern."""
    t = profile.doc_type
    if t.kind == "party":
        vi = (
            "Văn bản của Đảng: thể thức theo quy định của Đảng (Quy định 399-QĐ/TW, "
            "Hướng dẫn 05-HD/VPTW), không theo Nghị định 30/2020/NĐ-CP; công cụ này "
            "không kiểm tra văn bản của Đảng"
        )
        en = (
            "A Party document: its form follows the Party's rules (Quy định 399-QĐ/TW, "
            "Hướng dẫn 05-HD/VPTW), not Decree 30/2020; this tool does not check Party "
            "documents"
        )
    elif t.kind == "normative":
        vi = (
            "Văn bản quy phạm pháp luật: thể thức theo Luật Ban hành văn bản quy phạm "
            "pháp luật, không theo Nghị định 30/2020/NĐ-CP"
        )
        en = (
            "A legal normative document: its form follows the Law on promulgating legal "
            "documents, not Decree 30/2020"
        )
    else:
        vi = "Không phải văn bản hành chính theo Nghị định 30/2020/NĐ-CP: không kiểm tra thể thức"
        en = "Not an administrative document under Decree 30/2020: its form is not checked"
    return SCOPE.result("n/a", "", f"{t.name_vi} / {t.name_en}: {t.evidence}", "", vi, en)


__all__ = ["RULES", "SCOPE", "Context", "Rule", "run_all", "scope_verdict"]
