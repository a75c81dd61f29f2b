"""The command line's :class:`~chithi_gen.api.Renderer`: the library's, with the on-disk
layout cache on (:func:`chithi_gen.render.cache.default_folder`), so a second
``chithi render`` does not compile the layout again."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chithi_gen.api import Renderer


def cli_renderer(
    templates: Iterable[str | Path] | None = None, layout: str | Path | None = None
) -> Renderer:
    """A renderer for the folders of ``--templates`` and the layout of ``--layout``."""
    from chithi_gen.api import Renderer
    from chithi_gen.render.cache import default_folder

    return Renderer(templates or (), layout=layout, cache_dir=default_folder())
