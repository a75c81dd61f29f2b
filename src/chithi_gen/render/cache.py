"""Compiled layouts kept on disk between runs, by the hash of the layout's bytes.

Compiling a layout (:class:`~chithi_gen.render.docx.CompiledLayout`) means docxtpl's
tag clean-up (which imports python-docx), Jinja compiling each part to Python code,
measuring the geometry and compressing the static parts: about a tenth of a second,
paid by every ``chithi render``. The result is plain data and code objects, written
here with :mod:`marshal` (as Python's own ``__pycache__`` and Jinja's bytecode cache
do) and read back in a millisecond.

The cache is opt-in, as Jinja's bytecode cache is: the library writes nothing unless a
:class:`~chithi_gen.api.Renderer` is given ``cache_dir``; the command line gives it
:func:`default_folder` (``$CHITHI_CACHE``, else ``$XDG_CACHE_HOME/chithi_gen``, else
``~/.cache/chithi_gen``; ``CHITHI_CACHE=0`` turns it off).

An entry's name is a hash of the layout's bytes, whether it renders sandboxed, and the
versions of Python, chithi_gen, Jinja and docxtpl, so an entry can never serve another
layout or another version. An entry is code that will run (a sandboxed layout's guards
included), so it is read only from a folder and a file that belong to the user running
and that no one else may write (on POSIX: owner is the process's user, no group or
other write bit) — the trust ``__pycache__`` asks for, made explicit. Every failure to
read or write the cache is silent: the layout is then compiled as if there were none.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

#: Environment variable naming the cache folder ("0", "off" or "" turns it off).
ENV_VAR = "CHITHI_CACHE"
#: Bumped when what is stored changes.
FORMAT = 1
#: Largest entry read (bytes).
MAX_ENTRY = 20_000_000


def default_folder(environ: Mapping[str, str] | None = None) -> Path | None:
    """The command line's cache folder from ``environ`` (default ``os.environ``), or
    ``None`` when :data:`ENV_VAR` turns the cache off."""
    env = os.environ if environ is None else environ
    value = env.get(ENV_VAR)
    if value is not None:
        return None if value.strip().lower() in ("", "0", "off", "no", "false") else Path(value)
    xdg = env.get("XDG_CACHE_HOME")
    try:
        base = Path(xdg) if xdg else Path.home() / ".cache"
    except RuntimeError:  # no home folder: no cache
        return None
    return base / "chithi_gen"


def _trusted(info: os.stat_result) -> bool:
    """Whether a folder or file may hold code this process runs (see the module text)."""
    if not hasattr(os, "getuid"):  # Windows: the user's profile folders are private
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _versions() -> str:
    import jinja2

    import chithi_gen

    try:
        from importlib.metadata import version

        docxtpl = version("docxtpl")
    except Exception:  # no metadata: never share entries
        docxtpl = "?"
    return f"{FORMAT}|{sys.version}|{chithi_gen.__version__}|{jinja2.__version__}|{docxtpl}"


def key(data: bytes, sandboxed: bool) -> str:
    """The entry name of the layout ``data``."""
    h = hashlib.sha256(data)
    h.update(f"|{sandboxed}|{_versions()}".encode())
    return h.hexdigest()


def load(where: str | Path, name: str) -> Any:
    """The stored entry ``name`` in the folder ``where``, or ``None``."""
    try:
        path = Path(where) / f"{name}.layout"
        if not _trusted(os.stat(where)):
            return None
        with path.open("rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode) or not _trusted(
                os.fstat(fh.fileno())
            ):
                return None
            raw = fh.read(MAX_ENTRY + 1)
        if len(raw) > MAX_ENTRY:
            return None
        value = marshal.loads(raw)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return value if isinstance(value, dict) and value.get("format") == FORMAT else None


def store(where: str | Path, name: str, value: dict[str, Any]) -> None:
    """Keep ``value`` (marshal-able) as entry ``name`` in the folder ``where``,
    atomically; never raises. A folder someone else may write is left alone."""
    folder = Path(where)
    tmp = folder / f".{name}.{os.getpid()}.{id(value)}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _trusted(os.stat(folder)):
            return
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps({**value, "format": FORMAT}))
        os.replace(tmp, folder / f"{name}.layout")
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            tmp.unlink()
