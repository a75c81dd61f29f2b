"""The results of a batch: one per row, in row order, and a bilingual summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from chithi_gen.batch.tables import Variation
from chithi_gen.errors import Problem


@dataclass(frozen=True)
class ItemResult:
    """The result of one row: the file written, or the problems that stopped it."""

    row: Variation
    ten_tep: str
    path: Path | None
    problems: tuple[Problem, ...] = ()
    table: str = ""
    yaml: bool = False
    #: The failure is about writing (file exists, no permission), not about the data.
    output_error: bool = False
    #: Advice about the row's document that did not stop it (severity "warning").
    warnings: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the document was written."""
        return self.path is not None and not self.problems

    @property
    def where(self) -> str:
        """``cac-xa.csv, dòng 5 (row 5)`` or ``bien-the.yaml, mục 3 (item 3), dòng 12``."""
        r = self.row.row
        head = f"{self.table}, " if self.table else ""
        if self.yaml:
            line = f", dòng {self.row.line} (line {self.row.line})" if self.row.line else ""
            return f"{head}mục {r} (item {r}){line}"
        return f"{head}dòng {r} (row {r})"

    def messages(self, problems: tuple[Problem, ...] | None = None) -> list[str]:
        """One line per problem (default: the errors; pass :attr:`warnings` for those):
        where, which field, the value, both languages."""
        out = []
        for p in self.problems if problems is None else problems:
            fld = ""
            if p.loc:
                fld = f"trường `{p.field_path}`"
                hit = self.row.value_of(p.loc)
                if hit is not None:
                    col, val = hit
                    shown = repr(val) if not isinstance(val, str) else f"'{_visible(val)}'"
                    if len(shown) > 80:
                        shown = shown[:77] + "…"
                    colname = f", cột `{col}`" if col != p.field_path else ""
                    fld += f"{colname} (giá trị / value {shown})"
                fld += ": "
            out.append(f"{self.where} → {self.ten_tep}: {fld}{p.message_vi} ({p.message_en})")
        return out


def _visible(text: str) -> str:
    """``text`` with invisible and control characters shown as ``\\u0007``."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


@dataclass
class BatchReport:
    """Every row's result, in row order, and the time taken."""

    campaign: str
    table: str
    outdir: Path
    results: list[ItemResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def written(self) -> list[ItemResult]:
        """Rows whose document was written."""
        return [r for r in self.results if r.ok]

    @property
    def failed(self) -> list[ItemResult]:
        """Rows with an error."""
        return [r for r in self.results if not r.ok]

    @property
    def only_output_errors(self) -> bool:
        """Whether every failure is about writing (file exists, no permission)."""
        return all(r.output_error for r in self.failed)

    def summary(self) -> str:
        """Bilingual summary line."""
        n, ok = len(self.results), len(self.written)
        bad = n - ok
        rate = f"{n / self.seconds:.1f}" if self.seconds > 0 else "-"
        line = (
            f"Đã tạo {ok}/{n} văn bản trong {self.outdir} ({self.seconds:.1f} giây);"
            f" {bad} lỗi / {ok} of {n} documents written to {self.outdir}"
            f" in {self.seconds:.1f} s ({rate}/s); {bad} error(s)"
        )
        return line

    def error_lines(self) -> list[str]:
        """Every problem of every failed row, one per line."""
        return [m for r in self.failed for m in r.messages()]

    def warning_lines(self) -> list[str]:
        """Every warning of every written row, one per line."""
        return [m for r in self.results for m in r.messages(r.warnings)]
