"""Variables a custom layout prints (``bien``): read back from the lines the layout writes.

A layout names the variables it prints in its manifest (``bien_van_ban: [pham_vi]``) and
prints each in a paragraph of its own ("Phạm vi áp dụng: {{ vb.pham_vi }}"). That
paragraph's text, its tags as wildcards, is looked for in the document; the text in
place of the variable is its value, and the paragraph is no part of the title or the
body. A variable not found is written as "…" with a note, so the file still renders —
unless the layout prints it only when it is given (``{%p if vb.<name> is defined %}``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chithi_gen.api import Renderer
from chithi_gen.check.read import read_model
from chithi_gen.check.read.paragraph import Paragraph
from chithi_gen.errors import CheckInputError, ChithiError
from chithi_gen.kinds import Kind

_TAG = re.compile(r"(\{\{.*?\}\}|\{%.*?%\})")


@dataclass
class Found:
    """The variables' values, and the paragraphs that printed them."""

    values: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    paragraphs: set[int] = field(default_factory=set)


def _pattern(text: str, name: str) -> re.Pattern[str] | None:
    """A pattern of a layout paragraph printing ``vb.<name>``, the value a group."""
    parts = _TAG.split(" ".join(text.split()))
    out: list[str] = []
    seen = False
    for part in parts:
        if _TAG.fullmatch(part):
            if re.search(rf"\bvb\.{name}\b", part) and not seen:
                out.append("(?P<value>.+?)")
                seen = True
            else:
                out.append(".*?")
        elif part:
            out.append(re.escape(part))
    literal = "".join(part for part in parts if not _TAG.fullmatch(part))
    if not seen or sum(ch.isalpha() for ch in literal) < 3:
        return None  # a paragraph of the variable alone would match any paragraph
    return re.compile("^" + "".join(out) + "$")


def _patterns(renderer: Renderer, kind: Kind) -> tuple[dict[str, list[re.Pattern[str]]], set[str]]:
    """The patterns of each variable the layout of ``kind`` prints, and the variables
    it prints only when given (``{%p if vb.<name> is defined %}``)."""
    try:
        info = renderer.templates.find_layout(kind.layout)
        names = list(info.manifest.bien_van_ban)
        if not names:
            return {}, set()
        model = read_model(info.read_bytes())
    except (ChithiError, CheckInputError, OSError):
        return {}, set()
    out: dict[str, list[re.Pattern[str]]] = {}
    optional: set[str] = set()
    for name in names:
        texts = [p.text for p in model.paragraphs if f"vb.{name}" in p.text]
        if any(re.search(rf"vb\.{name}\s+is\s+defined", t) for t in texts):
            optional.add(name)
        out[name] = [pat for t in texts if (pat := _pattern(t, name)) is not None]
    return out, optional


def read_variables(renderer: Renderer, kind: Kind, paragraphs: list[Paragraph]) -> Found:
    """The ``bien`` values the layout of ``kind`` printed among ``paragraphs``."""
    out = Found()
    patterns_of, optional = _patterns(renderer, kind)
    for name, patterns in patterns_of.items():
        for p in paragraphs:
            text = " ".join(p.text.split())
            m = next((m for pat in patterns if (m := pat.match(text))), None)
            if m:
                out.values[name] = m.group("value").strip()
                out.paragraphs.add(id(p))
                break
        else:
            if name not in optional:
                out.missing.append(name)
    return out
