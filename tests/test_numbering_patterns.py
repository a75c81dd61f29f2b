"""Numbering as real documents do it: each pattern of the guide rendered to .docx and
its labels read back with python-docx (the label, its weight, the heading's case)."""

from __future__ import annotations

import copy
import io
from typing import Any

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from chithi_gen import CampaignError, load_campaign_text, render_docx, validate_data
from chithi_gen.numbering import PRESETS, STYLES, Scheme, label
from support import EXAMPLES, MINIMAL


def _render(noi_dung: list[Any], danh_so: Any = None) -> list[tuple[str, str, bool]]:
    """(style, text, label bold) of each body paragraph, read back from the .docx."""
    data = copy.deepcopy(MINIMAL)
    data["mo_dau"] = []
    data["noi_dung"] = noi_dung
    if danh_so is not None:
        data["danh_so"] = danh_so
    doc = Document(io.BytesIO(render_docx(validate_data(data))))
    body = [p for p in doc.paragraphs if p.style.style_id in ("NoiDung", "DeMuc1", "DeMuc2")]
    return [(p.style.style_id, p.text, bool(p.runs and p.runs[0].bold)) for p in body]


def _labels(rows: list[tuple[str, str, bool]]) -> list[str]:
    return [text.split(" ")[0] for _, text, _ in rows]


#: The real case of the issue: items 1.–9., item 8 a heading with points a)–d) under it.
REAL = [
    *({"muc": f"Nội dung khoản {n}."} for n in range(1, 8)),
    {
        "tieu_de": "Tổ chức thực hiện",
        "noi_dung": [{"muc": f"Nhiệm vụ {x}."} for x in "abcd"],
    },
    {"muc": "Chỉ thị này có hiệu lực kể từ ngày ký."},
]


def test_real_case_items_1_to_9_with_a_heading() -> None:
    rows = _render(REAL, ["so", "chu"])
    assert _labels(rows) == [
        "1.",
        "2.",
        "3.",
        "4.",
        "5.",
        "6.",
        "7.",
        "8.",
        "a)",
        "b)",
        "c)",
        "d)",
        "9.",
    ]
    style, text, bold = rows[7]
    assert text == "8. Tổ chức thực hiện" and bold and style == "DeMuc1"  # on its own line
    assert not rows[0][2] and rows[0][0] == "NoiDung"  # a plain item: normal weight
    assert rows[-1][1] == "9. Chỉ thị này có hiệu lực kể từ ngày ký./."


def test_the_guides_real_example() -> None:
    c = load_campaign_text(
        (EXAMPLES / "chi-thi-xa-truong-ha-2026.yaml").read_text(encoding="utf-8"), "x.yaml"
    )
    doc = Document(io.BytesIO(render_docx(c)))
    labels = [
        p.text.split(" ")[0]
        for p in doc.paragraphs
        if p.style.style_id.startswith(("NoiDung", "DeMuc"))
    ]
    assert [x for x in labels if x.endswith((".", ")")) and x[0].isalnum()] == [
        *(f"{n}." for n in range(1, 9)),
        "a)",
        "b)",
        "c)",
        "d)",
        "9.",
    ]


def test_presets_unchanged() -> None:
    tree = [
        {
            "tieu_de": "Mục tiêu",
            "noi_dung": [
                {"muc": "Khoản.", "noi_dung": [{"muc": "Điểm.", "noi_dung": [{"muc": "Gạch."}]}]}
            ],
        }
    ]
    assert _labels(_render(tree, "la_ma")) == ["I.", "1.", "a)", "-"]
    assert _labels(_render(tree, "thap_phan")) == ["1.", "1.1.", "1.1.1.", "a)"]
    assert _render(tree)[0][1] == "I. MỤC TIÊU"  # the default is la_ma, mục in capitals
    assert _render(tree, "thap_phan")[0][1] == "1. Mục tiêu"


def test_start_at_any_level() -> None:
    """A body of khoản and điểm only: the la_ma preset started at its level 2."""
    tree = [{"tieu_de": "Khoản", "noi_dung": [{"muc": "Điểm.", "noi_dung": [{"muc": "Gạch."}]}]}]
    rows = _render(tree, {"kieu": "la_ma", "bat_dau": 2})
    assert _labels(rows) == ["1.", "a)", "-"]
    assert rows[0][1] == "1. Khoản"  # not a Roman level: normal case
    assert _labels(_render(tree, {"kieu": ["so", "chu", "gach"], "bat_dau": 2})) == ["a)", "-", "+"]


def test_each_level_chosen() -> None:
    tree = [{"tieu_de": "A", "noi_dung": [{"tieu_de": "B", "noi_dung": [{"muc": "C."}]}]}]
    assert _labels(_render(tree, ["la_ma", "so", "thap_phan"])) == ["I.", "1.", "1.1."]
    assert _labels(_render(tree, ["so", "gach", "cong"])) == ["1.", "-", "+"]
    assert _labels(_render(tree, ["chu", "so", "chu"])) == ["a)", "1.", "a)"]
    # Past the listed levels: "-" then "+".
    deep = [
        {
            "muc": "1",
            "noi_dung": [{"muc": "2", "noi_dung": [{"muc": "3", "noi_dung": [{"muc": "4"}]}]}],
        }
    ]
    assert _labels(_render(deep, ["so", "chu"])) == ["1.", "a)", "-", "+"]


def test_run_in_heading_and_heading_on_its_own_line_mixed() -> None:
    tree = [
        {"tieu_de": "Tuyên truyền", "muc": "Đẩy mạnh tuyên truyền."},
        {"muc": "Khoản thường."},
        {"tieu_de": "Tổ chức thực hiện", "noi_dung": [{"muc": "Điểm."}]},
    ]
    rows = _render(tree, ["so", "chu"])
    assert rows[0][1] == "1. Tuyên truyền: Đẩy mạnh tuyên truyền." and rows[0][2]
    assert rows[0][0] == "NoiDung"  # run in: an ordinary paragraph with a bold label
    assert rows[1] == ("NoiDung", "2. Khoản thường.", False)
    assert rows[2][:2] == ("DeMuc1", "3. Tổ chức thực hiện") and rows[2][2]
    assert rows[3][1].startswith("a) Điểm")


def test_unnumbered_items_and_levels() -> None:
    tree = [
        {"tieu_de": "Mục tiêu", "khong_so": True, "noi_dung": [{"muc": "A."}, {"muc": "B."}]},
        {"tieu_de": "Nhiệm vụ", "noi_dung": [{"muc": "C."}]},
        {"muc": "Ghi chú không số.", "khong_so": True},
        {"tieu_de": "Tổ chức", "noi_dung": [{"muc": "D."}]},
    ]
    rows = _render(tree, "la_ma")
    texts = [t for _, t, _ in rows]
    assert texts[0] == "MỤC TIÊU" and rows[0][2]  # no label, still a bold mục heading
    assert texts[1:3] == ["1. A.", "2. B."]
    assert texts[3] == "I. NHIỆM VỤ"  # the unnumbered section is not counted
    assert texts[5] == "Ghi chú không số."
    assert texts[6] == "II. TỔ CHỨC"
    # A whole level left unnumbered: headings without numbers, items 1., 2. under them.
    rows = _render(
        [{"tieu_de": "Phần", "noi_dung": [{"muc": "X."}, {"muc": "Y."}]}], ["khong", "so"]
    )
    assert [t for _, t, _ in rows][:3] == ["Phần", "1. X.", "2. Y./."]


def test_typed_labels_still_refused() -> None:
    text = (EXAMPLES / "chi-thi-xa-truong-ha-2026.yaml").read_text(encoding="utf-8")
    bad = text.replace("tieu_de: Tổ chức thực hiện", "tieu_de: 8. Tổ chức thực hiện")
    with pytest.raises(CampaignError) as exc:
        load_campaign_text(bad, "x.yaml")
    (p,) = exc.value.problems
    assert "'8.'" in p.message_vi
    assert p.line == next(i for i, line in enumerate(bad.splitlines(), 1) if "tieu_de: 8." in line)


@pytest.mark.parametrize(
    ("value", "needle", "field"),
    [
        ("roman", "no numbering scheme 'roman'", "danh_so"),
        ("[so, abc]", "no label style 'abc'", "danh_so"),
        ("{kieu: la_ma, bat_dau: 9}", "", "danh_so"),
        ("{kieu: la_ma, cap: 2}", "", "danh_so"),
    ],
)
def test_bad_danh_so_on_its_line(value: str, needle: str, field: str) -> None:
    text = (EXAMPLES / "chi-thi-xa-truong-ha-2026.yaml").read_text(encoding="utf-8")
    bad = text.replace("danh_so: [so, chu, gach]", f"danh_so: {value}")
    with pytest.raises(CampaignError) as exc:
        load_campaign_text(bad, "x.yaml")
    (p,) = exc.value.problems
    assert needle in p.message_en and p.message_vi != p.message_en
    assert p.line == next(i for i, line in enumerate(bad.splitlines(), 1) if line.startswith(field))


@given(
    st.lists(st.sampled_from(STYLES), min_size=1, max_size=6),
    st.integers(1, 3),
    st.lists(st.one_of(st.none(), st.integers(1, 30)), min_size=1, max_size=8),
)
@settings(max_examples=300, deadline=None)
def test_labels_are_well_formed(levels: list[str], start: int, path: list[int | None]) -> None:
    scheme = Scheme(tuple(levels), start)  # type: ignore[arg-type]
    lab = scheme.label(path)
    style = scheme.style(len(path))
    if path[-1] is None or style == "khong":
        assert lab == ""
    elif style in ("gach", "cong"):
        assert lab in ("-", "+")
    else:
        assert lab.endswith((".", ")")) and " " not in lab


def test_presets_as_before() -> None:
    assert [label("la_ma", [1] * n) for n in range(1, 7)] == ["I.", "1.", "a)", "-", "+", "+"]
    assert [label("thap_phan", [2] * n) for n in range(1, 7)] == [
        "2.",
        "2.2.",
        "2.2.2.",
        "b)",
        "-",
        "+",
    ]
    assert PRESETS["la_ma"][0] == "la_ma"
