"""Test support: paths to the examples and seeds, and a minimal valid campaign."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
#: Public reference material copied into the repository (tests/data/README.md).
DATA = ROOT / "tests" / "data"
SEEDS = DATA / "seeds"
REFERENCE = DATA / "reference" / "nd30"

MINIMAL: dict[str, Any] = {
    "loai": "chi_thi",
    "co_quan": {"ten": "Ủy ban nhân dân huyện Hà Quảng", "viet_tat": "UBND"},
    "so": 5,
    "ngay": "2021-02-05",
    "dia_danh": "Hà Quảng",
    "trich_yeu": "Về việc phát động phong trào thi đua năm 2021",
    "mo_dau": ["Năm 2021 có ý nghĩa quan trọng."],
    "noi_dung": [
        {"tieu_de": "Mục tiêu", "noi_dung": ["Phát huy sức mạnh toàn hệ thống chính trị."]},
        {
            "tieu_de": "Nội dung",
            "noi_dung": [
                {
                    "muc": "Tổ chức học tập.",
                    "noi_dung": [{"muc": "Điểm một."}, {"muc": "Điểm hai."}],
                },
                {"muc": "Thực hiện tốt."},
            ],
        },
        "Căn cứ Chỉ thị này, yêu cầu các cơ quan nghiêm túc thực hiện.",
    ],
    "nguoi_ky": {
        "tham_quyen": "KT.",
        "cap_truong": "Chủ tịch",
        "chuc_vu": "Phó Chủ tịch",
        "ho_ten": "Nguyễn Văn An",
    },
    "noi_nhan": ["Thường trực Huyện ủy", "Ban TĐKT tỉnh (b/c)", "UBND các xã, thị trấn"],
    "luu": {"don_vi": "NV"},
}


def bundled_layout_bytes(name: str) -> bytes:
    """The .docx bytes of the bundled layout ``name``, found by the library's lookup."""
    from chithi_gen.lookup import TemplateSet

    return TemplateSet(environ={}).find_layout(name).read_bytes()
