"""One upload checked: files -> sheets -> located tables -> validated rows, with every problem found.

Nothing here writes: ``check_files`` gives an ``IngestResult``; ``mpp_data.service`` decides whether to
store it as a snapshot.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

import pandas as pd

from mpp_data.errors import MppDataError
from mpp_data.ingest.corrections import CellKey, RowKey, correct_cells, drop_stale, leave_out_rows
from mpp_data.ingest.data_date import read_data_date
from mpp_data.ingest.kinds import KINDS, Kind, kind_named
from mpp_data.ingest.match_regions import RegionResolver
from mpp_data.ingest.options import IngestOptions
from mpp_data.ingest.problems import IssueKind, Problem, Severity, problems_frame
from mpp_data.ingest.read import RawSheet, iter_sheets
from mpp_data.ingest.tables import LocatedTable, apply_column_overrides, table_rows
from mpp_data.reference.regions import RegionMatcher

__all__ = ["IngestOptions", "IngestResult", "SheetSummary", "UploadedFile", "check_files", "sha256"]


@dataclass(frozen=True)
class UploadedFile:
    name: str
    content: bytes

    @classmethod
    def from_path(cls, path: str | Path) -> UploadedFile:
        path = Path(path)
        return cls(path.name, path.read_bytes())


@dataclass(frozen=True)
class SheetSummary:
    """What one sheet was recognised as: kind, header rows, and header -> field."""

    file: str
    sheet: str
    kind: str
    header_rows: tuple[int, ...]
    columns: dict[str, str]
    rows_read: int
    rows_skipped: int


@dataclass(frozen=True)
class IngestResult:
    """Everything one load read, and what it wrote (``snapshot_id`` is None when nothing was)."""

    #: kind name -> every row read of that kind, rejected included (``Kind.checked_columns``), one
    #: entry per registered kind (empty when the upload has none of it).
    tables: Mapping[str, pd.DataFrame]
    issues: pd.DataFrame  # one row per Problem (ISSUE_COLUMNS): kind and severity as their codes
    sheets: list[SheetSummary]
    counts: dict[str, int]
    snapshot_id: int | None = None
    carried_over: dict[str, int] = field(default_factory=dict)
    unreadable: bool = False
    #: The analyst's corrections that changed a cell: file, sheet, row, column, written, corrected.
    corrections: list[dict] = field(default_factory=list)
    #: Rows left out on purpose: file, sheet, row, reason, values ({header: text}).
    left_out: list[dict] = field(default_factory=list)
    #: The date the files' figures describe, as their title or notes say it (the latest when several
    #: do); None when none says it (the Upload page asks, ``ingest --data-date`` gives it).
    data_as_of: dt.date | None = None
    #: What the load does to the register in view (``analysis.register.LoadPlan``), when checked
    #: against a store; None without one.
    plan: Any = None  # analysis.register.LoadPlan (the ingest layer does not import the analysis)
    #: The snapshot this load equals (nothing was stored), when it does.
    equal_to: int | None = None

    def table(self, name: str) -> pd.DataFrame:
        """The checked frame of one kind (an empty one in its columns when the upload has none)."""
        found = self.tables.get(name)
        if found is None:
            return pd.DataFrame(columns=list(kind_named(name).checked_columns))
        return found

    @property
    def malls(self) -> pd.DataFrame:
        """Every mall row read, rejected included (``MALL_OUTPUT_COLUMNS``)."""
        return self.table("malls")

    @property
    def participation(self) -> pd.DataFrame:
        """One row per mall and agency (``PARTICIPATION_OUTPUT_COLUMNS``)."""
        return self.table("participation")

    @property
    def has_errors(self) -> bool:
        return bool((self.issues["severity"] == Severity.ERROR).any()) if not self.issues.empty else False

    @property
    def error_count(self) -> int:
        return int((self.issues["severity"] == Severity.ERROR).sum())

    @property
    def issue_kinds(self) -> list[str]:
        return sorted(set(self.issues["kind"]))

    @property
    def exit_code(self) -> int:
        return 2 if self.unreadable else (1 if self.has_errors else 0)


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def check_files(files: list[UploadedFile], aliases: dict[str, str], options: IngestOptions) -> IngestResult:
    """Read and validate every file; ``aliases`` are the analysts' saved region names; ``options``
    say against which day, within which limits, with which corrections (``IngestOptions``)."""
    today, progress = options.day(), options.progress
    resolver = RegionResolver(RegionMatcher(aliases))  # what this run resolves, remembered for its later sheets
    amend = _Amendments.of(options.corrections, options.left_out, files)
    frames: dict[str, list[pd.DataFrame]] = {kind.name: [] for kind in KINDS}
    issues: list[Problem] = []
    sheets: list[SheetSummary] = []
    skipped_total, unreadable = 0, False
    data_dates: list[dt.date] = []
    for step, upload in enumerate(files):
        if progress:
            progress(step, len(files), upload.name)
        check = _check_file(step, upload, resolver, today, options, amend)
        for name, found in check.frames.items():
            frames[name] += found
        issues += check.issues
        sheets += check.sheets
        skipped_total += check.skipped
        unreadable |= check.unreadable
        data_dates += check.data_dates

    if progress:
        progress(len(files), len(files), "")
    tables = {kind.name: _concat(frames[kind.name], list(kind.checked_columns)) for kind in KINDS}
    issue_frame = problems_frame([*issues, *amend.dropped_problems(files)])
    counts = _counts(tables, skipped_total)
    return IngestResult(
        tables,
        issue_frame,
        sheets,
        counts,
        unreadable=unreadable,
        corrections=amend.corrected,
        left_out=amend.omitted,
        data_as_of=max(data_dates, default=None),
    )


@dataclass
class _Amendments:
    """The analyst's corrections and rows left out per (file position, sheet), the record of those
    applied, and the corrections dropped (``dropped``: file position or None, sheet, row, column, ...)."""

    cells: dict[tuple[int, str], dict[tuple[int, str], tuple[str | None, str]]]
    rows: dict[tuple[int, str], dict[int, str]]
    corrected: list[dict] = field(default_factory=list)
    omitted: list[dict] = field(default_factory=list)
    dropped: list[dict] = field(default_factory=list)

    @classmethod
    def of(
        cls, corrections: Mapping[CellKey, object], left_out: Mapping[RowKey, str], files: list[UploadedFile]
    ) -> _Amendments:
        """Each key's file is found by content (sha256), or by a name only one of the files has: two
        files of one name never share a correction."""
        by_content = {sha256(f.content): i for i, f in enumerate(files)}
        names = [f.name for f in files]
        by_name = {n: i for i, n in enumerate(names) if names.count(n) == 1}
        found = cls({}, {})
        for (file, sheet, row, column), value in corrections.items():
            expected, text = value if isinstance(value, tuple) else (None, value)
            where = by_content.get(file, by_name.get(file))
            if where is None:
                found.dropped.append(
                    {
                        "file": None,
                        "sheet": sheet,
                        "row": int(row),
                        "column": column,
                        "written": expected,
                        "corrected": str(text),
                    }
                )
                continue
            found.cells.setdefault((where, sheet), {})[(int(row), column)] = (expected, str(text))
        for (file, sheet, row), reason in left_out.items():
            where = by_content.get(file, by_name.get(file))
            if where is not None:
                found.rows.setdefault((where, sheet), {})[int(row)] = str(reason)
        return found

    def dropped_problems(self, files: list[UploadedFile]) -> list[Problem]:
        """A warning for each correction not applied: its file is not in the upload, or its cell no
        longer holds the text it was made for."""
        problems = []
        for d in self.dropped:
            file = files[d["file"]].name if d["file"] is not None else ""
            params = {"corrected": d["corrected"], "written": d["written"] or ""}
            params |= {"variant": "file"} if d["file"] is None else {}
            problems.append(
                Problem(
                    file,
                    d["sheet"],
                    d["row"],
                    d["column"],
                    d.get("value", ""),
                    IssueKind.CORRECTION_DROPPED,
                    Severity.WARNING,
                    params,
                )
            )
        return problems


@dataclass
class _FileCheck:
    """What one file gave: frames of each kind, issues, sheet summaries and rows skipped."""

    frames: dict[str, list[pd.DataFrame]] = field(default_factory=dict)  # kind name -> checked frames
    issues: list[Problem] = field(default_factory=list)
    sheets: list[SheetSummary] = field(default_factory=list)
    skipped: int = 0
    unreadable: bool = False  # nothing in it could be used
    data_dates: list[dt.date] = field(default_factory=list)


def _check_file(
    position: int,
    upload: UploadedFile,
    resolver: RegionResolver,
    today: dt.date,
    options: IngestOptions,
    amend: _Amendments,
) -> _FileCheck:
    """Read and validate every sheet of one file (each sheet checked while the next is read)."""
    check = _FileCheck()
    corrected, omitted = len(amend.corrected), len(amend.omitted)
    try:
        for raw in iter_sheets(upload.name, upload.content, options.settings.max_upload_bytes):
            overrides = dict(options.column_overrides.get((upload.name, raw.name), {}))
            _check_sheet(check, (position, upload.name), raw, resolver, today, overrides, amend)
    except MppDataError as exc:  # nothing is taken from a file that could not be read to the end
        del amend.corrected[corrected:], amend.omitted[omitted:]
        return _FileCheck(issues=[_file_problem(upload.name, exc)], unreadable=True)
    if not check.sheets:
        check.unreadable = True
        check.issues = [
            replace(p, severity=Severity.ERROR) if p.kind is IssueKind.NO_TABLE_FOUND else p for p in check.issues
        ]
        if not check.issues:
            check.issues.append(_sheet_problem(upload.name, None, IssueKind.NO_TABLE_FOUND, Severity.ERROR))
    return check


def _check_sheet(
    check: _FileCheck,
    which: tuple[int, str],
    raw: RawSheet,
    resolver: RegionResolver,
    today: dt.date,
    overrides: dict[str, str],
    amend: _Amendments,
) -> None:
    position, file = which
    kind, table = _located(raw, overrides)
    if kind is None:
        if any(any(c not in ("", None) for c in r) for r in raw.rows):
            check.issues.append(_sheet_problem(file, raw.name, IssueKind.NO_TABLE_FOUND))
        return
    found_date = read_data_date(_title_and_note_cells(raw.rows, table.header_rows))
    if found_date is not None:
        check.data_dates.append(found_date)
    place = {"file": file, "sheet": raw.name}
    rows_out = amend.rows.get((position, raw.name), {})
    asked = {k: v for k, v in amend.cells.get((position, raw.name), {}).items() if k[0] not in rows_out}
    cells, stale = drop_stale(table, raw.rows, asked)
    amend.dropped += [{"file": position, "sheet": raw.name} | record for record in stale]
    rows, corrected = correct_cells(table, raw.rows, cells)
    data, omitted = leave_out_rows(table, table_rows(table, rows), rows_out)
    amend.corrected += [place | record for record in corrected]
    amend.omitted += [place | record for record in omitted]
    skipped = sum(data.skipped.values())
    check.skipped += skipped
    columns = {table.headers[j]: f for j, f in table.columns.items()} | {
        table.headers.get(j, h): kind.grid_field for j, h in table.agency_columns.items()
    }
    check.sheets.append(
        SheetSummary(file, raw.name, table.kind, table.header_rows, columns, len(data.frame) + skipped, skipped)
    )
    check.issues.extend(_skipped_problems(file, raw.name, data.skipped_rows))
    frame, found = kind.check(table, data, resolver, file, today)
    check.frames.setdefault(kind.name, []).append(frame)
    check.issues.extend(found)


def _located(raw: RawSheet, overrides: dict[str, str]) -> tuple[Kind | None, LocatedTable]:
    """The registered kind whose table the sheet holds, and that table (the analyst's column corrections
    applied): each kind's ``locate`` is asked once per sheet (kinds sharing one share its answer), and of
    the kinds that recognise their table the highest score wins, the first registered on a tie."""
    found: dict[int, LocatedTable] = {}
    best: tuple[Kind | None, LocatedTable | None] = (None, None)
    for kind in KINDS:
        if id(kind.locate) not in found:
            found[id(kind.locate)] = apply_column_overrides(kind.locate(raw.name, raw.rows), overrides)
        table = found[id(kind.locate)]
        if table.kind in kind.table_kinds and (best[1] is None or table.score > best[1].score):
            best = (kind, table)
    if best[1] is None:
        return None, next(iter(found.values()))
    return best


#: Notes under a table ("Keadaan per ...", "Data per ...") sit within its last rows.
_NOTE_ROWS = 30


def _title_and_note_cells(rows: list[list[object]], header_rows: tuple[int, ...]) -> list[object]:
    """The cells of the rows above the header (the title) and of the sheet's last rows (its notes)."""
    first_header = header_rows[0] if header_rows else 1
    above = rows[: max(first_header - 1, 0)]
    below = rows[max(first_header, len(rows) - _NOTE_ROWS) :]
    return [cell for row in [*above, *below] for cell in row if isinstance(cell, str)]


def _skipped_problems(file: str, sheet: str, skipped_rows: dict[str, list[int]]) -> list[Problem]:
    """One information line per reason rows of a sheet were skipped, naming the rows (the first ten)."""
    problems = []
    for reason, rows in skipped_rows.items():
        shown = ", ".join(str(r) for r in rows[:10]) + (", …" if len(rows) > 10 else "")
        params = {"variant": reason, "count": len(rows), "rows": shown}
        problems.append(Problem(file, sheet, None, None, "", IssueKind.ROWS_SKIPPED, Severity.INFO, params))
    return problems


def _file_problem(file: str, exc: MppDataError) -> Problem:
    """A file that could not be read to the end: its stopping error as a problem (its message the error's)."""
    kind = IssueKind.for_error_code(exc.code)
    params = {"error_code": exc.code, **exc.params}
    sheet = cast("str | None", exc.params.get("sheet"))  # a sheet name, when the error names one
    return Problem(file, sheet, None, None, file, kind, kind.severity, params)


def _sheet_problem(file: str, sheet: str | None, kind: IssueKind, severity: Severity | None = None) -> Problem:
    return Problem(file, sheet or file, None, None, "", kind, severity or kind.severity)


def _concat(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=columns)
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def _counts(tables: Mapping[str, pd.DataFrame], skipped: int) -> dict[str, int]:
    """Rows as the analyst sees them: read = loaded + rejected + skipped (exact repeats are skipped),
    summed over the registered kinds."""
    tallies = [kind.tally(tables[kind.name]) for kind in KINDS]
    loaded = sum(t.loaded for t in tallies)
    rejected = sum(t.rejected for t in tallies)
    rows_skipped = skipped + sum(t.repeated for t in tallies)
    return {
        "rows_read": loaded + rejected + rows_skipped,
        "rows_loaded": loaded,
        "rows_rejected": rejected,
        "rows_skipped": rows_skipped,
    }
