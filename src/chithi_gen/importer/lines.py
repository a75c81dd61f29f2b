"""Line breaks of the agency's name and the trích yếu: kept where the document put them.

chithi breaks a one-string name or trích yếu into balanced lines itself; the imported
campaign is rendered once and its lines compared with the document's. Where they
differ, the document's breaks are written: the agency as a list of lines, the trích
yếu with a ``|`` at each break the document made.
"""

from __future__ import annotations

from typing import Any

from chithi_gen.api import Renderer
from chithi_gen.errors import ChithiError
from chithi_gen.importer.header import Header, read_header
from chithi_gen.importer.parts import read_docx
from chithi_gen.inline import NGAT_DONG


def _joined(lines: list[str]) -> str:
    return " ".join(lines)


def one_string(data: dict[str, Any]) -> None:
    """Write the agency's name and its superior as one string each, to try first."""
    co_quan = data["co_quan"]
    for key in ("ten", "chu_quan"):
        if isinstance(co_quan.get(key), list) and co_quan[key]:
            co_quan[key] = _joined(co_quan[key])


def _rendered(data: dict[str, Any], renderer: Renderer) -> list[Header] | None:
    try:
        docx = renderer.render(data).docx
    except ChithiError:
        return None
    read = read_docx(docx)
    return [read_header(part.components, part.paragraphs) for part in read.parts]


def fit_lines(data: dict[str, Any], wanted: list[Header], renderer: Renderer) -> None:
    """Where a rendering of ``data`` breaks the agency's name or a trích yếu elsewhere
    than the document's headers ``wanted`` (the header part first, then the title part
    of a Quyết định's attachment), write the document's breaks."""
    got = _rendered(data, renderer)
    if got is None or len(got) != len(wanted):
        return
    head, first = wanted[0], got[0]
    co_quan = data["co_quan"]
    if first.printed_co_quan != head.printed_co_quan and head.co_quan:
        co_quan["ten"] = head.co_quan
    if first.printed_chu_quan != head.printed_chu_quan and head.chu_quan:
        co_quan["chu_quan"] = head.chu_quan
    title, rendered = wanted[-1], got[-1]
    if rendered.trich_yeu != title.trich_yeu and len(title.trich_yeu) > 1:
        data["trich_yeu"] = f" {NGAT_DONG} ".join(title.trich_yeu)
    qd = data.get("quyet_dinh")
    decision = isinstance(qd, dict) and len(wanted) > 1
    if decision and first.trich_yeu != head.trich_yeu and len(head.trich_yeu) > 1:
        assert isinstance(qd, dict)
        qd["trich_yeu"] = f" {NGAT_DONG} ".join(head.trich_yeu)
    if len(co_quan.get("ten", [])) > 4 and isinstance(co_quan["ten"], list):
        co_quan["ten"] = _joined(co_quan["ten"])
