"""The ``chithi`` commands (typer): render, validate, check, schema, batch, templates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from chithi_gen.cli.messages import EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, echo, report, warn
from chithi_gen.errors import ChithiError

app = typer.Typer(
    name="chithi",
    help="Soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP"
    " (drafts ND30 administrative documents).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _fail(exc: ChithiError) -> typer.Exit:
    return typer.Exit(report(exc))


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
ForceOpt = Annotated[bool, typer.Option("--force", "-f", help="Ghi đè tệp đã có (overwrite)")]


def _written(paths: list[Path]) -> None:
    for path in paths:
        echo(f"Đã tạo / written: {path}")


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
    force: ForceOpt = False,
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
    from chithi_gen.api import Renderer
    from chithi_gen.cli.files import write_extras
    from chithi_gen.output import write_atomic

    out = output or file.with_suffix(".docx")
    written: list[Path] = []
    try:
        renderer = Renderer(templates or (), layout=layout)
        draft = renderer.prepare(renderer.read(file))
        warn(draft.warnings, str(file))
        result = renderer.render(draft)
        written.append(write_atomic(out, result.docx, force=force))
        if pdf or png:
            written += write_extras(out, result.docx, pdf=pdf, png=png, force=force)
    except ChithiError as exc:
        _written(written)
        if written:
            echo(
                "Tệp .docx đã được ghi trước khi bước sau bị lỗi"
                " (the .docx was written before the later step failed)",
                err=True,
            )
        raise _fail(exc) from None
    _written(written)


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
        result = check_docx(file)
    except CheckInputError as exc:
        echo(f"{file}: {exc.message_vi} ({exc.message_en})", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    echo(to_json(result) if as_json else format_table(result))
    raise typer.Exit(EXIT_OK if result.ok else EXIT_CHECK_FAILED)


@app.command()
def validate(file: FileArg, templates: TemplatesOpt = None) -> None:
    """Kiểm tra tệp chiến dịch, không tạo văn bản (validate a campaign file)."""
    from chithi_gen.api import Renderer

    try:
        renderer = Renderer(templates or ())
        draft = renderer.prepare(renderer.read(file))
    except ChithiError as exc:
        raise _fail(exc) from None
    warn(draft.warnings, str(file))
    echo(f"Hợp lệ / valid: {file}")


@app.command()
def schema(
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Ghi ra tệp (write to a file) thay vì màn hình"),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """In JSON Schema của tệp chiến dịch (print the campaign JSON Schema for editors)."""
    from chithi_gen.output import write_atomic
    from chithi_gen.schema import campaign_json_schema

    text = json.dumps(campaign_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        write_atomic(output, text.encode("utf-8"), force=force)
    except ChithiError as exc:
        raise _fail(exc) from None
    _written([output])


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
    force: ForceOpt = False,
    jobs: Annotated[
        int | None,
        typer.Option("-j", "--jobs", help="Số tiến trình (processes); mặc định: số lõi CPU"),
    ] = None,
    templates: TemplatesOpt = None,
    layout: LayoutOpt = None,
) -> None:
    """Tạo nhiều văn bản: một tệp chiến dịch, mỗi dòng của bảng một văn bản (docs/batch.md)."""
    from chithi_gen.api import Renderer
    from chithi_gen.cli.batch import run_batch

    try:
        renderer = Renderer(templates or (), layout=layout)
        code = run_batch(renderer, file, variations, output, force=force, jobs=jobs)
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
    """Liệt kê mẫu trình bày, loại văn bản và mẫu câu, và nơi mỗi thứ đến từ đó
    (list layouts, kinds and snippets, and where each comes from)."""
    from chithi_gen.api import Renderer
    from chithi_gen.lookup import ORIGIN_LABELS

    try:
        renderer = Renderer(templates or ())
        layouts = renderer.templates.layouts()
        snippets = [(name, renderer.snippets.where(name)) for name in renderer.snippets.names()]
    except ChithiError as exc:
        raise _fail(exc) from None
    echo("Mẫu trình bày / layouts:")
    for info in layouts:
        kinds = ", ".join(info.kinds) or "-"
        echo(f"  {info.name:<14} [{ORIGIN_LABELS[info.origin]}] {info.where}")
        echo(f"  {'':<14} loại / kinds: {kinds}; {info.description}")
    echo("Loại văn bản / kinds:")
    for kind in renderer.registry.values():
        role = " (ban hành kèm / issuing)" if kind.issuing else ""
        echo(
            f"  {kind.name:<14} {kind.ten_loai} ({kind.viet_tat}), layout {kind.layout}{role}"
            f" — {kind.origin}"
        )
    echo("Mẫu câu / snippets:")
    for name, where in snippets:
        echo(f"  {name:<20} {where}")


@templates_app.command("lint")
def templates_lint(
    layout: Annotated[
        str,
        typer.Argument(
            help="Tệp layout.docx, thư mục mẫu, hoặc tên mẫu (layout .docx, folder or name)"
        ),
    ],
    templates: TemplatesOpt = None,
) -> None:
    """Kiểm tra một mẫu trình bày: thẻ bị tách, khối không cân, biến sai, kiểu thiếu
    (lint a layout)."""
    from chithi_gen.lookup import TemplateSet
    from chithi_gen.render.lint import lint_layout

    try:
        # A folder or file that exists is linted as given, even without a path separator.
        target: str | Path = Path(layout) if Path(layout).exists() else layout
        info = TemplateSet(templates or ()).find_layout(target)
        findings = lint_layout(info.read_bytes(), tuple(info.manifest.bien_van_ban))
    except ChithiError as exc:
        raise _fail(exc) from None
    for finding in findings:
        echo(finding.format())
    errors = sum(f.severity == "loi" for f in findings)
    echo(f"=> {errors} lỗi / {errors} error(s), {len(findings) - errors} ghi chú / notes")
    raise typer.Exit(3 if errors else EXIT_OK)
