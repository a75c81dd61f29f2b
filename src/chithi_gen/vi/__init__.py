"""Vietnamese writing rules for documents under Nghị định 30/2020/NĐ-CP.

Each module holds one concept:

* :mod:`~chithi_gen.vi.ngay` -- dates (*ngày*), Phụ lục I, II.4;
* :mod:`~chithi_gen.vi.so` -- numbers (*số*) and document numbers, Phụ lục I, II.3.c;
* :mod:`~chithi_gen.vi.tien` -- amounts in words (*số tiền bằng chữ*);
* :mod:`~chithi_gen.vi.chu_cai` -- point letters (*chữ cái*), Phụ lục I, II.6.đ;
* :mod:`~chithi_gen.vi.la_ma` -- Roman numerals (*chữ số La Mã*), Phụ lục I, II.6.đ;
* :mod:`~chithi_gen.vi.chu_hoa` -- capitals (*chữ in hoa*);
* :mod:`~chithi_gen.vi.viet_tat` -- kind abbreviations (*chữ viết tắt*), Phụ lục III, I.
"""

from chithi_gen.vi.chu_cai import ALPHABET, chu_cai
from chithi_gen.vi.chu_hoa import in_hoa, viet_hoa_dau
from chithi_gen.vi.la_ma import so_la_ma
from chithi_gen.vi.ngay import BLANK, format_dia_danh_ngay, format_ngay, format_ngay_ngan
from chithi_gen.vi.so import format_so, format_so_van_ban, parse_so
from chithi_gen.vi.tien import doc_so, tien_bang_chu
from chithi_gen.vi.viet_tat import bang_viet_tat, viet_tat_loai

__all__ = [
    "ALPHABET",
    "BLANK",
    "bang_viet_tat",
    "chu_cai",
    "doc_so",
    "format_dia_danh_ngay",
    "format_ngay",
    "format_ngay_ngan",
    "format_so",
    "format_so_van_ban",
    "in_hoa",
    "parse_so",
    "so_la_ma",
    "tien_bang_chu",
    "viet_hoa_dau",
    "viet_tat_loai",
]
