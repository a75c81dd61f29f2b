"""Kinds with their skeletons (khung), assignments (phân công) and target tables."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document

from chithi_gen import Campaign, CampaignError, Renderer, render_docx
from chithi_gen.api import compose_documents as compose
from chithi_gen.compose.advice import recipient_warnings
from chithi_gen.document import Table


def test_builtin_kinds() -> None:
    """Phụ lục III table: CT, CTr, KH; each kind has its skeleton."""
    got = {
        k.name: (k.ten_loai, k.viet_tat, [h for _, h in k.khung])
        for k in Renderer().registry.values()
    }
    assert got["chi_thi"][:2] == ("Chỉ thị", "CT")
    assert got["chi_thi"][2] == [
        "Mục tiêu",
        "Chỉ tiêu",
        "Nội dung",
        "Thời gian thi đua",
        "Tổ chức thực hiện",
    ]
    assert got["chuong_trinh"] == (
        "Chương trình",
        "CTr",
        ["Mục đích, yêu cầu", "Nhiệm vụ, giải pháp", "Tổ chức thực hiện"],
    )
    assert got["ke_hoach"][:2] == ("Kế hoạch", "KH")


def test_phan_fills_skeleton_in_order(data: dict[str, Any]) -> None:
    data["loai"] = "chuong_trinh"
    data["noi_dung"] = ["Yêu cầu các cơ quan thực hiện."]
    data["phan"] = {
        "to_chuc_thuc_hien": [{"muc": "Phòng Nội vụ theo dõi."}],
        "muc_dich_yeu_cau": [{"muc": "Đẩy mạnh thi đua."}],
        "nhiem_vu_giai_phap": {"tieu_de": "Nhiệm vụ trọng tâm", "noi_dung": [{"muc": "Làm tốt."}]},
    }
    texts = [p.text for p in compose(Campaign.model_validate(data))[0].noi_dung]
    assert texts[1:] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Đẩy mạnh thi đua.",
        "II. NHIỆM VỤ TRỌNG TÂM",
        "1. Làm tốt.",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Phòng Nội vụ theo dõi.",
        "Yêu cầu các cơ quan thực hiện./.",
    ]


def test_custom_skeleton(data: dict[str, Any]) -> None:
    data["noi_dung"] = []
    data["khung"] = [
        {"ma": "boi_canh", "tieu_de": "Bối cảnh"},
        {"ma": "giai_phap", "tieu_de": "Giải pháp"},
    ]
    data["phan"] = {"giai_phap": ["Làm tốt."], "boi_canh": ["Năm 2021."]}
    texts = [p.text for p in compose(Campaign.model_validate(data))[0].noi_dung]
    assert texts[1:] == ["I. BỐI CẢNH", "Năm 2021.", "II. GIẢI PHÁP", "Làm tốt./."]


def test_unknown_section_key(data: dict[str, Any]) -> None:
    data["phan"] = {"muc_dich": ["x"]}
    with pytest.raises(CampaignError, match="muc_tieu") as exc:
        compose(Campaign.model_validate(data))[0]
    assert exc.value.problems[0].loc == ("phan", "muc_dich")


def test_thoi_gian_section_run_in(data: dict[str, Any]) -> None:
    data["noi_dung"] = []
    data["phan"] = {"thoi_gian": {"thoi_gian": {"den": "2021-12-31"}}}
    texts = [p.text for p in compose(Campaign.model_validate(data))[0].noi_dung]
    assert (
        texts[1]
        == "I. THỜI GIAN THI ĐUA: Từ ngày phát động thi đua đến hết ngày 31 tháng 12 năm 2021./."
    )


def test_assignment_sentence(data: dict[str, Any]) -> None:
    data["noi_dung"] = [
        {
            "tieu_de": "Tổ chức thực hiện",
            "noi_dung": [
                {
                    "phan_cong": {
                        "chu_tri": "Phòng Nội vụ",
                        "phoi_hop": ["Phòng Tư pháp", "Phòng Tài chính - Kế hoạch", "UBND các xã"],
                        "nhiem_vu": "tham mưu UBND huyện tổ chức sơ kết",
                        "thoi_han": "2020-03-25",
                    }
                },
                {
                    "phan_cong": {
                        "chu_tri": "Trung tâm Văn hóa",
                        "nhiem_vu": "tuyên truyền",
                        "thoi_han": "hằng quý",
                    }
                },
            ],
        }
    ]
    texts = [p.text for p in compose(Campaign.model_validate(data))[0].noi_dung]
    assert texts[2] == (
        "1. Giao Phòng Nội vụ chủ trì, phối hợp với Phòng Tư pháp, Phòng Tài chính - Kế hoạch"
        " và UBND các xã tham mưu UBND huyện tổ chức sơ kết; hoàn thành trước ngày 25/3/2020."
    )
    assert texts[3] == "2. Giao Trung tâm Văn hóa tuyên truyền; thời hạn: hằng quý./."


def test_recipient_warnings(data: dict[str, Any]) -> None:
    data["noi_dung"].insert(
        0,
        {
            "phan_cong": {
                "chu_tri": "Phòng Nội vụ",
                "phoi_hop": ["UBND các xã, thị trấn"],
                "nhiem_vu": "theo dõi",
            }
        },
    )
    campaign = Campaign.model_validate(data)
    [warning] = recipient_warnings(campaign)
    assert "'Phòng Nội vụ'" in warning.message_vi and "Như trên" in warning.message_vi
    assert warning.loc == ("noi_dung", 0, "phan_cong")
    data["noi_nhan"].insert(0, "Như trên")
    assert recipient_warnings(Campaign.model_validate(data)) == []


def test_target_table(data: dict[str, Any]) -> None:
    data["noi_dung"] = [
        {
            "tieu_de": "Chỉ tiêu",
            "chi_tieu_dang": "bang",
            "chi_tieu": [
                {
                    "ten": "Thu ngân sách",
                    "gia_tri": 27716,
                    "don_vi": "triệu đồng",
                    "nam_truoc": 25000,
                },
                {"ten": "Tỷ lệ hộ nghèo", "gia_tri": "4.5", "don_vi": "%"},
            ],
        }
    ]
    doc = compose(Campaign.model_validate(data))[0]
    [table] = [b for b in doc.noi_dung if isinstance(b, Table)]
    assert table.rows == (
        ("STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm trước", "Kế hoạch", "So sánh (%)"),
        ("1", "Thu ngân sách", "triệu đồng", "25.000", "27.716", "110,9"),
        ("2", "Tỷ lệ hộ nghèo", "%", "", "4,5", ""),
    )
    assert doc.noi_dung[-1].text == "./."
    rendered = Document(io.BytesIO(render_docx(Campaign.model_validate(data))))
    word_table = rendered.tables[1]
    assert [c.text for c in word_table.rows[1].cells] == list(table.rows[1])
    assert word_table.rows[0].cells[0].paragraphs[0].runs[0].bold
