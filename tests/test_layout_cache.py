"""Compiled layouts kept on disk (render/cache.py): the same bytes from a kept entry as from
a fresh compile, an entry never serves another layout, a broken entry is ignored, and a
warm ``chithi render`` loads neither docxtpl nor python-docx nor lxml."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from chithi_gen import Renderer
from chithi_gen.errors import LayoutError
from chithi_gen.render import cache
from chithi_gen.render.docx import CompiledLayout
from chithi_gen.render.package import read_package, write_package
from support import EXAMPLES, ROOT, bundled_layout_bytes

EX = EXAMPLES / "chi-thi-ha-quang-2021.yaml"


def _docs() -> tuple[object, ...]:
    r = Renderer()
    return r.prepare(r.read(EX)).documents


def test_kept_entry_renders_the_same_bytes(tmp_path: Path) -> None:
    where = tmp_path / "c"
    data = bundled_layout_bytes("nd30")
    docs = _docs()
    fresh = CompiledLayout(data, "nd30", sandboxed=False, cache_dir=where)
    entries = list(where.glob("*.layout"))
    assert len(entries) == 1
    assert entries[0].stat().st_mode & 0o777 == 0o600 and where.stat().st_mode & 0o077 == 0
    kept = CompiledLayout(data, "nd30", sandboxed=False, cache_dir=where)
    assert kept.render(docs) == fresh.render(docs)  # type: ignore[arg-type]
    assert kept.geometry == fresh.geometry
    # sandboxed or not, another entry
    CompiledLayout(data, "nd30", sandboxed=True, cache_dir=where)
    assert len(list(where.glob("*.layout"))) == 2


def test_a_broken_entry_is_ignored(tmp_path: Path) -> None:
    data = bundled_layout_bytes("nd30")
    docs = _docs()
    ref = CompiledLayout(data, "nd30", sandboxed=False, cache_dir=tmp_path).render(docs)  # type: ignore[arg-type]
    [entry] = tmp_path.glob("*.layout")
    for junk in (b"", b"not marshal", entry.read_bytes()[:100]):
        entry.write_bytes(junk)
        again = CompiledLayout(data, "nd30", sandboxed=False, cache_dir=tmp_path)
        assert again.render(docs) == ref  # type: ignore[arg-type]


def test_the_library_caches_nothing_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Renderer without cache_dir writes no cache, whatever the environment says."""
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "env"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    Renderer().render(Renderer().read(EX))
    assert not any(tmp_path.rglob("*.layout"))
    Renderer(cache_dir=tmp_path / "asked").render(Renderer().read(EX))
    assert len(list((tmp_path / "asked").glob("*.layout"))) == 1


def test_a_folder_others_may_write_is_not_trusted(tmp_path: Path) -> None:
    """An entry is code that runs: from a group- or world-writable folder (or file) it is
    neither read nor written."""
    data = bundled_layout_bytes("nd30")
    docs = _docs()
    ref = CompiledLayout(data, "nd30", sandboxed=False).render(docs)  # type: ignore[arg-type]
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    CompiledLayout(data, "nd30", sandboxed=False, cache_dir=shared)
    assert not list(shared.glob("*.layout"))  # not written there
    own = tmp_path / "own"
    CompiledLayout(data, "nd30", sandboxed=False, cache_dir=own)
    [entry] = own.glob("*.layout")
    entry.write_bytes(b"\x00" * 10)  # what a tampered entry would look like…
    entry.chmod(0o666)  # … written by someone else
    assert cache.load(own, entry.stem) is None
    own.chmod(0o777)
    entry.chmod(0o600)
    assert cache.load(own, entry.stem) is None
    again = CompiledLayout(data, "nd30", sandboxed=False, cache_dir=own)
    assert again.render(docs) == ref  # type: ignore[arg-type]


def test_default_folder_and_off(tmp_path: Path) -> None:
    assert cache.default_folder({cache.ENV_VAR: "0"}) is None
    assert cache.default_folder({cache.ENV_VAR: "off"}) is None
    assert cache.default_folder({cache.ENV_VAR: str(tmp_path)}) == tmp_path
    assert cache.default_folder({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "chithi_gen"
    # a folder that cannot be made: no error, compiled as if there were no cache
    (tmp_path / "not").write_text("a file where the folder should be")
    CompiledLayout(
        bundled_layout_bytes("nd30"), "nd30", sandboxed=False, cache_dir=tmp_path / "not" / "x"
    )


def _with_document(xml_edit: tuple[str, str]) -> bytes:
    parts = read_package(bundled_layout_bytes("nd30"))
    doc = parts["word/document.xml"].decode()
    assert xml_edit[0] in doc
    parts["word/document.xml"] = doc.replace(*xml_edit, 1).encode()
    return write_package(parts)


@pytest.mark.parametrize(
    "edit",
    [
        ("{{ vb.ten_loai }}", "{{ vb.ten_loai }}{{ '&lt;w:b&gt;'|safe }}"),
        ("{{ vb.ten_loai }}", "{{ vb.ten_loai }}{{ '&lt;/w:t&gt;&lt;x:b/&gt;&lt;w:t&gt;'|safe }}"),
    ],
    ids=["unbalanced", "unbound-prefix"],
)
def test_a_layout_producing_broken_xml_is_refused(edit: tuple[str, str], tmp_path: Path) -> None:
    layout = CompiledLayout(_with_document(edit), "hong", cache_dir=tmp_path)
    with pytest.raises(LayoutError) as exc:
        layout.render(_docs())  # type: ignore[arg-type]
    [p] = exc.value.problems
    assert p.code == "layout-xml" and p.part == "word/document.xml"
    assert "XML hỏng" in p.message_vi and "invalid XML" in p.message_en


def test_warm_render_loads_no_compiler(tmp_path: Path) -> None:
    """The second ``chithi render`` takes the compiled layout from the cache: it imports
    neither docxtpl, python-docx nor lxml (nor ruamel: the file has no error)."""
    env_code = (
        "import sys, json, os; from chithi_gen.cli import main;"
        f" code = main(['render', {str(EX)!r}, '-o', {str(tmp_path / 'a.docx')!r}, '--force']);"
        " print(json.dumps([code, sorted(m for m in sys.modules"
        " if m.split('.')[0] in ('docxtpl', 'docx', 'lxml', 'ruamel'))]))"
    )
    env = {"CHITHI_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    outs = []
    for _ in range(2):
        proc = subprocess.run(
            [sys.executable, "-c", env_code], capture_output=True, text=True, cwd=ROOT, env=env
        )
        assert proc.returncode == 0, proc.stderr
        outs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    assert outs[0][0] == 0 and "docxtpl" in outs[0][1]
    assert outs[1] == [0, []]
    with zipfile.ZipFile(io.BytesIO((tmp_path / "a.docx").read_bytes())) as zf:
        assert zf.testzip() is None
