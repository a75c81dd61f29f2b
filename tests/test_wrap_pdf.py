"""Title lines as a văn thư breaks them, read back from LibreOffice's PDF (pdftotext
-layout): the agency's name, the trích yếu and the "Kèm theo" line of every example
and of long real trích yếu (tests/data/trich-yeu-dai.txt) are balanced and never split
a compound, a fixed phrase, a number from its "số"/"ngày", or a name."""

from __future__ import annotations

import copy
import itertools
import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pytest

from chithi_gen import Renderer
from chithi_gen.document import Document
from chithi_gen.render.metrics import text_width
from chithi_gen.render.phrases import LEANING, PHRASES, UNIT_WORDS
from chithi_gen.render.wrap import key
from support import EXAMPLES, MINIMAL, ROOT

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice/pdftotext not installed",
)

DATA = ROOT / "tests" / "data" / "trich-yeu-dai.txt"
#: Examples and their template folder.
EXAMPLE_FILES: dict[str, str | None] = {
    "chi-thi-ha-quang-2020.yaml": None,
    "chi-thi-ha-quang-2021.yaml": None,
    "chi-thi-ha-quang-2021-ke-thua.yaml": None,
    "chuong-trinh-ky-anh-2020.yaml": None,
    "chuong-trinh-kem-quyet-dinh.yaml": None,
    "mau-chi-thi.yaml": None,
    "ke-hoach-hoi-nghi.yaml": None,
    "chi-thi-xa-truong-ha-2026.yaml": None,
    "chi-thi-xa-truong-ha-2027-ke-thua.yaml": None,
    "mau-don-vi/phuong-an-phong-chong-thien-tai.yaml": "mau-don-vi",
}
#: Shortest line of a block as a share of its longest: titles, and agency names (where
#: the meaning decides: "HỘI ĐỒNG" / "THI ĐUA - KHEN THƯỞNG" / "TỈNH CAO BẰNG").
MIN_TITLE, MIN_AGENCY = 0.55, 0.4


def _real() -> tuple[list[str], list[str]]:
    titles, agencies = [], []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("co_quan: "):
            agencies.append(line.removeprefix("co_quan: "))
        else:
            titles.append(line)
    return titles, agencies


def _documents() -> list[tuple[str, bytes, Document]]:
    out = []
    renderers: dict[str, Renderer] = {}
    for name, folder in EXAMPLE_FILES.items():
        r = renderers.setdefault(folder or "", Renderer([EXAMPLES / folder] if folder else []))
        draft = r.prepare(r.read(EXAMPLES / name))
        for doc in draft.documents:
            out.append((name, r.render(draft).docx, doc))
    titles, agencies = _real()
    r = renderers[""]
    for i, title in enumerate(titles):
        data = copy.deepcopy(MINIMAL)
        data["trich_yeu"] = title
        if i < len(agencies):
            data["co_quan"] = {"ten": agencies[i], "viet_tat": "UBND"}
        draft = r.prepare(data)
        out.append((f"trich-yeu-dai #{i + 1}", r.render(draft).docx, draft.documents[0]))
    return out


@pytest.fixture(scope="module")
def pdf_texts() -> list[tuple[str, str, Document]]:
    from chithi_gen.render.pdf import docx_to_pdf_many

    docs = _documents()
    unique: dict[bytes, str] = {}
    for _, blob, _ in docs:
        unique.setdefault(blob, "")
    blobs = list(unique)
    texts: dict[bytes, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for blob, pdf in zip(blobs, docx_to_pdf_many(blobs), strict=True):
            path = Path(tmp) / "x.pdf"
            path.write_bytes(pdf)
            run = subprocess.run(
                ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
            )
            texts[blob] = unicodedata.normalize("NFC", run.stdout)
    return [(name, texts[blob], doc) for name, blob, doc in docs]


def _lines_of(text: str, wanted: str, column: slice | None = None) -> list[str] | None:
    """The consecutive lines of ``text`` (or of its left column) that hold ``wanted``."""
    target = " ".join(wanted.split())
    rows = text.splitlines()
    if column is not None:  # the header's left column: text before a wide gap
        rows = [re.split(r"\s{3,}", r.strip())[0] if r.strip() else "" for r in rows]
    rows = [" ".join(r.split()) for r in rows]
    for i, row in enumerate(rows):
        if not row or not target.startswith(row):
            continue
        got: list[str] = []
        for r in rows[i:]:
            got.append(r)
            joined = " ".join(got)
            if joined == target:
                return got
            if not target.startswith(joined):
                break
    return None


_PHRASES = [tuple(key(s) for s in p.split()) for p in PHRASES if " " in p]


def _split_problem(before: str, after: str, all_caps: bool) -> str | None:
    """Why a break between ``before`` and ``after`` splits what belongs together."""
    left = [key(s) for s in before.split()]
    right = [key(s) for s in after.split()]
    for phrase in _PHRASES:
        for cut in range(1, len(phrase)):
            if (
                tuple(left[-cut:]) == phrase[:cut]
                and tuple(right[: len(phrase) - cut]) == phrase[cut:]
            ):
                return f"phrase «{' '.join(phrase)}»"
    last, first = before.split()[-1], after.split()[0]
    if re.match(r"^(\d|[IVXLC]+\b)", first):
        return "a number away from its word"
    if key(last) in LEANING and key(last) not in ("số",):
        return f"line ends with «{last}»"
    if key(last) in UNIT_WORDS and first[0].isupper():
        return "a unit word away from its name"
    if not all_caps and last[0].isupper() and first[0].isupper() and len(before.split()) > 1:
        return "a capitalised name split"
    return None


def _check(block: list[str], size: float, bold: bool, least: float) -> list[str]:
    problems = []
    widths = [text_width(line, size, bold=bold) for line in block]
    if len(block) > 1 and min(widths) < least * max(widths):
        problems.append(f"unbalanced: {block}")
    all_caps = not any(c.islower() for c in "".join(block))
    for a, b in itertools.pairwise(block):
        why = _split_problem(a, b, all_caps)
        if why:
            problems.append(f"{why}: «{a}» / «{b}»")
    return problems


def test_titles_and_agencies_break_well(pdf_texts: list[tuple[str, str, Document]]) -> None:
    problems: list[str] = []
    blocks = 0
    for name, text, doc in pdf_texts:
        trich_yeu = doc.trich_yeu.replace("\n", " ")
        found = _lines_of(text, trich_yeu)
        assert found, f"{name}: trích yếu not found in the PDF: {trich_yeu}"
        problems += [f"{name}: {p}" for p in _check(found, 14, True, MIN_TITLE)]
        blocks += len(found) > 1
        if doc.kem_theo:
            found = _lines_of(text, doc.kem_theo)
            assert found, f"{name}: «Kèm theo» not found"
            problems += [f"{name}: {p}" for p in _check(found, 14, False, MIN_TITLE)]
        agency = " ".join(doc.co_quan_ban_hanh)
        found = _lines_of(text, agency, column=slice(0, 1))
        if found is not None:  # layouts that print the agency elsewhere are not checked
            problems += [f"{name}: {p}" for p in _check(found, 13, True, MIN_AGENCY)]
    assert not problems, "\n".join(problems)
    assert blocks >= 15  # most of the real trích yếu take two lines or more


def test_the_bad_case_of_the_issue(pdf_texts: list[tuple[str, str, Document]]) -> None:
    """The programme's trích yếu broke as "Thực hiện Chỉ / thị số 05-CT/HU …" (the example
    now cites a commune's Nghị quyết: the type, its number and ký hiệu stay together)."""
    for name, text, doc in pdf_texts:
        if name == "chuong-trinh-kem-quyet-dinh.yaml" and doc.kem_theo:
            lines = _lines_of(text, doc.trich_yeu)
            assert lines is not None and lines[0] == "Thực hiện Nghị quyết số 05-NQ/ĐU", lines
            return
    raise AssertionError("the attached programme was not rendered")


def test_the_check_finds_bad_breaks() -> None:
    """The check itself: the old breaks of the issue are found."""
    old = ["Thực hiện Chỉ", "thị số 05-CT/HU ngày 10/02/2026 của Ban Thường vụ Huyện ủy"]
    found = _check(old, 14, True, MIN_TITLE)
    assert any("unbalanced" in p for p in found) and any("chỉ thị" in p for p in found)
    assert _check(["Thực hiện Chỉ thị số", "05-CT/HU"], 14, True, 0)
    assert _check(["ỦY BAN NHÂN DÂN XÃ", "TRƯỜNG HÀ"], 13, True, 0)
    assert _check(["Về tổ chức tại huyện Hà", "Quảng năm 2026"], 14, True, 0)
    assert not _check(["Về tổ chức tại huyện Hà Quảng", "năm 2026 và các năm sau"], 14, True, 0)
