"""Safe fixes (``chithi check --fix``): only what is mechanical, never the wording.

``fix_docx`` checks the document, changes what a clerk would change by rote, and checks
the result again:

* margins brought into the ranges of Phụ lục I, I.3 (to the nearest bound);
* fonts set to Times New Roman (document defaults, styles and runs; theme fonts
  replaced), Phụ lục I, I.4;
* size, weight and slant of the header parts, the tên loại and trích yếu (or V/v), the
  Nơi nhận and the signature (Phụ lục I, II.1–II.9), and ``w:caps`` where a part must
  show capitals — the letters typed are not changed;
* the zero padding of the number and of the date (II.3.c, II.4.b): "Số: 5/" → "Số: 05/",
  "ngày 5 tháng 03" → "ngày 05 tháng 3";
* rules typed as underscores under the motto, the agency and the summary turned into
  drawn rules (a paragraph bottom border of the right length, centred);
* a missing "./." added at the end of the body.

Nothing else is touched: every other part of the package is copied byte for byte, and
a rule that needs judgement (a wrong ký hiệu, a misplaced line, a capital in a name) is
left to the clerk. ``format_changes`` lists the changes in Vietnamese and English.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from lxml import etree

from chithi_gen.check.api import check_docx
from chithi_gen.check.doctype import classify
from chithi_gen.check.docx_reader import DocModel, Line, Paragraph, iter_runs, read_model
from chithi_gen.check.layout import pieces
from chithi_gen.check.locate import Components, locate, norm
from chithi_gen.check.metrics import wrapped_widths
from chithi_gen.check.model import Report
from chithi_gen.check.ooxml import MM, Element, w
from chithi_gen.check.package import Source, inflate_part, read_source
from chithi_gen.check.rulemark import RuleMark
from chithi_gen.check.rules.page import MARGIN_RANGES, MARGIN_VI
from chithi_gen.check.styles import Styles

TNR = "Times New Roman"
_FONT_SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")
_THEME_SLOTS = ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme")


@dataclass(frozen=True)
class Change:
    """One change made: the rule it serves, where, what it was, what it became."""

    rule_id: str
    where: str
    before: str
    after: str
    vi: str
    en: str


@dataclass
class FixResult:
    """The fixed document's bytes, the changes, and the checks before and after."""

    data: bytes
    changes: list[Change] = field(default_factory=list)
    before: Report | None = None
    after: Report | None = None

    @property
    def changed(self) -> bool:
        """True when anything was changed."""
        return bool(self.changes)


@dataclass(frozen=True)
class _Spec:
    """The format a component must have: size range, bold, italic, capitals."""

    rule_id: str
    name_vi: str
    name_en: str
    sizes: tuple[float, float]
    bold: bool | None
    italic: bool | None
    caps: bool = False


_SPECS = {
    "quoc_hieu": _Spec(
        "ND30-QUOCHIEU-FORMAT", "Quốc hiệu", "national name", (12, 13), True, False, True
    ),
    "tieu_ngu": _Spec("ND30-TIEUNGU-FORMAT", "Tiêu ngữ", "motto", (13, 14), True, False),
    "chu_quan": _Spec(
        "ND30-CHUQUAN-FORMAT", "cơ quan chủ quản", "parent agency", (12, 13), False, False, True
    ),
    "co_quan": _Spec(
        "ND30-COQUAN-FORMAT", "cơ quan ban hành", "issuing agency", (12, 13), True, False, True
    ),
    "so": _Spec("ND30-SOKYHIEU-FORMAT", "số, ký hiệu", "number", (13, 13), False, False),
    "ngay": _Spec(
        "ND30-NGAY-FORMAT", "địa danh, ngày tháng", "place and date", (13, 14), False, True
    ),
    "ten_loai": _Spec("ND30-TENLOAI-FORMAT", "tên loại", "type name", (13, 14), True, False, True),
    "trich_yeu": _Spec("ND30-TRICHYEU-FORMAT", "trích yếu", "summary", (13, 14), True, False),
    "vv": _Spec("ND30-CONGVAN-VV", "V/v", "V/v summary", (12, 13), False, False),
    "noi_nhan_label": _Spec(
        "ND30-NOINHAN-LABEL", "«Nơi nhận:»", "«Nơi nhận:» label", (12, 12), True, True
    ),
    "noi_nhan": _Spec(
        "ND30-NOINHAN-SIZE", "danh sách nơi nhận", "recipient list", (11, 11), None, False
    ),
    "authority": _Spec(
        "ND30-KY-QUYENHAN",
        "quyền hạn, chức vụ",
        "authority and position",
        (13, 14),
        True,
        False,
        True,
    ),
    "signer": _Spec("ND30-KY-HOTEN", "họ tên người ký", "signer's name", (13, 14), True, False),
}


class _Fixer:
    """Applies the fixes to one read document."""

    def __init__(self, model: DocModel, parts: Components, report: Report) -> None:
        self.model = model
        self.parts = parts
        self.report = report
        self.changes: list[Change] = []
        self.touched: set[str] = set()

    def failing(self, rule_id: str) -> bool:
        try:
            return self.report.get(rule_id).status == "error"
        except KeyError:
            return False

    def note(self, change: Change, part: str = "word/document.xml") -> None:
        self.changes.append(change)
        self.touched.add(part)

    # -- margins ------------------------------------------------------------------

    def margins(self) -> None:
        for s in self.model.sections:
            if s.element is None:
                continue
            mar = s.element.find(w("pgMar"))
            if mar is None:
                continue
            for side, (lo, hi) in MARGIN_RANGES.items():
                rule_id = f"ND30-MARGIN-{side.upper()}"
                if not self.failing(rule_id):
                    continue
                attr = (
                    side
                    if mar.get(w(side)) is not None
                    else {"left": "start", "right": "end"}.get(side, side)
                )
                value = getattr(s, side) + (s.gutter if side == "left" else 0)
                mm = value / MM
                target = lo if mm < lo else hi if mm > hi else mm
                if target == mm:
                    continue
                twips = round(target * MM) - (s.gutter if side == "left" else 0)
                old = mar.get(w(attr))
                sign = -1 if old is not None and old.strip().startswith("-") else 1
                mar.set(w(attr), str(sign * twips))
                self.note(
                    Change(
                        rule_id,
                        f"mục (section) {s.index + 1}",
                        f"{mm:.1f} mm",
                        f"{target:g} mm",
                        f"lề {MARGIN_VI[side]}: đưa vào khoảng {lo}–{hi} mm",
                        f"{side} margin brought into {lo}–{hi} mm",
                    )
                )

    # -- fonts --------------------------------------------------------------------

    def fonts(self) -> None:
        if not self.failing("ND30-FONT-TNR"):
            return
        count = 0
        styles = self.model.package.related("styles")
        if styles is not None:
            name = self._part_name("styles")
            defaults = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
            if defaults is None:
                holder = styles.find(w("docDefaults"))
                if holder is None:
                    holder = etree.Element(w("docDefaults"))
                    styles.insert(0, holder)
                rpr_default = holder.find(w("rPrDefault"))
                if rpr_default is None:
                    rpr_default = etree.SubElement(holder, w("rPrDefault"))
                defaults = etree.SubElement(rpr_default, w("rPr"))
            count += _set_fonts(defaults, force=True)
            for fonts in styles.iter(w("rFonts")):
                count += _set_fonts_el(fonts)
            if count:
                self.touched.add(name)
        for part, root in self._text_parts():
            n = sum(_set_fonts_el(fonts) for fonts in root.iter(w("rFonts")))
            if n:
                self.touched.add(part)
                count += n
        self.note(
            Change(
                "ND30-FONT-TNR",
                "toàn văn bản / whole document",
                "phông khác / other",
                TNR,
                f"đặt phông Times New Roman ({count} chỗ khai báo)",
                f"Times New Roman set ({count} declarations)",
            )
        )

    def _part_name(self, kind: str) -> str:
        for rel_kind, name in self.model.package.rels.values():
            if rel_kind == kind:
                return name
        return f"word/{kind}.xml"

    def _text_parts(self) -> Iterator[tuple[str, Element]]:
        yield self.model.package.main_name, self.model.package.document
        seen: set[str] = set()
        for s in self.model.sections:
            for rel in (*s.headers.values(), *s.footers.values()):
                found = self.model.package.by_id(rel)
                if found is not None and found[0] not in seen:
                    seen.add(found[0])
                    yield found

    # -- component formats --------------------------------------------------------

    def formats(self) -> None:
        c = self.parts
        groups: dict[str, Sequence[Line]] = {
            "quoc_hieu": [c.quoc_hieu] if c.quoc_hieu else [],
            "tieu_ngu": [c.tieu_ngu] if c.tieu_ngu else [],
            "chu_quan": c.chu_quan,
            "co_quan": c.co_quan,
            "so": [c.so] if c.so else [],
            "ngay": [c.ngay] if c.ngay else [],
            "ten_loai": [c.ten_loai] if c.ten_loai else [],
            "trich_yeu": c.trich_yeu,
            "vv": c.vv,
            "noi_nhan_label": [c.noi_nhan_label] if c.noi_nhan_label else [],
            "noi_nhan": c.noi_nhan,
            "authority": [ln for s in c.signatures for ln in s.authority],
            "signer": [s.signer for s in c.signatures if s.signer is not None],
        }
        for key, lines in groups.items():
            spec = _SPECS[key]
            if not lines or not self.failing(spec.rule_id):
                continue
            for line in lines:
                done = _format_line(line, spec, self.model.styles)
                if done:
                    self.note(
                        Change(
                            spec.rule_id,
                            line.where(),
                            done[0],
                            done[1],
                            f"{spec.name_vi}: định dạng lại",
                            f"{spec.name_en} reformatted",
                        )
                    )

    # -- zero padding -------------------------------------------------------------

    def padding(self) -> None:
        c = self.parts
        if c.so is not None and self.failing("ND30-SOKYHIEU-TEXT"):
            self._pad(c.so, _pad_number, "ND30-SOKYHIEU-TEXT", "số", "number")
        if c.ngay is not None and self.failing("ND30-NGAY-TEXT"):
            self._pad(c.ngay, _pad_date, "ND30-NGAY-TEXT", "ngày tháng", "date")

    def _pad(self, line: Line, how: object, rule_id: str, vi: str, en: str) -> None:
        assert callable(how)
        ts = _line_texts(line)
        text = "".join(t.text or "" for t in ts)
        new = how(text)
        if new == text:
            return
        _rewrite(ts, text, new)
        self.note(
            Change(
                rule_id,
                line.where(),
                f"«{norm(text)}»",
                f"«{norm(new)}»",
                f"thêm/bớt số 0 ở {vi}",
                f"zero padding of the {en}",
            )
        )

    # -- rules --------------------------------------------------------------------

    def rules(self) -> None:
        c = self.parts
        for rule_id, lines, mark, ratio in (
            ("ND30-TIEUNGU-RULE", [c.tieu_ngu] if c.tieu_ngu else [], c.tieu_ngu_rule, 1.0),
            ("ND30-COQUAN-RULE", c.co_quan, c.co_quan_rule, 0.42),
            (
                "ND30-TRICHYEU-RULE",
                c.trich_yeu or ([c.ten_loai] if c.ten_loai else []),
                c.trich_yeu_rule,
                0.42,
            ),
        ):
            if mark is None or mark.kind != "text" or not lines:
                continue
            if any(ln.column for ln in lines) or "\t" in mark.paragraph.text:
                continue  # a header laid out with tabs: redrawing it needs judgement
            try:
                status = self.report.get(rule_id).status
            except KeyError:
                continue
            if status != "warning":
                continue
            self._draw(rule_id, lines, mark, ratio)

    def _draw(self, rule_id: str, lines: Sequence[Line], mark: RuleMark, ratio: float) -> None:
        text_length = 0.0
        for line in lines:
            widths = wrapped_widths(pieces(line.segments), max(line.paragraph.text_width, 1))
            text_length = max(text_length, max(widths, default=0.0))
        q = mark.paragraph
        holder = q.element
        if any(norm(ln.text) and not set(norm(ln.text)) <= set("_-–—─‾━ ") for ln in q.lines()):
            # The underscores follow the text after a line break: move them out.
            holder = _split_typed_rule(q)
        else:
            for r in list(holder):
                if r.tag != w("pPr"):
                    holder.remove(r)
        available = q.available
        length = min(text_length * ratio, available)
        side = max(round((available - length) / 2), 0)
        ppr = _ppr(holder)
        for tag in ("pBdr", "ind", "jc"):
            old = ppr.find(w(tag))
            if old is not None:
                ppr.remove(old)
        bdr = etree.SubElement(ppr, w("pBdr"))
        etree.SubElement(
            bdr,
            w("bottom"),
            {w("val"): "single", w("sz"): "6", w("space"): "1", w("color"): "auto"},
        )
        etree.SubElement(
            ppr, w("ind"), {w("left"): str(side), w("right"): str(side), w("firstLine"): "0"}
        )
        etree.SubElement(ppr, w("jc"), {w("val"): "center"})
        _order_ppr(ppr)
        self.note(
            Change(
                rule_id,
                q.where(),
                f"«{mark.text[:20]}»",
                f"viền dưới / bottom border {length / MM:.1f} mm",
                "thay đường kẻ gõ bằng ký tự bằng đường kẻ thật",
                "typed rule replaced by a drawn rule",
            )
        )

    # -- ./. ----------------------------------------------------------------------

    def end_mark(self) -> None:
        if not self.failing("ND30-BODY-END") or not self.parts.body:
            return
        last = self.parts.body[-1]
        ts = [t for r in iter_runs(last.element) for t in r.iter(w("t"))]
        if not ts:
            return
        t = ts[-1]
        before = t.text or ""
        stripped = before.rstrip()
        stripped = stripped[:-1] if stripped.endswith(".") else stripped
        t.text = stripped + "./."
        self.note(
            Change(
                "ND30-BODY-END",
                last.where(),
                f"«…{before[-15:]}»",
                f"«…{t.text[-15:]}»",
                "thêm dấu «./.» cuối nội dung",
                "«./.» added at the end of the body",
            )
        )


def _set_fonts(rpr: Element, force: bool = False) -> int:
    fonts = rpr.find(w("rFonts"))
    if fonts is None:
        if not force:
            return 0
        fonts = etree.Element(w("rFonts"))
        rpr.insert(0, fonts)
    return _set_fonts_el(fonts, force=True)


def _set_fonts_el(fonts: Element, force: bool = False) -> int:
    changed = force
    for slot in _THEME_SLOTS:
        if fonts.get(w(slot)) is not None:
            del fonts.attrib[w(slot)]
            changed = True
    for slot in _FONT_SLOTS:
        if fonts.get(w(slot)) not in {None, TNR} or (force and fonts.get(w(slot)) is None):
            fonts.set(w(slot), TNR)
            changed = True
    return int(changed)


def _ppr(p: Element) -> Element:
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p.insert(0, ppr)
    return ppr


#: Schema order of the pPr children the fixer writes (others keep their place).
_PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)
_RPR_ORDER = (
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
)


def _order(el: Element, order: Sequence[str]) -> None:
    rank = {name: i for i, name in enumerate(order)}
    children = list(el)
    children.sort(key=lambda c: rank.get(str(c.tag).rsplit("}", 1)[-1], len(rank)))
    for c in children:
        el.remove(c)
        el.append(c)


def _order_ppr(ppr: Element) -> None:
    _order(ppr, _PPR_ORDER)


def _line_runs(line: Line) -> list[Element]:
    """The runs of ``line`` (between the paragraph's line breaks)."""
    index = 0
    out: list[Element] = []
    for r in iter_runs(line.paragraph.element):
        has_break = False
        for el in r:
            if el.tag in {w("br"), w("cr")}:
                has_break = True
        if index == line.index and r.find(w("t")) is not None:
            out.append(r)
        if has_break:
            index += sum(1 for el in r if el.tag in {w("br"), w("cr")})
    return out


def _line_texts(line: Line) -> list[Element]:
    return [t for r in _line_runs(line) for t in r.iter(w("t")) if not _is_script(r)]


def _is_script(r: Element) -> bool:
    va = r.find(f"{w('rPr')}/{w('vertAlign')}")
    return va is not None and va.get(w("val")) in {"superscript", "subscript"}


def _format_line(line: Line, spec: _Spec, styles: Styles) -> tuple[str, str] | None:
    runs = [r for r in _line_runs(line) if not _is_script(r)]
    if not runs:
        return None
    lo, hi = spec.sizes
    before: list[str] = []
    after: list[str] = []
    p = line.paragraph
    for r in runs:
        props = styles.run(r, p.props.style_id, p.table_style)
        text = "".join(t.text or "" for t in r.iter(w("t")))
        if not text.strip():
            continue
        rpr = r.find(w("rPr"))
        if rpr is None:
            rpr = etree.Element(w("rPr"))
            r.insert(0, rpr)
        size = props.size_pt
        target = lo if size < lo else hi if size > hi else size
        if target != size:
            _set_child(rpr, "sz", str(round(target * 2)))
            _set_child(rpr, "szCs", str(round(target * 2)))
            before.append(f"{size:g} pt")
            after.append(f"{target:g} pt")
        for tag, want, have in (("b", spec.bold, props.bold), ("i", spec.italic, props.italic)):
            if want is not None and want != have:
                _set_child(rpr, tag, "1" if want else "0")
                before.append(f"{tag}={int(have)}")
                after.append(f"{tag}={int(want)}")
        if spec.caps and any(ch.islower() for ch in text) and not props.caps:
            _set_child(rpr, "caps", "1")
            before.append("thường/lower")
            after.append("caps")
        _order(rpr, _RPR_ORDER)
    if not after:
        return None
    return ", ".join(dict.fromkeys(before)), ", ".join(dict.fromkeys(after))


def _set_child(rpr: Element, tag: str, value: str) -> None:
    el = rpr.find(w(tag))
    if el is None:
        el = etree.SubElement(rpr, w(tag))
    el.set(w("val"), value)


_NUMBER = re.compile(r"(Số\s*:?\s*)(\d+)(\s*/)")
_DAY = re.compile(r"(ngày\s+)(\d+)(\s+tháng\s+)(\d+)(\s+năm)", re.IGNORECASE)


def _pad_number(text: str) -> str:
    def fix(m: re.Match[str]) -> str:
        n = int(m.group(2))
        digits = f"{n:02d}" if n < 10 else str(n)
        return f"{m.group(1)}{digits}{m.group(3)}" if n else m.group(0)

    return _NUMBER.sub(fix, text, count=1)


def _pad_date(text: str) -> str:
    def fix(m: re.Match[str]) -> str:
        day, month = int(m.group(2)), int(m.group(4))
        d = f"{day:02d}" if day < 10 else str(day)
        mo = f"{month:02d}" if month in {1, 2} else str(month)
        return f"{m.group(1)}{d}{m.group(3)}{mo}{m.group(5)}"

    return _DAY.sub(fix, text, count=1)


def _rewrite(ts: list[Element], old: str, new: str) -> None:
    """Put ``new`` (an edit of ``old``, the joined text of ``ts``) back into the runs.

    The edit changes digits only, so the prefix each text element held is kept and
    the change lands in the element where it starts.
    """
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    pos = 0
    inserted = False
    for t in ts:
        text = t.text or ""
        a, b = pos, pos + len(text)
        pos = b
        lo, hi = max(a, start), min(b, end_old)
        if lo > hi or (lo == hi and not (a <= start <= b)):
            continue
        piece = new[start:end_new] if not inserted else ""
        t.text = text[: lo - a] + piece + text[hi - a :]
        inserted = True
        if t.text != t.text.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _split_typed_rule(q: Paragraph) -> Element:
    """Move the underscore line of ``q`` (after a line break) into a new paragraph."""
    p = q.element
    runs = list(iter_runs(p))
    seen_break = False
    for r in runs:
        for el in list(r):
            if el.tag in {w("br"), w("cr")}:
                seen_break = True
                r.remove(el)
            elif seen_break and el.tag == w("t"):
                r.remove(el)
    new = etree.Element(w("p"))
    ppr = p.find(w("pPr"))
    if ppr is not None:
        import copy

        new.append(copy.deepcopy(ppr))
    p.addnext(new)
    return new


def fix_docx(source: Source) -> FixResult:
    """Fix what is mechanical in ``source``; the bytes of the result and the changes.

    Raises ``CheckInputError`` when the input is not a readable .docx (or one of its
    parts, needed to write the result, is corrupt). A document out of
    the decree's scope (``Report.doc_type.in_scope`` false) is returned unchanged.
    """
    name, original = read_source(source)
    model = read_model(original)
    parts = locate(model)
    before = check_docx(original)
    before.source = name
    if not classify(model, parts).doc_type.in_scope:
        return FixResult(original, [], before, before)
    fixer = _Fixer(model, parts, before)
    fixer.margins()
    fixer.fonts()
    fixer.formats()
    fixer.padding()
    fixer.rules()
    fixer.end_mark()
    if not fixer.changes:
        return FixResult(original, [], before, before)
    data = _repack(model, fixer.touched)
    after = check_docx(data)
    after.source = name
    return FixResult(data, fixer.changes, before, after)


def _repack(model: DocModel, touched: set[str]) -> bytes:
    """The package with the ``touched`` parts re-serialised, the rest copied as is."""
    zf = model.package.zf
    touched = touched | {model.package.main_name}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in zf.infolist():
            if info.filename in touched:
                root = (
                    model.package.document
                    if info.filename == model.package.main_name
                    else model.package.part(info.filename)
                )
                assert root is not None
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            else:
                data = inflate_part(zf, info.filename)
            # A fresh entry: the original's flags and versions may be anything.
            entry = zipfile.ZipInfo(info.filename, _date_time(info.date_time))
            entry.external_attr = 0o644 << 16
            new.writestr(entry, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _date_time(value: tuple[int, int, int, int, int, int]) -> tuple[int, int, int, int, int, int]:
    """The entry's timestamp if a zip may hold it, else 1 January 1980."""
    year, month, day, hour, minute, second = value
    if 1980 <= year <= 2107 and 1 <= month <= 12 and 1 <= day <= 31 and hour < 24:
        return year, month, day, hour, min(minute, 59), min(second, 59)
    return (1980, 1, 1, 0, 0, 0)


def format_changes(result: FixResult) -> str:
    """The list of changes, bilingual, with what the check says before and after."""
    lines = ["Sửa tự động theo Nghị định 30/2020/NĐ-CP / Automatic fixes (Decree 30/2020)"]
    if not result.changes:
        lines.append("Không có gì để sửa tự động / Nothing to fix automatically")
    for i, ch in enumerate(result.changes, start=1):
        lines.append(f"{i:>3}. [{ch.rule_id}] {ch.vi} / {ch.en}")
        lines.append(f"      Vị trí/Where: {ch.where}")
        lines.append(f"      Trước/Before: {ch.before}  →  Sau/After: {ch.after}")
    if result.before is not None and result.after is not None:
        b, a = len(result.before.errors), len(result.after.errors)
        lines.append(f"Lỗi/Errors: {b} → {a}")
        left = sorted(r.rule_id for r in result.after.errors)
        if left:
            lines.append("Còn lại, cần người soạn sửa / Left for the drafter: " + ", ".join(left))
    return "\n".join(lines) + "\n"
