"""The campaign file of a read .docx: every component put where the campaign file has it.

The header part gives the agency, số, place and date, the signer and Nơi nhận; the
title part (the same one, or the attachment of a Quyết định) the kind, trích yếu and
body; a Quyết định with its attachment gives the ``quyet_dinh`` block. What could not
be read is noted on its field (:class:`~chithi_gen.importer.notes.Notes`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from chithi_gen.api import Renderer
from chithi_gen.importer.body import read_body
from chithi_gen.importer.conference import read_conference
from chithi_gen.importer.decision import read_decision
from chithi_gen.importer.header import Header, read_header
from chithi_gen.importer.kind import find_kind
from chithi_gen.importer.notes import Notes
from chithi_gen.importer.parts import Part, Read
from chithi_gen.importer.recipients import read_closing
from chithi_gen.importer.signer import read_signer
from chithi_gen.importer.variables import read_variables
from chithi_gen.inline import one_line
from chithi_gen.reference.dang import cap_uy, noi_luu
from chithi_gen.reference.don_vi_hanh_chinh import tim_tinh, tim_trong_ten_co_quan, tim_xa
from chithi_gen.vi.chu_hoa import in_hoa, viet_thuong_dau

_QUYET_DINH = "QUYẾT ĐỊNH"
_NOT_READ = "…"


@dataclass
class Built:
    """The campaign data of a .docx and the notes on what could not be read."""

    data: dict[str, Any]
    notes: Notes


def _viet_tat(name: str) -> str:
    """An abbreviation guessed from a name: its words' initials ("Sở Nội vụ" → "SNV")."""
    unit = tim_trong_ten_co_quan(name)
    if unit is not None:
        name = name[: name.lower().rfind(unit[0])].strip() or name
    letters = "".join(w[0] for w in re.findall(r"\w+", name) if w[0].isalpha())
    return in_hoa(letters) or "CQ"


def _place(h: Header, notes: Notes) -> str:
    """``dia_danh``: as printed, else the unit at the end of the agency's name."""
    if h.dia_danh:
        return h.dia_danh
    name = " ".join(h.co_quan)
    unit = tim_trong_ten_co_quan(name)
    found = None
    if unit is not None:
        kind, rest = unit
        if kind in ("tỉnh", "thành phố") and (tinh := tim_tinh(rest)) is not None:
            found = tinh.dia_danh
        elif xa := tim_xa(f"{kind} {rest}"):
            found = xa[0].dia_danh
    notes.add(
        ("dia_danh",),
        "không đọc được địa danh; " + ("lấy theo tên cơ quan" if found else "hãy ghi địa danh"),
        "the place name could not be read; "
        + ("taken from the agency's name" if found else "write it"),
        h.where.get("ngay", ""),
    )
    return found or "Địa danh"


def _co_quan(h: Header, notes: Notes) -> dict[str, Any]:
    ten = h.co_quan or [_NOT_READ]
    if not h.co_quan:
        notes.add(
            ("co_quan", "ten"),
            "không đọc được tên cơ quan ban hành",
            "the issuing agency's name could not be read",
        )
    out: dict[str, Any] = {"ten": ten}
    if h.chu_quan:
        out["chu_quan"] = h.chu_quan
    viet_tat = h.co_quan_viet_tat
    if not viet_tat or not re.match(r"^[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$", viet_tat):
        viet_tat = _viet_tat(" ".join(ten))
        notes.add(
            ("co_quan", "viet_tat"),
            f"không đọc được chữ viết tắt tên cơ quan trong ký hiệu; tạm ghi {viet_tat}",
            f"the agency's abbreviation in the ký hiệu could not be read; {viet_tat} for now",
            h.where.get("so", ""),
        )
    out["viet_tat"] = viet_tat
    return out


def build_campaign(read: Read, renderer: Renderer) -> Built:
    """The campaign data of ``read`` (see :func:`~chithi_gen.importer.parts.read_docx`),
    its kinds and layouts from ``renderer``'s template set."""
    registry = renderer.registry
    notes = Notes()
    head_part = read.parts[0]
    h = read_header(head_part.components, head_part.paragraphs)
    decision = len(read.parts) > 1 and in_hoa(h.ten_loai or "") == _QUYET_DINH
    title_part: Part = read.parts[1] if decision else head_part
    t = read_header(title_part.components, title_part.paragraphs) if decision else h
    found = find_kind(registry, t.ten_loai, h.party, h.loai_viet_tat)
    kind = found.kind
    variables = read_variables(renderer, kind, title_part.paragraphs)
    if variables.paragraphs:
        _without(title_part, variables.paragraphs)
        t = read_header(title_part.components, title_part.paragraphs)
        if not decision:
            h = t
    data: dict[str, Any] = {"loai": kind.name}
    if found.ten_loai:
        data["ten_loai"] = found.ten_loai
    if found.guessed and t.ten_loai:
        notes.add(
            ("loai",),
            f"không có loại văn bản nào mang tên '{t.ten_loai}'; tạm dùng '{kind.name}' (thêm"
            " loại vào kinds.yaml của thư mục mẫu, xem docs/template-authors.md)",
            f"no kind is named '{t.ten_loai}'; '{kind.name}' for now (add the kind to a"
            " template folder's kinds.yaml)",
            h.where.get("ten_loai", ""),
        )
    elif found.guessed:
        symbol = h.loai_viet_tat
        vi_symbol = f" và không loại văn bản nào có ký hiệu '{symbol}'" if symbol else ""
        en_symbol = f" and no kind has the ký hiệu '{symbol}'" if symbol else ""
        notes.add(
            ("loai",),
            f"văn bản không có tên loại (công văn){vi_symbol}; tạm dùng '{kind.name}': hãy"
            " chọn loại, hoặc thêm loại vào kinds.yaml của thư mục mẫu (xem"
            " docs/template-authors.md)",
            f"the document has no tên loại (a công văn){en_symbol}; '{kind.name}' for now:"
            " choose the kind, or add one to a template folder's kinds.yaml",
        )
    data["co_quan"] = _co_quan(h, notes)
    if h.so is not None and not decision:
        data["so"] = h.so
    if h.loai_viet_tat and h.loai_viet_tat != kind.viet_tat and not decision:
        data["ky_hieu"] = f"{h.loai_viet_tat}-{data['co_quan']['viet_tat']}"
    elif found.guessed and not decision:
        data["ky_hieu"] = f"{kind.viet_tat}-{data['co_quan']['viet_tat']}"
    if h.nam_trong_so:
        notes.add(
            ("so",),
            "số có năm (văn bản quy phạm pháp luật): chithi không soạn loại văn bản này",
            "a number with its year (a legal normative document): chithi does not draft these",
            h.where.get("so", ""),
        )
    if h.ngay is not None:
        data["ngay"] = h.ngay
    elif h.nam is not None:
        data["nam"] = h.nam
    data["dia_danh"] = _place(h, notes)
    data["trich_yeu"] = " ".join(t.trich_yeu or t.duoi_so) or _NOT_READ
    if not t.trich_yeu and not t.duoi_so:
        notes.add(("trich_yeu",), "không đọc được trích yếu", "the trích yếu could not be read")
    if decision:
        _decision(read, head_part, title_part, h, data, notes, found.ten_loai or kind.ten_loai)
    body = read_body(title_part.body, read.model.styles, read.footnotes, closing=not h.party)
    if body.mo_dau:
        data["mo_dau"] = body.mo_dau
    if body.danh_so is not None:
        data["danh_so"] = body.danh_so
    data["noi_dung"] = body.noi_dung
    agenda = read_conference(data, title_part.body, registry, kind)
    for note in body.notes.items:
        if agenda is None or note.where != agenda.first.where():
            notes.items.append(note)
    if variables.values or variables.missing:
        bien = data.setdefault("bien", {})
        bien.update(variables.values)
        for name in variables.missing:
            bien[name] = _NOT_READ
            notes.add(
                ("bien", name),
                f"mẫu trình bày '{kind.layout}' in biến '{name}' nhưng không tìm thấy trong văn"
                " bản; hãy ghi giá trị",
                f"layout '{kind.layout}' prints the variable '{name}', not found in the"
                " document; write its value",
            )
    _closing(head_part, h, data, notes)
    if t.kinh_gui:
        if kind.layout == "dang":
            data.setdefault("bien", {})["kinh_gui"] = ", ".join(t.kinh_gui)
        else:
            notes.add(
                ("noi_nhan",),
                "dòng 'Kính gửi: " + ", ".join(t.kinh_gui) + "' không có chỗ trong mẫu nd30;"
                " chưa nhập",
                "the 'Kính gửi:' line has no place in the nd30 layout; not imported",
            )
    return Built(data, notes)


def _without(part: Part, paragraphs: set[int]) -> None:
    """``part`` without the paragraphs a layout's variables printed."""
    c = part.components
    c.trich_yeu = [ln for ln in c.trich_yeu if id(ln.paragraph) not in paragraphs]
    part.body = [b for b in part.body if id(b) not in paragraphs]


def _closing(part: Part, h: Header, data: dict[str, Any], notes: Notes) -> None:
    c = part.components
    signer = read_signer(c.signatures[0] if c.signatures else None)
    data["nguoi_ky"] = signer.data
    for vi, en in signer.notes:
        notes.add(("nguoi_ky",), vi, en)
    closing = read_closing(part.paragraphs, c)
    data["noi_nhan"] = closing.noi_nhan or [_NOT_READ]
    if not closing.noi_nhan:
        notes.add(("noi_nhan",), "không đọc được Nơi nhận", "the recipients could not be read")
    data["luu"] = closing.luu
    for path, vi, en in closing.notes:
        notes.add(path, vi, en)
    if h.party and closing.noi_luu:
        name = " ".join(data["co_quan"]["ten"])
        if closing.noi_luu != noi_luu(cap_uy(name), name):
            data["bien"] = {"noi_luu": closing.noi_luu}
    if len(c.signatures) > 1:
        notes.add(
            ("nguoi_ky",),
            "văn bản có nhiều chữ ký; chỉ nhập chữ ký thứ nhất",
            "the document has several signatures; only the first is imported",
        )
    if part.rest:
        notes.add(
            ("noi_dung",),
            "phần sau chữ ký (phụ lục, bản sao …) chưa được nhập",
            "what follows the signature (appendices, a copy's block …) is not imported",
            part.rest[0].where(),
        )


def _decision(
    read: Read,
    head: Part,
    title: Part,
    h: Header,
    data: dict[str, Any],
    notes: Notes,
    ten_loai: str,
) -> None:
    """The ``quyet_dinh`` block of a Quyết định and its attachment."""
    kem_theo = title.components.kem_theo
    found = read_decision(
        head.components, head.body, read.footnotes, kem_theo.text if kem_theo else None
    )
    block: dict[str, Any] = {}
    if h.so is not None:
        block["so"] = h.so
    default = f"Ban hành {ten_loai} {viet_thuong_dau(one_line(data['trich_yeu']))}"
    printed = " ".join(h.trich_yeu)
    if printed and printed != default:
        block["trich_yeu"] = printed
    block.update(found.data)
    data["quyet_dinh"] = block
    for vi, en, where in found.notes:
        notes.add(("quyet_dinh",), vi, en, where)
    expected = f"Ban hành kèm theo Quyết định này {default[len('Ban hành ') :]}."
    if found.dieu_1 and found.dieu_1 != expected:
        notes.add(
            ("quyet_dinh",),
            f"Điều 1 trong văn bản khác câu chithi viết: «{found.dieu_1}»",
            "Article 1 differs from the sentence chithi writes",
        )
