"""Regressions for what the documentation review found by using the tool."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from pydantic import ValidationError

from chithi_gen import Campaign, CampaignError, Renderer, load_campaign_text, render_docx
from chithi_gen.api import compose_documents as compose
from chithi_gen.compose.advice import recipient_warnings
from chithi_gen.vi.so import parse_so

CT05 = {"ten_loai": "Chỉ thị", "so_ky_hieu": "05-CT/HU"}


def test_citation_in_a_capitalised_heading(data: dict[str, Any]) -> None:
    data["dan_chieu"] = {"ct": CT05}
    data["noi_dung"][0]["tieu_de"] = "Thực hiện [[ct]]"
    heading = compose(Campaign.model_validate(data))[0].noi_dung[1]
    assert heading.text == "I. THỰC HIỆN CHỈ THỊ SỐ 05-CT/HU"


def test_snippet_citing_an_undeclared_document(tmp_path: Path, data: dict[str, Any]) -> None:
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "rieng.j2").write_text("Theo [[ct42]] này.", encoding="utf-8")
    data["noi_dung"].append({"mau_cau": "rieng"})
    with pytest.raises(CampaignError) as exc:
        Renderer([tmp_path]).compose(Campaign.model_validate(data))
    [p] = exc.value.problems
    assert "[[ct42]]" in p.message_vi and p.loc == ("noi_dung", 3)


def test_snippet_parameters_are_checked(data: dict[str, Any]) -> None:
    data["noi_dung"].append(
        {
            "mau_cau": "bao_cao_dinh_ky",
            "tham_so": {
                "doi_tuong": "các xã",
                "ky": "quý",
                "noi_nhan_bao_cao": "Phòng Nội vụ",
                "han": "ngày 20",
                "cap_tre": "UBND",
            },
        }
    )
    with pytest.raises(CampaignError, match="cap_tre"):
        compose(Campaign.model_validate(data))[0]


def test_snippet_year_unknown_is_an_error_not_none(tmp_path: Path, data: dict[str, Any]) -> None:
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "nam.j2").write_text("Năm {{ nam }}.", encoding="utf-8")
    del data["ngay"]
    data["noi_dung"].append({"mau_cau": "nam"})
    with pytest.raises(CampaignError, match="nam"):
        Renderer([tmp_path]).compose(Campaign.model_validate(data))


def test_draft_attachment_keeps_its_blanks(data: dict[str, Any]) -> None:
    del data["so"], data["ngay"], data["noi_nhan"]
    data.update(
        loai="chuong_trinh",
        nam=2026,
        quyet_dinh={
            "tham_quyen_ban_hanh": "Chủ tịch Ủy ban nhân dân huyện Hà Quảng",
            "can_cu": ["Căn cứ Luật Tổ chức chính quyền địa phương"],
            "noi_nhan": ["Như Điều 3"],
        },
    )
    doc = Document(io.BytesIO(render_docx(Campaign.model_validate(data))))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Quyết định số      /QĐ-UBND ngày      tháng      năm 2026" in text


def test_warnings_reach_every_assignment(data: dict[str, Any]) -> None:
    data["noi_dung"] = ["Mở đầu."]
    data["phan"] = {
        "to_chuc_thuc_hien": {
            "phan_cong": {"chu_tri": "Đoàn Thanh niên xã", "nhiem_vu": "vận động"}
        },
        "chi_tieu": {
            "chi_tieu": [
                {
                    "ten": "Hộ nghèo",
                    "chi_tiet": [{"phan_cong": {"chu_tri": "Hội Nông dân", "nhiem_vu": "giúp"}}],
                }
            ]
        },
    }
    units = {w.message_en.split("'")[1] for w in recipient_warnings(Campaign.model_validate(data))}
    assert units == {"Đoàn Thanh niên xã", "Hội Nông dân"}
    data["noi_nhan"].insert(0, "Như Điều 3")
    assert recipient_warnings(Campaign.model_validate(data)) == []


def test_list_form_section_errors_point_at_the_item() -> None:
    text = """\
loai: chi_thi
co_quan: {ten: Ủy ban nhân dân huyện Hà Quảng, viet_tat: UBND}
dia_danh: Hà Quảng
trich_yeu: Về việc thi đua
phan:
  muc_tieu:
    - Phát huy.
    - muc: x
      bogus: 1
nguoi_ky: {tham_quyen: TM., tap_the: Ủy ban nhân dân, chuc_vu: Chủ tịch, ho_ten: A B}
noi_nhan: [UBND các xã]
luu: {don_vi: NV}
"""
    with pytest.raises(CampaignError) as exc:
        load_campaign_text(text, "x.yaml")
    [p] = exc.value.problems
    assert p.line == 9


def test_sentence_read_as_a_mapping_is_explained() -> None:
    text = (Path(__file__).parent.parent / "examples" / "chi-thi-ha-quang-2020.yaml").read_text(
        encoding="utf-8"
    )
    text = text.replace("mo_dau:\n  - >-\n", "mo_dau:\n  - Các nội dung sau:\n  - >-\n", 1)
    text = text.replace("  - Các nội dung sau:\n", "  - Các nội dung: sau\n")
    with pytest.raises(CampaignError, match="ngoặc kép"):
        load_campaign_text(text)


def test_thousands_with_several_groups() -> None:
    assert str(parse_so("1.234.567")) == "1234567"
    with pytest.raises(ValueError, match="không rõ nghĩa"):
        parse_so("1.250")


def test_a_year_is_not_a_typed_label(data: dict[str, Any]) -> None:
    data["noi_dung"][1]["noi_dung"][1] = {"muc": "2026. Năm thi đua."}
    Campaign.model_validate(data)
    data["noi_dung"][1]["noi_dung"][1] = {"muc": "2. Năm thi đua."}
    with pytest.raises(ValidationError, match="đừng gõ số thứ tự"):
        Campaign.model_validate(data)


def test_markup_in_table_cells_is_dropped(data: dict[str, Any]) -> None:
    from chithi_gen.document import Table

    data["noi_dung"] = [
        {
            "tieu_de": "Chỉ tiêu",
            "chi_tieu_dang": "bang",
            "chi_tieu": [{"ten": "**Thu** ngân sách", "gia_tri": 5, "don_vi": "tỷ đồng"}],
        }
    ]
    [table] = [
        b for b in compose(Campaign.model_validate(data))[0].noi_dung if isinstance(b, Table)
    ]
    assert table.rows[1][1] == "Thu ngân sách"
