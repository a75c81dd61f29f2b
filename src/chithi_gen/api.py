"""The public API: campaign in, .docx bytes or file out.

>>> from chithi_gen import load_campaign, Renderer
>>> campaign = load_campaign("examples/chi-thi-ha-quang-2021.yaml")   # doctest: +SKIP
>>> data = Renderer().render_docx(campaign)                           # doctest: +SKIP

A :class:`Renderer` holds compiled layouts and the kind registry; it has no hidden
global state and can be shared by threads. Module-level helpers use a fresh default
renderer per process.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from chithi_gen.compose import compose, compose_all
from chithi_gen.document import Document
from chithi_gen.errors import OutputError
from chithi_gen.kinds import Registry
from chithi_gen.kinds.config import registry_for
from chithi_gen.layouts import find_layout
from chithi_gen.layouts import template_dirs as template_dirs_from_env
from chithi_gen.loader import load_campaign
from chithi_gen.model import Campaign
from chithi_gen.render.docx import CompiledLayout
from chithi_gen.snippets import Snippets


class Renderer:
    """Renders campaigns with compiled layouts, compiling each layout once.

    ``template_dirs`` are user template folders (each may hold ``layouts/<name>/``,
    ``kinds.yaml`` and ``snippets/``), searched before the bundled ones; the folders in
    the ``CHITHI_TEMPLATES`` environment variable are added after them when the renderer
    is made. ``registry`` maps ``loai`` to kinds (default: the built-in kinds plus those
    of installed entry points and of the folders' ``kinds.yaml``). ``layout`` forces one
    layout (a name or a path) for every document instead of each kind's own.
    """

    def __init__(
        self,
        registry: Registry | None = None,
        template_dirs: Iterable[str | Path] = (),
        layout: str | Path | None = None,
    ) -> None:
        self.template_dirs = template_dirs_from_env(template_dirs)
        self.registry = registry if registry is not None else registry_for(self.template_dirs)
        self.snippets = Snippets(self.template_dirs)
        self.layout_name = layout
        self._layouts: dict[Path, CompiledLayout] = {}

    def layout(self, name: str | Path) -> CompiledLayout:
        """The compiled layout ``name`` (or at that path), found by the lookup order."""
        info = find_layout(name, self.template_dirs)
        if info.docx not in self._layouts:
            self._layouts[info.docx] = CompiledLayout(
                info.read_bytes(), name=info.name, sandboxed=not info.bundled
            )
        return self._layouts[info.docx]

    def load(self, path: str | Path) -> Campaign:
        """Read and validate a campaign file with this renderer's kinds and snippets."""
        return load_campaign(path, self.registry, self.snippets)

    def compose(self, campaign: Campaign) -> Document:
        """The composed :class:`Document` of ``campaign``."""
        return compose(campaign, self.registry, self.snippets)

    def compose_all(self, campaign: Campaign) -> tuple[Document, ...]:
        """All documents of ``campaign``: a Quyết định and its attachment, or one document."""
        return compose_all(campaign, self.registry, self.snippets)

    def render_docx(
        self, campaign: Campaign | Document, layout: CompiledLayout | None = None
    ) -> bytes:
        """.docx bytes for ``campaign`` (or an already composed document).

        A campaign with a ``quyet_dinh`` block gives one file holding the Quyết định
        and, from a new page, the document it issues.
        """
        if isinstance(campaign, Document):
            docs: tuple[Document, ...] = (campaign,)
            # A composed Quyết định is not a registry kind: it shares the nd30 layout.
            kind = self.registry.get(campaign.loai)
            name = kind.layout if kind is not None else "nd30"
        else:
            docs = self.compose_all(campaign)
            name = self.registry.get_kind(campaign.loai).layout
        lay = layout or self.layout(self.layout_name or name)
        return lay.render(docs)

    def write_docx(
        self,
        campaign: Campaign | Document,
        path: str | Path,
        *,
        force: bool = False,
        layout: CompiledLayout | None = None,
    ) -> Path:
        """Render and write atomically to ``path``; refuse to overwrite unless ``force``."""
        data = self.render_docx(campaign, layout)
        return write_atomic(Path(path), data, force=force)


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` via a temporary file and a rename (never half a file)."""
    if path.exists() and not force:
        raise OutputError.single(
            "tệp đã có; dùng --force để ghi đè",
            "file exists; use --force to overwrite",
            str(path),
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            # mkstemp creates 0600; give the file the mode a normal open() would.
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError.single(
            f"không ghi được tệp: {exc.strerror}", f"cannot write file: {exc.strerror}", str(path)
        ) from None
    return path


@cache
def default_renderer() -> Renderer:
    """The renderer used by the module-level helpers (one per process)."""
    return Renderer()


def render_docx(campaign: Campaign | Document) -> bytes:
    """.docx bytes for ``campaign`` with the bundled layout of its kind."""
    return default_renderer().render_docx(campaign)


def write_docx(campaign: Campaign | Document, path: str | Path, *, force: bool = False) -> Path:
    """Render ``campaign`` and write it atomically to ``path``."""
    return default_renderer().write_docx(campaign, path, force=force)
