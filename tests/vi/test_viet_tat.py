"""Tests for chithi_gen.vi.viet_tat: the Phụ lục III, I abbreviation table."""

from __future__ import annotations

import pytest

from chithi_gen.vi import bang_viet_tat, in_hoa, viet_tat_loai


@pytest.mark.parametrize(
    ("ten_loai", "viet_tat"),
    [
        ("Chỉ thị", "CT"),
        ("Chương trình", "CTr"),
        ("Kế hoạch", "KH"),
        ("Quyết định (cá biệt)", "QĐ"),
        ("Nghị quyết (cá biệt)", "NQ"),
        ("Quy định", "QyĐ"),
        ("Tờ trình", "TTr"),
        ("Bản trích sao", "TrS"),
    ],
)
def test_table_entries(ten_loai: str, viet_tat: str) -> None:
    """Phụ lục III, I: kind names and their abbreviations as printed."""
    assert bang_viet_tat()[ten_loai] == viet_tat
    assert viet_tat_loai(ten_loai) == viet_tat


def test_table_shape() -> None:
    table = bang_viet_tat()
    assert len(table) == 30
    assert next(iter(table)) == "Nghị quyết (cá biệt)"
    assert len(set(table.values())) == len(table), "a ký hiệu must identify its kind"
    assert all(name == name.strip() and abbr == abbr.strip() for name, abbr in table.items())


def test_table_is_read_only_and_cached() -> None:
    table = bang_viet_tat()
    with pytest.raises(TypeError):
        table["Luật"] = "L"  # type: ignore[index]
    assert bang_viet_tat() is table


def test_every_name_found_case_insensitively() -> None:
    for name, abbr in bang_viet_tat().items():
        assert viet_tat_loai(name.lower()) == abbr
        assert viet_tat_loai(in_hoa(name)) == abbr


@pytest.mark.parametrize(
    ("query", "viet_tat"),
    [
        ("quyết định", "QĐ"),
        ("QUYẾT ĐỊNH", "QĐ"),
        ("Nghị quyết", "NQ"),
        ("quyết định (Cá Biệt)", "QĐ"),
        ("  chương   trình ", "CTr"),
        ("Giấy ủy quyền", "GUQ"),
        ("Giấy uỷ quyền", "GUQ"),
        ("Bản thoả thuận", "BTT"),
    ],
)
def test_lenient_lookup(query: str, viet_tat: str) -> None:
    """Without "(cá biệt)", any case, extra spaces, either tone-mark placement."""
    assert viet_tat_loai(query) == viet_tat


@pytest.mark.parametrize("query", ["Luật", "Công văn", "Chi thi", "Chỉ thi", "Quyết", ""])
def test_unknown_kind_lists_valid_names(query: str) -> None:
    with pytest.raises(KeyError) as info:
        viet_tat_loai(query)
    message = str(info.value)
    assert "Chỉ thị" in message
    assert "Quyết định (cá biệt)" in message
