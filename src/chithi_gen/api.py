"""The pipeline: :class:`Renderer` is the one way from a file or data to .docx bytes.

>>> from chithi_gen import Renderer
>>> renderer = Renderer()                                                 # doctest: +SKIP
>>> result = renderer.render(renderer.read("examples/chi-thi-ha-quang-2021.yaml"))
>>> result.docx[:2], result.warnings                                      # doctest: +SKIP
(b'PK', ())

Every path — the command line, batch workers, the module-level helpers — goes through a
:class:`Renderer`: read (:mod:`chithi_gen.source`) → validate (:mod:`chithi_gen.validate`)
→ compose (:mod:`chithi_gen.compose`, with the kind's step) → render
(:mod:`chithi_gen.render`) → write (:mod:`chithi_gen.output`). A renderer holds its
template set (:mod:`chithi_gen.lookup`: layouts, kinds, snippets), its compiled layouts
and nothing else; it has no global state and can be shared by threads.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chithi_gen import source as sources
from chithi_gen.compose import compose
from chithi_gen.compose.advice import warnings as advice
from chithi_gen.document import Document
from chithi_gen.errors import CampaignError, Problem
from chithi_gen.kinds import Registry
from chithi_gen.lookup import TemplateSet
from chithi_gen.model import Campaign
from chithi_gen.output import write_atomic
from chithi_gen.preflight import raw_problems
from chithi_gen.render.contract import variable_clashes
from chithi_gen.render.docx import CompiledLayout
from chithi_gen.source import Source
from chithi_gen.validate import validate

#: What the pipeline accepts as a campaign: read data, plain data, or a validated model.
CampaignInput = Source | Mapping[str, Any] | Campaign


@dataclass(frozen=True)
class Draft:
    """A campaign validated and composed: what rendering needs, and what it warns about.

    ``source`` is where it was read from (for locating problems), ``campaign`` the
    validated model, ``documents`` the composed documents in order (a Quyết định first,
    then what it issues), ``warnings`` the advice that does not stop the draft.
    """

    campaign: Campaign
    documents: tuple[Document, ...]
    warnings: tuple[Problem, ...] = ()
    source: Source | None = None


@dataclass(frozen=True)
class Rendered:
    """The result of rendering: ``docx`` bytes, the composed ``documents`` and the
    ``warnings`` (problems of severity ``"warning"``, located)."""

    docx: bytes
    documents: tuple[Document, ...]
    warnings: tuple[Problem, ...] = ()


class Renderer:
    """Renders campaigns with one template set, compiling each layout once.

    ``template_dirs`` are user template folders (each may hold ``layouts/<name>/``,
    ``kinds.yaml`` and ``snippets/``), searched before the folders in the
    ``CHITHI_TEMPLATES`` environment variable (read when the renderer is made, from
    ``environ`` if given), installed packages' and the bundled one (:mod:`chithi_gen.lookup`).
    ``registry`` replaces the kinds found that way; ``layout`` forces one layout (a name
    or a path) for every document instead of each kind's own. ``cache_dir`` keeps
    compiled layouts in that folder for the next process (:mod:`chithi_gen.render.cache`;
    the command line uses :func:`~chithi_gen.render.cache.default_folder`); without it
    the renderer writes nothing but the files it is asked to.
    """

    def __init__(
        self,
        template_dirs: Iterable[str | Path] = (),
        *,
        layout: str | Path | None = None,
        registry: Registry | None = None,
        environ: Mapping[str, str] | None = None,
        cache_dir: str | Path | None = None,
    ) -> None:
        self.templates = TemplateSet(template_dirs, environ=environ)
        self.cache_dir = None if cache_dir is None else Path(cache_dir)
        self.registry = registry if registry is not None else self.templates.registry
        self.snippets = self.templates.snippets
        self.layout_name = layout
        self._layouts: dict[str, CompiledLayout] = {}
        self._lock = threading.Lock()

    @property
    def template_dirs(self) -> tuple[Path, ...]:
        """The user template folders in lookup order (explicit, then the environment's)."""
        return self.templates.user_dirs

    @property
    def compiled_layouts(self) -> int:
        """How many layouts this renderer has compiled (each is compiled once)."""
        return len(self._layouts)

    # -- read ------------------------------------------------------------------

    def read(self, path: str | Path) -> Source:
        """Read a campaign file (UTF-8 YAML or JSON) and the ``ke_thua`` files it extends."""
        return sources.read(path)

    def parse(self, text: str, name: str | None = None) -> Source:
        """Campaign text (YAML or JSON) read as if from the file ``name``."""
        return sources.parse(text, name)

    # -- validate and compose -----------------------------------------------------

    def prepare(self, data: CampaignInput) -> Draft:
        """Validate and compose ``data``, once; every problem is placed at its file and line.

        Raises :class:`CampaignError` for what validation or composing finds (an unknown
        kind, a section outside the skeleton, a snippet missing a parameter …).
        """
        src = data if isinstance(data, Source) else None
        if isinstance(data, Campaign):
            campaign = data
        else:
            read = data if isinstance(data, Source) else sources.from_data(data)
            try:
                campaign = validate(read)
            except CampaignError as exc:
                raise self._with_preflight(exc, read) from None
        try:
            variable_clashes(campaign.bien)
            documents = compose(campaign, self.registry, self.snippets)
        except CampaignError as exc:
            name = src.name if src is not None else exc.source
            raise CampaignError(sources.place(exc.problems, src), name) from None
        warnings = tuple(sources.place(advice(campaign), src))
        return Draft(campaign, documents, warnings, src)

    def _with_preflight(self, exc: CampaignError, read: Source) -> CampaignError:
        """``exc`` with what composing would also have found (one round of errors)."""
        seen = {(p.loc, p.code) for p in exc.problems}
        more = [
            p
            for p in sources.place(raw_problems(read.data, self.registry, self.snippets), read)
            if (p.loc, p.code) not in seen
        ]
        return CampaignError([*exc.problems, *more], exc.source) if more else exc

    def validate(self, data: CampaignInput) -> Campaign:
        """The validated :class:`Campaign` of ``data``, after every check rendering makes."""
        return self.prepare(data).campaign

    def load(self, path: str | Path) -> Campaign:
        """Read and validate a campaign file with this renderer's kinds and snippets."""
        return self.validate(self.read(path))

    def compose(self, campaign: Campaign) -> tuple[Document, ...]:
        """The documents of ``campaign``: a Quyết định and its attachment, or one document."""
        return self.prepare(campaign).documents

    # -- render --------------------------------------------------------------------

    def layout(self, name: str | Path) -> CompiledLayout:
        """The compiled layout ``name`` (or at that path), found by the lookup order."""
        info = self.templates.find_layout(name)
        key = f"{info.origin}:{info.where}"
        found = self._layouts.get(key)
        if found is None:
            with self._lock:
                found = self._layouts.get(key)
                if found is None:
                    found = CompiledLayout(
                        info.read_bytes(),
                        name=info.name,
                        sandboxed=not info.bundled,
                        cache_dir=self.cache_dir,
                    )
                    self._layouts[key] = found
        return found

    def layout_for(self, documents: Sequence[Document]) -> CompiledLayout:
        """The layout that renders ``documents``: the forced one, else the first
        document's kind's."""
        if self.layout_name is not None:
            return self.layout(self.layout_name)
        kind = self.registry.get(documents[0].loai)
        return self.layout(kind.layout if kind is not None else "nd30")

    def render(self, data: CampaignInput | Draft) -> Rendered:
        """Render ``data`` (or an already prepared :class:`Draft`) to .docx bytes."""
        draft = data if isinstance(data, Draft) else self.prepare(data)
        docx = self.layout_for(draft.documents).render(draft.documents)
        return Rendered(docx, draft.documents, draft.warnings)

    def render_docx(self, data: CampaignInput | Document | Sequence[Document]) -> bytes:
        """.docx bytes of a campaign, or of documents already composed."""
        if isinstance(data, Document):
            return self.layout_for([data]).render([data])
        if isinstance(data, Sequence) and not isinstance(data, str | bytes):
            docs = tuple(data)
            if docs and all(isinstance(d, Document) for d in docs):
                return self.layout_for(docs).render(docs)
        return self.render(data).docx  # type: ignore[arg-type]

    def write_docx(
        self,
        data: CampaignInput | Document | Sequence[Document],
        path: str | Path,
        *,
        force: bool = False,
    ) -> Path:
        """Render and write atomically to ``path``; an existing file only with ``force``."""
        return write_atomic(path, self.render_docx(data), force=force)


_default: Renderer | None = None
_default_lock = threading.Lock()


def default_renderer() -> Renderer:
    """The renderer of the module-level helpers: one per process, made at first use
    (so ``CHITHI_TEMPLATES`` is read then, never at import)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Renderer()
    return _default


def load_campaign(path: str | Path) -> Campaign:
    """Read, parse and validate a campaign file (UTF-8 YAML or JSON)."""
    return default_renderer().load(path)


def load_campaign_text(text: str, source: str | None = None) -> Campaign:
    """Parse and validate campaign text (YAML; JSON is valid YAML); ``source`` names it
    in messages and anchors relative ``ke_thua`` paths."""
    renderer = default_renderer()
    return renderer.validate(renderer.parse(text, source))


def validate_data(data: Mapping[str, Any]) -> Campaign:
    """Validate campaign data (a dict, e.g. from JSON) with every check rendering makes."""
    return default_renderer().validate(data)


def compose_documents(campaign: Campaign) -> tuple[Document, ...]:
    """The composed documents of ``campaign`` with the default renderer."""
    return default_renderer().compose(campaign)


def render_docx(data: CampaignInput | Document | Sequence[Document]) -> bytes:
    """.docx bytes of a campaign (or composed documents) with the default renderer."""
    return default_renderer().render_docx(data)


def write_docx(
    data: CampaignInput | Document | Sequence[Document], path: str | Path, *, force: bool = False
) -> Path:
    """Render with the default renderer and write atomically to ``path``."""
    return default_renderer().write_docx(data, path, force=force)
