"""The shape of the code: imports go one way along the pipeline, no cycles, small modules,
and a checker that stands alone."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from support import EXAMPLES, ROOT

SRC = ROOT / "src" / "chithi_gen"

#: The pipeline's stages in order; a module may import its own stage and earlier ones.
#: (load → validate → compose → render → write, with the shared basics first and the
#: assembly and the side features last.)
STAGES: list[tuple[str, tuple[str, ...]]] = [
    (
        "basics",
        (
            "chithi_gen.errors",
            "chithi_gen.vi",
            "chithi_gen.inline",
            "chithi_gen.document",
            "chithi_gen.numbering",
            "chithi_gen.jinja",
            "chithi_gen.reference",
        ),
    ),
    ("load", ("chithi_gen.source",)),
    ("validate", ("chithi_gen.model", "chithi_gen.validate")),
    ("compose", ("chithi_gen.kinds", "chithi_gen.compose")),
    ("render", ("chithi_gen.render",)),
    ("write", ("chithi_gen.output",)),
    (
        "assemble",
        ("chithi_gen.lookup", "chithi_gen.preflight", "chithi_gen.api", "chithi_gen.schema"),
    ),
    (
        "side",
        ("chithi_gen.batch", "chithi_gen.revisions", "chithi_gen.importer", "chithi_gen.cli"),
    ),
]
#: Modules outside the pipeline: the checker depends on nothing but itself and errors.
STANDALONE = ("chithi_gen.check",)
#: Longest module accepted (lines).
MAX_LINES = 500


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in SRC.rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """chithi_gen modules imported by the module ``name`` (outside TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            skip |= {id(n) for n in ast.walk(node)}
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("chithi_gen")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            if not base.startswith("chithi_gen"):
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in known else base)
    return {m for m in found if m in known and m != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(path, name, known) for name, path in modules.items()}


def _stage(module: str) -> int | None:
    for i, (_, prefixes) in enumerate(STAGES):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return i
    return None


def test_every_module_has_a_stage() -> None:
    unplaced = [
        m
        for m in _modules()
        if m != "chithi_gen"
        and _stage(m) is None
        and not any(m == s or m.startswith(s + ".") for s in STANDALONE)
    ]
    assert unplaced == []


def test_imports_go_one_way_along_the_pipeline() -> None:
    backwards = []
    for module, deps in _graph().items():
        here = _stage(module)
        if here is None:
            continue
        for dep in deps:
            there = _stage(dep)
            if there is not None and there > here:
                backwards.append(f"{module} → {dep} ({STAGES[here][0]} → {STAGES[there][0]})")
    assert backwards == []


def test_no_import_cycle() -> None:
    graph = _graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                cycles.append([*stack[stack.index(dep) :], dep])
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert cycles == []


def test_the_checker_imports_only_itself_and_errors() -> None:
    outside = [
        f"{module} → {dep}"
        for module, deps in _graph().items()
        if module.startswith("chithi_gen.check")
        for dep in deps
        if not dep.startswith("chithi_gen.check") and dep != "chithi_gen.errors"
    ]
    assert outside == []


def test_modules_are_small() -> None:
    big = {
        name: n
        for name, path in _modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert big == {}


def _loaded_after(code: str) -> list[str]:
    """Modules of chithi_gen and of the heavy libraries loaded by ``code`` in a fresh
    interpreter."""
    probe = (
        f"{code}\nimport sys\n"
        "heavy = ('chithi_gen', 'pydantic', 'docxtpl', 'jinja2', 'docx', 'ruamel', 'babel')\n"
        "names = sorted(m for m in sys.modules if m.split('.')[0] in heavy)\n"
        "print('\\n'.join(names), file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    ).stderr
    return [line for line in out.splitlines() if line]


def _generator(modules: list[str]) -> list[str]:
    return [
        m
        for m in modules
        if m != "chithi_gen"
        and not m.startswith(("chithi_gen.check", "chithi_gen.cli"))
        and m != "chithi_gen.errors"
    ]


def test_importing_the_checker_loads_no_generator() -> None:
    assert _generator(_loaded_after("import chithi_gen.check")) == []


@pytest.mark.parametrize("fmt", [[], ["--json"]])
def test_chithi_check_loads_no_generator(fmt: list[str], tmp_path: Path) -> None:
    from chithi_gen import Renderer

    docx = tmp_path / "x.docx"
    renderer = Renderer(environ={})
    docx.write_bytes(renderer.render(renderer.read(EXAMPLES / "mau-chi-thi.yaml")).docx)
    code = (
        "from chithi_gen.cli import main\n"
        f"code = main(['check', {str(docx)!r}, *{fmt!r}])\n"
        "assert code in (0, 1), code"
    )
    assert _generator(_loaded_after(code)) == []


def test_import_chithi_gen_is_light() -> None:
    assert _loaded_after("import chithi_gen") == ["chithi_gen"]


def test_no_merge_conflict_markers_are_left() -> None:
    markers = ("<" * 7 + " ", "=" * 7 + "\n", ">" * 7 + " ")
    left = []
    for folder in ("src", "tests", "docs", "examples", "templates", "schema", "scripts"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".md", ".yaml", ".yml", ".json", ".j2", ".txt", ".rst"):
                text = path.read_text(encoding="utf-8", errors="replace")
                if any(f"\n{m}" in f"\n{text}" for m in markers):
                    left.append(str(path.relative_to(ROOT)))
    assert left == []
