"""The ``chithi`` command line: options, exit codes, progress, bilingual messages.

Messages are in Vietnamese with English beside them; a user's mistake never prints a
traceback. Exit codes (also in ``docs/cli.md``) come from the exception's own
:attr:`~chithi_gen.errors.ChithiError.exit_code`, mapped in one place
(:mod:`chithi_gen.cli.messages`):

====  ==========================================================================
0     thành công / success
1     văn bản chưa đạt thể thức (``chithi check``) / the document fails a rule
2     tệp đầu vào sai (tệp chiến dịch, bảng, tệp .docx cần kiểm tra) hoặc câu lệnh sai /
      invalid input file or command-line usage
3     mẫu trình bày sai / the template folder, layout, kind or snippet is broken
4     không ghi được tệp kết quả / the output cannot be written
5     thiếu công cụ ngoài (LibreOffice, pdftoppm) / an external tool is missing
6     công cụ ngoài bị lỗi (LibreOffice) / an external tool failed
70    lỗi nội bộ của chithi_gen / internal error (please report it)
130   người dùng dừng (Ctrl-C) / interrupted
====  ==========================================================================
"""

from __future__ import annotations

import os
import sys
import traceback

from chithi_gen.cli.messages import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    echo,
)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``chithi`` command; returns the exit code."""
    from chithi_gen.cli.app import run

    try:
        return run(argv)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        code = exc.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        echo("Đã hủy / aborted", err=True)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `chithi templates list | head`: the reader has gone
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception:
        echo(
            "Lỗi nội bộ của chithi_gen, xin báo lại kèm thông tin dưới đây"
            " (internal error, please report it with the details below):",
            err=True,
        )
        traceback.print_exc()
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
