"""The layout contract: what a layout may contain and must provide, defined once.

The renderer (:mod:`chithi_gen.render.docx`) and ``chithi templates lint``
(:mod:`chithi_gen.render.lint`) both read this module, so a layout that lint passes is
one the renderer accepts:

* :data:`TAGGED_PARTS` — the parts of the .docx that may carry Jinja tags;
* :data:`REQUIRED_STYLES` — the named paragraph styles a layout must define (the body
  paragraphs use them; the header and Tiêu ngữ rules are sized from them);
* :data:`LAYOUT_VARIABLES` and :data:`DOCUMENT_VARIABLES` — the variables a layout can
  use, the latter derived from :class:`~chithi_gen.document.Document` itself;
* :class:`Manifest` — the validated ``manifest.yaml`` of a layout folder;
* :func:`check_package` and :func:`refuse_external` — a layout is a bounded zip that
  reaches nothing outside itself.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import Field, ValidationError

from chithi_gen.document import Document
from chithi_gen.errors import CampaignError, LayoutError, Problem
from chithi_gen.model.base import Model
from chithi_gen.source import Layer, Source, parse_yaml, place
from chithi_gen.validate import problems_from_validation

#: Parts that may carry template tags (docxtpl fills these and no others).
TAGGED_PARTS = re.compile(
    r"^(word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml|docProps/core\.xml)$"
)

#: Parts every layout must have.
REQUIRED_PARTS: dict[str, str] = {
    "word/document.xml": "the document body",
    "word/styles.xml": "the named styles",
    "word/footnotes.xml": "the footnotes part (footnotes of the body are added to it)",
}

#: Paragraph styles every layout defines (style id → what it is for).
REQUIRED_STYLES: dict[str, str] = {
    "CoQuanChuQuan": "Cơ quan chủ quản — the superior body, capitals, not bold (II.2.b)",
    "CoQuanBanHanh": "Cơ quan ban hành — the issuing body, capitals, bold (II.2.b)",
    "QuocHieu": "Quốc hiệu, capitals, bold (II.1.a)",
    "TieuNgu": "Tiêu ngữ, bold; its rule is as long as it (II.1.b)",
    "TrichYeu": "Trích yếu, bold, centred (II.5.b)",
    "NoiDung": "Nội dung — body paragraph: justified, first-line indent (II.6.e)",
    "DeMuc1": "Tiêu đề mục — top-level heading (I. MỤC TIÊU), bold",
    "DeMuc2": "Tiêu đề khoản — lower heading (1. Tên khoản), bold",
    "CanCu": "Căn cứ ban hành — legal bases of a Quyết định, italic (II.6.a)",
    "QuyetDinh": '"QUYẾT ĐỊNH:" — the decision line of Mẫu 1.3, bold, centred',
    "Bang": "Ô bảng — table cells of the body (chỉ tiêu)",
    "DuongKe": "Đường kẻ — the empty paragraph whose bottom border draws a rule",
    "FootnoteText": "Chú thích — footnote text",
}

#: Top-level variables every layout can use.
LAYOUT_VARIABLES: tuple[str, ...] = ("van_ban", "ngat_phan", "tieu_de_tep")

#: Variables the renderer adds to each document: the decree's rules, drawn to length
#: (Phụ lục I, II.1.b, II.2.b, II.5.b), and whether the document is signed.
RENDERED_VARIABLES: tuple[str, ...] = (
    "ke_co_quan",
    "ke_tieu_ngu",
    "ke_quoc_hieu",
    "ke_trich_yeu",
    "co_chu_ky",
)

#: Fields of a Document that are not layout variables themselves.
_NOT_VARIABLES = {"extra"}

#: Variables of each document (``vb`` inside ``{%p for vb in van_ban %}``): every field of
#: :class:`~chithi_gen.document.Document` plus :data:`RENDERED_VARIABLES`. A campaign adds
#: its own through ``bien``.
DOCUMENT_VARIABLES: tuple[str, ...] = (
    tuple(f.name for f in dataclasses.fields(Document) if f.name not in _NOT_VARIABLES)
    + RENDERED_VARIABLES
)


class Manifest(Model):
    """``manifest.yaml`` of a layout folder.

    ``ten`` its name (default: the folder's), ``mo_ta`` a description, ``loai`` the kinds
    it serves, ``bien`` the top-level variables it uses, ``bien_van_ban`` the document
    variables it reads from a campaign's ``bien``.
    """

    ten: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    mo_ta: Annotated[str, Field(max_length=2000)] = ""
    loai: list[Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]] = []
    bien: list[str] = []
    bien_van_ban: list[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]] = []


def parse_manifest(text: str, source: str) -> Manifest:
    """The :class:`Manifest` in ``text`` (the file ``source``); a :class:`LayoutError`
    names the file and line of each problem."""
    data, tree = parse_yaml(text, source, LayoutError)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise LayoutError.single(
            "manifest.yaml phải là nhóm 'khóa: giá trị'",
            "manifest.yaml must be a mapping of 'key: value'",
            source,
            line=1,
            code="not-a-mapping",
        )
    try:
        return Manifest.model_validate(data)
    except ValidationError as exc:
        problems = problems_from_validation(exc, Manifest)
        raise LayoutError(place(problems, Source(data, (Layer(source, tree),))), source) from None


def variable_clashes(bien: Mapping[str, Any]) -> None:
    """Refuse a campaign's ``bien`` whose name is a built-in layout variable."""
    taken = [k for k in bien if k in DOCUMENT_VARIABLES]
    if taken:
        raise CampaignError(
            [
                Problem(
                    f"biến '{k}' trùng tên biến có sẵn của mẫu trình bày; hãy đặt tên khác",
                    f"variable '{k}' clashes with a built-in layout variable; rename it",
                    loc=("bien", k),
                    code="variable-clash",
                )
                for k in taken
            ]
        )


#: Largest total of the declared unpacked sizes of a layout's parts (bytes), and most
#: parts: a "zip bomb" is refused before anything is decompressed.
MAX_UNPACKED = 200_000_000
MAX_PARTS = 5_000

#: External targets a layout may keep: web and mail links (never fetched on render).
_LINK_TYPE = "/hyperlink"
_LINK_SCHEMES = ("http://", "https://", "mailto:")
#: Word fields that read a file or another program when the document is opened or
#: converted (INCLUDEPICTURE "file:///etc/passwd").
_FETCHING_FIELDS = re.compile(r"\b(INCLUDEPICTURE|INCLUDETEXT|LINK|DDEAUTO|DDE|IMPORT)\b", re.I)
_INSTR = re.compile(rb"<w:instrText[^>]*>([^<]*)</w:instrText>|w:instr=\"([^\"]*)\"")


def check_package(data: bytes, name: str) -> None:
    """Refuse layout bytes that are not a zip, or hold too many parts or would unpack to
    more than :data:`MAX_UNPACKED` (zip reading stops at each part's declared size)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise LayoutError.single(
            f"mẫu trình bày '{name}' không phải tệp .docx hợp lệ (không phải tệp zip: {exc})",
            f"layout '{name}' is not a valid .docx (not a zip file: {exc})",
            code="layout-not-docx",
        ) from None
    if len(infos) > MAX_PARTS or sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise LayoutError.single(
            f"mẫu trình bày '{name}' quá lớn khi giải nén (tối đa {MAX_UNPACKED // 1_000_000}"
            f" MB, {MAX_PARTS} phần)",
            f"layout '{name}' is too large unpacked (at most {MAX_UNPACKED // 1_000_000} MB,"
            f" {MAX_PARTS} parts)",
            code="layout-too-large",
        )


def external_problems(parts: Mapping[str, bytes]) -> list[Problem]:
    """What in a layout reaches outside the package: relationships with
    ``TargetMode="External"`` other than web links (an image ``file:///…`` would be
    read when the document is converted), and fields that read files."""
    from lxml import etree

    problems: list[Problem] = []
    for part, blob in sorted(parts.items()):
        if part.endswith(".rels"):
            try:
                root = etree.fromstring(blob)
            except etree.XMLSyntaxError:
                continue  # the renderer reports unreadable parts
            for rel in root:
                if rel.get("TargetMode") != "External":
                    continue
                target = rel.get("Target") or ""
                kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
                if (rel.get("Type") or "").endswith(_LINK_TYPE) and target.lower().startswith(
                    _LINK_SCHEMES
                ):
                    continue
                problems.append(
                    Problem(
                        f"mẫu trỏ ra ngoài tệp ({kind} → {target[:80]}): mẫu của người dùng"
                        " không được dùng tài nguyên bên ngoài; hãy nhúng hình vào tệp",
                        f"the layout points outside the file ({kind} → {target[:80]}): a"
                        " user's layout may not use external resources; embed the picture",
                        part=part,
                        code="layout-external",
                    )
                )
        elif part.startswith("word/") and part.endswith(".xml") and b"instr" in blob:
            pieces = [b or c for b, c in _INSTR.findall(blob)]
            text = " ".join(p.decode("utf-8", "replace") for p in pieces)
            joined = "".join(p.decode("utf-8", "replace") for p in pieces)
            m = _FETCHING_FIELDS.search(text) or _FETCHING_FIELDS.search(joined)
            if m:
                problems.append(
                    Problem(
                        f"mẫu có trường {m.group(1).upper()} đọc tệp bên ngoài; hãy xóa trường",
                        f"the layout has a {m.group(1).upper()} field that reads an outside"
                        " file; remove the field",
                        part=part,
                        code="layout-external",
                    )
                )
    return problems


def refuse_external(parts: Mapping[str, bytes], name: str) -> None:
    """Raise :class:`LayoutError` for :func:`external_problems` of a user's layout."""
    problems = external_problems(parts)
    if problems:
        raise LayoutError(
            [
                dataclasses.replace(
                    p,
                    message_vi=f"mẫu trình bày '{name}': {p.message_vi}",
                    message_en=f"layout '{name}': {p.message_en}",
                )
                for p in problems
            ]
        )
