"""Located tables to clean rows plus a table of issues: every problem at once, as data (pure).

One issue: file, sheet, row (as Excel shows it), column (header as written), value, kind, severity
(``error`` or ``warning``), params for the message, candidates (region codes).

Exports repeat the same names, dates and marks thousands of times, so each check runs once per
distinct value (or distinct combination of region cells) and its answer is spread over the rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from mpp_data.ingest.tables import LocatedTable, TableRows, is_blank_cell, map_distinct
from mpp_data.ingest.values import (
    OPERATING,
    PLANNED,
    BadValue,
    normalise_status,
    parse_count,
    parse_date,
    parse_presence,
)
from mpp_data.reference.agencies import agency_category, match_agency
from mpp_data.reference.names import region_from_mall_name
from mpp_data.reference.regions import FORMER_PARENT_PROVINCE, RegionMatch, RegionMatcher

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
_BAD = object()  # marks a cell that could not be read


@dataclass(frozen=True)
class Finding:
    """One problem found in one distinct value; spread to every row that holds that value."""

    column: str | None
    value: object
    kind: str
    severity: str
    params: dict
    candidates: tuple[str, ...] = ()


class IssueLog:
    """Issues of one sheet, in check order; knows which rows hold an error."""

    def __init__(self, file: str, sheet: str) -> None:
        self.file, self.sheet = file, sheet
        self.items: list[dict] = []
        self.error_rows: set[int] = set()

    def add(self, rows: object, finding: Finding) -> None:
        for row in np.atleast_1d(np.asarray(rows, dtype=object)):
            row = None if row is None else int(row)
            if finding.severity == ERROR and row is not None:
                self.error_rows.add(row)
            self.items.append(
                {
                    "file": self.file,
                    "sheet": self.sheet,
                    "row": row,
                    "column": finding.column,
                    "value": "" if finding.value is None else str(finding.value),
                    "kind": finding.kind,
                    "severity": finding.severity,
                    "params": dict(finding.params),
                    "candidates": list(finding.candidates),
                }
            )

    def sorted_items(self) -> list[dict]:
        """By row, keeping the order of checks within a row."""
        return sorted(self.items, key=lambda i: i["row"] if i["row"] is not None else -1)

    def rejected(self, rows: pd.Series) -> pd.Series:
        return rows.isin(self.error_rows)


def _stripped(value: object) -> str:
    """A cell as trimmed text; "" for an empty cell."""
    return "" if is_blank_cell(value) else str(value).strip()


def _column(data: TableRows, table: LocatedTable, field_name: str) -> tuple[pd.Series, str | None]:
    """The raw values of a field's column (all None when the table has no such column) and its header."""
    for j, name in table.columns.items():
        if name == field_name:
            return data.frame[j], table.headers.get(j)
    return pd.Series([None] * len(data.frame), index=data.frame.index, dtype=object), None


def _parse_distinct(
    values: pd.Series, parse: Callable[[object], object], log: IssueLog, rows: pd.Series, column: str | None,
    check: Callable[[object, object], Finding | None] | None = None,
) -> pd.Series:  # fmt: skip
    """``parse`` once per distinct value; unreadable values logged as ``bad_*`` on their rows."""

    def parse_or_bad(value: object) -> object:
        try:
            return parse(value)
        except BadValue:
            return _BAD

    parsed = map_distinct(values, parse_or_bad)
    if check:
        for value in pd.unique(values):
            finding = check(value, parse_or_bad(value))
            if finding:
                log.add(rows[values == value], finding)
    return parsed


# -- regions ----------------------------------------------------------------------


def _written_province(value: object, matcher: RegionMatcher) -> str | None:
    """The province code a row's province cell names, or None (blank or not a province)."""
    return None if is_blank_cell(value) else matcher.match_province(value)


def _resolve_one(
    code_value: object, name_value: object, mall_value: object, province_value: object, headers: dict,
    matcher: RegionMatcher,
) -> tuple[str | None, list[Finding]]:  # fmt: skip
    """The region code for one distinct combination of region cells, and what was wrong with them."""
    findings: list[Finding] = []
    province = _written_province(province_value, matcher)
    if not is_blank_cell(province_value) and province is None:
        findings.append(Finding(headers["province_name"], province_value, "unknown_province", WARNING, {}))

    if not is_blank_cell(code_value):
        code = matcher.match_code(code_value)
        if code:
            return _check_province(code, province, province_value, headers, matcher, findings)
        findings.append(Finding(headers["region_code"], code_value, "unknown_region", ERROR, {}))
        return None, findings

    from_mall = region_from_mall_name(mall_value)
    attempts = [(v, c) for v, c in ((name_value, headers["region_name"]), (from_mall, headers["mall_name"]))
                if not is_blank_cell(v)]  # fmt: skip
    if not attempts:
        findings.append(Finding(headers["region_name"] or headers["mall_name"], "", "missing_region", ERROR, {}))
        return None, findings

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
            return _check_province(match.code, province, province_value, headers, matcher, findings)
    value, column = attempts[0]
    kind = "ambiguous_region" if first.method == "ambiguous" else "unknown_region"
    suggestions = ", ".join(matcher.region_label(c) for c in first.candidates)
    findings.append(Finding(column, value, kind, ERROR, {"suggestions": suggestions}, first.candidates))
    return None, findings


def _check_province(
    code: str, province: str | None, written: object, headers: dict, matcher: RegionMatcher, findings: list[Finding]
) -> tuple[str | None, list[Finding]]:
    column = headers["province_name"]
    if province is None or code[:2] == province:
        return code, findings
    if FORMER_PARENT_PROVINCE.get(code[:2]) == province:
        findings.append(Finding(column, written, "former_province", WARNING, {"region": matcher.region_label(code)}))
        return code, findings
    params = {"region": matcher.region_label(code)}
    findings.append(Finding(column, written, "province_mismatch", ERROR, params, (code,)))
    return None, findings


def _text_or_empty(value: object) -> str:
    return "" if is_blank_cell(value) else str(value)


def _mall_name_may_decide(
    code_value: object, name_value: object, province_value: object, matcher: RegionMatcher
) -> bool:
    """Whether a row's mall name can change its region: only when its code and name do not settle it."""
    if not is_blank_cell(code_value):
        return False
    if is_blank_cell(name_value):
        return True
    return not matcher.match_name(name_value, _written_province(province_value, matcher)).matched


def group_numbers(*columns: np.ndarray | pd.Series) -> np.ndarray:
    """A group number per row (0, 1, ... in order of first appearance), equal for rows whose values in
    ``columns`` are all equal."""
    combined = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        codes, uniques = pd.factorize(column, use_na_sentinel=False)
        combined = pd.factorize(combined * (len(uniques) + 1) + codes + 1)[0]  # stays below the row count
    return combined


def resolve_regions(data: TableRows, table: LocatedTable, matcher: RegionMatcher, log: IssueLog) -> pd.Series:
    """Each row's region code (kabupaten/kota, or a province code for a province-run mall), or None.

    Resolved once per distinct combination of the cells that decide it: every mall has its own
    name, but a region column usually settles the region without it."""
    fields = ["region_code", "region_name", "mall_name", "province_name"]
    cells, headers = {}, {}
    for name in fields:
        cells[name], headers[name] = _column(data, table, name)
    if data.frame.empty:
        return pd.Series([], dtype=object)
    texts = {n: map_distinct(cells[n], _text_or_empty) for n in fields}
    raw = {n: cells[n].to_numpy(dtype=object) for n in fields}
    without_mall = group_numbers(*(texts[n].to_numpy(dtype=object) for n in fields if n != "mall_name"))
    _, firsts = np.unique(without_mall, return_index=True)
    may_decide = np.zeros(without_mall.max() + 1, dtype=bool)
    for position in firsts:
        may_decide[without_mall[position]] = _mall_name_may_decide(
            raw["region_code"][position], raw["region_name"][position], raw["province_name"][position], matcher
        )
    mall_key = np.where(may_decide[without_mall], texts["mall_name"].to_numpy(dtype=object), "")
    group = group_numbers(without_mall, mall_key)
    _, first_positions = np.unique(group, return_index=True)
    row_numbers = data.frame["row"].to_numpy()
    codes = np.empty(group.max() + 1, dtype=object)
    header_key = tuple(headers.values())
    for position in first_positions:
        group_id = group[position]
        cells_key = (*(raw[n][position] if n != "mall_name" or may_decide[without_mall[position]] else None
                       for n in fields), header_key)  # fmt: skip
        if cells_key not in matcher.resolved:  # a second sheet names the same regions again
            matcher.resolved[cells_key] = _resolve_one(*(raw[n][position] for n in fields), headers, matcher)
        code, findings = matcher.resolved[cells_key]
        codes[group_id] = code
        for finding in findings:
            log.add(row_numbers[group == group_id], finding)
    return pd.Series(codes[group], index=data.frame.index, dtype=object)


# -- malls -------------------------------------------------------------------------


def validate_malls(
    table: LocatedTable, data: TableRows, matcher: RegionMatcher, file: str, today: dt.date
) -> tuple[pd.DataFrame, list[dict]]:
    """One output row per data row, rejected ones flagged, and the issues found."""
    log = IssueLog(file, table.sheet)
    rows = data.frame["row"]
    codes = resolve_regions(data, table, matcher, log)

    dates_raw, date_column = _column(data, table, "inaugurated_on")
    horizon = today + dt.timedelta(days=366)

    def date_check(value: object, answer: object) -> Finding | None:
        if answer is _BAD:
            return Finding(date_column, value, "bad_date", ERROR, {})
        if answer is not None and answer > horizon:
            return Finding(date_column, value, "future_date", ERROR, {})
        return None

    dates = _parse_distinct(dates_raw, parse_date, log, rows, date_column, date_check)
    dates = dates.where(dates.map(lambda d: isinstance(d, dt.date)), None)

    status_raw, status_column = _column(data, table, "status")
    bad_status = lambda v, a: Finding(status_column, v, "bad_status", ERROR, {}) if a is _BAD else None  # noqa: E731
    statuses = _parse_distinct(status_raw, normalise_status, log, rows, status_column, bad_status)
    # No status: a past inauguration date means operating, anything else is a plan.
    inferred = np.where(dates.map(lambda d: d is not None and d <= today), OPERATING, PLANNED)
    statuses = statuses.where(statuses.notna(), pd.Series(inferred, index=statuses.index))
    statuses = statuses.where(statuses.map(lambda s: s is not _BAD), None)

    counts = {name: _counts(data, table, name, log, rows) for name in ("agencies", "services")}

    region_names = codes.map(lambda c: matcher.region_label(c) if c else None)
    mall_raw, _ = _column(data, table, "mall_name")
    mall_names = map_distinct(mall_raw, lambda v: _stripped(v) or None)
    generated = region_names.map(lambda n: f"MPP {n}" if n else "")
    mall_names = mall_names.where(mall_names.notna(), generated)

    malls = pd.DataFrame(
        {
            "file": file,
            "sheet": table.sheet,
            "row": rows.astype(int),
            "region_code": codes,
            "province_code": codes.map(lambda c: c[:2] if c else None),
            "region_name": region_names,
            "region_written": _written_region(data, table),
            "mall_name": mall_names,
            "status": statuses,
            "inaugurated_on": dates,
            "agencies": counts["agencies"],
            "services": counts["services"],
        }
    )
    malls = _text_as_str(malls, ["region_code", "province_code", "region_name", "region_written", "mall_name",
                                 "status"])  # fmt: skip
    malls["rejected"] = log.rejected(malls["row"])
    malls["duplicate"] = False
    _flag_duplicates(malls, log)
    return malls.reset_index(drop=True), log.sorted_items()


def _text_as_str(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Text columns in pandas' ``str`` dtype (missing values as NaN), like every other frame here."""
    return frame.astype({c: "str" for c in columns})


def _counts(data: TableRows, table: LocatedTable, name: str, log: IssueLog, rows: pd.Series) -> pd.Series:
    raw, column = _column(data, table, name)

    def check(value: object, answer: object) -> Finding | None:
        if answer is _BAD:
            return Finding(column, value, "bad_number", ERROR, {})
        if answer is not None and answer < 0:
            return Finding(column, value, "negative_number", ERROR, {})
        return None

    parsed = _parse_distinct(raw, parse_count, log, rows, column, check)
    parsed = parsed.map(lambda v: v if isinstance(v, int) and v >= 0 else None)
    return parsed.astype("Int64")


def _written_region(data: TableRows, table: LocatedTable) -> pd.Series:
    written = pd.Series([""] * len(data.frame), index=data.frame.index, dtype=object)
    for name in ("mall_name", "region_code", "region_name"):  # the last one written wins
        values, _ = _column(data, table, name)
        text = map_distinct(values, _stripped)
        written = written.where(text == "", text)
    return written


_COMPARED = ["status", "inaugurated_on", "agencies", "services"]


def _flag_duplicates(malls: pd.DataFrame, log: IssueLog) -> None:
    """An exact repeat loads once (warning); the same mall with other values is an error on both rows."""
    candidates = malls[~malls["rejected"] & malls["region_code"].notna()]
    if candidates.empty:
        return
    keys = candidates["region_code"] + "|" + candidates["mall_name"].str.lower().str.split().str.join(" ")
    repeated = candidates[keys.duplicated(keep=False)]
    for _, group in repeated.groupby(keys[repeated.index], sort=False):
        first = group.iloc[0]
        values = group[_COMPARED].astype(object).where(group[_COMPARED].notna(), None)
        identical = all(values.iloc[i].tolist() == values.iloc[0].tolist() for i in range(len(values)))
        for index, mall in group.iloc[1:].iterrows():
            params = {"first_row": int(first["row"])}
            if identical:
                log.add(mall["row"], Finding(None, mall["mall_name"], "duplicate_mall", WARNING, params))
                malls.loc[index, "duplicate"] = True
            else:
                params["conflict"] = True
                log.add(mall["row"], Finding(None, mall["mall_name"], "duplicate_mall", ERROR, params))
                malls.loc[[index, group.index[0]], "rejected"] = True


# -- participation -------------------------------------------------------------------


def validate_participation(
    table: LocatedTable, data: TableRows, matcher: RegionMatcher, file: str
) -> tuple[pd.DataFrame, list[dict]]:
    """Long or wide participation to one row per mall and agency."""
    log = IssueLog(file, table.sheet)
    rows = data.frame["row"]
    codes = resolve_regions(data, table, matcher, log)
    mall_raw, _ = _column(data, table, "mall_name")
    mall_names = map_distinct(mall_raw, lambda v: _stripped(v) or None)
    if table.kind == "participation_wide":
        frame = _wide_entries(table, data, log, rows, codes, mall_names)
    else:
        frame = _long_entries(table, data, log, rows, codes, mall_names)
    frame.insert(0, "file", file)
    frame.insert(1, "sheet", table.sheet)
    frame["rejected"] = log.rejected(frame["row"])
    frame = _text_as_str(frame, ["region_code", "mall_name", "agency", "agency_key", "category"])
    return frame[PARTICIPATION_OUTPUT_COLUMNS].reset_index(drop=True), log.sorted_items()


def _agency_columns(written: pd.Series) -> pd.DataFrame:
    keys = map_distinct(written, match_agency)
    return pd.DataFrame(
        {
            "agency": keys.where(keys.notna(), written),
            "agency_key": keys,
            "category": map_distinct(written, agency_category),
        }  # fmt: skip
    )


def _presence_or_none(value: object) -> tuple[bool, int | None] | None:
    try:
        return parse_presence(value)
    except BadValue:
        return None


def _wide_entries(table, data, log, rows, codes, mall_names) -> pd.DataFrame:  # noqa: ANN001
    """One entry per mall row and agency column. Built column-wise: a national grid is 2,000 x 60."""
    columns = list(table.agency_columns)
    headers = [table.agency_columns[j] for j in columns]
    n, k = len(data.frame), len(columns)
    marks = data.distinct_of(columns)
    parsed = marks.answers(_presence_or_none, at=marks.codes)
    cell = marks.codes.ravel()  # row-major: mall by mall, agency by agency
    bad = np.array([p is None for p in parsed], dtype=bool)[cell]
    row_numbers = np.repeat(rows.to_numpy(), k)
    for index in np.flatnonzero(bad):  # a blank cell reads as absent, so a bad mark has a value
        log.add(row_numbers[index], Finding(headers[index % k], marks.uniques[cell[index]], "bad_mark", ERROR, {}))
    per_mall = np.repeat(np.arange(n), k)
    per_agency = np.tile(np.arange(k), n)
    agencies = _agency_columns(pd.Series(headers, dtype=object))
    frame = pd.DataFrame(
        {
            "row": row_numbers,
            "region_code": _as_str(codes).take(per_mall),
            "mall_name": _as_str(mall_names).take(per_mall),
            "agency": _as_str(agencies["agency"]).take(per_agency),
            "agency_key": _as_str(agencies["agency_key"]).take(per_agency),
            "category": _as_str(agencies["category"]).take(per_agency),
            "present": np.array([bool(p and p[0]) for p in parsed], dtype=bool)[cell],
            "services": pd.array([p[1] if p else None for p in parsed], dtype="Int64").take(cell),
        }
    )
    return frame[~bad].reset_index(drop=True) if bad.any() else frame


def _as_str(values: pd.Series) -> pd.api.extensions.ExtensionArray:
    """Text in pandas' ``str`` dtype, missing values as NaN: converted once, then repeated by ``take``."""
    return pd.array(values.to_numpy(dtype=object), dtype="str")


def _long_entries(table, data, log, rows, codes, mall_names) -> pd.DataFrame:  # noqa: ANN001
    written_raw, agency_column = _column(data, table, "agency")
    written = map_distinct(written_raw, _stripped)
    missing = written == ""
    for row in rows[missing]:
        log.add(row, Finding(agency_column, "", "missing_agency", ERROR, {}))
    agencies = _agency_columns(written)
    agencies.index = written.index
    # One warning per distinct name, at its first row: a tenant list repeats names on every mall.
    unknown = (agencies["agency_key"].isna()) & (agencies["category"] == "lainnya") & ~missing
    for value, group in rows[unknown].groupby(written[unknown], sort=False):
        log.add(group.iloc[0], Finding(None, value, "unknown_agency", WARNING, {"occurrences": len(group)}))
    present_raw, present_column = _column(data, table, "present")
    if present_column is None:
        present = pd.Series(True, index=written.index)
    else:
        bad_mark = lambda v, a: Finding(present_column, v, "bad_mark", ERROR, {}) if a is _BAD else None  # noqa: E731
        parsed = _parse_distinct(present_raw, parse_presence, log, rows, present_column, bad_mark)
        present = parsed.map(lambda p: bool(p[0]) if isinstance(p, tuple) else True)
    frame = pd.DataFrame(
        {
            "row": rows,
            "region_code": codes,
            "mall_name": mall_names,
            "agency": agencies["agency"],
            "agency_key": agencies["agency_key"],
            "category": agencies["category"],
            "present": present.astype(bool),
            "services": _counts(data, table, "services", log, rows),
        }
    )
    return frame[~missing].reset_index(drop=True)
