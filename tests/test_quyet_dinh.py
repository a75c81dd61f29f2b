"""A Chương trình issued with a Quyết định (Mẫu 1.3) from one campaign file."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from docx import Document
from lxml import etree

from chithi_gen import Campaign, Renderer, render_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


@pytest.fixture
def ctr(data: dict[str, Any]) -> dict[str, Any]:
    # The attached programme has no number or recipients of its own.
    del data["so"], data["noi_nhan"]
    data.update(
        loai="chuong_trinh",
        ten_loai="Chương trình hành động",
        trich_yeu="Thực hiện phong trào thi đua năm 2021",
        quyet_dinh={
            "so": 12,
            "tham_quyen_ban_hanh": "Chủ tịch Ủy ban nhân dân huyện Hà Quảng",
            "can_cu": [
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003",
            ],
            "theo_de_nghi": "Theo đề nghị của Trưởng phòng Nội vụ huyện",
            "dieu": [
                "Quyết định này có hiệu lực kể từ ngày ký.",
                "Chánh Văn phòng, Trưởng phòng Nội vụ chịu trách nhiệm thi hành Quyết định này.",
            ],
            "noi_nhan": ["Như Điều 3", "Ban TĐKT tỉnh (b/c)"],
        },
    )
    return data


def test_two_documents_in_order(ctr: dict[str, Any]) -> None:
    qd, ct = Renderer().compose(Campaign.model_validate(ctr))
    assert (qd.ten_loai, qd.so_ky_hieu) == ("QUYẾT ĐỊNH", "Số: 12/QĐ-UBND")
    assert qd.trich_yeu == "Ban hành Chương trình hành động thực hiện phong trào thi đua năm 2021"
    assert qd.tham_quyen_ban_hanh == "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG"
    assert ct.ten_loai == "CHƯƠNG TRÌNH HÀNH ĐỘNG"
    assert ct.so_ky_hieu == "" and ct.dia_danh_ngay == "" and not ct.co_chu_ky


def test_cross_reference_from_one_place(ctr: dict[str, Any]) -> None:
    """Mẫu 1.3: the attachment cites the Quyết định's number and date."""
    qd, ct = Renderer().compose(Campaign.model_validate(ctr))
    assert ct.kem_theo == (
        "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 02 năm 2021"
        " của Chủ tịch Ủy ban nhân dân huyện Hà Quảng)"
    )
    assert qd.dia_danh_ngay == "Hà Quảng, ngày 05 tháng 02 năm 2021"
    del ctr["quyet_dinh"]["so"], ctr["ngay"]
    ctr["nam"] = 2021
    qd, ct = Renderer().compose(Campaign.model_validate(ctr))
    assert qd.so_ky_hieu == "Số:      /QĐ-UBND"
    assert ct.kem_theo.startswith(
        "(Kèm theo Quyết định số      /QĐ-UBND ngày      tháng      năm 2021"
    )


def test_can_cu_punctuation_and_articles(ctr: dict[str, Any]) -> None:
    """Phụ lục I, II.6.a: each căn cứ ends with ";", the last with "."; Điều n. bold."""
    qd, _ = Renderer().compose(Campaign.model_validate(ctr))
    texts = [(p.style, p.text) for p in qd.noi_dung]
    assert texts[:4] == [
        ("CanCu", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
        ("CanCu", "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;"),
        ("CanCu", "Theo đề nghị của Trưởng phòng Nội vụ huyện."),
        ("QuyetDinh", "QUYẾT ĐỊNH:"),
    ]
    assert texts[4][1] == (
        "Điều 1. Ban hành kèm theo Quyết định này Chương trình hành động thực hiện"
        " phong trào thi đua năm 2021."
    )
    assert texts[-1][1].startswith("Điều 3.") and texts[-1][1].endswith("Quyết định này./.")
    assert qd.noi_dung[4].runs[0].bold
    assert qd.noi_nhan[0] == "- Như Điều 3;"


def test_one_file_two_sections(ctr: dict[str, Any]) -> None:
    docx = render_docx(Campaign.model_validate(ctr))
    doc = Document(io.BytesIO(docx))
    assert len(doc.sections) == 2
    for sec in doc.sections:
        assert sec.different_first_page_header_footer
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        body = etree.fromstring(zf.read("word/document.xml"))
    starts = [e.get(f"{{{W}}}start") for e in body.iterfind(".//w:sectPr/w:pgNumType", NS)]
    assert starts == ["1", "1"]
    texts = [p.text for p in doc.paragraphs if p.text]
    assert texts.index("QUYẾT ĐỊNH") < texts.index("CHƯƠNG TRÌNH HÀNH ĐỘNG")
    # Two header tables, one signature table (the attachment is not signed).
    assert len(doc.tables) == 3
    assert "Kèm theo Quyết định số 12/QĐ-UBND" in " ".join(texts)


def test_number_and_recipients_in_one_place(ctr: dict[str, Any]) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="không có số riêng"):
        Campaign.model_validate({**ctr, "so": 3})
    with pytest.raises(ValidationError, match="Nơi nhận ghi hai chỗ"):
        Campaign.model_validate({**ctr, "noi_nhan": ["UBND các xã"]})
    qd = dict(ctr["quyet_dinh"])
    del qd["noi_nhan"]
    with pytest.raises(ValidationError, match="thiếu Nơi nhận"):
        Campaign.model_validate({**ctr, "quyet_dinh": qd})


def test_a_composed_decision_renders_alone(ctr: dict[str, Any]) -> None:
    qd, _ = Renderer().compose(Campaign.model_validate(ctr))
    doc = Document(io.BytesIO(Renderer().render_docx(qd)))
    assert doc.tables[0].cell(1, 0).text == "Số: 12/QĐ-UBND"
