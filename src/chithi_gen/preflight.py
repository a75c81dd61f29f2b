"""Preflight: the checks composing makes, run on raw data, so errors come in one round.

Composing finds what the model alone cannot — an unknown kind, a ``phan`` section
outside the skeleton, an unknown clause snippet or a parameter it lacks or does not use,
a ``bien`` name the layouts already use, a block that belongs to another kind. It can
only run on a valid campaign; when validation fails, :func:`raw_problems` runs the same
rules (the same functions) on the raw data, so the clerk gets every problem at once
instead of a second round after fixing the first.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from chithi_gen.compose import foreign_blocks
from chithi_gen.compose.body import unknown_sections
from chithi_gen.compose.snippets import Snippets
from chithi_gen.errors import CampaignError, ChithiError, Loc, Problem
from chithi_gen.kinds import Kind, Registry
from chithi_gen.render.contract import variable_clashes


def _snippet_nodes(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Mapping[str, Any]]]:
    """Every raw body element that uses a clause snippet (``mau_cau``), with its path."""
    if isinstance(value, Mapping):
        if isinstance(value.get("mau_cau"), str):
            yield loc, value
        for key, item in value.items():
            if key in ("dan_chieu", "bien", "co_quan", "nguoi_ky", "luu"):
                continue
            yield from _snippet_nodes(item, (*loc, str(key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _snippet_nodes(item, (*loc, i))


def _kind(data: Mapping[str, Any], registry: Registry) -> tuple[Kind | None, list[Problem]]:
    loai = data.get("loai", "chi_thi")
    if not isinstance(loai, str):
        return None, []
    try:
        return registry.get_kind(loai), []
    except CampaignError as exc:
        return None, list(exc.problems)


def _skeleton(data: Mapping[str, Any], kind: Kind) -> list[str]:
    khung = data.get("khung")
    if isinstance(khung, list) and khung:
        return [str(k.get("ma")) for k in khung if isinstance(k, Mapping)]
    return [key for key, _ in kind.khung]


def _context(data: Mapping[str, Any], kind: Kind | None) -> dict[str, Any]:
    """What a snippet sees besides its parameters, from raw data (placeholders where the
    raw value is unusable): the names matter here, not the text."""
    context: dict[str, Any] = {
        "ten_loai": kind.ten_loai if kind else "…",
        "co_quan": "…",
        "dia_danh": str(data.get("dia_danh", "…")),
    }
    if data.get("ngay") is not None or data.get("nam") is not None:
        context["nam"] = 2026
    return context


def raw_problems(data: Any, registry: Registry, snippets: Snippets) -> list[Problem]:
    """Problems composing would report, found on raw (possibly invalid) campaign data."""
    if not isinstance(data, Mapping):
        return []
    kind, problems = _kind(data, registry)
    if kind is not None:
        phan = data.get("phan")
        if isinstance(phan, Mapping):
            problems += unknown_sections([str(k) for k in phan], _skeleton(data, kind), kind.name)
        problems += foreign_blocks([str(k) for k in data if data[k] is not None], kind, registry)
    bien = data.get("bien")
    if isinstance(bien, Mapping):
        try:
            variable_clashes(bien)
        except CampaignError as exc:
            problems += exc.problems
    context = _context(data, kind)
    for loc, node in _snippet_nodes(data):
        params = node.get("tham_so") or {}
        if not isinstance(params, Mapping):
            continue
        try:
            snippets.render(str(node["mau_cau"]), {str(k): "…" for k in params}, context)
        except ChithiError as exc:
            problems += [
                Problem(p.message_vi, p.message_en, loc, code=p.code) for p in exc.problems
            ]
    return problems
