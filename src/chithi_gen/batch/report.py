"""The results of a batch: one per row, in row order, and a bilingual summary.

A :class:`BatchReport` holds one byte per row while the batch runs, plus the rows that
failed or warned: a 100,000-row batch keeps no file names, paths or results of rows
that went well (they are rebuilt on demand). Failures are summed up by kind — one line
for 19,488 rows that a killed worker never rendered, not 19,488 lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from chithi_gen.batch.tables import Variation
from chithi_gen.errors import Problem

#: Up to this many failures, every one is listed line by line; beyond, one line per kind.
DETAIL_LIMIT = 20
#: Rows named in a kind's line.
ROWS_SHOWN = 10

_PENDING, _WRITTEN, _FAILED = 0, 1, 2


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


def kind_of(p: Problem) -> tuple[str, str, str]:
    """What makes two rows' problems the same kind: the code (else the message) and the
    field."""
    return (p.code or p.message_en, p.field_path, p.severity)


class BatchReport:
    """Every row's result, in row order, and the time taken.

    ``rows`` are the table's rows; ``name_of`` gives a row's output file name (by its
    index in ``rows``). :meth:`record` is called once per row as results arrive.
    """

    def __init__(
        self,
        campaign: str,
        table: str,
        outdir: Path,
        rows: Sequence[Variation] = (),
        name_of: Callable[[int], str] | None = None,
        yaml: bool = False,
    ) -> None:
        self.campaign, self.table, self.outdir = campaign, table, outdir
        self.seconds = 0.0
        self._rows = rows
        self._name_of = name_of or (lambda i: "")
        self._yaml = yaml
        self._state = bytearray(len(rows))
        self._failed: dict[int, ItemResult] = {}
        self._warned: dict[int, tuple[Problem, ...]] = {}
        self._written = 0

    def record(self, index: int, result: ItemResult) -> None:
        """Keep the result of row ``index`` (a written row costs one byte)."""
        if self._state[index] == _WRITTEN:
            self._written -= 1
        self._failed.pop(index, None)
        self._warned.pop(index, None)
        if result.ok:
            self._state[index] = _WRITTEN
            self._written += 1
            if result.warnings:
                self._warned[index] = result.warnings
        else:
            self._state[index] = _FAILED
            self._failed[index] = result

    def _result(self, index: int) -> ItemResult | None:
        state = self._state[index]
        if state == _FAILED:
            return self._failed[index]
        if state == _WRITTEN:
            name = self._name_of(index)
            return ItemResult(
                self._rows[index], name, self.outdir / name, (), self.table, self._yaml,
                False, self._warned.get(index, ()),
            )  # fmt: skip
        return None

    @property
    def results(self) -> list[ItemResult]:
        """One result per row that has one, in row order."""
        return [r for i in range(len(self._rows)) if (r := self._result(i)) is not None]

    @property
    def written(self) -> list[ItemResult]:
        """Rows whose document was written."""
        return [r for r in self.results if r.ok]

    @property
    def failed(self) -> list[ItemResult]:
        """Rows with an error, in row order."""
        return [self._failed[i] for i in sorted(self._failed)]

    @property
    def written_count(self) -> int:
        """How many documents were written."""
        return self._written

    @property
    def failed_count(self) -> int:
        """How many rows failed."""
        return len(self._failed)

    @property
    def only_output_errors(self) -> bool:
        """Whether every failure is about writing (file exists, no permission)."""
        return all(r.output_error for r in self._failed.values())

    def summary(self) -> str:
        """Bilingual summary line."""
        done = self._written + len(self._failed)
        ok, bad = self._written, len(self._failed)
        rate = f"{done / self.seconds:.1f}" if self.seconds > 0 else "-"
        return (
            f"Đã tạo {ok}/{done} văn bản trong {self.outdir} ({self.seconds:.1f} giây);"
            f" {bad} lỗi / {ok} of {done} documents written to {self.outdir}"
            f" in {self.seconds:.1f} s ({rate}/s); {bad} error(s)"
        )

    def _with_warnings(self) -> list[ItemResult]:
        return [r for i in sorted(self._warned) if (r := self._result(i)) is not None]

    def error_lines(self, hint: Callable[[Problem], Problem] | None = None) -> list[str]:
        """Every problem of every failed row, one per line (``hint`` may reword each)."""
        return [m for r in self.failed for m in r.messages(_hinted(r.problems, hint))]

    def warning_lines(self, hint: Callable[[Problem], Problem] | None = None) -> list[str]:
        """Every warning of every written row, one per line."""
        return [m for r in self._with_warnings() for m in r.messages(_hinted(r.warnings, hint))]

    def kind_lines(
        self, warnings: bool = False, hint: Callable[[Problem], Problem] | None = None
    ) -> list[str]:
        """One line per kind of failure (or of warning): how many rows, which (the first
        few), and the first row's message in full."""
        groups: dict[tuple[str, str, str], list[tuple[ItemResult, Problem]]] = {}
        if warnings:
            pairs = [(r, p) for r in self._with_warnings() for p in r.warnings]
        else:
            pairs = [(r, p) for r in self.failed for p in r.problems]
        for r, p in pairs:
            groups.setdefault(kind_of(p), []).append((r, p))
        out = []
        for items in groups.values():
            first, problem = items[0]
            [example] = first.messages(_hinted((problem,), hint))
            if len(items) == 1:
                out.append(example)
                continue
            rows = [str(r.row.row) for r, _ in items[:ROWS_SHOWN]]
            more = f" … (+{len(items) - ROWS_SHOWN})" if len(items) > ROWS_SHOWN else ""
            out.append(f"{len(items)} dòng / rows ({', '.join(rows)}{more}) — như / like {example}")
        return out

    def report_lines(
        self, warnings: bool = False, hint: Callable[[Problem], Problem] | None = None
    ) -> list[str]:
        """What a person reads: every line when there are few (:data:`DETAIL_LIMIT`),
        else one line per kind (:meth:`kind_lines`)."""
        lines = self.warning_lines(hint) if warnings else self.error_lines(hint)
        return lines if len(lines) <= DETAIL_LIMIT else self.kind_lines(warnings, hint)


def _hinted(
    problems: tuple[Problem, ...], hint: Callable[[Problem], Problem] | None
) -> tuple[Problem, ...]:
    return problems if hint is None else tuple(hint(p) for p in problems)
