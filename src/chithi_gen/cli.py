"""The ``chithi`` command line.

Messages are in Vietnamese with English beside them. A user's mistake never prints a
traceback. Exit codes (also in ``docs/cli.md``):

====  ==========================================================================
0     thành công / success
1     văn bản chưa đạt thể thức (``chithi check``) / the document fails a rule
2     tệp đầu vào sai (tệp chiến dịch, tệp .docx cần kiểm tra) hoặc câu lệnh sai /
      invalid input file or command-line usage
3     mẫu trình bày sai / the layout is missing or broken
4     không ghi được tệp kết quả / the output cannot be written
5     thiếu công cụ ngoài (LibreOffice) / an external tool is missing
70    lỗi nội bộ của chithi_gen / internal error (please report it)
====  ==========================================================================
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer

from chithi_gen.advice import recipient_warnings
from chithi_gen.api import Renderer, write_atomic
from chithi_gen.errors import CampaignError, ChithiError, LayoutError, OutputError
from chithi_gen.layouts import ORIGIN_LABELS, list_layouts
from chithi_gen.loader import locate
from chithi_gen.model import Campaign
from chithi_gen.render.pdf import docx_to_pdf
from chithi_gen.render.png import pdf_to_png
from chithi_gen.schema import campaign_json_schema

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_CAMPAIGN = 2
EXIT_LAYOUT = 3
EXIT_OUTPUT = 4
EXIT_TOOL = 5
EXIT_INTERNAL = 70

app = typer.Typer(
    name="chithi",
    help="Soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP"
    " (drafts ND30 administrative documents).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _warn(campaign: Campaign, source: Path) -> None:
    problems = recipient_warnings(campaign)
    if problems:
        problems = locate(problems, source.read_text(encoding="utf-8-sig"))
    for problem in problems:
        typer.echo(f"Cảnh báo / warning: {problem.format(str(source))}", err=True)


def _fail(exc: ChithiError) -> typer.Exit:
    typer.echo(exc.format(), err=True)
    code = EXIT_CAMPAIGN
    if isinstance(exc, LayoutError):
        code = EXIT_LAYOUT
    elif isinstance(exc, OutputError):
        code = EXIT_OUTPUT
    elif not isinstance(exc, CampaignError):
        code = getattr(exc, "exit_code", EXIT_CAMPAIGN)
    n = len(exc.problems)
    if isinstance(exc, CampaignError) and n:
        typer.echo(f"=> {n} lỗi / {n} error(s)", err=True)
    return typer.Exit(code)


FileArg = Annotated[
    Path, typer.Argument(help="Tệp chiến dịch .yaml/.json (campaign file)", show_default=False)
]
TemplatesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--templates",
        "-t",
        help="Thư mục mẫu của đơn vị (user template folder; lặp lại được, thêm biến môi"
        " trường CHITHI_TEMPLATES)",
    ),
]
LayoutOpt = Annotated[
    str | None,
    typer.Option("--layout", "-l", help="Mẫu trình bày: tên hoặc đường dẫn (layout name or path)"),
]


@app.command()
def render(
    file: FileArg,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Tệp .docx kết quả (output .docx); mặc định: cùng tên, đuôi .docx",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", "-f", help="Ghi đè tệp đã có (overwrite)")
    ] = False,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Tạo thêm tệp .pdf bằng LibreOffice (also write a PDF)")
    ] = False,
    png: Annotated[
        bool,
        typer.Option("--png", help="Tạo thêm ảnh từng trang .png (also write page images)"),
    ] = False,
    templates: TemplatesOpt = None,
    layout: LayoutOpt = None,
) -> None:
    """Tạo văn bản .docx từ tệp chiến dịch (render a campaign file to .docx)."""
    out = output or file.with_suffix(".docx")
    try:
        renderer = Renderer(template_dirs=templates or (), layout=layout)
        campaign = renderer.load(file)
        _warn(campaign, file)
        data = renderer.render_docx(campaign)
        written = [write_atomic(out, data, force=force)]
        if pdf or png:
            pdf_bytes = docx_to_pdf(data)
            if pdf:
                written.append(write_atomic(out.with_suffix(".pdf"), pdf_bytes, force=force))
            if png:
                for n, image in enumerate(pdf_to_png(pdf_bytes), start=1):
                    target = out.with_name(f"{out.stem}-{n}.png")
                    written.append(write_atomic(target, image, force=force))
    except ChithiError as exc:
        raise _fail(exc) from None
    for path in written:
        typer.echo(f"Đã tạo / written: {path}")


@app.command()
def check(
    file: Annotated[
        Path, typer.Argument(help="Tệp .docx cần kiểm tra (a .docx to check)", show_default=False)
    ],
    as_json: Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON")] = False,
) -> None:
    """Kiểm tra thể thức ND30 của một tệp .docx bất kỳ (check any .docx against ND30)."""
    from chithi_gen.check import CheckInputError, check_docx, format_table, to_json

    try:
        report = check_docx(file)
    except CheckInputError as exc:
        typer.echo(f"{file}: {exc.message_vi} ({exc.message_en})", err=True)
        raise typer.Exit(EXIT_CAMPAIGN) from None
    typer.echo(to_json(report) if as_json else format_table(report))
    raise typer.Exit(EXIT_OK if report.ok else EXIT_CHECK_FAILED)


@app.command()
def validate(file: FileArg, templates: TemplatesOpt = None) -> None:
    """Kiểm tra tệp chiến dịch, không tạo văn bản (validate a campaign file)."""
    try:
        campaign = Renderer(template_dirs=templates or ()).load(file)
        _warn(campaign, file)
    except ChithiError as exc:
        raise _fail(exc) from None
    typer.echo(f"Hợp lệ / valid: {file}")


@app.command()
def schema(
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Ghi ra tệp (write to a file) thay vì màn hình"),
    ] = None,
    force: Annotated[bool, typer.Option("--force", "-f", help="Ghi đè (overwrite)")] = False,
) -> None:
    """In JSON Schema của tệp chiến dịch (print the campaign JSON Schema for editors)."""
    text = json.dumps(campaign_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        write_atomic(output, text.encode("utf-8"), force=force)
    except ChithiError as exc:
        raise _fail(exc) from None
    typer.echo(f"Đã tạo / written: {output}")


@app.command()
def batch(
    file: FileArg,
    variations: Annotated[
        Path,
        typer.Argument(
            help="Bảng biến thể .csv/.xlsx/.yaml, mỗi dòng một văn bản"
            " (variation table, one row per document)",
            show_default=False,
        ),
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="Thư mục kết quả (output folder)")],
    force: Annotated[
        bool, typer.Option("--force", "-f", help="Ghi đè tệp đã có (overwrite)")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("-j", "--jobs", help="Số tiến trình (processes); mặc định: số lõi CPU"),
    ] = None,
    templates: TemplatesOpt = None,
) -> None:
    """Tạo nhiều văn bản: một tệp chiến dịch, mỗi dòng của bảng một văn bản (docs/batch.md)."""
    from chithi_gen.batch import run_cli

    try:
        code = run_cli(
            file, variations, output, force=force, jobs=jobs, template_dirs=templates or ()
        )
    except ChithiError as exc:
        raise _fail(exc) from None
    raise typer.Exit(code)


templates_app = typer.Typer(
    help="Mẫu trình bày của đơn vị (layouts): liệt kê, kiểm tra (list, lint).",
    no_args_is_help=True,
)
app.add_typer(templates_app, name="templates")


@templates_app.command("list")
def templates_list(templates: TemplatesOpt = None) -> None:
    """Liệt kê các mẫu trình bày, loại văn bản và mẫu câu hiện có (list what is available)."""
    try:
        renderer = Renderer(template_dirs=templates or ())
        layouts = list_layouts(renderer.template_dirs)
    except ChithiError as exc:
        raise _fail(exc) from None
    typer.echo("Mẫu trình bày / layouts:")
    for info in layouts:
        kinds = ", ".join(info.kinds) or "-"
        typer.echo(f"  {info.name:<14} [{ORIGIN_LABELS[info.origin]}] {info.docx}")
        typer.echo(f"  {'':<14} loại / kinds: {kinds}; {info.description}")
    typer.echo("Loại văn bản / kinds:")
    for kind in renderer.registry.values():
        typer.echo(f"  {kind.name:<14} {kind.ten_loai} ({kind.viet_tat}), layout {kind.layout}")
    typer.echo("Mẫu câu / snippets: " + ", ".join(renderer.snippets.names()))


@templates_app.command("lint")
def templates_lint(
    layout: Annotated[
        Path, typer.Argument(help="Tệp layout.docx hoặc thư mục mẫu (layout .docx or folder)")
    ],
) -> None:
    """Kiểm tra một mẫu trình bày: thẻ bị tách, khối không cân, biến sai (lint a layout)."""
    from chithi_gen.lint import lint_path

    try:
        findings = lint_path(layout)
    except ChithiError as exc:
        raise _fail(exc) from None
    for finding in findings:
        typer.echo(finding.format())
    errors = sum(f.severity == "loi" for f in findings)
    typer.echo(f"=> {errors} lỗi / {errors} error(s), {len(findings) - errors} ghi chú / notes")
    raise typer.Exit(EXIT_LAYOUT if errors else EXIT_OK)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``chithi`` command; returns the exit code."""
    try:
        app(args=argv, prog_name="chithi")
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_CAMPAIGN)
    except KeyboardInterrupt:
        typer.echo("Đã hủy / aborted", err=True)
        return 130
    except Exception:
        typer.echo(
            "Lỗi nội bộ của chithi_gen, xin báo lại kèm thông tin dưới đây"
            " (internal error, please report it with the details below):",
            err=True,
        )
        traceback.print_exc()
        return EXIT_INTERNAL
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
