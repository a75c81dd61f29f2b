"""The one locator: where, in which file and on which line, a value of the data is written.

Every problem — found while validating, composing or warning — carries the field path
(``loc``) of the value it is about. :func:`locate` follows that path through the files
of a :class:`~chithi_gen.source.layers.Source` merged exactly as ``ke_thua`` merged
them (:func:`chithi_gen.source.inherit.merged`), every value with where it is written:
a value written in a parent is reported in the parent, an item a child inserted or
replaced by key in the child. :func:`place` does it for a list of problems. The command
line, batch and the Python API all use it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from chithi_gen.errors import CampaignError, Loc, Problem
from chithi_gen.source.inherit import merged
from chithi_gen.source.layers import Layer, Source
from chithi_gen.source.merge import At, Where
from chithi_gen.source.yaml import tree_of

#: A skeleton section may be written as a bare list: ``phan: {muc_tieu: [...]}``; its
#: items then stand where the model's ``noi_dung`` would be.
_IMPLIED = "noi_dung"


def _tree(chain: Sequence[Layer]) -> At | None:
    try:
        return merged([(la.source, tree_of(la.tree)) for la in chain])
    except CampaignError:  # the chain could not be merged: it was reported already
        return None


def _walk(root: At | None, chain: Sequence[Layer], loc: Loc) -> Where:
    first = chain[0].source
    if root is None:
        return first, None, None
    node = root
    best: Where = (first, None, None)
    for part in loc:
        value = node.value
        if isinstance(part, str):
            if part == _IMPLIED and isinstance(value, list):
                continue
            if not (isinstance(value, dict) and part in value):
                break
            node = value[part]
        else:
            if not (isinstance(value, list) and 0 <= part < len(value)):
                break
            node = value[part]
        if node.where[1] is not None:
            best = node.where
    if best[1] is None and root.where[1] is not None:
        return first, 1, 1
    return best


def locate(layers: Iterable[Layer], loc: Loc) -> Where:
    """(file, line, column) where the value at ``loc`` of the merged data is written.

    At each step of ``loc`` the innermost value that is found wins; when no part of
    ``loc`` is found, the answer is line 1 of the first file (the one the user named).
    """
    chain = tuple(layers)
    if not chain:
        return None, None, None
    return _walk(_tree(chain), chain, loc)


def pointer(data: Any, loc: Loc) -> str:
    """The JSON Pointer (RFC 6901) of the value at ``loc`` in ``data`` as the user wrote
    it: a list-form skeleton section has no ``noi_dung`` key, so none is written."""
    parts: list[str] = []
    node = data
    for part in loc:
        if part == _IMPLIED and isinstance(node, list):
            continue
        parts.append(str(part).replace("~", "~0").replace("/", "~1"))
        if isinstance(node, dict):
            node = node.get(part) if isinstance(part, str) else None
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
    return "".join("/" + p for p in parts)


def place(problems: Iterable[Problem], source: Source | None) -> list[Problem]:
    """``problems`` each placed at the file and line of its value in ``source``, with
    the JSON Pointer of the value in the data as written.

    Problems that already know their line (a YAML syntax error) keep it.
    """
    out: list[Problem] = []
    root: At | None = None
    built = False
    for p in problems:
        if source is None:
            out.append(p)
            continue
        ptr = pointer(source.data, p.loc) if p.loc else p.pointer
        if p.line is not None or not source.layers:
            out.append(dataclasses.replace(p, pointer=ptr))
            continue
        if not built:
            root, built = _tree(source.layers), True
        src, line, col = _walk(root, source.layers, p.loc)
        placed = p.at(src if src is not None else p.source, line, col)
        out.append(dataclasses.replace(placed, pointer=ptr))
    return out
