"""``chithi bang-xa``: the batch table of a province's communes, from the bundled unit data.

One row per commune (xã, phường, đặc khu) of the province since 1 July 2025, with the
columns ``chithi batch`` reads: ``ten_tep``, ``co_quan.ten`` ("Ủy ban nhân dân xã
Trường Hà", or another pattern), ``dia_danh`` (the official name, in full where
Phụ lục I, II.4.a asks), and the official code and type as note columns (``# mã``,
``# loại``, ignored by the batch). Written as CSV (UTF-8 with a byte-order mark, so
Excel opens it) or as a YAML list, by the output's suffix; without ``-o``, CSV on
standard output.
"""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chithi_gen.reference.don_vi_hanh_chinh import Tinh

#: The note columns (a leading "#" makes ``chithi batch`` ignore them).
MA, LOAI = "# mã", "# loại"
#: The default pattern of the issuing body's name.
CO_QUAN = "Ủy ban nhân dân {loai} {ten}"


def province(name: str) -> Tinh | None:
    """The province ``name`` names, typed with or without diacritics ("cao bang")."""
    from chithi_gen.reference._chuan_hoa import khong_dau
    from chithi_gen.reference.don_vi_hanh_chinh import cac_tinh, tach_loai, tim_tinh

    found = tim_tinh(name)
    if found is not None:
        return found
    key = khong_dau(tach_loai(name)[1])
    same = [t for t in cac_tinh() if khong_dau(t.ten) == key]
    return same[0] if len(same) == 1 else None


def rows(tinh: str, co_quan: str = CO_QUAN, loai: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """The table's rows for the province ``tinh`` (any spelling :func:`tim_tinh` reads).

    ``co_quan`` is a pattern with ``{loai}`` ("xã"), ``{ten}`` ("Trường Hà"),
    ``{ten_day_du}`` ("Xã Trường Hà") and ``{tinh}``; ``loai`` keeps only those types.
    Raises :class:`KeyError` for an unknown province.
    """
    from chithi_gen.batch.names import slug
    from chithi_gen.reference.don_vi_hanh_chinh import xa_cua_tinh

    out = []
    for x in xa_cua_tinh(tinh):
        if loai and x.loai not in loai:
            continue
        name = co_quan.format(loai=x.loai, ten=x.ten, ten_day_du=x.ten_day_du, tinh=x.tinh.ten)
        out.append(
            {
                "ten_tep": slug(x.ten_day_du),
                "co_quan.ten": name,
                "dia_danh": x.dia_danh,
                MA: x.ma,
                LOAI: x.loai,
            }
        )
    return out


def as_csv(table: list[dict[str, str]]) -> bytes:
    """CSV with a byte-order mark and Windows line ends, as Excel writes it."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["ten_tep", "co_quan.ten", "dia_danh", MA, LOAI])
    writer.writeheader()
    writer.writerows(table)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def as_yaml(table: list[dict[str, str]], heading: str) -> bytes:
    """A YAML list, one mapping per commune (the note columns as comments)."""
    import json

    lines = [f"# {heading}", ""]
    for row in table:
        lines.append(f"- ten_tep: {row['ten_tep']}")
        lines.append(f"  co_quan.ten: {json.dumps(row['co_quan.ten'], ensure_ascii=False)}")
        lines.append(
            f"  dia_danh: {json.dumps(row['dia_danh'], ensure_ascii=False)}"
            f"  # {row[MA]}, {row[LOAI]}"
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


def run(args: argparse.Namespace) -> int:
    """Bảng biến thể gồm các xã, phường, đặc khu của một tỉnh để chạy chithi batch
    (the batch table of a province's communes)."""
    from chithi_gen.cli.messages import EXIT_OK, EXIT_USAGE, echo, report
    from chithi_gen.errors import ChithiError
    from chithi_gen.output import write_atomic
    from chithi_gen.reference.don_vi_hanh_chinh import canh_bao_don_vi, nguon

    found = province(args.tinh)
    if found is None:
        for vi, en in canh_bao_don_vi(f"tỉnh {args.tinh}") or canh_bao_don_vi(args.tinh):
            echo(f"{vi} ({en})", err=True)
        return EXIT_USAGE
    table = rows(found.ten_day_du, args.co_quan, tuple(args.loai or ()))
    src = nguon()
    heading = (
        f"Các đơn vị hành chính cấp xã của {found.ten_day_du} từ {src['hieu_luc_tu']}"
        f" ({len(table)} dòng); nguồn: {src['goi']} {src['phien_ban']}, {src['giay_phep']}"
    )
    out: Path | None = args.output
    data = as_yaml(table, heading) if out and out.suffix in (".yaml", ".yml") else as_csv(table)
    if out is None:
        print(data.decode("utf-8").lstrip("\ufeff"), end="")
        return EXIT_OK
    try:
        write_atomic(out, data, force=args.force)
    except ChithiError as exc:
        return report(exc)
    echo(f"Đã tạo / written: {out} ({heading})")
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``chithi bang-xa`` on the command line's sub-parsers."""
    doc = (run.__doc__ or "").strip()
    p = sub.add_parser("bang-xa", help=doc.split("\n")[0], description=" ".join(doc.split()))
    p.set_defaults(run=run)
    p.add_argument("tinh", help="tên tỉnh, thành phố (province), ví dụ: 'Cao Bằng'")
    p.add_argument(
        "-o", "--output", type=Path, help="tệp .csv hoặc .yaml; mặc định: in ra màn hình"
    )
    p.add_argument(
        "--co-quan",
        default=CO_QUAN,
        metavar="MẪU",
        help="mẫu tên cơ quan ban hành (name pattern), với {loai} {ten} {ten_day_du} {tinh};"
        f" mặc định: '{CO_QUAN}'",
    )
    p.add_argument(
        "--loai",
        action="append",
        choices=["xã", "phường", "đặc khu"],
        help="chỉ lấy loại đơn vị này (only this type); lặp lại được",
    )
    p.add_argument("-f", "--force", action="store_true", help="ghi đè tệp đã có (overwrite)")
