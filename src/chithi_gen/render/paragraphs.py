"""Where a tag stands in a layout part: the paragraph a template author sees in Word.

docxtpl rewrites a part before Jinja compiles it (:func:`chithi_gen.render.docx.patch_part`
puts one paragraph on a line), so Jinja's line numbers are not Word's paragraphs. These
functions map them back, for the renderer's errors and for lint.
"""

from __future__ import annotations

import re

_PARA = re.compile(r"<w:p[ >].*?</w:p>", re.DOTALL)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>(.*?)</w:t>", re.DOTALL)


def paragraph_texts(xml: str) -> list[tuple[list[str], str]]:
    """Each paragraph's list of ``<w:t>`` texts and its whole text."""
    out = []
    for m in _PARA.finditer(xml):
        texts = [t for t in _TEXT.findall(m.group(0))]
        out.append((texts, "".join(texts)))
    return out


def norm(text: str) -> str:
    """Tag text as docxtpl leaves it: ``{%p if x %}`` → ``{% if x %}``, spaces collapsed."""
    text = re.sub(r"\{([%{])(?:p|tr|tc|r)\s", r"{\1 ", text)
    return " ".join(text.split())


def paragraph_of(xml: str, needle: str) -> int | None:
    """The 1-based number of the first paragraph of the original part whose text holds
    ``needle`` (what a template author sees in Word)."""
    if not needle.strip():
        return None
    wanted = norm(needle)
    for i, (_, whole) in enumerate(paragraph_texts(xml), start=1):
        if wanted in norm(whole):
            return i
    return None


_BLOCK_TAG = re.compile(r"\{[%{](?:p|tr|tc)\s")


def _line_groups(xml: str) -> list[list[int]]:
    """For each line of docxtpl's patched XML, the original paragraphs it came from.

    docxtpl replaces a paragraph holding a ``{%p …%}`` (or ``{%tr``/``{%tc``) tag by the
    bare tag, which then ends the line of the paragraph before it; every other paragraph
    starts a line of its own (see :func:`~chithi_gen.render.docx.patch_part`).
    """
    first = re.search(r"<w:p[ >]", xml)
    # Lines before the first paragraph (the XML declaration ends with a newline).
    groups: list[list[int]] = [[] for _ in range(xml[: first.start() if first else 0].count("\n"))]
    groups.append([])
    for i, (_, whole) in enumerate(paragraph_texts(xml), start=1):
        if _BLOCK_TAG.search(whole):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def excerpt_at(
    xml: str, patched: str, lineno: int | None, hint: str = ""
) -> tuple[int | None, str]:
    """(paragraph number in the original part, text) of a line of the patched XML.

    Several paragraphs may share the line; ``hint`` (an error message) picks the one
    holding the tag it names ("Encountered unknown tag 'endif'").
    """
    if lineno is None:
        return None, ""
    lines = patched.split("\n")
    groups = _line_groups(xml)
    if not 0 < lineno <= min(len(lines), len(groups)):
        return None, ""
    texts = {i: whole for i, (_, whole) in enumerate(paragraph_texts(xml), start=1)}
    candidates = groups[lineno - 1]
    if not candidates:
        return None, ""
    named = re.search(r"'(\w+)'", hint)
    chosen = candidates[0]
    if named:
        word = re.compile(rf"\b{named.group(1)}\b")
        chosen = next((c for c in candidates if word.search(texts[c])), chosen)
    elif "end of template" in hint:
        chosen = candidates[-1]
    return chosen, norm(texts[chosen])[:80]
