"""The Lưu line and the typist's mark in every form (Phụ lục I, II.9.d and III.3; the
samples of Phụ lục III; the forms offices use), rendered and read back with python-docx:
the text of each line, and the runs of the mark (subscript, small)."""

from __future__ import annotations

import copy
import io
from typing import Any

import pytest
from docx import Document
from docx.shared import Pt

from chithi_gen import CampaignError, Renderer, validate_data
from support import MINIMAL

#: (luu, the Lưu line as printed, the typist's line under the list or None).
FORMS: list[tuple[dict[str, Any], str, str | None]] = [
    ({"don_vi": "NV"}, "- Lưu: VT, NV.", None),  # II.9.d, Mẫu 1.4
    ({}, "- Lưu: VT.", None),  # Mẫu 3.x (giấy giới thiệu, bản sao): no unit
    ({"don_vi": "Hồ sơ"}, "- Lưu: VT, Hồ sơ.", None),  # Mẫu biên bản
    ({"don_vi": ["NV", "TCKH"]}, "- Lưu: VT, NV, TCKH.", None),  # two drafting units
    ({"don_vi": "TH (NC)"}, "- Lưu: VT, TH (NC).", None),  # a unit and its sub-unit
    ({"don_vi": "TH(NC)"}, "- Lưu: VT, TH (NC).", None),
    ({"don_vi": "VT-TH"}, "- Lưu: VT-TH.", None),  # the office's joined form
    ({"don_vi": "VT-TH (NC)"}, "- Lưu: VT-TH (NC).", None),
    ({"don_vi": "NV", "so_ban_luu": 2}, "- Lưu: VT, NV (02b).", None),  # copies kept
    ({"don_vi": "NV", "nguoi_soan": "PL", "so_ban_phat_hanh": 300}, "- Lưu: VT, NV.", "PL.(300)"),
    ({"don_vi": "NV", "nguoi_soan": "M"}, "- Lưu: VT, NV(M).", None),  # mark after the unit
    ({"don_vi": "NV", "nguoi_soan": "M", "kieu_nguoi_soan": "chu_nho"}, "- Lưu: VT, NV(M).", None),
    ({"don_vi": "NV", "nguoi_soan": "M", "kieu_nguoi_soan": "thuong"}, "- Lưu: VT, NV(M).", None),
    (
        {"don_vi": ["VT-TH", "NV"], "nguoi_soan": "M", "so_ban_luu": 3},
        "- Lưu: VT-TH(M), NV (03b).",
        None,
    ),
    (
        {
            "don_vi": "NV",
            "nguoi_soan": "PL",
            "so_ban_phat_hanh": 30,
            "vi_tri_nguoi_soan": "dong_rieng",
        },
        "- Lưu: VT, NV.",
        "PL.(30)",
    ),
    ({"don_vi": "VT"}, "- Lưu: VT.", None),  # VT given again: printed once, with a warning
    ({"don_vi": ["VT", "NV"]}, "- Lưu: VT, NV.", None),
]


def _rendered(luu: dict[str, Any], quyet_dinh: bool = False) -> tuple[list[Any], list[str]]:
    """The Nơi nhận paragraphs of the (first) document, and the warnings' codes."""
    data = copy.deepcopy(MINIMAL)
    data["luu"] = luu
    if quyet_dinh:
        data["loai"] = "chuong_trinh"
        del data["so"]
        data["quyet_dinh"] = {
            "so": 12,
            "tham_quyen_ban_hanh": "Chủ tịch Ủy ban nhân dân huyện Hà Quảng",
            "can_cu": ["Căn cứ Luật Tổ chức chính quyền địa phương"],
        }
    renderer = Renderer()
    result = renderer.render(renderer.prepare(data))
    doc = Document(io.BytesIO(result.docx))
    cells = [c for t in doc.tables for row in t.rows for c in row.cells]
    cell = next(c for c in cells if c.paragraphs and c.paragraphs[0].text == "Nơi nhận:")
    paras = [p for p in cell.paragraphs if p.text.strip()]
    return paras, [w.code for w in result.warnings]


@pytest.mark.parametrize(("luu", "line", "typist"), FORMS)
def test_each_form(luu: dict[str, Any], line: str, typist: str | None) -> None:
    paras, codes = _rendered(luu)
    texts = [p.text for p in paras]
    assert texts[0] == "Nơi nhận:"
    if typist is None:
        assert texts[-1] == line
        assert all(p.style.style_id in ("NoiNhanNhan", "NoiNhan") for p in paras)
    else:
        assert texts[-2:] == [line, typist]
        assert paras[-1].style.style_id == "KyHieuNguoiSoan"
    # Every recipient line "- …;" and the Lưu line the last of the list, ending with ".".
    lines = [p for p in paras if p.style.style_id == "NoiNhan"]
    assert all(p.text.startswith("- ") and p.text.endswith(";") for p in lines[:-1])
    assert lines[-1].text == line and line.endswith(".")
    units = luu.get("don_vi") or []
    assert ("luu-vt-duplicate" in codes) == ("VT" in ([units] if isinstance(units, str) else units))


def _mark_runs(luu: dict[str, Any]) -> list[Any]:
    paras, _ = _rendered(luu)
    last = [p for p in paras if p.style.style_id == "NoiNhan"][-1]
    return [r for r in last.runs if r.text]


def test_mark_in_subscript() -> None:
    runs = _mark_runs({"don_vi": "NV", "nguoi_soan": "M"})
    assert [r.text for r in runs] == ["- Lưu: VT, NV", "(M)", "."]
    assert [bool(r.font.subscript) for r in runs] == [False, True, False]
    assert runs[1].font.size is None  # the list's own 11 pt, lowered (Phụ lục I, II.9.d)


def test_mark_small() -> None:
    runs = _mark_runs({"don_vi": "NV", "nguoi_soan": "M", "kieu_nguoi_soan": "chu_nho"})
    assert [r.text for r in runs] == ["- Lưu: VT, NV", "(M)", "."]
    assert runs[1].font.size == Pt(8) and not runs[1].font.subscript


def test_mark_plain() -> None:
    runs = _mark_runs({"don_vi": "NV", "nguoi_soan": "M", "kieu_nguoi_soan": "thuong"})
    assert "".join(r.text for r in runs) == "- Lưu: VT, NV(M)."
    assert not any(r.font.subscript or r.font.size for r in runs)


def test_typist_without_copies_prints_a_correct_form() -> None:
    """``nguoi_soan`` without ``so_ban_phat_hanh`` used to print a lone "PL." line that
    the checker refused; the mark now goes after the unit on the Lưu line."""
    paras, _ = _rendered({"don_vi": "VP", "nguoi_soan": "PL"})
    assert paras[-1].text == "- Lưu: VT, VP(PL)."
    assert not any(p.style.style_id == "KyHieuNguoiSoan" for p in paras)


def test_the_decisions_luu_line_has_the_mark_too() -> None:
    paras, _ = _rendered({"don_vi": "NV", "nguoi_soan": "M"}, quyet_dinh=True)
    runs = [r for r in paras[-1].runs if r.text]
    assert paras[-1].text == "- Lưu: VT, NV(M)." and runs[1].font.subscript


@pytest.mark.parametrize(
    ("luu", "needle"),
    [
        ({"don_vi": "nv"}, "capitals abbreviation"),
        ({"don_vi": "NV, TH"}, "capitals abbreviation"),
        ({"don_vi": "NV", "so_ban_phat_hanh": 30}, "give 'nguoi_soan'"),
        (
            {"don_vi": "NV", "nguoi_soan": "M", "vi_tri_nguoi_soan": "dong_rieng"},
            "give 'so_ban_phat_hanh'",
        ),
        (
            {
                "don_vi": "NV",
                "nguoi_soan": "M",
                "so_ban_phat_hanh": 3,
                "vi_tri_nguoi_soan": "sau_don_vi",
            },
            "only on",
        ),
        ({"nguoi_soan": "M"}, "after the drafting unit"),
        ({"don_vi": "NV", "nguoi_soan": "m"}, "capital"),
    ],
)
def test_forms_refused(luu: dict[str, Any], needle: str) -> None:
    data = copy.deepcopy(MINIMAL)
    data["luu"] = luu
    with pytest.raises(CampaignError) as exc:
        validate_data(data)
    assert needle in exc.value.problems[0].message_en
    assert exc.value.problems[0].loc[0] == "luu"


@pytest.mark.parametrize(("luu", "line", "typist"), FORMS)
def test_the_checker_passes_every_form(luu: dict[str, Any], line: str, typist: str | None) -> None:
    """Generator and checker agree: every Lưu form chithi renders, chithi check passes."""
    from chithi_gen.check import check_docx

    data = copy.deepcopy(MINIMAL)
    data["luu"] = luu
    report = check_docx(Renderer().render(data).docx)
    bad = [
        r for r in report.results if r.rule_id.startswith("ND30-NOINHAN") and r.status == "error"
    ]
    assert bad == [], [(r.rule_id, r.found, r.message_en) for r in bad]
