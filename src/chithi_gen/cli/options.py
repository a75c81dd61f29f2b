"""The options and the command registration shared by the commands of ``chithi``: one
wording of ``--templates``, ``--layout`` and ``--force`` wherever they appear."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

#: A command: the parsed arguments in, the exit code out.
Command = Callable[[argparse.Namespace], int]


def command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, fn: Command
) -> argparse.ArgumentParser:
    """Add the command ``name`` running ``fn``; its help is the first line of ``fn``'s
    docstring, its description the whole docstring."""
    doc = (fn.__doc__ or "").strip()
    p = sub.add_parser(name, help=doc.split("\n")[0], description=" ".join(doc.split()))
    p.set_defaults(run=fn)
    return p


def templates_option(p: argparse.ArgumentParser) -> None:
    """``-t/--templates DIR``, repeatable: user template folders."""
    p.add_argument(
        "-t",
        "--templates",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="thư mục mẫu của đơn vị (user template folder); lặp lại được; thêm các thư mục"
        " trong biến môi trường CHITHI_TEMPLATES",
    )


def layout_option(p: argparse.ArgumentParser) -> None:
    """``-l/--layout``: a layout by name or path."""
    p.add_argument(
        "-l", "--layout", metavar="LAYOUT", help="mẫu trình bày: tên hoặc đường dẫn (name or path)"
    )


def force_option(p: argparse.ArgumentParser) -> None:
    """``-f/--force``: overwrite an existing file."""
    p.add_argument("-f", "--force", action="store_true", help="ghi đè tệp đã có (overwrite)")
