"""Citations: ``[[key]]`` in user text resolved in reading order (Phụ lục I, II.6.b)."""

from __future__ import annotations

from chithi_gen.document import Run
from chithi_gen.errors import CampaignError
from chithi_gen.inline import Span, parse
from chithi_gen.model import VanBanDanChieu, dan_chieu_text


class Citer:
    """Resolves ``[[key]]`` citations of one document, in reading order.

    The first citation of a document is written in full, later ones short; a form
    given in the text (``[[ct42:ngan]]``) is kept.
    """

    def __init__(self, dan_chieu: dict[str, VanBanDanChieu]) -> None:
        self.dan_chieu = dan_chieu
        self.seen: set[str] = set()

    def cite(self, key: str, form: str) -> str:
        """The text of citation ``key`` in ``form`` (``tu_dong`` picks full or short)."""
        vb = self.dan_chieu.get(key)
        if vb is None:  # only text made by a snippet can get here: the model checks the rest
            known = ", ".join(sorted(self.dan_chieu)) or "chưa khai báo văn bản nào"
            raise CampaignError.single(
                f"viện dẫn [[{key}]] chưa được khai báo trong 'dan_chieu' ({known})",
                f"citation [[{key}]] is not declared under 'dan_chieu'",
                code="unknown-citation",
            )
        if form == "tu_dong":
            form = "ngan" if key in self.seen else "day_du"
        self.seen.add(key)
        return dan_chieu_text(vb, form)

    def plain(self, text: str) -> str:
        """``text`` with citations resolved and markup dropped (for the trích yếu)."""
        return "".join(self._text(s) for s in parse(text) if s.footnote is None)

    def _text(self, span: Span) -> str:
        return self.cite(*span.citation) if span.citation else span.text

    def runs(self, text: str, *, bold: bool | None = None) -> list[Run]:
        """``text`` as runs: emphasis kept, citations resolved, footnotes as references."""
        out: list[Run] = []
        for s in parse(text):
            if s.footnote is not None:
                out.append(Run("", footnote=self.plain(s.footnote)))
                continue
            out.append(
                Run(self._text(s), bold=True if s.bold else bold, italic=True if s.italic else None)
            )
        return out
