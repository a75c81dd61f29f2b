"""Making sure the imported data is a valid campaign file: what validation refuses is
rewritten the nearest valid way, and noted.

The reading already writes what the model accepts; this is the last guard, for a
document that says something chithi cannot (a signer "KT." with a head's title, an
item's text opening like a label, a citation-like "[[…]]" in a text). Each refused
value is rewritten — the item's text as a free paragraph, the signer's lines as a
plain title, a text's brackets loosened, an optional field left out, a required one
set to "…" — and its note says what was refused and why.
"""

from __future__ import annotations

from typing import Any

from chithi_gen.api import Renderer
from chithi_gen.errors import CampaignError, Problem
from chithi_gen.importer.notes import Notes, Path

#: Rounds of fixing before giving up (each round fixes every problem reported).
MAX_ROUNDS = 12
_NOT_READ = "…"
_REQUIRED = {"co_quan", "dia_danh", "trich_yeu", "nguoi_ky", "luu", "ten", "viet_tat", "ho_ten"}
#: What a required field holds when its value is refused: valid for that field.
_PLACEHOLDER: dict[str, Any] = {"viet_tat": "CQ", "dia_danh": "Địa danh", "luu": {}}


def _get(data: Any, path: Path) -> tuple[Any, str | int] | None:
    """The container of ``path``'s last step, and that step (None if not there)."""
    node = data
    for step in path[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    if not path:
        return None
    last = path[-1]
    if isinstance(node, dict) and last in node:
        return node, last
    if isinstance(node, list) and isinstance(last, int) and 0 <= last < len(node):
        return node, last
    return None


def _signer(data: dict[str, Any]) -> None:
    """The signer's lines as one plain title (no authority): always valid."""
    nk = data.get("nguoi_ky") or {}
    lines = [str(nk[k]) for k in ("tap_the", "cap_truong", "chuc_vu") if nk.get(k)]
    data["nguoi_ky"] = {"chuc_vu": " ".join(lines) or _NOT_READ, "ho_ten": nk.get("ho_ten", "…")}


def _as_paragraph(data: dict[str, Any], path: Path) -> bool:
    """An item whose text reads as a typed label: a free paragraph, children after it."""
    found = _get(data, path[:-1])
    if found is None:
        return False
    holder, index = found
    if not isinstance(holder, list) or not isinstance(index, int):
        return False
    item = holder[index]
    if not isinstance(item, dict):
        return False
    text = " ".join(str(item[k]) for k in ("tieu_de", "muc") if item.get(k))
    holder[index : index + 1] = [text or _NOT_READ, *item.get("noi_dung", [])]
    return True


def _fix(data: dict[str, Any], problem: Problem) -> bool:
    """Rewrite the value ``problem`` is about; False when it cannot be found."""
    loc: Path = tuple(problem.loc)
    if loc[:1] == ("nguoi_ky",):
        _signer(data)
        return True
    if loc and loc[-1] in ("muc", "tieu_de") and "noi_dung" in loc:
        return _as_paragraph(data, loc)
    found = _get(data, loc)
    if found is None:
        return False
    holder, key = found
    value = holder[key]
    if isinstance(value, str) and "[[" in value:
        holder[key] = value.replace("[[", "[ [").replace("]]", "] ]")
    elif isinstance(value, str) and "^[" in value and key == "trich_yeu":
        holder[key] = value.split("^[", 1)[0].strip() or _NOT_READ
    elif isinstance(holder, dict) and key not in _REQUIRED:
        del holder[key]
    elif isinstance(holder, list) and isinstance(key, int) and len(holder) > 1:
        holder.pop(key)
    elif key == "co_quan":
        holder[key] = {"ten": _NOT_READ, "viet_tat": _PLACEHOLDER["viet_tat"]}
    else:
        holder[key] = _PLACEHOLDER.get(str(key), _NOT_READ)
    return True


def make_valid(data: dict[str, Any], notes: Notes, renderer: Renderer) -> list[Problem]:
    """Fix ``data`` until it validates and composes; returns the problems left (none
    unless the rounds ran out)."""
    for _ in range(MAX_ROUNDS):
        try:
            renderer.prepare(data)
        except CampaignError as exc:
            fixed = False
            for problem in exc.problems:
                if _fix(data, problem):
                    fixed = True
                    notes.add(
                        tuple(problem.loc) or ("loai",),
                        f"chithi không nhận giá trị này nên đã ghi lại: {problem.message_vi}",
                        f"chithi refused this value, so it was rewritten: {problem.message_en}",
                    )
            if not fixed:
                return list(exc.problems)
            continue
        return []
    try:
        renderer.prepare(data)
    except CampaignError as exc:
        return list(exc.problems)
    return []
