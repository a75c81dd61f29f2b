"""Reading a .docx into what the rules look at: paragraphs, lines, shapes, sections.

``package`` opens the zip (bounded, every fault a ``CheckInputError``), ``ooxml`` holds
the WordprocessingML vocabulary, ``styles`` resolves effective formatting as Word
does, ``walk`` reads every paragraph of a part in document order (``paragraph``,
``shapes``, ``section`` are what it builds), and ``document.read_model`` puts it all
together into a ``DocModel``.
"""

from __future__ import annotations

from chithi_gen.check.read.document import DocModel, read_model
from chithi_gen.check.read.package import Source

__all__ = ["DocModel", "Source", "read_model"]
