"""Bundled layouts (.docx templates), one folder each: ``<name>/layout.docx``."""

from __future__ import annotations

from importlib.resources import files

from chithi_gen.errors import LayoutError


def bundled_layout_bytes(name: str) -> bytes:
    """The .docx bytes of the bundled layout ``name`` (e.g. ``nd30``)."""
    path = files("chithi_gen.layouts").joinpath(name, "layout.docx")
    if not path.is_file():
        raise LayoutError.single(
            f"không có mẫu trình bày '{name}' đi kèm", f"no bundled layout named '{name}'"
        )
    return path.read_bytes()


def bundled_layout_names() -> list[str]:
    """Names of the layouts shipped with chithi_gen."""
    root = files("chithi_gen.layouts")
    return sorted(
        p.name for p in root.iterdir() if p.is_dir() and p.joinpath("layout.docx").is_file()
    )
