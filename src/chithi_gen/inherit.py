"""Year-over-year campaign files: ``ke_thua: chi-thi-2020.yaml`` extends last year's file.

A campaign file that starts with ``ke_thua: <path>`` (path relative to that file) takes
everything from the parent file and overrides only what it writes itself:

* mappings are merged key by key, at every depth (``nguoi_ky: {ho_ten: ...}`` changes
  the signer's name and keeps the rest of ``nguoi_ky``);
* every other value — text, numbers, dates and **lists** (``noi_nhan``, ``mo_dau``,
  ``noi_dung``) — replaces the parent's value wholesale; a list is never merged item by
  item, because "item 3 of last year's body" is not something a clerk can see;
* ``key: null`` removes the parent's value (the field takes its default, e.g.
  ``so: null`` for a draft without a number).

Chains are allowed (2022 extends 2021 extends 2020), up to :data:`MAX_CHAIN` files;
a cycle is an error naming the files. Every error — in the parent's YAML syntax or in a
value the parent supplied — names the file and line where the value is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from chithi_gen.errors import CampaignError, Loc, Problem
from chithi_gen.loader import parse_yaml, problems_from_validation, read_text, validate_data
from chithi_gen.model import Campaign

#: The key naming the parent file.
KEY = "ke_thua"
#: Longest chain of files (a guard against runaway chains; real ones have 2–5).
MAX_CHAIN = 32


@dataclass(frozen=True)
class SourcedProblem(Problem):
    """A :class:`Problem` that knows which file it is in (for errors in a parent file)."""

    source: str | None = None

    def format(self, source: str | None = None) -> str:
        """Like :meth:`Problem.format`, but always with this problem's own file."""
        return super().format(self.source if self.source is not None else source)


@dataclass(frozen=True)
class Layer:
    """One file of an inheritance chain: its name (as given) and its ruamel tree."""

    source: str | None
    tree: Any


@dataclass(frozen=True)
class Resolved:
    """Campaign data after inheritance: the merged plain data and the files, child first."""

    data: Any
    layers: tuple[Layer, ...]

    @property
    def source(self) -> str | None:
        """The file the user named (the last child)."""
        return self.layers[0].source if self.layers else None


def deep_merge(parent: Any, child: Any) -> Any:
    """``child`` over ``parent``: mappings merged recursively, anything else replaced.

    A ``None`` value in ``child`` removes the key. Neither argument is modified.
    """
    if not (isinstance(parent, dict) and isinstance(child, dict)):
        return child
    out = dict(parent)
    for key, value in child.items():
        if value is None:
            out.pop(key, None)
        elif key in out:
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = _drop_nones(value)
    return out


def _drop_nones(value: Any) -> Any:
    """A mapping without its ``None`` values (a removal with nothing to remove)."""
    if isinstance(value, dict):
        return {k: _drop_nones(v) for k, v in value.items() if v is not None}
    return value


def _key_line(tree: Any, key: str) -> tuple[int | None, int | None]:
    if isinstance(tree, CommentedMap) and key in tree:
        line, col = tree.lc.key(key)
        return line + 1, col + 1
    return None, None


def _error(vi: str, en: str, source: str | None, tree: Any = None) -> CampaignError:
    line, col = _key_line(tree, KEY)
    return CampaignError(
        [Problem(vi, en, loc=(KEY,) if line else (), line=line, column=col)], source
    )


def _parent_path(value: Any, here: Path | None, source: str | None, tree: Any) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise _error(
            "'ke_thua' phải là tên một tệp chiến dịch, ví dụ: ke_thua: chi-thi-2020.yaml",
            "'ke_thua' must name a campaign file, e.g. ke_thua: chi-thi-2020.yaml",
            source,
            tree,
        )
    p = Path(value.strip()).expanduser()
    if not p.is_absolute() and here is not None:
        p = here.parent / p
    return p


def resolve(data: Any, tree: Any, source: str | None) -> Resolved:
    """Follow ``ke_thua`` from already-parsed ``data`` (its file is ``source``)."""
    layers = [Layer(source, tree)]
    datas = [data]
    here = Path(source) if source else None
    seen: list[Path] = [here.resolve()] if here is not None else []
    names: list[str] = [source or "<văn bản>"]
    cur_data, cur_tree, cur_source = data, tree, source
    while isinstance(cur_data, dict) and KEY in cur_data:
        raw = cur_data[KEY]
        parent = _parent_path(raw, here, cur_source, cur_tree)
        shown = str(parent)
        real = parent.resolve()
        if real in seen:
            chain = " → ".join([*names, shown])
            raise _error(
                f"kế thừa vòng tròn: {chain}; một tệp không thể kế thừa chính nó",
                f"inheritance cycle: {chain}; a file cannot extend itself",
                cur_source,
                cur_tree,
            )
        if len(layers) >= MAX_CHAIN:
            raise _error(
                f"chuỗi kế thừa quá dài (tối đa {MAX_CHAIN} tệp)",
                f"inheritance chain too long (at most {MAX_CHAIN} files)",
                cur_source,
                cur_tree,
            )
        if not parent.is_file():
            raise _error(
                f"không tìm thấy tệp kế thừa '{raw}' (tìm ở {parent}; đường dẫn tính từ"
                " thư mục của tệp đang đọc)",
                f"inherited file '{raw}' not found (looked for {parent}; the path is relative"
                " to the folder of the file that names it)",
                cur_source,
                cur_tree,
            )
        text = read_text(parent, shown)
        p_data, p_tree = parse_yaml(text, shown)
        if not isinstance(p_data, dict):
            raise CampaignError.single(
                "tệp được kế thừa phải là một nhóm trường 'khóa: giá trị'",
                "an inherited file must be a mapping of 'key: value'",
                shown,
                line=1,
            )
        layers.append(Layer(shown, p_tree))
        datas.append(p_data)
        seen.append(real)
        names.append(shown)
        here, cur_data, cur_tree, cur_source = parent, p_data, p_tree, shown

    merged: Any = None
    for i, d in enumerate(reversed(datas)):
        body = {k: v for k, v in d.items() if k != KEY} if isinstance(d, dict) else d
        merged = body if i == 0 else deep_merge(merged, body)
    return Resolved(merged, tuple(layers))


def load_data(path: str | Path) -> Resolved:
    """Read and parse a campaign file and everything it inherits, without validating."""
    source = str(path)
    text = read_text(Path(path), source)
    data, tree = parse_yaml(text, source)
    return resolve(data, tree, source)


def locate(layers: tuple[Layer, ...], loc: Loc) -> tuple[str | None, int | None, int | None]:
    """(file, line, column) where the value at ``loc`` of the merged data is written.

    Follows the merge: at each key, the child-most file that writes it; below a mapping,
    every file whose value there is a mapping too; below anything else (a list), only the
    file that wrote it, since lists are replaced wholesale.
    """
    if not layers:
        return None, None, None
    nodes: list[tuple[str | None, Any]] = [(la.source, la.tree) for la in layers]
    best: tuple[str | None, int | None, int | None] = (layers[0].source, None, None)
    for part in loc:
        if isinstance(part, str):
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
    if best[1] is None and layers[0].tree is not None:
        return best[0], 1, 1
    return best


def sourced_problems(exc: ValidationError, resolved: Resolved) -> list[Problem]:
    """Pydantic errors of merged data, each placed in the file and line that wrote it."""
    out: list[Problem] = []
    for p in problems_from_validation(exc):
        src, line, col = locate(resolved.layers, p.loc)
        out.append(
            SourcedProblem(p.message_vi, p.message_en, p.loc, line, col, source=src)
            if src != resolved.source
            else Problem(p.message_vi, p.message_en, p.loc, line, col)
        )
    return out


def validate(resolved: Resolved) -> Campaign:
    """The :class:`~chithi_gen.model.Campaign` of resolved data; errors name file and line."""
    if not isinstance(resolved.data, dict):
        return validate_data(resolved.data, None, resolved.source)
    try:
        return Campaign.model_validate(resolved.data)
    except ValidationError as exc:
        raise CampaignError(sourced_problems(exc, resolved), resolved.source) from None
