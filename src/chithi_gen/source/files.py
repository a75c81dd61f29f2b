"""Reading a user's input file: regular files only, size checked before reading."""

from __future__ import annotations

import errno
import os
import stat
from importlib.resources.abc import Traversable
from pathlib import Path

from chithi_gen.errors import CampaignError, ChithiError, Message

#: Largest campaign file accepted (bytes). Real ones are < 100 kB.
MAX_BYTES = 5_000_000


def is_dir(path: Path | Traversable) -> bool:
    """Whether ``path`` is a folder. A name the system refuses to look up (too long, a
    NUL byte, a loop) is no folder; :meth:`Path.is_dir` would raise for some of those."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def is_file(path: Path | Traversable) -> bool:
    """Whether ``path`` is a file (following links), as :func:`is_dir` for folders."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def exists(path: Path) -> bool:
    """Whether anything is at ``path``, as :func:`is_dir` for folders."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def shown_name(name: str, limit: int = 160) -> str:
    """A file name as messages show it: a very long one is shortened in the middle."""
    return name if len(name) <= limit else f"{name[: limit - 60]}…{name[-50:]}"


def _too_large(limit: int) -> Message:
    size = f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit // 1000} kB"
    return Message(f"tệp quá lớn (tối đa {size})", f"file too large (at most {size})")


def read_bytes(
    path: str | Path,
    source: str | None = None,
    limit: int = MAX_BYTES,
    error: type[ChithiError] = CampaignError,
) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    A directory, FIFO, device or socket is refused before anything is read (reading
    ``/dev/zero`` would never end), the size is checked before reading, and the read
    itself is bounded (a file growing while read cannot exceed ``limit``). Errors are
    ``error`` (a :class:`CampaignError` unless the caller says otherwise) naming
    ``source`` (default: the path), in both languages.
    """
    name = shown_name(source if source is not None else str(path))
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not hang; regular files ignore it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error.single(
            "không tìm thấy tệp", "file not found", name, code="file-not-found"
        ) from None
    except IsADirectoryError:
        raise error.single(
            "đây là một thư mục, không phải tệp",
            "this is a folder, not a file",
            name,
            code="file-is-folder",
        ) from None
    except (OSError, ValueError) as exc:
        raise error.of(_os_message(exc), name, code="file-unreadable") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error.single(
                "đây là một thư mục, không phải tệp",
                "this is a folder, not a file",
                name,
                code="file-is-folder",
            )
        if not stat.S_ISREG(info.st_mode):
            raise error.single(
                "không phải tệp thông thường (thiết bị, FIFO hoặc socket); hãy chỉ ra một tệp",
                "not a regular file (a device, FIFO or socket); name a file",
                name,
                code="file-not-regular",
            )
        if info.st_size > limit:
            raise error.of(_too_large(limit), name, code="file-too-large")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise error.of(_too_large(limit), name, code="file-too-large")
        return b"".join(chunks)
    except OSError as exc:
        raise error.of(_os_message(exc), name, code="file-unreadable") from None
    finally:
        os.close(fd)


def _os_message(exc: OSError | ValueError) -> Message:
    """What an operating-system error means for the clerk."""
    if isinstance(exc, ValueError):  # an embedded NUL byte
        return Message(
            "tên tệp có ký tự không hợp lệ (NUL)", "the file name contains an invalid character"
        )
    if exc.errno == errno.ENAMETOOLONG:
        return Message("tên tệp quá dài", "the file name is too long")
    if exc.errno == errno.ELOOP:
        return Message(
            "liên kết tượng trưng vòng tròn (symlink loop)", "the symbolic links form a loop"
        )
    if isinstance(exc, PermissionError):
        return Message("không có quyền đọc tệp", "permission denied")
    reason = exc.strerror or type(exc).__name__
    return Message(f"không đọc được tệp: {reason}", f"cannot read file: {reason}")


def read_text(
    path: str | Path,
    source: str | None = None,
    limit: int = MAX_BYTES,
    error: type[ChithiError] = CampaignError,
) -> str:
    """The text of ``path``: UTF-8 with or without BOM, at most ``limit`` bytes."""
    name = shown_name(source if source is not None else str(path))
    raw = read_bytes(path, name, limit, error)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error.single(
            f"tệp không phải mã UTF-8 (byte lỗi ở vị trí {exc.start}); hãy lưu lại tệp với"
            " mã UTF-8",
            f"the file is not UTF-8 (bad byte at offset {exc.start}); save it as UTF-8",
            name,
            code="file-not-utf8",
        ) from None
