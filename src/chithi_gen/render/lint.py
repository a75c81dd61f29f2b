"""``chithi templates lint``: find mistakes in a layout before a clerk meets them.

Checks, each reported with the part and paragraph where it stands:

* ``TACH-THE`` (warning) — a Jinja tag split across Word runs (Word does this when
  part of a tag is retyped or spell-checked); docxtpl repairs it, but the tag then takes
  the formatting of its first run, which is rarely what the author meant;
* ``CU-PHAP`` (error) — Jinja syntax errors, unbalanced ``{%p for %}``/``{%p if %}``/
  ``{%tr … %}`` blocks included;
* ``BIEN-LA`` (error) — a variable the data does not provide (a typo such as
  ``vb.ho_tne``);
* ``BIEN-THUA`` (info) — a document variable the layout never uses (e.g. a layout that
  drops ``noi_nhan`` silently loses the recipients);
* ``HONG`` (error) — not a .docx, or a part that cannot be read;
* ``THIEU-PHAN`` / ``THIEU-KIEU`` (error) — a part or a named style the layout contract
  requires (:mod:`chithi_gen.render.contract`) is missing;
* ``NAP-TEP`` (error) — ``{% include %}``, ``{% import %}`` or ``{% extends %}``: a
  user's template may not load other files (:mod:`chithi_gen.jinja`);
* ``NGOAI-VI`` (error) — a relationship or field that reaches outside the file (an image
  ``file:///…``), refused in a user's layout;
* ``DIEN-THU`` (error) — a trial render with every feature filled in failed: whatever
  else would make rendering fail is reported here first.

The parts, styles and variables checked are the contract's, the same the renderer
enforces.
"""

from __future__ import annotations

import bisect
import io
import re
from dataclasses import dataclass
from typing import Literal

import jinja2
from docxtpl import DocxTemplate
from jinja2 import meta, nodes

from chithi_gen.document import Document, Paragraph, Run, Table
from chithi_gen.errors import LayoutError
from chithi_gen.jinja import FORBIDDEN, environment
from chithi_gen.render.contract import (
    DOCUMENT_VARIABLES,
    LAYOUT_VARIABLES,
    REQUIRED_PARTS,
    TAGGED_PARTS,
    check_package,
    external_problems,
)
from chithi_gen.render.docx import CompiledLayout, missing_styles, patch_part
from chithi_gen.render.package import read_package
from chithi_gen.render.paragraphs import excerpt_at, norm, paragraph_texts

Severity = Literal["loi", "canh_bao", "thong_tin"]
SEVERITY_LABELS = {"loi": "LỖI error", "canh_bao": "CẢNH BÁO warning", "thong_tin": "GHI CHÚ info"}


@dataclass(frozen=True)
class Finding:
    """One thing found in a layout."""

    code: str
    severity: Severity
    part: str
    paragraph: int | None
    excerpt: str
    message_vi: str
    message_en: str
    #: The file the finding is in, and its line, when linting a template folder.
    file: str = ""
    line: int | None = None

    def format(self) -> str:
        """One line: ``[LỖI error] BIEN-LA word/document.xml ¶12 «…»: vi (en)``."""
        where = self.part + (f" ¶{self.paragraph}" if self.paragraph is not None else "")
        if self.file:
            head = self.file + (f":{self.line}" if self.line else "")
            where = f"{head} {where}".strip()
        excerpt = f" «{self.excerpt}»" if self.excerpt else ""
        return (
            f"[{SEVERITY_LABELS[self.severity]}] {self.code} {where}{excerpt}:"
            f" {self.message_vi} ({self.message_en})"
        )


def _split_tags(part: str, paragraphs: list[tuple[list[str], str]]) -> list[Finding]:
    """Tags spread over several Word runs; linear in the number of tags and runs (the
    runs a tag covers are found by bisection over the runs' end positions)."""
    found = []
    for i, (texts, whole) in enumerate(paragraphs, start=1):
        if "{" not in whole:
            continue
        ends: list[int] = []  # end position of each non-empty run
        pos = 0
        for t in texts:
            if t:
                pos += len(t)
                ends.append(pos)
        for tag in re.finditer(r"\{[{%#].*?[}%#]\}", whole):
            start, end = tag.span()
            pieces = bisect.bisect_left(ends, end) - bisect.bisect_right(ends, start) + 1
            if pieces > 1:
                found.append(
                    Finding(
                        "TACH-THE",
                        "canh_bao",
                        part,
                        i,
                        tag.group(),
                        f"thẻ bị Word tách thành {pieces} đoạn định dạng; gõ lại cả thẻ một lần"
                        " (hoặc xóa định dạng của nó)",
                        f"tag split into {pieces} Word runs; retype the whole tag at once"
                        " (or clear its formatting)",
                    )
                )
    return found


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")


def _first_paragraphs(paragraphs: list[tuple[list[str], str]]) -> dict[str, int]:
    """For every name and dotted name (and each dotted prefix) in the part's text, the
    first paragraph holding it: one pass, so naming N unknown variables stays linear."""
    first: dict[str, int] = {}
    for i, (_, whole) in enumerate(paragraphs, start=1):
        if "{" not in whole:
            continue
        for m in _NAME.finditer(norm(whole)):
            pieces = m.group().split(".")
            for n in range(1, len(pieces) + 1):
                first.setdefault(".".join(pieces[:n]), i)
    return first


#: Findings of one kind reported per part with the paragraph located (the rest without):
#: locating costs a pass over the part.
_LOCATED = 20


def _loop_attributes(ast: nodes.Template) -> tuple[set[str], set[str]]:
    """Attributes read on the loop variable of ``for … in van_ban``; and loop names."""
    attrs: set[str] = set()
    loop_vars: set[str] = set()
    for loop in ast.find_all(nodes.For):
        iterates_van_ban = isinstance(loop.iter, nodes.Name) and loop.iter.name == "van_ban"
        if iterates_van_ban and isinstance(loop.target, nodes.Name):
            loop_vars.add(loop.target.name)
    for get in ast.find_all(nodes.Getattr):
        if isinstance(get.node, nodes.Name) and get.node.name in loop_vars:
            attrs.add(get.attr)
    return attrs, loop_vars


def _package_findings(parts: dict[str, bytes]) -> list[Finding]:
    """Parts and styles the contract requires (:mod:`chithi_gen.render.contract`)."""
    found = [
        Finding(
            "THIEU-PHAN",
            "loi",
            part,
            None,
            "",
            f"mẫu thiếu phần {part} ({why})",
            f"the layout lacks the part {part} ({why})",
        )
        for part, why in REQUIRED_PARTS.items()
        if part not in parts
    ]
    if "word/styles.xml" in parts:
        try:
            lacking = missing_styles(parts["word/styles.xml"])
        except Exception as exc:  # malformed XML
            lacking = []
            found.append(
                Finding(
                    "HONG",
                    "loi",
                    "word/styles.xml",
                    None,
                    "",
                    f"phần kiểu đoạn không đọc được: {exc}",
                    f"the styles part cannot be read: {exc}",
                )
            )
        for style in lacking:
            found.append(
                Finding(
                    "THIEU-KIEU",
                    "loi",
                    "word/styles.xml",
                    None,
                    style,
                    f"mẫu thiếu kiểu đoạn (style) '{style}'; sao từ mẫu nd30 đi kèm",
                    f"the layout lacks the paragraph style '{style}'; copy it from the bundled"
                    " nd30 layout",
                )
            )
    return found


_RAW = re.compile(r"\|\s*safe\b|autoescape\s+false")


def _raw_markup(part: str, paragraphs: list[tuple[list[str], str]]) -> list[Finding]:
    """Tags that print raw XML (``| safe``, ``{% autoescape false %}``): one stray ``<``
    and Word cannot open the file."""
    return [
        Finding(
            "XML-THO",
            "loi",
            part,
            i,
            norm(whole)[:80],
            "thẻ in XML thô ('| safe' hoặc autoescape false): một ký tự '<' là tệp hỏng;"
            " hãy bỏ '| safe'",
            "the tag prints raw XML ('| safe' or autoescape false): one stray '<' breaks"
            " the file; remove '| safe'",
        )
        for i, (_, whole) in enumerate(paragraphs, start=1)
        if _RAW.search(whole)
    ]


def _part_findings(
    part: str, xml: str, patcher: DocxTemplate, env: jinja2.Environment, allowed: set[str]
) -> tuple[list[Finding], set[str]]:
    """Split tags, syntax errors and unknown variables of one tagged part; and the
    document variables it reads."""
    paragraphs = paragraph_texts(xml)
    findings = _split_tags(part, paragraphs) + _raw_markup(part, paragraphs)
    patched = patch_part(patcher, xml)
    try:
        ast = env.parse(patched)
    except jinja2.TemplateSyntaxError as exc:
        para, text = excerpt_at(xml, patched, exc.lineno, exc.message or "")
        findings.append(
            Finding(
                "CU-PHAP",
                "loi",
                part,
                para,
                text,
                f"lỗi cú pháp Jinja: {exc.message} (khối {{%p …%}} / {{%tr …%}} có đủ"
                " cặp mở/đóng chưa?)",
                f"Jinja syntax error: {exc.message} (are the {{%p …%}} / {{%tr …%}}"
                " blocks balanced?)",
            )
        )
        return findings, set()
    refused = [(node, tag) for kind, tag in FORBIDDEN.items() for node in ast.find_all(kind)]
    for n, (node, tag) in enumerate(refused):
        para, text = excerpt_at(xml, patched, node.lineno, tag) if n < _LOCATED else (None, "")
        findings.append(
            Finding(
                "NAP-TEP",
                "loi",
                part,
                para,
                text,
                f"thẻ {{% {tag} %}} không được dùng: mẫu của người dùng không được nạp tệp khác",
                f"the tag {{% {tag} %}} is not allowed: a user's template may not load other files",
            )
        )
    attrs, loop_vars = _loop_attributes(ast)
    first = _first_paragraphs(paragraphs)
    for name in sorted(meta.find_undeclared_variables(ast) - set(LAYOUT_VARIABLES)):
        findings.append(
            Finding(
                "BIEN-LA",
                "loi",
                part,
                first.get(name),
                name,
                f"biến '{name}' không có trong dữ liệu; các biến có: "
                + ", ".join(LAYOUT_VARIABLES),
                f"variable '{name}' is not provided; available: " + ", ".join(LAYOUT_VARIABLES),
            )
        )
    for attr in sorted(attrs - allowed):
        var = next(iter(sorted(loop_vars)), "vb")
        findings.append(
            Finding(
                "BIEN-LA",
                "loi",
                part,
                first.get(f"{var}.{attr}"),
                f"{var}.{attr}",
                f"biến '{var}.{attr}' không có; khai báo trong 'bien_van_ban' của"
                " manifest.yaml nếu nó đến từ 'bien' của tệp chiến dịch",
                f"variable '{var}.{attr}' is not provided; declare it under"
                " 'bien_van_ban' in manifest.yaml if it comes from a campaign's 'bien'",
            )
        )
    return findings, attrs


def probe_documents(extra_variables: tuple[str, ...] = ()) -> tuple[Document, ...]:
    """Two documents using every feature a layout renders (header lines, a footnote, a
    table, a second section, ``bien`` variables): what lint's trial render fills in."""
    extra: dict[str, object] = {name: "…" for name in extra_variables}
    body = (
        Paragraph("DeMuc1", (Run("I. ", bold=True), Run("MỤC TIÊU", bold=True)), 1),
        Paragraph("NoiDung", (Run("Nội dung"), Run("", footnote="Chú thích."), Run("./.")), 1),
        Table((("STT", "Chỉ tiêu"), ("1", "Một")), (0.2, 0.8), ("center", "left")),
    )
    first = Document(
        loai="quyet_dinh",
        co_quan_chu_quan=("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG",),
        co_quan_ban_hanh=("ỦY BAN NHÂN DÂN XÃ TRƯỜNG HÀ",),
        so_ky_hieu="Số: 05/QĐ-UBND",
        dia_danh_ngay="Trường Hà, ngày 05 tháng 02 năm 2026",
        ten_loai="QUYẾT ĐỊNH",
        trich_yeu="Ban hành Kế hoạch thi đua",
        noi_dung=(Paragraph("CanCu", (Run("Căn cứ Luật;"),)), *body),
        noi_nhan=("- Như Điều 3;", "- Lưu: VT, VP."),
        quyen_han=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        ho_ten="Nguyễn Văn An",
        ky_hieu_nguoi_soan="AN.(10)",
        so="05",
        ky_hieu_loai="QĐ",
        ky_hieu_co_quan="UBND",
        nguoi_nhan=("Như Điều 3",),
        tham_quyen_ban_hanh="CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TRƯỜNG HÀ",
        tieu_de_tep="Quyết định ban hành Kế hoạch thi đua",
        extra=extra,
    )
    second = Document(
        loai="ke_hoach",
        co_quan_chu_quan=(),
        co_quan_ban_hanh=first.co_quan_ban_hanh,
        so_ky_hieu="",
        dia_danh_ngay="",
        ten_loai="KẾ HOẠCH",
        trich_yeu="Thi đua năm 2026",
        noi_dung=body,
        noi_nhan=(),
        quyen_han=(),
        ho_ten="",
        kem_theo="(Kèm theo Quyết định số 05/QĐ-UBND)",
        extra=extra,
    )
    return first, second


def _trial(data: bytes, extra_variables: tuple[str, ...]) -> list[Finding]:
    """Compile and render the probe documents exactly as the renderer would."""
    try:
        CompiledLayout(data, "lint", sandboxed=True).render(probe_documents(extra_variables))
    except LayoutError as exc:
        return [
            Finding("DIEN-THU", "loi", p.part or "", p.paragraph, "", p.message_vi, p.message_en)
            for p in exc.problems
        ]
    return []


def lint_layout(data: bytes, extra_variables: tuple[str, ...] = ()) -> list[Finding]:
    """Every finding in the layout ``data`` (.docx bytes), errors first.

    ``extra_variables`` are the document variables the layout's manifest declares
    (``bien_van_ban``). Besides the static checks, the layout is compiled and rendered
    with :func:`probe_documents` in the sandbox, so anything that would make rendering
    fail is reported here first.
    """
    try:
        check_package(data, "lint")
        parts = read_package(data)
        patcher = DocxTemplate(io.BytesIO(data))
    except LayoutError as exc:
        p = exc.problems[0]
        return [Finding("HONG", "loi", "", None, "", p.message_vi, p.message_en)]
    except Exception as exc:  # zipfile.BadZipFile, truncated data …
        return [
            Finding(
                "HONG",
                "loi",
                "",
                None,
                "",
                f"không phải tệp .docx hợp lệ: {exc}",
                f"not a valid .docx: {exc}",
            )
        ]
    env = environment(sandboxed=True, autoescape=True)
    findings = _package_findings(parts) + [
        Finding("NGOAI-VI", "loi", p.part or "", None, "", p.message_vi, p.message_en)
        for p in external_problems(parts)
    ]
    used_attrs: set[str] = set()
    allowed = set(DOCUMENT_VARIABLES) | set(extra_variables)
    for part, blob in sorted(parts.items()):
        if not TAGGED_PARTS.match(part):
            continue
        try:
            xml = blob.decode("utf-8")
        except UnicodeDecodeError:
            findings.append(
                Finding("HONG", "loi", part, None, "", "phần không phải UTF-8", "not UTF-8")
            )
            continue
        if "{" not in xml:
            continue
        found, attrs = _part_findings(part, xml, patcher, env, allowed)
        findings += found
        used_attrs |= attrs
    if "word/document.xml" in parts:
        findings += _unused_content(used_attrs)
    if not any(f.severity == "loi" for f in findings):
        findings += _trial(data, extra_variables)
    order = {"loi": 0, "canh_bao": 1, "thong_tin": 2}
    return sorted(findings, key=lambda f: order[f.severity])


def _unused_content(used_attrs: set[str]) -> list[Finding]:
    return [
        Finding(
            "BIEN-THUA",
            "thong_tin",
            "word/document.xml",
            None,
            "",
            f"mẫu không dùng biến 'vb.{group[0]}'; nội dung đó sẽ không xuất hiện",
            f"the layout never uses 'vb.{group[0]}'; that content will not appear",
        )
        for group in _CONTENT
        if not used_attrs & set(group)
    ]


#: Document variables that carry content: a layout that uses none of a group loses that
#: content (alternatives: the whole "Số:" line or its parts; Nơi nhận lines or names).
_CONTENT: tuple[tuple[str, ...], ...] = (
    ("co_quan_chu_quan",),
    ("co_quan_ban_hanh",),
    ("so_ky_hieu", "so"),
    ("dia_danh_ngay",),
    ("ten_loai",),
    ("trich_yeu",),
    ("kem_theo",),
    ("tham_quyen_ban_hanh",),
    ("noi_dung",),
    ("noi_nhan", "nguoi_nhan"),
    ("ky_hieu_nguoi_soan",),
    ("quyen_han",),
    ("ho_ten",),
)
