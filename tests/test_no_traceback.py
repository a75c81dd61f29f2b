"""No input of any kind produces a traceback: the cases of issue 11 (item 9), each
through the command line, end in a bilingual error with its own exit code."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chithi_gen.cli import main
from fuzzing import time_limit
from support import DATA, EXAMPLES

GOOD = (EXAMPLES / "chi-thi-ha-quang-2020.yaml").read_text(encoding="utf-8")


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    captured = capsys.readouterr()
    err = captured.err
    assert "Traceback" not in err and "internal error" not in err, err
    return code, err


def _campaign(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    return path


KE_THUA = {
    "nul": '"a\\0b.yaml"',
    "tilde-user": "~nobody/chung.yaml",
    "tilde-unknown": "~khong_co_ai_ten_nay/chung.yaml",
    "long-name": "a" * 5000 + ".yaml",
    "long-path": "/".join(["d" * 200] * 30) + ".yaml",
    "loop": "loop1.yaml",
    "folder": ".",
    "dev-zero": "/dev/zero",
    "etc-shadow": "/etc/shadow",
}


@pytest.mark.parametrize("parent", KE_THUA.values(), ids=KE_THUA.keys())
def test_bad_ke_thua(tmp_path: Path, parent: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "loop1.yaml").symlink_to(tmp_path / "loop2.yaml")
    (tmp_path / "loop2.yaml").symlink_to(tmp_path / "loop1.yaml")
    path = _campaign(tmp_path, f"ke_thua: {parent}\n" + GOOD)
    code, err = _run(["validate", str(path)], capsys)
    assert code == 2
    assert "root:" not in err  # never echo a parent's content
    assert len(err) < 2000


@pytest.mark.parametrize("so", ["9" * 5000, '"' + "9" * 5000 + '"', "1e999999", "-0", "0x1F"])
def test_absurd_so(tmp_path: Path, so: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = _campaign(tmp_path, GOOD.replace("so: 5 ", f"so: {so} ", 1))
    code, err = _run(["validate", str(path)], capsys)
    assert code in (0, 2)
    if code:
        assert "`so`" in err


@pytest.mark.parametrize("last", ['"****"', '"**"', '"^[]"', '"[[]]"', '"** **"', '"./."'])
def test_markup_only_last_paragraph(
    tmp_path: Path, last: str, capsys: pytest.CaptureFixture[str]
) -> None:
    i = GOOD.index("nguoi_ky:")
    path = _campaign(tmp_path, GOOD[:i] + f"  - {last}\n" + GOOD[i:])
    code, _ = _run(["render", str(path), "-o", str(tmp_path / "o.docx")], capsys)
    assert code in (0, 2)


def _package(tmp_path: Path, entry_points: str, module: str) -> Path:
    """An installed package (a .dist-info folder and a module) on a new sys.path entry."""
    site = tmp_path / "site"
    info = site / "boom_pkg-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: boom-pkg\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(entry_points)
    (site / "boommod.py").write_text(module)
    return site


BOOM = """
from chithi_gen.kinds import Kind

def compose(job):
    raise RuntimeError("bug in a plugin")

def kinds():
    raise KeyError("bug in a plugin")

def folder():
    raise ValueError("bug in a plugin")

def kind():
    return Kind("bao_cao_boom", "Báo cáo", "BC", buoc_soan="boom")
"""


@pytest.mark.parametrize(
    ("group", "command"),
    [
        (
            "[chithi_gen.steps]\nboom = boommod:compose\n[chithi_gen.kinds]\nk = boommod:kind\n",
            "render",
        ),
        ("[chithi_gen.kinds]\nk = boommod:kinds\n", "validate"),
        ("[chithi_gen.templates]\nt = boommod:folder\n", "validate"),
        ("[chithi_gen.templates]\nt = boommod:not_there\n", "templates"),
        ("[chithi_gen.kinds]\nk = no_such_module:x\n", "validate"),
    ],
    ids=["step", "kinds", "templates", "missing-attribute", "missing-module"],
)
def test_an_entry_point_that_raises(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    group: str,
    command: str,
) -> None:
    monkeypatch.syspath_prepend(str(_package(tmp_path, group, BOOM)))
    text = GOOD.replace("loai: chi_thi", "loai: bao_cao_boom") if "steps" in group else GOOD
    path = _campaign(tmp_path, text)
    args = {
        "render": ["render", str(path), "-o", str(tmp_path / "o.docx")],
        "validate": ["validate", str(path)],
        "templates": ["templates", "list"],
    }[command]
    code, err = _run(args, capsys)
    assert code == 3, err
    assert "gói đã cài" in err and "installed package" in err


@pytest.mark.parametrize(
    "args",
    [
        ["render"],
        ["render", "/dev/zero"],
        ["render", "/"],
        ["render", "\udcff.yaml"],
        ["render", "x.yaml", "-o", "/proc/version"],
        ["batch", "x.yaml", "y.csv"],
        ["batch", "x.yaml", "y.csv", "-o", "o", "-j", "abc"],
        ["templates", "lint", "/dev/null"],
        ["templates", "lint", "khong-co"],
        ["--khong-co"],
    ],
)
def test_odd_command_lines(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = _run(args, capsys)
    assert code in (2, 3, 4)


#: A name longer than any file system allows (ENAMETOOLONG: Path.is_dir() raises).
LONG = "a" * 300
MAU = str(EXAMPLES / "mau-chi-thi.yaml")
TABLE = str(EXAMPLES / "batch" / "cac-xa.csv")


@pytest.mark.parametrize(
    "args",
    [
        ["render", MAU, "-t", LONG],  # found by the 10,000-example fuzz profile
        ["render", MAU, "-l", LONG],
        ["render", MAU, "-l", f"{LONG}/x"],
        ["render", MAU, "-o", f"{LONG}.docx"],
        ["templates", "list", "-t", LONG],
        ["templates", "lint", LONG],
        ["templates", "lint", f"{LONG}/x"],
        ["batch", MAU, TABLE, "-o", LONG],
        ["import", f"{LONG}.docx", "-o", "x.yaml"],
        ["check", f"{LONG}.docx"],
        # a NUL byte, which no file system takes (the fuzz profile found `check \0`; a
        # batch to such a folder used to hang)
        ["check", "\x00"],
        ["render", MAU, "-o", "\x00"],
        ["batch", MAU, TABLE, "-o", "o\x00"],
        ["import", str(DATA / "import" / "chi-thi-go-tay.docx"), "-o", "\x00"],
        ["diff", MAU, MAU, "-o", "\x00"],
        ["schema", "-o", "\x00"],
    ],
    ids=lambda a: " ".join(x if x != LONG else "LONG" for x in a).replace("\x00", "NUL")[:40],
)
def test_names_too_long_for_the_system(
    args: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    with time_limit(120):
        code, err = _run(args, capsys)
    assert code in (2, 3, 4), err
    assert "Traceback" not in err


def test_campaign_that_is_a_fifo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "c.yaml"
    os.mkfifo(fifo)
    code, err = _run(["validate", str(fifo)], capsys)
    assert code == 2 and "not a regular file" in err
