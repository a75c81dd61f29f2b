"""chithi_gen — drafts Vietnamese administrative documents in Nghị định 30/2020/NĐ-CP form.

The pipeline is one object, :class:`Renderer`: read a campaign file (or take a dict),
validate it, compose its documents (literal numbering, capitals, punctuation) and render
them through a Word layout to .docx bytes::

    from chithi_gen import Renderer
    renderer = Renderer()
    result = renderer.render(renderer.read("chi-thi.yaml"))
    open("chi-thi.docx", "wb").write(result.docx)

The names below are imported lazily (PEP 562): ``import chithi_gen`` costs almost
nothing, and importing the checker (:mod:`chithi_gen.check`) loads none of the generator.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

#: Public name → the module that defines it.
_EXPORTS: dict[str, str] = {
    "Renderer": "chithi_gen.api",
    "Draft": "chithi_gen.api",
    "Rendered": "chithi_gen.api",
    "load_campaign": "chithi_gen.api",
    "load_campaign_text": "chithi_gen.api",
    "validate_data": "chithi_gen.api",
    "render_docx": "chithi_gen.api",
    "write_docx": "chithi_gen.api",
    "render_batch": "chithi_gen.batch",
    "BatchReport": "chithi_gen.batch",
    "Campaign": "chithi_gen.model",
    "Document": "chithi_gen.document",
    "Paragraph": "chithi_gen.document",
    "Run": "chithi_gen.document",
    "Table": "chithi_gen.document",
    "Kind": "chithi_gen.kinds",
    "Registry": "chithi_gen.kinds",
    "Problem": "chithi_gen.errors",
    "Message": "chithi_gen.errors",
    "ChithiError": "chithi_gen.errors",
    "CampaignError": "chithi_gen.errors",
    "LayoutError": "chithi_gen.errors",
    "OutputError": "chithi_gen.errors",
    "ToolMissingError": "chithi_gen.errors",
    "ConversionError": "chithi_gen.errors",
    "RevisionError": "chithi_gen.errors",
    "problems_from_validation": "chithi_gen.validate",
    "campaign_json_schema": "chithi_gen.schema",
}

__all__ = [
    "BatchReport",
    "Campaign",
    "CampaignError",
    "ChithiError",
    "ConversionError",
    "Document",
    "Draft",
    "Kind",
    "LayoutError",
    "Message",
    "OutputError",
    "Paragraph",
    "Problem",
    "Registry",
    "Rendered",
    "Renderer",
    "RevisionError",
    "Run",
    "Table",
    "ToolMissingError",
    "__version__",
    "campaign_json_schema",
    "load_campaign",
    "load_campaign_text",
    "problems_from_validation",
    "render_batch",
    "render_docx",
    "validate_data",
    "write_docx",
]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("chithi-gen")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
    elif name == "__version__":
        value = _version()
    else:
        raise AttributeError(f"module 'chithi_gen' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:
    from chithi_gen.api import (
        Draft,
        Rendered,
        Renderer,
        load_campaign,
        load_campaign_text,
        render_docx,
        validate_data,
        write_docx,
    )
    from chithi_gen.batch import BatchReport, render_batch
    from chithi_gen.document import Document, Paragraph, Run, Table
    from chithi_gen.errors import (
        CampaignError,
        ChithiError,
        ConversionError,
        LayoutError,
        Message,
        OutputError,
        Problem,
        RevisionError,
        ToolMissingError,
    )
    from chithi_gen.kinds import Kind, Registry
    from chithi_gen.model import Campaign
    from chithi_gen.schema import campaign_json_schema
    from chithi_gen.validate import problems_from_validation

    __version__: str
