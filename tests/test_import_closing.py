"""Nơi nhận, the Lưu line in every form the model prints, the signer's authority lines,
and the sentence case of printed capitals, read back by the import."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from chithi_gen import Renderer
from chithi_gen.importer import import_docx
from chithi_gen.importer.case import restore
from support import MINIMAL

RENDERER = Renderer(environ={})

#: (luu written, luu imported): every form of docs/tep-chien-dich.md's table.
LUU: list[tuple[dict[str, Any], dict[str, Any]]] = [
    ({"don_vi": "NV"}, {"don_vi": "NV"}),
    ({}, {}),
    ({"don_vi": "Hồ sơ"}, {"don_vi": "Hồ sơ"}),
    ({"don_vi": ["NV", "TCKH"]}, {"don_vi": ["NV", "TCKH"]}),
    ({"don_vi": "TH (NC)"}, {"don_vi": "TH (NC)"}),
    ({"don_vi": "TH(NC)"}, {"don_vi": "TH (NC)"}),
    ({"don_vi": "VT-TH"}, {"don_vi": "VT-TH"}),
    ({"don_vi": "VT-TH (NC)"}, {"don_vi": "VT-TH (NC)"}),
    ({"don_vi": "NV", "so_ban_luu": 2}, {"don_vi": "NV", "so_ban_luu": 2}),
    (
        {"don_vi": "NV", "nguoi_soan": "PL", "so_ban_phat_hanh": 300},
        {"don_vi": "NV", "nguoi_soan": "PL", "so_ban_phat_hanh": 300},
    ),
    ({"don_vi": "NV", "nguoi_soan": "M"}, {"don_vi": "NV", "nguoi_soan": "M"}),
    (
        {"don_vi": "NV", "nguoi_soan": "M", "kieu_nguoi_soan": "chu_nho"},
        {"don_vi": "NV", "nguoi_soan": "M", "kieu_nguoi_soan": "chu_nho"},
    ),
    (
        {"don_vi": "NV", "nguoi_soan": "M", "kieu_nguoi_soan": "thuong"},
        {"don_vi": "NV", "nguoi_soan": "M", "kieu_nguoi_soan": "thuong"},
    ),
    (
        {"don_vi": ["VT-TH", "NV"], "nguoi_soan": "M", "so_ban_luu": 3},
        {"don_vi": ["VT-TH", "NV"], "nguoi_soan": "M", "so_ban_luu": 3},
    ),
    (
        {
            "don_vi": "NV",
            "nguoi_soan": "PL",
            "so_ban_phat_hanh": 30,
            "vi_tri_nguoi_soan": "dong_rieng",
        },
        {"don_vi": "NV", "nguoi_soan": "PL", "so_ban_phat_hanh": 30},
    ),
    ({"don_vi": "VT"}, {}),
    ({"don_vi": ["VT", "NV"]}, {"don_vi": "NV"}),
]


def _import(**fields: Any) -> tuple[dict[str, Any], Any]:
    data = copy.deepcopy(MINIMAL)
    data.update(fields)
    original = RENDERER.render(data)
    result = import_docx(original.docx, RENDERER)
    assert result.problems == []
    return result.data, original


@pytest.mark.parametrize("luu, expected", LUU, ids=[str(x[0]) for x in LUU])
def test_every_luu_form_comes_back(luu: dict[str, Any], expected: dict[str, Any]) -> None:
    data, original = _import(luu=luu)
    assert data["luu"] == expected
    again = RENDERER.prepare(data).documents[0]
    first = original.documents[0]
    assert again.noi_nhan == first.noi_nhan
    assert again.dong_luu == first.dong_luu  # the mark's runs: subscript, small, plain
    assert again.ky_hieu_nguoi_soan == first.ky_hieu_nguoi_soan


SIGNERS: list[dict[str, str]] = [
    {"tham_quyen": "TM.", "tap_the": "Ủy ban nhân dân", "chuc_vu": "Chủ tịch", "ho_ten": "A"},
    {
        "tham_quyen": "KT.",
        "tap_the": "Ủy ban nhân dân",
        "cap_truong": "Chủ tịch",
        "chuc_vu": "Phó Chủ tịch",
        "ho_ten": "Bế Thị Thu",
    },
    {"tham_quyen": "KT.", "cap_truong": "Giám đốc", "chuc_vu": "Phó Giám đốc", "ho_ten": "B"},
    {"tham_quyen": "Q.", "cap_truong": "Chủ tịch", "ho_ten": "C"},
    {"tham_quyen": "Q.", "tap_the": "Ủy ban nhân dân", "cap_truong": "Chủ tịch", "ho_ten": "C"},
    {"tham_quyen": "TL.", "cap_truong": "Chủ tịch", "chuc_vu": "Chánh Văn phòng", "ho_ten": "D"},
    {"tham_quyen": "TUQ.", "cap_truong": "Giám đốc", "chuc_vu": "Trưởng phòng", "ho_ten": "E"},
    {"chuc_vu": "Chủ tịch", "ho_ten": "Nguyễn Văn An"},
    {"chuc_vu": "Giám đốc Sở Nội vụ", "ho_ten": "Hoàng Văn Long"},
]


@pytest.mark.parametrize("signer", SIGNERS, ids=lambda s: " ".join(s.values()))
def test_every_signing_authority_comes_back(signer: dict[str, str]) -> None:
    assert _import(nguoi_ky=signer)[0]["nguoi_ky"] == signer


def test_recipients_keep_their_purpose_and_wording() -> None:
    lines = ["Như trên", "Ban TĐKT tỉnh (b/c)", "UBND các xã, thị trấn", "Sở Nội vụ (để p/h)"]
    assert _import(noi_nhan=lines)[0]["noi_nhan"] == lines


@pytest.mark.parametrize(
    "printed, names, expected",
    [
        ("ỦY BAN NHÂN DÂN XÃ TRƯỜNG HÀ", True, "Ủy ban nhân dân xã Trường Hà"),
        ("UBND TỈNH CAO BẰNG", True, "UBND tỉnh Cao Bằng"),
        ("SỞ NỘI VỤ TỈNH CAO BẰNG", True, "Sở Nội vụ tỉnh Cao Bằng"),
        ("PHÒNG VĂN HÓA - XÃ HỘI", True, "Phòng Văn hóa - Xã hội"),
        ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", True, "Sở Khoa học và Công nghệ"),
        ("TỈNH ỦY CAO BẰNG", True, "Tỉnh ủy Cao Bằng"),
        ("ĐẢNG ỦY XÃ TRƯỜNG HÀ", True, "Đảng ủy xã Trường Hà"),
        ("BAN THƯỜNG VỤ", True, "Ban Thường vụ"),
        ("CHÁNH VĂN PHÒNG", True, "Chánh Văn phòng"),
        ("PHÓ CHỦ TỊCH", True, "Phó Chủ tịch"),
        ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ", True, "Ủy ban Mặt trận Tổ quốc Việt Nam xã"),
        ("QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ", True, "Quyền hạn, chức vụ của người ký"),
        ("MỤC ĐÍCH, YÊU CẦU", False, "Mục đích, yêu cầu"),
        ("THỰC HIỆN CHỈ THỊ SỐ 05-CT/HU", False, "Thực hiện Chỉ thị số 05-CT/HU"),
        (
            "PHÒNG CHÁY, CHỮA CHÁY TẠI XÃ TRƯỜNG HÀ NĂM 2026",
            False,
            "Phòng cháy, chữa cháy tại xã Trường Hà năm 2026",
        ),
        ("ĐẠI HỘI KHÓA XIII", False, "Đại hội khóa XIII"),
        ("CHƯƠNG TRÌNH HÀNH ĐỘNG", False, "Chương trình hành động"),
        ("Ủy ban nhân dân  xã An Bình", True, "Ủy ban nhân dân xã An Bình"),  # typed, kept
    ],
)
def test_sentence_case_from_capitals(printed: str, names: bool, expected: str) -> None:
    assert restore(printed, names=names) == expected
    assert restore(printed, names=names).upper() == " ".join(printed.upper().split())
