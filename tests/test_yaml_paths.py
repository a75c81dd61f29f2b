"""The two ways of reading YAML give the same data for every input.

The fast path (libyaml's events, :mod:`chithi_gen.source.libyaml`) either gives exactly
what the ruamel path (:func:`chithi_gen.source.yaml.parse_with_lines`) gives, or steps
aside (``MISS``) and ruamel decides. Hypothesis writes YAML with the values YAML 1.1 and
1.2 read differently (yes/no/on/off, octal, sexagesimal, dates, 1.250), anchors, aliases
and tags (refused by both), duplicate keys, and random text.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from chithi_gen.errors import CampaignError
from chithi_gen.source import libyaml, scalars
from chithi_gen.source.yaml import MAX_NESTING, LazyTree, parse_with_lines, parse_yaml, tree_of
from support import EXAMPLES

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

pytestmark = pytest.mark.skipif(not libyaml.AVAILABLE, reason="PyYAML without libyaml")

#: Plain scalars whose meaning differs between YAML versions or that look special.
TOKENS = [
    *("yes", "no", "on", "off", "y", "n", "Yes", "NO", "On", "OFF"),
    *("true", "True", "TRUE", "tRUE", "false", "False", "FALSE"),
    *("null", "Null", "NULL", "~", "nULL"),
    *("017", "0o17", "0o8", "0x1F", "0x1f", "0b101", "0b", "0x", "0x_", "0o_", "+_"),
    *("1_000", "+12", "-0", "08", "09", "00", "12_", "_1", "1__2", "-0x10", "+0o7"),
    *("2020-01-01", "2020-1-1", "2020-07-15 12:00:00", "2001-12-14t21:59:43.10-05:00"),
    *("30/02/2020", "1:30", "1:30:00", "190:20:30.15", "-1:30"),
    *("1.250", "1.25", "1e3", "1E3", "-1.5e-3", ".5", "1.", ".inf", "-.Inf", ".NaN", "1.2.3"),
    *("1,250", "=", "<<", "Về việc phát động", "Nguyễn Văn A", "UBND xã", "a b", "x #y"),
    *("a:b", "@x", "`x", "%x", "?", "9" * 5000, "**đậm**", "*nghiêng*"),
]
#: Keys, few enough that duplicates (also 1 vs "1" vs true) come up.
KEYS = ["a", "b", "so", "1", "01", "true", "True", "yes", "null", "~", "1.0", "<<", "="]
#: How a scalar is written: styles refused by both paths are in the list too.
STYLES = ["plain"] * 6 + ["single", "double", "literal", "folded", "str-tag", "anchor", "tag"]


def _scalar(text: str, style: str) -> tuple[str, list[str]]:
    """(text after "key: " or "- ", lines below it) for a scalar."""
    if style == "single":
        return "'" + text.replace("'", "''") + "'", []
    if style == "double":
        return json.dumps(text, ensure_ascii=False), []
    if style in ("literal", "folded"):
        body = text.splitlines() or [""]
        return ("|" if style == "literal" else ">"), ["  " + line for line in body]
    if style == "str-tag":
        return "!!str " + text, []
    if style == "anchor":
        return "&a " + text, []
    if style == "tag":
        return "!t " + text, []
    return text, []


leaf = st.tuples(st.sampled_from(TOKENS) | st.text(max_size=12), st.sampled_from(STYLES))
tree = st.recursive(
    leaf,
    lambda kids: (
        st.lists(kids, max_size=4).map(lambda x: ("seq", x))
        | st.lists(
            st.tuples(st.tuples(st.sampled_from(KEYS), st.sampled_from(STYLES)), kids), max_size=4
        ).map(lambda x: ("map", x))
        | st.lists(kids, max_size=3).map(lambda x: ("flow", x))
    ),
    max_leaves=14,
)


def _flow(node: Any) -> str:
    if node[0] in ("seq", "flow"):
        return "[" + ", ".join(_flow(n) for n in node[1]) + "]"
    if node[0] == "map":
        return "{" + ", ".join(f"{_flow(k)}: {_flow(v)}" for k, v in node[1]) + "}"
    text, style = node
    if style in ("literal", "folded"):
        style = "double"
    return _scalar(text, style)[0]


def _lines(prefix: str, node: Any, ind: int) -> list[str]:
    pad = " " * ind
    if node[0] == "flow":
        return [pad + prefix + _flow(node)]
    if node[0] in ("seq", "map"):
        if not node[1]:
            return [pad + prefix + ("[]" if node[0] == "seq" else "{}")]
        head = [pad + prefix.rstrip()] if prefix else []
        return head + _block(node, ind + 2 if prefix else ind)
    inline, below = _scalar(*node)
    return [pad + prefix + inline] + [pad + "  " + b for b in below]


def _block(node: Any, ind: int) -> list[str]:
    out: list[str] = []
    if node[0] == "seq":
        for item in node[1]:
            out += _lines("- ", item, ind)
    elif node[0] == "map":
        for (key, style), value in node[1]:
            style = "plain" if style in ("literal", "folded") else style
            out += _lines(_scalar(key, style)[0] + ": ", value, ind)
    else:
        out += _lines("", node, ind)
    return out


def _text(node: Any) -> str:
    return "\n".join(_block(node, 0)) + "\n"


def same(a: Any, b: Any) -> bool:
    """Equal, with the same types (True is not 1) and the same key order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


#: What ruamel's own failures (not refusals) on valid YAML are reported as: ruamel
#: 0.19 raises NotImplementedError on some comments before a multi-line plain scalar.
CRASHED = "the reader could not follow the file"


def _ruamel(text: str) -> Any:
    try:
        return parse_with_lines(text, "x.yaml")[0]
    except CampaignError as exc:
        return CRASHED if CRASHED in exc.problems[0].message_en else CampaignError


def check_paths(text: str) -> Any:
    """The fast path gives ruamel's data, or steps aside; returns the fast result."""
    fast = libyaml.load(text, MAX_NESTING)
    if fast is not libyaml.MISS:
        slow = _ruamel(text)
        assert slow is not CampaignError, f"fast path read what ruamel refuses: {text!r}"
        if slow == CRASHED:  # valid YAML ruamel fails on: the fast path reads it
            return fast
        assert same(fast, slow), (text, fast, slow)
        try:
            data, _ = parse_yaml(text)
        except CampaignError:
            raise AssertionError(text) from None
        assert same(data, slow)
    return fast


@SETTINGS
@given(tree)
@example(("map", [(("a", "plain"), ("yes", "plain")), (("b", "plain"), ("017", "plain"))]))
@example(("map", [(("1", "plain"), ("x", "plain")), (("1", "single"), ("y", "plain"))]))
@example(("map", [(("true", "plain"), ("x", "plain")), (("1", "plain"), ("y", "plain"))]))
@example(("map", [(("<<", "plain"), ("map", [(("a", "plain"), ("1", "plain"))]))]))
def test_generated_documents_read_the_same(node: Any) -> None:
    text = _text(node)
    check_paths(text)
    anchored = any(s in text for s in ("&a ", "!t "))
    if anchored:
        with pytest.raises(CampaignError):
            parse_yaml(text, "x.yaml")


YAMLISH = st.text(alphabet=st.sampled_from(list("ab1 0:-.[]{},#&*!|>'\"%@?~\n\t_xé")), max_size=60)


@SETTINGS
@given(YAMLISH)
@example("a: 1\n---\nb: 2\n")
@example("%YAML 1.1\n---\na: yes\n")
@example("a: b\u2028c: d\n")
@example("a: [1, 2]\n? [x]\n: y\n")
def test_random_text_reads_the_same(text: str) -> None:
    check_paths(text)


#: Text a YAML file can hold as it is (no control characters, no line separators).
printable = st.text(
    st.characters(exclude_categories=("Cc", "Cs", "Cn", "Zl", "Zp"), exclude_characters="\ufeff")
    | st.sampled_from("\n\t "),
    max_size=20,
)
plain_data = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | printable
    | st.sampled_from(TOKENS[:-3]),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(printable, kids, max_size=4),
    max_leaves=20,
)


def _ruamel_dump(data: Any) -> str:
    from ruamel.yaml import YAML

    out = io.StringIO()
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_unicode = True
    yaml.dump(data, out)
    return out.getvalue()


documents = st.lists(plain_data, max_size=4) | st.dictionaries(printable, plain_data, max_size=4)


@SETTINGS
@given(documents)
def test_well_formed_files_take_the_fast_path(data: Any) -> None:
    """YAML written by a YAML 1.2 writer (ruamel) and JSON: the fast path reads every one
    of them, and reads what ruamel reads (``yes`` stays text, ``017`` is 17)."""
    for text in (_ruamel_dump(data), json.dumps(data, ensure_ascii=False)):
        assert check_paths(text) is not libyaml.MISS, text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yes", "yes"),
        ("off", "off"),
        ("017", 17),
        ("0o17", 15),
        ("0x1F", 31),
        ("1_000", 1000),
        ("1:30", "1:30"),
        ("2020-07-15", "2020-07-15"),
        ("1.250", "1.250"),
        ("0x_", "0x_"),
        ("true", True),
        ("~", None),
        ("=", "="),
    ],
)
def test_scalars_mean_the_same_on_both_paths(text: str, value: Any) -> None:
    doc = f"a: {text}\n"
    fast = libyaml.load(doc, MAX_NESTING)
    assert fast is not libyaml.MISS and same(fast, {"a": value})
    assert same(parse_with_lines(doc)[0], {"a": value})


def test_patterns_are_ruamels() -> None:
    """scalars.py copies ruamel's YAML 1.2 resolvers: they must stay the same."""
    from ruamel.yaml.resolver import implicit_resolvers

    ours = {
        "bool": scalars.BOOL,
        "float": scalars.FLOAT,
        "int": scalars.INT,
        "null": scalars.NULL,
    }
    for versions, tag, regexp, _ in implicit_resolvers:
        name = tag.rsplit(":", 1)[1]
        if (1, 2) in versions and name in ours:
            squash = re.compile(r"\s+")
            assert squash.sub("", regexp.pattern) == squash.sub("", ours[name].pattern), name


def test_examples_take_the_fast_path_and_ruamel_only_for_lines() -> None:
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8-sig")
        data, tree = parse_yaml(text, str(path))
        assert isinstance(tree, LazyTree), path
        slow_data, slow_tree = parse_with_lines(text, str(path))
        assert same(data, slow_data), path
        # the lazy tree is ruamel's tree: the same lines
        real = tree_of(tree)
        if isinstance(slow_data, dict):
            assert [real.lc.key(k) for k in slow_tree] == [slow_tree.lc.key(k) for k in slow_tree]
        else:
            assert [real.lc.item(i) for i, _ in enumerate(slow_tree)] == [
                slow_tree.lc.item(i) for i, _ in enumerate(slow_tree)
            ]


@pytest.mark.parametrize(
    "text",
    [
        "trich_yeu: &Về việc phát động\n",
        "trich_yeu: !Ve viec\n",
        "a: &x [1]\nb: *x\n",
        "a: !!int 3\n",
        "a: !!map {}\n",
        "a: 1\na: 2\n",
        "a: [" * 150 + "]" * 150 + "\n",
    ],
)
def test_refused_by_both_paths(text: str) -> None:
    assert libyaml.load(text, MAX_NESTING) is libyaml.MISS
    with pytest.raises(CampaignError) as exc:
        parse_yaml(text, "x.yaml")
    assert exc.value.problems[0].line is not None
