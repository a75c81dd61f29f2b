"""Files beside each document of a finished batch: PDF (or PDF/A-2b) and the metadata JSON.

``chithi batch --pdf/--pdfa/--metadata`` runs the batch as usual, then for every
document written converts it with LibreOffice (one start per
:data:`~chithi_gen.render.pdf.GROUP` documents) and writes ``NAME.pdf`` and
``NAME.json`` beside ``NAME.docx``, exactly as ``chithi render`` does for one file:
the metadata comes from the row's draft through the same :class:`~chithi_gen.api.Renderer`
(:mod:`chithi_gen.render.metadata`), its ``PageAmount`` from the PDF. A row whose PDF or
metadata cannot be made or written gets a problem of its own; the others go on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chithi_gen import source as sources
from chithi_gen.api import Renderer
from chithi_gen.batch.report import BatchReport, ItemResult
from chithi_gen.batch.rows import apply_variation
from chithi_gen.errors import ChithiError, Problem
from chithi_gen.output import write_atomic
from chithi_gen.render.metadata import metadata, metadata_json
from chithi_gen.render.pdf import GROUP, docx_to_pdf_many, page_count


@dataclass(frozen=True)
class Beside:
    """What to write beside each document, and the files written or the problems met."""

    pdf: bool = False
    pdfa: bool = False
    metadata: bool = False

    @property
    def wanted(self) -> bool:
        """Whether anything is to be written at all."""
        return self.pdf or self.pdfa or self.metadata


@dataclass(frozen=True)
class BesideResult:
    """The extra files of one row, or what stopped them."""

    item: ItemResult
    written: tuple[Path, ...] = ()
    problems: tuple[Problem, ...] = ()


def _base(campaign: str | Path | Mapping[str, Any]) -> Mapping[str, Any]:
    src = sources.from_data(campaign) if isinstance(campaign, Mapping) else sources.read(campaign)
    assert isinstance(src.data, Mapping)
    return src.data


def write_beside(
    report: BatchReport,
    campaign: str | Path | Mapping[str, Any],
    what: Beside,
    *,
    renderer: Renderer | None = None,
    force: bool = False,
) -> list[BesideResult]:
    """Write the PDF and/or metadata of every document ``report`` says was written."""
    if not what.wanted:
        return []
    renderer = renderer or Renderer()
    base = _base(campaign) if what.metadata else {}
    done = [r for r in report.results if r.ok and r.path is not None]
    out: list[BesideResult] = []
    for start in range(0, len(done), GROUP):
        out += _group(done[start : start + GROUP], base, what, renderer, force)
    return out


def _group(
    items: Sequence[ItemResult],
    base: Mapping[str, Any],
    what: Beside,
    renderer: Renderer,
    force: bool,
) -> list[BesideResult]:
    pdfs: list[bytes | None] = [None] * len(items)
    failed: dict[int, tuple[Problem, ...]] = {}
    if what.pdf or what.pdfa:
        try:
            docs = [item.path.read_bytes() for item in items if item.path is not None]
            pdfs = list(docx_to_pdf_many(docs, pdfa=what.pdfa))
        except ChithiError as exc:
            failed = {i: exc.problems for i in range(len(items))}
    results = []
    for i, item in enumerate(items):
        if i in failed:
            results.append(BesideResult(item, (), failed[i]))
            continue
        results.append(_one(item, pdfs[i], base, what, renderer, force))
    return results


def _one(
    item: ItemResult,
    pdf: bytes | None,
    base: Mapping[str, Any],
    what: Beside,
    renderer: Renderer,
    force: bool,
) -> BesideResult:
    assert item.path is not None
    written: list[Path] = []
    try:
        if pdf is not None:
            written.append(write_atomic(item.path.with_suffix(".pdf"), pdf, force=force))
        if what.metadata:
            draft = renderer.prepare(apply_variation(base, item.row))
            data = metadata(
                draft.campaign,
                draft.documents,
                pages=page_count(pdf) if pdf is not None else None,
            )
            path = item.path.with_suffix(".json")
            written.append(write_atomic(path, metadata_json(data), force=force))
    except ChithiError as exc:
        return BesideResult(item, tuple(written), exc.problems)
    return BesideResult(item, tuple(written))
