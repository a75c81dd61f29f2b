"""Parsing campaign text (YAML; JSON is YAML) into plain data, keeping line numbers.

ruamel.yaml records where every key and list item stands, so a later error can say
"line 42, field ``nguoi_ky.ho_ten``". Dates and decimals are kept as text until
pydantic validates them: an impossible date (30/02) is reported on its field instead
of crashing the parser, and "1.250" (1250 for a Vietnamese clerk, 1.25 for YAML)
reaches the model as typed, to be refused as ambiguous.

YAML syntax that silently changes what the clerk typed is refused with a hint to
quote the text: anchors and aliases (``trich_yeu: &Về việc …`` would drop "&Về", and
aliases are how a "YAML bomb" multiplies a small file into gigabytes) and explicit
tags (``!Về``). Nesting is bounded before anything recursive sees it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    Event,
    NodeEvent,
)

from chithi_gen.errors import CampaignError, ChithiError, Message, Problem

#: Deepest nesting of lists and mappings accepted in a file (a body 12 levels deep
#: needs about 26; Python's recursion limit is far above this).
MAX_NESTING = 100

#: The one explicit tag accepted: ``!!str`` only says "this is text".
_STR_TAG = "tag:yaml.org,2002:str"


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that leaves timestamps and decimals as text."""


_Constructor.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda self, node: self.construct_scalar(node),
)
_Constructor.add_constructor(
    "tag:yaml.org,2002:float",
    lambda self, node: self.construct_scalar(node),
)


def _int(self: _Constructor, node: Any) -> Any:
    """An integer, or its text when Python will not convert it (over 4,300 digits)."""
    try:
        return RoundTripConstructor.construct_yaml_int(self, node)
    except ValueError:
        return self.construct_scalar(node)


_Constructor.add_constructor("tag:yaml.org,2002:int", _int)


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    return yaml


def plain(value: Any) -> Any:
    """ruamel's commented containers → plain dicts, lists and strings."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


_QUOTE_HINT = Message(
    "nếu một dòng văn bản bắt đầu bằng *, &, ! (ví dụ **đậm**), hãy đặt cả dòng trong"
    ' dấu ngoặc kép "…"',
    'if a text starts with *, & or ! (e.g. **bold**), put the whole text in quotes "…"',
)


def _refused(event: Event) -> Message | None:
    """Why ``event`` is refused, or None."""
    if isinstance(event, AliasEvent):
        return Message(
            f"tệp dùng tham chiếu YAML (*{event.anchor}), không được hỗ trợ",
            f"the file uses a YAML alias (*{event.anchor}), which is not supported",
        )
    if isinstance(event, NodeEvent) and event.anchor is not None:
        return Message(
            f"'&{event.anchor}' bị YAML hiểu là nhãn neo (anchor) và sẽ bị xóa khỏi văn bản",
            f"'&{event.anchor}' is read by YAML as an anchor and would vanish from the text",
        )
    tag = getattr(event, "tag", None)
    if isinstance(event, NodeEvent) and tag is not None and str(tag) != _STR_TAG:
        return Message(
            f"'{tag}' bị YAML hiểu là thẻ kiểu (tag) và sẽ bị xóa khỏi văn bản",
            f"'{tag}' is read by YAML as a type tag and would vanish from the text",
        )
    return None


def _mark(event: Event) -> tuple[int | None, int | None]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (None, None)


def _scan(yaml: YAML, text: str, source: str | None, error: type[ChithiError]) -> None:
    """Check the event stream: nesting depth, anchors, aliases and tags."""
    level = 0
    for event in yaml.parse(text):
        if isinstance(event, CollectionStartEvent):
            level += 1
            if level > MAX_NESTING:
                line, col = _mark(event)
                raise error.single(
                    f"tệp lồng quá sâu (quá {MAX_NESTING} cấp danh sách/nhóm trường)",
                    f"the file is nested too deeply (more than {MAX_NESTING} levels)",
                    source,
                    line=line,
                    column=col,
                    code="yaml-too-deep",
                )
        elif isinstance(event, CollectionEndEvent):
            level -= 1
        why = _refused(event)
        if why is not None:
            line, col = _mark(event)
            raise error(
                [
                    Problem(
                        f"{why.vi}; {_QUOTE_HINT.vi}",
                        f"{why.en}; {_QUOTE_HINT.en}",
                        line=line,
                        column=col,
                        code="yaml-syntax",
                    )
                ],
                source,
            )


def parse_yaml(
    text: str, source: str | None = None, error: type[ChithiError] = CampaignError
) -> tuple[Any, Any]:
    """Parse YAML ``text``; return (plain data, ruamel tree for line look-ups).

    Errors are ``error`` (a :class:`CampaignError` unless the caller reads a template
    folder's file) naming ``source`` with the line and column.
    """
    yaml = _yaml()
    try:
        _scan(yaml, text, source, error)
        tree = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "cú pháp không hợp lệ"
        raise error(
            [
                Problem(
                    f"lỗi cú pháp YAML: {what}; kiểm tra thụt lề, dấu ':' và dấu ngoặc kép",
                    f"YAML syntax error: {what}; check indentation, ':' and quotes",
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                    code="yaml-syntax",
                )
            ],
            source,
        ) from None
    except YAMLError as exc:
        raise error.single(
            f"lỗi cú pháp YAML: {exc}", f"YAML syntax error: {exc}", source, code="yaml-syntax"
        ) from None
    return plain(tree), tree
