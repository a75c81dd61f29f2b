"""Compiled layouts kept on disk between runs, by the hash of the layout's bytes.

Compiling a layout (:class:`~chithi_gen.render.docx.CompiledLayout`) means docxtpl's
tag clean-up (which imports python-docx), Jinja compiling each part to Python code,
measuring the geometry and compressing the static parts: about a tenth of a second,
paid by every ``chithi render``. The result is plain data and code objects, written
here with :mod:`marshal` (as Python's own ``__pycache__`` and Jinja's bytecode cache
do) and read back in a millisecond.

An entry's name is a hash of the layout's bytes, whether it renders sandboxed, and the
versions of Python, chithi_gen, Jinja and docxtpl, so an entry can never serve another
layout or another version. The folder is ``$CHITHI_CACHE``, else
``$XDG_CACHE_HOME/chithi_gen``, else ``~/.cache/chithi_gen``; ``CHITHI_CACHE=0`` turns
the cache off. Every failure to read or write the cache is silent: the layout is then
compiled as if there were none.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

#: Environment variable naming the cache folder ("0", "off" or "" turns it off).
ENV_VAR = "CHITHI_CACHE"
#: Bumped when what is stored changes.
FORMAT = 1
#: Largest entry read (bytes).
MAX_ENTRY = 20_000_000


def folder() -> Path | None:
    """The cache folder, or ``None`` when the cache is off."""
    value = os.environ.get(ENV_VAR)
    if value is not None:
        return None if value.strip().lower() in ("", "0", "off", "no", "false") else Path(value)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "chithi_gen"


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


def load(name: str) -> Any:
    """The stored entry ``name``, or ``None``."""
    where = folder()
    if where is None:
        return None
    try:
        path = where / f"{name}.layout"
        with path.open("rb") as fh:
            raw = fh.read(MAX_ENTRY + 1)
        if len(raw) > MAX_ENTRY:
            return None
        value = marshal.loads(raw)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return value if isinstance(value, dict) and value.get("format") == FORMAT else None


def store(name: str, value: dict[str, Any]) -> None:
    """Keep ``value`` (marshal-able) as entry ``name``, atomically; never raises."""
    where = folder()
    if where is None:
        return
    tmp = where / f".{name}.{os.getpid()}.tmp"
    try:
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp.write_bytes(marshal.dumps({**value, "format": FORMAT}))
        os.replace(tmp, where / f"{name}.layout")
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            tmp.unlink()
