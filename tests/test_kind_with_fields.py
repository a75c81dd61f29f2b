"""A kind with data and a step of its own: the Kế hoạch tổ chức hội nghị
(docs/adding-a-kind.md): one module, chithi_gen/kinds/hoi_nghi.py, plus its model fields."""

from __future__ import annotations

import copy
import io
from typing import Any

import docx
import pytest

from chithi_gen import CampaignError, Renderer
from chithi_gen.source import read
from support import EXAMPLES

PLAN = EXAMPLES / "ke-hoach-hoi-nghi.yaml"


@pytest.fixture
def plan() -> dict[str, Any]:
    return copy.deepcopy(read(PLAN).data)


def test_the_conference_block_becomes_sections_and_a_table() -> None:
    renderer = Renderer(environ={})
    result = renderer.render(renderer.read(PLAN))
    assert result.warnings == ()
    document = docx.Document(io.BytesIO(result.docx))
    texts = [p.text for p in document.paragraphs if p.text]
    headings = [t for t in texts if t[:2] in ("I.", "II", "IV", "V.")]
    assert headings[:2] == ["I. MỤC ĐÍCH, YÊU CẦU", "II. THỜI GIAN, ĐỊA ĐIỂM"]
    assert "- Thời gian: 08 giờ 00, ngày 10 tháng 7 năm 2026;" in texts
    assert "- Địa điểm: Hội trường Ủy ban nhân dân xã Trường Hà." in texts
    assert (
        "III. THÀNH PHẦN" in texts and "- Đại diện các tập thể, cá nhân được khen thưởng." in texts
    )
    assert any(t.startswith("IV. CHƯƠNG TRÌNH HỘI NGHỊ: Hội nghị sơ kết") for t in texts)
    assert "V. TỔ CHỨC THỰC HIỆN" in texts  # numbering goes on after the table
    [agenda] = [t for t in document.tables if t.cell(0, 0).text == "Thời gian"]
    assert [c.text for c in agenda.rows[0].cells] == ["Thời gian", "Nội dung", "Thực hiện"]
    assert len(agenda.rows) == 5 and agenda.cell(4, 2).text == "Chủ tịch UBND xã"
    body = [p.text for p in document.paragraphs]
    after = body[body.index("V. TỔ CHỨC THỰC HIỆN") - 1 :]
    assert any(t.endswith("./.") for t in after)


def test_another_kind_refuses_the_block(plan: dict[str, Any]) -> None:
    plan["loai"] = "chi_thi"
    plan["phan"] = {"muc_tieu": ["Một mục tiêu."]}
    with pytest.raises(CampaignError) as exc:
        Renderer(environ={}).validate(plan)
    [p] = exc.value.problems
    assert p.loc == ("hoi_nghi",) and "ke_hoach_hoi_nghi" in p.message_vi


def test_the_kind_needs_its_block(plan: dict[str, Any]) -> None:
    del plan["hoi_nghi"]
    with pytest.raises(CampaignError, match="hoi_nghi"):
        Renderer(environ={}).validate(plan)


def test_a_section_the_step_writes_is_not_written_twice(plan: dict[str, Any]) -> None:
    plan["phan"]["thanh_phan"] = ["Toàn thể cán bộ."]
    with pytest.raises(CampaignError) as exc:
        Renderer(environ={}).validate(plan)
    [p] = exc.value.problems
    assert p.loc == ("phan", "thanh_phan") and p.code == "section-written-by-kind"


def test_the_kind_is_listed_with_its_origin() -> None:
    kind = Renderer(environ={}).registry["ke_hoach_hoi_nghi"]
    assert (kind.ten_loai, kind.viet_tat, kind.buoc_soan) == ("Kế hoạch", "KH", "hoi_nghi")
    assert kind.origin.endswith("kinds.yaml") and kind.truong_rieng == ("hoi_nghi",)
