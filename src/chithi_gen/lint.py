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
  drops ``noi_nhan`` silently loses the recipients).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import jinja2
from docxtpl import DocxTemplate
from jinja2 import meta, nodes

from chithi_gen.document import DOCUMENT_VARIABLES, LAYOUT_VARIABLES
from chithi_gen.render.package import read_package

Severity = Literal["loi", "canh_bao", "thong_tin"]
SEVERITY_LABELS = {"loi": "LỖI error", "canh_bao": "CẢNH BÁO warning", "thong_tin": "GHI CHÚ info"}

_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes)\.xml$")
_PARA = re.compile(r"<w:p[ >].*?</w:p>", re.DOTALL)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>(.*?)</w:t>", re.DOTALL)


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

    def format(self) -> str:
        """One line: ``[LỖI error] BIEN-LA word/document.xml ¶12 «…»: vi (en)``."""
        where = self.part + (f" ¶{self.paragraph}" if self.paragraph is not None else "")
        excerpt = f" «{self.excerpt}»" if self.excerpt else ""
        return (
            f"[{SEVERITY_LABELS[self.severity]}] {self.code} {where}{excerpt}:"
            f" {self.message_vi} ({self.message_en})"
        )


def _paragraph_texts(xml: str) -> list[tuple[list[str], str]]:
    """Each paragraph's list of ``<w:t>`` texts and its whole text."""
    out = []
    for m in _PARA.finditer(xml):
        texts = [t for t in _TEXT.findall(m.group(0))]
        out.append((texts, "".join(texts)))
    return out


def _split_tags(part: str, xml: str) -> list[Finding]:
    found = []
    for i, (texts, whole) in enumerate(_paragraph_texts(xml), start=1):
        if "{" not in whole:
            continue
        for tag in re.finditer(r"\{[{%#].*?[}%#]\}", whole):
            start, end = tag.span()
            pos = 0
            pieces = 0
            for t in texts:
                if pos < end and pos + len(t) > start:
                    pieces += 1
                pos += len(t)
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


def _excerpt_at(patched: str, lineno: int | None) -> tuple[int | None, str]:
    """(paragraph number, text) of a line of docxtpl's patched XML (one paragraph a line)."""
    if lineno is None:
        return None, ""
    lines = patched.split("\n")
    if not 0 < lineno <= len(lines):
        return None, ""
    text = re.sub(r"<[^>]+>", "", lines[lineno - 1]).strip()
    return lineno - 1, text[:80]


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


def lint_layout(data: bytes, extra_variables: tuple[str, ...] = ()) -> list[Finding]:
    """Every finding in the layout ``data`` (.docx bytes), errors first."""
    parts = read_package(data)
    patcher = DocxTemplate(io.BytesIO(data))
    env = jinja2.Environment()
    findings: list[Finding] = []
    used_attrs: set[str] = set()
    allowed = set(DOCUMENT_VARIABLES) | set(extra_variables)
    for part, blob in sorted(parts.items()):
        if not _PARTS.match(part):
            continue
        xml = blob.decode("utf-8")
        if "{" not in xml:
            continue
        findings += _split_tags(part, xml)
        patched = re.sub(r"<w:p([ >])", r"\n<w:p\1", patcher.patch_xml(xml))
        try:
            ast = env.parse(patched)
        except jinja2.TemplateSyntaxError as exc:
            para, text = _excerpt_at(patched, exc.lineno)
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
            continue
        attrs, loop_vars = _loop_attributes(ast)
        used_attrs |= attrs
        for name in sorted(meta.find_undeclared_variables(ast) - set(LAYOUT_VARIABLES)):
            findings.append(
                Finding(
                    "BIEN-LA",
                    "loi",
                    part,
                    _first_use(patched, name),
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
                    _first_use(patched, f"{var}.{attr}"),
                    f"{var}.{attr}",
                    f"biến '{var}.{attr}' không có; khai báo trong 'bien_van_ban' của"
                    " manifest.yaml nếu nó đến từ 'bien' của tệp chiến dịch",
                    f"variable '{var}.{attr}' is not provided; declare it under"
                    " 'bien_van_ban' in manifest.yaml if it comes from a campaign's 'bien'",
                )
            )
    if "word/document.xml" in parts:
        for group in _CONTENT:
            if not used_attrs & set(group):
                name = group[0]
                findings.append(
                    Finding(
                        "BIEN-THUA",
                        "thong_tin",
                        "word/document.xml",
                        None,
                        "",
                        f"mẫu không dùng biến 'vb.{name}'; nội dung đó sẽ không xuất hiện",
                        f"the layout never uses 'vb.{name}'; that content will not appear",
                    )
                )
    order = {"loi": 0, "canh_bao": 1, "thong_tin": 2}
    return sorted(findings, key=lambda f: order[f.severity])


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


def _first_use(patched: str, name: str) -> int | None:
    for i, line in enumerate(patched.split("\n")):
        if re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", line):
            return i
    return None


def lint_path(path: Path) -> list[Finding]:
    """Lint a layout given as a .docx or as a layout folder (reads its manifest)."""
    from chithi_gen.layouts import find_layout

    info = find_layout(path)
    extra = tuple(str(v) for v in info.manifest.get("bien_van_ban") or ())
    return lint_layout(info.read_bytes(), extra)
