"""What changed between two documents, in Word's own terms (tracked changes).

>>> from chithi_gen.revisions import track_changes, summarize_changes   # doctest: +SKIP
>>> marked = track_changes(old, new, author="Văn phòng", date=datetime(2026, 12, 1))

* :func:`track_changes` -- NEW's .docx with ``w:ins``/``w:del`` relative to OLD;
* :func:`summarize_changes` -- paragraphs added, removed, changed (plain data);
* :func:`compare_docx` -- both at once;
* :func:`accept_all` / :func:`reject_all` -- Word's "Accept All" / "Reject All".
"""

from chithi_gen.errors import RevisionError
from chithi_gen.revisions.review import accept_all, reject_all
from chithi_gen.revisions.summary import Change, ChangeSummary
from chithi_gen.revisions.track import Comparison, compare_docx, summarize_changes, track_changes

__all__ = [
    "Change",
    "ChangeSummary",
    "Comparison",
    "RevisionError",
    "accept_all",
    "compare_docx",
    "reject_all",
    "summarize_changes",
    "track_changes",
]
