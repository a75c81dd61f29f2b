"""Balanced title lines (render/wrap.py) without a PDF: every line fits, nothing is lost
or reordered, no more lines than a word processor would use plus one, forced breaks
kept, and the breaks a văn thư avoids are avoided when another fits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chithi_gen.inline import line_breaks, one_line
from chithi_gen.render.metrics import text_width
from chithi_gen.render.wrap import break_costs, wrap_balanced, wrap_greedy

WIDTH, SIZE = 8886, 14
SENTENCE = (
    "Về việc phát động phong trào thi đua năm 2026 của Ban Thường vụ Huyện ủy Chỉ thị số"
    " 05-CT/HU ngày 10/02/2026 trên địa bàn xã Trường Hà và các thôn, tổ dân phố; Ủy ban"
    " nhân dân tỉnh Cao Bằng"
)
VOCABULARY = SENTENCE.split()


@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=60))
@settings(max_examples=300, deadline=None)
def test_lines_fit_and_keep_the_text(words: list[str]) -> None:
    text = " ".join(words)
    lines = wrap_balanced(text, WIDTH, SIZE, bold=True)
    assert " ".join(lines) == text
    for line in lines:
        assert text_width(line, SIZE, bold=True) <= WIDTH or " " not in line.replace("số ", "")
    assert len(lines) <= len(wrap_greedy(text, WIDTH, SIZE, bold=True)) + 1


def test_forced_breaks() -> None:
    assert line_breaks("A | B |C|") == "A\nB\nC"
    assert one_line("A | B\nC") == "A B C"
    lines = wrap_balanced("Về việc phát động phong trào\nthi đua", WIDTH, SIZE, bold=True)
    assert lines == ["Về việc phát động phong trào", "thi đua"]


def test_the_issues_case() -> None:
    text = "Thực hiện Chỉ thị số 05-CT/HU ngày 10/02/2026 của Ban Thường vụ Huyện ủy"
    assert wrap_balanced(text, 7000, SIZE, bold=True) == [
        "Thực hiện Chỉ thị số 05-CT/HU ngày 10/02/2026",
        "của Ban Thường vụ Huyện ủy",
    ]


def test_agency_names() -> None:
    assert wrap_balanced("ỦY BAN NHÂN DÂN XÃ TRƯỜNG HÀ", 3700, 13, bold=True) == [
        "ỦY BAN NHÂN DÂN",
        "XÃ TRƯỜNG HÀ",
    ]
    assert wrap_balanced("UỶ BAN NHÂN DÂN HUYỆN HÀ QUẢNG", 3700, 13, bold=True) == [
        "UỶ BAN NHÂN DÂN",  # old tone placement matched too
        "HUYỆN HÀ QUẢNG",
    ]


def test_costs_of_breaks() -> None:
    words = ["Chỉ", "thị", "số 05-CT/HU", "của", "huyện", "Hà", "Quảng"]
    costs = dict(zip(words, break_costs(words), strict=True))
    assert costs["thị"] > 10  # inside "Chỉ thị"
    assert costs["số 05-CT/HU"] > 0  # a number away from its document
    assert costs["Hà"] > 5 and costs["Quảng"] > 5  # a unit word, a name
    assert costs["của"] < 0  # a phrase opens here
