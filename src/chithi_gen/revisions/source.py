"""Opening a .docx to compare: its parts, its main document and its notes, bounded.

Anything wrong with an input (not a zip, no main document, malformed XML, parts too
large once decompressed, tracked changes already present) is a :class:`RevisionError`
naming the input, never a zipfile or lxml traceback.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from chithi_gen.errors import RevisionError
from chithi_gen.render.package import read_package
from chithi_gen.revisions.ooxml import REVISION_TAGS, Element, parser, w

#: Refuse inputs whose parts add up to more than this once decompressed (zip bombs).
MAX_UNPACKED = 256 * 1024 * 1024
#: Refuse inputs with more entries than this.
MAX_ENTRIES = 10_000

_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_NOTE_KINDS = ("footnotes", "endnotes")


def _fail(label: str, vi: str, en: str) -> RevisionError:
    return RevisionError.single(f"{label}: {vi}", f"{label}: {en}", code="revision-input")


@dataclass
class Docx:
    """One input: its raw parts, the parsed main document and notes parts."""

    label: str
    parts: dict[str, bytes]
    main_name: str
    document: Element
    #: ``"footnotes"``/``"endnotes"`` -> (part name, parsed root), when present.
    notes: dict[str, tuple[str, Element]] = field(default_factory=dict)

    @property
    def body(self) -> Element:
        """The ``w:body`` of the main document."""
        body = self.document.find(w("body"))
        assert body is not None  # checked when opened
        return body


def _unpack(data: bytes, label: str) -> dict[str, bytes]:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise _fail(label, "không phải dữ liệu .docx (bytes)", "not .docx data (bytes)")
    data = bytes(data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _fail(
            label, "không phải tệp .docx (không đọc được dạng zip)", "not a .docx (not a zip)"
        ) from None
    if len(infos) > MAX_ENTRIES or sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise _fail(
            label,
            f"tệp quá lớn khi giải nén (giới hạn {MAX_UNPACKED // 2**20} MB)",
            f"too large once decompressed (limit {MAX_UNPACKED // 2**20} MB)",
        )
    try:
        return read_package(data)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError):
        raise _fail(label, "tệp .docx bị hỏng", "the .docx is corrupt") from None


def _parse(parts: dict[str, bytes], name: str, label: str) -> Element:
    try:
        root = etree.fromstring(parts[name], parser())
    except etree.XMLSyntaxError as exc:
        raise _fail(label, f"XML hỏng ở {name}: {exc}", f"malformed XML in {name}: {exc}") from None
    if root is None:
        raise _fail(label, f"phần {name} rỗng", f"part {name} is empty")
    return root


def _rels(parts: dict[str, bytes], name: str, label: str) -> dict[str, str]:
    """Relationship type suffix -> target part name, for the part ``name``."""
    folder, base = posixpath.split(name)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    if rels_name not in parts:
        return {}
    root = _parse(parts, rels_name, label)
    out: dict[str, str] = {}
    for rel in root.iter(f"{{{_REL_NS}}}Relationship"):
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not kind.startswith(_REL):
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        out.setdefault(kind[len(_REL) :], posixpath.normpath(path))
    return out


def _refuse_revisions(root: Element, label: str, name: str) -> None:
    for el in root.iter(*REVISION_TAGS):
        tag = etree.QName(el).localname
        raise _fail(
            label,
            f"văn bản đã có thay đổi được theo dõi (w:{tag} trong {name}); hãy chấp nhận"
            " hoặc từ chối chúng trước khi so sánh",
            f"the document already holds tracked changes (w:{tag} in {name}); accept or"
            " reject them before comparing",
        )


def open_docx(data: bytes, label: str, *, allow_revisions: bool = False) -> Docx:
    """Read and check one input; ``label`` names it in errors. Unless
    ``allow_revisions``, a document already holding tracked changes is refused."""
    parts = _unpack(data, label)
    main = _rels(parts, "", label).get("officeDocument", "word/document.xml")
    if main not in parts:
        raise _fail(
            label,
            "không có phần văn bản chính (word/document.xml)",
            "no main document part (word/document.xml)",
        )
    document = _parse(parts, main, label)
    if document.tag != w("document") or document.find(w("body")) is None:
        raise _fail(
            label,
            "phần văn bản chính không phải WordprocessingML (w:document/w:body)",
            "the main part is not WordprocessingML (w:document/w:body)",
        )
    if not allow_revisions:
        _refuse_revisions(document, label, main)
    doc = Docx(label, parts, main, document)
    rels = _rels(parts, main, label)
    for kind in _NOTE_KINDS:
        name = rels.get(kind)
        if name and name in parts:
            root = _parse(parts, name, label)
            if not allow_revisions:
                _refuse_revisions(root, label, name)
            doc.notes[kind] = (name, root)
    return doc
