"""The body tree and its numbering read back: random bodies of the model, rendered, then
imported, give back the same tree; the numbering patterns of the guide give back their
scheme; labels are read in every style."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chithi_gen import Renderer
from chithi_gen.importer import import_docx
from chithi_gen.importer.labels import read_label
from chithi_gen.numbering import PRESETS, Scheme
from support import MINIMAL

#: Plain words: no proper names, unit words or names of bodies (their capitals are
#: restored by rule), no punctuation.
_TEXT = (
    "phát động phong trào thi đua thực hiện nhiệm vụ năm nay tăng cường công tác tuyên"
    " truyền vận động cán bộ người dân tham gia xây dựng nông thôn mới bảo đảm trật tự"
    " giao thông môi trường sạch đẹp kết quả đạt được rà soát đánh giá"
)
WORDS = tuple(_TEXT.split(" "))

RENDERER = Renderer(environ={})


@st.composite
def sentence(draw: st.DrawFn, end: str = ".", marks: bool = True) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=9))
    if marks and len(words) > 3 and draw(st.booleans()):
        i = draw(st.integers(1, len(words) - 2))
        mark = draw(st.sampled_from(["**", "*"]))
        words[i] = f"{mark}{words[i]}{mark}"
    text = " ".join(words)
    if marks and draw(st.integers(0, 5)) == 0:
        text += f"^[{' '.join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5)))}]"
    return text[0].upper() + text[1:] + end


@st.composite
def bullet(draw: st.DrawFn) -> dict[str, Any]:
    node: dict[str, Any] = {"gach": draw(sentence(end=";"))}
    pluses = draw(st.lists(sentence(end=";"), max_size=2))
    if pluses:
        node["noi_dung"] = [{"cong": p} for p in pluses]
    return node


@st.composite
def item(draw: st.DrawFn, depth: int, levels: int) -> dict[str, Any]:
    node: dict[str, Any] = {}
    shape = draw(st.sampled_from(["muc", "heading", "run_in"]))
    if shape in ("heading", "run_in"):
        node["tieu_de"] = draw(sentence(end="", marks=False))
    if shape in ("muc", "run_in"):
        node["muc"] = draw(sentence())
    # Free paragraphs and bullets first, then the items one level down (the order a
    # reader can tell apart: a paragraph after an item belongs to that item).
    children: list[Any] = draw(st.lists(sentence(), max_size=1))
    children += draw(st.lists(bullet(), max_size=2))
    if depth < levels:
        children += draw(st.lists(item(depth + 1, levels), max_size=3))
    if children:
        node["noi_dung"] = children
    elif shape == "heading":
        node["muc"] = draw(sentence())
    return node


def _last_not_free(node: dict[str, Any]) -> None:
    """End ``node`` (in reading order) with something other than a free paragraph: one
    there would read as the body's closing paragraph."""
    children = node.get("noi_dung", [])
    if not children:
        return
    if isinstance(children[-1], str):
        children.append({"gach": "Cuối cùng."})
    elif "gach" not in children[-1]:
        _last_not_free(children[-1])


@st.composite
def body(draw: st.DrawFn) -> dict[str, Any]:
    danh_so = draw(st.sampled_from(["la_ma", "thap_phan", ["so", "chu"], ["so"], ["la_ma", "chu"]]))
    levels = len(PRESETS[danh_so] if isinstance(danh_so, str) else danh_so)
    depth = min(levels, 3)
    items = draw(st.lists(item(1, depth), min_size=1, max_size=4))
    _last_not_free(items[-1])
    return {
        "danh_so": danh_so,
        "mo_dau": draw(st.lists(sentence(), max_size=2)),
        "noi_dung": [*items, draw(sentence())],  # the closing paragraph, at the top level
    }


def _campaign(parts: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    data.update(parts)
    if not data["mo_dau"]:
        del data["mo_dau"]
    return data


def _depth(nodes: list[Any], level: int = 1) -> int:
    deepest = 0
    for n in nodes:
        if isinstance(n, dict) and "gach" not in n:
            deepest = max(deepest, level, _depth(n.get("noi_dung", []), level + 1))
    return deepest


def _styles(danh_so: Any, depth: int) -> list[str]:
    from chithi_gen.model import DanhSo

    scheme = DanhSo.model_validate(danh_so if danh_so is not None else "la_ma").scheme()
    return [scheme.style(d) for d in range(1, depth + 1)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body())
def test_a_rendered_body_imports_to_the_same_tree(parts: dict[str, Any]) -> None:
    campaign = _campaign(parts)
    result = import_docx(RENDERER.render(campaign).docx, RENDERER)
    data = result.data
    assert data.get("mo_dau", []) == parts["mo_dau"]
    assert data["noi_dung"] == parts["noi_dung"]
    depth = _depth(parts["noi_dung"])
    assert _styles(data.get("danh_so"), depth) == _styles(parts["danh_so"], depth)
    assert result.notes == []


PATTERNS: list[tuple[str, Any, list[Any]]] = [
    (
        "1. to 9. with a heading among plain items",
        ["so", "chu"],
        [
            {"muc": "Một."},
            {"tieu_de": "Tổ chức thực hiện", "noi_dung": [{"muc": "Điểm a."}, {"muc": "Điểm b."}]},
            {"muc": "Hai."},
        ],
    ),
    ("run-in heading", None, [{"tieu_de": "Tuyên truyền", "muc": "Đẩy mạnh tuyên truyền."}]),
    (
        "start at khoản",
        {"kieu": "la_ma", "bat_dau": 2},
        [{"muc": "Một.", "noi_dung": [{"muc": "A."}]}],
    ),
    (
        "unnumbered section",
        None,
        [
            {"tieu_de": "Mục đích, yêu cầu", "khong_so": True, "noi_dung": [{"muc": "Một."}]},
            {"tieu_de": "Nội dung", "noi_dung": [{"muc": "Hai."}]},
        ],
    ),
    (
        "unnumbered level",
        ["khong", "so"],
        [
            {"tieu_de": "Mục đích", "noi_dung": [{"muc": "Một."}, {"muc": "Hai."}]},
            {"tieu_de": "Yêu cầu", "noi_dung": [{"muc": "Một."}]},
        ],
    ),
    (
        "decimal",
        "thap_phan",
        [{"tieu_de": "Chung", "noi_dung": [{"muc": "Một."}, {"muc": "Hai."}]}],
    ),
]


@pytest.mark.parametrize("name, danh_so, noi_dung", PATTERNS, ids=[p[0] for p in PATTERNS])
def test_the_guides_numbering_patterns_come_back(
    name: str, danh_so: Any, noi_dung: list[Any]
) -> None:
    parts: dict[str, Any] = {"noi_dung": noi_dung, "mo_dau": []}
    if danh_so is not None:
        parts["danh_so"] = danh_so
    result = import_docx(RENDERER.render(_campaign(parts)).docx, RENDERER)
    assert result.data["noi_dung"] == noi_dung
    depth = _depth(noi_dung)
    assert _styles(result.data.get("danh_so"), depth) == _styles(danh_so, depth)


@pytest.mark.parametrize(
    "text, style, numbers, rest",
    [
        ("I. MỤC TIÊU", "la_ma", (1,), "MỤC TIÊU"),
        ("XIV.\tNội dung", "la_ma", (14,), "Nội dung"),
        ("3. Tuyên truyền", "so", (3,), "Tuyên truyền"),
        ("3) Tuyên truyền", "so", (3,), "Tuyên truyền"),
        ("1.2. Thời gian", "thap_phan", (1, 2), "Thời gian"),
        ("1.2.3 Thời gian", "thap_phan", (1, 2, 3), "Thời gian"),
        ("đ) Điểm năm", "chu", (5,), "Điểm năm"),
        ("g) Điểm bảy", "chu", (7,), "Điểm bảy"),
        ("- Gạch", "gach", (), "Gạch"),
        ("– Gạch dài", "gach", (), "Gạch dài"),
        ("+ Cộng", "cong", (), "Cộng"),
    ],
)
def test_labels_are_read(text: str, style: str, numbers: tuple[int, ...], rest: str) -> None:
    label = read_label(text)
    assert label is not None
    assert (label.style, label.numbers, text[label.end :]) == (style, numbers, rest)


@pytest.mark.parametrize(
    "text", ["Năm 2026 là năm", "Ủy ban nhân dân", "-5 độ", "(1) Chỉ tiêu", "Ia. không", "VT."]
)
def test_text_that_is_no_label(text: str) -> None:
    assert read_label(text) is None


def test_the_scheme_found_renders_the_labels_read() -> None:
    """The decimal labels computed from the scheme read are the document's."""
    scheme = Scheme(("so", "thap_phan", "chu"))
    assert [scheme.label(p) for p in ([2], [2, 1], [2, 1, 5])] == ["2.", "2.1.", "đ)"]
