"""Located tables to clean rows plus a table of issues: every problem at once, as data (pure).

One issue: file, sheet, row (as Excel shows it), column (header as written), value, kind, severity
(``error`` or ``warning``), params for the message, candidates (region codes or names).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from mpp_data.agencies import agency_category, match_agency
from mpp_data.regions import FORMER_PARENT_PROVINCE, RegionMatch, RegionMatcher, region_from_mall_name
from mpp_data.tables import LocatedTable, TableRows
from mpp_data.values import OPERATING, PLANNED, BadValue, normalise_status, parse_count, parse_date, parse_presence

MALL_OUTPUT_COLUMNS = [
    "file", "sheet", "row", "region_code", "province_code", "region_name", "region_written", "mall_name",
    "status", "inaugurated_on", "agencies", "services", "rejected", "duplicate",
]  # fmt: skip
PARTICIPATION_OUTPUT_COLUMNS = [
    "file", "sheet", "row", "region_code", "mall_name", "agency", "agency_key", "category", "present",
    "services", "rejected",
]  # fmt: skip
ISSUE_COLUMNS = ["file", "sheet", "row", "column", "value", "kind", "severity", "params", "candidates"]

ERROR, WARNING = "error", "warning"


@dataclass
class IssueLog:
    """Collects issues for one sheet."""

    file: str
    sheet: str
    items: list[dict] = field(default_factory=list)
    _error_rows: set[int] = field(default_factory=set)

    def add(self, row: int | None, column: str | None, value: object, kind: str, severity: str,
            candidates: tuple[str, ...] = (), **params: object) -> None:  # fmt: skip
        if severity == ERROR and row is not None:
            self._error_rows.add(row)
        self.items.append(
            {
                "file": self.file,
                "sheet": self.sheet,
                "row": row,
                "column": column,
                "value": "" if value is None else str(value),
                "kind": kind,
                "severity": severity,
                "params": params,
                "candidates": list(candidates),
            }
        )

    def errors_in_row(self, row: int) -> bool:
        return row in self._error_rows


def _cell(cells: list[object], table: LocatedTable, field_name: str) -> tuple[object, str | None]:
    for j, name in table.columns.items():
        if name == field_name:
            return (cells[j] if j < len(cells) else ""), table.headers.get(j)
    return None, None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class ResolvedRegion:
    match: RegionMatch
    column: str | None
    written: str


def resolve_region(
    cells: list[object], table: LocatedTable, matcher: RegionMatcher, log: IssueLog, row: int
) -> str | None:
    """The row's region code (kabupaten/kota, or province for a province-run mall), logging why not."""
    province_value, province_column = _cell(cells, table, "province_name")
    province = matcher.match_province(province_value) if not _blank(province_value) else None
    if not _blank(province_value) and province is None:
        log.add(row, province_column, province_value, "unknown_province", WARNING)

    code_value, code_column = _cell(cells, table, "region_code")
    if not _blank(code_value):
        code = matcher.match_code(code_value)
        if code:
            return _check_province(code, province, province_value, province_column, matcher, log, row)
        log.add(row, code_column, code_value, "unknown_region", ERROR)
        return None

    name_value, name_column = _cell(cells, table, "region_name")
    mall_value, mall_column = _cell(cells, table, "mall_name")
    from_mall = region_from_mall_name(mall_value)
    attempts = [(v, c) for v, c in ((name_value, name_column), (from_mall, mall_column)) if not _blank(v)]
    if not attempts:
        log.add(row, name_column or mall_column, "", "missing_region", ERROR)
        return None

    first: RegionMatch | None = None
    for value, _column in attempts:
        match = matcher.match_name(value, province)
        if match.method in ("unknown", "ambiguous") and province is not None:
            national = matcher.match_name(value, None)
            if national.matched and national.method in ("name", "alias", "confirmed_alias", "code"):
                match = national  # the province column disagrees: reported by _check_province
        if first is None:
            first = match
        if match.matched and (first is match or match.method != "fuzzy"):
            if first is not match and first.method == "ambiguous" and match.code not in first.candidates:
                continue
            return _check_province(match.code, province, province_value, province_column, matcher, log, row)
    assert first is not None
    value, column = attempts[0]
    kind = "ambiguous_region" if first.method == "ambiguous" else "unknown_region"
    suggestions = tuple(matcher.region_label(c) for c in first.candidates)
    log.add(row, column, value, kind, ERROR, candidates=first.candidates, suggestions=", ".join(suggestions))
    return None


def _check_province(
    code: str, province: str | None, written: object, column: str | None, matcher: RegionMatcher,
    log: IssueLog, row: int,
) -> str | None:  # fmt: skip
    if province is None or code[:2] == province:
        return code
    if FORMER_PARENT_PROVINCE.get(code[:2]) == province:
        log.add(row, column, written, "former_province", WARNING, region=matcher.region_label(code))
        return code
    log.add(row, column, written, "province_mismatch", ERROR, candidates=(code,), region=matcher.region_label(code))
    return None


def _count(cells, table, field_name, log, row) -> int | None:  # noqa: ANN001
    value, column = _cell(cells, table, field_name)
    try:
        count = parse_count(value)
    except BadValue:
        log.add(row, column, value, "bad_number", ERROR)
        return None
    if count is not None and count < 0:
        log.add(row, column, value, "negative_number", ERROR)
        return None
    return count


def validate_malls(
    table: LocatedTable, data: TableRows, matcher: RegionMatcher, file: str, today: dt.date
) -> tuple[pd.DataFrame, list[dict]]:
    """One output row per data row, rejected ones flagged, and the issues found."""
    log = IssueLog(file, table.sheet)
    records = []
    for row, cells in data.rows:
        code = resolve_region(cells, table, matcher, log, row)
        mall_value, _ = _cell(cells, table, "mall_name")
        status_value, status_column = _cell(cells, table, "status")
        date_value, date_column = _cell(cells, table, "inaugurated_on")
        try:
            inaugurated_on = parse_date(date_value)
        except BadValue:
            log.add(row, date_column, date_value, "bad_date", ERROR)
            inaugurated_on = None
        if inaugurated_on and inaugurated_on > today + dt.timedelta(days=366):
            log.add(row, date_column, date_value, "future_date", ERROR)
        try:
            status = normalise_status(status_value)
            if status is None:
                # No status: a past inauguration date means operating, anything else is a plan.
                status = OPERATING if inaugurated_on and inaugurated_on <= today else PLANNED
        except BadValue:
            log.add(row, status_column, status_value, "bad_status", ERROR)
            status = None
        region_name = matcher.region_label(code) if code else None
        name = str(mall_value).strip() if not _blank(mall_value) else (f"MPP {region_name}" if region_name else "")
        records.append(
            {
                "file": file,
                "sheet": table.sheet,
                "row": row,
                "region_code": code,
                "province_code": code[:2] if code else None,
                "region_name": region_name,
                "region_written": _written_region(cells, table),
                "mall_name": name,
                "status": status,
                "inaugurated_on": inaugurated_on,
                "agencies": _count(cells, table, "agencies", log, row),
                "services": _count(cells, table, "services", log, row),
            }
        )
    malls = pd.DataFrame(records, columns=MALL_OUTPUT_COLUMNS[:-2])
    malls[["agencies", "services"]] = malls[["agencies", "services"]].astype("Int64")
    malls["rejected"] = [log.errors_in_row(r) for r in malls["row"]]
    malls["duplicate"] = False
    _flag_duplicates(malls, log)
    return malls, log.items


def _written_region(cells: list[object], table: LocatedTable) -> str:
    for field_name in ("region_name", "region_code", "mall_name"):
        value, _ = _cell(cells, table, field_name)
        if not _blank(value):
            return str(value).strip()
    return ""


def _mall_key(frame: pd.DataFrame) -> pd.Series:
    return frame["region_code"].fillna("") + "|" + frame["mall_name"].str.lower().str.split().str.join(" ")


_COMPARED = ["status", "inaugurated_on", "agencies", "services"]


def _flag_duplicates(malls: pd.DataFrame, log: IssueLog) -> None:
    """An exact repeat loads once (warning); the same mall with other values is an error on both rows."""
    if malls.empty:
        return
    candidates = malls[~malls["rejected"] & malls["region_code"].notna()]
    keys = _mall_key(candidates)
    for _, group in candidates.groupby(keys, sort=False):
        if len(group) < 2:
            continue
        first = group.iloc[0]
        values = group[_COMPARED].astype(object).where(group[_COMPARED].notna(), None)
        identical = all(values.iloc[i].tolist() == values.iloc[0].tolist() for i in range(len(values)))
        for index, mall in group.iloc[1:].iterrows():
            if identical:
                log.add(mall["row"], None, mall["mall_name"], "duplicate_mall", WARNING, first_row=first["row"])
                malls.loc[index, "duplicate"] = True
            else:
                log.add(
                    mall["row"], None, mall["mall_name"], "duplicate_mall", ERROR, conflict=True, first_row=first["row"]
                )
                malls.loc[[index, group.index[0]], "rejected"] = True


def validate_participation(
    table: LocatedTable, data: TableRows, matcher: RegionMatcher, file: str
) -> tuple[pd.DataFrame, list[dict]]:
    """Long or wide participation to one row per mall and agency."""
    log = IssueLog(file, table.sheet)
    records = []
    for row, cells in data.rows:
        code = resolve_region(cells, table, matcher, log, row)
        mall_value, _ = _cell(cells, table, "mall_name")
        mall_name = str(mall_value).strip() if not _blank(mall_value) else None
        if table.kind == "participation_wide":
            entries = []
            for j, header in table.agency_columns.items():
                value = cells[j] if j < len(cells) else ""
                try:
                    present, services = parse_presence(value)
                except BadValue:
                    log.add(row, header, value, "bad_mark", ERROR)
                    continue
                entries.append((header, present, services))
        else:
            agency_value, agency_column = _cell(cells, table, "agency")
            if _blank(agency_value):
                log.add(row, agency_column, "", "missing_agency", ERROR)
                continue
            present_value, present_column = _cell(cells, table, "present")
            present = True
            if present_column is not None:
                try:
                    present, _ = parse_presence(present_value)
                except BadValue:
                    log.add(row, present_column, present_value, "bad_mark", ERROR)
            services = _count(cells, table, "services", log, row)
            entries = [(str(agency_value).strip(), present, services)]
        for written, present, services in entries:
            key = match_agency(written)
            category = agency_category(written)
            if key is None and category == "lainnya" and table.kind == "participation_long":
                log.add(row, None, written, "unknown_agency", WARNING)
            records.append(
                {
                    "file": file,
                    "sheet": table.sheet,
                    "row": row,
                    "region_code": code,
                    "mall_name": mall_name,
                    "agency": key or written,
                    "agency_key": key,
                    "category": category,
                    "present": present,
                    "services": services,
                }
            )
    frame = pd.DataFrame(records, columns=[c for c in PARTICIPATION_OUTPUT_COLUMNS if c != "rejected"])
    frame["services"] = frame["services"].astype("Int64")
    frame["rejected"] = [log.errors_in_row(r) for r in frame["row"]]
    return frame, log.items
