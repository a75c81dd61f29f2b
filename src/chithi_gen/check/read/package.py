"""Opening a .docx: the zip package, its relationships and its XML parts.

Everything that can go wrong with the input itself (not a regular file, not a zip, no
main document, truncated, malformed XML) is reported as ``CheckInputError`` with a
bilingual message, never as a zipfile or lxml traceback.

Any input is bounded before it can exhaust the machine (a "zip bomb" of a few hundred
kilobytes can inflate to gigabytes): the file itself (``MAX_FILE``), each part once
decompressed (``MAX_PART``, checked while inflating, whatever the zip directory
claims), all parts read together (``MAX_TOTAL``) and the number of XML elements
(``MAX_ELEMENTS``, counted while parsing). A real administrative document is far
below every limit.
"""

from __future__ import annotations

import io
import os
import posixpath
import stat
import zipfile
from dataclasses import dataclass, field
from typing import BinaryIO

from lxml import etree

from chithi_gen.check.read.ooxml import PKG_REL_NS, R_NS, Element, w
from chithi_gen.errors import CheckInputError

Source = str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_OFFICE_DOCUMENT = _REL + "officeDocument"
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
#: Largest input file accepted (bytes).
MAX_FILE = 64 * 1024 * 1024
#: Largest XML part accepted once decompressed (bytes).
MAX_PART = 48 * 1024 * 1024
#: Largest total of decompressed XML read from one package (bytes).
MAX_TOTAL = 96 * 1024 * 1024
#: Most XML elements accepted in one package (all parts read together).
MAX_ELEMENTS = 1_500_000
#: Most entries accepted in the zip directory.
MAX_ENTRIES = 20_000
_CHUNK = 1024 * 1024
_EOCD = b"PK\x05\x06"
_EOCD64 = b"PK\x06\x06"


@dataclass
class Package:
    """The parts of a .docx the checker reads, parsed."""

    source: str
    zf: zipfile.ZipFile
    main_name: str
    document: Element
    #: Relationships of the main document: id -> (type suffix, part name).
    rels: dict[str, tuple[str, str]] = field(default_factory=dict)
    budget: _Budget | None = None
    _cache: dict[str, Element] = field(default_factory=dict)

    def part(self, name: str) -> Element | None:
        """The parsed XML part ``name`` (None if the package has no such part)."""
        if name in self._cache:
            return self._cache[name]
        if name not in self.zf.namelist():
            return None
        root = _parse(self.zf, name, self.budget)
        self._cache[name] = root
        return root

    def raw(self, name: str, limit: int = MAX_PART) -> bytes | None:
        """The bytes of part ``name`` (at most ``limit``; None if absent or larger)."""
        if name not in self.zf.namelist():
            return None
        try:
            return _inflate(self.zf, name, limit)
        except CheckInputError:
            return None

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
        if len(source) > _max_file():
            raise _too_large("<bytes>", len(source), _max_file())
        return "<bytes>", bytes(source)
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        try:
            info = os.stat(path)
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(path)
            if not stat.S_ISREG(info.st_mode):
                raise CheckInputError(
                    f"Không phải tệp thông thường (thiết bị, ống dẫn hoặc socket): {path}",
                    f"Not a regular file (a device, pipe or socket): {path}",
                )
            limit = _max_file()
            if info.st_size > limit:
                raise _too_large(path, info.st_size, limit)
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
            if len(data) > limit:
                raise _too_large(path, len(data), limit)
            return path, data
        except CheckInputError:
            raise  # not a regular file, too large: said above (it is a ValueError too)
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
        except ValueError:  # a NUL byte: no file system takes that name
            shown = path.replace("\x00", "\\0")
            raise CheckInputError(
                f"Tên tệp không hợp lệ (có ký tự NUL): {shown}",
                f"Not a valid file name (it holds a NUL character): {shown}",
            ) from None
    read = getattr(source, "read", None)
    if read is None:
        raise CheckInputError(
            "Đầu vào phải là đường dẫn tệp hoặc nội dung (bytes) của tệp .docx",
            "Input must be a file path or the bytes of a .docx file",
        )
    data = read(_max_file() + 1)
    if not isinstance(data, bytes):
        raise CheckInputError(
            "Tệp phải được mở ở chế độ nhị phân ('rb')",
            "The file must be opened in binary mode ('rb')",
        )
    name = str(getattr(source, "name", "<stream>"))
    if len(data) > _max_file():
        raise _too_large(name, len(data), _max_file())
    return name, data


def _max_file() -> int:
    return MAX_FILE


def read_source(source: Source) -> tuple[str, bytes]:
    """The name and the bytes of ``source`` (a path, bytes or a binary stream), bounded."""
    return _read_bytes(source)


def _mb(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.0f} MB"


def _too_large(source: str, size: int, limit: int) -> CheckInputError:
    return CheckInputError(
        f"Tệp quá lớn để kiểm tra ({_mb(size)}, tối đa {_mb(limit)}): {source}",
        f"The file is too large to check ({_mb(size)}, at most {_mb(limit)}): {source}",
    )


def _bomb(source: str, part: str, what_vi: str, what_en: str) -> CheckInputError:
    return CheckInputError(
        f"Tệp .docx bất thường, từ chối đọc: phần {part} {what_vi} "
        f"(có thể là «bom nén» zip bomb): {source}",
        f"Abnormal .docx, refused: part {part} {what_en} (possibly a zip bomb): {source}",
    )


@dataclass
class _Budget:
    """What may still be read from one package: decompressed bytes and XML elements."""

    source: str
    total: int = field(default_factory=lambda: MAX_TOTAL)
    elements: int = field(default_factory=lambda: MAX_ELEMENTS)


def _corrupt(source: str, detail: str) -> CheckInputError:
    return CheckInputError(
        f"Tệp .docx bị hỏng hoặc không đầy đủ ({detail}): {source}",
        f"The .docx file is corrupt or truncated ({detail}): {source}",
    )


def _inflate(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """Part ``name`` decompressed, refusing it as soon as it exceeds ``limit`` bytes."""
    source = zf.filename or "<bytes>"
    try:
        info = zf.getinfo(name)
        if info.file_size > limit:
            raise _bomb(
                source,
                name,
                f"giải nén ra {_mb(info.file_size)} (tối đa {_mb(limit)})",
                f"inflates to {_mb(info.file_size)} (at most {_mb(limit)})",
            )
        chunks: list[bytes] = []
        size = 0
        with zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise _bomb(
                        source,
                        name,
                        f"giải nén ra hơn {_mb(limit)}",
                        f"inflates to more than {_mb(limit)}",
                    )
                chunks.append(chunk)
        return b"".join(chunks)
    except CheckInputError:
        raise
    except Exception as exc:  # bad CRC, zlib, unknown compression, encryption …
        raise _corrupt(source, f"{name}: {exc or type(exc).__name__}") from None


def inflate_part(zf: zipfile.ZipFile, name: str) -> bytes:
    """Part ``name`` of ``zf``, decompressed within ``MAX_PART`` (``CheckInputError`` else)."""
    return _inflate(zf, name, MAX_PART)


def _parse(zf: zipfile.ZipFile, name: str, budget: _Budget | None = None) -> Element:
    """Part ``name`` parsed, within the package's remaining ``budget``."""
    source = zf.filename or "<bytes>"
    if budget is None:
        budget = _Budget(source)
    data = _inflate(zf, name, min(MAX_PART, budget.total))
    budget.total -= len(data)
    parser = etree.XMLPullParser(
        events=("start",), resolve_entities=False, no_network=True, remove_comments=True
    )
    try:
        for start in range(0, len(data), _CHUNK):
            parser.feed(data[start : start + _CHUNK])
            count = sum(1 for _ in parser.read_events())
            budget.elements -= count
            if budget.elements < 0:
                raise _bomb(
                    source,
                    name,
                    f"có quá nhiều phần tử XML (tối đa {MAX_ELEMENTS:,})",
                    f"holds too many XML elements (at most {MAX_ELEMENTS:,})",
                )
        root: Element = parser.close()
        budget.elements -= sum(1 for _ in parser.read_events())
    except (etree.XMLSyntaxError, etree.ParserError) as exc:
        raise CheckInputError(
            f"XML của phần {name} không hợp lệ ({exc.msg})",
            f"The XML of part {name} is malformed ({exc.msg})",
        ) from None
    if budget.elements < 0:
        raise _bomb(
            source,
            name,
            f"có quá nhiều phần tử XML (tối đa {MAX_ELEMENTS:,})",
            f"holds too many XML elements (at most {MAX_ELEMENTS:,})",
        )
    return root


def _entry_count(data: bytes) -> int | None:
    """The number of entries the zip's end-of-directory record declares (None if unread)."""
    at = data.rfind(_EOCD, max(0, len(data) - 65_557))
    if at < 0 or at + 22 > len(data):
        return None
    count = int.from_bytes(data[at + 10 : at + 12], "little")
    if count == 0xFFFF:  # Zip64: the real count is in the Zip64 record before it
        at64 = data.rfind(_EOCD64, max(0, at - 1024), at)
        if at64 >= 0 and at64 + 40 <= len(data):
            count = int.from_bytes(data[at64 + 32 : at64 + 40], "little")
    return count


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _relationships(zf: zipfile.ZipFile, part: str, budget: _Budget) -> dict[str, tuple[str, str]]:
    """Relationships of ``part`` (``""`` for the package): id -> (type suffix, target)."""
    rels_name = "_rels/.rels" if part == "" else _rels_name(part)
    if rels_name not in zf.namelist():
        return {}
    root = _parse(zf, rels_name, budget)
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
    entries = _entry_count(data)
    if entries is not None and entries > MAX_ENTRIES:
        raise CheckInputError(
            f"Tệp .docx bất thường, từ chối đọc: gói zip có {entries:,} phần "
            f"(tối đa {MAX_ENTRIES:,}): {name}",
            f"Abnormal .docx, refused: the zip package has {entries:,} parts "
            f"(at most {MAX_ENTRIES:,}): {name}",
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        zf.filename = name
    except Exception as exc:  # any fault of the zip directory (even "version 6.4")
        raise _corrupt(name, str(exc) or type(exc).__name__) from None
    budget = _Budget(name)
    main = "word/document.xml"
    for kind, target in _relationships(zf, "", budget).values():
        if kind == _OFFICE_DOCUMENT.rsplit("/", 1)[-1]:
            main = target
            break
    if main not in zf.namelist():
        raise CheckInputError(
            f"Gói zip không chứa tài liệu Word ({main}): {name}",
            f"The zip package has no Word document ({main}): {name}",
        )
    document = _parse(zf, main, budget)
    if document.tag != w("document") or document.find(w("body")) is None:
        raise CheckInputError(
            f"Phần {main} không phải tài liệu WordprocessingML: {name}",
            f"Part {main} is not a WordprocessingML document: {name}",
        )
    return Package(name, zf, main, document, _relationships(zf, main, budget), budget)


__all__ = ["R_NS", "Package", "Source", "open_package", "read_source"]
