"""Effective formatting: resolving paragraph and run properties through the styles.

WordprocessingML formatting is layered (ECMA-376 Part 1, 17.7.2): document defaults
(``w:docDefaults``), then the table style, then the paragraph style and the styles it
is ``basedOn``, then the character style, then direct formatting. A property takes the
value of the most specific layer that sets it; for ``w:ind`` and ``w:spacing`` each
attribute is resolved on its own, for ``w:pBdr`` each side. The toggle properties
(bold, italic, caps …) follow Word: the paragraph-style value is flipped by a
character style that turns it on, and direct formatting is absolute.

Numbering (``w:numPr``) adds the indentation of its list level: below the paragraph
style when the numbering comes from the style, above it when set on the paragraph.
Theme fonts (``w:asciiTheme``…) are reported as ``theme:<slot> (<typeface>)``: the
typeface the theme names is the one printed. A slot no layer sets takes, as in Word,
the font of the ``ascii`` slot (``w:ascii`` alone declares both).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from chithi_gen.check.ooxml import (
    A_NS,
    Element,
    child,
    on_off,
    side,
    to_int,
    w,
    wattr,
)

_TOGGLES = ("b", "i", "caps", "smallCaps", "vanish")


@dataclass(frozen=True)
class Border:
    """One side of a paragraph border (``w:pBdr``): line style, width (1/8 pt), colour."""

    val: str
    size: int
    space: int
    color: str

    @property
    def visible(self) -> bool:
        """False for ``none``/``nil`` borders."""
        return self.val not in {"none", "nil", ""}


@dataclass(frozen=True)
class ParaProps:
    """The effective paragraph properties the rules need (lengths in twips)."""

    style_id: str
    jc: str = "left"
    ind_left: int = 0
    ind_right: int = 0
    #: First-line indentation; negative for a hanging indent.
    first_line: int = 0
    before: int = 0
    after: int = 0
    #: ``w:spacing/@w:line``: 240ths of a line for ``auto``, twips otherwise.
    line: int = 240
    line_rule: str = "auto"
    contextual: bool = False
    borders: dict[str, Border] = field(default_factory=dict)
    num_id: str | None = None
    ilvl: int = 0
    page_break_before: bool = False
    keep_next: bool = False


@dataclass(frozen=True)
class RunProps:
    """The effective run properties the rules need."""

    size_pt: float = 10.0
    bold: bool = False
    italic: bool = False
    caps: bool = False
    small_caps: bool = False
    vanish: bool = False
    #: Font of the ``ascii`` and ``hAnsi`` slots (Vietnamese letters use both): a family
    #: name, ``theme:<slot> (<typeface>)`` for a theme font, or ``""`` when unset.
    font_ascii: str = ""
    font_hansi: str = ""
    #: ``auto``, an RGB hex string, or ``theme:<name>``.
    color: str = "auto"
    vert_align: str = "baseline"
    #: Letter spacing in twips (``w:spacing``) and horizontal scale in percent (``w:w``).
    spacing: int = 0
    scale: int = 100


def _jc(value: str) -> str:
    # Strict/transitional synonyms.
    return {"start": "left", "end": "right", "justify": "both"}.get(value, value)


class Styles:
    """Style definitions of one document, with the resolution rules above."""

    def __init__(
        self, styles: Element | None, numbering: Element | None, theme: Element | None
    ) -> None:
        self._styles: dict[str, Element] = {}
        self._default: dict[str, str] = {}
        self._doc_ppr: Element | None = None
        self._doc_rpr: Element | None = None
        if styles is not None:
            for st in styles.iter(w("style")):
                sid = wattr(st, "styleId")
                kind = wattr(st, "type") or "paragraph"
                if sid is None:
                    continue
                self._styles.setdefault(sid, st)
                if (wattr(st, "default") or "").lower() in {"1", "true", "on"}:
                    self._default.setdefault(kind, sid)
            defaults = styles.find(w("docDefaults"))
            if defaults is not None:
                self._doc_ppr = defaults.find(f"{w('pPrDefault')}/{w('pPr')}")
                self._doc_rpr = defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
        self._numbering = numbering
        self._theme_fonts = _theme_fonts(theme)

    # -- styles --------------------------------------------------------------------

    def default_style(self, kind: str) -> str:
        """The id of the default style of ``kind`` (``paragraph``, ``table`` …)."""
        return self._default.get(kind, "")

    def style_name(self, style_id: str) -> str:
        """The display name of a style (its id if it has none)."""
        st = self._styles.get(style_id)
        name = wattr(child(st, "name"), "val") if st is not None else None
        return name or style_id

    def chain(self, style_id: str | None, kind: str) -> list[Element]:
        """The style ``style_id`` and its ``basedOn`` ancestors, root first."""
        sid = style_id if style_id in self._styles else self.default_style(kind)
        out: list[Element] = []
        seen: set[str] = set()
        while sid and sid in self._styles and sid not in seen:
            seen.add(sid)
            st = self._styles[sid]
            out.append(st)
            sid = wattr(child(st, "basedOn"), "val") or ""
        return out[::-1]

    def _chain_part(self, style_id: str | None, kind: str, tag: str) -> list[Element]:
        return [el for st in self.chain(style_id, kind) if (el := st.find(w(tag))) is not None]

    # -- numbering -----------------------------------------------------------------

    def numbering_level(self, num_id: str | None, ilvl: int) -> Element | None:
        """The ``w:lvl`` element of list ``num_id`` at level ``ilvl`` (None if none)."""
        if self._numbering is None or not num_id or num_id == "0":
            return None
        num = next((n for n in self._numbering.iter(w("num")) if wattr(n, "numId") == num_id), None)
        if num is None:
            return None
        for override in num.iter(w("lvlOverride")):
            if to_int(wattr(override, "ilvl")) == ilvl:
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    return lvl
        abstract_id = wattr(child(num, "abstractNumId"), "val")
        for abstract in self._numbering.iter(w("abstractNum")):
            if wattr(abstract, "abstractNumId") == abstract_id:
                for lvl in abstract.iter(w("lvl")):
                    if to_int(wattr(lvl, "ilvl")) == ilvl:
                        return lvl
        return None

    def list_label(self, props: ParaProps) -> str | None:
        """The text a bullet list puts before the paragraph (e.g. ``"-"``), if bulleted."""
        lvl = self.numbering_level(props.num_id, props.ilvl)
        if lvl is None:
            return None
        fmt = wattr(child(lvl, "numFmt"), "val")
        text = wattr(child(lvl, "lvlText"), "val")
        if fmt == "bullet" and text is not None:
            return text
        return None

    # -- paragraph properties ------------------------------------------------------

    def paragraph(self, p: Element, table_style: str | None = None) -> ParaProps:
        """Effective properties of paragraph ``p`` (in a table with ``table_style``)."""
        direct = p.find(w("pPr"))
        style_id = wattr(child(direct, "pStyle"), "val")
        chain = self._chain_part(style_id, "paragraph", "pPr")
        layers: list[Element] = [] if self._doc_ppr is None else [self._doc_ppr]
        layers += self._chain_part(table_style, "table", "pPr") if table_style else []
        # Numbering: which list, and where its indentation ranks.
        num_direct = child(direct, "numPr")
        num_source = num_direct
        if num_source is None:
            for el in chain:
                if el.find(w("numPr")) is not None:
                    num_source = el.find(w("numPr"))
        num_id = wattr(child(num_source, "numId"), "val")
        ilvl = to_int(wattr(child(num_source, "ilvl"), "val")) or 0
        lvl = self.numbering_level(num_id, ilvl)
        lvl_ppr = child(lvl, "pPr")
        if lvl_ppr is not None and num_direct is None:
            layers.append(lvl_ppr)
        layers += chain
        if lvl_ppr is not None and num_direct is not None:
            layers.append(lvl_ppr)
        if direct is not None:
            layers.append(direct)
        resolved_style = style_id if style_id in self._styles else self.default_style("paragraph")
        return _merge_ppr(layers, resolved_style, num_id, ilvl)

    # -- run properties ------------------------------------------------------------

    def run(self, r: Element | None, para_style: str, table_style: str | None = None) -> RunProps:
        """Effective properties of run ``r`` in a paragraph of style ``para_style``."""
        direct = child(r, "rPr")
        char_style = wattr(child(direct, "rStyle"), "val")
        base: list[Element] = [] if self._doc_rpr is None else [self._doc_rpr]
        table = self._chain_part(table_style, "table", "rPr") if table_style else []
        para = self._chain_part(para_style, "paragraph", "rPr")
        char = self._chain_part(char_style, "character", "rPr") if char_style else []
        layers = base + table + para + char + ([direct] if direct is not None else [])
        toggles = {tag: _toggle(tag, base + table, para, char, direct) for tag in _TOGGLES}
        size = _last_attr(layers, "sz", "val")
        return RunProps(
            size_pt=(to_int(size) or 20) / 2 if size is not None else 10.0,
            bold=toggles["b"],
            italic=toggles["i"],
            caps=toggles["caps"],
            small_caps=toggles["smallCaps"],
            vanish=toggles["vanish"],
            font_ascii=self._font(layers, "ascii"),
            font_hansi=self._font(layers, "hAnsi"),
            color=_color(layers),
            vert_align=_last_attr(layers, "vertAlign", "val") or "baseline",
            spacing=to_int(_last_attr(layers, "spacing", "val")) or 0,
            scale=to_int(_last_attr(layers, "w", "val")) or 100,
        )

    def _font(self, layers: Sequence[Element], slot: str) -> str:
        found = self._slot_font(layers, slot)
        if not found and slot == "hAnsi":
            # Word shows the ASCII font in the hAnsi slot when no layer names one.
            found = self._slot_font(layers, "ascii")
        return found

    def _slot_font(self, layers: Sequence[Element], slot: str) -> str:
        for layer in reversed(layers):
            fonts = layer.find(w("rFonts"))
            if fonts is None:
                continue
            theme = wattr(fonts, f"{slot}Theme")
            if theme is not None:
                face = self._theme_fonts.get(theme, "?")
                return f"theme:{theme} ({face})"
            name = wattr(fonts, slot)
            if name is not None:
                return name
        return ""


def _theme_fonts(theme: Element | None) -> dict[str, str]:
    """Theme font slots (``minorHAnsi`` …) to typefaces."""
    out: dict[str, str] = {}
    if theme is None:
        return out
    for major in ("major", "minor"):
        font = theme.find(f".//{{{A_NS}}}{major}Font")
        if font is None:
            continue
        latin = font.find(f"{{{A_NS}}}latin")
        ea = font.find(f"{{{A_NS}}}ea")
        cs = font.find(f"{{{A_NS}}}cs")
        for slot, el in (("HAnsi", latin), ("Ascii", latin), ("EastAsia", ea), ("Bidi", cs)):
            if el is not None:
                out[f"{major}{slot}"] = str(el.get("typeface", ""))
    return out


def _last_attr(layers: Iterable[Element], tag: str, attr: str) -> str | None:
    value: str | None = None
    for layer in layers:
        el = layer.find(w(tag))
        if el is not None and wattr(el, attr) is not None:
            value = wattr(el, attr)
    return value


def _color(layers: Sequence[Element]) -> str:
    for layer in reversed(layers):
        el = layer.find(w("color"))
        if el is None:
            continue
        theme = wattr(el, "themeColor")
        if theme is not None:
            return f"theme:{theme}"
        val = wattr(el, "val")
        if val is not None:
            return val
    return "auto"


def _defined(layers: Iterable[Element], tag: str) -> bool | None:
    value: bool | None = None
    for layer in layers:
        v = on_off(layer.find(w(tag)))
        if v is not None:
            value = v
    return value


def _toggle(
    tag: str,
    base: Sequence[Element],
    para: Sequence[Element],
    char: Sequence[Element],
    direct: Element | None,
) -> bool:
    value = bool(_defined(base, tag))
    para_value = _defined(para, tag)
    if para_value is not None:
        value = para_value
    if _defined(char, tag):
        value = not value
    if direct is not None:
        direct_value = on_off(direct.find(w(tag)))
        if direct_value is not None:
            value = direct_value
    return value


def _merge_ppr(
    layers: Sequence[Element], style_id: str, num_id: str | None, ilvl: int
) -> ParaProps:
    jc = "left"
    ind: dict[str, int] = {}
    spacing: dict[str, str] = {}
    contextual = False
    break_before = False
    keep_next = False
    borders: dict[str, Border] = {}
    for layer in layers:
        flag = on_off(layer.find(w("pageBreakBefore")))
        break_before = break_before if flag is None else flag
        flag = on_off(layer.find(w("keepNext")))
        keep_next = keep_next if flag is None else flag
        jc_el = layer.find(w("jc"))
        if jc_el is not None and wattr(jc_el, "val"):
            jc = _jc(str(wattr(jc_el, "val")))
        ind_el = layer.find(w("ind"))
        if ind_el is not None:
            for name in ("left", "right"):
                v = to_int(side(ind_el, name))
                if v is not None:
                    ind[name] = v
            first = to_int(wattr(ind_el, "firstLine"))
            hanging = to_int(wattr(ind_el, "hanging"))
            if hanging is not None and hanging != 0:
                ind["first"] = -hanging
            elif first is not None:
                ind["first"] = first
            elif hanging == 0:
                ind["first"] = 0
        sp = layer.find(w("spacing"))
        if sp is not None:
            for name in (
                "before",
                "after",
                "line",
                "lineRule",
                "beforeAutospacing",
                "afterAutospacing",
                "beforeLines",
                "afterLines",
            ):
                value = wattr(sp, name)
                if value is not None:
                    spacing[name] = value
        ctx = on_off(layer.find(w("contextualSpacing")))
        if ctx is not None:
            contextual = ctx
        pbdr = layer.find(w("pBdr"))
        if pbdr is not None:
            for el in pbdr:
                if not isinstance(el.tag, str):
                    continue
                name = el.tag.rsplit("}", 1)[-1]
                name = {"start": "left", "end": "right"}.get(name, name)
                borders[name] = Border(
                    val=wattr(el, "val") or "",
                    size=to_int(wattr(el, "sz")) or 0,
                    space=to_int(wattr(el, "space")) or 0,
                    color=wattr(el, "color") or "auto",
                )
    line_rule = spacing.get("lineRule", "auto")
    return ParaProps(
        style_id=style_id,
        jc=jc,
        ind_left=ind.get("left", 0),
        ind_right=ind.get("right", 0),
        first_line=ind.get("first", 0),
        before=_space(spacing, "before"),
        after=_space(spacing, "after"),
        line=to_int(spacing.get("line")) or 240,
        line_rule=line_rule,
        contextual=contextual,
        borders=borders,
        num_id=num_id,
        ilvl=ilvl,
        page_break_before=break_before,
        keep_next=keep_next,
    )


def _space(spacing: dict[str, str], name: str) -> int:
    auto = spacing.get(f"{name}Autospacing")
    if auto is not None and auto.strip().lower() in {"1", "true", "on"}:
        return 280  # Word's automatic (HTML) paragraph spacing is 14 pt.
    lines = to_int(spacing.get(f"{name}Lines"))
    if lines:
        return round(lines / 100 * 240)  # 1/100 of a line of 12 pt.
    return to_int(spacing.get(name)) or 0
