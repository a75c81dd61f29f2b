"""LibreOffice as a subprocess that can fail, with a fake ``soffice`` on PATH: a timeout
ends the whole process group and removes the temporary profile, a crash has exit code 6,
the .docx written before a failed PDF step is reported, and ``--png --force`` removes
stale pages (issue 11, item 8)."""

from __future__ import annotations

import os
import shutil
import stat
import time
from pathlib import Path

import pytest

from chithi_gen.cli import main
from chithi_gen.errors import ConversionError
from chithi_gen.render import pdf
from support import EXAMPLES

CAMPAIGN = EXAMPLES / "chi-thi-ha-quang-2020.yaml"


def _fake(tmp_path: Path, body: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake ``soffice`` first on PATH; it records its arguments and pids in ``log``."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    log = tmp_path / "log"
    script = bindir / "soffice"
    script.write_text(
        "#!/bin/bash\n"
        f'LOG="{log}"\n'
        'for a in "$@"; do case "$a" in -env:UserInstallation=file://*)'
        ' echo "profile ${a#-env:UserInstallation=file://}" >> "$LOG";; esac; done\n'
        'echo "launcher $$" >> "$LOG"\n' + body
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    return log


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead but not yet reaped by its parent.
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except OSError:
        return False


HANG = (
    # soffice.bin outlives its launcher in real LibreOffice: a child that ignores SIGTERM.
    "(trap '' TERM; sleep 300) &\n"
    'echo "child $!" >> "$LOG"\n'
    'mkdir -p "$(grep profile "$LOG" | tail -1 | cut -d" " -f2)"\n'
    "trap '' TERM\n"
    "sleep 300\n"
)


def test_a_timeout_ends_the_whole_group_and_removes_the_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = _fake(tmp_path, HANG, monkeypatch)
    monkeypatch.setattr(pdf, "TIMEOUT", 2)
    monkeypatch.setattr(pdf, "PER_DOCUMENT", 0)
    start = time.monotonic()
    with pytest.raises(ConversionError) as exc:
        pdf.docx_to_pdf(b"PK fake docx")
    assert time.monotonic() - start < 20
    assert exc.value.exit_code == 6
    assert exc.value.problems[0].code == "conversion-timeout"
    entries = dict(line.split(" ", 1) for line in log.read_text().splitlines())
    deadline = time.monotonic() + 5
    pids = [int(entries["launcher"]), int(entries["child"])]
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in pids)
    profile = Path(entries["profile"])
    assert not profile.exists() and not profile.parent.exists()


def test_a_crash_is_exit_code_6_and_the_docx_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _fake(tmp_path, 'echo "Fatal exception: Signal 6" >&2\nkill -ABRT $$\n', monkeypatch)
    out = tmp_path / "ct.docx"
    code = main(["render", str(CAMPAIGN), "-o", str(out), "--pdf"])
    captured = capsys.readouterr()
    assert code == 6, captured.err
    assert out.read_bytes()[:2] == b"PK"
    assert f"written: {out}" in captured.out + captured.err
    assert "the .docx was written before the later step failed" in captured.err
    assert "Traceback" not in captured.err
    assert not (tmp_path / "ct.pdf").exists()


def test_no_pdf_written_is_exit_code_6(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _fake(tmp_path, "exit 0\n", monkeypatch)
    assert main(["render", str(CAMPAIGN), "-o", str(tmp_path / "ct.docx"), "--pdf"]) == 6
    assert "produced no PDF" in capsys.readouterr().err


def _pdf(pages: int) -> bytes:
    """A minimal valid PDF of ``pages`` empty A4 pages."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(f"{3 + i} 0 R".encode() for i in range(pages))
        + f"] /Count {pages} >>".encode(),
        *[b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>" for _ in range(pages)],
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


WRITE_PDF = (
    'outdir=""; prev=""; for a in "$@"; do [ "$prev" = "--outdir" ] && outdir="$a"; prev="$a";'
    ' done\nfor a in "$@"; do case "$a" in *.docx) b=$(basename "$a" .docx);'
    ' cp "$FAKE_PDF" "$outdir/$b.pdf";; esac; done\n'
)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_png_with_force_removes_stale_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _fake(tmp_path, WRITE_PDF, monkeypatch)
    fake_pdf = tmp_path / "two.pdf"
    fake_pdf.write_bytes(_pdf(2))
    monkeypatch.setenv("FAKE_PDF", str(fake_pdf))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for n in range(1, 6):  # an earlier, longer render
        (out_dir / f"ct-{n}.png").write_bytes(b"stale")
    (out_dir / "ct-notes.png").write_bytes(b"keep")
    (out_dir / "ct-9.png.bak").write_bytes(b"keep")
    out = out_dir / "ct.docx"
    assert main(["render", str(CAMPAIGN), "-o", str(out), "--png"]) == 4  # no --force
    assert (out_dir / "ct-5.png").read_bytes() == b"stale"
    out.unlink()
    assert main(["render", str(CAMPAIGN), "-o", str(out), "--png", "--force"]) == 0, (
        capsys.readouterr().err
    )
    pages = sorted(p.name for p in out_dir.glob("ct-*.png"))
    assert pages == ["ct-1.png", "ct-2.png", "ct-notes.png"]
    assert (out_dir / "ct-1.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (out_dir / "ct-9.png.bak").read_bytes() == b"keep"
