"""Fuzz: bad input of every kind either renders to a sound .docx or gets a clear error.

Every text field of the model takes arbitrary Unicode — control characters pasted from
Word, combining and precomposed diacritics, right-to-left and zero-width marks, very
long text — and the result is either a .docx whose every XML part parses and whose text
holds the NFC form of the input, or a ``ValidationError``/``CampaignError`` naming that
field. Whole files take malformed YAML, wrong types, unknown keys, impossible dates,
deep nesting and bombs, and get a :class:`CampaignError`, never another exception, and
within seconds.

Example counts are modest so ``make test`` stays fast; run the big fuzz with

    HYPOTHESIS_PROFILE=fuzz .venv/bin/pytest -q tests/test_fuzz.py     # ≥ 10,000 each
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from lxml import etree
from pydantic import ValidationError

from chithi_gen import Campaign, CampaignError, load_campaign_text, render_docx
from chithi_gen.model.text import MAX_LEN
from chithi_gen.vi.chu_hoa import in_hoa, viet_hoa_dau
from fuzzing import fuzz_settings, time_limit
from support import EXAMPLES, MINIMAL

# ------------------------------------------------------------------------ text strategies

#: Characters a clerk's paste brings: Vietnamese letters precomposed and decomposed,
#: combining marks alone, Word's control characters, bidi and zero-width marks,
#: Unicode spaces, XML's special characters, emoji and other scripts.
SPECIAL = (
    "ĂăÂâĐđÊêÔôƠơƯưÀàẢảÃãÁáẠạẰằẲẳẴẵẮắẶặẦầẨẩẪẫẤấẬậỆệỂểỄễẾếỀềỠỡỚớỜờỞởỢợỨứỪừỬửỮữỰự"
    "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"  # combining: the Vietnamese marks
    "\x00\x01\x07\x08\x0b\x0c\x0d\x1f\x7f\t\n"  # controls, Word's line break U+000B
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2069"
    "\ufeff\u00ad\ufffe\uffff\u00a0\u2028\u2029\u3000"
    "<>&\"'/\\;:,.()-–—+•%$#@!?=~`|{}"
    "😀👍🇻🇳漢字عربيעברית"
)
chars = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    st.sampled_from(SPECIAL),
    st.sampled_from("abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY     "),
)
texts = st.text(alphabet=chars, min_size=0, max_size=120)
#: Long text, built by repetition (cheap to generate): around and over MAX_LEN.
long_texts = st.builds(
    lambda piece, n: (piece or "a") * n,
    st.text(alphabet=chars, min_size=1, max_size=8),
    st.integers(min_value=MAX_LEN // 8, max_value=MAX_LEN + 500),
)
any_text = st.one_of(texts, texts, texts, long_texts)

#: Text without the inline markup of the body (``**``, ``^[``, ``[[``), so that the
#: rendered text can be compared with the input.
plain_chars = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="*^[]_"),
    st.sampled_from(SPECIAL.replace("*", "")),
)
plain_texts = st.text(alphabet=plain_chars, min_size=1, max_size=80)


# --------------------------------------------------------------------------- the fields


def _set(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    node: Any = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


def _data_with(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    data["co_quan"]["chu_quan"] = "Ủy ban nhân dân tỉnh Cao Bằng"
    data["noi_dung"].append({"gach": "Gạch đầu dòng.", "noi_dung": [{"cong": "Dấu cộng."}]})
    data["noi_nhan"].append({"ten": "Sở Nội vụ", "muc_dich": "b/c"})
    data["ten_loai"] = "Chỉ thị"
    _set(data, path, value)
    return data


#: Every text field of the model, with a function giving what the rendered document
#: must then contain (from the stored, cleaned value).
FIELDS: dict[tuple[str | int, ...], Callable[[Campaign], str]] = {
    ("trich_yeu",): lambda c: viet_hoa_dau(c.trich_yeu),  # first letter capitalised
    ("dia_danh",): lambda c: c.dia_danh,
    ("co_quan", "ten"): lambda c: in_hoa(c.co_quan.ten[0]),
    ("co_quan", "chu_quan"): lambda c: in_hoa(c.co_quan.chu_quan[0]),
    ("ten_loai",): lambda c: in_hoa(c.ten_loai or ""),
    ("mo_dau", 0): lambda c: c.mo_dau[0],
    ("noi_dung", 0, "tieu_de"): lambda c: "",  # printed in capitals; checked as XML only
    ("noi_dung", 0, "noi_dung", 0): lambda c: _doan(c, 0, 0),
    ("noi_dung", 1, "noi_dung", 0, "muc"): lambda c: _muc(c),
    ("noi_dung", 2): lambda c: _doan(c, 2),
    ("noi_dung", 3, "gach"): lambda c: getattr(c.noi_dung[3], "gach", ""),
    ("noi_dung", 3, "noi_dung", 0, "cong"): lambda c: getattr(
        c.noi_dung[3].noi_dung[0], "cong", ""
    ),
    ("nguoi_ky", "ho_ten"): lambda c: c.nguoi_ky.ho_ten,
    ("nguoi_ky", "chuc_vu"): lambda c: "",
    ("nguoi_ky", "cap_truong"): lambda c: "",
    ("noi_nhan", 0): lambda c: c.noi_nhan[0].text(),
    ("noi_nhan", 3, "ten"): lambda c: c.noi_nhan[3].ten,
    ("noi_nhan", 3, "muc_dich"): lambda c: f"({c.noi_nhan[3].muc_dich})",
}


def _doan(c: Campaign, *path: int) -> str:
    node: Any = c.noi_dung
    for i in path:
        node = node[i] if isinstance(node, list) else node.noi_dung[i]
    return str(getattr(node, "doan", ""))


def _muc(c: Campaign) -> str:
    return str(c.noi_dung[1].noi_dung[0].muc or "")  # type: ignore[union-attr]


def _clean(value: str) -> str:
    """What the model stores for a valid text: NFC, invisible marks dropped, spaces collapsed."""
    text = unicodedata.normalize("NFC", value)
    text = re.sub("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]", "", text)
    return re.sub(r"[ \t\x0b\x0c\r\n\u00a0\u2028\u2029]+", " ", text).strip()


def _stored(c: Campaign, path: tuple[str | int, ...]) -> Any:
    node: Any = c
    for part in path:
        node = node[part] if isinstance(part, int) else getattr(node, part)
    return node


def _all_parts_parse(docx: bytes) -> str:
    """Parse every XML part of the package; return the document's text."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        assert zf.testzip() is None
        for name in zf.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(zf.read(name))
        root = etree.fromstring(zf.read("word/document.xml"))
    # One line per paragraph, as Word shows it: a field that starts with a combining mark
    # would otherwise compose with the previous paragraph's last letter.
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    lines = []
    for para in root.iter(w + "p"):
        own = (t for t in para.iter(w + "t") if next(t.iterancestors(w + "p")) is para)
        lines.append("".join(t.text or "" for t in own))
    return "\n".join(lines)


#: Fields whose "|" is the clerk's forced line break, not text (docs/tep-chien-dich.md).
TITLE_FIELDS = {"trich_yeu", "co_quan"}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _check(path: tuple[str | int, ...], value: Any, *, plain: bool) -> None:
    data = _data_with(path, value)
    try:
        campaign = Campaign.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = err["loc"]
            assert loc and loc[0] == path[0], (path, loc, err["msg"])
        return
    stored = _stored(campaign, path)
    if isinstance(value, str) and isinstance(stored, str) and path[-1] != "chu_quan":
        assert unicodedata.is_normalized("NFC", stored)
        if path[0] not in ("noi_nhan",):
            assert stored == _clean(value)
    docx = render_docx(campaign)
    text = _all_parts_parse(docx)
    assert unicodedata.is_normalized("NFC", text)
    if plain:
        expected = _squash(FIELDS[path](campaign))
        if path[0] in TITLE_FIELDS:  # "|" forces a line break in a title line
            expected = expected.replace("|", "")
        if path[0] == "noi_dung" and expected.endswith((".", ";", ",")):
            expected = expected[:-1]  # the body's last paragraph ends "./." instead
        assert expected in _squash(text), (path, expected)


@fuzz_settings(150)
@given(path=st.sampled_from(sorted(FIELDS, key=str)), value=any_text)
@example(path=("trich_yeu",), value="Về vie\u0302\u0323c thi đua")  # decomposed ệ
@example(path=("nguoi_ky", "ho_ten"), value="Nguyễn\x0bVăn\u200fAn")  # Word's line break, RLM
@example(path=("mo_dau", 0), value="A" * (MAX_LEN + 1))
@example(path=("dia_danh",), value="\u202eHà Quảng")  # right-to-left override
@example(path=("noi_nhan", 0), value="- UBND xã;\x07")
def test_any_text_in_any_field(path: tuple[str | int, ...], value: str) -> None:
    _check(path, value, plain=False)


@fuzz_settings(150)
@given(path=st.sampled_from(sorted(FIELDS, key=str)), value=plain_texts)
@example(path=("trich_yeu",), value="xVề vie\u0302\u0323c thi đua")
@example(path=("mo_dau", 0), value="Tiếng Việt \u05e2\u05d1\u05e8\u05d9\u05ea 漢字 😀 <&>")
def test_plain_text_is_printed_in_nfc(path: tuple[str | int, ...], value: str) -> None:
    _check(path, value, plain=True)


wrong_values = st.one_of(
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(texts, texts, max_size=2),
)


@fuzz_settings(40)
@given(value=wrong_values, path=st.sampled_from(sorted(FIELDS, key=str)))
def test_wrong_types_name_the_field(path: tuple[str | int, ...], value: Any) -> None:
    data = _data_with(path, value)
    try:
        Campaign.model_validate(data)
    except ValidationError as exc:
        assert all(e["loc"] and e["loc"][0] == path[0] for e in exc.errors())


# ------------------------------------------------------------------- big lists, nesting


def test_ten_thousand_paragraphs_render() -> None:
    data = copy.deepcopy(MINIMAL)
    data["noi_dung"] = [f"Đoạn thứ {i}." for i in range(10_000)]
    with time_limit(60):
        text = _all_parts_parse(render_docx(Campaign.model_validate(data)))
    assert "Đoạn thứ 9999." in text


@pytest.mark.parametrize("field", ["noi_nhan", "mo_dau", "co_quan"])
def test_ten_thousand_items_rejected_where_bounded(field: str) -> None:
    data = copy.deepcopy(MINIMAL)
    items = [f"Mục {i}" for i in range(10_000)]
    if field == "co_quan":
        data["co_quan"]["ten"] = items
    else:
        data[field] = items
    with pytest.raises(ValidationError) as exc:
        Campaign.model_validate(data)
    assert {e["loc"][0] for e in exc.value.errors()} == {field}


def _nest(levels: int) -> dict[str, Any]:
    node: dict[str, Any] = {"muc": "Lá."}
    for i in range(levels - 1):
        node = {"muc": f"Cấp {i}.", "noi_dung": [node]}
    return node


@fuzz_settings(20)
@given(levels=st.integers(min_value=1, max_value=40))
def test_nested_sections(levels: int) -> None:
    data = copy.deepcopy(MINIMAL)
    data["noi_dung"] = [_nest(levels)]
    try:
        campaign = Campaign.model_validate(data)
    except ValidationError as exc:
        assert levels > 12
        assert [e["loc"][0] for e in exc.errors()] == ["noi_dung"]
        return
    assert levels <= 12
    assert "Lá." in _all_parts_parse(render_docx(campaign))


def _yaml_nest(levels: int) -> str:
    lines = ["noi_dung:"]
    indent = "  "
    for i in range(levels):
        lines.append(f"{indent}- muc: Cấp {i}.")
        lines.append(f"{indent}  noi_dung:")
        indent += "    "
    lines.append(f"{indent}- Lá.")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [5, 13, 60, 400])
def test_deep_yaml_body_is_a_clear_error(levels: int) -> None:
    good = (EXAMPLES / "chi-thi-ha-quang-2020.yaml").read_text(encoding="utf-8")
    head = good[: good.index("noi_dung:")]
    tail = good[good.index("nguoi_ky:") :]
    with time_limit(20):
        if levels < 12:
            load_campaign_text(head + _yaml_nest(levels) + tail)
            return
        with pytest.raises(CampaignError) as exc:
            load_campaign_text(head + _yaml_nest(levels) + tail, "sau.yaml")
    msg = exc.value.format()
    assert "quá sâu" in msg and "too deeply" in msg


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 50_000 + "]" * 50_000,
        "- " * 5_000 + "x\n",
        "a: " + "{b: " * 5_000 + "c" + "}" * 5_000,
    ],
    ids=["flow-lists", "block-lists", "flow-maps"],
)
def test_nesting_bomb(text: str) -> None:
    with time_limit(20), pytest.raises(CampaignError, match="too deeply"):
        load_campaign_text(text, "bom.yaml")


# ---------------------------------------------------------------------------- whole files

GOOD = (EXAMPLES / "chi-thi-ha-quang-2020.yaml").read_text(encoding="utf-8")


def _loads_or_clear_error(text: str) -> None:
    with time_limit(30):
        try:
            load_campaign_text(text, "x.yaml")
        except CampaignError as exc:
            assert exc.problems
            for p in exc.problems:
                assert p.message_vi and p.message_en
            assert "Traceback" not in exc.format()


@fuzz_settings(60)
@given(text=st.text(alphabet=st.one_of(chars, st.sampled_from(":-[]{}&*!|>'\"#%@`\n  ")),
                    max_size=300))  # fmt: skip
def test_arbitrary_text_as_a_file(text: str) -> None:
    _loads_or_clear_error(text)


@fuzz_settings(60)
@given(data=st.data())
def test_mutated_example(data: st.DataObject) -> None:
    """The real example with characters deleted, inserted or replaced."""
    text = GOOD
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        i = data.draw(st.integers(min_value=0, max_value=len(text) - 1))
        op = data.draw(st.sampled_from(["del", "ins", "rep", "dup-line"]))
        c = data.draw(st.sampled_from(":-[]{}&*!|>'\"#\t\n x9\x00\u0301"))
        if op == "del":
            text = text[:i] + text[i + 1 :]
        elif op == "ins":
            text = text[:i] + c + text[i:]
        elif op == "rep":
            text = text[:i] + c + text[i + 1 :]
        else:
            lines = text.split("\n")
            j = i % len(lines)
            text = "\n".join([*lines[: j + 1], lines[j], *lines[j + 1 :]])
    _loads_or_clear_error(text)


@fuzz_settings(60)
@given(
    y=st.integers(min_value=1, max_value=9999),
    m=st.integers(min_value=0, max_value=13),
    d=st.integers(min_value=0, max_value=32),
)
@example(y=2021, m=2, d=30)
@example(y=2020, m=2, d=29)
@example(y=2021, m=2, d=29)
@example(y=2021, m=4, d=31)
def test_dates(y: int, m: int, d: int) -> None:
    text = GOOD.replace("ngay: 2020-07-15", f"ngay: {y:04d}-{m:02d}-{d:02d}")
    try:
        real = dt.date(y, m, d)
    except ValueError:
        real = None
    if real is not None and real.year != 2020:
        text = text.replace("so: 5 ", "so: 5 ")  # nothing else ties the year
    try:
        c = load_campaign_text(text, "x.yaml")
    except CampaignError as exc:
        assert real is None, exc.format()
        [p] = exc.problems
        assert p.loc == ("ngay",) and "ngày không hợp lệ" in p.message_vi
        return
    assert c.ngay == real


KEYS = ["loai", "co_quan", "so", "ngay", "dia_danh", "trich_yeu", "mo_dau", "noi_dung",
        "nguoi_ky", "noi_nhan", "luu", "danh_so"]  # fmt: skip


@fuzz_settings(60)
@given(
    key=st.sampled_from(KEYS),
    new=st.one_of(
        st.sampled_from(["[1, 2]", "{a: b}", "123", "true", "null", "''", "~", "2020-13-45"]),
        st.from_regex(r"[a-z_]{1,12}", fullmatch=True),
    ),
    rename=st.booleans(),
)
def test_wrong_types_and_unknown_keys(key: str, new: str, rename: bool) -> None:
    """A top-level key renamed (unknown key) or its value replaced by a wrong type."""
    lines = GOOD.split("\n")
    i = next(n for n, line in enumerate(lines) if line.startswith(f"{key}:"))
    if rename:
        assume(new not in KEYS and re.fullmatch(r"[a-z_]+", new) and new not in ("true", "null"))
        lines[i] = new + lines[i][len(key) :]
    else:
        j = i + 1
        while j < len(lines) and (lines[j].startswith(" ") or not lines[j].strip()):
            j += 1
        lines[i:j] = [f"{key}: {new}"]
    text = "\n".join(lines)
    try:
        load_campaign_text(text, "x.yaml")
    except CampaignError as exc:
        for p in exc.problems:
            assert p.line is not None
            assert p.loc == () or p.loc[0] in (key, new)


def test_python_tags_are_never_executed(tmp_path: Any) -> None:
    marker = tmp_path / "pwned"
    for text in (
        f"a: !!python/object/apply:os.system ['touch {marker}']\n",
        f"!!python/object/apply:os.system ['touch {marker}']\n",
        "a: !!binary aGVsbG8=\n",
        "a: !custom {b: 1}\n",
    ):
        _loads_or_clear_error(text)
    assert not marker.exists()


@pytest.mark.parametrize(
    "text",
    [
        "\ufeffloai: chi_thi\n",  # BOM
        "loai: chi_thi\r\nco_quan: x\r\n",  # CRLF
        "\x00\x01\x02",
        "\t- a",
        "a: 'unterminated\n",
        "? [a, b]\n: c\n",  # complex key
        "a: b\n...\n---\nc: d\n",  # two documents
        "%YAML 9.9\n---\na: b\n",
        "a: " + "x" * 4_000_000 + "\n",  # big but under the limit
    ],
)
def test_malformed_files(text: str) -> None:
    _loads_or_clear_error(text)
