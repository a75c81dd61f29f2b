"""Text fidelity of the Kỳ Anh example against the real Chương trình hành động it regenerates.

``examples/chuong-trinh-ky-anh-2020.yaml`` is rendered to .docx (no LibreOffice), read
back with python-docx by :func:`test_seeds.rendered` (body paragraphs, and the text of
the tables holding the header, the Nơi nhận list and the signature), and compared with
``tests/data/seeds/chuong-trinh-hanh-dong-ky-anh-2020.txt``. Each
part is its own test: the title block ("CHƯƠNG TRÌNH HÀNH ĐỘNG" and the trích yếu), the
body word for word from the preamble to the closing "./.", the numbering labels
(I. / 1. / -) in order, the Nơi nhận lines, the signature lines and name; plus the ND30
shape of the header the seed lost ("Số: 03/CTr-UBND", the date).

Normalisation — nothing else is applied:

* Unicode NFC (both sides).
* Whitespace (both sides): the seed was extracted from a PDF, so lines are wrapped in
  the middle of paragraphs and spaces are missing ("Chỉ thịcủa", "các xãtrên",
  "Covid-19với", "6.Tiếp tục") or extra ("của Đảng ."). Words are compared with ALL
  whitespace removed, so a changed, added or dropped word still shows. A label glued to
  its text ("13.Đối mới") gets its space back so the label is recognised.
* Noise listed in ``shared/README.md`` (seed side): a stray "Noi nhận" is read "Nơi
  nhận", typist marks (:data:`test_seeds.TYPIST_MARKS`) are dropped. The leading "- "
  of a dash line is compared by the labels and Nơi nhận tests, not by the words test.
* :data:`EXTRACTION_NOISE` (seed side): this seed's PDF-extraction artefacts, as exact
  substitutions of the noisy substring by its clean form — the letter "ƣ" (U+01A3,
  LATIN SMALL LETTER OI) and "Ƣ" (U+01A2) the PDF font gave for "ư"/"Ư", and the three
  places where the combining dot below (U+0323) or a space landed in the wrong spot.
  Diacritics are never stripped: every other mark must match exactly, and
  :func:`test_no_noise_left` checks the cleaned seed has no stray "ƣ" or combining mark.

Known deviations (:data:`DEVIATIONS`, seed side, exact substitutions with their clause):
where the seed breaks a rule of Nghị định 30/2020/NĐ-CP, the generator follows the
decree. Every entry of both tables must occur in the seed, so they cannot go stale.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache

import pytest

from test_seeds import (
    _LONG_DATE,
    _SHORT_DATE,
    SEEDS,
    TYPIST_MARKS,
    Deviation,
    _check_padding,
    _first_difference,
    clean_rendered,
    compact,
    drop_bullet,
    labels,
    rendered,
)

NAME = "chuong-trinh-ky-anh-2020"
SEED = SEEDS / "chuong-trinh-hanh-dong-ky-anh-2020.txt"


@dataclass(frozen=True)
class Noise:
    """The seed (NFC) has ``noisy`` where the document has ``clean`` (``why``)."""

    noisy: str
    clean: str
    why: str


#: PDF-extraction artefacts of this seed, applied in this order to the NFC text.
EXTRACTION_NOISE = (
    Noise("Ƣ", "Ư", 'U+01A2 (capital OI) for "Ư": "CHƢƠNG"'),
    Noise("ƣ", "ư", 'U+01A3 (small oi) for "ư": "ngƣời", "Trung ƣơng", "tƣ tƣởng", "lƣợng"'),
    Noise(
        "phuc\u0323 vu \u0323Đa \u0323 i hôị Đảng bô \u0323các",
        "phục vụ Đại hội Đảng bộ các",
        "dots below shifted one letter right (and a space split 'Đại')",
    ),
    Noise("Đaị hôị", "Đại hội", "dot below on the i instead of the a / ô"),
    Noise("Đaị hội", "Đại hội", "dot below on the i instead of the a"),
    Noise("củ a", "của", "a space inside the word"),
)

#: Where the output follows the decree instead of the seed. Keep this table small.
DEVIATIONS = (
    Deviation(
        "Lưu: VT, NV./.",
        "Lưu: VT, NV.",
        'Phụ lục I, II.9.d: the last Nơi nhận line is "Lưu: VT, <đơn vị soạn thảo>"'
        ' ending with a full stop; "./." closes the body only (Mẫu 1.4)',
    ),
)

_GLUED_LABEL = re.compile(r"^((?:[IVXLCDM]+|\d+)\.)(?=[^\W\d_])")
_SO = re.compile(r"^Số: (\d+)/(\S+)$")


def clean_seed_text(text: str) -> str:
    """The seed file's text, NFC, with :data:`EXTRACTION_NOISE` replaced."""
    text = unicodedata.normalize("NFC", text)
    for noise in EXTRACTION_NOISE:
        text = text.replace(noise.noisy, noise.clean)
    return text


def clean_seed_line(raw: str) -> str:
    """One seed line: stripped, label unglued, README noise and deviations applied."""
    line = _GLUED_LABEL.sub(r"\1 ", raw.strip())
    line = re.sub(r"^Noi nhận", "Nơi nhận", line)
    if line in TYPIST_MARKS:
        return ""
    for dev in DEVIATIONS:
        line = line.replace(dev.seed, dev.ours)
    return line


def marks(lines: list[str]) -> list[str]:
    """The labels of ``lines`` in order, the dash of a "- " line included."""
    return ["-" if line.startswith("- ") else (labels([line]) or [""])[0] for line in lines]


@dataclass(frozen=True)
class Seed:
    """The seed cut into its parts (lines cleaned; dash bullets still on)."""

    truoc_noi_nhan: list[str]  # title block and body, up to the closing "./."
    noi_nhan: list[str]  # "Nơi nhận:" … "- Lưu: …"
    chu_ky: list[str]  # authority lines and the name


@cache
def read_seed() -> Seed:
    text = clean_seed_text(SEED.read_text(encoding="utf-8"))
    lines = [x for x in map(clean_seed_line, text.splitlines()) if x]
    start = next(i for i, x in enumerate(lines) if x.startswith("Nơi nhận"))
    end = next(i for i in range(start, len(lines)) if drop_bullet(lines[i]).startswith("Lưu:"))
    assert lines[start - 1].endswith("./."), "the seed's body should end with ./."
    return Seed(lines[:start], lines[start : end + 1], lines[end + 1 :])


def _words(lines: list[str]) -> str:
    return compact("".join(drop_bullet(x) for x in lines))


def _one_spaced(text: str) -> str:
    return " ".join(text.split())


pytestmark = pytest.mark.skipif(not SEED.is_file(), reason=f"seed text not found: {SEED}")


# -------------------------------------------------------------------------- tests


def test_title_block() -> None:
    """Tên loại "CHƯƠNG TRÌNH HÀNH ĐỘNG" and the trích yếu open the seed."""
    seed, ours = read_seed(), rendered(NAME)
    assert ours.tieu_de[0] == "CHƯƠNG TRÌNH HÀNH ĐỘNG"
    assert seed.truoc_noi_nhan[0] == ours.tieu_de[0]
    trich_yeu = compact("".join(ours.tieu_de[1:]))
    assert trich_yeu.startswith(compact("Thực hiện Chỉ thị số 42-CT/TU ngày 28/02/2020"))
    seed_text = _words(seed.truoc_noi_nhan[1:])
    assert seed_text.startswith(trich_yeu), _first_difference(seed_text, trich_yeu, "trích yếu")


def test_body_words() -> None:
    """From the preamble to the closing "./.", word for word (whitespace-insensitive)."""
    seed, ours = read_seed(), rendered(NAME)
    seed_text = _words(seed.truoc_noi_nhan)
    title = compact("".join(map(clean_rendered, ours.tieu_de)))
    body = compact("".join(map(clean_rendered, ours.than)))
    assert seed_text.startswith(title), "the title block differs: see test_title_block"
    assert body.endswith("quyếtđịnh./."), "the rendered body must end with ./."
    seed_body = seed_text[len(title) :]
    assert seed_body == body, _first_difference(seed_body, body, "body")


def test_numbering_labels() -> None:
    """I. / 1. / - labels in the seed's order: 3 mục, 3 + 13 + 3 khoản, 2 dash lines."""
    seed, ours = read_seed(), rendered(NAME)
    seed_marks = [m for m in marks(seed.truoc_noi_nhan) if m]
    our_marks = [m for m in marks([unicodedata.normalize("NFC", x) for x in ours.than]) if m]
    assert our_marks == seed_marks
    expected = (
        ["I.", "1.", "2.", "3.", "II."]
        + [f"{n}." for n in range(1, 14)]
        + ["III.", "1.", "2.", "3.", "-", "-"]
    )
    assert our_marks == expected


def test_noi_nhan() -> None:
    """The Nơi nhận lines as the seed has them, and their ND30 shape (Phụ lục I, II.9.d)."""
    seed, ours = read_seed(), rendered(NAME)
    assert [_one_spaced(x) for x in ours.noi_nhan] == [_one_spaced(x) for x in seed.noi_nhan]
    head, *recipients, luu = ours.noi_nhan
    assert head == "Nơi nhận:"
    assert len(recipients) == 11
    for line in recipients:
        assert line.startswith("- ") and line.endswith(";"), line
    assert luu == "- Lưu: VT, NV."


def test_signature() -> None:
    """TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / the name, in that order."""
    seed, ours = read_seed(), rendered(NAME)
    assert seed.chu_ky == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Xuân Thủy",
    ]
    assert ours.chu_ky == seed.chu_ky


def test_header_numbering_and_date() -> None:
    """ "Số: 03/CTr-UBND" with its leading zero (Phụ lục I, II.3) and the padded date
    (II.4.b), between Chỉ thị 42-CT/TU (28/02/2020) and the 25/3/2020 deadline."""
    ours = rendered(NAME)
    campaign = ours.campaign
    assert ours.header[:2] == ["ỦY BAN NHÂN DÂN", "HUYỆN KỲ ANH"]
    so = [m for line in ours.header if (m := _SO.match(line))]
    assert len(so) == 1, ours.header
    number, ky_hieu = so[0].groups()
    assert ky_hieu == "CTr-UBND"
    assert campaign.so is not None and campaign.so < 10, "the example exercises the leading 0"
    assert number == f"{campaign.so:02d}"

    text = "\n".join(ours.header)
    long_dates = _LONG_DATE.findall(text)
    assert len(long_dates) == 1, ours.header
    for day, month, year in long_dates + _SHORT_DATE.findall(text):
        _check_padding(day, month, year)
    assert campaign.ngay == date(*map(int, reversed(long_dates[0])))
    assert date(2020, 2, 28) < campaign.ngay < date(2020, 3, 25)
    assert "Kỳ Anh, ngày " in text


def test_citations() -> None:
    """Chỉ thị 42-CT/TU is cited through ``dan_chieu`` (trích yếu in full, body "vua")."""
    ours = rendered(NAME)
    cited = ours.campaign.dan_chieu["ct42"]
    assert cited.so_ky_hieu == "42-CT/TU"
    assert ours.campaign.trich_yeu == "Thực hiện [[ct42:day_du]]"
    body = "\n".join(ours.than)
    vua = "Chỉ thị số 42-CT/TU ngày 28/02/2020 của Ban Thường vụ Tỉnh ủy"
    assert body.count(vua) == 4


def test_no_noise_left() -> None:
    """The noise table is complete: no "ƣ"/"Ƣ" nor combining mark is left in the seed."""
    text = clean_seed_text(SEED.read_text(encoding="utf-8"))
    left = sorted({c for c in text if c in "ƣƢ" or unicodedata.combining(c)})
    assert not left, [f"U+{ord(c):04X}" for c in left]


def test_tables_are_used() -> None:
    """Every noise and deviation entry occurs in the seed, so the tables cannot go stale."""
    text = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    for noise in EXTRACTION_NOISE:
        assert noise.noisy in text, f"unused noise entry {noise.noisy!r}"
        text = text.replace(noise.noisy, noise.clean)
    for dev in DEVIATIONS:
        assert dev.seed in text, f"unused deviation {dev.seed!r}"
