"""The wheel carries everything: built, installed into a fresh virtual environment and run
from another working directory, it renders the same bytes as this checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from chithi_gen import Renderer
from support import EXAMPLES, ROOT


def test_every_package_is_listed_in_pyproject() -> None:
    """pyproject.toml lists the packages (one of them lives outside src/): a new package
    must be added there, or the wheel would lack it."""
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(p.parent.relative_to(ROOT / "src").parts)
        for p in (ROOT / "src").rglob("__init__.py")
    }
    data = {  # folders of data files only, and the bundled template folder's
        ".".join(d.relative_to(ROOT / "src").parts)
        for d in (ROOT / "src" / "chithi_gen").rglob("*")
        if d.is_dir() and d.name != "__pycache__" and not (d / "__init__.py").exists()
    }
    templates = {
        "chithi_gen.templates." + ".".join(d.relative_to(ROOT / "templates").parts)
        for d in (ROOT / "templates").rglob("*")
        if d.is_dir() and d.name != "__pycache__" and any(f.is_file() for f in d.iterdir())
    }
    assert listed == found | data | templates | {"chithi_gen.templates"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    # Build from a copy, so no build/ or egg-info is left in the checkout.
    shutil.copytree(
        ROOT,
        build / "src-tree",
        ignore=shutil.ignore_patterns(".venv", ".git", "out", "*.egg-info", "build", "__pycache__"),
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), "."],
        cwd=build / "src-tree",
        check=True,
        capture_output=True,
    )
    [whl] = out.glob("chithi_gen-*.whl")
    return whl


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel; its dependencies come from this environment's
    site-packages (a .pth line), so nothing is downloaded."""
    env = tmp_path_factory.mktemp("venv")
    python = env / "bin" / "python"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
    where = "import sysconfig; print(sysconfig.get_path('purelib'))"
    found = subprocess.run([python, "-c", where], check=True, capture_output=True, text=True)
    purelib = Path(found.stdout.strip())
    (purelib / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    return env


@pytest.mark.slow
def test_the_wheel_holds_the_template_folder(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "chithi_gen/templates/kinds.yaml",
        "chithi_gen/templates/layouts/nd30/layout.docx",
        "chithi_gen/templates/layouts/nd30/manifest.yaml",
        "chithi_gen/templates/layouts/nd30/build.py",
        "chithi_gen/templates/snippets/ket_luan.j2",
        "chithi_gen/data/metrics.json",
        "chithi_gen/check/tnr_metrics.json",
        "chithi_gen/py.typed",
    ):
        assert name in names, name
    packages = {n.rsplit("/", 1)[0] for n in names if n.endswith("/__init__.py")}
    sources = {str(p.parent.relative_to(ROOT / "src")) for p in (ROOT / "src").rglob("__init__.py")}
    assert sources <= packages, sources - packages
    # every file of the package and of the bundled template folder, none forgotten
    shipped = {
        str(f.relative_to(ROOT / "src")) for f in (ROOT / "src" / "chithi_gen").rglob("*")
    } | {
        "chithi_gen/templates/" + str(f.relative_to(ROOT / "templates"))
        for f in (ROOT / "templates").rglob("*")
    }
    wanted = {n for n in shipped if "__pycache__" not in n and "." in n.rsplit("/", 1)[-1]}
    assert wanted <= names, sorted(wanted - names)


@pytest.mark.slow
def test_installed_wheel_renders_from_another_directory(venv: Path, tmp_path: Path) -> None:
    chithi = venv / "bin" / "chithi"
    campaign = EXAMPLES / "chuong-trinh-kem-quyet-dinh.yaml"
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = subprocess.run(
        [str(chithi), "render", str(campaign), "-o", "ket-qua.docx"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    renderer = Renderer(environ={})
    expected = renderer.render(renderer.read(campaign)).docx
    assert (work / "ket-qua.docx").read_bytes() == expected
    listing = subprocess.run(
        [str(chithi), "templates", "list"], cwd=work, env=env, capture_output=True, text=True
    )
    assert listing.returncode == 0, listing.stderr
    assert str(venv) in listing.stdout and "ROOT" not in listing.stdout
    assert str(ROOT / "templates") not in listing.stdout
    version = subprocess.run(
        [str(chithi), "--version"], cwd=work, env=env, capture_output=True, text=True
    )
    assert version.stdout.startswith("chithi 0.")


@pytest.mark.slow
def test_a_zipped_install_renders(wheel: Path, tmp_path: Path) -> None:
    """A wheel is a zip: imported straight from it (as from a zipped install), chithi_gen
    reads its templates, kinds, snippets, metrics and schema through importlib.resources."""
    campaign = EXAMPLES / "mau-chi-thi.yaml"
    code = (
        "import sys, chithi_gen\n"
        "assert '.whl' in chithi_gen.__file__, chithi_gen.__file__\n"
        "from chithi_gen import Renderer\n"
        "from chithi_gen.schema import bundled_schema_text\n"
        "r = Renderer(environ={})\n"
        f"out = r.render(r.read({str(campaign)!r}))\n"
        "assert r.snippets.names() and bundled_schema_text()\n"
        "sys.stdout.buffer.write(out.docx)\n"
    )
    env = {
        "PYTHONPATH": f"{wheel}{os.pathsep}{sysconfig.get_path('purelib')}",
        "HOME": str(tmp_path),
    }
    run = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            code.replace(
                "import sys,", "import sys; sys.path[:0] = " + repr([str(wheel)]) + "; import"
            ),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
    )
    assert run.returncode == 0, run.stderr.decode()
    renderer = Renderer(environ={})
    assert run.stdout == renderer.render(renderer.read(campaign)).docx


@pytest.mark.slow
def test_the_web_example_is_typed_against_the_installed_wheel(venv: Path) -> None:
    """An integrator's service type-checks with ``mypy --strict`` against the wheel alone
    (its ``py.typed``), not against this checkout's sources."""
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--python-executable",
            str(venv / "bin" / "python"),
            str(EXAMPLES / "web" / "app.py"),
        ],
        cwd=venv,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
