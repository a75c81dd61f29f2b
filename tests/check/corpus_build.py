"""Build the checker's corpus: documents typed by hand, broken copies, and controls.

Writes under ``tests/data/check-corpus/``:

* ``hand/`` — documents typed the way clerks type them (``corpus_docs.Doc``, python-docx),
  correct ones and ones with the common mistakes, each listed with its expected
  findings in ``EXPECTED``;
* ``libreoffice/`` — some of them opened and saved again by LibreOffice Writer (run
  headless), so the corpus holds Writer's own WordprocessingML;
* ``broken/`` — copies of the official samples and of the typed documents with one or
  two defects made on purpose (lxml edits);
* ``controls/`` — documents the decree does not govern (a Party directive, a decree, a
  citizen's application, a product leaflet, a letter);
* ``expected.tsv`` — every document's expected type and findings (the table the corpus
  test asserts, and precision and recall are measured against).

Run from the repository root (LibreOffice is needed for ``libreoffice/`` only)::

    .venv/bin/python tests/check/corpus_build.py
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_docs import Doc, Fmt
from docx.shared import Cm

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "check-corpus"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

BODY = (
    "Thực hiện Kế hoạch số 45/KH-UBND ngày 10 tháng 01 năm 2026 của Ủy ban nhân dân huyện "
    "về cải cách hành chính, Ủy ban nhân dân xã đã chỉ đạo các bộ phận chuyên môn rà soát "
    "toàn bộ thủ tục hành chính thuộc thẩm quyền giải quyết, niêm yết công khai tại Bộ phận "
    "tiếp nhận và trả kết quả, đồng thời tiếp nhận hồ sơ trực tuyến trên Cổng dịch vụ công.",
    "Trong năm 2025, Bộ phận tiếp nhận và trả kết quả đã tiếp nhận 1.245 hồ sơ, giải quyết "
    "đúng hạn 1.238 hồ sơ, đạt tỷ lệ 99,4%; không có hồ sơ quá hạn do lỗi của cán bộ, công "
    "chức; mức độ hài lòng của người dân và doanh nghiệp được nâng lên rõ rệt.",
    "Để tiếp tục nâng cao chất lượng phục vụ, yêu cầu các bộ phận chuyên môn thường xuyên "
    "cập nhật thủ tục hành chính mới, hướng dẫn người dân nộp hồ sơ trực tuyến, bảo đảm giải "
    "quyết đúng thời hạn và báo cáo kết quả thực hiện trước ngày 25 hằng tháng.",
)
LONG = BODY * 3  # enough for a second page
ENDED = (*BODY[:-1], BODY[-1].rstrip(".") + "./.")
ENDED_LONG = (*LONG[:-1], LONG[-1].rstrip(".") + "./.")

#: (document, type, rule, status, note): every expectation the corpus test asserts. A
#: document's rows with status ``error`` are all the errors it has (its true defects).
EXPECTED: list[tuple[str, str, str, str, str]] = []


def expect(doc: str, kind: str, *rows: tuple[str, str, str]) -> None:
    """Record ``doc``'s type and its expected (rule, status, note) findings."""
    EXPECTED.append((doc, kind, "*", "type", ""))
    for rule, status, note in rows:
        EXPECTED.append((doc, kind, f"ND30-{rule}", status, note))


def _agency_header(d: Doc, **kw: object) -> None:
    d.header(
        kw.pop("co_quan", ["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH"]),  # type: ignore[arg-type]
        kw.pop("so", "Số: 15/QĐ-UBND"),  # type: ignore[arg-type]
        kw.pop("ngay", "An Bình, ngày 05 tháng 02 năm 2026"),  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def quyet_dinh_ok() -> bytes:
    d = Doc()
    _agency_header(d, chu_quan=["UBND HUYỆN ĐÔNG HẢI"])
    d.title("QUYẾT ĐỊNH", ["Về việc thành lập Tổ công tác cải cách hành chính năm 2026"])
    d.paragraph(
        d.doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH", Fmt(bold=True, align="center", before=6)
    )
    cancu = Fmt(italic=True, indent_cm=1.27, before=6)
    d.paragraph(
        d.doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;", cancu
    )
    d.paragraph(
        d.doc,
        "Căn cứ Kế hoạch số 45/KH-UBND ngày 10 tháng 01 năm 2026 của Ủy ban "
        "nhân dân huyện Đông Hải về cải cách hành chính năm 2026;",
        cancu,
    )
    d.paragraph(d.doc, "Theo đề nghị của Công chức Văn phòng - Thống kê xã.", cancu)
    d.paragraph(d.doc, "QUYẾT ĐỊNH:", Fmt(bold=True, align="center", before=6))
    d.body(
        [
            "Điều 1. Thành lập Tổ công tác cải cách hành chính năm 2026 của xã An Bình gồm các "
            "ông, bà có tên trong danh sách kèm theo Quyết định này.",
            "Điều 2. Tổ công tác có nhiệm vụ rà soát thủ tục hành chính, hướng dẫn người dân nộp "
            "hồ sơ trực tuyến và báo cáo kết quả thực hiện hằng tháng với Chủ tịch Ủy ban nhân "
            "dân xã.",
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Công chức Văn phòng - Thống kê "
            "và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        ]
    )
    d.closing(
        ["- Như Điều 3;", "- UBND huyện (để báo cáo);", "- Lưu: VT, VP."],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "Nguyễn Văn Bình",
    )
    return d.save()


expect(
    "hand/quyet-dinh-dung.docx",
    "quyet_dinh",
    ("CANCU", "pass", ""),
    ("KYHIEU-LOAI", "pass", ""),
    ("KY-DONG", "pass", ""),
    ("PAGENUM-FIELD", "n/a", "one page"),
    ("CHUQUAN-FORMAT", "pass", ""),
)


def cong_van_ok() -> bytes:
    d = Doc()
    _agency_header(
        d,
        so="Số: 08/UBND-VP",
        vv=["V/v triển khai tiếp nhận hồ sơ", "trực tuyến"],
        ngay="An Bình, ngày 12 tháng 3 năm 2026",
    )
    d.paragraph(d.doc, "", Fmt())
    d.paragraph(d.doc, "Kính gửi: Ủy ban nhân dân huyện Đông Hải.", Fmt(align="center"))
    d.body(ENDED)
    d.closing(["- Như trên;", "- Lưu: VT."], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Trần Thị Hoa")
    return d.save()


expect(
    "hand/cong-van-dung.docx",
    "cong_van",
    ("CONGVAN-VV", "pass", ""),
    ("KINHGUI", "pass", ""),
    ("KY-KT", "pass", ""),
    ("KYHIEU-LOAI", "pass", ""),
    ("TENLOAI-FORMAT", "n/a", "no tên loại"),
)


def ke_hoach_typed() -> bytes:
    """A Kế hoạch with manual numbering, typed rules and a two-page body."""
    d = Doc()
    _agency_header(d, so="Số: 21/KH-UBND", rules="underscores")
    d.title("KẾ HOẠCH", ["Tổ chức Tết trồng cây năm 2026"], rules="underscores")
    d.paragraph(d.doc, "I. MỤC ĐÍCH, YÊU CẦU", Fmt(bold=True, indent_cm=1.27, before=6))
    d.body(
        [
            "1. Mục đích",
            "a) Phát động phong trào trồng cây xanh trong toàn xã, tạo cảnh "
            "quan xanh, sạch, đẹp và góp phần ứng phó với biến đổi khí hậu tại địa phương.",
            "- Mỗi thôn trồng ít nhất 500 cây xanh các loại dọc các tuyến đường liên thôn, "
            "khuôn viên trường học, trạm y tế và nhà văn hóa thôn.",
            *ENDED_LONG,
        ]
    )
    d.closing(
        ["- UBND huyện;", "- Các thôn;", "- Lưu: VT, VP."],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "Nguyễn Văn Bình",
    )
    d.page_numbers()
    return d.save()


expect(
    "hand/ke-hoach-go-tay.docx",
    "co_ten_loai",
    ("TIEUNGU-RULE", "warning", "typed underscores"),
    ("COQUAN-RULE", "warning", "typed underscores"),
    ("TRICHYEU-RULE", "warning", "typed underscores"),
    ("PAGENUM-FIELD", "pass", ""),
    ("PAGENUM-FIRST", "pass", ""),
    ("KYHIEU-LOAI", "pass", ""),
)


def bao_cao_mistakes() -> bytes:
    """A Báo cáo with the usual mistakes of a hurried clerk."""
    d = Doc()
    _agency_header(
        d, so="Số: 5/BC-UBND", ngay="An Bình, ngày 5 tháng 03 năm 2026", date_align="right"
    )
    d.title(
        "BÁO CÁO",
        ["Kết quả cải cách hành chính quý I năm 2026"],
        ten_loai_fmt=Fmt(size=16, bold=True, align="center"),
    )
    d.body(
        [
            "Trong quý I, Ủy Ban Nhân Dân xã đã chỉ đạo các bộ phận chuyên môn rà soát toàn bộ thủ "
            "tục hành chính thuộc thẩm quyền giải quyết và niêm yết công khai tại trụ sở.",
            *BODY[1:],
        ],
        Fmt(size=12, align="left", indent_cm=0, before=6),
    )
    d.closing(
        ["- UBND huyện;", "- Lưu: VT"], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Văn Bình"
    )
    return d.save()


expect(
    "hand/bao-cao-loi.docx",
    "co_ten_loai",
    ("SOKYHIEU-TEXT", "error", "5 without a leading zero"),
    ("NGAY-TEXT", "error", "day 5, month 03"),
    ("HEADER-CENTER", "error", "date right-aligned"),
    ("TENLOAI-FORMAT", "error", "16 pt"),
    ("BODY-ALIGN", "error", "left-aligned, wrapped"),
    ("BODY-INDENT", "error", "no first-line indent"),
    ("BODY-SIZE", "error", "12 pt"),
    ("BODY-END", "error", "no ./."),
    ("VIETHOA", "error", "Ủy Ban Nhân Dân"),
    ("NOINHAN-LUU", "error", "no full stop"),
)


def to_trinh_addressees() -> bytes:
    d = Doc()
    _agency_header(d, so="Số: 03/TTr-UBND")
    d.title("TỜ TRÌNH", ["Về việc đề nghị phê duyệt kế hoạch chuyển đổi số năm 2026"])
    d.paragraph(d.doc, "Kính gửi:", Fmt(align="center"))
    d.paragraph(d.doc, "- Ủy ban nhân dân huyện Đông Hải", Fmt(align="center"))
    d.paragraph(d.doc, "- Phòng Văn hóa và Thông tin huyện;", Fmt(align="center"))
    d.body(ENDED)
    d.closing(
        ["- Như trên;", "- Lưu: VT, VP."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Văn Bình"
    )
    return d.save()


expect(
    "hand/to-trinh-kinh-gui.docx",
    "co_ten_loai",
    ("KINHGUI", "error", "first line without ;, last without ."),
    ("KYHIEU-LOAI", "pass", ""),
)


def quyet_dinh_mistakes() -> bytes:
    d = Doc()
    _agency_header(d, so="Số: 16/KH-UBND")
    d.title("QUYẾT ĐỊNH", ["Về việc phê duyệt danh sách hộ nghèo năm 2026"])
    d.paragraph(d.doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH", Fmt(bold=True, align="center"))
    d.paragraph(
        d.doc,
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025",
        Fmt(indent_cm=1.27, before=6),
    )
    d.paragraph(
        d.doc, "Xét đề nghị của Ban giảm nghèo xã.", Fmt(italic=True, indent_cm=1.27, before=6)
    )
    d.paragraph(d.doc, "QUYẾT ĐỊNH:", Fmt(bold=True, align="center", before=6))
    d.body(
        [
            "Điều 1. Phê duyệt danh sách 42 hộ nghèo, 35 hộ cận nghèo năm 2026 của xã An Bình "
            "theo danh sách do Ban giảm nghèo xã lập và đã được niêm yết công khai tại các thôn.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.",
        ]
    )
    d.closing(["- Như Điều 2;", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"], "NGUYỄN VĂN BÌNH")
    return d.save()


expect(
    "hand/quyet-dinh-loi.docx",
    "quyet_dinh",
    ("KYHIEU-LOAI", "error", "a Quyết định numbered /KH-"),
    ("CANCU", "error", "not italic, no ;"),
    ("KY-DONG", "error", "TM. … CHỦ TỊCH on one line"),
    ("KY-HOTEN", "error", "name in capitals"),
)


def thong_bao_tl() -> bytes:
    d = Doc()
    _agency_header(d, chu_quan=["UBND HUYỆN ĐÔNG HẢI"], chu_quan_size=14, so="Số: 11/TB-UBND")
    d.title("THÔNG BÁO", ["Lịch tiếp công dân tháng 4 năm 2026"])
    d.body(ENDED)
    d.closing(
        ["- Các thôn;", "- Lưu: VT."],
        ["TL. CHỦ TỊCH"],
        "Lê Văn Tâm",
        signer_fmt=Fmt(align="center"),
    )
    return d.save()


expect(
    "hand/thong-bao-tl.docx",
    "co_ten_loai",
    ("CHUQUAN-FORMAT", "error", "14 pt"),
    ("KY-TL", "error", "no own title under TL."),
    ("KY-HOTEN", "error", "name not bold"),
)


def cong_van_mistakes() -> bytes:
    d = Doc(margins_mm=(20, 20, 25, 15))
    d.paragraph(d.doc, "Khẩn", Fmt(size=13, align="left"))
    _agency_header(
        d,
        so="Số: 9/UBND-VP",
        vv=["V/v báo cáo số liệu dân số"],
        vv_fmt=Fmt(size=14, bold=True, align="center"),
    )
    d.paragraph(d.doc, "", Fmt())
    d.paragraph(d.doc, "Kính gửi Ủy ban nhân dân huyện Đông Hải.", Fmt(align="center"))
    d.body([f"\t{t}" for t in ENDED], Fmt(indent_cm=0, before=6))
    d.paragraph(
        d.doc, "Đề nghị các thôn phối hợp thực hiện.", Fmt(font="Arial", before=6, indent_cm=1.27)
    )
    d.closing(["- Như trên;", "- Lưu: VT, VP."], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Trần Thị Hoa")
    return d.save()


expect(
    "hand/cong-van-loi.docx",
    "cong_van",
    ("MARGIN-LEFT", "error", "25 mm"),
    ("FONT-TNR", "error", "an Arial paragraph"),
    ("SOKYHIEU-TEXT", "error", "9 without zero"),
    ("CONGVAN-VV", "error", "14 pt bold"),
    ("KINHGUI", "error", "no colon"),
    ("DOKHAN", "error", "«Khẩn» not in capitals nor bold"),
    ("BODY-END", "error", "the last paragraph has no ./."),
    ("BODY-INDENT", "warning", "indented with a tab"),
)


def ke_hoach_appendix() -> bytes:
    d = Doc()
    _agency_header(d, so="Số: 30/KH-UBND")
    d.title("KẾ HOẠCH", ["Chuyển đổi số năm 2026"])
    d.body([*BODY, "Danh mục nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này./."])
    d.closing(
        ["- UBND huyện;", "- Lưu: VT, VP."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Văn Bình"
    )
    d.page_numbers()
    d.new_section(restart=False)
    d.paragraph(d.doc, "PHỤ LỤC", Fmt(bold=True, align="center"))
    d.paragraph(d.doc, "Danh mục nhiệm vụ chuyển đổi số", Fmt(bold=True, align="center"))
    d.paragraph(d.doc, "", Fmt())
    d.body(
        [
            "1. Số hóa hồ sơ hộ tịch từ năm 2000 đến năm 2025.",
            "2. Triển khai thanh toán không dùng tiền mặt tại Bộ phận một cửa./.",
        ]
    )
    return d.save()


expect(
    "hand/ke-hoach-phu-luc.docx",
    "co_ten_loai",
    ("PHULUC-LABEL", "error", "PHỤ LỤC in capitals"),
    ("PHULUC-TITLE", "error", "title in lower case"),
    ("PHULUC-KEMTHEO", "error", "no Kèm theo line"),
    ("PHULUC-PAGENUM", "error", "same numbering as the plan"),
)


def phu_luc_ok() -> bytes:
    d = Doc()
    d.paragraph(d.doc, "Phụ lục I", Fmt(bold=True, align="center"))
    d.paragraph(d.doc, "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026", Fmt(bold=True, align="center"))
    d.paragraph(
        d.doc,
        "(Kèm theo Kế hoạch số 30/KH-UBND ngày 05 tháng 02 năm 2026 của Ủy ban "
        "nhân dân xã An Bình)",
        Fmt(italic=True, align="center"),
    )
    p = d.doc.add_paragraph()
    d.border_below(p, 2000, 16 * 567)
    d.body(
        [
            "1. Số hóa hồ sơ hộ tịch từ năm 2000 đến năm 2025.",
            "2. Triển khai thanh toán không dùng tiền mặt tại Bộ phận một cửa./.",
        ]
    )
    return d.save()


expect(
    "hand/phu-luc-dung.docx",
    "phu_luc",
    ("PHULUC-LABEL", "pass", ""),
    ("PHULUC-TITLE", "pass", ""),
    ("PHULUC-KEMTHEO", "pass", ""),
    ("PHULUC-PAGENUM", "pass", ""),
)


def ban_sao() -> bytes:
    d = Doc()
    _agency_header(d, so="Số: 12/QĐ-UBND")
    d.title("QUYẾT ĐỊNH", ["Về việc khen thưởng năm 2025"])
    d.body(
        [
            "Điều 1. Khen thưởng 12 tập thể, 25 cá nhân có thành tích xuất sắc năm 2025.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.",
        ]
    )
    d.closing(
        ["- Như Điều 2;", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Văn Bình"
    )
    d.paragraph(d.doc, "", Fmt())
    copy = d.doc.add_table(rows=1, cols=2)
    left, right = copy.rows[0].cells
    for cell in (left, right):
        cell._tc.remove(cell.paragraphs[0]._p)
    d.paragraph(left, "ỦY BAN NHÂN DÂN XÃ AN BÌNH", Fmt(size=14, bold=True, align="center"))
    d.paragraph(left, "Số: 03/SL-UBND", Fmt(size=13, align="center"))
    d.paragraph(right, "SAO Y", Fmt(size=14, align="center"))
    d.paragraph(right, "An Bình, ngày 20 tháng 02 năm 2026", Fmt(italic=True, align="center"))
    d.closing(
        ["- Phòng Nội vụ huyện;", "- Lưu: VT."],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "Nguyễn Văn Bình",
    )
    return d.save()


expect(
    "hand/ban-sao.docx",
    "ban_sao",
    ("BANSAO-HINHTHUC", "error", "SAO Y not bold"),
    ("BANSAO-KYHIEU", "error", "SL for a SAO Y"),
    ("BANSAO-COQUAN", "error", "14 pt"),
)


def luu_hanh() -> bytes:
    d = Doc()
    _agency_header(d, so="Số: 02/BC-UBND")
    d.paragraph(d.doc, "Mật", Fmt(bold=True, align="left"))
    d.paragraph(d.doc, "LƯU HÀNH NỘI BỘ", Fmt(bold=True, align="center"))
    d.title("BÁO CÁO", ["Tình hình an ninh trật tự quý I năm 2026"])
    d.body(ENDED)
    d.closing(
        ["- Công an huyện;", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Văn Bình"
    )
    return d.save()


expect(
    "hand/bao-cao-mat.docx",
    "co_ten_loai",
    ("DOMAT", "error", "Mật in lower case"),
    ("LUUHANH", "error", "no frame"),
)


def bien_ban_ok() -> bytes:
    d = Doc()
    _agency_header(d, so="Số: 04/BB-UBND", ngay=None)
    d.title("BIÊN BẢN", ["Họp triển khai nhiệm vụ năm 2026"], rules="none")
    d.body(
        [
            "Thời gian bắt đầu: 08 giờ 00 phút, ngày 06 tháng 01 năm 2026.",
            "Địa điểm: Hội trường Ủy ban nhân dân xã An Bình.",
            "Thành phần tham dự: Thường trực Ủy ban nhân dân xã, các công chức chuyên môn và "
            "trưởng các thôn trên địa bàn xã.",
            "Cuộc họp kết thúc vào 11 giờ 00 phút cùng ngày./.",
        ]
    )
    table = d.doc.add_table(rows=2, cols=2)
    for cell in (*table.rows[0].cells, *table.rows[1].cells):
        cell._tc.remove(cell.paragraphs[0]._p)
    for cell, title, name in (
        (table.rows[0].cells[0], "THƯ KÝ", "Lê Thị Lan"),
        (table.rows[0].cells[1], "CHỦ TRÌ", "Nguyễn Văn Bình"),
    ):
        d.paragraph(cell, title, Fmt(bold=True, align="center"))
        for _ in range(3):
            d.paragraph(cell, "", Fmt())
        d.paragraph(cell, name, Fmt(bold=True, align="center"))
    left = table.rows[1].cells[0]
    d.paragraph(left, "Nơi nhận:", Fmt(size=12, bold=True, italic=True, align="left"))
    d.paragraph(left, "- Thường trực Đảng ủy;", Fmt(size=11, align="left"))
    d.paragraph(left, "- Lưu: VT, Hồ sơ.", Fmt(size=11, align="left"))
    return d.save()


expect(
    "hand/bien-ban-dung.docx",
    "bien_ban",
    ("NGAY-TEXT", "n/a", "a Biên bản has no date line"),
    ("KY-QUYENHAN", "pass", "two signatures"),
    ("KY-HOTEN", "pass", ""),
    ("TRICHYEU-RULE", "n/a", "Mẫu 1.9 draws none"),
)


def zero_margins() -> bytes:
    """Header cells with explicit zero margins: the rule is measured in the full cell."""
    d = Doc()
    _agency_header(d, so="Số: 07/QĐ-UBND", cell_margins=0)
    d.title("QUYẾT ĐỊNH", ["Về việc cử cán bộ đi tập huấn"])
    d.body(
        [
            "Điều 1. Cử ông Lê Văn Tâm, Công chức Văn phòng - Thống kê, tham dự lớp tập huấn.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.",
        ]
    )
    d.closing(["- Như Điều 1;", "- Lưu: VT."], ["CHỦ TỊCH"], "Nguyễn Văn Bình")
    return d.save()


expect(
    "hand/le-o-bang-bang-0.docx",
    "quyet_dinh",
    ("COQUAN-RULE", "pass", "explicit zero cell margins"),
    ("TIEUNGU-RULE", "pass", ""),
)


def ascii_fonts(theme_defaults: bool = False) -> bytes:
    """Fonts declared for ASCII only (w:ascii without w:hAnsi).

    With no other font anywhere, Word shows Times New Roman for every letter; with the
    blank template's theme fonts in the defaults, the letters outside ASCII (ệ, ư, đ …)
    print in the theme's font (a real defect)."""
    d = Doc(ascii_only_fonts=True, theme_defaults=theme_defaults)
    _agency_header(d, so="Số: 09/TB-UBND")
    d.title("THÔNG BÁO", ["Về việc nghỉ Tết Nguyên đán năm 2026"])
    d.body(ENDED)
    d.closing(["- Các thôn;", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Văn Bình")
    return d.save()


expect("hand/phong-chi-ascii.docx", "co_ten_loai", ("FONT-TNR", "pass", "w:ascii only"))
expect(
    "hand/phong-ascii-theme.docx",
    "co_ten_loai",
    ("FONT-TNR", "error", "ư, ệ … fall back to the theme font"),
)


def signature_rows() -> bytes:
    """Nơi nhận and the signature spread over three table rows (as Mẫu 1.6–1.8)."""
    d = Doc()
    _agency_header(d, so="Số: 14/GM-UBND")
    d.title("GIẤY MỜI", ["Dự hội nghị tổng kết công tác năm 2025"])
    d.body(
        [
            "Ủy ban nhân dân xã An Bình trân trọng kính mời đại diện lãnh đạo các cơ quan, đơn "
            "vị trên địa bàn xã tới dự hội nghị tổng kết công tác năm 2025.",
            "Thời gian: 08 giờ 00 phút, ngày 15 tháng 01 năm 2026.",
            "Địa điểm: Hội trường Ủy ban nhân dân xã./.",
        ]
    )
    d.closing(
        ["- Như trên;", "- Lưu: VT."],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "Nguyễn Văn Bình",
        rows=True,
    )
    return d.save()


expect(
    "hand/giay-moi-nhieu-dong.docx",
    "giay_moi",
    ("KY-QUYENHAN", "pass", "authority in row 1"),
    ("KY-HOTEN", "pass", "name in row 3"),
    ("NOINHAN-LINES", "pass", "list in row 2"),
    ("NOINHAN-LUU", "pass", ""),
)


def italic_note() -> bytes:
    """An italic note under the authority: not part of it."""
    d = Doc()
    _agency_header(d, so="Số: 19/CT-UBND")
    d.title("CHỈ THỊ", ["Về tăng cường công tác phòng cháy, chữa cháy"])
    d.body(ENDED)
    d.closing(
        ["- Các thôn;", "- Lưu: VT."],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "Nguyễn Văn Bình",
        note="(Đã ký)",
    )
    return d.save()


expect(
    "hand/chi-thi-ghi-chu.docx",
    "co_ten_loai",
    ("KY-QUYENHAN", "pass", "the italic note is not read"),
    ("KY-HOTEN", "pass", ""),
)


def header_spacing() -> bytes:
    d = Doc()
    _agency_header(d, so="Số: 20/HD-UBND", qh_line=1.5, qh_size=14)
    d.title(
        "HƯỚNG DẪN",
        ["Thực hiện thủ tục đăng ký kinh doanh hộ gia đình"],
        trich_yeu_fmt=Fmt(align="center"),
    )
    d.body(ENDED)
    d.closing(
        ["- Các hộ kinh doanh;", "- Lưu: VT."], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Trần Thị Hoa"
    )
    return d.save()


expect(
    "hand/huong-dan-gian-dong.docx",
    "co_ten_loai",
    ("HEADER-SPACING", "error", "1.5 lines"),
    ("QUOCHIEU-FORMAT", "error", "14 pt"),
    ("TRICHYEU-FORMAT", "error", "not bold"),
)


def signature_without_table() -> bytes:
    """Nơi nhận and the signature typed as plain paragraphs, the signature indented."""
    d = Doc()
    _agency_header(d, so="Số: 25/TB-UBND")
    d.title("THÔNG BÁO", ["Kết luận của Chủ tịch Ủy ban nhân dân xã tại buổi làm việc"])
    d.body(ENDED)
    sign = Fmt(bold=True, align="center")
    p = d.paragraph(d.doc, "TM. ỦY BAN NHÂN DÂN", sign)
    p.paragraph_format.left_indent = Cm(8)
    p = d.paragraph(d.doc, "CHỦ TỊCH", sign)
    p.paragraph_format.left_indent = Cm(8)
    for _ in range(3):
        d.paragraph(d.doc, "", Fmt())
    p = d.paragraph(d.doc, "Nguyễn Văn Bình", sign)
    p.paragraph_format.left_indent = Cm(8)
    d.paragraph(d.doc, "Nơi nhận:", Fmt(size=12, bold=True, italic=True, align="left"))
    for line in ("- Các thôn;", "- Lưu: VT, VP."):
        d.paragraph(d.doc, line, Fmt(size=11, align="left"))
    return d.save()


expect(
    "hand/thong-bao-khong-bang.docx",
    "co_ten_loai",
    ("KY-QUYENHAN", "pass", ""),
    ("KY-HOTEN", "pass", ""),
    ("NOINHAN-LUU", "pass", ""),
    ("BODY-END", "pass", "the signature is not the body"),
)


def kinh_gui_table() -> bytes:
    """A công văn to several addressees, «Kính gửi:» and the list set in a table."""
    d = Doc()
    _agency_header(
        d,
        so="Số: 31/UBND-VX",
        vv=["V/v tổ chức Ngày hội đọc sách"],
        ngay="An Bình, ngày 12 tháng 3 năm 2026",
    )
    d.paragraph(d.doc, "", Fmt())
    table = d.doc.add_table(rows=1, cols=2)
    d.widths(table, (Cm(4), Cm(12)))
    left, right = table.rows[0].cells
    for cell in (left, right):
        cell._tc.remove(cell.paragraphs[0]._p)
    d.paragraph(left, "Kính gửi:", Fmt(align="right"))
    d.paragraph(right, "- Trường Tiểu học An Bình;", Fmt(align="left"))
    d.paragraph(right, "- Trường Trung học cơ sở An Bình", Fmt(align="left"))
    d.body(ENDED)
    d.closing(["- Như trên;", "- Lưu: VT, VX."], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Trần Thị Hoa")
    return d.save()


expect(
    "hand/cong-van-kinh-gui-bang.docx",
    "cong_van",
    ("KINHGUI", "error", "the last addressee without a full stop"),
)


def footer_page_number() -> bytes:
    """A two-page Quyết định numbered in the footer (Word's default place)."""
    d = Doc()
    _agency_header(d, so="Số: 40/QĐ-UBND")
    d.title("QUYẾT ĐỊNH", ["Về việc ban hành Quy chế làm việc của Ủy ban nhân dân xã"])
    d.paragraph(d.doc, "QUYẾT ĐỊNH:", Fmt(bold=True, align="center", before=6))
    d.body([f"Điều {i}. {t}" for i, t in enumerate(ENDED_LONG, start=1)])
    d.closing(["- Như Điều 3;", "- Lưu: VT."], ["CHỦ TỊCH"], "Nguyễn Văn Bình")
    sect = d.doc.sections[0]
    sect.different_first_page_header_footer = True
    p = sect.footer.paragraphs[0]
    run = p.add_run()
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind in ("begin", "instr", "end"):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.text = " PAGE "
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
    return d.save()


expect(
    "hand/quyet-dinh-so-trang-chan.docx",
    "quyet_dinh",
    ("PAGENUM-FIELD", "error", "page number in the footer"),
)


def tab_header() -> bytes:
    """The header typed without a table, its two columns set apart with tabs."""
    d = Doc()
    bold = Fmt(size=13, bold=True, align="left")
    d.paragraph(d.doc, "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold)
    d.paragraph(d.doc, "XÃ AN BÌNH\t\t\tĐộc lập - Tự do - Hạnh phúc", bold)
    d.paragraph(d.doc, "_______\t\t\t\t_______________________", Fmt(size=13, align="left"))
    p = d.paragraph(d.doc, "Số: 05/TB-UBND\t\t", Fmt(size=13, align="left"))
    run = p.add_run("An Bình, ngày 05 tháng 02 năm 2026")
    d.style_run(run, Fmt(size=14, italic=True))
    d.title("THÔNG BÁO", ["Lịch tiếp công dân tại trụ sở Ủy ban nhân dân xã"])
    d.body(["Ủy ban nhân dân xã thông báo lịch tiếp công dân vào sáng thứ Hai hằng tuần./."])
    d.closing(["- Các thôn;", "- Lưu: VT."], ["CHỦ TỊCH"], "Nguyễn Văn Bình")
    return d.save()


expect(
    "hand/thong-bao-dan-tab.docx",
    "co_ten_loai",
    ("HEADER-CENTER", "warning", "columns set with tabs"),
    ("TIEUNGU-RULE", "warning", "typed underscores"),
    ("QUOCHIEU-FORMAT", "pass", "read from its column"),
    ("NGAY-TEXT", "pass", "read from its column"),
)


def header_rows() -> bytes:
    """A header table of three rows: names, then the rules, then number and date."""
    from chithi_gen.check.metrics import Piece, line_width

    d = Doc()
    t = d.doc.add_table(rows=3, cols=2)
    d.widths(t, (Cm(6.5), Cm(9.5)))
    for row in t.rows:
        for cell in row.cells:
            cell._tc.remove(cell.paragraphs[0]._p)
    agency = Fmt(size=13, bold=True, align="center")
    d.paragraph(t.rows[0].cells[0], "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH", agency)
    d.paragraph(t.rows[0].cells[1], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", agency)
    motto = "Độc lập - Tự do - Hạnh phúc"
    d.paragraph(t.rows[0].cells[1], motto, Fmt(size=14, bold=True, align="center"))
    left = line_width([Piece("ỦY BAN NHÂN DÂN", 13, True)]) * 0.4
    right = line_width([Piece(motto, 14, True)])
    d.border_below(t.rows[1].cells[0].add_paragraph(), left, 6.5 * 567 - 216)
    d.border_below(t.rows[1].cells[1].add_paragraph(), right, 9.5 * 567 - 216)
    d.paragraph(t.rows[2].cells[0], "Số: 08/UBND-VP", Fmt(size=13, align="center"))
    d.paragraph(
        t.rows[2].cells[0],
        "V/v triển khai tiếp nhận hồ sơ trực tuyến",
        Fmt(size=12, align="center", before=6),
    )
    date = "An Bình, ngày 12 tháng 3 năm 2026"
    d.paragraph(t.rows[2].cells[1], date, Fmt(size=14, italic=True, align="center"))
    d.paragraph(d.doc, "", Fmt())
    d.paragraph(d.doc, "Kính gửi: Ủy ban nhân dân huyện Đông Hải.", Fmt(align="center"))
    d.body(ENDED)
    d.closing(
        ["- Như trên;", "- Lưu: VT."],
        ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "Trần Thị Hoa",
        note="(Đã ký)",
    )
    return d.save()


expect(
    "hand/cong-van-bang-3-dong.docx",
    "cong_van",
    ("TIEUNGU-RULE", "pass", "the rule in the row below"),
    ("COQUAN-RULE", "pass", "the rule in the row below"),
    ("CONGVAN-VV", "pass", ""),
)


# -- controls -------------------------------------------------------------------------


def party() -> bytes:
    d = Doc()
    table = d.doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    d.paragraph(left, "ĐẢNG BỘ HUYỆN ĐÔNG HẢI", Fmt(size=14, align="center"))
    d.paragraph(left, "HUYỆN ỦY", Fmt(size=14, bold=True, align="center"))
    d.paragraph(left, "*", Fmt(align="center"))
    d.paragraph(left, "Số 12-CT/HU", Fmt(align="center"))
    d.paragraph(right, "ĐẢNG CỘNG SẢN VIỆT NAM", Fmt(size=15, bold=True, align="center"))
    d.paragraph(right, "Đông Hải, ngày 10 tháng 3 năm 2026", Fmt(italic=True, align="right"))
    d.title(
        "CHỈ THỊ",
        ["về tăng cường sự lãnh đạo của Đảng đối với công tác cải cách hành chính"],
        rules="none",
    )
    d.body(ENDED)
    d.closing(
        ["- Các chi, đảng bộ trực thuộc,", "- Lưu Văn phòng Huyện ủy."],
        ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"],
        "Phạm Văn Đức",
    )
    return d.save()


expect("controls/dang-chi-thi.docx", "party", ("SCOPE", "n/a", "Party document"))


def decree() -> bytes:
    d = Doc()
    d.header(["CHÍNH PHỦ"], "Số: 30/2020/NĐ-CP", "Hà Nội, ngày 05 tháng 3 năm 2020")
    d.title("NGHỊ ĐỊNH", ["Về công tác văn thư"])
    d.body(
        [
            "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;",
            "Chính phủ ban hành Nghị định về công tác văn thư.",
        ]
    )
    return d.save()


expect("controls/nghi-dinh.docx", "normative", ("SCOPE", "n/a", "a legal normative document"))


def application() -> bytes:
    d = Doc()
    d.paragraph(
        d.doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Fmt(size=13, bold=True, align="center")
    )
    d.paragraph(d.doc, "Độc lập - Tự do - Hạnh phúc", Fmt(bold=True, align="center"))
    d.paragraph(d.doc, "", Fmt())
    d.paragraph(d.doc, "ĐƠN XIN NGHỈ PHÉP", Fmt(size=16, bold=True, align="center"))
    d.paragraph(d.doc, "Kính gửi: Ban Giám hiệu Trường Tiểu học An Bình.", Fmt(align="left"))
    d.body(
        [
            "Tôi tên là Lê Thị Lan, giáo viên lớp 3A, xin phép nghỉ 03 ngày để giải quyết việc "
            "gia đình. Tôi đã bàn giao công việc cho đồng nghiệp."
        ],
        Fmt(align="left"),
    )
    return d.save()


expect("controls/don-xin-nghi.docx", "not_administrative", ("SCOPE", "n/a", "a citizen's form"))


def leaflet() -> bytes:
    d = Doc(a4=False, margins_mm=(12, 12, 12, 12), base_font="Arial")
    d.paragraph(
        d.doc, "Máy lọc nước RO gia đình AquaPure 9 lõi", Fmt(size=24, bold=True, font="Arial")
    )
    d.body(
        [
            "Công nghệ lọc thẩm thấu ngược, loại bỏ 99,9% vi khuẩn và kim loại nặng.",
            "Bảo hành 36 tháng, lắp đặt miễn phí tại nhà. Gọi ngay 1900 1234!",
        ],
        Fmt(size=12, font="Arial", align="left"),
    )
    return d.save()


expect("controls/to-roi-san-pham.docx", "not_administrative", ("SCOPE", "n/a", "a leaflet"))


def letter() -> bytes:
    d = Doc(a4=False)
    d.body(
        [
            "Dear colleagues,",
            "Please find attached the minutes of our last meeting.",
            "Best regards,",
            "Lan",
        ],
        Fmt(align="left"),
    )
    return d.save()


expect("controls/thu-tieng-anh.docx", "not_administrative", ("SCOPE", "n/a", "a letter"))
expect(
    "../reference/nd30/phu-luc-III-goc.docx",
    "normative",
    ("SCOPE", "n/a", "the whole Phụ lục III: an appendix of a decree"),
)

# -- the official samples, split -------------------------------------------------------

_MAU = {
    "mau-1.1-nghi-quyet": "nghi_quyet",
    "mau-1.2-quyet-dinh-truc-tiep": "quyet_dinh",
    "mau-1.3-quyet-dinh-gian-tiep": "quyet_dinh",
    "mau-1.3-kem-theo-giay": "kem_theo",
    "mau-1.3-kem-theo-dien-tu": "kem_theo",
    "mau-1.4-van-ban-co-ten-loai": "co_ten_loai",
    "mau-1.5-cong-van": "cong_van",
    "mau-1.6-cong-dien": "cong_dien",
    "mau-1.7-giay-moi": "giay_moi",
    "mau-1.8-giay-gioi-thieu": "giay_gioi_thieu",
    "mau-1.9-bien-ban": "bien_ban",
    "mau-1.10-giay-nghi-phep": "giay_nghi_phep",
    "mau-2.1-phu-luc-giay": "phu_luc",
    "mau-2.2-phu-luc-dien-tu": "phu_luc",
    "mau-3.1-ban-sao-giay": "ban_sao",
    "mau-3.2-ban-sao-dien-tu": "co_ten_loai",
}
for _stem, _kind in _MAU.items():
    _rows: list[tuple[str, str, str]] = [("SOKYHIEU-TEXT", "blank", "template blank")]
    if _kind in {"phu_luc", "kem_theo"}:
        _rows = [("PHULUC-KEMTHEO", "pass", "")]
    expect(f"mau/{_stem}.docx", _kind, *_rows)
expect(
    "../../check/fixtures/mau-1.4-filled.docx",
    "co_ten_loai",
    ("TRICHYEU-FORMAT", "error", "the sample's summary is not bold"),
    ("TIEUNGU-RULE", "warning", "typed underscores"),
)


# -- broken copies ----------------------------------------------------------------------


def _edit(data: bytes, change: Callable[[etree._Element], None]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    change(root)
    parts["word/document.xml"] = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            zf.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), content)
    return out.getvalue()


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _text_of(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(_q("t")))


def _set_margin(side: str, twips: str) -> Callable[[etree._Element], None]:
    def change(root: etree._Element) -> None:
        for mar in root.iter(_q("pgMar")):
            mar.set(_q(side), twips)

    return change


def _replace(old: str, new: str) -> Callable[[etree._Element], None]:
    def change(root: etree._Element) -> None:
        for t in root.iter(_q("t")):
            if t.text and old in t.text:
                t.text = t.text.replace(old, new)
                return
        raise AssertionError(old)

    return change


def _both(*changes: Callable[[etree._Element], None]) -> Callable[[etree._Element], None]:
    def change(root: etree._Element) -> None:
        for c in changes:
            c(root)

    return change


def _unbold(contains: str) -> Callable[[etree._Element], None]:
    def change(root: etree._Element) -> None:
        for p in root.iter(_q("p")):
            if contains in _text_of(p):
                for r in p.iter(_q("r")):
                    rpr = r.find(_q("rPr"))
                    if rpr is not None:
                        for b in rpr.findall(_q("b")):
                            b.set(_q("val"), "0")
                return
        raise AssertionError(contains)

    return change


BROKEN: dict[str, tuple[Callable[[], bytes], Callable[[etree._Element], None]]] = {}


def _mau(stem: str) -> Callable[[], bytes]:
    return lambda: (CORPUS / "mau" / f"{stem}.docx").read_bytes()


BROKEN["mau-1.5-le-tren-15mm.docx"] = (_mau("mau-1.5-cong-van"), _set_margin("top", "850"))
expect("broken/mau-1.5-le-tren-15mm.docx", "cong_van", ("MARGIN-TOP", "error", "15 mm"))
BROKEN["mau-1.9-noi-nhan-khong-dam.docx"] = (_mau("mau-1.9-bien-ban"), _unbold("Nơi nhận"))
expect("broken/mau-1.9-noi-nhan-khong-dam.docx", "bien_ban", ("NOINHAN-LABEL", "error", "not bold"))
BROKEN["quyet-dinh-thieu-ket-thuc.docx"] = (
    quyet_dinh_ok,
    _replace("thi hành Quyết định này./.", "thi hành Quyết định này."),
)
expect("broken/quyet-dinh-thieu-ket-thuc.docx", "quyet_dinh", ("BODY-END", "error", "no ./."))
BROKEN["cong-van-so-ngay.docx"] = (
    cong_van_ok,
    _both(_replace("Số: 08/", "Số: 8/"), _replace("ngày 12 tháng 3", "ngày 12 tháng 03")),
)
expect(
    "broken/cong-van-so-ngay.docx",
    "cong_van",
    ("SOKYHIEU-TEXT", "error", "8"),
    ("NGAY-TEXT", "error", "03"),
)
BROKEN["chi-thi-mau-1.4-ky-hieu.docx"] = (
    lambda: (ROOT / "tests" / "check" / "fixtures" / "mau-1.4-filled.docx").read_bytes(),
    _replace("05/CT-UBND", "05/QĐ-UBND"),
)
expect(
    "broken/chi-thi-mau-1.4-ky-hieu.docx",
    "co_ten_loai",
    ("KYHIEU-LOAI", "error", "a Chỉ thị numbered /QĐ-"),
    ("TRICHYEU-FORMAT", "error", "inherited from the sample"),
)

HAND: dict[str, Callable[[], bytes]] = {
    "quyet-dinh-dung.docx": quyet_dinh_ok,
    "cong-van-dung.docx": cong_van_ok,
    "ke-hoach-go-tay.docx": ke_hoach_typed,
    "bao-cao-loi.docx": bao_cao_mistakes,
    "to-trinh-kinh-gui.docx": to_trinh_addressees,
    "quyet-dinh-loi.docx": quyet_dinh_mistakes,
    "thong-bao-tl.docx": thong_bao_tl,
    "cong-van-loi.docx": cong_van_mistakes,
    "ke-hoach-phu-luc.docx": ke_hoach_appendix,
    "phu-luc-dung.docx": phu_luc_ok,
    "ban-sao.docx": ban_sao,
    "bao-cao-mat.docx": luu_hanh,
    "bien-ban-dung.docx": bien_ban_ok,
    "le-o-bang-bang-0.docx": zero_margins,
    "phong-chi-ascii.docx": ascii_fonts,
    "phong-ascii-theme.docx": lambda: ascii_fonts(theme_defaults=True),
    "giay-moi-nhieu-dong.docx": signature_rows,
    "chi-thi-ghi-chu.docx": italic_note,
    "huong-dan-gian-dong.docx": header_spacing,
    "thong-bao-khong-bang.docx": signature_without_table,
    "cong-van-kinh-gui-bang.docx": kinh_gui_table,
    "quyet-dinh-so-trang-chan.docx": footer_page_number,
    "thong-bao-dan-tab.docx": tab_header,
    "cong-van-bang-3-dong.docx": header_rows,
}
CONTROLS: dict[str, Callable[[], bytes]] = {
    "dang-chi-thi.docx": party,
    "nghi-dinh.docx": decree,
    "don-xin-nghi.docx": application,
    "to-roi-san-pham.docx": leaflet,
    "thu-tieng-anh.docx": letter,
}
#: Typed documents saved again by LibreOffice Writer: same expectations.
LIBREOFFICE = (
    "quyet-dinh-dung.docx",
    "cong-van-dung.docx",
    "bao-cao-loi.docx",
    "giay-moi-nhieu-dong.docx",
)
for _name in LIBREOFFICE:
    for _row in [r for r in EXPECTED if r[0] == f"hand/{_name}"]:
        EXPECTED.append((f"libreoffice/{_name}", *_row[1:]))


def _libreoffice(sources: dict[str, bytes], out: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice not found: libreoffice/ left as it is", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        for name, data in sources.items():
            (src / name).write_bytes(data)
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                str(out),
                *[str(src / n) for n in sources],
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )


def main() -> int:
    """Write the corpus and its table of expectations."""
    for folder, docs in (("hand", HAND), ("controls", CONTROLS)):
        (CORPUS / folder).mkdir(parents=True, exist_ok=True)
        for name, build in docs.items():
            (CORPUS / folder / name).write_bytes(build())
    (CORPUS / "broken").mkdir(exist_ok=True)
    for name, (source, change) in BROKEN.items():
        (CORPUS / "broken" / name).write_bytes(_edit(source(), change))
    (CORPUS / "libreoffice").mkdir(exist_ok=True)
    _libreoffice({n: HAND[n]() for n in LIBREOFFICE}, CORPUS / "libreoffice")
    lines = ["document\ttype\trule\tstatus\tnote"]
    lines += ["\t".join(row) for row in EXPECTED]
    (CORPUS / "expected.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len({r[0] for r in EXPECTED})} documents, {len(EXPECTED)} expectations -> {CORPUS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
