"""What the command line prints and the exit codes it returns, in one place.

Library messages say what is wrong; only here are command-line flags named ("dùng
--force để ghi đè"), by the stable :attr:`~chithi_gen.errors.Problem.code` of a problem.
Text from user data is printed with control characters escaped, so a table cell or a
YAML key can never move the cursor or recolour the terminal.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import Any

from chithi_gen.errors import ChithiError, Problem

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
#: The reader of standard output went away (``| head``), as for a program killed by SIGPIPE.
EXIT_BROKEN_PIPE = 141

#: Hints the command line adds to a problem, by problem code: (vi, en).
FLAG_HINTS: dict[str, tuple[str, str]] = {
    "output-exists": ("dùng --force để ghi đè", "use --force to overwrite"),
    "templates-missing": ("kiểm tra đường dẫn sau --templates", "check the path after --templates"),
}


def visible(text: str) -> str:
    """``text`` with control characters shown as ``\\u001b`` (newlines kept)."""
    return "".join(
        c if c == "\n" or c.isprintable() or c == "\t" else f"\\u{ord(c):04x}" for c in text
    )


def echo(text: str, *, err: bool = False) -> None:
    """Print one message (escaped) to standard output or standard error."""
    stream = sys.stderr if err else sys.stdout
    print(visible(text), file=stream, flush=True)


def with_hint(problem: Problem) -> Problem:
    """``problem`` with the command-line hint of its code appended, if it has one."""
    hint = FLAG_HINTS.get(problem.code)
    if hint is None:
        return problem
    return dataclasses.replace(
        problem,
        message_vi=f"{problem.message_vi}; {hint[0]}",
        message_en=f"{problem.message_en}; {hint[1]}",
    )


def format_problems(exc: ChithiError) -> str:
    """Every problem of ``exc``, one per line, with command-line hints."""
    return "\n".join(with_hint(p).format(exc.source) for p in exc.problems)


def report(exc: ChithiError) -> int:
    """Print ``exc`` on standard error and return its exit code."""
    echo(format_problems(exc), err=True)
    n = len(exc.problems)
    if exc.exit_code == 2 and n:
        echo(f"=> {n} lỗi / {n} error(s)", err=True)
    return exc.exit_code


def warn(problems: list[Problem] | tuple[Problem, ...], source: str | None = None) -> None:
    """Print warnings on standard error."""
    for problem in problems:
        echo(f"Cảnh báo / warning: {with_hint(problem).format(source)}", err=True)


class Parser(argparse.ArgumentParser):
    """argparse, with what it prints (usage errors quote the user's arguments) escaped."""

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            super()._print_message(visible(message), file)
