"""Composing steps: the code a kind brings to turn a campaign into its documents.

A kind names its step in ``kinds.yaml`` (``buoc_soan: quyet_dinh``). A step is a
function taking a :class:`Job` and returning the composed
:class:`~chithi_gen.document.Document`\\ s. Steps are found by name, in this order:

1. ``van_ban`` — the standard step, :func:`chithi_gen.compose.van_ban.compose`;
2. a module of chithi_gen's own ``chithi_gen.kinds.<name>`` defining ``compose``
   (``chithi_gen.kinds.quyet_dinh``): adding a kind with behaviour to chithi_gen is
   one new module there (see docs/adding-a-kind.md);
3. an installed package's entry point in the group ``chithi_gen.steps``.

A template folder's ``kinds.yaml`` may name any installed step but cannot bring code
of its own: user folders are data.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import cast

from chithi_gen.compose.snippets import Snippets
from chithi_gen.document import Document
from chithi_gen.errors import ChithiError, LayoutError
from chithi_gen.kinds import DEFAULT_STEP, Kind, Registry
from chithi_gen.model import Campaign

ENTRY_POINT_GROUP = "chithi_gen.steps"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Job:
    """What a composing step works on.

    ``campaign`` and the ``kind`` whose step runs; ``registry`` every kind (a step may
    need the kind of a document it issues); ``snippets`` the clause-snippet library; for
    an issuing kind, ``documents`` are those it issues (already composed), else empty.
    """

    campaign: Campaign
    kind: Kind
    registry: Registry
    snippets: Snippets
    documents: tuple[Document, ...] = ()


ComposeStep = Callable[[Job], tuple[Document, ...]]


def _module(name: str) -> str:
    return "chithi_gen.compose.van_ban" if name == DEFAULT_STEP else f"chithi_gen.kinds.{name}"


def exists(name: str) -> bool:
    """Whether a step called ``name`` is installed (without importing it)."""
    if not _NAME.match(name):
        return False
    if importlib.util.find_spec(_module(name)) is not None:
        return True
    return any(ep.name == name for ep in entry_points(group=ENTRY_POINT_GROUP))


def _guarded(name: str, where: str, fn: ComposeStep) -> ComposeStep:
    """An installed package's step whose own failure is a :class:`LayoutError`."""

    def run(job: Job) -> tuple[Document, ...]:
        try:
            return fn(job)
        except ChithiError:
            raise
        except Exception as exc:  # a bug in a third-party package must not crash chithi
            raise LayoutError.single(
                f"bước soạn '{name}' của gói đã cài ({where}) bị lỗi: {type(exc).__name__}:"
                f" {str(exc)[:200]}",
                f"the composing step '{name}' of an installed package ({where}) failed:"
                f" {type(exc).__name__}: {str(exc)[:200]}",
                code="step-broken",
            ) from None

    return run


def step(name: str) -> ComposeStep:
    """The composing step called ``name``; :class:`LayoutError` if none is installed."""
    if _NAME.match(name) and importlib.util.find_spec(_module(name)) is not None:
        fn = getattr(importlib.import_module(_module(name)), "compose", None)
        if callable(fn):
            return cast(ComposeStep, fn)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name == name:
            try:
                obj = ep.load()
            except Exception as exc:  # a broken third-party package
                raise LayoutError.single(
                    f"không nạp được bước soạn '{name}' ({ep.value}): {type(exc).__name__}",
                    f"cannot load composing step '{name}' ({ep.value}): {type(exc).__name__}",
                    code="step-broken",
                ) from None
            if callable(obj):
                return _guarded(name, ep.value, cast(ComposeStep, obj))
    raise LayoutError.single(
        f"không có bước soạn '{name}' (buoc_soan)",
        f"no composing step named '{name}' (buoc_soan)",
        code="unknown-step",
    )
