"""Nơi nhận and signature rules, Phụ lục I, II.7 and II.9.

* II.9.d Nơi nhận (recipients, box 9b): the label "Nơi nhận:" in 12 pt bold italic;
  each recipient on its own line starting with a dash "-" and ending with ";"; the
  last line "- Lưu: VT, <drafting unit>." ends with "."; the list in 11 pt upright.
* II.7.b and II.7.đ chữ ký (signature block): the authority prefix (TM. "on behalf
  of", KT. "signing for", Q. "acting", TL. "by order of", TUQ. "by authorisation of")
  and the position in capitals, 13–14 pt, upright, bold; KT. is used by a deputy, so
  the next line is a deputy title ("PHÓ …", "THỨ TRƯỞNG"); the signer's name (họ tên)
  in lower case with capitals, 13–14 pt, upright, bold, without academic titles
  (II.7.c).
"""

from __future__ import annotations

import re

from chithi_gen.check.blanks import has_blank, is_placeholder, is_unfilled
from chithi_gen.check.closing import label_text
from chithi_gen.check.docx_reader import Line
from chithi_gen.check.locate import norm
from chithi_gen.check.model import RuleResult
from chithi_gen.check.rules._base import (
    NOT_FOUND_EN,
    NOT_FOUND_VI,
    Context,
    Problem,
    Rule,
    blank_result,
    describe,
    expect,
    fail_from,
    format_problems,
)

NOINHAN_LABEL = Rule(
    "ND30-NOINHAN-LABEL",
    "Phụ lục I, II.9.d",
    "«Nơi nhận:» cỡ 12, nghiêng, đậm",
    "«Nơi nhận:» label 12 pt bold italic",
    ("noi_nhan",),
)
NOINHAN_LINES = Rule(
    "ND30-NOINHAN-LINES",
    "Phụ lục I, II.9.d",
    "Mỗi nơi nhận một dòng: «- …;»",
    "One recipient a line: «- …;»",
    ("noi_nhan",),
)
NOINHAN_LUU = Rule(
    "ND30-NOINHAN-LUU",
    "Phụ lục I, II.9.d",
    "Dòng cuối «- Lưu: VT, …» kết thúc bằng dấu chấm",
    "Last line «- Lưu: VT, …» ending with a full stop",
    ("noi_nhan",),
)
NOINHAN_SIZE = Rule(
    "ND30-NOINHAN-SIZE",
    "Phụ lục I, II.9.d",
    "Danh sách nơi nhận cỡ 11, chữ đứng",
    "Recipient list 11 pt upright",
    ("noi_nhan",),
)
KY_QUYENHAN = Rule(
    "ND30-KY-QUYENHAN",
    "Phụ lục I, II.7.b, II.7.đ",
    "Quyền hạn, chức vụ người ký: in hoa, cỡ 13–14, đứng, đậm",
    "Signing authority and position: capitals, 13–14 pt, upright, bold",
    ("signature",),
)
KY_KT = Rule(
    "ND30-KY-KT",
    "Phụ lục I, II.7.b",
    "«KT.» đi với chức vụ cấp phó",
    "«KT.» followed by a deputy's title",
    ("signature",),
)
KY_HOTEN = Rule(
    "ND30-KY-HOTEN",
    "Phụ lục I, II.7.c, II.7.đ",
    "Họ tên người ký: in thường, cỡ 13–14, đứng, đậm",
    "Signer's name: lower case, 13–14 pt, upright, bold",
    ("signature",),
)

#: Dashes a recipient line may start with (typed, or a Word list's, whose Symbol-font
#: dash is U+F02D).
_DASHES = ("-", "–", "−", "‐", "\uf02d")
_LUU = re.compile(r"^[-–]\s+Lưu\s*:\s*VT(?P<tail>.*)$")
_TITLES = re.compile(r"^(GS|PGS|TS|ThS|KS|BS|CN|TSKH|Th\.S)\.?\s", re.IGNORECASE)
_DEPUTY = re.compile(r"^(PHÓ\s|THỨ TRƯỞNG\b)")


def _line_text(line: Line) -> str:
    """The line as printed, with a bullet list's dash put back in front."""
    text = norm(line.text)
    bullet = line.paragraph.bullet
    if line.index == 0 and bullet is not None and bullet.strip() in _DASHES:
        text = f"{bullet.strip()} {text}"
    return text


def check_label(ctx: Context) -> RuleResult:
    """II.9.d: «Nơi nhận:» on its own line, 12 pt, bold, italic."""
    label = ctx.parts.noi_nhan_label
    expected = "«Nơi nhận:» " + expect((12, 12), bold=True, italic=True)
    if label is None and not ctx.profile.requires("noi_nhan"):
        return NOINHAN_LABEL.not_applicable("văn bản không có nơi nhận", "no recipients")
    if label is None:
        return NOINHAN_LABEL.failed(
            "",
            f"{NOT_FOUND_VI}/{NOT_FOUND_EN}",
            expected,
            "Không tìm thấy «Nơi nhận:»",
            "The «Nơi nhận:» label was not found",
        )
    problems = format_problems([label], (12, 12), bold=True, italic=True)
    text = label_text(label)
    if text != "Nơi nhận:":
        problems.insert(
            0,
            Problem(
                label.where(),
                f"«{text}»",
                "phải viết «Nơi nhận:» (có dấu hai chấm)",
                "write «Nơi nhận:» with a colon",
            ),
        )
    if problems:
        return fail_from(
            NOINHAN_LABEL,
            problems,
            expected,
            "Chữ «Nơi nhận» trình bày chưa đúng",
            "The «Nơi nhận» label is wrong",
        )
    return NOINHAN_LABEL.passed(label.where(), describe(label.visible))


def _no_list(rule: Rule, ctx: Context) -> RuleResult | None:
    if ctx.parts.noi_nhan_label is None:
        return rule.not_applicable("không có «Nơi nhận:»", "no «Nơi nhận:» label")
    if not ctx.parts.noi_nhan:
        return rule.failed(
            ctx.parts.noi_nhan_label.where(),
            "danh sách trống / empty list",
            "- …; / - Lưu: VT, ….",
            "Dưới «Nơi nhận:» chưa có danh sách nơi nhận",
            "No recipients are listed under «Nơi nhận:»",
        )
    return None


def check_lines(ctx: Context) -> RuleResult:
    """II.9.d: each recipient line «- …;» (all but the last, the Lưu line)."""
    missing = _no_list(NOINHAN_LINES, ctx)
    if missing is not None:
        return missing
    lines = ctx.parts.noi_nhan[:-1]
    problems = []
    for line in lines:
        text = _line_text(line)
        vi: list[str] = []
        en: list[str] = []
        if not (text[:1] in _DASHES and text[1:2] == " "):
            vi.append("đầu dòng phải có gạch đầu dòng «- »")
            en.append("must start with «- »")
        if not text.endswith(";") and not is_placeholder(text.lstrip("-– ")):
            vi.append("cuối dòng phải có dấu chấm phẩy «;»")
            en.append("must end with «;»")
        if vi:
            problems.append(Problem(line.where(), f"«{text}»", "; ".join(vi), "; ".join(en)))
    if problems:
        return fail_from(
            NOINHAN_LINES,
            problems,
            "«- Tên nơi nhận;»",
            "Dòng nơi nhận viết chưa đúng",
            "Recipient lines are malformed",
        )
    return NOINHAN_LINES.passed(found=f"{len(lines)} dòng/lines")


def check_luu(ctx: Context) -> RuleResult:
    """II.9.d: the last line «- Lưu: VT, <unit>.» ends with a full stop."""
    missing = _no_list(NOINHAN_LUU, ctx)
    if missing is not None:
        return missing
    last = ctx.parts.noi_nhan[-1]
    text = _line_text(last)
    expected = "«- Lưu: VT, <đơn vị soạn thảo/drafting unit>.»"
    m = _LUU.match(text)
    if m and has_blank(m.group("tail")):
        return NOINHAN_LUU.blank(last.where(), f"«{text}»")
    tail = m.group("tail") if m else ""
    if m and tail == ".":
        return last_pass(last, text, note=True)
    if m and re.fullmatch(r",\s*\S.*\.", tail) and not tail.endswith(";."):
        return last_pass(last, text, note=False)
    if m is None:
        vi = "dòng cuối cùng phải là «- Lưu: VT, …»"
        en = "the last line must be «- Lưu: VT, …»"
    else:
        vi = "dòng «Lưu» phải kết thúc bằng dấu chấm (.)"
        en = "the «Lưu» line must end with a full stop"
    return NOINHAN_LUU.failed(last.where(), f"«{text}»", expected, vi, en)


def last_pass(line: Line, text: str, note: bool) -> RuleResult:
    """Pass, with a note when the drafting unit is left out (it is optional)."""
    if note:
        return NOINHAN_LUU.passed(
            line.where(),
            f"«{text}»",
            "không ghi đơn vị soạn thảo (không bắt buộc)",
            "no drafting unit given (optional)",
        )
    return NOINHAN_LUU.passed(line.where(), f"«{text}»")


def check_noi_nhan_size(ctx: Context) -> RuleResult:
    """II.9.d: the recipient list in 11 pt, upright."""
    missing = _no_list(NOINHAN_SIZE, ctx)
    if missing is not None:
        return missing
    lines = ctx.parts.noi_nhan
    expected = expect((11, 11), italic=False)
    problems = format_problems(lines, (11, 11), italic=False)
    if problems:
        return fail_from(
            NOINHAN_SIZE,
            problems,
            expected,
            "Danh sách nơi nhận trình bày chưa đúng",
            "The recipient list is not 11 pt upright",
        )
    return NOINHAN_SIZE.passed(found=describe(s for ln in lines for s in ln.visible))


def _no_signature(rule: Rule, ctx: Context) -> RuleResult | None:
    if ctx.parts.signatures:
        return None
    if not ctx.profile.requires("signature"):
        return rule.not_applicable("văn bản không có chữ ký", "the document is not signed")
    return rule.not_evaluated(
        "không tìm thấy khối chữ ký (quyền hạn, chức vụ, họ tên người ký)",
        "the signature block (authority, position, name) was not found",
    )


def check_authority(ctx: Context) -> RuleResult:
    """II.7.b, II.7.đ: authority and position lines in capitals, 13–14 pt, bold, upright."""
    missing = _no_signature(KY_QUYENHAN, ctx)
    if missing is not None:
        return missing
    lines = [ln for sig in ctx.parts.signatures for ln in sig.authority]
    expected = expect((13, 14), bold=True, italic=False, capitals=True)
    if not lines:
        return KY_QUYENHAN.not_evaluated(
            "Không tìm thấy quyền hạn, chức vụ của người ký trong khối chữ ký",
            "The signing authority and position were not found in the signature block",
            ctx.parts.signatures[0].paragraphs[0].where(),
        )
    filled = [ln for ln in lines if not is_unfilled(ln.plain)]
    problems = format_problems(filled or lines, (13, 14), bold=True, italic=False, capitals=True)
    if not filled:
        return blank_result(KY_QUYENHAN, lines, problems)
    if problems:
        return fail_from(
            KY_QUYENHAN,
            problems,
            expected,
            "Quyền hạn, chức vụ người ký trình bày chưa đúng",
            "The signing authority/position is not presented as required",
        )
    return KY_QUYENHAN.passed(
        " | ".join(norm(ln.text) for ln in lines), describe(s for ln in lines for s in ln.visible)
    )


def check_kt(ctx: Context) -> RuleResult:
    """II.7.b: «KT.» (signing for the head) is followed by a deputy's title."""
    for sig in ctx.parts.signatures:
        lines = sig.authority
        for i, line in enumerate(lines):
            if not norm(line.text).startswith("KT."):
                continue
            nxt = norm(lines[i + 1].text).upper() if i + 1 < len(lines) else ""
            if _DEPUTY.match(nxt):
                return KY_KT.passed(line.where(), f"«{norm(line.text)}» / «{nxt}»")
            return KY_KT.failed(
                line.where(),
                f"«{norm(line.text)}» / «{nxt}»",
                "KT. <CẤP TRƯỞNG> / PHÓ … | THỨ TRƯỞNG",
                "«KT.» chỉ dùng khi cấp phó ký thay cấp trưởng: dòng dưới phải là chức vụ cấp phó",
                "«KT.» is for a deputy signing for the head: the next line must be a "
                "deputy's title",
            )
    return KY_KT.not_applicable("không ký thay (KT.)", "not signed «KT.»")


def check_signer(ctx: Context) -> RuleResult:
    """II.7.c, II.7.đ: the signer's name bold, 13–14 pt, upright, not all capitals."""
    missing = _no_signature(KY_HOTEN, ctx)
    if missing is not None:
        return missing
    expected = expect((13, 14), bold=True, italic=False, capitals=False)
    names = [sig.signer for sig in ctx.parts.signatures if sig.signer is not None]
    if not names:
        last = ctx.parts.signatures[-1]
        where = (last.authority[-1] if last.authority else last.paragraphs[0]).where()
        # A draft leaves the name for the signer; a layout may hide it: not an error.
        return KY_HOTEN.not_evaluated(
            "Không tìm thấy họ tên người ký", "The signer's name was not found", where
        )
    filled = [ln for ln in names if not is_unfilled(ln.plain)]
    problems = format_problems(filled or names, (13, 14), bold=True, italic=False, capitals=False)
    if not filled:
        return blank_result(KY_HOTEN, names, problems)
    for line in names:
        if _TITLES.match(norm(line.text)):
            problems.append(
                Problem(
                    line.where(),
                    f"«{norm(line.text)}»",
                    "không ghi học hàm, học vị trước họ tên",
                    "no academic title before the name",
                )
            )
    if problems:
        return fail_from(
            KY_HOTEN,
            problems,
            expected,
            "Họ tên người ký trình bày chưa đúng",
            "The signer's name is not presented as required",
        )
    return KY_HOTEN.passed(
        "; ".join(ln.where() for ln in names[:2]), describe(s for ln in names for s in ln.visible)
    )


KY_DONG = Rule(
    "ND30-KY-DONG",
    "Phụ lục I, II.7.b, II.7.đ",
    "Quyền hạn (TM., KT., Q., TL., TUQ.) và chức vụ người ký trên các dòng riêng",
    "Signing authority (TM., KT., Q., TL., TUQ.) and position on separate lines",
    ("signature",),
)
KY_TL = Rule(
    "ND30-KY-TL",
    "Phụ lục I, II.7.b, II.7.đ",
    "Sau «TL.», «TUQ.» có chức vụ của người ký",
    "«TL.», «TUQ.» followed by the signer's own position",
    ("signature",),
)
#: Titles of a head or deputy: the last words of a position line.
TITLES = (
    "CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "TỔNG GIÁM ĐỐC",
    "PHÓ TỔNG GIÁM ĐỐC",
    "BỘ TRƯỞNG",
    "THỨ TRƯỞNG",
    "THỦ TƯỚNG",
    "PHÓ THỦ TƯỚNG",
    "CHÁNH VĂN PHÒNG",
    "PHÓ CHÁNH VĂN PHÒNG",
    "TRƯỞNG PHÒNG",
    "PHÓ TRƯỞNG PHÒNG",
    "TRƯỞNG BAN",
    "PHÓ TRƯỞNG BAN",
    "HIỆU TRƯỞNG",
    "PHÓ HIỆU TRƯỞNG",
    "CỤC TRƯỞNG",
    "PHÓ CỤC TRƯỞNG",
    "VỤ TRƯỞNG",
    "PHÓ VỤ TRƯỞNG",
    "TỔNG CỤC TRƯỞNG",
    "VIỆN TRƯỞNG",
    "PHÓ VIỆN TRƯỞNG",
    "TRƯỞNG ĐOÀN",
    "CHÁNH THANH TRA",
    "PHÓ CHÁNH THANH TRA",
    "TRƯỞNG KHOA",
    "TRƯỞNG TRẠM",
    "THỦ TRƯỞNG",
    "CHỦ NHIỆM",
    "PHÓ CHỦ NHIỆM",
)
_PREFIX = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s*(?P<rest>.*)$")


def _ends_with_title(text: str) -> str | None:
    for title in sorted(TITLES, key=len, reverse=True):
        if text == title or text.endswith(" " + title):
            return title
    return None


def check_authority_lines(ctx: Context) -> RuleResult:
    """II.7.b, II.7.đ: the prefix with its body or head on one line, the position below."""
    missing = _no_signature(KY_DONG, ctx)
    if missing is not None:
        return missing
    problems: list[Problem] = []
    checked = 0
    for sig in ctx.parts.signatures:
        for i, line in enumerate(sig.authority):
            text = norm(line.text).upper()
            m = _PREFIX.match(text)
            if m is None:
                continue
            checked += 1
            rest = m.group("rest")
            kind = text.split(".", 1)[0]
            title = _ends_with_title(rest)
            if kind in {"TM", "KT"} and title is not None and rest != title:
                problems.append(
                    Problem(
                        line.where(),
                        f"«{norm(line.text)}»",
                        f"«{kind}. {rest[: -len(title)].strip()}» và «{title}» phải ở hai "
                        "dòng riêng",
                        f"«{kind}. …» and «{title}» belong on two lines",
                    )
                )
            elif kind == "TM" and i + 1 >= len(sig.authority):
                problems.append(
                    Problem(
                        line.where(),
                        f"«{norm(line.text)}»",
                        "thiếu dòng chức vụ của người ký dưới «TM. …»",
                        "the signer's position is missing under «TM. …»",
                    )
                )
    if not checked:
        return KY_DONG.not_applicable("không ký theo quyền hạn (TM., KT. …)", "no authority prefix")
    if problems:
        return fail_from(
            KY_DONG,
            problems,
            "«TM. ỦY BAN NHÂN DÂN» / «CHỦ TỊCH»",
            "Quyền hạn và chức vụ của người ký phải trình bày trên các dòng riêng",
            "The authority and the position must be on separate lines",
        )
    return KY_DONG.passed(found=f"{checked} khối/blocks")


def check_tl(ctx: Context) -> RuleResult:
    """II.7.b: «TL.»/«TUQ.» + the head's position, then the signer's own position."""
    missing = _no_signature(KY_TL, ctx)
    if missing is not None:
        return missing
    for sig in ctx.parts.signatures:
        for i, line in enumerate(sig.authority):
            text = norm(line.text).upper()
            if not text.startswith(("TL.", "TUQ.")):
                continue
            own = sig.authority[i + 1 :]
            if own:
                return KY_TL.passed(line.where(), f"«{norm(line.text)}» / «{norm(own[0].text)}»")
            return KY_TL.failed(
                line.where(),
                f"«{norm(line.text)}» / —",
                "«TL. GIÁM ĐỐC» / «CHÁNH VĂN PHÒNG»",
                "Ký thừa lệnh, thừa ủy quyền: dưới «TL./TUQ. <chức vụ người đứng đầu>» phải "
                "ghi chức vụ của người ký",
                "Signing by order or by authorisation: the signer's own position must follow "
                "«TL./TUQ. <head's position>»",
            )
    return KY_TL.not_applicable("không ký thừa lệnh, thừa ủy quyền", "not signed TL./TUQ.")
