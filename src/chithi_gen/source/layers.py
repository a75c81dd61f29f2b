"""The campaign as read: plain data and the parsed files (layers) it was merged from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Layer:
    """One file of a ``ke_thua`` chain: its name as the user gave it and its ruamel tree
    (``None`` for data that came from no file, such as a Python dict)."""

    source: str | None
    tree: Any


@dataclass(frozen=True)
class Source:
    """Campaign data after ``ke_thua``: the merged plain data and the files, child first.

    ``data`` is what validation receives; ``layers`` are what the locator reads to say
    where a value is written.
    """

    data: Any
    layers: tuple[Layer, ...] = ()

    @property
    def name(self) -> str | None:
        """The file the user named (the last child), or ``None`` for in-memory data."""
        return self.layers[0].source if self.layers else None
