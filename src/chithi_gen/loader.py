"""Load a campaign file (YAML or JSON) and validate it, keeping line numbers for errors.

YAML is parsed with ruamel.yaml, which records where every key and list item stands,
so a validation error can say "line 42, field ``nguoi_ky.ho_ten``". Dates are kept as
text until pydantic validates them, so an impossible date (30/02) is reported on its
field instead of crashing the parser. Anchors and aliases (``&x``/``*x``) are refused:
a clerk never needs them and they are how a "YAML bomb" multiplies a small file into
gigabytes.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent

from chithi_gen.compose import check_structure
from chithi_gen.errors import CampaignError, Loc, Problem
from chithi_gen.kinds import DEFAULT_REGISTRY, Registry
from chithi_gen.model import Campaign
from chithi_gen.snippets import BUNDLED, Snippets

#: Largest campaign file accepted (bytes). Real ones are < 100 kB.
MAX_BYTES = 5_000_000
#: Deepest nesting of lists and mappings accepted in a file (a body 12 levels deep
#: needs about 26; Python's recursion limit is far above this).
MAX_NESTING = 100


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that leaves timestamps as strings for pydantic to check."""


_Constructor.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda self, node: self.construct_scalar(node),
)
# Decimals stay text too, so that "1.250" (1250 for a Vietnamese clerk, 1.25 for YAML)
# reaches the model as typed and is refused as ambiguous instead of silently misread.
_Constructor.add_constructor(
    "tag:yaml.org,2002:float",
    lambda self, node: self.construct_scalar(node),
)


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    return yaml


def _plain(value: Any) -> Any:
    """ruamel's commented containers → plain dicts and lists (what pydantic expects)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def parse_yaml(text: str, source: str | None = None) -> tuple[Any, Any]:
    """Parse YAML text; return (plain data, ruamel tree for line look-ups)."""
    yaml = _yaml()
    try:
        level = 0
        for event in yaml.parse(text):
            # Nesting is bounded before anything recursive (composer, pydantic) sees it.
            if isinstance(event, CollectionStartEvent):
                level += 1
                if level > MAX_NESTING:
                    mark = event.start_mark
                    raise CampaignError.single(
                        f"tệp lồng quá sâu (quá {MAX_NESTING} cấp danh sách/nhóm trường)",
                        f"the file is nested too deeply (more than {MAX_NESTING} levels)",
                        source,
                        line=mark.line + 1 if mark else None,
                        column=mark.column + 1 if mark else None,
                    )
            elif isinstance(event, CollectionEndEvent):
                level -= 1
            if isinstance(event, AliasEvent):
                mark = event.start_mark
                raise CampaignError(
                    [
                        Problem(
                            "tệp dùng tham chiếu YAML (&/*), không được hỗ trợ; nếu một dòng văn"
                            " bản bắt đầu bằng * hoặc & (ví dụ **đậm**), hãy đặt cả dòng trong"
                            " dấu ngoặc kép",
                            "the file uses YAML anchors/aliases (&/*), which are not supported;"
                            " if a text starts with * or & (e.g. **bold**), put it in quotes",
                            line=mark.line + 1 if mark else None,
                            column=mark.column + 1 if mark else None,
                        )
                    ],
                    source,
                )
        tree = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "cú pháp không hợp lệ"
        raise CampaignError(
            [
                Problem(
                    f"lỗi cú pháp YAML: {what}; kiểm tra thụt lề, dấu ':' và dấu ngoặc kép",
                    f"YAML syntax error: {what}; check indentation, ':' and quotes",
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                )
            ],
            source,
        ) from None
    except YAMLError as exc:
        raise CampaignError.single(
            f"lỗi cú pháp YAML: {exc}", f"YAML syntax error: {exc}", source
        ) from None
    return _plain(tree), tree


def _locate(tree: Any, loc: Loc) -> tuple[int | None, int | None]:
    """Line/column (1-based) of the deepest part of ``loc`` found in the ruamel tree."""
    line: int | None = None
    col: int | None = None
    node = tree
    for part in loc:
        if isinstance(node, CommentedMap) and isinstance(part, str) and part in node:
            pos = node.lc.key(part)
            line, col = pos[0] + 1, pos[1] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and part == "noi_dung":
            continue  # a skeleton section written as a bare list: its items are right here
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            pos = node.lc.item(part)
            line, col = pos[0] + 1, pos[1] + 1
            node = node[part]
        else:
            break
    if line is None and isinstance(tree, CommentedMap | CommentedSeq):
        line, col = 1, 1
    return line, col


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
    exc: ValidationError, tree: Any = None, model: type[BaseModel] = Campaign
) -> list[Problem]:
    """Translate pydantic errors into bilingual :class:`Problem` objects with lines."""
    problems: list[Problem] = []
    seen: set[tuple[Loc, str]] = set()
    for err in exc.errors(include_url=False):
        loc: Loc = tuple(p for p in err["loc"] if not _is_union_tag(p))
        typ = err["type"]
        ctx = err.get("ctx") or {}
        if typ == "chithi":
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
        line, col = _locate(tree, loc) if tree is not None else (None, None)
        problems.append(Problem(vi, en, loc=loc, line=line, column=col))
    return problems


def _is_union_tag(part: object) -> bool:
    """Pydantic inserts the union member's name into the location; drop it."""
    return isinstance(part, str) and (
        part in {"Doan", "Gach", "Cong", "MauCau", "Muc", "NoiNhan", "str", "date"}
        or part.startswith("function-")
        or part.startswith("constrained-")
        or part.startswith("list[")
    )


def validate_data(data: Any, tree: Any = None, source: str | None = None) -> Campaign:
    """Validate already-parsed campaign data (a dict) into a :class:`Campaign`."""
    if not isinstance(data, dict):
        raise CampaignError.single(
            "tệp chiến dịch phải là một nhóm trường 'khóa: giá trị' (ví dụ bắt đầu bằng"
            " 'loai: chi_thi')",
            "a campaign file must be a mapping of 'key: value' (e.g. starting with"
            " 'loai: chi_thi')",
            source,
            line=1,
        )
    try:
        return Campaign.model_validate(data)
    except ValidationError as exc:
        raise CampaignError(problems_from_validation(exc, tree), source) from None


def _check_structure(
    campaign: Campaign,
    tree: Any,
    source: str | None,
    registry: Registry,
    snippets: Snippets,
) -> Campaign:
    """Checks that need the kind registry or the snippets, located in the file."""
    try:
        check_structure(campaign, registry, snippets)
    except CampaignError as exc:
        located = []
        for p in exc.problems:
            line, col = _locate(tree, p.loc) if tree is not None else (None, None)
            located.append(dataclasses.replace(p, line=line, column=col))
        raise CampaignError(located, source) from None
    return campaign


def locate(problems: list[Problem], text: str) -> list[Problem]:
    """``problems`` with the line and column of their field in the YAML ``text``."""
    _, tree = parse_yaml(text)
    out = []
    for p in problems:
        line, col = _locate(tree, p.loc)
        out.append(dataclasses.replace(p, line=line, column=col))
    return out


def load_campaign_text(
    text: str,
    source: str | None = None,
    registry: Registry = DEFAULT_REGISTRY,
    snippets: Snippets = BUNDLED,
) -> Campaign:
    """Parse and validate campaign text (YAML; JSON is valid YAML).

    Also checks what needs the kind registry: that ``loai`` is a known kind and that
    ``phan`` names only sections of its skeleton.
    """
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise CampaignError.single(
            f"tệp quá lớn (tối đa {MAX_BYTES // 1_000_000} MB)",
            f"file too large (at most {MAX_BYTES // 1_000_000} MB)",
            source,
        )
    data, tree = parse_yaml(text, source)
    if isinstance(data, dict) and "ke_thua" in data:
        # Year-over-year files: merge the parent chain first (see chithi_gen.inherit).
        from chithi_gen import inherit

        campaign = inherit.validate(inherit.resolve(data, tree, source))
        return _check_structure(campaign, None, source, registry, snippets)
    campaign = validate_data(data, tree, source)
    return _check_structure(campaign, tree, source, registry, snippets)


def read_bytes(path: Path, source: str, limit: int = MAX_BYTES) -> bytes:
    """A user's input file, at most ``limit`` bytes; errors say what to do, bilingual."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CampaignError.single("không tìm thấy tệp", "file not found", source) from None
    except OSError as exc:
        raise CampaignError.single(
            f"không đọc được tệp: {exc.strerror}", f"cannot read file: {exc.strerror}", source
        ) from None
    if len(raw) > limit:
        raise CampaignError.single(
            f"tệp quá lớn (tối đa {limit // 1_000_000} MB)",
            f"file too large (at most {limit // 1_000_000} MB)",
            source,
        )
    return raw


def read_text(path: Path, source: str) -> str:
    """A campaign file's text: UTF-8 (with or without BOM), at most :data:`MAX_BYTES`."""
    raw = read_bytes(path, source)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CampaignError.single(
            f"tệp không phải mã UTF-8 (byte lỗi ở vị trí {exc.start}); hãy lưu lại tệp với"
            " mã UTF-8",
            f"the file is not UTF-8 (bad byte at offset {exc.start}); save it as UTF-8",
            source,
        ) from None


def load_campaign(
    path: str | Path, registry: Registry = DEFAULT_REGISTRY, snippets: Snippets = BUNDLED
) -> Campaign:
    """Read, parse and validate a campaign file (UTF-8 YAML or JSON)."""
    text = read_text(Path(path), str(path))
    return load_campaign_text(text, str(path), registry, snippets)
