"""Build the import's test documents: .docx files typed the way clerks type them.

Writes into this folder (``tests/data/import/``):

* ``chi-thi-go-tay.docx`` — python-docx: the header in a borderless table, rules typed
  as underscores, labels typed by hand with tabs ("I.", "1.<tab>", "a)", "-", "+"), a
  run-in bold heading, a chỉ tiêu table with headings of its own ("TT", "ĐVT"), the
  typist's mark in subscript on the Lưu line, the signature in a table;
* ``ke-hoach-thap-phan.docx`` — python-docx: the header laid out with tabs (no table),
  decimal numbering "1.", "1.1.", "a)" with no Roman level, a table that is not a
  chỉ tiêu table, "- Lưu: VT, TH (NC)." and the mark "PL.(50)" on its own line, the
  signature and then Nơi nhận typed as plain paragraphs;
* ``quyet-dinh-kem-ke-hoach.docx`` — python-docx: a Quyết định (căn cứ, "QUYẾT ĐỊNH:",
  Điều 1–3) and, on a new page, the Kế hoạch it issues, "(Kèm theo Quyết định số …)",
  its items numbered by Word's own list numbering;
* ``chuong-trinh-libreoffice.docx`` — LibreOffice Writer from ``chuong-trinh.fodt``
  (flat ODT): Roman and Arabic labels typed by hand, unnumbered sections, a footnote,
  "- Lưu: VT, NV (02b).".

Run from the repository root (LibreOffice is needed for the last one only)::

    .venv/bin/python tests/data/import/build.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "check"))

from corpus_docs import Doc, Fmt  # noqa: E402
from docx.enum.section import WD_SECTION  # noqa: E402
from docx.shared import Cm  # noqa: E402

BODY = Fmt(indent_cm=1.27, before=6)
BOLD_BODY = Fmt(indent_cm=1.27, before=6, bold=True)


def runs(d: Doc, pieces: Sequence[tuple[str, Fmt]], *, subscript: int | None = None) -> Any:
    """One body paragraph of several runs, each typed with its own format."""
    p = d.doc.add_paragraph()
    first = pieces[0][1]
    pf = p.paragraph_format
    pf.first_line_indent = Cm(first.indent_cm or 0)
    pf.space_before, pf.space_after = Cm(0.21), Cm(0)
    pf.line_spacing = 1.0
    for i, (text, fmt) in enumerate(pieces):
        run = p.add_run(text)
        d.style_run(run, fmt)
        if i == subscript:
            run.font.subscript = True
    return p


def chi_thi_go_tay() -> bytes:
    """A Chỉ thị typed by hand: Roman sections, tabs after labels, underscores."""
    d = Doc()
    d.header(
        ["ỦY BAN NHÂN DÂN", "XÃ TRƯỜNG HÀ"],
        "Số: 04/CT-UBND",
        "Trường Hà, ngày 20 tháng 01 năm 2026",
        chu_quan=["UBND TỈNH CAO BẰNG"],
        rules="underscores",
    )
    d.title(
        "CHỈ THỊ",
        ["Về tăng cường công tác vệ sinh môi trường", "trên địa bàn xã năm 2026"],
        rules="underscores",
    )
    d.body(
        [
            "Thời gian qua, công tác vệ sinh môi trường trên địa bàn xã có nhiều chuyển biến;"
            " tuy nhiên việc thu gom rác thải ở một số thôn chưa thường xuyên.",
        ]
    )
    d.body(["I. MỤC ĐÍCH, YÊU CẦU"], BOLD_BODY)
    runs(
        d,
        [
            ("1.\tMục đích:", BOLD_BODY),
            (" Nâng cao nhận thức của Nhân dân về bảo vệ môi trường.", BODY),
        ],
    )
    d.body(["2.\tBảo đảm mỗi thôn có điểm tập kết rác thải đúng quy định."])
    d.body(["II. NHIỆM VỤ, GIẢI PHÁP"], BOLD_BODY)
    d.body(["1.\tTuyên truyền, vận động"], BOLD_BODY)
    d.body(
        [
            "a) Phát động phong trào ngày Chủ nhật xanh tại các thôn.",
            "b) Đưa nội dung bảo vệ môi trường vào hương ước, quy ước của thôn:",
            "- Thôn Bản Giới hoàn thành trong quý I;",
            "+ Tổ dân cư số 1 làm trước;",
            "- Các thôn còn lại hoàn thành trong quý II.",
        ]
    )
    d.body(["2.\tThu gom, xử lý rác thải"], BOLD_BODY)
    d.body(["Các thôn bố trí lịch thu gom rác thải ít nhất hai lần mỗi tuần."])
    # A target table typed with headings of its own.
    rows = [
        ("TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026"),
        ("1", "Tỷ lệ hộ gia đình được thu gom rác thải", "%", "95"),
        ("2", "Điểm tập kết rác thải đạt chuẩn", "điểm", "12"),
    ]
    table = d.doc.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            d.style_run(table.rows[r].cells[c].paragraphs[0].add_run(text), Fmt(size=13))
    d.body(["III. TỔ CHỨC THỰC HIỆN"], BOLD_BODY)
    d.body(
        [
            "1.\tCông chức Nông nghiệp - Môi trường xã theo dõi, đôn đốc thực hiện Chỉ thị.",
            "2.\tTrưởng các thôn phổ biến Chỉ thị này đến từng hộ gia đình.",
            "Chủ tịch Ủy ban nhân dân xã yêu cầu các ban, ngành, đoàn thể và các thôn"
            " nghiêm túc thực hiện Chỉ thị này./.",
        ]
    )
    d.closing(
        ["- UBND tỉnh (b/c);", "- Các thôn;", "- Lưu: VT, VP."],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "Nông Văn Hùng",
    )
    # The typist's mark "(NTH)" in subscript after the drafting unit.
    last = d.doc.tables[-1].rows[0].cells[0].paragraphs[-1]
    last.runs[0].text = "- Lưu: VT, VP"
    mark = last.add_run("(NTH)")
    d.style_run(mark, Fmt(size=11))
    mark.font.subscript = True
    end = last.add_run(".")
    d.style_run(end, Fmt(size=11))
    return d.save()


def ke_hoach_thap_phan() -> bytes:
    """A Kế hoạch: tab-laid header, decimal numbering, plain-paragraph closing."""
    d = Doc()
    bold = Fmt(size=13, bold=True, align="left")
    d.paragraph(d.doc, "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold)
    d.paragraph(d.doc, "XÃ AN BÌNH\t\t\tĐộc lập - Tự do - Hạnh phúc", bold)
    d.paragraph(d.doc, "_______\t\t\t\t_______________________", Fmt(size=13, align="left"))
    p = d.paragraph(d.doc, "Số: 12/KH-UBND\t\t", Fmt(size=13, align="left"))
    run = p.add_run("An Bình, ngày 10 tháng 3 năm 2026")
    d.style_run(run, Fmt(size=14, italic=True))
    d.title("KẾ HOẠCH", ["Tổ chức Tết trồng cây năm 2026"])
    d.body(["1. MỤC ĐÍCH, YÊU CẦU"], BOLD_BODY)
    d.body(
        [
            "1.1. Phát động phong trào trồng cây xanh trong toàn xã.",
            "1.2. Việc trồng cây bảo đảm thiết thực, tiết kiệm, hiệu quả.",
        ]
    )
    d.body(["2. NỘI DUNG"], BOLD_BODY)
    d.body(["2.1. Số lượng cây trồng"], BOLD_BODY)
    d.body(
        [
            "a) Mỗi thôn trồng ít nhất 500 cây xanh các loại.",
            "b) Trường học trồng cây bóng mát trong khuôn viên.",
        ]
    )
    table = d.doc.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [("Thôn", "Số cây", "Loại cây"), ("Bản Giới", "500", "Keo"), ("Nà Rẻo", "600", "Thông")]
    ):
        for c, text in enumerate(row):
            table.rows[r].cells[c].paragraphs[0].add_run(text)
    d.body(["2.2. Thời gian trồng cây: từ ngày 15 tháng 3 đến ngày 30 tháng 3 năm 2026."])
    d.body(["3. TỔ CHỨC THỰC HIỆN"], BOLD_BODY)
    d.body(
        [
            "Các thôn báo cáo kết quả về Ủy ban nhân dân xã trước ngày 05 tháng 4 năm 2026./.",
        ]
    )
    d.paragraph(d.doc, "", Fmt())
    sign = Fmt(bold=True, align="center")
    for text in ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"):
        p = d.paragraph(d.doc, text, sign)
        p.paragraph_format.left_indent = Cm(8)
    for _ in range(3):
        d.paragraph(d.doc, "", Fmt())
    p = d.paragraph(d.doc, "Lương Thị Mai", sign)
    p.paragraph_format.left_indent = Cm(8)
    d.paragraph(d.doc, "Nơi nhận:", Fmt(size=12, bold=True, italic=True, align="left"))
    for line in ("- Các thôn;", "- Trường học trên địa bàn xã;", "- Lưu: VT, TH (NC).", "PL.(50)"):
        d.paragraph(d.doc, line, Fmt(size=11, align="left"))
    return d.save()


def _list_item(d: Doc, text: str, style: str) -> None:
    p = d.doc.add_paragraph(style=style)
    run = p.add_run(text)
    d.style_run(run, Fmt())
    p.paragraph_format.first_line_indent = Cm(1.27)


def quyet_dinh_kem_ke_hoach() -> bytes:
    """A Quyết định and, on a new page, the Kế hoạch it issues (Mẫu 1.3)."""
    d = Doc()
    d.header(
        ["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH"], "Số: 15/QĐ-UBND", "An Bình, ngày 05 tháng 02 năm 2026"
    )
    d.title("QUYẾT ĐỊNH", ["Ban hành Kế hoạch cải cách hành chính năm 2026"])
    d.paragraph(d.doc, "ỦY BAN NHÂN DÂN XÃ AN BÌNH", Fmt(bold=True, align="center", before=6))
    cancu = Fmt(italic=True, indent_cm=1.27, before=6)
    d.paragraph(
        d.doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", cancu
    )
    d.paragraph(d.doc, "Theo đề nghị của Công chức Văn phòng - Thống kê xã.", cancu)
    d.paragraph(d.doc, "QUYẾT ĐỊNH:", Fmt(bold=True, align="center", before=6))
    d.body(
        [
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
            "Điều 3. Công chức Văn phòng - Thống kê và các bộ phận chuyên môn chịu trách nhiệm"
            " thi hành Quyết định này./.",
        ]
    )
    d.closing(
        ["- Như Điều 3;", "- UBND tỉnh (b/c);", "- Lưu: VT, VP."],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "Nguyễn Văn Bình",
    )
    d.doc.add_section(WD_SECTION.NEW_PAGE)
    d.header(["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH"], None, None)
    d.title(
        "KẾ HOẠCH",
        ["Cải cách hành chính năm 2026"],
        kem_theo="(Kèm theo Quyết định số 15/QĐ-UBND ngày 05 tháng 02 năm 2026"
        " của Ủy ban nhân dân xã An Bình)",
    )
    d.body(["Ủy ban nhân dân xã ban hành Kế hoạch cải cách hành chính năm 2026 như sau:"])
    _list_item(d, "Rà soát toàn bộ thủ tục hành chính thuộc thẩm quyền của xã.", "List Number")
    _list_item(d, "Tiếp nhận hồ sơ trực tuyến trên Cổng dịch vụ công.", "List Number")
    _list_item(d, "Các bộ phận báo cáo kết quả hằng tháng.", "List Bullet")
    d.body(
        [
            "Trong quá trình thực hiện, nếu có vướng mắc, các bộ phận báo cáo Chủ tịch Ủy ban"
            " nhân dân xã./."
        ]
    )
    return d.save()


def _libreoffice(source: Path, out: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print(f"LibreOffice not found: {out.name} left as it is", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                tmp,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.copyfile(Path(tmp) / f"{source.stem}.docx", out)


def main() -> None:
    for name, build in (
        ("chi-thi-go-tay.docx", chi_thi_go_tay),
        ("ke-hoach-thap-phan.docx", ke_hoach_thap_phan),
        ("quyet-dinh-kem-ke-hoach.docx", quyet_dinh_kem_ke_hoach),
    ):
        (HERE / name).write_bytes(build())
    _libreoffice(HERE / "chuong-trinh.fodt", HERE / "chuong-trinh-libreoffice.docx")


if __name__ == "__main__":
    main()
