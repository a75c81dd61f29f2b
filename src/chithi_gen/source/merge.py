"""The ``ke_thua`` merge: a child file over its parent, lists edited by their items' keys.

Values are merged as :class:`At` trees — each value with where it is written — so the
same merge that builds the data (:mod:`chithi_gen.source.inherit`) tells the locator
(:mod:`chithi_gen.source.locate`) the file and line of every merged value.

* Mappings are merged key by key at every depth; ``key: null`` removes the key.
* A list is replaced as a whole, unless its items edit the parent's list by key. An
  item of any list may carry a stable key, ``id: …``; a child's list made of edits
  changes only what it names, and keeps the rest of the parent's list:

  - ``thay: KEY`` and the new item's fields: replace the item (the new one keeps KEY);
  - ``sua: KEY`` and some fields: merge those fields into the item (its own lists are
    edited the same way, at any depth);
  - ``xoa: KEY``: remove the item;
  - ``chen_truoc: KEY`` / ``chen_sau: KEY`` and the new item: insert before / after it;
  - a plain item (no edit key) among edits: added at the end of the list.

* The keys never reach the model: ``id`` is removed from every item, and an item
  written ``{id: KEY, doan: text}`` (a line of text with a key, as in ``mo_dau``)
  becomes the text itself.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from chithi_gen.errors import CampaignError, Problem

#: The stable key of a list item.
ID = "id"
#: A line of text written as a mapping, so that it can carry a key.
TEXT = "doan"
#: The edits a child's list item may make, and what each says in messages.
EDITS: dict[str, tuple[str, str]] = {
    "thay": ("thay", "replace"),
    "sua": ("sửa", "change"),
    "xoa": ("xóa", "remove"),
    "chen_truoc": ("chèn trước", "insert before"),
    "chen_sau": ("chèn sau", "insert after"),
}

#: (file, line, column) where a value is written; all None when it came from no file.
Where = tuple[str | None, int | None, int | None]
NOWHERE: Where = (None, None, None)


@dataclass(slots=True)
class At:
    """A value (plain scalar, ``dict[str, At]`` or ``list[At]``) and where it is written:
    the position of its key in a mapping or of its item in a list."""

    value: Any
    where: Where


def from_tree(node: Any, source: str | None, where: Where | None = None) -> At:
    """The :class:`At` tree of a parsed file's ruamel ``node`` (positions from its
    line records), or of plain data (no positions)."""
    has_lines = getattr(node, "lc", None) is not None  # a ruamel CommentedMap or -Seq
    here = where or ((source, 1, 1) if has_lines else NOWHERE)
    if isinstance(node, dict):
        out: dict[str, At] = {}
        for key, value in node.items():
            pos = _pos(node, key, is_key=True, source=source)
            out[str(key)] = from_tree(value, source, pos)
        return At(out, here)
    if isinstance(node, list):
        return At(
            [from_tree(v, source, _pos(node, i, False, source)) for i, v in enumerate(node)], here
        )
    return At(str(node) if isinstance(node, str) else node, here)


def _pos(node: Any, key: Any, is_key: bool, source: str | None) -> Where:
    lc = getattr(node, "lc", None)
    if lc is None:
        return NOWHERE
    try:
        line, col = lc.key(key) if is_key else lc.item(key)
    except (KeyError, IndexError, TypeError):
        return NOWHERE
    return source, line + 1, col + 1


def plain(at: At) -> Any:
    """The plain data of a merged tree, without the keys (see the module's docstring)."""
    value = at.value
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_item(v) for v in value]
    return value


def _item(at: At) -> Any:
    value = at.value
    if isinstance(value, dict) and ID in value:
        rest = {k: plain(v) for k, v in value.items() if k != ID}
        if set(rest) == {TEXT}:
            return rest[TEXT]
        return rest
    return plain(at)


def merge(parent: At, child: At) -> At:
    """``child`` over ``parent`` (neither is modified)."""
    if isinstance(parent.value, dict) and isinstance(child.value, dict):
        out = dict(parent.value)
        for key, value in child.value.items():
            if value.value is None:
                out.pop(key, None)
            elif key in out:
                out[key] = merge(out[key], value)
            else:
                out[key] = settled(value)
        return At(out, child.where)
    if isinstance(child.value, list) and _edits(child.value):
        if not isinstance(parent.value, list):
            raise _error(
                child.where,
                "danh sách này sửa theo khóa (thay, sửa, xóa, chèn) nhưng tệp cha không có"
                " danh sách ở đây",
                "this list edits items by key (thay, sua, xoa, chen_…) but the parent has"
                " no list here",
                parent.where,
            )
        return At(_edit_list(parent, child), child.where)
    return settled(child)


def settled(at: At, drop: bool = True) -> At:
    """A value with no parent to merge into: ``None`` values dropped from mappings (a
    removal with nothing to remove; kept with ``drop`` false, for the first file of a
    chain, which has no parent at all); an edit of a list with nothing to edit is
    refused."""
    value = at.value
    if isinstance(value, dict):
        return At(
            {k: settled(v, drop) for k, v in value.items() if not (drop and v.value is None)},
            at.where,
        )
    if isinstance(value, list):
        for item in value:
            op = _edit_of(item)
            if op is None:
                continue
            vi, en = EDITS[op[0]]
            if not drop:
                raise _error(
                    item.where,
                    f"'{op[0]}: {op[1]}' ({vi}) chỉ dùng trong tệp có 'ke_thua', để sửa một"
                    " mục của danh sách tệp cha",
                    f"'{op[0]}: {op[1]}' ({en}) is only for a file with 'ke_thua', to edit"
                    " an item of the parent's list",
                )
            raise _error(
                item.where,
                f"'{op[0]}: {op[1]}' ({vi}): tệp cha không có danh sách ở đây để sửa",
                f"'{op[0]}: {op[1]}' ({en}): the parent has no list here to edit",
            )
        return At([settled(v, drop) for v in value], at.where)
    return at


def has_edits(data: Any) -> bool:
    """Whether plain ``data`` holds a list item that edits by key, or a key (``id``)."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict) and (ID in item or any(k in item for k in EDITS)):
                    return True
                stack.append(item)
    return False


def _edits(items: list[At]) -> bool:
    return any(_edit_of(item) is not None for item in items)


def _edit_of(item: At) -> tuple[str, str] | None:
    """(edit, key) of a list item that edits its parent's list, else None."""
    if not isinstance(item.value, dict):
        return None
    found = [k for k in EDITS if k in item.value]
    if not found:
        return None
    if len(found) > 1:
        raise _error(
            item.where,
            f"một mục chỉ làm một việc; đang có {', '.join(found)}",
            f"an item makes one edit only; found {', '.join(found)}",
        )
    key = item.value[found[0]].value
    if not isinstance(key, str | int) or isinstance(key, bool) or str(key).strip() == "":
        raise _error(
            item.value[found[0]].where,
            f"'{found[0]}' cần khóa 'id' của một mục trong danh sách tệp cha",
            f"'{found[0]}' needs the 'id' of an item of the parent's list",
        )
    return found[0], str(key)


def key_of(item: At) -> str | None:
    """The stable key of a list item, if it has one."""
    if isinstance(item.value, dict) and ID in item.value:
        key = item.value[ID].value
        if isinstance(key, str | int) and not isinstance(key, bool):
            return str(key)
    return None


def _edit_list(parent: At, child: At) -> list[At]:
    items: list[At] = list(parent.value)
    inserted_after: dict[str, int] = {}
    for item in child.value:
        op = _edit_of(item)
        if op is None:
            items.append(settled(item))
            continue
        edit, key = op
        i = _find(items, key, item, parent)
        content = At({k: v for k, v in item.value.items() if k != edit}, item.where)
        if edit == "xoa":
            if content.value:
                raise _error(
                    item.where,
                    f"'xoa: {key}' không kèm trường nào khác",
                    f"'xoa: {key}' takes no other field",
                )
            del items[i]
        elif edit == "thay":
            new = settled(content)
            if ID not in new.value:  # the new item keeps the key, for next year's file
                new.value[ID] = At(key, item.where)
            items[i] = new
        elif edit == "sua":
            items[i] = merge(items[i], content)
        else:
            new = _text_line(settled(content))
            at = i if edit == "chen_truoc" else i + 1 + inserted_after.get(key, 0)
            items.insert(at, new)
            if edit == "chen_sau":
                inserted_after[key] = inserted_after.get(key, 0) + 1
    return items


def _text_line(at: At) -> At:
    """An inserted ``{doan: text}`` without a key is the line of text itself."""
    if isinstance(at.value, dict) and set(at.value) == {TEXT}:
        return At(at.value[TEXT].value, at.where)
    return at


def _find(items: list[At], key: str, item: At, parent: At) -> int:
    found = [i for i, it in enumerate(items) if key_of(it) == key]
    if len(found) == 1:
        return found[0]
    if found:
        lines = ", ".join(str(items[i].where[1]) for i in found)
        raise _error(
            item.where,
            f"khóa '{key}' có ở {len(found)} mục của danh sách tệp cha (dòng {lines});"
            " mỗi 'id' chỉ dùng cho một mục",
            f"the key '{key}' is on {len(found)} items of the parent's list (lines {lines});"
            " each 'id' names one item",
            parent.where,
        )
    known = [k for k in (key_of(it) for it in items) if k is not None]
    shown = ", ".join(known[:30]) + (" …" if len(known) > 30 else "")
    close = difflib.get_close_matches(key, known, n=1)
    vi_hint = f" (có phải '{close[0]}'?)" if close else ""
    en_hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise _error(
        item.where,
        f"không có mục nào có id '{key}' trong danh sách tệp cha{vi_hint}"
        + (f"; các id có: {shown}" if known else "; các mục của danh sách đó chưa có 'id'"),
        f"no item has the id '{key}' in the parent's list{en_hint}"
        + (f"; the ids there: {shown}" if known else "; its items have no 'id' yet"),
        parent.where,
    )


def _error(where: Where, vi: str, en: str, parent: Where | None = None) -> CampaignError:
    """An error placed at ``where``, naming the parent's list at ``parent``."""
    if parent is not None and parent[1] is not None:
        src = parent[0] or ""
        vi += f" (danh sách của tệp cha: {src}:{parent[1]})"
        en += f" (the parent's list: {src}:{parent[1]})"
    source, line, col = where
    return CampaignError(
        [Problem(vi, en, line=line, column=col, source=source, code="ke-thua-khoa")], source
    )
