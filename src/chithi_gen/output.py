"""Writing a result file: atomically, never over anything but a regular file.

The bytes go to a temporary file in the target's folder, created with the mode a
normal ``open()`` gives (the process umask is never read or changed), flushed to disk,
and then moved into place in one step, so a reader sees either the old file or the
whole new one. Without ``force`` the final step is an exclusive link: if the target
appears meanwhile — another process writing the same name — this one fails instead of
overwriting it. A target that exists and is not a regular file (a FIFO, a device, a
folder, a symbolic link) is refused even with ``force``.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

from chithi_gen.errors import Message, OutputError, Problem

#: Problem code of a target that already exists (the command line suggests --force).
EXISTS = "output-exists"


def _refuse(message: Message, path: Path, code: str) -> OutputError:
    return OutputError([Problem(message.vi, message.en, code=code)], str(path))


def _check_target(path: Path, force: bool) -> None:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise _os_error(exc, path) from None
    if stat.S_ISLNK(info.st_mode):
        raise _refuse(
            Message(
                "đích là một liên kết tượng trưng (symlink); hãy ghi ra một tệp thật",
                "the target is a symbolic link; write to a real file",
            ),
            path,
            "output-not-regular",
        )
    if stat.S_ISDIR(info.st_mode):
        raise _refuse(
            Message("đích là một thư mục", "the target is a folder"), path, "output-not-regular"
        )
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(
            Message(
                "đích không phải tệp thông thường (thiết bị, FIFO hoặc socket); không ghi đè",
                "the target is not a regular file (a device, FIFO or socket); not overwritten",
            ),
            path,
            "output-not-regular",
        )
    if not force:
        raise _exists(path)


def _exists(path: Path) -> OutputError:
    return _refuse(
        Message("tệp đã có, không ghi đè", "the file exists and was not overwritten"),
        path,
        EXISTS,
    )


def _os_error(exc: OSError | ValueError, path: Path) -> OutputError:
    if isinstance(exc, ValueError):  # an embedded NUL byte: no system call takes the name
        msg = Message(
            "tên tệp không hợp lệ (có ký tự NUL)",
            "not a valid file name (it holds a NUL character)",
        )
        return _refuse(msg, Path(str(path).replace("\x00", "\\0")), "output-failed")
    if exc.errno == errno.ENAMETOOLONG:
        msg = Message("tên tệp quá dài", "the file name is too long")
    elif isinstance(exc, PermissionError):
        msg = Message("không có quyền ghi", "permission denied")
    else:
        reason = exc.strerror or type(exc).__name__
        msg = Message(f"không ghi được tệp: {reason}", f"cannot write file: {reason}")
    return _refuse(msg, path, "output-failed")


def _claim(tmp: Path, target: Path) -> None:
    """Move ``tmp`` to ``target`` only if ``target`` does not exist, atomically."""
    try:
        os.link(tmp, target)  # fails if the name exists: no check-then-write race
    except FileExistsError:
        raise _exists(target) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK):
            raise
        # No hard links here (some network or FAT file systems): claim the name with an
        # exclusive empty file, then move the data over it.
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            raise _exists(target) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def write_atomic(path: str | Path, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; an existing file only with ``force``.

    Raises :class:`OutputError` when the target exists (without ``force``), is not a
    regular file, or cannot be written.
    """
    target = Path(path)
    _check_target(target, force)
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_error(exc, target) from None
    tmp = folder / f".chithi-{secrets.token_hex(8)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        raise _os_error(exc, target) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if force:
            _check_target(target, force=True)  # a FIFO may have appeared meanwhile
            os.replace(tmp, target)
        else:
            _claim(tmp, target)
    except OutputError:
        tmp.unlink(missing_ok=True)
        raise
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _os_error(exc, target) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
