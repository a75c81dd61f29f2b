"""Year-over-year campaign files: ``ke_thua: chi-thi-2020.yaml`` extends last year's file.

A campaign file that starts with ``ke_thua: <path>`` (path relative to that file) takes
everything from the parent file and overrides only what it writes itself:

* mappings are merged key by key, at every depth (``nguoi_ky: {ho_ten: ...}`` changes
  the signer's name and keeps the rest of ``nguoi_ky``);
* a list (``noi_nhan``, ``mo_dau``, ``noi_dung``, a section's items, ``chi_tieu`` …)
  replaces the parent's list wholesale, unless its items edit the parent's items by
  their keys (``id``): ``thay``, ``sua``, ``xoa``, ``chen_truoc``, ``chen_sau`` — see
  :mod:`chithi_gen.source.merge`;
* every other value — text, numbers, dates — replaces the parent's value;
* ``key: null`` removes the parent's value (the field takes its default, e.g.
  ``so: null`` for a draft without a number).

Chains are allowed (2022 extends 2021 extends 2020), up to :data:`MAX_CHAIN` files;
a cycle is an error naming the files. Parents are campaign files only (``.yaml``,
``.yml``, ``.json``). The result is a :class:`~chithi_gen.source.layers.Source` whose
layers let :mod:`chithi_gen.source.locate` name the file and line of any value.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from chithi_gen.errors import CampaignError, Problem
from chithi_gen.source import merge
from chithi_gen.source.files import read_text
from chithi_gen.source.layers import Layer, Source
from chithi_gen.source.yaml import parse_yaml, tree_of

#: The key naming the parent file.
KEY = "ke_thua"
#: Longest chain of files (a guard against runaway chains; real ones have 2–5).
MAX_CHAIN = 32
#: File types a parent may have.
SUFFIXES = (".yaml", ".yml", ".json")


def deep_merge(parent: Any, child: Any) -> Any:
    """``child`` over ``parent`` as plain data (see :mod:`chithi_gen.source.merge`):
    mappings merged recursively, lists replaced or edited by key, anything else
    replaced; a ``None`` value in ``child`` removes the key. Neither is modified."""
    if not merge.has_edits(child):  # the common case (a batch row): no tree needed
        return _merge_plain(parent, child)
    return merge.plain(merge.merge(merge.from_tree(parent, None), merge.from_tree(child, None)))


def _merge_plain(parent: Any, child: Any) -> Any:
    if not (isinstance(parent, dict) and isinstance(child, dict)):
        return child
    out = dict(parent)
    for key, value in child.items():
        if value is None:
            out.pop(key, None)
        elif key in out:
            out[key] = _merge_plain(out[key], value)
        else:
            out[key] = _drop_nones(value)
    return out


def _drop_nones(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_nones(v) for k, v in value.items() if v is not None}
    return value


def merged(layers: Sequence[tuple[str | None, Any]]) -> merge.At:
    """The files of a chain (``(source, tree or data)``, child first) merged, every value
    with where it is written."""
    result: merge.At | None = None
    for source, tree in reversed(layers):
        at = merge.from_tree(tree, source)
        if isinstance(at.value, dict):
            at = merge.At({k: v for k, v in at.value.items() if k != KEY}, at.where)
        result = merge.settled(at, drop=False) if result is None else merge.merge(result, at)
    assert result is not None
    return result


def _error(vi: str, en: str, source: str | None, tree: Any = None) -> CampaignError:
    from ruamel.yaml.comments import CommentedMap

    line = col = None
    tree = tree_of(tree)
    if isinstance(tree, CommentedMap) and KEY in tree:
        pos = tree.lc.key(KEY)
        line, col = pos[0] + 1, pos[1] + 1
    return CampaignError(
        [Problem(vi, en, loc=(KEY,) if line else (), line=line, column=col, code="ke-thua")],
        source,
    )


def _parent_path(value: Any, here: Path | None, source: str | None, tree: Any) -> Path:
    if not isinstance(value, str) or not value.strip() or "\x00" in value:
        raise _error(
            "'ke_thua' phải là tên một tệp chiến dịch, ví dụ: ke_thua: chi-thi-2020.yaml",
            "'ke_thua' must name a campaign file, e.g. ke_thua: chi-thi-2020.yaml",
            source,
            tree,
        )
    p = Path(value.strip())
    with contextlib.suppress(RuntimeError):  # "~someone" with no such user: keep as written
        p = p.expanduser()
    if not p.is_absolute() and here is not None:
        p = here.parent / p
    if p.suffix.lower() not in SUFFIXES:
        raise _error(
            f"'ke_thua' phải là một tệp chiến dịch ({', '.join(SUFFIXES)}), không phải"
            f" '{p.name[:60]}'",
            f"'ke_thua' must name a campaign file ({', '.join(SUFFIXES)}), not '{p.name[:60]}'",
            source,
            tree,
        )
    return p


def _resolve_path(parent: Path, source: str | None, tree: Any) -> Path:
    try:
        return parent.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop
        raise _error(
            "đường dẫn 'ke_thua' có liên kết tượng trưng vòng tròn",
            "the 'ke_thua' path has a symbolic link loop",
            source,
            tree,
        ) from None


def resolve(data: Any, tree: Any, source: str | None) -> Source:
    """Follow ``ke_thua`` from already-parsed ``data`` (its file is ``source``)."""
    layers = [Layer(source, tree)]
    datas = [data]
    here = Path(source) if source else None
    seen: list[Path] = [here.resolve()] if here is not None else []
    names: list[str] = [source or "<văn bản>"]
    cur_data, cur_tree, cur_source = data, tree, source
    while isinstance(cur_data, dict) and KEY in cur_data:
        parent = _parent_path(cur_data[KEY], here, cur_source, cur_tree)
        shown = str(parent)
        real = _resolve_path(parent, cur_source, cur_tree)
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
        try:
            missing = not parent.exists()
        except (OSError, ValueError):
            missing = False  # read_text names the reason (a name too long, a loop …)
        if missing:
            raise _error(
                f"không tìm thấy tệp kế thừa '{parent.name[:80]}' (tìm ở {str(parent)[:200]};"
                " đường dẫn tính từ thư mục của tệp đang đọc)",
                f"inherited file '{parent.name[:80]}' not found (looked for"
                f" {str(parent)[:200]}; the path is relative to the folder of the file that"
                " names it)",
                cur_source,
                cur_tree,
            )
        p_data, p_tree = parse_yaml(read_text(parent, shown), shown)
        if not isinstance(p_data, dict):
            raise CampaignError.single(
                "tệp được kế thừa phải là một nhóm trường 'khóa: giá trị'",
                "an inherited file must be a mapping of 'key: value'",
                shown,
                line=1,
                code="not-a-mapping",
            )
        layers.append(Layer(shown, p_tree))
        datas.append(p_data)
        seen.append(real)
        names.append(shown)
        here, cur_data, cur_tree, cur_source = parent, p_data, p_tree, shown

    try:  # the data alone (no file has to be parsed again for its lines) …
        at = merged([(la.source, d) for la, d in zip(layers, datas, strict=True)])
    except CampaignError:  # … unless the merge fails: then again, to say where
        at = merged([(la.source, tree_of(la.tree)) for la in layers])
    return Source(merge.plain(at), tuple(layers))


def parse(text: str, source: str | None = None) -> Source:
    """Campaign ``text`` (YAML or JSON) with its ``ke_thua`` parents (relative to
    ``source``'s folder, or to the working directory without one)."""
    data, tree = parse_yaml(text, source)
    return resolve(data, tree, source)


def read(path: str | Path) -> Source:
    """Read and parse a campaign file and everything it inherits, without validating."""
    source = str(path)
    return parse(read_text(path, source), source)


def from_data(data: Mapping[str, Any] | Any) -> Source:
    """In-memory campaign data (a dict, as from JSON), with no file behind it; list
    items' keys (``id``) are removed as from a file."""
    value = dict(data) if isinstance(data, Mapping) else data
    return Source(
        merge.plain(merge.settled(merge.from_tree(value, None), drop=False)), (Layer(None, None),)
    )
