"""Legacy Vietnamese encodings (*mã cũ*): TCVN3 (ABC) and VNI text pasted as Unicode.

Before Unicode, Vietnamese text was typed in 8-bit fonts: TCVN3 (the ABC fonts
``.VnTime``, ``.VnArial``…) and VNI-Windows (``VNI-Times``…). Copied out of such a file,
each byte arrives as the Windows-1252 character of the same code, so "Tân Lập" typed
in TCVN3 reads "T©n LËp", and "Nguyễn Văn" typed in VNI reads "Nguyeãn Vaên".

* :func:`phat_hien` (*detect*) says whether a text is plainly in one of these encodings;
* :func:`chuyen_ma` (*convert*) turns it into Unicode, precomposed (NFC);
* :func:`ma_hoa_cu` (*encode in the old code*) does the reverse (tests, fixtures).

Tables
------
* **TCVN3** is the VN3 set of TCVN 5712:1993 (Vietnamese standard "Công nghệ thông tin
  -- Bộ mã chuẩn 8-bit kí tự Việt dùng trong trao đổi thông tin"), the one the ABC fonts
  implement: codes 0xA1-0xFE hold the 7 capitals Ă Â Ê Ô Ơ Ư Đ, the 7 small letters
  ă â ê ô ơ ư đ and the 60 small toned vowels. VN3 has no capital toned letters: ABC
  prints them with the capital font (``.VnTimeH``) from the small letter's code, so a
  capital toned letter is written with the small letter's code here, and converted
  back to a capital when the rest of its word (or line) is in capitals. The table was
  checked code by code against glibc's ``TCVN5712-1`` converter (``iconv``), whose
  0xA1-0xFE positions of the VN3 letters are the same (a test does it again where
  ``iconv`` is installed).
* **VNI-Windows** is the VNI font encoding of VNI Software (VNI Windows fonts, 1990s):
  a base letter followed by one code for its marks -- tone (ù sắc, ø huyền, û hỏi,
  õ ngã, ï nặng), circumflex (â, with a tone: á à å ã ä), breve (ê, with a tone:
  é è ú ü ë) -- and single codes for đ (ñ), ơ (ô), ư (ö), the toned i (í ì æ ó ò) and
  ỵ (î), each in both cases. Cross-checked against the tables of open-source
  converters (e.g. the ``vietnamese-conversion`` npm package's charsets).

No maintained MIT/BSD package on PyPI was found that both converts and detects these
encodings, so the tables live here (about 150 entries).

Detection
---------
A word counts for an encoding when it is not a Vietnamese syllable as it stands but
becomes one once converted ("LËp" → "lập"). The syllable test knows the onsets, the
rhymes (*vần*), one tone at most, on a vowel, and that a rhyme ending in c, ch, p, t
takes only the sắc or nặng tone. Words written with letters no legacy text can hold
(ư, ơ, ạ… are not in Windows-1252) count against. A text is flagged only when such
words clearly outnumber everything pointing the other way, so ordinary Unicode
Vietnamese and English are not flagged.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

__all__ = ["Encoding", "chuyen_ma", "la_am_tiet", "ma_hoa_cu", "phat_hien"]

Encoding = Literal["tcvn3", "vni"]

#: The 12 vowels, each with its tones in the order: none, huyền, hỏi, ngã, sắc, nặng.
_VOWELS: dict[str, str] = {
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

# -- TCVN3 (TCVN 5712:1993, VN3) -----------------------------------------------------

#: Codes of each vowel with its tones, in the order of :data:`_VOWELS` (0 = the ASCII
#: letter itself).
_TCVN3_CODES: dict[str, tuple[int, ...]] = {
    "a": (0, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TCVN3_OTHER = {0xAE: "đ", 0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư"}
_TCVN3_OTHER[0xA7] = "Đ"


def _tcvn3_decode_table() -> dict[str, str]:
    table = {chr(code): ch for code, ch in _TCVN3_OTHER.items()}
    for vowel, codes in _TCVN3_CODES.items():
        for letter, code in zip(_VOWELS[vowel], codes, strict=True):
            if code:
                table[chr(code)] = letter
    return table


#: Windows-1252 character (as pasted) -> Unicode letter.
TCVN3_TABLE: dict[str, str] = _tcvn3_decode_table()
_TCVN3_ENCODE: dict[str, str] = {v: k for k, v in TCVN3_TABLE.items()}
#: Small letters whose TCVN3 code also serves for the capital.
_TCVN3_SMALL_FOR_CAPITAL = {
    ch for ch in TCVN3_TABLE.values() if ch.islower() and ch.upper() not in _TCVN3_ENCODE
}

# -- VNI-Windows -----------------------------------------------------------------

#: Mark codes after a base vowel, in the order of :data:`_VOWELS` (tones 1..5).
_VNI_TONES = "øûõùï"
_VNI_CIRCUMFLEX = "âàåãáä"  # â, then with huyền, hỏi, ngã, sắc, nặng
_VNI_BREVE = "êèúüéë"  # ă, then with huyền, hỏi, ngã, sắc, nặng
_VNI_I = "iìæóíò"  # i with its tones: single codes
#: Single codes of the letters that are one byte in VNI.
_VNI_SINGLE = {"ñ": "đ", "ô": "ơ", "ö": "ư", "î": "ỵ"}


def _vni_encode_table() -> dict[str, str]:
    """Unicode small letter -> its VNI spelling (small)."""
    out: dict[str, str] = {"đ": "ñ", "ơ": "ô", "ư": "ö"}
    for vowel, letters in _VOWELS.items():
        for tone, letter in enumerate(letters):
            if vowel == "i":
                code = _VNI_I[tone]
            elif vowel == "y" and tone == 5:
                code = "î"
            elif vowel == "â":
                code = "a" + _VNI_CIRCUMFLEX[tone]
            elif vowel == "ê":
                code = "e" + _VNI_CIRCUMFLEX[tone]
            elif vowel == "ô":
                code = "o" + _VNI_CIRCUMFLEX[tone]
            elif vowel == "ă":
                code = "a" + _VNI_BREVE[tone]
            else:
                base = {"ơ": "ô", "ư": "ö"}.get(vowel, vowel)
                code = base + (_VNI_TONES[tone - 1] if tone else "")
            out[letter] = code
    return out


_VNI_ENCODE_SMALL = _vni_encode_table()
#: VNI spelling (one or two characters, either case) -> Unicode letter.
VNI_TABLE: dict[str, str] = {}
for _letter, _code in _VNI_ENCODE_SMALL.items():
    if _code == _letter:
        continue
    VNI_TABLE[_code] = _letter
    VNI_TABLE[_code.upper()] = _letter.upper()
    if len(_code) == 2:  # the mark's case does not matter; the base letter's does
        VNI_TABLE[_code[0] + _code[1].upper()] = _letter
        VNI_TABLE[_code[0].upper() + _code[1]] = _letter.upper()
VNI_TABLE["yï"], VNI_TABLE["YÏ"] = "ỵ", "Ỵ"  # nặng on y, as some fonts write it
del _letter, _code

# -- Vietnamese syllables ------------------------------------------------------------

_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _list(text: str) -> list[str]:
    return text.split()


_ONSETS = [
    *sorted(
        _list("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x"),
        key=len,
        reverse=True,
    ),
    "",
]
_RHYMES = frozenset(
    _list(
        """
        a ac ach ai am an ang anh ao ap at au ay
        ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
        e ec em en eng eo ep et ê êch êm ên ênh êp êt êu
        i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
        y yêm yên yêng yêt yêu
        o oc oi om on ong oong ooc op ot
        oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
        oe oem oen oeo oet
        ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
        u ua uc ui um un ung up ut uân uâng uât uây uê uêch uênh uêt
        uy uya uych uyn uynh uyp uyt uyu uyên uyêt
        uôc uôi uôm uôn uông uôt uơ
        ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
        """
    )
)
_STOPS = ("c", "ch", "p", "t")
#: Rhymes of loanwords ("xoong", "soóc"): weak evidence of an encoding.
_RARE = frozenset({"oong", "ooc", "oao", "oem", "uyp", "uych", "uyn", "yêng", "ưm", "ưn"})
_VOWEL_BASES = set("aeiouy")


def la_am_tiet(word: str) -> bool:
    """Whether ``word`` is a Vietnamese syllable (*âm tiết*), in lower case, capitals
    or with a capital first letter: "lập", "LẬP" and "Lập" are; "lËp", "ei" are not."""
    return _rhyme(word) is not None


def _rhyme(word: str) -> str | None:
    """The rhyme (*vần*, toneless) of ``word`` if it is a syllable, else None."""
    nfd = unicodedata.normalize("NFD", word)
    tone = 0
    base_chars: list[str] = []
    last_base = ""
    for ch in nfd:
        if ch in _TONE_MARKS:
            if tone or last_base.lower() not in _VOWEL_BASES:
                return None
            tone = _TONE_MARKS[ch]
            continue
        if not unicodedata.combining(ch):
            last_base = ch
        base_chars.append(ch)
    base = unicodedata.normalize("NFC", "".join(base_chars))
    if not base or not (base.islower() or base.isupper() or base == base.capitalize()):
        return None
    low = base.lower()
    for onset in _ONSETS:
        if not low.startswith(onset):
            continue
        rhyme = low[len(onset) :]
        ok = rhyme in _RHYMES or (onset == "qu" and rhyme and "u" + rhyme in _RHYMES)
        if ok and (not rhyme.endswith(_STOPS) or tone in (4, 5)):
            return rhyme
    return None


# -- conversion ----------------------------------------------------------------------


def _decode_vni(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in VNI_TABLE:
            out.append(VNI_TABLE[pair])
            i += 2
            continue
        ch = text[i]
        out.append(VNI_TABLE.get(ch, ch))
        i += 1
    return "".join(out)


def _decode_tcvn3(text: str) -> str:
    """Convert TCVN3, then give capital toned letters back their case (VN3 writes them
    with the small letters' codes): in a line, or a word, whose other letters are all
    capitals; in a word next to such a word; as the first letter of a sentence."""
    out = [TCVN3_TABLE.get(ch, ch) for ch in text]
    # Letters whose code also writes the capital: their case is to be found.
    open_case = [
        ch in TCVN3_TABLE and letter in _TCVN3_SMALL_FOR_CAPITAL
        for ch, letter in zip(text, out, strict=True)
    ]

    def known(span: range) -> list[str]:
        return [out[k] for k in span if not open_case[k] and out[k].lower() != out[k].upper()]

    def capitals(span: range, least: int = 2) -> bool:
        letters = known(span)
        return len(letters) >= least and all(c.isupper() for c in letters)

    def raise_in(span: range) -> None:
        for k in span:
            if open_case[k]:
                out[k] = out[k].upper()

    joined = "".join(out)
    for line in re.finditer(r"[^\n]+", joined):
        span = range(line.start(), line.end())
        if capitals(span):
            raise_in(span)
            continue
        words = [
            range(line.start() + m.start(), line.start() + m.end())
            for m in re.finditer(r"\w+", line.group(0))
        ]
        caps = [capitals(wspan) for wspan in words]
        for k, wspan in enumerate(words):
            before = joined[line.start() : wspan.start].rstrip()
            if caps[k] or (
                capitals(wspan, least=0)
                and ((k > 0 and caps[k - 1]) or (k + 1 < len(words) and caps[k + 1]))
            ):
                raise_in(wspan)
            elif (
                open_case[wspan.start]
                and (not before or before.endswith((".", "!", "?")))
                and not any(out[j].isupper() for j in wspan)
            ):
                out[wspan.start] = out[wspan.start].upper()
    return "".join(out)


def chuyen_ma(text: str, encoding: Encoding) -> str:
    """``text`` typed in ``encoding`` (``"tcvn3"`` or ``"vni"``) and pasted as
    Windows-1252 characters, converted to Unicode NFC: ``"T©n LËp"`` → ``"Tân Lập"``."""
    if encoding == "tcvn3":
        converted = _decode_tcvn3(text)
    elif encoding == "vni":
        converted = _decode_vni(text)
    else:
        raise ValueError(f"unknown encoding {encoding!r}: expected 'tcvn3' or 'vni'")
    return unicodedata.normalize("NFC", converted)


def ma_hoa_cu(text: str, encoding: Encoding) -> str:
    """``text`` as it reads once typed in ``encoding`` and pasted (the reverse of
    :func:`chuyen_ma`): ``"Tân Lập"`` → ``"T©n LËp"``. Letters the encoding cannot
    write stay as they are; TCVN3 writes capital toned letters with the small codes."""
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for ch in text:
        if encoding == "tcvn3":
            code = _TCVN3_ENCODE.get(ch) or _TCVN3_ENCODE.get(ch.lower())
            out.append(code if code and ch.lower() != ch.upper() else ch)
        elif encoding == "vni":
            small = _VNI_ENCODE_SMALL.get(ch.lower())
            out.append(ch if small is None else small.upper() if ch.isupper() else small)
        else:
            raise ValueError(f"unknown encoding {encoding!r}: expected 'tcvn3' or 'vni'")
    return "".join(out)


def _strong(word: str) -> bool:
    """A lone word is evidence enough with two letters, legacy codes or not, besides
    one code ("LËp", "ñöôïc"; not "µm")."""
    return sum(ch.isalpha() or not ch.isascii() for ch in word) >= 3


# -- detection -----------------------------------------------------------------------

#: Characters that mark a word as possibly legacy in each encoding.
_MARKERS: dict[Encoding, frozenset[str]] = {
    "tcvn3": frozenset(TCVN3_TABLE),
    "vni": frozenset(c for code in VNI_TABLE for c in code if not c.isascii()),
}
#: Punctuation stripped from the ends of a word (never a legacy letter code).
_EDGE = "\"'()[]{}<>.,;:!?…“”‘’«»-–—/\\*&%$#@+=|~^_`"
_LETTERS_1252 = re.compile(r"[\x00-\xff]*")


def _words(text: str) -> list[str]:
    words = []
    for raw in text.split():
        word = raw.strip(_EDGE)
        # A lone character ("·" between links, "ã" in a list of marks) is no evidence.
        if len(word) > 1 and not word.isdigit():
            words.append(word)
    return words


#: A word's verdict for one encoding: (reads as Vietnamese only once converted, counts
#: against the encoding, weight of the evidence).
_Verdict = tuple[bool, int, float]
_NONE: _Verdict = (False, 0, 0.0)


@lru_cache(maxsize=1 << 16)
def _verdict(word: str, encoding: Encoding) -> _Verdict:
    """What ``word`` says about ``encoding`` (kept: the words of a campaign repeat, in a
    document and from row to row of a batch, and the syllable test is the costly part)."""
    if not _LETTERS_1252.fullmatch(word):
        # Letters no legacy text can hold (ư, ơ, ạ…): typed in Unicode.
        return (False, int(any(ch.isalpha() and ord(ch) > 0xFF for ch in word)), 0.0)
    if not any(ch in _MARKERS[encoding] for ch in word):
        return _NONE
    if la_am_tiet(word):
        return _NONE  # a Vietnamese syllable as it stands: no evidence either way
    rhyme = _rhyme(chuyen_ma(word, encoding))
    if rhyme is None:
        return (False, 1, 0.0)
    return (True, 0, 0.5 if rhyme in _RARE else 1.0)


def _evidence(words: list[str], encoding: Encoding) -> tuple[list[str], int, float]:
    """(words that read as Vietnamese only once converted, words against it, weight
    of the former: rare rhymes count half)."""
    hits: list[str] = []
    against = 0
    weight = 0.0
    for word in words:
        hit, no, w = _verdict(word, encoding)
        if hit:
            hits.append(word)
        against += no
        weight += w
    return hits, against, weight


@lru_cache(maxsize=1 << 12)
def phat_hien(text: str) -> Encoding | None:
    """``"tcvn3"`` or ``"vni"`` when ``text`` is plainly Vietnamese typed in that
    legacy encoding and pasted as Unicode (*phát hiện*: detect), else None.

    Plainly means: at least two words read as Vietnamese only once converted, and at
    least twice as many as the words against it (or one such word of three letters or
    more, with nothing against it: a one-word field such as "LËp")."""
    words = _words(unicodedata.normalize("NFC", text))
    found: list[tuple[float, Encoding]] = []
    for encoding in ("tcvn3", "vni"):
        hits, against, weight = _evidence(words, encoding)
        n = len(hits)
        plain = (n >= 2 and n >= 2 * against) or (n == 1 and against == 0 and _strong(hits[0]))
        if plain:
            found.append((weight, encoding))
    found.sort(reverse=True)
    if not found or (len(found) == 2 and found[0][0] == found[1][0]):
        return None  # neither, or both equally: not plain
    return found[0][1]
