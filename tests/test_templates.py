"""Template authoring: layouts as files, lookup order, kinds.yaml, snippets, lint, sandbox."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from jinja2.sandbox import SandboxedEnvironment

from chithi_gen import Campaign, CampaignError, LayoutError, Renderer
from chithi_gen.cli import main
from chithi_gen.lookup import ENV_VAR, TemplateSet
from chithi_gen.render.lint import lint_layout
from chithi_gen.render.package import read_package, write_package
from support import EXAMPLES, ROOT, bundled_layout_bytes

ORG = EXAMPLES / "mau-don-vi"
PHUONG_AN = ORG / "phuong-an-phong-chong-thien-tai.yaml"


def _built_by(script: Path) -> bytes:
    """What an example's ``tao_mau.py`` builds (run as the template author would)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"tao_mau_{script.parent.name}", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data: bytes = module.build()
    return data


def test_worked_example_layout_is_reproducible() -> None:
    assert (
        _built_by(ORG / "tao_mau.py")
        == (ORG / "layouts" / "phuong-an" / "layout.docx").read_bytes()
    )


def test_new_kind_and_layout_from_a_user_folder() -> None:
    renderer = Renderer([ORG])
    campaign = renderer.load(PHUONG_AN)
    doc = Document(io.BytesIO(renderer.render_docx(campaign)))
    assert doc.tables[0].cell(1, 0).text == "Số: 07/PA-UBND"
    texts = [p.text for p in doc.paragraphs if p.text]
    assert texts[:3] == [
        "PHƯƠNG ÁN",
        "Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026",
        "Phạm vi áp dụng: các thôn, xóm thuộc xã Hà Quảng",
    ]
    assert "II. TÌNH HUỐNG VÀ PHƯƠNG CHÂM ỨNG PHÓ" in texts
    styles = {s.style_id: s for s in doc.styles}
    assert styles["NoiDung"].font.size.pt == 13
    assert styles["HoTen"].paragraph_format.space_before.pt == 100
    # The organisation's own wording replaced the bundled snippet.
    assert any("điện thoại 0206 3870 000" in t for t in texts)


def test_user_layouts_render_in_the_sandbox() -> None:
    renderer = Renderer([ORG])
    assert isinstance(renderer.layout("phuong-an")._env, SandboxedEnvironment)
    assert renderer.layout("nd30")._env.__class__.__name__ == "Environment"


def test_kind_unknown_without_the_folder() -> None:
    with pytest.raises(CampaignError, match="phuong_an"):
        Renderer([]).load(PHUONG_AN)


def test_lookup_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A path wins, then --templates folders, then CHITHI_TEMPLATES, then bundled."""
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert TemplateSet().find_layout("nd30").origin == "bundled"
    shadow = tmp_path / "org" / "layouts" / "nd30"
    shadow.mkdir(parents=True)
    (shadow / "layout.docx").write_bytes(bundled_layout_bytes("nd30"))
    assert TemplateSet([tmp_path / "org"]).find_layout("nd30").origin == "user"
    (tmp_path / "first").mkdir()
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "org"))
    assert TemplateSet([tmp_path / "first"]).user_dirs == (tmp_path / "first", tmp_path / "org")
    assert Renderer().template_dirs == (tmp_path / "org",)
    assert TemplateSet().find_layout("nd30").origin == "env"
    assert TemplateSet().find_layout(shadow / "layout.docx").origin == "path"
    with pytest.raises(LayoutError, match="nd99"):
        TemplateSet().find_layout("nd99")


def test_a_folder_in_the_working_directory_never_replaces_a_bundled_layout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a name with a path separator or a .docx suffix is a path."""
    monkeypatch.delenv(ENV_VAR, raising=False)
    (tmp_path / "nd30").mkdir()
    (tmp_path / "nd30" / "layout.docx").write_bytes(b"not a layout")
    monkeypatch.chdir(tmp_path)
    assert TemplateSet().find_layout("nd30").origin == "bundled"
    assert TemplateSet().find_layout("./nd30").origin == "path"


def test_a_templates_folder_that_does_not_exist_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(LayoutError, match="khong-co"):
        Renderer([tmp_path / "khong-co"])
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "khong-co-nua"))
    with pytest.raises(LayoutError, match=ENV_VAR):
        Renderer()


def test_kinds_yaml_errors_name_the_entry(tmp_path: Path) -> None:
    (tmp_path / "kinds.yaml").write_text(
        "- loai: Phuong An\n  ten_loai: Phương án\n", encoding="utf-8"
    )
    with pytest.raises(LayoutError) as exc:
        Renderer([tmp_path])
    [p] = exc.value.problems
    assert p.loc == (0, "loai") and p.line == 1
    (tmp_path / "kinds.yaml").write_text(
        "- loai: de_an_x\n  ten_loai: Đề án riêng\n", encoding="utf-8"
    )
    with pytest.raises(LayoutError, match="viet_tat"):
        Renderer([tmp_path])


def test_snippet_missing_parameter_is_located(data: dict[str, Any]) -> None:
    data["noi_dung"].append({"mau_cau": "vuong_mac"})
    with pytest.raises(CampaignError) as exc:
        Renderer().compose(Campaign.model_validate(data))
    [p] = exc.value.problems
    assert "dau_moi" in p.message_vi and p.loc == ("noi_dung", 3)


def test_bundled_snippets(data: dict[str, Any]) -> None:
    data["noi_dung"][-1] = {"mau_cau": "ket_luan", "tham_so": {"doi_tuong": "các cơ quan, đơn vị"}}
    (doc,) = Renderer().compose(Campaign.model_validate(data))
    assert doc.noi_dung[-1].text == (
        "Căn cứ Chỉ thị này, yêu cầu các cơ quan, đơn vị nghiêm túc tổ chức triển khai thực hiện./."
    )
    data["noi_dung"][-1] = {"mau_cau": "khong_co"}
    with pytest.raises(CampaignError, match="ket_luan"):
        Renderer().compose(Campaign.model_validate(data))


def _layout_with_paragraph(xml_runs: str) -> bytes:
    parts = read_package(bundled_layout_bytes("nd30"))
    xml = parts["word/document.xml"].decode()
    marker = "<w:t>{{ vb.trich_yeu }}</w:t>"
    i = xml.rindex("<w:p>", 0, xml.index(marker))
    parts["word/document.xml"] = (xml[:i] + f"<w:p>{xml_runs}</w:p>" + xml[i:]).encode()
    return write_package(parts)


def test_lint_bundled_layout_is_clean() -> None:
    assert [f for f in lint_layout(bundled_layout_bytes("nd30")) if f.severity != "thong_tin"] == []


def test_lint_split_tag_with_location() -> None:
    data = _layout_with_paragraph(
        "<w:r><w:t>{{ vb.ho_</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ten }}</w:t></w:r>"
    )
    [f] = [f for f in lint_layout(data) if f.code == "TACH-THE"]
    assert f.part == "word/document.xml" and f.paragraph is not None
    assert f.excerpt == "{{ vb.ho_ten }}" and "tách" in f.message_vi


def test_lint_unknown_variable_and_typo() -> None:
    data = _layout_with_paragraph("<w:r><w:t>{{ vb.ho_tne }} {{ ten_chien_dich }}</w:t></w:r>")
    found = {(f.code, f.excerpt) for f in lint_layout(data)}
    assert ("BIEN-LA", "vb.ho_tne") in found
    assert ("BIEN-LA", "ten_chien_dich") in found


def test_lint_unbalanced_block() -> None:
    data = _layout_with_paragraph("<w:r><w:t>{%p if vb.kem_theo %}</w:t></w:r>")
    [f] = [f for f in lint_layout(data) if f.code == "CU-PHAP"]
    assert f.severity == "loi" and "{%p" in f.message_vi


def test_lint_reports_ignored_fields() -> None:
    parts = read_package(bundled_layout_bytes("nd30"))
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"{{ vb.ho_ten }}", b"(ch\xe1\xbb\xaf k\xc3\xbd)"
    )
    found = lint_layout(write_package(parts))
    assert [f.message_en for f in found if f.code == "BIEN-THUA"] == [
        "the layout never uses 'vb.ho_ten'; that content will not appear"
    ]


def test_cli_templates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "list", "--templates", str(ORG)]) == 0
    out = capsys.readouterr().out
    assert "phuong-an" in out and "phuong_an" in out and "vuong_mac" in out
    bad = tmp_path / "bad.docx"
    bad.write_bytes(_layout_with_paragraph("<w:r><w:t>{{ vb.ho_tne }}</w:t></w:r>"))
    assert main(["templates", "lint", str(bad)]) == 3
    assert "vb.ho_tne" in capsys.readouterr().out
    out_docx = tmp_path / "pa.docx"
    assert main(["render", str(PHUONG_AN), "-t", str(ORG), "-o", str(out_docx)]) == 0
    assert (
        main(
            [
                "render",
                str(EXAMPLES / "chi-thi-ha-quang-2020.yaml"),
                "-o",
                str(tmp_path / "x.docx"),
                "--layout",
                str(bad),
            ]
        )
        == 3
    )


def test_templates_list_says_where_each_thing_comes_from(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert main(["templates", "list", "-t", str(ORG)]) == 0
    lines = capsys.readouterr().out.splitlines()

    def line_of(word: str) -> str:
        return next(x for x in lines if x.split() and x.split()[0] == word)

    assert "thư mục người dùng / user folder" in line_of("phuong-an")
    assert str(ORG / "layouts" / "phuong-an" / "layout.docx") in line_of("phuong-an")
    assert "đi kèm / bundled" in line_of("nd30")
    assert line_of("phuong_an").endswith(str(ORG / "kinds.yaml"))
    assert line_of("chi_thi").endswith(str(Path("templates") / "kinds.yaml"))  # where installed
    assert line_of("vuong_mac").endswith(str(ORG / "snippets" / "vuong_mac.j2"))
    assert line_of("ket_luan").endswith("ket_luan.j2") and "templates" in line_of("ket_luan")
    monkeypatch.setenv(ENV_VAR, str(ORG))
    assert main(["templates", "list"]) == 0
    out = capsys.readouterr().out
    assert "CHITHI_TEMPLATES" in next(x for x in out.splitlines() if "phuong-an" in x)


def test_copy_of_bundled_layout_as_starting_point(tmp_path: Path) -> None:
    """The guide's first step: copy the bundled layout folder and render with it."""
    target = tmp_path / "org" / "layouts" / "cua-toi"
    shutil.copytree(ROOT / "templates" / "layouts" / "nd30", target)
    renderer = Renderer([tmp_path / "org"], layout="cua-toi")
    campaign = renderer.load(EXAMPLES / "chi-thi-ha-quang-2020.yaml")
    assert Document(io.BytesIO(renderer.render_docx(campaign))).paragraphs


def test_batch_with_a_user_template_folder(tmp_path: Path) -> None:
    """Workers get the organisation's kinds, layout and snippets too."""
    import concurrent.futures as cf

    from chithi_gen.batch import render_batch

    rows = [{"dia_danh": "Hà Quảng", "so": n, "ten_tep": f"pa-{n}.docx"} for n in (1, 2)]
    with cf.ProcessPoolExecutor(max_workers=2) as pool:
        report = render_batch(PHUONG_AN, rows, tmp_path, executor=pool, template_dirs=[ORG])
    assert [r.ok for r in report.results] == [True, True], [r.messages() for r in report.failed]
    doc = Document(str(tmp_path / "pa-2.docx"))
    assert doc.tables[0].cell(1, 0).text == "Số: 02/PA-UBND"
    assert {s.style_id: s for s in doc.styles}["NoiDung"].font.size.pt == 13
