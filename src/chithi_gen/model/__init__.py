"""The campaign model (pydantic v2): every ND30 rule that can be checked on data."""

from chithi_gen.model.campaign import Campaign
from chithi_gen.model.chi_tieu import ChiTieu, ThoiGianThiDua
from chithi_gen.model.co_quan import CoQuan
from chithi_gen.model.dan_chieu import VanBanDanChieu, dan_chieu_text
from chithi_gen.model.danh_so import DanhSo
from chithi_gen.model.hoi_nghi import HoiNghi, MucChuongTrinh
from chithi_gen.model.nguoi_ky import NguoiKy, dong_quyen_han
from chithi_gen.model.noi_dung import Cong, Doan, Gach, MauCau, Muc, Node
from chithi_gen.model.noi_nhan import Luu, NoiNhan, dong_luu, dong_noi_nhan, ky_hieu_nguoi_soan
from chithi_gen.model.phan_cong import PhanCong, don_vi_duoc_giao
from chithi_gen.model.quyet_dinh import QuyetDinh

__all__ = [
    "Campaign",
    "ChiTieu",
    "CoQuan",
    "Cong",
    "DanhSo",
    "Doan",
    "Gach",
    "HoiNghi",
    "Luu",
    "MauCau",
    "Muc",
    "MucChuongTrinh",
    "NguoiKy",
    "Node",
    "NoiNhan",
    "PhanCong",
    "QuyetDinh",
    "ThoiGianThiDua",
    "VanBanDanChieu",
    "dan_chieu_text",
    "don_vi_duoc_giao",
    "dong_luu",
    "dong_noi_nhan",
    "dong_quyen_han",
    "ky_hieu_nguoi_soan",
]
