"""Opening a .docx: the zip package, its relationships and its XML parts.

Everything that can go wrong with the input itself (not a file, not a zip, no main
document, truncated, malformed XML) is reported as ``CheckInputError`` with a
bilingual message, never as a zipfile or lxml traceback.
"""

from __future__ import annotations

import io
import os
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import BinaryIO

from lxml import etree

from chithi_gen.check.errors import CheckInputError
from chithi_gen.check.ooxml import PKG_REL_NS, R_NS, Element, w

Source = str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_OFFICE_DOCUMENT = _REL + "officeDocument"
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
#: Refuse parts larger than this when decompressed (a defence against zip bombs).
_MAX_PART = 200 * 1024 * 1024


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)


@dataclass
class Package:
    """The parts of a .docx the checker reads, parsed."""

    source: str
    zf: zipfile.ZipFile
    main_name: str
    document: Element
    #: Relationships of the main document: id -> (type suffix, part name).
    rels: dict[str, tuple[str, str]] = field(default_factory=dict)
    _cache: dict[str, Element] = field(default_factory=dict)

    def part(self, name: str) -> Element | None:
        """The parsed XML part ``name`` (None if the package has no such part)."""
        if name in self._cache:
            return self._cache[name]
        if name not in self.zf.namelist():
            return None
        root = _parse(self.zf, name)
        self._cache[name] = root
        return root

    def related(self, rel_type: str) -> Element | None:
        """The first part related to the main document by ``rel_type`` (e.g. ``styles``)."""
        for kind, name in self.rels.values():
            if kind == rel_type:
                return self.part(name)
        return None

    def by_id(self, rel_id: str) -> tuple[str, Element] | None:
        """The part name and root of relationship ``rel_id`` of the main document."""
        target = self.rels.get(rel_id)
        if target is None:
            return None
        root = self.part(target[1])
        return None if root is None else (target[1], root)


def _read_bytes(source: Source) -> tuple[str, bytes]:
    if isinstance(source, bytes | bytearray | memoryview):
        return "<bytes>", bytes(source)
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        try:
            with open(path, "rb") as fh:
                return path, fh.read()
        except FileNotFoundError:
            raise CheckInputError(
                f"Không tìm thấy tệp: {path}", f"File not found: {path}"
            ) from None
        except IsADirectoryError:
            raise CheckInputError(
                f"Đây là thư mục, không phải tệp .docx: {path}",
                f"This is a directory, not a .docx file: {path}",
            ) from None
        except OSError as exc:
            raise CheckInputError(
                f"Không đọc được tệp {path} ({exc.strerror})",
                f"Cannot read file {path} ({exc.strerror})",
            ) from None
    read = getattr(source, "read", None)
    if read is None:
        raise CheckInputError(
            "Đầu vào phải là đường dẫn tệp hoặc nội dung (bytes) của tệp .docx",
            "Input must be a file path or the bytes of a .docx file",
        )
    data = read()
    if not isinstance(data, bytes):
        raise CheckInputError(
            "Tệp phải được mở ở chế độ nhị phân ('rb')",
            "The file must be opened in binary mode ('rb')",
        )
    return str(getattr(source, "name", "<stream>")), data


def _corrupt(source: str, detail: str) -> CheckInputError:
    return CheckInputError(
        f"Tệp .docx bị hỏng hoặc không đầy đủ ({detail}): {source}",
        f"The .docx file is corrupt or truncated ({detail}): {source}",
    )


def _parse(zf: zipfile.ZipFile, name: str) -> Element:
    try:
        info = zf.getinfo(name)
        if info.file_size > _MAX_PART:
            raise _corrupt(zf.filename or "<bytes>", f"phần/part {name} quá lớn/too large")
        data = zf.read(name)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, ValueError) as exc:
        raise _corrupt(zf.filename or "<bytes>", f"{name}: {exc}") from None
    try:
        root: Element = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise CheckInputError(
            f"XML của phần {name} không hợp lệ ({exc.msg})",
            f"The XML of part {name} is malformed ({exc.msg})",
        ) from None
    return root


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _relationships(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationships of ``part`` (``""`` for the package): id -> (type suffix, target)."""
    rels_name = "_rels/.rels" if part == "" else _rels_name(part)
    if rels_name not in zf.namelist():
        return {}
    root = _parse(zf, rels_name)
    base = posixpath.dirname(part)
    out: dict[str, tuple[str, str]] = {}
    for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = str(rel.get("Target", ""))
        if target.startswith("/"):
            name = target.lstrip("/")
        else:
            name = posixpath.normpath(posixpath.join(base, target))
        kind = str(rel.get("Type", "")).rsplit("/", 1)[-1]
        out[str(rel.get("Id", ""))] = (kind, name)
    return out


def open_package(source: Source) -> Package:
    """Open ``source`` (a path, bytes or a binary stream) as a .docx package."""
    name, data = _read_bytes(source)
    if data.startswith(_CFB_MAGIC):
        raise CheckInputError(
            "Đây là tệp .doc (Word 97-2003) hoặc tệp .docx có đặt mật khẩu; "
            f"hãy lưu lại thành .docx không mật khẩu: {name}",
            "This is a legacy .doc (Word 97-2003) or a password-protected .docx; "
            f"save it as an unprotected .docx: {name}",
        )
    if not data.startswith(_ZIP_MAGIC):
        raise CheckInputError(
            f"Không phải tệp .docx (tệp .docx là một gói zip): {name}",
            f"Not a .docx file (a .docx is a zip package): {name}",
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        zf.filename = name
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as exc:
        raise _corrupt(name, str(exc)) from None
    main = "word/document.xml"
    for kind, target in _relationships(zf, "").values():
        if kind == _OFFICE_DOCUMENT.rsplit("/", 1)[-1]:
            main = target
            break
    if main not in zf.namelist():
        raise CheckInputError(
            f"Gói zip không chứa tài liệu Word ({main}): {name}",
            f"The zip package has no Word document ({main}): {name}",
        )
    document = _parse(zf, main)
    if document.tag != w("document") or document.find(w("body")) is None:
        raise CheckInputError(
            f"Phần {main} không phải tài liệu WordprocessingML: {name}",
            f"Part {main} is not a WordprocessingML document: {name}",
        )
    return Package(name, zf, main, document, _relationships(zf, main))


__all__ = ["R_NS", "Package", "Source", "open_package"]
