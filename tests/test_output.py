"""Output never clobbers: only regular files are replaced (with --force), creation is
exclusive without it, and names up to the file system's limit work (issue 11, item 4)."""

from __future__ import annotations

import multiprocessing
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from chithi_gen.cli import main
from chithi_gen.errors import OutputError
from chithi_gen.output import EXISTS, write_atomic
from support import EXAMPLES

CAMPAIGN = EXAMPLES / "chi-thi-ha-quang-2020.yaml"


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".chithi-")]


@pytest.mark.parametrize("force", [False, True])
def test_a_fifo_is_never_replaced(tmp_path: Path, force: bool) -> None:
    fifo = tmp_path / "out.docx"
    os.mkfifo(fifo)
    with pytest.raises(OutputError) as exc:
        write_atomic(fifo, b"data", force=force)
    assert exc.value.problems[0].code == "output-not-regular"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="only root could replace /dev/null")
def test_dev_null_as_root_is_never_replaced() -> None:
    before = os.lstat("/dev/null")
    with pytest.raises(OutputError) as exc:
        write_atomic("/dev/null", b"data", force=True)
    assert exc.value.problems[0].code == "output-not-regular"
    after = os.lstat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert not [p for p in os.listdir("/dev") if p.startswith(".chithi-")]


def test_a_folder_is_never_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "out.docx"
    folder.mkdir()
    (folder / "inside").write_text("x")
    with pytest.raises(OutputError, match="folder"):
        write_atomic(folder, b"data", force=True)
    assert (folder / "inside").read_text() == "x"


@pytest.mark.parametrize("dangling", [False, True])
def test_a_symlink_is_never_followed_or_replaced(tmp_path: Path, dangling: bool) -> None:
    real = tmp_path / "real.txt"
    if not dangling:
        real.write_text("precious")
    link = tmp_path / "out.docx"
    link.symlink_to(real)
    with pytest.raises(OutputError, match="symbolic link"):
        write_atomic(link, b"data", force=True)
    assert link.is_symlink()
    assert real.read_text() == "precious" if not dangling else not real.exists()


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    with pytest.raises(OutputError) as exc:
        write_atomic(target, b"new")
    assert exc.value.problems[0].code == EXISTS
    assert target.read_bytes() == b"old"
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert _leftovers(tmp_path) == []


def test_the_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError):
        write_atomic(tmp_path / "file" / "out.docx", b"data")


def _write(args: tuple[str, bytes, multiprocessing.synchronize.Barrier]) -> str:
    path, data, barrier = args
    barrier.wait()
    try:
        write_atomic(path, data)
    except OutputError as exc:
        return exc.problems[0].code
    return "written"


def _run(path: str, data: bytes, barrier: object, results: object) -> None:
    results.put((_write((path, data, barrier)), data[:1]))  # type: ignore[attr-defined]


def test_eight_concurrent_writers_one_winner(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    for _ in range(5):  # several rounds: the race must never be won twice
        target.unlink(missing_ok=True)
        ctx = multiprocessing.get_context("fork")
        barrier = ctx.Barrier(8)
        procs = []
        results = ctx.Queue()
        for i in range(8):
            data = bytes([i]) * 200_000

            p = ctx.Process(target=_run, args=(str(target), data, barrier, results))
            p.start()
            procs.append(p)
        for p in procs:
            p.join(30)
        outcomes = [results.get(timeout=5) for _ in range(8)]
        winners = [first for code, first in outcomes if code == "written"]
        assert len(winners) == 1, outcomes
        assert sorted(code for code, _ in outcomes)[:-1] == [EXISTS] * 7
        assert target.read_bytes() == winners[0] * 200_000
        assert _leftovers(tmp_path) == []


@pytest.mark.slow
def test_eight_concurrent_cli_renders_one_written(tmp_path: Path) -> None:
    chithi = Path(sys.executable).parent / "chithi"
    out = tmp_path / "out.docx"
    procs = [
        subprocess.Popen(
            [chithi, "render", str(CAMPAIGN), "-o", str(out)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(8)
    ]
    results = [(p.wait(120), p.stdout.read() if p.stdout else b"") for p in procs]
    written = [code for code, stdout in results if b"written" in stdout]
    assert written == [0]
    assert sorted(code for code, _ in results) == [0] + [4] * 7
    assert out.read_bytes()[:2] == b"PK"


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


@pytest.mark.parametrize("letter", ["a", "ệ"])  # 1 and 3 bytes in UTF-8
def test_names_up_to_the_file_system_limit(tmp_path: Path, letter: str) -> None:
    limit = _name_max(tmp_path)
    size = len(letter.encode())
    stem = letter * ((limit - len(".docx")) // size)
    target = tmp_path / (stem + ".docx")
    assert len(target.name.encode()) <= limit
    write_atomic(target, b"data")
    assert target.read_bytes() == b"data"
    too_long = tmp_path / (stem + letter + ".docx")
    assert len(too_long.name.encode()) > limit
    with pytest.raises(OutputError, match="too long"):
        write_atomic(too_long, b"data")
    assert _leftovers(tmp_path) == []


def test_cli_refuses_a_fifo_with_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "out.docx"
    os.mkfifo(fifo)
    assert main(["render", str(CAMPAIGN), "-o", str(fifo), "--force"]) == 4
    err = capsys.readouterr().err
    assert "not a regular file" in err and "Traceback" not in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
