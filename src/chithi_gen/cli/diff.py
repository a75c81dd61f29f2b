"""``chithi diff``: what changed between two campaign files, as tracked changes in Word."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from chithi_gen.cli.messages import EXIT_OK, EXIT_USAGE, echo, report
from chithi_gen.cli.options import command, force_option, templates_option
from chithi_gen.errors import ChithiError

#: Changes listed on the terminal before "… and N more".
SHOWN = 30


def _parent_of(child: Path) -> Path | None:
    """The file a campaign file extends (its ``ke_thua``), or None."""
    from chithi_gen.source import KEY, parse_yaml, read_text

    data, _ = parse_yaml(read_text(child, str(child)), str(child))
    value = data.get(KEY) if isinstance(data, dict) else None
    return (child.parent / value).resolve() if isinstance(value, str) and value.strip() else None


def run(args: argparse.Namespace) -> int:
    """So sánh hai tệp chiến dịch, ghi văn bản mới với các thay đổi được theo dõi
    (compare two campaign files; write the new document with tracked changes)."""
    from chithi_gen.cli.renderer import cli_renderer
    from chithi_gen.output import write_atomic
    from chithi_gen.revisions import compare_docx

    try:
        new_file: Path = args.new or args.old
        old_file: Path | None = args.old if args.new else _parent_of(args.old)
        if old_file is None:
            echo(
                f"{args.old}: cần hai tệp, hoặc một tệp có 'ke_thua' (two files, or one file"
                " with 'ke_thua', are needed)",
                err=True,
            )
            return EXIT_USAGE
        renderer = cli_renderer(args.templates)
        old = renderer.render(renderer.read(old_file)).docx
        new = renderer.render(renderer.read(new_file)).docx
        when = datetime.fromisoformat(args.date) if args.date else datetime.now().astimezone()
        comparison = compare_docx(old, new, author=args.author, date=when)
        written = write_atomic(args.output, comparison.docx, force=args.force)
    except ChithiError as exc:
        return report(exc)
    except ValueError as exc:  # --date not ISO 8601
        echo(f"--date: {exc}", err=True)
        return EXIT_USAGE
    for line in comparison.summary.lines(limit=SHOWN):
        echo(line)
    echo(f"Đã tạo / written: {written}")
    return EXIT_OK


def add(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``chithi diff``."""
    p = command(sub, "diff", run)
    p.add_argument("old", type=Path, help="tệp cũ (năm trước), hoặc tệp có 'ke_thua' một mình")
    p.add_argument("new", type=Path, nargs="?", help="tệp mới (the new campaign file)")
    p.add_argument(
        "-o", "--output", type=Path, required=True, help="tệp .docx có theo dõi thay đổi"
    )
    force_option(p)
    p.add_argument(
        "--author", default="chithi_gen", help="tên người sửa trong Word (the revisions' author)"
    )
    p.add_argument("--date", help="ngày giờ sửa, ISO 8601 (default: now), ví dụ 2026-12-01T09:00")
    templates_option(p)
