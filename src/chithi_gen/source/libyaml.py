"""The fast path of reading YAML: libyaml's events (PyYAML's C parser) to plain data.

ruamel.yaml, pure Python, keeps the line of every key but takes about a hundred times
as long. A file is read here first; :func:`load` gives exactly the data the ruamel path
(:mod:`chithi_gen.source.yaml`) would give, or :data:`MISS` whenever that is not
certain: a syntax error, an anchor, alias or tag (refused there with a message), a
``%YAML`` directive, more than one document, a duplicate or complex key, a merge key,
nesting deeper than :data:`~chithi_gen.source.yaml.MAX_NESTING`, a character or a
construct the two parsers read differently (a tab, a YAML 1.1 line break, the edges of
a block scalar, ``?`` in a flow collection, a lone scalar). The caller then reads the
text with ruamel, which reports the error or gives the data; ruamel also runs, later
and once, if a problem needs a line.

Scalars mean the same on both paths (:mod:`chithi_gen.source.scalars`); property tests
compare the two on generated YAML (``tests/test_yaml_paths.py``). Without PyYAML's C
extension, :data:`AVAILABLE` is false and every text takes the ruamel path.
"""

from __future__ import annotations

import re
from typing import Any, Final

from chithi_gen.source.scalars import SPECIAL, plain_scalar

try:
    from yaml import YAMLError
    from yaml._yaml import CParser
    from yaml.events import (
        DocumentEndEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )

    AVAILABLE: Final = True
except ImportError:  # PyYAML without libyaml: the ruamel path only
    AVAILABLE = False  # type: ignore[misc]

#: "Not certain": read the text with ruamel instead.
MISS: Final = object()

_STR_TAG: Final = "tag:yaml.org,2002:str"
#: Characters the two parsers treat differently: those YAML 1.1 (libyaml) takes for line
#: breaks, the byte order mark, and the tab (ruamel refuses one after a value).
_DOUBTFUL: Final = ("\x85", "\u2028", "\u2029", "\ufeff", "\t")


#: A block scalar's header as both parsers read it alike: ``|``, ``>-``, ``|2+`` …, then
#: nothing, or spaces and a comment.
_BLOCK_HEADER: Final = re.compile(r"[|>](?:[-+][1-9]?|[1-9][-+]?)?(?: +(?:#.*)?)?")


class _Miss(Exception):
    """Raised inside :func:`_build` to give up."""


def load(text: str, max_nesting: int) -> Any:
    """The plain data of YAML ``text`` (dicts, lists, str, int, bool, None), or
    :data:`MISS` when only the ruamel path can say (see the module text)."""
    if not AVAILABLE or any(c in text for c in _DOUBTFUL):
        return MISS
    parser = CParser(text)
    try:
        return _build(parser, text, max_nesting)
    except (_Miss, YAMLError, RecursionError):
        return MISS
    finally:
        parser.dispose()


def _check_block(text: str, ev: Any) -> None:
    """Give up on a block scalar (``|``, ``>``) whose edges libyaml reads more leniently
    than ruamel: a header with anything but a comment after it, a first line of
    spaces, leading empty lines indented deeper than the first line of text."""
    segment = text[ev.start_mark.index : ev.end_mark.index]
    header, _, body = segment.partition("\n")
    if not _BLOCK_HEADER.fullmatch(header):
        raise _Miss
    lines = body.split("\n")
    if lines[0] and not lines[0].strip(" "):
        raise _Miss  # a first line of spaces: ruamel measures the indentation from it
    for i, line in enumerate(lines):
        if line.strip(" "):
            indent = len(line) - len(line.lstrip(" "))
            if any(len(blank) > indent for blank in lines[:i]):
                raise _Miss
            return


def _build(parser: Any, text: str, max_nesting: int) -> Any:
    get = parser.get_event
    get()  # StreamStartEvent
    ev = get()
    if type(ev) is StreamEndEvent:
        return None  # no document at all: ruamel gives None too
    if type(ev) is not DocumentStartEvent or ev.version is not None or ev.tags is not None:
        raise _Miss
    # A frame is [container, key set (maps) or None (lists), pending key, start event,
    # "?" inside its values]; the key set holds the keys as constructed (1 and True are
    # the same key, "1" is not).
    stack: list[list[Any]] = []
    root: Any = MISS
    nothing = MISS
    while True:
        ev = get()
        kind = type(ev)
        if kind is ScalarEvent:
            if ev.anchor is not None:
                raise _Miss
            if ev.tag is not None:
                if ev.tag != _STR_TAG:
                    raise _Miss
                value: Any = ev.value
            elif ev.implicit[0]:
                value = plain_scalar(ev.value)
            else:
                value = ev.value  # quoted or block: text
                if ev.style in ("|", ">"):
                    _check_block(text, ev)
            is_key = bool(stack) and stack[-1][1] is not None and stack[-1][2] is nothing
            if is_key and ev.implicit[0] and ev.tag is None and ev.value in SPECIAL:
                raise _Miss  # a merge key (or "="): ruamel's own meaning
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if ev.anchor is not None or ev.tag is not None or len(stack) >= max_nesting:
                raise _Miss
            if stack and stack[-1][1] is not None and stack[-1][2] is nothing:
                raise _Miss  # a complex key
            if kind is MappingStartEvent:
                stack.append([{}, set(), nothing, ev, 0])
            else:
                stack.append([[], None, nothing, ev, 0])
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = stack.pop()
            start = frame[3]
            if start.flow_style:
                # "?" in [ … ] or { … } outside the values: libyaml's explicit keys there
                # are lenient
                span = text[start.start_mark.index : ev.end_mark.index]
                if span.count("?") > frame[4]:
                    raise _Miss
            value = frame[0]
        elif kind is DocumentEndEvent:
            break
        else:  # an alias, or anything unexpected
            raise _Miss
        if not stack:
            if kind is ScalarEvent:
                raise _Miss  # a lone scalar: never a campaign, and read differently
            root = value
            continue
        frame = stack[-1]
        if frame[3].flow_style:  # count the "?" inside values, for the check above
            begin = (ev if kind is ScalarEvent else start).start_mark.index
            frame[4] += text.count("?", begin, ev.end_mark.index)
        keys = frame[1]
        if keys is None:
            frame[0].append(value)
        elif frame[2] is nothing:
            if value in keys:
                raise _Miss  # duplicate key: ruamel reports it with its line
            keys.add(value)
            frame[2] = value
        else:
            frame[0][str(frame[2])] = value
            frame[2] = nothing
    if type(get()) is not StreamEndEvent:
        raise _Miss  # a second document
    return root
