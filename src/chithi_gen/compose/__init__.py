"""Compose: a validated :class:`~chithi_gen.model.Campaign` → the documents it yields.

The kind named by ``loai`` composes the campaign's document with its step
(:mod:`chithi_gen.kinds.steps`); then every issuing kind whose block the campaign has
(``quyet_dinh:``) composes the document that issues it, which comes first. The
submodules are the pieces steps are made of: the body (:mod:`.body`), citations,
targets, assignments, header lines, clause snippets, and the advice that never stops
a draft (:mod:`.advice`).
"""

from __future__ import annotations

from collections.abc import Iterable

from chithi_gen.compose.snippets import Snippets
from chithi_gen.document import Document
from chithi_gen.errors import CampaignError, Problem
from chithi_gen.kinds import Kind, Registry
from chithi_gen.kinds.steps import Job, step
from chithi_gen.model import Campaign


def compose(campaign: Campaign, registry: Registry, snippets: Snippets) -> tuple[Document, ...]:
    """Every document ``campaign`` yields, in order (a Quyết định before what it issues)."""
    kind = registry.get_kind(campaign.loai)
    _own_blocks(campaign, kind, registry)
    docs = step(kind.buoc_soan)(Job(campaign, kind, registry, snippets))
    for issuer in registry.issuers:
        assert issuer.ban_hanh_kem is not None
        if getattr(campaign, issuer.ban_hanh_kem, None) is not None:
            docs = step(issuer.buoc_soan)(Job(campaign, issuer, registry, snippets, docs))
    return docs


def _own_blocks(campaign: Campaign, kind: Kind, registry: Registry) -> None:
    problems = foreign_blocks(
        [f for f in type(campaign).model_fields if getattr(campaign, f, None) is not None],
        kind,
        registry,
    )
    if problems:
        raise CampaignError(problems)


def foreign_blocks(present: Iterable[str], kind: Kind, registry: Registry) -> list[Problem]:
    """A problem for each block in ``present`` that belongs to another kind (``hoi_nghi``
    in a Chỉ thị): no step here would read it, and the clerk's text would vanish."""
    problems = []
    given = set(present)
    for field in sorted({f for k in registry.values() for f in k.truong_rieng}):
        if field in kind.truong_rieng or field not in given:
            continue
        owners = ", ".join(registry.owner_of(field))
        problems.append(
            Problem(
                f"khối '{field}' chỉ dùng cho loại văn bản {owners}, không dùng cho"
                f" '{kind.name}'; đổi 'loai' hoặc bỏ khối này",
                f"the '{field}' block is only for kind(s) {owners}, not '{kind.name}';"
                " change 'loai' or remove the block",
                loc=(field,),
                code="block-of-another-kind",
            )
        )
    return problems
