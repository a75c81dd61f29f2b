"""What a document is: its type, from its parts, and the parts that type's layout has.

The types of Phụ lục III and how each is recognised:

* Nghị quyết (Mẫu 1.1), Quyết định quy định trực tiếp (1.2) or ban hành kèm (1.3),
  Công điện (1.6), Giấy mời (1.7), Giấy giới thiệu (1.8), Biên bản (1.9), Giấy nghỉ
  phép (1.10) and every other văn bản có tên loại (1.4) by the tên loại;
* a text issued with a Quyết định (Mẫu 1.3, "Quy chế … kèm theo Quyết định số …") by
  its "(Kèm theo …)" line and its header without a number;
* Công văn (1.5) by its "V/v" summary or "Kính gửi:", without a tên loại;
* Phụ lục (2.1, 2.2) by its opening "Phụ lục …" line; bản sao (3.1) by its copy block.

Out of scope, each with a single verdict instead of the rules: Party documents
(``party``), legal normative documents (Luật, Nghị định, Thông tư, or a Nghị quyết or
Quyết định numbered with its year, "15/2020/QĐ-UBND", governed by the Law on
promulgating legal documents), a citizen's own papers (đơn, tờ khai) and anything
without the Quốc hiệu (a leaflet, a letter, a thesis).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chithi_gen.check.abbreviations import DocName, by_title, fold
from chithi_gen.check.docx_reader import DocModel
from chithi_gen.check.locate import Components, norm
from chithi_gen.check.model import DocType
from chithi_gen.check.party import PARTY_MARKERS

#: Tên loại of legal normative documents (văn bản quy phạm pháp luật).
_NORMATIVE = (
    "HIẾN PHÁP",
    "BỘ LUẬT",
    "LUẬT",
    "PHÁP LỆNH",
    "NGHỊ ĐỊNH",
    "THÔNG TƯ LIÊN TỊCH",
    "THÔNG TƯ",
    "LỆNH",
)
#: A number with its year ("15/2020/QĐ-UBND", "30/2020/NĐ-CP"): a legal normative one.
_YEAR_NUMBER = re.compile(r"^\s*số\s*:?\s*[\d…. ]*/\s*(19|20)\d\d\s*/", re.IGNORECASE)
_NORMATIVE_REF = re.compile(
    r"\b(nghị\s+định|thông\s+tư|luật|pháp\s+lệnh)\b|/\s*(19|20)\d\d\s*/", re.IGNORECASE
)
#: A citizen's own papers: they carry the Quốc hiệu but are not issued by an agency.
_PERSONAL = (
    "ĐƠN",
    "TỜ KHAI",
    "SƠ YẾU LÝ LỊCH",
    "BẢN KIỂM ĐIỂM",
    "BẢN TỰ KIỂM ĐIỂM",
    "BẢN CAM KẾT",
    "GIẤY CAM KẾT",
    "BẢN KHAI",
    "BẢN TƯỜNG TRÌNH",
    "THƯ",
)
_ISSUES = re.compile(r"^\s*(về\s+việc\s+)?(ban\s+hành|phê\s+duyệt)\b", re.IGNORECASE)
_TYPE_KIND = {
    "Nghị quyết": ("nghi_quyet", "Mẫu 1.1"),
    "Công điện": ("cong_dien", "Mẫu 1.6"),
    "Giấy mời": ("giay_moi", "Mẫu 1.7"),
    "Giấy giới thiệu": ("giay_gioi_thieu", "Mẫu 1.8"),
    "Biên bản": ("bien_ban", "Mẫu 1.9"),
    "Giấy nghỉ phép": ("giay_nghi_phep", "Mẫu 1.10"),
}
_EN = {
    "Nghị quyết": "Resolution",
    "Quyết định": "Decision",
    "Chỉ thị": "Directive",
    "Quy chế": "Regulation (quy chế)",
    "Quy định": "Regulation (quy định)",
    "Thông cáo": "Communiqué",
    "Thông báo": "Notice",
    "Hướng dẫn": "Guidance",
    "Chương trình": "Programme",
    "Kế hoạch": "Plan",
    "Phương án": "Scheme",
    "Đề án": "Proposal (đề án)",
    "Dự án": "Project",
    "Báo cáo": "Report",
    "Biên bản": "Minutes",
    "Tờ trình": "Submission",
    "Hợp đồng": "Contract",
    "Công điện": "Official telegram",
    "Bản ghi nhớ": "Memorandum",
    "Bản thỏa thuận": "Agreement",
    "Giấy ủy quyền": "Power of attorney",
    "Giấy mời": "Invitation",
    "Giấy giới thiệu": "Letter of introduction",
    "Giấy nghỉ phép": "Leave permit",
    "Phiếu gửi": "Transmittal slip",
    "Phiếu chuyển": "Forwarding slip",
    "Phiếu báo": "Notification slip",
    "Bản sao y": "Certified copy",
    "Bản trích sao": "Extract copy",
    "Bản sao lục": "Transcribed copy",
}


@dataclass(frozen=True)
class Profile:
    """The document's type and the parts its layout has: ``required`` ones are errors
    when missing, ``optional`` ones are checked when present."""

    doc_type: DocType
    required: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()
    name: DocName | None = None

    def has(self, *parts: str) -> bool:
        """True when the layout has any of ``parts`` (required or optional)."""
        return any(p in self.required or p in self.optional for p in parts)

    def requires(self, part: str) -> bool:
        """True when ``part`` must be there."""
        return part in self.required

    @property
    def kind(self) -> str:
        """The type's key."""
        return self.doc_type.kind


_HEAD = frozenset({"quoc_hieu", "tieu_ngu", "co_quan", "so", "ngay"})
_CLOSE = frozenset({"noi_nhan", "signature", "body", "body_end", "pagenum"})
_TITLED = frozenset({"ten_loai", "trich_yeu", "trich_yeu_rule"})
_ALWAYS_OPTIONAL = frozenset({"chu_quan", "marks", "appendix", "kinh_gui"})
_PROFILES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "nghi_quyet": (_HEAD | _TITLED | _CLOSE, frozenset({"can_cu", "dieu"})),
    "quyet_dinh": (_HEAD | _TITLED | _CLOSE, frozenset({"can_cu", "dieu"})),
    "co_ten_loai": (_HEAD | _TITLED | _CLOSE, frozenset({"dieu"})),
    "ban_sao": (_HEAD | _TITLED | _CLOSE | {"copy"}, frozenset({"can_cu", "dieu"})),
    "cong_van": (_HEAD | {"vv", "kinh_gui"} | _CLOSE, frozenset()),
    "cong_dien": (_HEAD | _TITLED | _CLOSE, frozenset()),
    "giay_moi": (_HEAD | _TITLED | _CLOSE, frozenset()),
    "giay_gioi_thieu": (_HEAD | {"ten_loai", "trich_yeu_rule"} | _CLOSE, frozenset()),
    "giay_nghi_phep": (_HEAD | {"ten_loai", "trich_yeu_rule"} | _CLOSE, frozenset()),
    "bien_ban": (
        (_HEAD - {"ngay"}) | {"ten_loai", "trich_yeu"} | _CLOSE,
        frozenset({"trich_yeu_rule", "ngay"}),
    ),
    "kem_theo": (
        frozenset(
            {
                "quoc_hieu",
                "tieu_ngu",
                "co_quan",
                "ten_loai",
                "trich_yeu",
                "kem_theo",
                "trich_yeu_rule",
                "body",
                "body_end",
                "pagenum",
            }
        ),
        frozenset({"signature", "dieu"}),
    ),
    "phu_luc": (
        frozenset({"appendix", "pagenum"}),
        frozenset({"body_end"}),
    ),
}


def _kind_name(kind: str) -> tuple[str, str]:
    return {
        "cong_van": ("Công văn", "Official letter (công văn)"),
        "phu_luc": ("Phụ lục văn bản", "Appendix"),
        "kem_theo": ("Văn bản ban hành kèm theo quyết định", "Text issued with a decision"),
        "co_ten_loai": ("Văn bản có tên loại", "Document with a type name"),
    }.get(kind, (kind, kind))


def profile_of(doc_type: DocType, name: DocName | None = None) -> Profile:
    """The parts the layout of ``doc_type`` has."""
    required, optional = _PROFILES.get(doc_type.kind, (frozenset(), frozenset()))
    return Profile(doc_type, required, optional | _ALWAYS_OPTIONAL, name)


def type_of_title(title: str) -> DocName | None:
    """The Phụ lục III type a tên loại names (None for other names)."""
    return by_title(title)


def _party(model: DocModel, c: Components) -> str | None:
    texts = [norm(ln.text) for p in model.paragraphs[:40] for ln in p.lines() if norm(ln.text)]
    if c.party_heading is not None and c.quoc_hieu is None:
        return PARTY_MARKERS[0].vi
    if c.quoc_hieu is not None:
        return None
    for marker in PARTY_MARKERS[1:]:
        if any(marker.pattern.search(t) for t in texts):
            return marker.vi
    for sig in c.signatures:
        if any(PARTY_MARKERS[2].pattern.search(norm(ln.text)) for ln in sig.authority):
            return PARTY_MARKERS[2].vi
    return None


def classify(model: DocModel, c: Components) -> Profile:
    """The document's type, with the evidence, and its layout's parts."""
    party = _party(model, c)
    if party is not None:
        return profile_of(
            DocType(
                "party",
                "Văn bản của Đảng",
                "Party document",
                in_scope=False,
                evidence=party,
            )
        )
    if c.quoc_hieu is None:
        lead = c.opening_appendix
        if lead is not None:
            ref = norm(lead.reference.text) if lead.reference is not None else ""
            if ref and _NORMATIVE_REF.search(ref):
                return _out(
                    "normative",
                    "Phụ lục của văn bản quy phạm pháp luật",
                    "Appendix of a legal normative document",
                    f"«{ref[:60]}»",
                )
            electronic = any(p.location.in_textbox for p in model.paragraphs[:6])
            return profile_of(
                DocType(
                    "phu_luc",
                    "Phụ lục văn bản",
                    "Appendix",
                    "Mẫu 2.2" if electronic else "Mẫu 2.1",
                    evidence=f"«{norm(lead.label.text)}»",
                )
            )
        return _out(
            "not_administrative",
            "Không phải văn bản hành chính",
            "Not an administrative document",
            "không có Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» / no national name",
        )
    title = norm(c.ten_loai.text) if c.ten_loai is not None else ""
    folded = fold(title)
    so = norm(c.so.text) if c.so is not None else ""
    if title and any(folded == n or folded.startswith(n + " ") for n in _NORMATIVE):
        return _out(
            "normative",
            "Văn bản quy phạm pháp luật",
            "Legal normative document",
            f"tên loại «{title}»",
        )
    if so and _YEAR_NUMBER.match(so):
        return _out(
            "normative",
            "Văn bản quy phạm pháp luật",
            "Legal normative document",
            f"số, ký hiệu có năm ban hành «{so}» / number with its year",
        )
    if title and any(folded == n or folded.startswith(n + " ") for n in _PERSONAL):
        return _out(
            "not_administrative",
            "Giấy tờ của cá nhân (đơn, tờ khai …)",
            "A citizen's own paper (application, form …)",
            f"«{title}»",
        )
    if c.so is None and not c.co_quan:
        return _out(
            "not_administrative",
            "Không phải văn bản hành chính",
            "Not an administrative document",
            "không có tên cơ quan ban hành và số, ký hiệu / no issuing agency, no number",
        )
    return _administrative(c, title)


def _out(kind: str, vi: str, en: str, evidence: str) -> Profile:
    return profile_of(DocType(kind, vi, en, in_scope=False, evidence=evidence))


def _administrative(c: Components, title: str) -> Profile:
    if c.ten_loai is None:
        evidence = (
            "«V/v …» dưới số, ký hiệu"
            if c.vv
            else "«Kính gửi:»"
            if c.kinh_gui
            else "không có tên loại / no type name"
        )
        name_vi, name_en = _kind_name("cong_van")
        return profile_of(DocType("cong_van", name_vi, name_en, "Mẫu 1.5", evidence=evidence))
    entry = type_of_title(title)
    evidence = f"tên loại «{title}»"
    if c.kem_theo is not None and c.so is None:
        vi, en = _kind_name("kem_theo")
        name = entry.name if entry else title
        return profile_of(
            DocType("kem_theo", f"{name} ({vi.lower()})", en, "Mẫu 1.3", evidence=evidence), entry
        )
    if c.copy is not None:
        of = entry.name.lower() if entry else "văn bản"
        of_en = _EN.get(entry.name, entry.name) if entry else "a document"
        return profile_of(
            DocType(
                "ban_sao",
                f"Bản sao giấy của {of}",
                f"Paper copy of {of_en}",
                "Mẫu 3.1",
                evidence=evidence + "; khối sao / copy block",
            ),
            entry,
        )
    if entry is None:
        vi, en = _kind_name("co_ten_loai")
        return profile_of(DocType("co_ten_loai", vi, en, "Mẫu 1.4", evidence=evidence))
    en = _EN.get(entry.name, entry.name)
    if entry.name == "Quyết định":
        summary = norm(c.trich_yeu[0].text) if c.trich_yeu else ""
        indirect = bool(_ISSUES.match(summary))
        return profile_of(
            DocType(
                "quyet_dinh",
                "Quyết định (cá biệt) "
                + ("ban hành, phê duyệt văn bản" if indirect else "quy định trực tiếp"),
                "Decision " + ("issuing a text" if indirect else "(direct)"),
                "Mẫu 1.3" if indirect else "Mẫu 1.2",
                evidence=evidence,
            ),
            entry,
        )
    if entry.name in _TYPE_KIND:
        kind, mau = _TYPE_KIND[entry.name]
        return profile_of(DocType(kind, entry.name, en, mau, evidence=evidence), entry)
    return profile_of(DocType("co_ten_loai", entry.name, en, "Mẫu 1.4", evidence=evidence), entry)
