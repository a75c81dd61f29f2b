"""Next year's file changes only what changed: list items carry a key (``id``) and a
``ke_thua`` child replaces, changes, removes or inserts items by key, at any depth; the
keys never reach the model, errors name the unknown key and the parent's line, and the
locator places every problem in the file that wrote the value."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from chithi_gen import CampaignError, Renderer, load_campaign, load_campaign_text
from chithi_gen.source import deep_merge, from_data, locate, read
from support import EXAMPLES

PARENT = EXAMPLES / "chi-thi-xa-truong-ha-2026.yaml"
CHILD = EXAMPLES / "chi-thi-xa-truong-ha-2027-ke-thua.yaml"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return i
    raise AssertionError(needle)


def _body_text(docx: bytes) -> list[str]:
    import io

    from docx import Document

    return [p.text for p in Document(io.BytesIO(docx)).paragraphs if p.text.strip()]


@pytest.fixture
def parent(tmp_path: Path) -> Path:
    return _write(tmp_path / "cha.yaml", PARENT.read_text(encoding="utf-8"))


def test_one_item_of_nine_in_a_few_lines(parent: Path, tmp_path: Path) -> None:
    """Changing item 7 of 9 is a four-line child, and it renders the same document as
    the parent written out in full with that item changed."""
    new = "Tổ chức diễn tập ở tất cả các thôn."
    child = _write(
        tmp_path / "con.yaml",
        f"ke_thua: cha.yaml\nnoi_dung:\n  - thay: dien_tap\n    muc: {new}\n",
    )
    assert len(child.read_text(encoding="utf-8").splitlines()) == 4
    full_text = re.sub(
        r"  - id: dien_tap\n    muc: >-\n(      .*\n)+?(?=  - id: to_chuc)",
        f"  - id: dien_tap\n    muc: {new}\n",
        PARENT.read_text(encoding="utf-8"),
    )
    assert full_text != PARENT.read_text(encoding="utf-8")
    full = _write(tmp_path / "day-du.yaml", full_text)
    renderer = Renderer()
    a = renderer.render(renderer.read(child)).docx
    b = renderer.render(renderer.read(full)).docx
    assert a == b
    text = _body_text(a)
    assert f"7. {new}" in text and "8. Tổ chức thực hiện" in text


def test_example_2027_edits_at_every_depth() -> None:
    c = load_campaign(CHILD)
    base = load_campaign(PARENT)
    assert c.mo_dau[0].startswith("Năm 2026") and c.mo_dau[1] == base.mo_dau[1]
    assert len(c.noi_dung) == len(base.noi_dung) == 10
    ra_soat = c.noi_dung[1]
    assert [str(t.gia_tri) for t in ra_soat.chi_tieu] == ["100", "15"]  # type: ignore[union-attr]
    points = [m.muc or "" for m in c.noi_dung[7].noi_dung]  # type: ignore[union-attr]
    assert points[0].startswith("Công an xã") and points[1].startswith("Đề nghị Đồn Biên phòng")
    assert not any("Văn hóa" in p for p in points)
    names = [n.ten for n in c.noi_nhan]
    assert names[names.index("Công an xã") + 1] == "Đồn Biên phòng Trường Hà"
    assert c.nguoi_ky.ho_ten == "Hoàng Thị Lan" and c.nguoi_ky.chuc_vu == base.nguoi_ky.chuc_vu


def test_keys_do_not_reach_the_model() -> None:
    data = read(PARENT).data

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            assert "id" not in value
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(data)
    assert isinstance(data["mo_dau"][0], str)  # {id, doan} → the line itself
    assert from_data({"mo_dau": [{"id": "a", "doan": "X"}]}).data == {"mo_dau": ["X"]}


def test_every_edit() -> None:
    parent = {"l": [{"id": "a", "x": 1}, {"id": "b", "x": 2}, {"id": "c", "x": 3}]}
    child = {
        "l": [
            {"chen_truoc": "a", "x": 0},
            {"xoa": "b"},
            {"chen_sau": "c", "x": 4},
            {"chen_sau": "c", "x": 5},
            {"sua": "a", "y": 9},
            {"thay": "c", "x": 30},
            {"x": 99},
        ]
    }
    merged = deep_merge(parent, child)
    assert merged == {"l": [{"x": 0}, {"x": 1, "y": 9}, {"x": 30}, {"x": 4}, {"x": 5}, {"x": 99}]}
    # A list with no edits is still replaced as a whole.
    assert deep_merge(parent, {"l": [{"x": 7}]}) == {"l": [{"x": 7}]}
    # A replaced item keeps its key for the year after.
    twice = deep_merge(deep_merge(parent, {"l": [{"thay": "a", "x": 10}]}), {})
    assert twice["l"][0] == {"x": 10}


def test_chain_of_three(parent: Path, tmp_path: Path) -> None:
    """2028 over 2027 over 2026: a key replaced in 2027 is found again in 2028."""
    _write(tmp_path / "con.yaml", "ke_thua: cha.yaml\nnoi_dung:\n  - thay: hieu_luc\n    muc: A.\n")
    grand = _write(
        tmp_path / "chau.yaml", "ke_thua: con.yaml\nnoi_dung:\n  - thay: hieu_luc\n    muc: B.\n"
    )
    c = load_campaign(grand)
    assert c.noi_dung[8].muc == "B."  # type: ignore[union-attr]


def test_unknown_key_names_it_and_the_parents_line(parent: Path, tmp_path: Path) -> None:
    child = _write(tmp_path / "con.yaml", "ke_thua: cha.yaml\nnoi_dung:\n  - xoa: dien_tapp\n")
    with pytest.raises(CampaignError) as exc:
        load_campaign(child)
    (p,) = exc.value.problems
    assert p.line == 3 and p.source is not None and p.source.endswith("con.yaml")
    assert "dien_tapp" in p.message_vi and "'dien_tap'" in p.message_vi
    assert f"cha.yaml:{_line_of(parent, 'noi_dung:')}" in p.message_vi
    assert "the parent's list" in p.message_en and p.code == "ke-thua-khoa"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("noi_dung:\n  - xoa: ket\n    muc: X.\n", "takes no other field"),
        ("noi_dung:\n  - xoa: ket\n    thay: hieu_luc\n", "one edit only"),
        ("noi_dung:\n  - xoa: [a]\n", "needs the 'id'"),
        ("trich_yeu:\n  - xoa: ket\n", "no list here"),
        ("noi_nhan:\n  - sua: thon\n    noi_dung:\n      - xoa: x\n", "no list here"),
    ],
)
def test_bad_edits(parent: Path, tmp_path: Path, text: str, needle: str) -> None:
    child = _write(tmp_path / "con.yaml", "ke_thua: cha.yaml\n" + text)
    with pytest.raises(CampaignError) as exc:
        load_campaign(child)
    assert needle in exc.value.problems[0].message_en
    assert exc.value.problems[0].line is not None


def test_edit_without_parent_is_refused() -> None:
    text = PARENT.read_text(encoding="utf-8").replace("  - id: ket\n", "  - xoa: ket\n")
    with pytest.raises(CampaignError) as exc:
        load_campaign_text(text, "x.yaml")
    assert "only for a file with 'ke_thua'" in exc.value.problems[0].message_en


def test_duplicate_key_in_parent(tmp_path: Path) -> None:
    text = PARENT.read_text(encoding="utf-8").replace("id: co_so", "id: dien")
    _write(tmp_path / "cha.yaml", text)
    child = _write(tmp_path / "con.yaml", "ke_thua: cha.yaml\nnoi_dung:\n  - xoa: dien\n")
    with pytest.raises(CampaignError) as exc:
        load_campaign(child)
    assert "is on 2 items" in exc.value.problems[0].message_en


def test_problems_placed_in_the_file_that_wrote_them(parent: Path, tmp_path: Path) -> None:
    """An inserted item's error is in the child; a kept item's error in the parent, on
    the right line, after the list was edited (its positions have moved)."""
    bad_parent = parent.read_text(encoding="utf-8").replace(
        "muc: Chỉ thị này có hiệu lực kể từ ngày ký.", "muc: 9. Chỉ thị này có hiệu lực."
    )
    _write(parent, bad_parent)
    child = _write(
        tmp_path / "con.yaml",
        "ke_thua: cha.yaml\n"
        "noi_dung:\n"
        "  - xoa: tuyen_truyen\n"
        "  - sua: to_chuc\n"
        "    noi_dung:\n"
        "      - chen_truoc: cong_an\n"
        "        muc: a) Điểm gõ nhãn.\n",
    )
    with pytest.raises(CampaignError) as exc:
        load_campaign(child)
    where = sorted((Path(p.source or "").name, p.line) for p in exc.value.problems)
    assert where == [("cha.yaml", _line_of(parent, "9. Chỉ thị này")), ("con.yaml", 7)]


def test_warning_placed_in_parent_after_edits(tmp_path: Path) -> None:
    text = PARENT.read_text(encoding="utf-8").replace("don_vi: VP", "don_vi: [VT, VP]")
    parent = _write(tmp_path / "cha.yaml", text)
    child = _write(tmp_path / "con.yaml", "ke_thua: cha.yaml\nnoi_nhan:\n  - xoa: thon\n")
    renderer = Renderer()
    draft = renderer.prepare(renderer.read(child))
    (w,) = [w for w in draft.warnings if w.code == "luu-vt-duplicate"]
    assert Path(w.source or "").name == "cha.yaml" and w.line == _line_of(parent, "don_vi: [VT")


def test_example_with_keys_matches_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from chithi_gen.schema import campaign_json_schema

    data = YAML(typ="safe").load(PARENT.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(json.dumps(data, default=str)), campaign_json_schema())


def test_can_cu_and_phan_sections_by_key(tmp_path: Path) -> None:
    """Keys work in the Quyết định's căn cứ (lines of text) and in a skeleton section."""
    text = (EXAMPLES / "chuong-trinh-kem-quyet-dinh.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    - Căn cứ [[luat_tdkt]]\n", "    - {id: luat, doan: 'Căn cứ [[luat_tdkt]]'}\n"
    )
    assert "id: luat" in text
    _write(tmp_path / "cha.yaml", text)
    child = _write(
        tmp_path / "con.yaml",
        "ke_thua: cha.yaml\n"
        "quyet_dinh:\n"
        "  can_cu:\n"
        "    - chen_sau: luat\n"
        "      doan: Căn cứ Nghị định số 152/2025/NĐ-CP\n",
    )
    c = load_campaign(child)
    assert c.quyet_dinh is not None
    assert c.quyet_dinh.can_cu[1:3] == [
        "Căn cứ [[luat_tdkt]]",
        "Căn cứ Nghị định số 152/2025/NĐ-CP",
    ]


_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["thay", "sua", "xoa", "chen_truoc", "chen_sau", "them"]), st.integers(0, 7)
    ),
    max_size=8,
)


@given(st.integers(1, 8), _EDITS)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_every_item_located_after_random_edits(
    tmp_path_factory: pytest.TempPathFactory, size: int, edits: list[tuple[str, int]]
) -> None:
    """Whatever the edits, each item of the merged list is placed on the line (in the
    parent or the child) where its own text is written."""
    folder = tmp_path_factory.mktemp("k")
    parent = "".join(f"  - id: k{i}\n    muc: cha {i}\n" for i in range(size))
    _write(folder / "cha.yaml", "noi_dung:\n" + parent)
    alive = [f"k{i}" for i in range(size)]
    lines = []
    for n, (edit, pick) in enumerate(edits):
        if edit == "them":
            lines.append(f"  - muc: con {n}\n")
            continue
        if not alive:
            continue
        target = alive[pick % len(alive)]
        if edit == "xoa":
            alive.remove(target)
            lines.append(f"  - xoa: {target}\n")
        else:
            lines.append(f"  - {edit}: {target}\n    muc: con {n}\n")
    body = "noi_dung:\n" + "".join(lines) if lines else ""
    child = _write(folder / "con.yaml", "ke_thua: cha.yaml\n" + body)
    source = read(child)
    items = source.data["noi_dung"]
    assert all("id" not in item for item in items)
    for i, item in enumerate(items):
        src, line, _ = locate(source.layers, ("noi_dung", i, "muc"))
        assert src is not None and line is not None
        text = Path(src).read_text(encoding="utf-8").splitlines()[line - 1]
        assert text.strip().removeprefix("- ") == f"muc: {item['muc']}", (i, item, src, line)
