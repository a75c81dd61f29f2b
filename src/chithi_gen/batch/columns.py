"""The column-path language of variation tables: ``nguoi_ky.ho_ten``, ``noi_nhan[2]``.

A column names a field of the campaign by its path, the way error messages write it:
dots between levels, ``[n]`` for item *n* of a list (numbered from 1), ``[+]`` at the
end to append to a list instead of replacing it.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel

from chithi_gen.errors import Problem
from chithi_gen.model import Campaign

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_PART = re.compile(rf"({_NAME})((?:\[(?:\d+|\+)\])*)")
_INDEX = re.compile(r"\[(\d+|\+)\]")

#: A path part that appends to a list (``noi_nhan[+]``).
APPEND = "+"

PathPart = str | int


def parse_column(column: str) -> tuple[PathPart, ...]:
    """``nguoi_ky.ho_ten`` → ``("nguoi_ky", "ho_ten")``; ``noi_nhan[2]`` → ``("noi_nhan", 1)``.

    Raises :class:`ValueError` for a malformed name.
    """
    parts: list[PathPart] = []
    for piece in column.strip().split("."):
        m = _PART.fullmatch(piece)
        if not m:
            raise ValueError(column)
        parts.append(m.group(1))
        for idx in _INDEX.findall(m.group(2)):
            if idx == APPEND:
                parts.append(APPEND)
            elif int(idx) < 1:
                raise ValueError(column)
            else:
                parts.append(int(idx) - 1)
    if APPEND in parts[:-1]:
        raise ValueError(column)
    return tuple(parts)


def _unwrap(ann: Any) -> tuple[bool, type[BaseModel] | None, bool]:
    """(is a list, the single model inside or None, can be checked further)."""
    origin = typing.get_origin(ann)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(ann)[0])
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(ann) if a is not type(None)]
        if len(args) == 1:
            return _unwrap(args[0])
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        return False, None, not models
    if origin is list:
        (item,) = typing.get_args(ann) or (Any,)
        _, model, _ = _unwrap(item)
        return True, model, True
    if origin is dict:
        return False, None, False
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return False, ann, True
    return False, None, True


def check_column(column: str, model: type[BaseModel] = Campaign) -> Problem | None:
    """A problem if ``column`` names no field of ``model``; None if it does (or may)."""
    try:
        path = parse_column(column)
    except ValueError:
        return Problem(
            f"tên cột '{column}' không đúng dạng; viết đường dẫn trường như co_quan.ten,"
            " nguoi_ky.ho_ten, noi_nhan[2] hoặc noi_nhan[+]",
            f"column name '{column}' is malformed; write a field path such as co_quan.ten,"
            " nguoi_ky.ho_ten, noi_nhan[2] or noi_nhan[+]",
            loc=(column,),
            code="column-malformed",
        )
    current: type[BaseModel] | None = model
    done: list[str] = []
    for part in path:
        if not isinstance(part, str) or part == APPEND:
            continue
        if current is None:
            return None
        fields = current.model_fields
        if part not in fields:
            close = difflib.get_close_matches(part, list(fields), n=1, cutoff=0.6)
            where = ".".join(done)
            hint_vi = f"; có phải ý bạn là '{'.'.join([*done, close[0]])}'?" if close else ""
            hint_en = f"; did you mean '{'.'.join([*done, close[0]])}'?" if close else ""
            inside_vi = f" trong '{where}'" if where else ""
            inside_en = f" in '{where}'" if where else ""
            return Problem(
                f"cột '{column}': không có trường '{part}'{inside_vi} của tệp chiến dịch{hint_vi}",
                f"column '{column}': the campaign has no field '{part}'{inside_en}{hint_en}",
                loc=(column,),
                code="column-unknown-field",
            )
        done.append(part)
        _, current, checkable = _unwrap(fields[part].annotation)
        if not checkable:
            return None
    return None


def is_list_field(path: tuple[PathPart, ...], model: type[BaseModel] = Campaign) -> bool:
    """Whether the field at ``path`` (names only) is a list in the model."""
    current: type[BaseModel] | None = model
    is_list = False
    for part in path:
        if part == APPEND:
            continue  # appending items: the cell's lines are the new items
        if isinstance(part, int):
            is_list = False
            continue
        if current is None or part not in current.model_fields:
            return False
        is_list, current, _ = _unwrap(current.model_fields[part].annotation)
    return is_list
