"""One pipeline: every path — ``chithi render``, ``chithi batch``, ``render_batch`` in this
process or in workers, template folders by ``-t`` or by ``CHITHI_TEMPLATES`` — gives the
same bytes for every example."""

from __future__ import annotations

import concurrent.futures as cf
from pathlib import Path

import pytest

from chithi_gen import Renderer, render_batch
from chithi_gen.cli import main
from chithi_gen.lookup import ENV_VAR
from support import EXAMPLES, bundled_layout_bytes

#: (campaign file, its template folder or None).
CASES = [
    (p, None) for p in [*sorted(EXAMPLES.glob("*.yaml")), *sorted(EXAMPLES.glob("mau-dang/*.yaml"))]
] + [
    (EXAMPLES / "mau-don-vi" / "phuong-an-phong-chong-thien-tai.yaml", EXAMPLES / "mau-don-vi"),
    (EXAMPLES / "batch" / "chi-thi-cac-xa-2026.yaml", None),
]


@pytest.fixture(scope="module")
def pool() -> cf.Executor:
    with cf.ProcessPoolExecutor(max_workers=2) as executor:
        yield executor


@pytest.mark.parametrize(("campaign", "folder"), CASES, ids=lambda x: getattr(x, "name", "-"))
def test_every_path_gives_the_same_bytes(
    campaign: Path,
    folder: Path | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    pool: cf.Executor,
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    flags = ["-t", str(folder)] if folder else []
    dirs = [folder] if folder else []
    table = tmp_path / "mot-dong.yaml"
    table.write_text("- ten_tep: ket-qua.docx\n", encoding="utf-8")
    outputs: dict[str, bytes] = {}

    # The Python API, and render_batch in this process and in worker processes.
    outputs["api"] = Renderer(dirs).render(Renderer(dirs).read(campaign)).docx
    report = render_batch(campaign, table, tmp_path / "rb", template_dirs=dirs, max_workers=1)
    assert report.failed == [], report.error_lines()
    outputs["render_batch"] = (tmp_path / "rb" / "ket-qua.docx").read_bytes()
    report = render_batch(campaign, table, tmp_path / "rbp", template_dirs=dirs, executor=pool)
    assert report.failed == [], report.error_lines()
    outputs["render_batch, workers"] = (tmp_path / "rbp" / "ket-qua.docx").read_bytes()

    # The command line, with -t.
    assert main(["render", str(campaign), "-o", str(tmp_path / "r.docx"), *flags]) == 0
    outputs["chithi render -t"] = (tmp_path / "r.docx").read_bytes()
    assert main(["batch", str(campaign), str(table), "-o", str(tmp_path / "b"), *flags]) == 0
    outputs["chithi batch -t"] = (tmp_path / "b" / "ket-qua.docx").read_bytes()

    # The command line and the workers, with the folder in the environment.
    if folder:
        monkeypatch.setenv(ENV_VAR, str(folder))
        assert main(["render", str(campaign), "-o", str(tmp_path / "re.docx")]) == 0
        outputs["chithi render, env"] = (tmp_path / "re.docx").read_bytes()
        assert main(["batch", str(campaign), str(table), "-o", str(tmp_path / "be")]) == 0
        outputs["chithi batch, env"] = (tmp_path / "be" / "ket-qua.docx").read_bytes()
        report = render_batch(campaign, table, tmp_path / "rbe", executor=pool)
        assert report.failed == [], report.error_lines()
        outputs["render_batch, workers, env"] = (tmp_path / "rbe" / "ket-qua.docx").read_bytes()

    reference = outputs["api"]
    assert reference[:2] == b"PK"
    assert {name for name, data in outputs.items() if data != reference} == set()


def test_an_organisations_own_nd30_layout_is_used_by_every_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pool: cf.Executor
) -> None:
    """A template folder's layouts/nd30 shadows the bundled one in render and batch alike
    (it used to be ignored by batch)."""
    from chithi_gen.render.package import read_package, write_package

    parts = read_package(bundled_layout_bytes("nd30"))
    xml = parts["word/document.xml"].decode()
    mark = "<w:body>"
    own_line = "<w:p><w:r><w:t>Bản trình bày của đơn vị</w:t></w:r></w:p>"
    parts["word/document.xml"] = xml.replace(mark, mark + own_line, 1).encode()
    org = tmp_path / "org"
    (org / "layouts" / "nd30").mkdir(parents=True)
    (org / "layouts" / "nd30" / "layout.docx").write_bytes(write_package(parts))
    campaign = EXAMPLES / "chi-thi-ha-quang-2020.yaml"
    bundled = Renderer(environ={}).render(Renderer(environ={}).read(campaign)).docx
    monkeypatch.setenv(ENV_VAR, str(org))
    own = Renderer().render(Renderer().read(campaign)).docx
    assert own != bundled
    table = tmp_path / "t.yaml"
    table.write_text("- ten_tep: x.docx\n", encoding="utf-8")
    report = render_batch(campaign, table, tmp_path / "out", executor=pool)
    assert report.failed == []
    assert (tmp_path / "out" / "x.docx").read_bytes() == own
