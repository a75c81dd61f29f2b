"""Citations of other documents (Phụ lục I, II.6.b) and real Word footnotes."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pytest
from lxml import etree
from pydantic import ValidationError

from chithi_gen import Campaign, render_docx
from chithi_gen.api import compose_documents as compose

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

CT42 = {
    "ten_loai": "Chỉ thị",
    "so_ky_hieu": "42-CT/TU",
    "ngay": "2020-02-28",
    "co_quan": "Ban Thường vụ Tỉnh ủy",
    "trich_yeu": "về tổ chức phong trào thi đua lập thành tích chào mừng Đại hội Đảng các cấp",
}


def _with_citations(data: dict[str, Any]) -> dict[str, Any]:
    data["dan_chieu"] = {
        "ct42": CT42,
        "nq60": {
            "ten_loai": "Nghị quyết",
            "so_ky_hieu": "60/2020/NQ-HĐND",
            "ngay": "2020-12-25",
            "co_quan": "Hội đồng nhân dân huyện",
        },
        "luat": {"ten_loai": "Luật", "ten": "Thi đua, khen thưởng"},
    }
    data["trich_yeu"] = "Thực hiện [[ct42:vua]]"
    data["mo_dau"] = [
        "Thực hiện [[ct42]]; căn cứ [[luat]] và [[nq60]].",
        "Tiếp tục triển khai [[ct42]], [[ct42:vua]].",
    ]
    return data


def test_first_citation_full_then_short(data: dict[str, Any]) -> None:
    doc = compose(Campaign.model_validate(_with_citations(data)))[0]
    assert (
        doc.trich_yeu == "Thực hiện Chỉ thị số 42-CT/TU ngày 28/02/2020 của Ban Thường vụ Tỉnh ủy"
    )
    assert doc.noi_dung[0].text == (
        "Thực hiện Chỉ thị số 42-CT/TU; căn cứ Luật Thi đua, khen thưởng và Nghị quyết số"
        " 60/2020/NQ-HĐND ngày 25/12/2020 của Hội đồng nhân dân huyện."
    )
    assert doc.noi_dung[1].text == (
        "Tiếp tục triển khai Chỉ thị số 42-CT/TU, Chỉ thị số 42-CT/TU ngày 28/02/2020"
        " của Ban Thường vụ Tỉnh ủy."
    )


def test_first_citation_in_body_is_full(data: dict[str, Any]) -> None:
    data = _with_citations(data)
    data["trich_yeu"] = "Về việc thi đua"
    doc = compose(Campaign.model_validate(data))[0]
    assert doc.noi_dung[0].text.startswith(
        "Thực hiện Chỉ thị số 42-CT/TU ngày 28/02/2020 của Ban Thường vụ Tỉnh ủy về tổ chức"
    )


def test_undeclared_citation_names_field(data: dict[str, Any]) -> None:
    data["mo_dau"] = ["Thực hiện [[ct99]]."]
    with pytest.raises(ValidationError) as exc:
        Campaign.model_validate(data)
    [err] = exc.value.errors()
    assert err["loc"] == ("mo_dau", 0)
    assert "[[ct99]]" in err["msg"]


@pytest.mark.parametrize("bad", ["42/CT-TU-", "CT/42", "42 CT/TU", "42-ct/tu"])
def test_bad_citation_number(data: dict[str, Any], bad: str) -> None:
    data["dan_chieu"] = {"x": {**CT42, "so_ky_hieu": bad}}
    with pytest.raises(ValidationError, match="không đúng dạng"):
        Campaign.model_validate(data)


def test_footnotes_are_real_word_footnotes(data: dict[str, Any]) -> None:
    data["mo_dau"] = ["Kết quả năm 2020^[Báo cáo số 120/BC-UBND ngày 10/12/2020.] rất tốt."]
    data["noi_dung"][1]["noi_dung"][1] = {"muc": "Thực hiện tốt^[Theo **Kế hoạch** số 5/KH-UBND.]."}
    docx = render_docx(Campaign.model_validate(data))
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        body = etree.fromstring(zf.read("word/document.xml"))
        notes = etree.fromstring(zf.read("word/footnotes.xml"))
        rels = zf.read("word/_rels/document.xml.rels").decode()
        ctypes = zf.read("[Content_Types].xml").decode()
    refs = [r.get(f"{{{W}}}id") for r in body.iterfind(".//w:footnoteReference", NS)]
    assert refs == ["1", "2"]
    texts = {
        fn.get(f"{{{W}}}id"): "".join(fn.itertext()).strip()
        for fn in notes.iterfind("w:footnote", NS)
        if fn.get(f"{{{W}}}id") not in ("-1", "0")
    }
    assert texts == {
        "1": "Báo cáo số 120/BC-UBND ngày 10/12/2020.",
        "2": "Theo Kế hoạch số 5/KH-UBND.",
    }
    assert "footnotes.xml" in rels and "footnotes+xml" in ctypes
    para = "".join(body.itertext())
    assert "Kết quả năm 2020 rất tốt." in re.sub(r"\s+", " ", para)


def test_no_footnote_in_trich_yeu(data: dict[str, Any]) -> None:
    data["trich_yeu"] = "Về việc thi đua^[chú thích]"
    with pytest.raises(ValidationError, match="chú thích"):
        Campaign.model_validate(data)
