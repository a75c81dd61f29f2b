"""Parsing campaign text (YAML; JSON is YAML) into plain data, keeping line numbers.

ruamel.yaml records where every key and list item stands, so a later error can say
"line 42, field ``nguoi_ky.ho_ten``". It is pure Python and slow, so a file is first
read by libyaml (:mod:`chithi_gen.source.libyaml`), which gives the same data; ruamel
reads it only when libyaml cannot be sure (an error to report) or, later and once, when
a problem needs a line (:class:`LazyTree`). Scalars mean the same on both paths
(:mod:`chithi_gen.source.scalars`): dates and decimals are kept as text until pydantic
validates them, so an impossible date (30/02) is reported on its field instead of
crashing the parser, and "1.250" (1250 for a Vietnamese clerk, 1.25 for YAML) reaches
the model as typed, to be refused as ambiguous.

YAML syntax that silently changes what the clerk typed is refused with a hint to
quote the text: anchors and aliases (``trich_yeu: &Về việc …`` would drop "&Về", and
aliases are how a "YAML bomb" multiplies a small file into gigabytes) and explicit
tags (``!Về``). Nesting is bounded before anything recursive sees it.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from chithi_gen.errors import CampaignError, ChithiError, Message, Problem
from chithi_gen.source.libyaml import MISS
from chithi_gen.source.libyaml import load as fast_load
from chithi_gen.source.scalars import to_int

if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from ruamel.yaml.events import Event

#: Deepest nesting of lists and mappings accepted in a file (a body 12 levels deep
#: needs about 26; Python's recursion limit is far above this).
MAX_NESTING = 100

#: The one explicit tag accepted: ``!!str`` only says "this is text".
_STR_TAG = "tag:yaml.org,2002:str"


@functools.cache
def _constructor() -> type:
    """ruamel's round-trip constructor reading scalars as :mod:`chithi_gen.source.scalars`
    says: timestamps and decimals as text, integers by
    :func:`~chithi_gen.source.scalars.to_int`, a bare ``=`` or ``<<`` value as text.
    (Made at first use: ruamel is imported only when a file needs it.)"""
    from ruamel.yaml.constructor import RoundTripConstructor

    class Constructor(RoundTripConstructor):
        pass

    def text(self: Any, node: Any) -> Any:
        return str(self.construct_scalar(node))

    def integer(self: Any, node: Any) -> Any:
        return to_int(str(self.construct_scalar(node)))

    for tag in ("timestamp", "float", "value", "merge"):
        Constructor.add_constructor(f"tag:yaml.org,2002:{tag}", text)
    Constructor.add_constructor("tag:yaml.org,2002:int", integer)
    return Constructor


def _yaml() -> YAML:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _constructor()
    yaml.allow_duplicate_keys = False
    return yaml


def plain(value: Any) -> Any:
    """ruamel's commented containers → plain dicts, lists and strings (a ``!!str``
    scalar, which ruamel keeps as a ``TaggedScalar``, is its text)."""
    from ruamel.yaml.comments import TaggedScalar

    def walk(value: Any) -> Any:
        if isinstance(value, Mapping):
            return {str(k): walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, str):
            return str(value)
        if isinstance(value, TaggedScalar):
            return str(value.value)
        return value

    return walk(value)


class LazyTree:
    """The ruamel tree of a text the fast path read, parsed on first use.

    Attribute and item access go to the tree (``tree.lc``, ``tree[0]``), so code that
    reads line numbers works unchanged; :func:`tree_of` gives the tree itself (for
    ``isinstance`` checks). ``None`` stands for a tree ruamel could not make.
    """

    __slots__ = ("_done", "_text", "_tree")

    def __init__(self, text: str) -> None:
        self._text = text
        self._tree: Any = None
        self._done = False

    @property
    def tree(self) -> Any:
        """The ruamel tree (parsed now if it was not yet)."""
        if not self._done:
            try:
                self._tree = _yaml().load(self._text)
            except Exception:  # the fast path read it: ruamel should too
                self._tree = None
            self._done = True
        return self._tree

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.tree, name)

    def __getitem__(self, key: Any) -> Any:
        return self.tree[key]

    def __contains__(self, key: Any) -> bool:
        return key in self.tree

    def __len__(self) -> int:
        return len(self.tree)


def tree_of(tree: Any) -> Any:
    """The ruamel tree behind ``tree`` (a :class:`LazyTree` or a tree already)."""
    return tree.tree if isinstance(tree, LazyTree) else tree


_QUOTE_HINT = Message(
    "nếu một dòng văn bản bắt đầu bằng *, &, ! (ví dụ **đậm**), hãy đặt cả dòng trong"
    ' dấu ngoặc kép "…"',
    'if a text starts with *, & or ! (e.g. **bold**), put the whole text in quotes "…"',
)


def _refused(event: Event) -> Message | None:
    """Why ``event`` is refused, or None."""
    from ruamel.yaml.events import AliasEvent, NodeEvent

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
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent

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

    The tree is a :class:`LazyTree` when the fast path read the text (ruamel then
    parses it only if a line is asked for). Errors are ``error`` (a
    :class:`CampaignError` unless the caller reads a template folder's file) naming
    ``source`` with the line and column.
    """
    data = fast_load(text, MAX_NESTING)
    if data is not MISS:
        return data, LazyTree(text)
    return parse_with_lines(text, source, error)


def parse_with_lines(
    text: str, source: str | None = None, error: type[ChithiError] = CampaignError
) -> tuple[Any, Any]:
    """:func:`parse_yaml` by ruamel alone: the path that reports errors."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

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
    except (NotImplementedError, AssertionError, IndexError, AttributeError) as exc:
        # ruamel's own failures on odd comment placement and the like
        raise error.single(
            f"lỗi cú pháp YAML (trình đọc không hiểu tệp: {type(exc).__name__});"
            " kiểm tra thụt lề, dấu ':' và dấu ngoặc kép",
            f"YAML syntax error (the reader could not follow the file: {type(exc).__name__});"
            " check indentation, ':' and quotes",
            source,
            code="yaml-syntax",
        ) from None
    return plain(tree), tree
