"""The ``chithi`` commands: render, validate, check, schema, batch, templates (diff, bang-xa
and import register themselves from their own modules).

Built on :mod:`argparse` (the standard library), and each command imports only what it
uses, so ``chithi check`` and ``chithi --help`` start in a few tens of milliseconds and
load nothing of the generator.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path

from chithi_gen.cli.messages import (
    EXIT_CHECK_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    echo,
    report,
    warn,
)
from chithi_gen.cli.options import (
    Command,
    command,
    force_option,
    layout_option,
    templates_option,
)
from chithi_gen.errors import ChithiError


def _written(paths: list[Path]) -> None:
    for path in paths:
        echo(f"Đã tạo / written: {path}")


def render(args: argparse.Namespace) -> int:
    """Tạo văn bản .docx từ tệp chiến dịch (render a campaign file to .docx)."""
    from chithi_gen.cli.files import write_extras
    from chithi_gen.cli.renderer import cli_renderer
    from chithi_gen.output import write_atomic

    file: Path = args.file
    out: Path = args.output or (file.with_suffix(".docx") if file.name else Path("van-ban.docx"))
    written: list[Path] = []
    try:
        renderer = cli_renderer(args.templates, args.layout)
        draft = renderer.prepare(renderer.read(file))
        warn(draft.warnings, str(file))
        result = renderer.render(draft)
        written.append(write_atomic(out, result.docx, force=args.force))
        meta = None
        if args.metadata:
            from chithi_gen.render.metadata import metadata

            meta = metadata(draft.campaign, result.documents)
        if args.pdf or args.pdfa or args.png or meta is not None:
            written += write_extras(
                out,
                result.docx,
                pdf=args.pdf or args.pdfa,
                png=args.png,
                force=args.force,
                pdfa=args.pdfa,
                metadata=meta,
            )
    except ChithiError as exc:
        _written(written)
        if written:
            echo(
                "Tệp .docx đã được ghi trước khi bước sau bị lỗi"
                " (the .docx was written before the later step failed)",
                err=True,
            )
        return report(exc)
    _written(written)
    return EXIT_OK


def check(args: argparse.Namespace) -> int:
    """Kiểm tra thể thức ND30 của một tệp .docx bất kỳ (check any .docx against ND30).

    Với --fix -o FIXED.docx: ghi bản đã sửa các lỗi máy móc rồi kiểm tra lại bản đó (with
    --fix, write a copy with the mechanical errors fixed and check that copy)."""
    from chithi_gen.check import CheckInputError, check_docx, format_table, to_json

    if args.fix:
        return _check_fix(args)
    if args.output is not None or args.force:
        echo(
            "-o và --force chỉ dùng với --fix (-o and --force go with --fix):"
            " chithi check --fix -o FIXED.docx FILE.docx",
            err=True,
        )
        return EXIT_USAGE
    try:
        result = check_docx(args.file)
    except CheckInputError as exc:
        echo(f"{args.file}: {exc.message_vi} ({exc.message_en})", err=True)
        return EXIT_USAGE
    echo(to_json(result) if args.json else format_table(result))
    return EXIT_OK if result.ok else EXIT_CHECK_FAILED


def _check_fix(args: argparse.Namespace) -> int:
    """``chithi check --fix -o FIXED.docx FILE.docx``: fix, write, then report the fixed file.

    Only ``chithi_gen.output`` is loaded beside the checker (for ``write_atomic``).
    """
    from chithi_gen.check import CheckInputError, fix_docx, format_changes, format_table, to_json

    if args.output is None:
        echo(
            "--fix cần tệp kết quả: chithi check --fix -o FIXED.docx FILE.docx"
            " (--fix needs an output file)",
            err=True,
        )
        return EXIT_USAGE
    from chithi_gen.output import write_atomic

    try:
        result = fix_docx(args.file)
    except CheckInputError as exc:
        echo(f"{args.file}: {exc.message_vi} ({exc.message_en})", err=True)
        return EXIT_USAGE
    assert result.after is not None  # fix_docx checks the result again
    try:
        written = write_atomic(args.output, result.data, force=args.force)
    except ChithiError as exc:
        return report(exc)
    # The report is of the fixed file: name it.
    after = dataclasses.replace(result.after, source=str(written))
    if args.json:
        data = {
            "changes": [change.to_dict() for change in result.changes],
            "report": json.loads(to_json(after)),
        }
        echo(json.dumps(data, ensure_ascii=False, indent=2))
        echo(f"Đã tạo / written: {written}", err=True)
    else:
        echo(format_changes(result))
        echo(format_table(after))
        _written([written])
    return EXIT_OK if after.ok else EXIT_CHECK_FAILED


def validate(args: argparse.Namespace) -> int:
    """Kiểm tra tệp chiến dịch, không tạo văn bản (validate a campaign file)."""
    from chithi_gen.cli.renderer import cli_renderer

    try:
        renderer = cli_renderer(args.templates)
        draft = renderer.prepare(renderer.read(args.file))
    except ChithiError as exc:
        return report(exc)
    warn(draft.warnings, str(args.file))
    echo(f"Hợp lệ / valid: {args.file}")
    return EXIT_OK


def schema(args: argparse.Namespace) -> int:
    """In JSON Schema của tệp chiến dịch (print the campaign JSON Schema for editors)."""
    from chithi_gen.output import write_atomic
    from chithi_gen.schema import campaign_json_schema

    text = json.dumps(campaign_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output is None:
        print(text, end="")
        return EXIT_OK
    try:
        write_atomic(args.output, text.encode("utf-8"), force=args.force)
    except ChithiError as exc:
        return report(exc)
    _written([args.output])
    return EXIT_OK


def batch(args: argparse.Namespace) -> int:
    """Tạo nhiều văn bản: một tệp chiến dịch, mỗi dòng của bảng một văn bản (docs/batch.md)."""
    from chithi_gen.batch.beside import Beside
    from chithi_gen.cli.batch import run_batch
    from chithi_gen.cli.renderer import cli_renderer

    beside = Beside(pdf=args.pdf, pdfa=args.pdfa, metadata=args.metadata)
    try:
        renderer = cli_renderer(args.templates, args.layout)
        return run_batch(
            renderer,
            args.file,
            args.variations,
            args.output,
            force=args.force,
            jobs=args.jobs,
            beside=beside,
        )
    except ChithiError as exc:
        return report(exc)


def templates_list(args: argparse.Namespace) -> int:
    """Liệt kê mẫu trình bày, loại văn bản, mẫu câu và nơi mỗi thứ đến từ đó
    (list layouts, kinds and snippets, and where each comes from)."""
    from chithi_gen.cli.renderer import cli_renderer
    from chithi_gen.lookup import ORIGIN_LABELS

    try:
        renderer = cli_renderer(args.templates)
        layouts = renderer.templates.layouts()
        snippets = [(name, renderer.snippets.where(name)) for name in renderer.snippets.names()]
    except ChithiError as exc:
        return report(exc)
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
    return EXIT_OK


def templates_lint(args: argparse.Namespace) -> int:
    """Kiểm tra một mẫu trình bày: thẻ bị tách, khối không cân, biến sai, kiểu thiếu
    (lint a layout)."""
    from chithi_gen.lookup import TemplateSet
    from chithi_gen.render.lint import lint_layout
    from chithi_gen.render.lint_folder import is_template_folder, lint_folder
    from chithi_gen.source.files import exists

    try:
        # A folder or file that exists is linted as given, even without a path separator;
        # a whole template folder (layouts/, kinds.yaml, snippets/) file by file.
        target: str | Path = Path(args.layout) if exists(Path(args.layout)) else args.layout
        if isinstance(target, Path) and is_template_folder(target):
            findings = lint_folder(target)
        else:
            info = TemplateSet(args.templates).find_layout(target)
            findings = lint_layout(info.read_bytes(), tuple(info.manifest.bien_van_ban))
    except ChithiError as exc:
        return report(exc)
    for finding in findings:
        echo(finding.format())
    errors = sum(f.severity == "loi" for f in findings)
    echo(f"=> {errors} lỗi / {errors} error(s), {len(findings) - errors} ghi chú / notes")
    return 3 if errors else EXIT_OK


def _version() -> str:
    import chithi_gen

    return f"chithi {chithi_gen.__version__}"


class _Version(argparse.Action):
    """``--version``, looked up only when asked (the lookup imports importlib.metadata)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kw: object) -> None:
        super().__init__(option_strings, dest=argparse.SUPPRESS, nargs=0, help=str(kw["help"]))

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(_version())
        parser.exit()


def _signing_options(p: argparse.ArgumentParser) -> None:
    """Options for e-office systems: PDF/A-2b and the Phụ lục VI metadata."""
    p.add_argument(
        "--pdfa",
        action="store_true",
        help="tệp .pdf theo chuẩn PDF/A-2b để ký số, lưu trữ (PDF/A-2b for signing; implies --pdf)",
    )
    p.add_argument(
        "--metadata",
        action="store_true",
        help="ghi thêm OUT.json: thông tin Phụ lục VI Nghị định 30/2020/NĐ-CP (e-office metadata)",
    )


def parser() -> argparse.ArgumentParser:
    """The argument parser of ``chithi``."""
    top: argparse.ArgumentParser = Parser(
        prog="chithi",
        description="Soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP"
        " (drafts ND30 administrative documents).",
    )
    top.add_argument("--version", action=_Version, help="in phiên bản (show the version)")
    sub = top.add_subparsers(title="lệnh / commands", metavar="COMMAND")

    p = command(sub, "render", render)
    p.add_argument("file", type=Path, help="tệp chiến dịch .yaml/.json (campaign file)")
    p.add_argument(
        "-o", "--output", type=Path, help="tệp .docx kết quả; mặc định: cùng tên, đuôi .docx"
    )
    force_option(p)
    p.add_argument("--pdf", action="store_true", help="tạo thêm tệp .pdf (also write a PDF)")
    p.add_argument("--png", action="store_true", help="tạo thêm ảnh từng trang (page images)")
    _signing_options(p)
    templates_option(p)
    layout_option(p)

    p = command(sub, "validate", validate)
    p.add_argument("file", type=Path, help="tệp chiến dịch .yaml/.json (campaign file)")
    templates_option(p)

    p = command(sub, "check", check)
    p.add_argument("file", type=Path, help="tệp .docx cần kiểm tra (a .docx to check)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.add_argument(
        "--fix",
        action="store_true",
        help="sửa tự động lề, phông, cỡ chữ, đậm/nghiêng, số 0, đường kẻ gõ bằng ký tự, «./.»;"
        " ghi ra -o (fix the mechanical errors into -o)",
    )
    p.add_argument("-o", "--output", type=Path, help="tệp .docx đã sửa, với --fix (the fixed copy)")
    force_option(p)

    p = command(sub, "schema", schema)
    p.add_argument("-o", "--output", type=Path, help="ghi ra tệp (write to a file)")
    force_option(p)

    p = command(sub, "batch", batch)
    p.add_argument("file", type=Path, help="tệp chiến dịch .yaml/.json (campaign file)")
    p.add_argument(
        "variations",
        type=Path,
        help="bảng biến thể .csv/.xlsx/.yaml, mỗi dòng một văn bản (one row per document)",
    )
    p.add_argument(
        "-o", "--output", type=Path, required=True, help="thư mục kết quả (output folder)"
    )
    force_option(p)
    p.add_argument("-j", "--jobs", type=int, help="số tiến trình (processes); mặc định: số lõi CPU")
    p.add_argument(
        "--pdf",
        action="store_true",
        help="tạo thêm tệp .pdf cạnh mỗi .docx, qua LibreOffice theo nhóm (also write PDFs)",
    )
    _signing_options(p)
    templates_option(p)
    layout_option(p)

    from chithi_gen.cli import bang_xa, diff, importer

    diff.add(sub)
    bang_xa.add_parser(sub)
    importer.add(sub)

    p = sub.add_parser(
        "templates",
        help="mẫu trình bày của đơn vị: liệt kê, kiểm tra (list, lint)",
        description="Mẫu trình bày của đơn vị (layouts): liệt kê, kiểm tra (list, lint).",
    )
    tsub = p.add_subparsers(title="lệnh / commands", metavar="COMMAND")
    q = command(tsub, "list", templates_list)
    templates_option(q)
    q = command(tsub, "lint", templates_lint)
    q.add_argument(
        "layout",
        help="tệp layout.docx, thư mục mẫu trình bày, thư mục mẫu của đơn vị, hoặc tên mẫu"
        " (layout .docx, layout folder, template folder or name)",
    )
    templates_option(q)
    p.set_defaults(run=None, help_of=p)
    top.set_defaults(run=None, help_of=top)
    return top


def run(argv: Sequence[str] | None) -> int:
    """Parse ``argv`` and run the command; returns its exit code."""
    top = parser()
    args = top.parse_args(argv)
    fn: Command | None = args.run
    if fn is None:
        args.help_of.print_help()
        return EXIT_USAGE
    return fn(args)
