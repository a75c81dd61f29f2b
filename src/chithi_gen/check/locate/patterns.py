"""The wording by which the components are recognised: fixed texts and patterns.

Phụ lục I fixes some texts (the Quốc hiệu, the Tiêu ngữ, "Số:", "Nơi nhận:", the
authority prefixes, the marks of Mục III.2) and Phụ lục III shows the others (the
date line, "V/v", "Kính gửi:", "(Kèm theo …)", "QUYẾT ĐỊNH:", "Phụ lục …"); a copy's
forms are those of Phụ lục I, Phần II.
"""

from __future__ import annotations

import re

QUOC_HIEU_FORMS = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",  # the decree's own table spells it so
)
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
PARTY_HEADING = "ĐẢNG CỘNG SẢN VIỆT NAM"
SO = re.compile(r"^\s*số\s*(?::|(?=\s*[\d/…]))", re.IGNORECASE)
DATE = re.compile(r"\bngày\b.*\btháng\b.*\bnăm\b", re.IGNORECASE | re.DOTALL)
#: A line that is only a place and a date.
DATE_LINE = re.compile(
    r"^[^,.;:]{0,50},?\s*ngày\s*[\d….\s]*tháng\s*[\d….\s]*năm\s*[\d….\s]*$", re.IGNORECASE
)
NOI_NHAN = re.compile(r"^\s*nơi\s+nhận\s*:?\s*$", re.IGNORECASE)
AUTHORITY = re.compile(r"^\s*(TM|KT|Q|TL|TUQ)\.\s*\S")
#: Ký hiệu người soạn thảo and number of copies (box 12, Phụ lục I, III.3), e.g. "PL.(300)".
DRAFTER = re.compile(r"^[A-ZĐ][A-ZĐ0-9]*\.\s*\(\d+\)\.?$")
VV = re.compile(r"^\s*v\s*/\s*v\b", re.IGNORECASE)
KINH_GUI = re.compile(r"^\s*kính\s+gửi\b", re.IGNORECASE)
KEM_THEO = re.compile(r"^\s*\(?\s*(ban\s+hành\s+)?kèm\s+theo\b", re.IGNORECASE)
CAN_CU = re.compile(r"^\s*(căn\s+cứ|theo\s+đề\s+nghị|xét\s+đề\s+nghị|xét\s+tờ\s+trình)\b", re.I)
DISPOSITIVE = re.compile(r"^\s*(QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|NGHỊ\s+QUYẾT)\s*:\s*$", re.IGNORECASE)
FROM_LINE = re.compile(r"\bđiện\s*:\s*$", re.IGNORECASE)

#: Urgency (box 10b), confidentiality (10a) and circulation (11) marks.
MARKS: dict[str, str] = {
    "HỎA TỐC": "khan",
    "HOẢ TỐC": "khan",
    "THƯỢNG KHẨN": "khan",
    "KHẨN": "khan",
    "MẬT": "mat",
    "TỐI MẬT": "mat",
    "TUYỆT MẬT": "mat",
    "XEM XONG TRẢ LẠI": "luu_hanh",
    "LƯU HÀNH NỘI BỘ": "luu_hanh",
    "TÀI LIỆU THU HỒI": "luu_hanh",
}

APPENDIX_LABEL = re.compile(
    r"^\s*phụ\s+lục(\s+(số\s+)?([IVXLC]+|\d+|[A-Z])\b.*|\s*[….\d\s]*)$", re.IGNORECASE
)
COPY_FORMS = ("SAO Y", "SAO LỤC", "TRÍCH SAO", "SAO Y BẢN CHÍNH")
