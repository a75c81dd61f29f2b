"""The campaign file as YAML a clerk edits: block style, long texts folded, notes as comments.

Written with ruamel.yaml (which keeps comments): mappings and lists in block style, a
list of level styles in flow style (``danh_so: [so, chu]``), a text longer than the
line folded as a ``>-`` block at spaces, and whatever needs quoting quoted by ruamel
(a text starting with ``*``, one holding ``: ``, one YAML would read as a number or a
date). Each note becomes a comment just above the field it is about — or above the list
item holding it, where a comment between "- " and the first key would break the item.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from datetime import date
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString

from chithi_gen.importer.notes import Note, Path

#: Width of the written file.
WIDTH = 88
_MAPPING_INDENT = 2
_SEQUENCE_INDENT = 4
_DASH_OFFSET = 2
#: Lists written in flow style.
_FLOW = {"danh_so"}


def _fold(text: str, column: int) -> str | FoldedScalarString:
    """``text`` as a folded block when it does not fit the line, else as it is."""
    room = WIDTH - column
    if len(text) + column + 4 <= WIDTH or "  " in text or text != text.strip() or "\n" in text:
        return text
    folds: list[int] = []
    start = 0
    while len(text) - start > room:
        cut = text.rfind(" ", start, start + room)
        if cut <= start:
            cut = text.find(" ", start + room)
            if cut == -1:
                break
        folds.append(cut)
        start = cut + 1
    if not folds:
        return text
    out: FoldedScalarString = FoldedScalarString(text)
    out.fold_pos = folds  # type: ignore[attr-defined]
    return out


def _convert(value: Any, column: int, key: str | None = None) -> Any:
    """``value`` as ruamel's commented types; ``column`` is where its own keys or
    dashes start."""
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = _convert(v, column + _MAPPING_INDENT, str(k))
        return out
    if isinstance(value, list):
        seq = CommentedSeq(
            _convert(v, column + _DASH_OFFSET + _MAPPING_INDENT, None) for v in value
        )
        if key in _FLOW:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str):
        return _fold(value, column)
    if isinstance(value, bool | int | date) or value is None:
        return value
    return str(value)


def _target(root: CommentedMap, path: Path) -> tuple[Any, str | int, int] | None:
    """The container, key and column a note on ``path`` is written at."""
    node: Any = root
    column = 0
    found: tuple[Any, str | int, int] | None = None
    parents: list[tuple[Any, str | int, int]] = []
    for step in path:
        if isinstance(node, CommentedMap) and isinstance(step, str) and step in node:
            here: tuple[Any, str | int, int] = (node, step, column)
            if parents and isinstance(parents[-1][0], CommentedSeq) and next(iter(node)) == step:
                here = parents[-1]  # the first key of a list item: above the item
            found = here
            parents.append((node, step, column))
            node = node[step]
            column += _MAPPING_INDENT
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
            found = (node, step, column + _DASH_OFFSET - _MAPPING_INDENT)
            parents.append(found)
            node = node[step]
            column += _DASH_OFFSET
        else:
            break
    return found


def _comment(notes: Sequence[Note], column: int) -> str:
    """The notes as comment lines that fit the file's width (continued lines indented)."""
    width = max(WIDTH - column - 2, 40)
    lines: list[str] = []
    for note in notes:
        lines += textwrap.wrap(
            f"CHƯA ĐỌC ĐƯỢC / NOT READ: {note.text()}",
            width,
            subsequent_indent="  ",
            break_long_words=False,
            break_on_hyphens=False,
        )
    return "\n".join(lines)


def to_yaml(data: dict[str, Any], notes: Sequence[Note], header: Sequence[str] = ()) -> str:
    """``data`` as the text of a campaign file, ``notes`` as comments, ``header`` the
    comment lines at its top."""
    root = _convert(data, 0)
    assert isinstance(root, CommentedMap)
    placed: dict[tuple[int, str | int], tuple[Any, int, list[Note]]] = {}
    for note in notes:
        found: tuple[Any, str | int, int] = _target(root, note.path) or (root, next(iter(root)), 0)
        container, key, column = found
        entry = placed.setdefault((id(container), key), (container, column, []))
        entry[2].append(note)
    for (_, key), (container, column, group) in placed.items():
        container.yaml_set_comment_before_after_key(
            key, before=_comment(group, column), indent=column
        )
    if header:
        root.yaml_set_start_comment(
            "\n".join(wrapped for line in header for wrapped in textwrap.wrap(line, WIDTH - 2))
        )
    yaml = YAML()
    yaml.width = WIDTH
    yaml.indent(mapping=_MAPPING_INDENT, sequence=_SEQUENCE_INDENT, offset=_DASH_OFFSET)
    yaml.allow_unicode = True
    out = io.StringIO()
    yaml.dump(root, out)
    return out.getvalue()
