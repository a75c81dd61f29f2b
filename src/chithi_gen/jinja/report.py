"""What went wrong in a template, in words: the bilingual message, its code and line."""

from __future__ import annotations

import jinja2

from chithi_gen.jinja.budget import TemplateRefused
from chithi_gen.jinja.sandbox import TagRefused


def describe(exc: BaseException) -> tuple[str, str, str]:
    """(vi, en, code) of an error raised compiling or rendering a template."""
    if isinstance(exc, TemplateRefused | TagRefused):
        code = exc.code if isinstance(exc, TemplateRefused) else "template-tag-refused"
        return exc.vi, exc.en, code
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return (
            f"lỗi thẻ Jinja ({exc.message})",
            f"Jinja tag error ({exc.message})",
            "template-syntax",
        )
    if isinstance(exc, RecursionError):
        return (
            "mẫu lồng nhau hoặc gọi đệ quy quá sâu",
            "the template nests or recurses too deeply",
            "template-budget",
        )
    if isinstance(exc, MemoryError):
        return ("mẫu dùng quá nhiều bộ nhớ", "the template uses too much memory", "template-budget")
    if isinstance(exc, jinja2.UndefinedError):
        return (
            f"dùng biến không có trong dữ liệu: {exc.message}",
            f"uses a variable the data does not provide: {exc.message}",
            "template-variable",
        )
    name = type(exc).__name__
    return (
        f"lỗi khi điền dữ liệu: {name}: {exc}",
        f"failed to render: {name}: {exc}",
        "template-error",
    )


def error_line(exc: BaseException, filename: str | None = None) -> int | None:
    """The template line where ``exc`` was raised: Jinja points its traceback there."""
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    names = {"<template>", filename}
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in names:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line if isinstance(line, int) else None
