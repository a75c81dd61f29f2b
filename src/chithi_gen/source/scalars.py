"""What a plain YAML scalar means here: YAML 1.2 core as ruamel resolves it, but dates
and decimals kept as the text the clerk typed.

Both parsers (:mod:`chithi_gen.source.libyaml`, the fast path, and
:mod:`chithi_gen.source.yaml`, ruamel with line numbers) read scalars through this
module, so they cannot disagree on what ``yes``, ``017``, ``0x1F``, ``1:30``,
``2020-07-15`` or ``1.250`` mean:

* ``true``/``false`` (three spellings each) are booleans; ``yes``, ``no``, ``on``,
  ``off`` are text (they were booleans in YAML 1.1);
* ``null``, ``~`` and nothing are ``None``;
* integers: decimal (a leading zero is still decimal: ``017`` is 17; YAML 1.1 read it as
  octal), ``0o17``, ``0x1F``, ``0b101``, underscores ignored; one that does not convert
  (``0x_``, 5,000 digits) stays text, for validation to refuse on its field;
* everything else is text: decimals (``1.250`` — 1250 for a Vietnamese clerk, 1.25 for
  YAML — reaches the model as typed), dates (an impossible 30/02 is reported on its
  field), sexagesimal ``1:30`` (90 in YAML 1.1).

The patterns are ruamel's YAML 1.2 implicit resolvers (``tests/test_yaml_paths.py``
checks they stay equal), tried in ruamel's order, chosen by the first character.
"""

from __future__ import annotations

import re
from typing import Any, Final

BOOL: Final = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
FLOAT: Final = re.compile(
    r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
    re.X,
)
INT: Final = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""",
    re.X,
)
NULL: Final = re.compile(
    r"""^(?: ~
        |null|Null|NULL
        | )$""",
    re.X,
)
#: ``<<`` (a merge key) and ``=`` (a "value" key): ruamel gives them meanings of their own.
SPECIAL: Final = frozenset({"<<", "="})

_NUMERIC_START: Final = frozenset("-+0123456789.")
_INT_START: Final = frozenset("-+0123456789")
_NULL_START: Final = frozenset("~nN")


def to_int(text: str) -> int | str:
    """The integer ``text`` (matched by :data:`INT`) stands for, or ``text`` itself when
    it does not convert (``0x_``, ``+_``, more digits than Python converts)."""
    s = text.replace("_", "")
    sign = -1 if s[:1] == "-" else 1
    if s[:1] in "+-":
        s = s[1:]
    try:
        if s[:2] == "0b":
            return sign * int(s[2:], 2)
        if s[:2] == "0x":
            return sign * int(s[2:], 16)
        if s[:2] == "0o":
            return sign * int(s[2:], 8)
        return sign * int(s)
    except ValueError:
        return text


def plain_scalar(value: str) -> Any:
    """What the plain (unquoted, untagged) scalar ``value`` means; see the module text.

    ``<<`` and ``=`` are returned as text here; as mapping keys the fast parser leaves
    them to ruamel.
    """
    first = value[:1]
    if first in "tTfF" and first and BOOL.match(value):
        return value[0] in "tT"
    if first in _NUMERIC_START and first:
        if FLOAT.match(value):
            return value
        if first in _INT_START and INT.match(value):
            return to_int(value)
        return value
    if (not first or first in _NULL_START) and NULL.match(value):
        return None
    return value
