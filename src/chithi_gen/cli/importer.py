"""``chithi import``: a campaign file from last year's Word file."""

from __future__ import annotations

import argparse
from pathlib import Path

from chithi_gen.cli.messages import EXIT_OK, EXIT_USAGE, echo, report, warn
from chithi_gen.cli.options import command, force_option, templates_option
from chithi_gen.errors import CheckInputError, ChithiError

#: Notes listed on the terminal before "… and N more".
SHOWN = 20


def run(args: argparse.Namespace) -> int:
    """Tạo tệp chiến dịch từ một văn bản .docx (năm trước, của chithi hoặc gõ tay)
    (write a campaign file from a .docx: last year's, made by chithi or typed by hand)."""
    from chithi_gen.cli.renderer import cli_renderer
    from chithi_gen.importer import import_docx
    from chithi_gen.output import write_atomic
    from chithi_gen.source.files import exists

    source: Path = args.file
    output: Path = args.output
    try:
        if exists(output) and exists(source) and output.resolve() == source.resolve():
            echo(
                f"{output}: tệp kết quả trùng tệp .docx đầu vào (the output is the input file)",
                err=True,
            )
            return EXIT_USAGE
        renderer = cli_renderer(args.templates)
        result = import_docx(source, renderer)
        written = write_atomic(output, result.yaml().encode("utf-8"), force=args.force)
    except CheckInputError as exc:
        echo(f"{source}: {exc.message_vi} ({exc.message_en})", err=True)
        return EXIT_USAGE
    except ChithiError as exc:
        return report(exc)
    for note in result.notes[:SHOWN]:
        path = ".".join(str(step) for step in note.path) or "-"
        echo(f"Chưa đọc được / not read: `{path}`: {note.text()}", err=True)
    if len(result.notes) > SHOWN:
        more = len(result.notes) - SHOWN
        echo(f"… và {more} chỗ nữa, xem chú thích trong tệp (and {more} more)", err=True)
    if result.problems:
        warn(result.problems, str(written))
    echo(f"Đã tạo / written: {written}")
    return EXIT_OK


def add(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``chithi import``."""
    p = command(sub, "import", run)
    p.add_argument("file", type=Path, help="văn bản .docx (a .docx document)")
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp chiến dịch .yaml kết quả")
    force_option(p)
    templates_option(p)
