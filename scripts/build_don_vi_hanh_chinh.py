"""Build ``src/chithi_gen/reference/data/don_vi_hanh_chinh.json`` from vietnamadminunits.

The data file lists Vietnam's administrative units since 1 July 2025: the 34 provinces
(tỉnh, thành phố trực thuộc trung ương) and their 3,321 communes (xã, phường, đặc khu),
plus, for warnings about old names, the 63 provinces and 696 district-level units
(huyện, quận, thị xã, thành phố thuộc tỉnh) that existed before.

Source: the PyPI package ``vietnamadminunits`` (MIT licence, by Tran Ngoc Minh Hieu),
tables ``admin_units`` (34-province) and ``admin_units_legacy`` (63-province) of its
bundled ``data/dataset.db``, and the province mapping in ``data/converter_2025.json``.
It is a dev dependency only (``pip install -e '.[dev]'``); the library reads the JSON.
Run from the repository root::

    .venv/bin/python scripts/build_don_vi_hanh_chinh.py          # write the file
    .venv/bin/python scripts/build_don_vi_hanh_chinh.py --check  # exit 1 if it differs

The output is deterministic (sorted by official code, fixed key order), so a rebuild
with the same package version gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
import unicodedata
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "chithi_gen" / "reference" / "data" / "don_vi_hanh_chinh.json"

PACKAGE = "vietnamadminunits"
EXPECTED_PROVINCES = 34
EXPECTED_COMMUNES = 3321

# Commune names given after a person or a historical event. Phụ lục I, II.4.a of
# Nghị định 30/2020/NĐ-CP: the địa danh of such a unit is its full name, type word
# included ("Phường Trần Phú, ngày …"). The decree gives no list; this one is ours,
# limited to well-known national figures and events, and is not exhaustive.
TEN_THEO_NGUOI_SU_KIEN = frozenset(
    {
        "Âu Cơ",
        "Bế Văn Đàn",
        "Chu Văn An",
        "Đào Duy Từ",
        "Đặng Thùy Trâm",
        "Điện Biên Phủ",
        "Đồng Khởi",
        "Hai Bà Trưng",
        "Hà Huy Tập",
        "Hoàng Hoa Thám",
        "Hoàng Văn Thụ",
        "Hồ Chí Minh",
        "Kim Đồng",
        "Lê Chân",
        "Lê Đại Hành",
        "Lê Lợi",
        "Lê Quý Đôn",
        "Lý Thường Kiệt",
        "Ngô Mây",
        "Ngô Quyền",
        "Nguyễn Bỉnh Khiêm",
        "Nguyễn Du",
        "Nguyễn Huệ",
        "Nguyễn Lương Bằng",
        "Nguyễn Trãi",
        "Nguyễn Văn Linh",
        "Nguyễn Việt Khái",
        "Nùng Trí Cao",
        "Phạm Ngũ Lão",
        "Phan Đình Phùng",
        "Phan Ngọc Hiển",
        "Quang Trung",
        "Thục Phán",
        "Tô Hiệu",
        "Trần Hưng Đạo",
        "Trần Nhân Tông",
        "Trần Phú",
        "Trần Văn Thời",
        "Triệu Việt Vương",
        "Yết Kiêu",
    }
)

# Older province names that the package's 63-province table no longer carries:
# Thừa Thiên Huế became Thành phố Huế (centrally run) on 1 January 2025
# (Nghị quyết 1314/NQ-UBTVQH15 of 30/11/2024), before the 2025 merger.
TINH_CU_THEM = (("Thừa Thiên Huế", "tỉnh", "46"),)

_LOAI = {
    "Tỉnh": "tỉnh",
    "Thành phố": "thành phố",
    "Xã": "xã",
    "Phường": "phường",
    "Đặc khu": "đặc khu",
    "Huyện": "huyện",
    "Quận": "quận",
    "Thị xã": "thị xã",
}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def _split(full: str, short: str) -> tuple[str, str]:
    """``("Tỉnh Cao Bằng", "Cao Bằng")`` -> ``("tỉnh", "Cao Bằng")``.

    The type word is read off the full name; the package's short name must be the rest,
    or the full name itself for numbered units ("Quận 1"), or the rest with a
    disambiguating note ("Kỳ Anh (Huyện)").
    """
    full, short = _nfc(full), _nfc(short)
    for word, kind in _LOAI.items():
        if full.casefold().startswith(word.casefold() + " "):
            loai, ten = kind, full[len(word) :].strip()
            break
    else:
        raise SystemExit(f"unknown unit type in {full!r}")
    bare = re.sub(r"\s*\([^)]*\)$", "", short)
    if bare not in (ten, full):
        raise SystemExit(f"unexpected name {full!r} / {short!r}")
    return loai, ten


def _full_name_in_dia_danh(ten: str) -> bool:
    """A unit named by a number, or after a person or event (Phụ lục I, II.4.a)."""
    return bool(re.search(r"\d", ten)) or ten in TEN_THEO_NGUOI_SU_KIEN


def build() -> dict[str, Any]:
    """Read the package's tables and return the data file's content."""
    data_dir = files(PACKAGE) / "data"
    db = sqlite3.connect(str(data_dir / "dataset.db"))
    rows = db.execute(
        "SELECT provinceCode, province, provinceShort, provinceKey,"
        " wardCode, ward, wardShort FROM admin_units"
    ).fetchall()
    provinces: dict[str, dict[str, Any]] = {}
    key_to_code: dict[str, str] = {}
    for p_code, p_full, p_short, p_key, w_code, w_full, w_short in rows:
        if p_code not in provinces:
            loai, ten = _split(p_full, p_short)
            provinces[p_code] = {"ma": p_code, "ten": ten, "loai": loai, "xa": []}
            if _full_name_in_dia_danh(ten):
                provinces[p_code]["dia_danh_day_du"] = True
            key_to_code[p_key] = p_code
        loai, ten = _split(w_full, w_short)
        xa: list[Any] = [w_code, ten, loai]
        if _full_name_in_dia_danh(ten):
            xa.append(1)
        provinces[p_code]["xa"].append(xa)
    for p in provinces.values():
        p["xa"].sort(key=lambda x: x[0])
    tinh = [provinces[c] for c in sorted(provinces)]

    mapping = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))
    old_to_new = {
        old: key_to_code[new] for new, olds in mapping["DICT_PROVINCE"].items() for old in olds
    }
    legacy = db.execute(
        "SELECT DISTINCT provinceKey, province, provinceShort FROM admin_units_legacy"
    ).fetchall()
    tinh_cu = []
    for key, full, short in sorted(legacy, key=lambda r: r[0]):
        loai, ten = _split(full, short)
        tinh_cu.append({"ten": ten, "loai": loai, "nay_thuoc": old_to_new[key]})
    known = {t["ten"] for t in tinh_cu}
    for ten, loai, ma in TINH_CU_THEM:
        if ten not in known:
            tinh_cu.append({"ten": ten, "loai": loai, "nay_thuoc": ma})
    tinh_cu.sort(key=lambda t: (t["nay_thuoc"], t["ten"]))

    districts = db.execute(
        "SELECT DISTINCT provinceShort, district, districtShort FROM admin_units_legacy"
        " WHERE district IS NOT NULL"
    ).fetchall()
    huyen_cu = sorted(
        {(*_split(full, short), _nfc(p_short)) for p_short, full, short in districts},
        key=lambda h: (h[2], h[0], h[1]),
    )
    db.close()

    counts: dict[str, int] = {}
    for p in tinh:
        for _ma, _ten, loai, *_ in p["xa"]:
            counts[loai] = counts.get(loai, 0) + 1
    n_xa = sum(counts.values())
    if len(tinh) != EXPECTED_PROVINCES or n_xa != EXPECTED_COMMUNES:
        print(f"warning: {len(tinh)} provinces, {n_xa} communes", file=sys.stderr)

    return {
        "nguon": {
            "mo_ta": (
                "Đơn vị hành chính từ 01/7/2025: 34 tỉnh, thành phố và các xã, phường,"
                " đặc khu; kèm 63 tỉnh và các đơn vị cấp huyện trước đó. Administrative"
                " units since 2025-07-01, with the pre-2025 provinces and districts."
            ),
            "goi": PACKAGE,
            "phien_ban": version(PACKAGE),
            "giay_phep": "MIT (Copyright (c) 2025 Tran Ngoc Minh Hieu)",
            "url": "https://github.com/tranngocminhhieu/vietnamadminunits",
            "bang": "data/dataset.db: admin_units, admin_units_legacy; data/converter_2025.json",
            "hieu_luc_tu": "2025-07-01",
            "tao_boi": "scripts/build_don_vi_hanh_chinh.py",
            "so_tinh": len(tinh),
            "so_xa": n_xa,
            "so_xa_theo_loai": dict(sorted(counts.items())),
            "so_tinh_cu": len(tinh_cu),
            "so_huyen_cu": len(huyen_cu),
            "dinh_dang": {
                "tinh": "ma (GSO), ten, loai, [dia_danh_day_du], xa",
                "xa": "[ma (GSO), ten, loai] + [1] if the dia danh is the full name",
                "tinh_cu": "ten, loai, nay_thuoc (ma of the 2025 province)",
                "huyen_cu": "[loai, ten, ten tinh cu]",
            },
        },
        "tinh": tinh,
        "tinh_cu": tinh_cu,
        "huyen_cu": [list(h) for h in huyen_cu],
    }


def render(content: dict[str, Any]) -> str:
    """Serialise with one province, commune or old unit per line (diffable)."""
    lines = ["{"]
    lines.append(f'"nguon": {json.dumps(content["nguon"], ensure_ascii=False)},')
    lines.append('"tinh": [')
    for i, p in enumerate(content["tinh"]):
        head = {k: v for k, v in p.items() if k != "xa"}
        lines.append(json.dumps(head, ensure_ascii=False)[:-1] + ', "xa": [')
        xa = [json.dumps(x, ensure_ascii=False) for x in p["xa"]]
        lines.append(",\n".join(xa))
        lines.append("]}" + ("," if i < len(content["tinh"]) - 1 else ""))
    lines.append("],")
    lines.append('"tinh_cu": [')
    lines.append(",\n".join(json.dumps(t, ensure_ascii=False) for t in content["tinh_cu"]))
    lines.append("],")
    lines.append('"huyen_cu": [')
    lines.append(",\n".join(json.dumps(h, ensure_ascii=False) for h in content["huyen_cu"]))
    lines.append("]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    text = render(build())
    json.loads(text)  # well-formed
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} differs from a rebuild")
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
