"""Variables a custom layout prints (``bien``): read back from the lines the layout writes.

A layout names the variables it prints in its manifest (``bien_van_ban: [pham_vi]``) and
prints each in a paragraph of its own ("Phạm vi áp dụng: {{ vb.pham_vi }}"). That
paragraph's text, its tags as wildcards, is looked for in the document; the text in
place of the variable is its value, and the paragraph is no part of the title or the
body. A variable not found is written as "…" with a note, so the file still renders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chithi_gen.api import Renderer
from chithi_gen.check.read import read_model
from chithi_gen.check.read.paragraph import Paragraph
from chithi_gen.errors import ChithiError, CheckInputError
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
    return re.compile("^" + "".join(out) + "$") if seen else None


def _patterns(renderer: Renderer, kind: Kind) -> dict[str, list[re.Pattern[str]]]:
    try:
        info = renderer.templates.find_layout(kind.layout)
        names = list(info.manifest.bien_van_ban)
        if not names:
            return {}
        model = read_model(info.read_bytes())
    except (ChithiError, CheckInputError, OSError):
        return {}
    out: dict[str, list[re.Pattern[str]]] = {}
    for name in names:
        found = [_pattern(p.text, name) for p in model.paragraphs if f"vb.{name}" in p.text]
        out[name] = [p for p in found if p is not None]
    return out


def read_variables(renderer: Renderer, kind: Kind, paragraphs: list[Paragraph]) -> Found:
    """The ``bien`` values the layout of ``kind`` printed among ``paragraphs``."""
    out = Found()
    for name, patterns in _patterns(renderer, kind).items():
        for p in paragraphs:
            text = " ".join(p.text.split())
            m = next((m for pat in patterns if (m := pat.match(text))), None)
            if m:
                out.values[name] = m.group("value").strip()
                out.paragraphs.add(id(p))
                break
        else:
            out.missing.append(name)
    return out
