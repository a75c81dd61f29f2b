"""Fonts set to Times New Roman (Phụ lục I, I.4): document defaults, styles and runs.

Every font slot a declaration names becomes Times New Roman and theme fonts are
dropped; the document defaults name it in every slot, so no slot is left to chance.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from chithi_gen.check.fix.job import Job
from chithi_gen.check.fix.result import Change
from chithi_gen.check.read.ooxml import Element, w

TNR = "Times New Roman"
_FONT_SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")
_THEME_SLOTS = ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme")


def fix_fonts(job: Job) -> None:
    """Times New Roman in the defaults, the styles and every run, if the font rule failed."""
    if not job.failing("ND30-FONT-TNR"):
        return
    count = 0
    styles = job.model.package.related("styles")
    if styles is not None:
        name = _part_name(job, "styles")
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
            job.touched.add(name)
    for part, root in _text_parts(job):
        n = sum(_set_fonts_el(fonts) for fonts in root.iter(w("rFonts")))
        if n:
            job.touched.add(part)
            count += n
    job.note(
        Change(
            "ND30-FONT-TNR",
            "toàn văn bản / whole document",
            "phông khác / other",
            TNR,
            f"đặt phông Times New Roman ({count} chỗ khai báo)",
            f"Times New Roman set ({count} declarations)",
        )
    )


def _part_name(job: Job, kind: str) -> str:
    for rel_kind, name in job.model.package.rels.values():
        if rel_kind == kind:
            return name
    return f"word/{kind}.xml"


def _text_parts(job: Job) -> Iterator[tuple[str, Element]]:
    yield job.model.package.main_name, job.model.package.document
    seen: set[str] = set()
    for s in job.model.sections:
        for rel in (*s.headers.values(), *s.footers.values()):
            found = job.model.package.by_id(rel)
            if found is not None and found[0] not in seen:
                seen.add(found[0])
                yield found


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
