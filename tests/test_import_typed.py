"""Documents typed by hand, the official samples and the checker's corpus import to valid
campaign files, and the typed documents' components land in the right fields.

The typed documents are built by ``tests/data/import/build.py`` (python-docx, and
LibreOffice from a flat ODT): manual numbering with tabs, underscores for rules, a
header laid out with tabs, a signature in a table or as plain paragraphs, Word's own
list numbering, a footnote, a Quyết định with its attachment.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from chithi_gen import Renderer
from chithi_gen.check.read import read_model
from chithi_gen.importer import Imported, import_docx
from support import DATA, REFERENCE

TYPED = DATA / "import"
CORPUS = DATA / "check-corpus"
MAU_1_4 = CORPUS / "mau" / "mau-1.4-van-ban-co-ten-loai.docx"


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(environ={})


def imported(path: Path, renderer: Renderer, tmp_path: Path) -> tuple[Imported, Path]:
    """Import ``path``, write the campaign file and validate it as ``chithi validate`` does."""
    result = import_docx(path, renderer)
    assert result.problems == []
    out = tmp_path / f"{path.stem}.yaml"
    out.write_text(result.yaml(), encoding="utf-8")
    renderer.prepare(renderer.read(out))
    return result, out


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


def test_typed_documents_keep_their_words(renderer: Renderer, tmp_path: Path) -> None:
    """Every word of a typed document's text is in the document rendered from its import."""
    for path in sorted(TYPED.glob("*.docx")):
        _, out = imported(path, renderer, tmp_path)
        again = renderer.render(renderer.read(out)).docx
        before = _words(" ".join(p.text for p in read_model(path.read_bytes()).paragraphs))
        after = set(_words(" ".join(p.text for p in read_model(again).paragraphs)))
        lost = [w for w in before if w not in after and not w.isdigit()]
        # Only the table that is not a chỉ tiêu table (noted) may be lost, and the
        # headings of a typed chỉ tiêu table (chithi prints its own).
        table = {"thôn", "số", "cây", "loại", "bản", "giới", "keo", "nà", "rẻo", "thông"}
        assert set(lost) <= table | {"tt", "đvt"}
        assert len(set(after)) > 40


def test_chi_thi_typed_with_tabs_and_underscores(renderer: Renderer, tmp_path: Path) -> None:
    data = imported(TYPED / "chi-thi-go-tay.docx", renderer, tmp_path)[0].data
    assert data["loai"] == "chi_thi" and data["so"] == 4 and data["ngay"] == date(2026, 1, 20)
    assert data["co_quan"]["ten"] == "Ủy ban nhân dân xã Trường Hà"
    assert data["co_quan"]["chu_quan"] == "UBND tỉnh Cao Bằng"
    assert data["co_quan"]["viet_tat"] == "UBND" and data["dia_danh"] == "Trường Hà"
    assert "danh_so" not in data  # I. / 1. / a): the default la_ma
    first, second, third, closing = data["noi_dung"]
    assert first["tieu_de"] == "Mục đích, yêu cầu"  # "I. MỤC ĐÍCH, YÊU CẦU"
    assert first["noi_dung"][0] == {
        "tieu_de": "Mục đích",  # a run-in bold heading, its colon added back by chithi
        "muc": "Nâng cao nhận thức của Nhân dân về bảo vệ môi trường.",
    }
    points = second["noi_dung"][0]["noi_dung"]
    assert points[0] == {"muc": "Phát động phong trào ngày Chủ nhật xanh tại các thôn."}
    assert [b["gach"] for b in points[1]["noi_dung"]] == [
        "Thôn Bản Giới hoàn thành trong quý I;",
        "Các thôn còn lại hoàn thành trong quý II.",
    ]
    assert points[1]["noi_dung"][0]["noi_dung"] == [{"cong": "Tổ dân cư số 1 làm trước;"}]
    collect = second["noi_dung"][1]
    assert collect["chi_tieu_dang"] == "bang"  # "TT | Chỉ tiêu | ĐVT | Kế hoạch năm 2026"
    assert collect["chi_tieu"] == [
        {"ten": "Tỷ lệ hộ gia đình được thu gom rác thải", "gia_tri": 95, "don_vi": "%"},
        {"ten": "Điểm tập kết rác thải đạt chuẩn", "gia_tri": 12, "don_vi": "điểm"},
    ]
    assert third["tieu_de"] == "Tổ chức thực hiện"
    assert closing.endswith("nghiêm túc thực hiện Chỉ thị này.")  # "./." dropped
    assert data["nguoi_ky"] == {
        "tham_quyen": "TM.",
        "tap_the": "Ủy ban nhân dân",
        "chuc_vu": "Chủ tịch",
        "ho_ten": "Nông Văn Hùng",
    }
    assert data["noi_nhan"] == ["UBND tỉnh (b/c)", "Các thôn"]
    assert data["luu"] == {"don_vi": "VP", "nguoi_soan": "NTH"}  # "VP" + subscript "(NTH)"


def test_ke_hoach_with_a_tab_header_and_decimal_numbers(renderer: Renderer, tmp_path: Path) -> None:
    result = imported(TYPED / "ke-hoach-thap-phan.docx", renderer, tmp_path)[0]
    data = result.data
    assert data["co_quan"]["ten"] == "Ủy ban nhân dân xã An Bình"  # "ỦY BAN NHÂN DÂN<tab>…"
    assert data["danh_so"] == ["so", "thap_phan", "chu"]  # 1. / 1.1. / a)
    content = data["noi_dung"][1]["noi_dung"]
    assert content[0]["tieu_de"] == "Số lượng cây trồng"
    assert [p["muc"][:8] for p in content[0]["noi_dung"]] == ["Mỗi thôn", "Trường h"]
    assert data["luu"] == {"don_vi": "TH (NC)", "nguoi_soan": "PL", "so_ban_phat_hanh": 50}
    assert data["nguoi_ky"]["tham_quyen"] == "KT." and data["nguoi_ky"]["ho_ten"] == "Lương Thị Mai"
    table = [n for n in result.notes if "bảng chỉ tiêu" in n.vi]
    assert len(table) == 1 and "Thôn" in table[0].where


def test_quyet_dinh_with_its_attached_plan(renderer: Renderer, tmp_path: Path) -> None:
    result, out = imported(TYPED / "quyet-dinh-kem-ke-hoach.docx", renderer, tmp_path)
    data = result.data
    assert data["loai"] == "ke_hoach" and "so" not in data
    assert data["quyet_dinh"] == {
        "so": 15,
        "tham_quyen_ban_hanh": "Ủy ban nhân dân xã An Bình",
        "can_cu": ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"],
        "theo_de_nghi": "Theo đề nghị của Công chức Văn phòng - Thống kê xã",
        "dieu": [
            "Quyết định này có hiệu lực kể từ ngày ký.",
            "Công chức Văn phòng - Thống kê và các bộ phận chuyên môn chịu trách nhiệm thi"
            " hành Quyết định này.",
        ],
    }
    # Items numbered by Word's list numbering, and its bullet.
    assert data["danh_so"] == ["so"]
    items = data["noi_dung"]
    assert items[0] == {"muc": "Rà soát toàn bộ thủ tục hành chính thuộc thẩm quyền của xã."}
    assert items[1]["noi_dung"] == [{"gach": "Các bộ phận báo cáo kết quả hằng tháng."}]
    assert result.notes == []
    docs = renderer.prepare(renderer.read(out)).documents
    assert [d.ten_loai for d in docs] == ["QUYẾT ĐỊNH", "KẾ HOẠCH"]
    assert docs[1].kem_theo.startswith("(Kèm theo Quyết định số 15/QĐ-UBND ngày 05 tháng 02")


def test_chuong_trinh_saved_by_libreoffice(renderer: Renderer, tmp_path: Path) -> None:
    data = imported(TYPED / "chuong-trinh-libreoffice.docx", renderer, tmp_path)[0].data
    assert data["loai"] == "chuong_trinh" and data["so"] == 8
    assert data["co_quan"] == {
        "ten": "Sở Nội vụ",
        "chu_quan": "UBND tỉnh Cao Bằng",
        "viet_tat": "SNV",
    }
    assert data["mo_dau"][0].startswith(
        "Năm 2026 là năm đầu thực hiện Nghị quyết Đại hội Đảng bộ tỉnh^[Nghị quyết Đại hội"
    )
    unnumbered, tasks, _ = data["noi_dung"]
    assert unnumbered["khong_so"] is True and unnumbered["tieu_de"] == "Mục đích, yêu cầu"
    assert tasks["noi_dung"][0]["tieu_de"] == "Tuyên truyền"
    assert data["luu"] == {"so_ban_luu": 2, "don_vi": "NV"}
    assert data["nguoi_ky"] == {
        "tham_quyen": "KT.",
        "cap_truong": "Giám đốc",
        "chuc_vu": "Phó Giám đốc",
        "ho_ten": "Hoàng Văn Long",
    }


def test_the_mau_1_4_sample_imports_to_a_valid_file(renderer: Renderer, tmp_path: Path) -> None:
    """Phụ lục III, Mẫu 1.4 — a sample of blanks: what is not there is noted, and the
    file still validates."""
    result, out = imported(MAU_1_4, renderer, tmp_path)
    data: dict[str, Any] = result.data
    assert data["co_quan"]["ten"] == "Tên cơ quan, tổ chức"
    assert data["ten_loai"] == "Tên loại văn bản"
    assert data["nguoi_ky"]["chuc_vu"] == "Quyền hạn, chức vụ của người ký"
    text = out.read_text(encoding="utf-8")
    assert text.count("# CHƯA ĐỌC ĐƯỢC / NOT READ:") == len(result.notes) >= 5
    assert "TÊN LOẠI VĂN BẢN" in text  # the note says what was printed


@pytest.mark.parametrize(
    "path",
    [
        REFERENCE / "phu-luc-III-goc.docx",
        REFERENCE / "phu-luc-I-goc.docx",
        *sorted(CORPUS.glob("*/*.docx")),
    ],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_every_sample_and_corpus_document_imports_to_a_valid_file(
    path: Path, renderer: Renderer, tmp_path: Path
) -> None:
    imported(path, renderer, tmp_path)
