"""No process-wide side effects: nothing read from the environment at import, the umask
never touched, no library message naming a command-line flag."""

from __future__ import annotations

import ast
import copy
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from chithi_gen import Renderer
from support import MINIMAL, ROOT


def test_import_reads_no_environment_variable() -> None:
    """CHITHI_TEMPLATES pointing nowhere is an error when a Renderer is made, not at import."""
    code = (
        "import chithi_gen, chithi_gen.api, chithi_gen.batch, chithi_gen.lookup\n"
        "from chithi_gen import Renderer\n"
        "try:\n    Renderer()\nexcept chithi_gen.LayoutError:\n    print('at Renderer()')\n"
    )
    env = {**os.environ, "CHITHI_TEMPLATES": "/khong/co/thu/muc"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "at Renderer()"


def test_the_umask_is_never_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no(_: int) -> int:
        raise AssertionError("os.umask was called")

    monkeypatch.setattr(os, "umask", no)
    target = tmp_path / "x.docx"
    Renderer(environ={}).write_docx(copy.deepcopy(MINIMAL), target)
    monkeypatch.undo()
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_library_messages_name_no_command_line_flag() -> None:
    """Flags belong to the command line (cli/messages.py adds them by problem code);
    docstrings and LibreOffice's own options (render/pdf.py) aside."""
    flag = re.compile(r"(?<![\w-])--[a-z][a-z-]+")
    found = []
    for path in (ROOT / "src" / "chithi_gen").rglob("*.py"):
        if "cli" in path.parts or "check" in path.parts or path.name == "pdf.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
        found += [
            f"{path.name}: {node.value[:60]}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docs
            and flag.search(node.value)
        ]
    assert found == []
