r"""Validation: plain campaign data → :class:`~chithi_gen.model.Campaign`, every problem
located.

Pydantic's errors are translated into bilingual :class:`~chithi_gen.errors.Problem`\ s
(Vietnamese wording for pydantic's own error types, both messages of chithi_gen's own
rules kept apart), with a "did you mean" hint for a misspelt key, and then placed at
the file and line where the offending value is written by the one locator
(:func:`chithi_gen.source.place`).
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from chithi_gen.errors import CampaignError, Loc, Problem, shorten
from chithi_gen.model import Campaign
from chithi_gen.model.base import ERROR_TYPE
from chithi_gen.source import Source, from_data, place

#: Vietnamese wording of pydantic's own error types: (vi, en) with {placeholders}.
_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("thiếu trường bắt buộc", "required field is missing"),
    "extra_forbidden": ("trường không có trong mẫu", "unknown field"),
    "string_type": ("phải là văn bản", "must be text"),
    "int_type": ("phải là số nguyên", "must be a whole number"),
    "int_parsing": ("phải là số nguyên", "must be a whole number"),
    "int_from_float": ("phải là số nguyên", "must be a whole number"),
    "decimal_parsing": ("phải là một số", "must be a number"),
    "decimal_type": ("phải là một số", "must be a number"),
    "list_type": (
        "phải là một danh sách (mỗi mục một dòng bắt đầu bằng '- ')",
        "must be a list (one item per line starting with '- ')",
    ),
    "model_type": ("phải là một nhóm trường (khóa: giá trị)", "must be a mapping (key: value)"),
    "model_attributes_type": (
        "phải là một nhóm trường (khóa: giá trị)",
        "must be a mapping (key: value)",
    ),
    "dict_type": ("phải là một nhóm trường (khóa: giá trị)", "must be a mapping (key: value)"),
    "date_from_datetime_parsing": (
        "ngày không hợp lệ; viết theo dạng NNNN-TT-NN, ví dụ 2021-02-05",
        "invalid date; write it as YYYY-MM-DD, e.g. 2021-02-05",
    ),
    "date_parsing": (
        "ngày không hợp lệ; viết theo dạng NNNN-TT-NN, ví dụ 2021-02-05",
        "invalid date; write it as YYYY-MM-DD, e.g. 2021-02-05",
    ),
    "date_type": ("phải là một ngày dạng NNNN-TT-NN", "must be a date YYYY-MM-DD"),
    "date_from_datetime_inexact": (
        "ngày không hợp lệ; viết theo dạng NNNN-TT-NN, ví dụ 2021-02-05",
        "invalid date; write it as YYYY-MM-DD, e.g. 2021-02-05",
    ),
    "greater_than_equal": ("phải lớn hơn hoặc bằng {ge}", "must be at least {ge}"),
    "less_than_equal": ("phải nhỏ hơn hoặc bằng {le}", "must be at most {le}"),
    "too_short": ("cần ít nhất {min_length} mục", "needs at least {min_length} item(s)"),
    "too_long": ("quá nhiều mục/ký tự (tối đa {max_length})", "too long (at most {max_length})"),
    "string_too_short": ("không được để trống", "must not be empty"),
    "string_too_long": (
        "quá dài (tối đa {max_length} ký tự)",
        "too long (at most {max_length} characters)",
    ),
    "string_pattern_mismatch": (
        "không đúng dạng (ví dụ ký hiệu: CT-UBND)",
        "does not have the expected form (e.g. ký hiệu CT-UBND)",
    ),
    "literal_error": (
        "giá trị không hợp lệ; chọn một trong: {expected}",
        "invalid value; choose one of: {expected}",
    ),
    "bool_type": ("phải là có/không (true/false)", "must be true or false"),
    "bool_parsing": ("phải là có/không (true/false)", "must be true or false"),
}


def _fields_of(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names allowed at the parent of ``loc`` (for "did you mean" hints)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        ann = field.annotation
        current = _first_model(ann)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _first_model(ann: Any) -> type[BaseModel] | None:
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return ann
    for arg in getattr(ann, "__args__", ()) or ():
        found = _first_model(arg)
        if found is not None:
            return found
    meta = getattr(ann, "__origin__", None)
    if meta is not None and isinstance(meta, type) and issubclass(meta, BaseModel):
        return meta
    return None


def problems_from_validation(
    exc: ValidationError, model: type[BaseModel] = Campaign
) -> list[Problem]:
    """Translate pydantic errors into bilingual :class:`Problem` objects (not yet placed
    in a file: see :func:`chithi_gen.source.place`).

    ``model`` is the class that was validated, for "did you mean" hints on unknown keys.
    """
    problems: list[Problem] = []
    seen: set[tuple[Loc, str]] = set()
    for err in exc.errors(include_url=False):
        loc: Loc = tuple(p for p in err["loc"] if not _is_union_tag(p))
        typ = err["type"]
        ctx = err.get("ctx") or {}
        if typ == ERROR_TYPE:
            vi, en = str(ctx.get("vi", err["msg"])), str(ctx.get("en", err["msg"]))
        elif typ == "string_type" and err.get("input") is None:
            vi, en = "không được để trống", "must not be empty"
        elif typ == "string_type" and isinstance(err.get("input"), dict):
            vi = (
                "dòng này bị hiểu là 'khóa: giá trị' vì có dấu ':' rồi khoảng trắng (hoặc ':'"
                " ở cuối dòng); hãy đặt cả câu trong dấu ngoặc kép"
            )
            en = (
                "this line was read as 'key: value' because of a ':' followed by a space (or"
                " at the end of the line); put the whole sentence in quotes"
            )
        elif typ in _MESSAGES:
            vi_t, en_t = _MESSAGES[typ]
            vi_ctx = {k: str(v).replace(" or ", " hoặc ") for k, v in ctx.items()}
            vi, en = vi_t.format(**vi_ctx), en_t.format(**ctx)
        else:
            vi, en = "giá trị không hợp lệ", err["msg"]
        if typ == "extra_forbidden" and loc:
            name = str(loc[-1])
            close = difflib.get_close_matches(name, _fields_of(model, loc), n=1, cutoff=0.6)
            if close:
                vi += f"; có phải ý bạn là '{close[0]}'?"
                en += f"; did you mean '{close[0]}'?"
            else:
                vi += "; hãy xóa hoặc sửa tên trường"
                en += "; remove it or fix its name"
        key = (loc, vi)
        if key in seen:
            continue
        seen.add(key)
        value = err.get("input")
        shown = None if typ == "missing" or value is None else shorten(value)
        problems.append(Problem(vi, en, loc=loc, code=_code(typ, ctx), input=shown))
    return problems


def _is_union_tag(part: object) -> bool:
    """Pydantic inserts the union member's name into the location; drop it."""
    return isinstance(part, str) and (
        part in {"Doan", "Gach", "Cong", "MauCau", "Muc", "NoiNhan", "str", "date"}
        or part.startswith("function-")
        or part.startswith("constrained-")
        or part.startswith("list[")
    )


def _code(pydantic_type: str, ctx: dict[str, object]) -> str:
    """The stable problem code: a rule of chithi_gen's own names its code
    (``nd30_error(..., code=…)``); pydantic's error types become kebab-case."""
    if pydantic_type == ERROR_TYPE:
        return str(ctx.get("code") or "invalid-value")
    return pydantic_type.replace("_", "-")


def validate(source: Source | Any, model: type[Campaign] = Campaign) -> Campaign:
    """Validate campaign data into a :class:`Campaign`.

    ``source`` is a :class:`~chithi_gen.source.Source` (as read from a file, with its
    ``ke_thua`` layers) or plain data (a dict). Raises :class:`CampaignError` with every
    problem, each placed at its file and line.
    """
    src = source if isinstance(source, Source) else from_data(source)
    if not isinstance(src.data, dict):
        raise CampaignError.single(
            "tệp chiến dịch phải là một nhóm trường 'khóa: giá trị' (ví dụ bắt đầu bằng"
            " 'loai: chi_thi')",
            "a campaign file must be a mapping of 'key: value' (e.g. starting with"
            " 'loai: chi_thi')",
            src.name,
            line=1 if src.name else None,
            code="not-a-mapping",
        )
    if "ke_thua" in src.data:  # in-memory data: its parents would be files it names
        raise CampaignError.single(
            "'ke_thua' chỉ dùng trong tệp chiến dịch; dữ liệu truyền trực tiếp phải đầy đủ"
            " (đọc tệp bằng Renderer.read)",
            "'ke_thua' is only for campaign files; data given directly must be complete"
            " (read the file with Renderer.read)",
            src.name,
            loc=("ke_thua",),
            code="ke-thua-in-data",
        )
    try:
        return model.model_validate(src.data)
    except ValidationError as exc:
        problems = place(problems_from_validation(exc, model), src)
        raise CampaignError(problems, src.name) from None
