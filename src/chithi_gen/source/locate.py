"""The one locator: where, in which file and on which line, a value of the data is written.

Every problem — found while validating, composing or warning — carries the field path
(``loc``) of the value it is about. :func:`locate` follows that path through the
parsed files of a :class:`~chithi_gen.source.layers.Source` the way ``ke_thua`` merged
them, so a value written in a parent is reported in the parent; :func:`place` does it
for a list of problems. The command line, batch and the Python API all use it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from chithi_gen.errors import Loc, Problem
from chithi_gen.source.layers import Layer, Source
from chithi_gen.source.yaml import tree_of

Where = tuple[str | None, int | None, int | None]

#: A skeleton section may be written as a bare list: ``phan: {muc_tieu: [...]}``; its
#: items then stand where the model's ``noi_dung`` would be.
_IMPLIED = "noi_dung"


def locate(layers: Iterable[Layer], loc: Loc) -> Where:
    """(file, line, column) where the value at ``loc`` of the merged data is written.

    At each key, the child-most file that writes it wins; below a mapping, every file
    whose value there is a mapping too stays in play; below anything else (a list), only
    the file that wrote it, since lists are replaced wholesale. When no part of ``loc``
    is found, the answer is line 1 of the first file (the one the user named).
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    chain = tuple(layers)
    if not chain:
        return None, None, None
    nodes: list[tuple[str | None, Any]] = [(la.source, tree_of(la.tree)) for la in chain]
    best: Where = (chain[0].source, None, None)
    for part in loc:
        if isinstance(part, str):
            if part == _IMPLIED and nodes and isinstance(nodes[0][1], CommentedSeq):
                continue
            found = [
                (src, node[part], node.lc.key(part))
                for src, node in nodes
                if isinstance(node, CommentedMap) and part in node
            ]
            if not found:
                break
            src, value, pos = found[0]
            best = (src, pos[0] + 1, pos[1] + 1)
            if isinstance(value, CommentedMap):
                keep: list[tuple[str | None, Any]] = []
                for s, v, _ in found:
                    if not isinstance(v, CommentedMap):
                        break
                    keep.append((s, v))
                nodes = keep
            else:
                nodes = [(src, value)]
        else:
            src, node = nodes[0]
            if not (isinstance(node, CommentedSeq) and 0 <= part < len(node)):
                break
            pos = node.lc.item(part)
            best = (src, pos[0] + 1, pos[1] + 1)
            nodes = [(src, node[part])]
    if best[1] is None and isinstance(tree_of(chain[0].tree), CommentedMap | CommentedSeq):
        return chain[0].source, 1, 1
    return best


def place(problems: Iterable[Problem], source: Source | None) -> list[Problem]:
    """``problems`` each placed at the file and line of its value in ``source``.

    Problems that already know their line (a YAML syntax error) are kept as they are.
    """
    out: list[Problem] = []
    for p in problems:
        if p.line is not None or source is None:
            out.append(p)
            continue
        src, line, col = locate(source.layers, p.loc)
        out.append(p.at(src if src is not None else p.source, line, col))
    return out
