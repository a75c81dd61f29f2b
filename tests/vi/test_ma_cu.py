"""Legacy encodings: TCVN3 (ABC) and VNI text pasted as Unicode, detected and converted."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chithi_gen.vi.ma_cu import (
    TCVN3_TABLE,
    VNI_TABLE,
    Encoding,
    chuyen_ma,
    la_am_tiet,
    ma_hoa_cu,
    phat_hien,
)
from support import EXAMPLES, ROOT, SEEDS

TONED = {
    "a": "aàảãáạ",
    "ă": "ăằẳẵắặ",
    "â": "âầẩẫấậ",
    "e": "eèẻẽéẹ",
    "ê": "êềểễếệ",
    "i": "iìỉĩíị",
    "o": "oòỏõóọ",
    "ô": "ôồổỗốộ",
    "ơ": "ơờởỡớợ",
    "u": "uùủũúụ",
    "ư": "ưừửữứự",
    "y": "yỳỷỹýỵ",
}
#: The 67 small letters of Vietnamese that are not ASCII (plus the ASCII vowels).
LETTERS = [ch for tones in TONED.values() for ch in tones] + ["đ"]
ENCODINGS: list[Encoding] = ["tcvn3", "vni"]


def syllable_with(letter: str) -> str:
    """A Vietnamese syllable holding ``letter``: "bằn", "bạt", "đi"."""
    if letter == "đ":
        return "đi"
    for onset in ("b", "", "t", "l"):
        for coda in ("", "n", "m", "ng", "t", "c"):
            word = onset + letter + coda
            if la_am_tiet(word):
                return word
    raise AssertionError(f"no syllable for {letter!r}")


# -- the examples of the issue ----------------------------------------------------


def test_issue_examples() -> None:
    assert phat_hien("T©n LËp") == "tcvn3"
    assert chuyen_ma("T©n LËp", "tcvn3") == "Tân Lập"
    assert phat_hien("Nguyeãn Vaên") == "vni"
    assert chuyen_ma("Nguyeãn Vaên", "vni") == "Nguyễn Văn"


def test_more_real_fragments() -> None:
    assert chuyen_ma("Uû ban nh©n d©n huyÖn Hµ Qu¶ng", "tcvn3") == (
        "Uỷ ban nhân dân huyện Hà Quảng"
    )
    assert chuyen_ma("CHØ THÞ", "tcvn3") == "CHỈ THỊ"
    assert chuyen_ma("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni") == (
        "Cộng hòa xã hội chủ nghĩa Việt Nam"
    )
    assert chuyen_ma("ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC", "vni") == "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"
    assert phat_hien("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "vni"
    assert phat_hien("Céng hoµ x· héi chñ nghÜa ViÖt Nam") == "tcvn3"


def test_output_is_nfc() -> None:
    out = chuyen_ma("Nguyeãn", "vni")
    assert out == unicodedata.normalize("NFC", out)
    with pytest.raises(ValueError):
        chuyen_ma("x", "viscii")  # type: ignore[arg-type]


# -- the tables -----------------------------------------------------------------


def test_tables_cover_every_letter_both_ways() -> None:
    # 7 capitals Ă Â Ê Ô Ơ Ư Đ, 7 small letters ă â ê ô ơ ư đ, 60 small toned vowels.
    assert len(set(TCVN3_TABLE.values())) == len(TCVN3_TABLE) == 7 + 7 + 60
    for letter in LETTERS:
        for enc in ENCODINGS:
            code = ma_hoa_cu(letter, enc)
            # VNI writes ì and í, TCVN3 ý, with the Windows-1252 codes of the same letters.
            same = {"vni": "ìí", "tcvn3": "ý"}[enc]
            if not letter.isascii() and letter not in same:
                assert code != letter, (enc, letter)
            assert all(ord(c) <= 0xFF for c in code), (enc, letter, code)
    # VNI writes every capital; the codes of the capitals and small letters differ.
    for letter in LETTERS:
        assert ma_hoa_cu(letter.upper(), "vni") == ma_hoa_cu(letter, "vni").upper()
        code = ma_hoa_cu(letter.upper(), "vni")
        if code != letter.upper():
            assert VNI_TABLE[code] == letter.upper()


ICONV_TCVN = bool(shutil.which("iconv")) and (
    subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=b"a", check=False).returncode
    == 0
)


@pytest.mark.skipif(not ICONV_TCVN, reason="glibc iconv without TCVN5712-1")
def test_tcvn3_table_agrees_with_glibc() -> None:
    """Every code of the table decodes as glibc's TCVN 5712:1993 converter says."""
    codes = bytes(ord(c) for c in TCVN3_TABLE)
    out = subprocess.run(
        ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=codes, capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert unicodedata.normalize("NFC", out) == "".join(TCVN3_TABLE.values())


# -- round trips over every letter with every tone -------------------------------


@pytest.mark.parametrize("enc", ENCODINGS)
@pytest.mark.parametrize("letter", LETTERS)
def test_round_trip_small(enc: Encoding, letter: str) -> None:
    text = f"Xã Tân Lập, {syllable_with(letter)} và {syllable_with(letter)}"
    legacy = ma_hoa_cu(text, enc)
    assert phat_hien(legacy) == enc, legacy
    assert chuyen_ma(legacy, enc) == text


@pytest.mark.parametrize("enc", ENCODINGS)
@pytest.mark.parametrize("letter", LETTERS)
def test_round_trip_capitals(enc: Encoding, letter: str) -> None:
    """Capitals: TCVN3 writes capital toned letters with the small codes; they come
    back as capitals in a line of capitals, as the first letter of a sentence, and in
    a word next to a word in capitals."""
    word = syllable_with(letter)
    for text in (
        f"XÃ TÂN LẬP {word.upper()}",
        f"{word.capitalize()} xã Tân Lập. {word.capitalize()} nữa",
        f"Xã Tân Lập {word.upper()} TÂN",
    ):
        legacy = ma_hoa_cu(text, enc)
        assert phat_hien(legacy) == enc, legacy
        assert chuyen_ma(legacy, enc) == text


def test_tcvn3_capitals_in_mixed_case_are_small() -> None:
    """The documented limit: VN3 cannot tell "Ủy" inside a sentence from "ủy"."""
    assert chuyen_ma(ma_hoa_cu("của Ủy ban", "tcvn3"), "tcvn3") == "của ủy ban"
    assert chuyen_ma(ma_hoa_cu("của Ủy ban", "vni"), "vni") == "của Ủy ban"


# -- syllables ------------------------------------------------------------------


def test_syllables() -> None:
    for word in ["lập", "LẬP", "Lập", "quỳnh", "giữa", "nghiêng", "khuya", "thuở", "được"]:
        assert la_am_tiet(word), word
    for word in ["lËp", "ei", "néi", "lÂp", "bàc", "ñi", "µm", "hello", "x", "Nguyeãn", "abc"]:
        assert not la_am_tiet(word), word


# -- random Vietnamese words ------------------------------------------------------

ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph"]
ONSETS += ["qu", "s", "t", "th", "tr", "v", "x"]
NUCLEI = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ia", "iê", "ua", "uô", "ưa"]
NUCLEI += ["ươ", "oa", "uy", "uyê"]
CODAS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u", "y"]


@st.composite
def syllables(draw: st.DrawFn) -> str:
    """A random Vietnamese syllable (the validator decides which candidates count)."""
    for _ in range(20):
        nucleus = draw(st.sampled_from(NUCLEI))
        word = draw(st.sampled_from(ONSETS)) + nucleus + draw(st.sampled_from(CODAS))
        tone = draw(st.integers(0, 5))
        at = max(i for i, c in enumerate(word) if c in "aăâeêioôơuưy")
        toned = word[:at] + TONED[word[at]][tone] + word[at + 1 :]
        if la_am_tiet(toned):
            return toned
    return "lập"


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(syllables(), min_size=1, max_size=12))
    words[0] = words[0].capitalize()
    return " ".join(words) + draw(st.sampled_from(["", ".", ",", ";"]))


@given(sentences())
@settings(max_examples=300, deadline=None)
def test_random_unicode_vietnamese_is_not_flagged(text: str) -> None:
    assert phat_hien(text) is None, text


@given(sentences(), st.sampled_from(ENCODINGS))
@settings(max_examples=300, deadline=None)
def test_random_round_trip(text: str, enc: Encoding) -> None:
    legacy = ma_hoa_cu(text, enc)
    assert chuyen_ma(legacy, enc) == text
    # Never the wrong encoding; and a sentence of several legacy words is found.
    assert phat_hien(legacy) in (enc, None)
    hits = [w for w in text.split() if ma_hoa_cu(w, enc) != w]
    if len(hits) >= 4:
        assert phat_hien(legacy) == enc, legacy


@given(st.lists(syllables(), min_size=1, max_size=6), st.sampled_from(["lower", "upper", "title"]))
@settings(max_examples=200, deadline=None)
def test_random_vni_any_case(words: list[str], case: str) -> None:
    text = " ".join(getattr(w, case)() for w in words)
    assert chuyen_ma(ma_hoa_cu(text, "vni"), "vni") == text


# -- normal text is never flagged -------------------------------------------------


def corpus() -> list[str]:
    files = [*EXAMPLES.rglob("*.yaml"), *(ROOT / "docs").rglob("*.md"), ROOT / "README.md"]
    files += [p for p in (ROOT / "src").rglob("*.py") if p.name != "ma_cu.py"]
    files += list(SEEDS.glob("*.txt"))
    lines = []
    for path in files:
        lines += [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines


def test_normal_text_is_not_flagged() -> None:
    lines = corpus()
    assert len(lines) > 5000
    flagged = [ln for ln in lines if phat_hien(ln) is not None]
    assert flagged == []


@pytest.mark.parametrize(
    "text",
    [
        "Hello world, this is plain English text.",
        "Müller, señor, café, naïve, résumé, façade, Ørsted, São Paulo",
        "Size 5 µm, 30 °C, © 2020, ® brand, ½ cup, 3 × 4 ÷ 2",
        "Contents: [Format](#format) · [Fields](#fields) · [Body](#body)",
        "Ủy ban nhân dân huyện Hà Quảng, Số: 05/CT-UBND, ngày 15 tháng 7 năm 2020",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc",
        "có đã là và à ừ ở ý ấy",
        "",
    ],
)
def test_not_flagged(text: str) -> None:
    assert phat_hien(text) is None


def test_corpus_has_seeds() -> None:
    assert len(list(SEEDS.glob("*.txt"))) == 3
