"""Applying one row of a variation table to the campaign's data."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chithi_gen.batch.columns import APPEND, PathPart, parse_column
from chithi_gen.batch.tables import Variation
from chithi_gen.errors import CampaignError
from chithi_gen.source import deep_merge


def _set(data: Any, path: tuple[PathPart, ...], value: Any, merge: bool) -> Any:
    """A copy of ``data`` with ``value`` at ``path``; only containers on the path are copied."""
    if not path:
        if merge and isinstance(data, dict) and isinstance(value, dict):
            return deep_merge(data, value)
        return value
    head, rest = path[0], path[1:]
    if isinstance(head, str) and head != APPEND:
        out = dict(data) if isinstance(data, dict) else {}
        if not rest and value is None:
            out.pop(head, None)
            return out
        out[head] = _set(out.get(head), rest, value, merge)
        return out
    items = list(data) if isinstance(data, list) else []
    if head == APPEND:
        items.extend(value if isinstance(value, list) else [value])
        return items
    assert isinstance(head, int)
    if head >= len(items):
        raise IndexError(head)
    items[head] = _set(items[head], rest, value, merge)
    return items


def apply_variation(base: Mapping[str, Any], variation: Variation) -> dict[str, Any]:
    """The campaign data of one row: ``base`` with the row's values set."""
    data: Any = dict(base)
    for column, value in variation.values:
        path = parse_column(column)
        try:
            data = _set(data, path, value, merge=True)
        except IndexError as exc:
            n = int(exc.args[0]) + 1
            raise CampaignError.single(
                f"cột '{column}': danh sách trong tệp chiến dịch không có mục {n}",
                f"column '{column}': the campaign's list has no item {n}",
                loc=tuple(p for p in path if p != APPEND),
                code="column-list-item",
            ) from None
    return dict(data)
