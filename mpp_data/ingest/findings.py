"""What every check of a located table shares: findings, the sheet's problem log, column access (pure).

A check looks at each distinct value once (exports repeat the same names, dates and marks thousands
of times) and records a ``Finding``; the ``ProblemLog`` spreads it to every row holding that value as
one ``Problem`` per row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from mpp_data.ingest.cells import DistinctCells, cell_text, is_blank_cell, map_distinct
from mpp_data.ingest.problems import IssueKind, Problem, Severity
from mpp_data.ingest.tables import LocatedTable, TableRows
from mpp_data.ingest.values import BadValue, parse_count

BAD = object()  # marks a cell that could not be read
#: The most characters a text cell of an agreement or visits sheet may hold: the longest mall, agency,
#: PKS number or stage wording seen is under 150; a pasted page (100 kB) must not reach reports or the store.
MAX_CELL_TEXT = 500
#: How much of a too-long cell its problem repeats.
_SHOWN = 60


@dataclass(frozen=True)
class Finding:
    """One problem found in one distinct value; spread to every row that holds that value.
    ``severity`` is the kind's unless given."""

    column: str | None
    value: object
    kind: IssueKind
    params: Mapping[str, object] = field(default_factory=dict)
    candidates: tuple[str, ...] = ()
    severity: Severity | None = None


class ProblemLog:
    """Problems of one sheet, in check order; knows which rows hold an error."""

    def __init__(self, file: str, sheet: str) -> None:
        self.file, self.sheet = file, sheet
        self.problems: list[Problem] = []
        self.error_rows: set[int] = set()

    def add(self, rows: object, finding: Finding) -> None:
        severity = finding.severity or finding.kind.severity
        value = cell_text(finding.value)
        for row in np.atleast_1d(np.asarray(rows, dtype=object)):
            row = None if row is None else int(row)
            if severity == Severity.ERROR and row is not None:
                self.error_rows.add(row)
            self.problems.append(
                Problem(
                    self.file,
                    self.sheet,
                    row,
                    finding.column,
                    value,
                    finding.kind,
                    severity,
                    dict(finding.params),
                    tuple(finding.candidates),
                )
            )

    def sorted_problems(self) -> list[Problem]:
        """By row, keeping the order of checks within a row."""
        return sorted(self.problems, key=lambda p: p.row if p.row is not None else -1)

    def rejected(self, rows: pd.Series) -> pd.Series:
        return rows.isin(self.error_rows)


def stripped(value: object) -> str:
    """A cell as trimmed text; "" for an empty cell."""
    return "" if is_blank_cell(value) else cell_text(value).strip()


def column_of(data: TableRows, table: LocatedTable, field_name: str) -> tuple[pd.Series, str | None]:
    """The raw values of a field's column (all None when the table has no such column) and its header."""
    for j, name in table.columns.items():
        if name == field_name:
            return data.frame[j], table.headers.get(j)
    return pd.Series([None] * len(data.frame), index=data.frame.index, dtype=object), None


def parse_distinct(
    values: pd.Series,
    parse: Callable[[object], object],
    log: ProblemLog,
    rows: pd.Series,
    check: Callable[[object, object], Finding | None] | None = None,
) -> pd.Series:
    """``parse`` once per distinct value (``BAD`` where it fails); ``check`` of each distinct value and
    its answer logged on the rows holding it."""

    def parse_or_bad(value: object) -> object:
        try:
            return parse(value)
        except BadValue:
            return BAD

    parsed = map_distinct(values, parse_or_bad)
    if check:
        for value in pd.unique(values):
            finding = check(value, parse_or_bad(value))
            if finding:
                log.add(rows[values == value], finding)
    return parsed


def text_as_str(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Text columns in pandas' ``str`` dtype (missing values as NaN), like every other frame here."""
    return frame.astype({c: "str" for c in columns})


def counts_of(data: TableRows, table: LocatedTable, name: str, log: ProblemLog, rows: pd.Series) -> pd.Series:
    """A count column (agencies, services) as Int64; unreadable and negative counts logged and left empty."""
    raw, column = column_of(data, table, name)

    def check(value: object, answer: Any) -> Finding | None:  # answer: BAD, None or a number
        if answer is BAD:
            return Finding(column, value, IssueKind.BAD_NUMBER)
        if answer is not None and answer < 0:
            return Finding(column, value, IssueKind.NEGATIVE_NUMBER)
        return None

    parsed = parse_distinct(raw, parse_count, log, rows, check)
    parsed = parsed.map(lambda v: v if isinstance(v, int) and v >= 0 else None)
    return parsed.astype("Int64")


def without_long_text(data: TableRows, table: LocatedTable, log: ProblemLog, limit: int = MAX_CELL_TEXT) -> TableRows:
    """``data`` with every text cell longer than ``limit`` emptied, each reported (an error on its row,
    the cell's start as its value): nothing after this reads, matches or stores the long text."""
    uniques = data.distinct.uniques
    long = np.fromiter((isinstance(v, str) and len(v) > limit for v in uniques), dtype=bool, count=len(uniques))
    if not long.any():
        return data
    codes = data.distinct.codes.copy()
    hit = (codes >= 0) & long[np.maximum(codes, 0)]
    frame = data.frame.copy()
    rows = frame["row"].to_numpy()
    for position, k in zip(*np.nonzero(hit), strict=True):
        j = frame.columns[k + 1]  # the codes' columns are the frame's after ``row``
        text = str(uniques[codes[position, k]])
        finding = Finding(
            table.headers.get(j), text[:_SHOWN], IssueKind.TEXT_TOO_LONG, {"length": len(text), "limit": limit}
        )
        log.add(rows[position], finding)
        frame.iloc[position, k + 1] = None
    codes[hit] = -1
    return replace(data, frame=frame, distinct=DistinctCells(codes, uniques))
