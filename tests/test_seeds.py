"""Text fidelity of the Hà Quảng examples against the real directives they regenerate.

``examples/chi-thi-ha-quang-2020.yaml`` and ``examples/chi-thi-ha-quang-2021.yaml``
are rendered to .docx (no LibreOffice), the .docx is read back with python-docx —
body paragraphs and the text inside tables, where the header, the Nơi nhận list and
the signature sit — and compared with the seed texts in ``tests/data/seeds/`` (copied
from ``../shared/seeds/``). Each part is its own test: the title block, (a) the body
from the first preamble paragraph to the closing "./.", (b) the numbering labels in
order, (c) the Nơi nhận lines, (d) the signature lines; plus the ND30 shape of the
header (số ký hiệu, date padding), which the seeds lost.

Normalisation — applied to both texts unless said otherwise, and nothing else:

* Unicode NFC.
* Whitespace: the seeds were extracted from PDF/Word, so lines are wrapped in the
  middle of paragraphs, and spaces are missing ("Chỉ thịcủa") or doubled. Texts are
  compared with ALL whitespace removed; a changed, added or dropped word still shows.
* Extraction noise listed in ``shared/README.md`` (seed side only): the stray
  "Noi nhận" is read "Nơi nhận"; typist marks (:data:`TYPIST_MARKS`, e.g. "bэр*")
  are dropped.
* Markdown of the 2021 seed (seed side only): ``**`` (bold), ``*…*`` (italic),
  heading marks ``#``, and ``\\*`` (an escaped literal asterisk).
* List bullets (both sides): a leading "- " or "* " bullet of a line/paragraph is
  dropped, repeatedly ("- \\* Đàn gia cầm" → "Đàn gia cầm"). The markdown seed cannot
  tell a markdown list bullet ("- (1) Giá trị…", nested lists) from the document's own
  dash, so the bullet is layout here, not words; numbering labels are checked by (b),
  and the dash of every Nơi nhận line by the ND30 shape check in (c).

Known deviations (:data:`DEVIATIONS`, seed side, as exact substitutions): where the
seed breaks a rule of Nghị định 30/2020/NĐ-CP, the generator follows the decree. Each
entry names its clause and must occur in some seed (so the table cannot go stale).

The header block (cơ quan, số, ngày) and, in 2020, the signer's authority lines, in
2021 the signer's name, were lost in the seeds: the examples invent them and the tests
compare only what the seeds have.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from chithi_gen import Campaign, load_campaign, render_docx
from support import EXAMPLES, SEEDS

CASES = ["chi-thi-ha-quang-2020", "chi-thi-ha-quang-2021"]

#: Paragraph styles of the body (what comes after the title block).
BODY_STYLES = {"NoiDung", "DeMuc1", "DeMuc2", "CanCu", "QuyetDinh"}

#: Typist marks left in the seeds by extraction (shared/README.md), dropped as lines.
TYPIST_MARKS = frozenset({"bэр*"})


@dataclass(frozen=True)
class Deviation:
    """The seed says ``seed``; the decree requires ``ours`` (``clause``)."""

    seed: str
    ours: str
    clause: str


#: Where the output follows the decree instead of the seed. Keep this table small.
DEVIATIONS = (
    Deviation(
        "Lưu: VT+NV.",
        "Lưu: VT, NV.",
        'Phụ lục I, II.9.d: the last recipient line is "Lưu: VT, <tên viết tắt của đơn'
        ' vị soạn thảo>" — the archive and the drafting unit separated by a comma',
    ),
)

_HEADING = re.compile(r"^#{1,6}\s+")
_ITALIC = re.compile(r"(?<![\\*\w])\*(?=\S)([^*]*?\S)\*(?![\w*])")
_BULLET = re.compile(r"^(?:[-*]|\\\*)\s+")
_LABEL = re.compile(r"^(?:[IVXLCDM]+\.|\d+(?:\.\d+)*\.|\(\d+\)|[a-zđ]\))(?=\s)")
_SPACE = re.compile(r"\s+")


def compact(text: str) -> str:
    """``text`` without any whitespace (see the module docstring)."""
    return _SPACE.sub("", text)


def drop_bullet(line: str) -> str:
    """``line`` without its leading list bullets ("- ", "* ", markdown "\\* ")."""
    while m := _BULLET.match(line):
        line = line[m.end() :]
    return line


def clean_seed_line(raw: str) -> str:
    """One seed line with extraction noise and markdown removed ("" if nothing is left)."""
    line = unicodedata.normalize("NFC", raw).strip()
    line = _HEADING.sub("", line)
    line = line.replace("**", "")
    line = _ITALIC.sub(r"\1", line)
    line = drop_bullet(line.strip())
    line = line.replace("\\*", "*")
    line = re.sub(r"^Noi nhận", "Nơi nhận", line)
    if line in TYPIST_MARKS:
        return ""
    for dev in DEVIATIONS:
        line = line.replace(dev.seed, dev.ours)
    return line


def clean_rendered(text: str) -> str:
    """One rendered paragraph, NFC, without its leading list bullet."""
    return drop_bullet(unicodedata.normalize("NFC", text).strip())


def labels(lines: list[str]) -> list[str]:
    """The numbering labels ("I.", "1.", "3.1.", "(4)", "a)") that start ``lines``."""
    return [m.group() for line in lines if (m := _LABEL.match(line))]


# --------------------------------------------------------------------------- seed


@dataclass(frozen=True)
class Seed:
    """A seed text cut into its parts (lines already cleaned)."""

    truoc_noi_nhan: list[str]  # title block and body, up to the closing "./."
    noi_nhan: list[str]  # "Nơi nhận:" … "Lưu: …"
    chu_ky: list[str]  # signature lines left after the Nơi nhận list


def read_seed(name: str) -> Seed:
    path = SEEDS / f"{name}.txt"
    lines = [x for x in map(clean_seed_line, path.read_text(encoding="utf-8").splitlines()) if x]
    start = next(i for i, x in enumerate(lines) if x.startswith("Nơi nhận"))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("Lưu:"))
    body = lines[:start]
    assert body[-1].endswith("./."), f"{name}: the seed's body should end with ./."
    return Seed(body, lines[start : end + 1], lines[end + 1 :])


# ----------------------------------------------------------------------- rendered


@dataclass(frozen=True)
class Rendered:
    """The rendered .docx read back in reading order."""

    campaign: Campaign
    header: list[str]  # the header table: cơ quan, số, Quốc hiệu, địa danh và ngày
    tieu_de: list[str]  # top-level paragraphs before the body: tên loại, trích yếu
    than: list[str]  # the body paragraphs
    noi_nhan: list[str]  # the Nơi nhận cell
    chu_ky: list[str]  # the other cells of the closing table: authority lines, name


def _cell_lines(cell_element: Any, parent: Any) -> list[str]:
    """Non-empty text lines of a table cell, nested tables included."""
    out: list[str] = []
    for child in cell_element.iterchildren():
        if child.tag == qn("w:p"):
            out += Paragraph(child, parent).text.split("\n")
        elif child.tag == qn("w:tbl"):
            out += [line for cell in _table_cells(Table(child, parent)) for line in cell]
    return [x.strip() for x in out if x.strip()]


def _table_cells(table: Table) -> list[list[str]]:
    """The lines of each distinct cell, row by row (merged cells counted once)."""
    seen: list[object] = []  # the <w:tc> elements themselves, kept alive (lxml proxies)
    cells: list[list[str]] = []
    for row in table.rows:
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):
                continue
            seen.append(cell._tc)
            cells.append(_cell_lines(cell._tc, cell))
    return cells


@cache
def rendered(name: str) -> Rendered:
    campaign = load_campaign(EXAMPLES / f"{name}.yaml")
    document = docx.Document(io.BytesIO(render_docx(campaign)))
    tables: list[list[list[str]]] = []
    paragraphs: list[Paragraph] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            tables.append(_table_cells(Table(child, document)))
        elif child.tag == qn("w:p"):
            paragraphs.append(Paragraph(child, document))
    texts = [(p.style.style_id if p.style is not None else "", p.text.strip()) for p in paragraphs]
    first = next(i for i, (style, _) in enumerate(texts) if style in BODY_STYLES)
    closing = next(t for t in tables if any(cell and cell[0] == "Nơi nhận:" for cell in t))
    noi_nhan = next(cell for cell in closing if cell and cell[0] == "Nơi nhận:")
    return Rendered(
        campaign=campaign,
        header=[line for cell in tables[0] for line in cell],
        tieu_de=[t for _, t in texts[:first] if t],
        than=[t for _, t in texts[first:] if t],
        noi_nhan=noi_nhan,
        chu_ky=[line for cell in closing if cell is not noi_nhan for line in cell],
    )


def _first_difference(seed: str, ours: str, what: str) -> str:
    i = next(
        (k for k, (a, b) in enumerate(zip(seed, ours, strict=False)) if a != b),
        min(len(seed), len(ours)),
    )
    return (
        f"{what} differs at character {i} (whitespace removed):\n"
        f"  seed: …{seed[max(0, i - 60) : i + 60]}…\n"
        f"  ours: …{ours[max(0, i - 60) : i + 60]}…"
    )


def _title_and_body(name: str) -> tuple[str, str, str]:
    """(seed text before Nơi nhận, rendered title block, rendered body), compacted."""
    seed = read_seed(name)
    ours = rendered(name)
    seed_text = compact("".join(seed.truoc_noi_nhan))
    title = compact("".join(map(clean_rendered, ours.tieu_de)))
    body = compact("".join(map(clean_rendered, ours.than)))
    return seed_text, title, body


# -------------------------------------------------------------------------- tests


@pytest.mark.parametrize("name", CASES)
def test_title_block(name: str) -> None:
    """Tên loại and trích yếu ("CHỈ THỊ", "Về việc …") open the seed."""
    seed_text, title, _ = _title_and_body(name)
    assert seed_text.startswith(title), _first_difference(seed_text, title, "title block")


@pytest.mark.parametrize("name", CASES)
def test_body_words(name: str) -> None:
    """(a) From the first preamble paragraph to the closing "./.", word for word."""
    seed_text, title, body = _title_and_body(name)
    assert seed_text.startswith(title), "the title block differs: see test_title_block"
    assert body.endswith("./."), "the rendered body must end with ./."
    seed_body = seed_text[len(title) :]
    assert seed_body == body, _first_difference(seed_body, body, "body")


@pytest.mark.parametrize("name", CASES)
def test_numbering_labels(name: str) -> None:
    """(b) The labels I., 1., 3.1., (4)… in the seed's order."""
    seed = read_seed(name)
    ours = rendered(name)
    seed_labels = labels(seed.truoc_noi_nhan)
    assert seed_labels, "no numbering labels found in the seed"
    assert labels([clean_rendered(x) for x in ours.tieu_de + ours.than]) == seed_labels


@pytest.mark.parametrize("name", CASES)
def test_noi_nhan(name: str) -> None:
    """(c) The Nơi nhận lines, and their ND30 shape (Phụ lục I, II.9.d)."""
    seed = read_seed(name)
    ours = rendered(name)
    assert [compact(clean_rendered(x)) for x in ours.noi_nhan] == [
        compact(x) for x in seed.noi_nhan
    ]
    head, *recipients, luu = ours.noi_nhan
    assert head == "Nơi nhận:"
    for line in recipients:
        assert line.startswith("- ") and line.endswith(";"), line
    assert luu.startswith("- Lưu: VT, ") and luu.endswith("."), luu


@pytest.mark.parametrize("name", CASES)
def test_signature(name: str) -> None:
    """(d) The authority lines and the name, where the seed still has them."""
    seed = read_seed(name)
    ours = rendered(name)
    assert seed.chu_ky, "the seed has no signature lines"
    seed_authority = [x for x in seed.chu_ky if x == x.upper()]
    seed_names = [x for x in seed.chu_ky if x != x.upper()]
    our_authority = [x for x in ours.chu_ky if x == x.upper()]
    our_names = [x for x in ours.chu_ky if x != x.upper()]
    assert len(our_names) == 1, ours.chu_ky
    assert our_authority, ours.chu_ky
    if seed_authority:
        assert our_authority == seed_authority
    if seed_names:
        assert our_names == seed_names


_LONG_DATE = re.compile(r"ngày\s+(\S+)\s+tháng\s+(\S+)\s+năm\s+(\S+)")
_SHORT_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_SO = re.compile(r"^Số: (\d+)/([A-Za-zĐđ0-9]+(?:-[A-Za-zĐđ0-9]+)*)$")


def _check_padding(day: str, month: str, year: str) -> None:
    """Phụ lục I, II.4.b: day < 10 and months 1, 2 take a leading 0; others do not."""
    d, m = int(day), int(month)
    assert day == f"{d:02d}", f"day {day!r} must have two digits"
    assert month == (f"{m:02d}" if m <= 2 else str(m)), f"month {month!r}: 01, 02, 3 … 12"
    assert re.fullmatch(r"\d{4}", year), f"year {year!r} must have four digits"


@pytest.mark.parametrize("name", CASES)
def test_header_numbering_and_dates(name: str) -> None:
    """ "Số: 05/CT-UBND" (Phụ lục I, II.3) and every header date padded as II.4.b says."""
    ours = rendered(name)
    campaign = ours.campaign
    so = [m for line in ours.header if (m := _SO.match(line))]
    assert len(so) == 1, ours.header
    number, ky_hieu = so[0].groups()
    assert int(number) == campaign.so
    assert number == f"{campaign.so:02d}", "a number below 10 takes a leading 0 (II.3.a)"
    assert ky_hieu == "CT-UBND"

    text = "\n".join(ours.header)
    long_dates = _LONG_DATE.findall(text)
    assert long_dates, ours.header
    for day, month, year in long_dates + _SHORT_DATE.findall(text):
        _check_padding(day, month, year)
    assert campaign.ngay is not None
    assert date(*map(int, reversed(long_dates[0]))) == campaign.ngay
    assert f"{campaign.dia_danh}, ngày " in text


def test_deviations_are_used() -> None:
    """Every known deviation occurs in some seed, so the table cannot go stale."""
    seeds = [(SEEDS / f"{name}.txt") for name in CASES]
    texts = [unicodedata.normalize("NFC", p.read_text(encoding="utf-8")) for p in seeds]
    for dev in DEVIATIONS:
        assert any(dev.seed in t for t in texts), f"unused deviation {dev.seed!r}"
