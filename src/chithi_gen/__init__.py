"""chithi_gen — drafts Vietnamese administrative documents in Nghị định 30/2020/NĐ-CP form.

Pipeline: :func:`load_campaign` (parse + validate) → :func:`compose` (document tree,
literal numbering) → :meth:`Renderer.render_docx` (.docx bytes through a layout).
"""

from chithi_gen.api import Renderer, render_docx, write_docx
from chithi_gen.batch import BatchReport, render_batch
from chithi_gen.compose import compose
from chithi_gen.document import Document, Paragraph, Run
from chithi_gen.errors import CampaignError, ChithiError, LayoutError, OutputError, Problem
from chithi_gen.kinds import DEFAULT_REGISTRY, Kind, Registry
from chithi_gen.loader import load_campaign, load_campaign_text, validate_data
from chithi_gen.model import Campaign

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_REGISTRY",
    "BatchReport",
    "Campaign",
    "CampaignError",
    "ChithiError",
    "Document",
    "Kind",
    "LayoutError",
    "OutputError",
    "Paragraph",
    "Problem",
    "Registry",
    "Renderer",
    "Run",
    "__version__",
    "compose",
    "load_campaign",
    "load_campaign_text",
    "render_batch",
    "render_docx",
    "validate_data",
    "write_docx",
]
