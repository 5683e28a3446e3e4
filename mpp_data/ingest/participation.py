"""Participation rows of a located table (long: one row per mall and agency; wide: a grid of marks)
to one row per mall and agency, plus their problems (pure)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from mpp_data.ingest.cells import map_distinct
from mpp_data.ingest.findings import (
    BAD,
    Finding,
    ProblemLog,
    column_of,
    counts_of,
    parse_distinct,
    stripped,
    text_as_str,
)
from mpp_data.ingest.match_regions import RegionResolver, resolve_regions
from mpp_data.ingest.problems import IssueKind, Problem
from mpp_data.ingest.tables import LocatedTable, TableRows
from mpp_data.ingest.values import BadValue, parse_presence
from mpp_data.reference.agencies import agency_category, match_agency

PARTICIPATION_OUTPUT_COLUMNS = [
    "file",
    "sheet",
    "row",
    "region_code",
    "mall_name",
    "agency",
    "agency_key",
    "category",
    "present",
    "services",
    "rejected",
]


def validate_participation(
    table: LocatedTable, data: TableRows, resolver: RegionResolver, file: str
) -> tuple[pd.DataFrame, list[Problem]]:
    """Long or wide participation to one row per mall and agency (PARTICIPATION_OUTPUT_COLUMNS)."""
    log = ProblemLog(file, table.sheet)
    rows = data.frame["row"]
    codes = resolve_regions(data, table, resolver, log)
    mall_raw, _ = column_of(data, table, "mall_name")
    mall_names = map_distinct(mall_raw, lambda v: stripped(v) or None)
    if table.kind == "participation_wide":
        frame = _wide_entries(table, data, log, rows, codes, mall_names)
    else:
        frame = _long_entries(table, data, log, rows, codes, mall_names)
    frame.insert(0, "file", file)
    frame.insert(1, "sheet", table.sheet)
    frame["rejected"] = log.rejected(frame["row"])
    frame = text_as_str(frame, ["region_code", "mall_name", "agency", "agency_key", "category"])
    return frame[PARTICIPATION_OUTPUT_COLUMNS].reset_index(drop=True), log.sorted_problems()


def _agency_columns(written: pd.Series) -> pd.DataFrame:
    keys = map_distinct(written, match_agency)
    return pd.DataFrame(
        {
            "agency": keys.where(keys.notna(), written),
            "agency_key": keys,
            "category": map_distinct(written, agency_category),
        }
    )


def _presence_or_none(value: object) -> tuple[bool, int | None] | None:
    try:
        return parse_presence(value)
    except BadValue:
        return None


def _wide_entries(table, data, log, rows, codes, mall_names) -> pd.DataFrame:
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
        log.add(row_numbers[index], Finding(headers[index % k], marks.uniques[cell[index]], IssueKind.BAD_MARK))
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


def _long_entries(table, data, log, rows, codes, mall_names) -> pd.DataFrame:
    written_raw, agency_column = column_of(data, table, "agency")
    written = map_distinct(written_raw, stripped)
    missing = written == ""
    for row in rows[missing]:
        log.add(row, Finding(agency_column, "", IssueKind.MISSING_AGENCY))
    agencies = _agency_columns(written)
    agencies.index = written.index
    # One warning per distinct name, at its first row: a tenant list repeats names on every mall.
    unknown = (agencies["agency_key"].isna()) & (agencies["category"] == "lainnya") & ~missing
    for value, group in rows[unknown].groupby(written[unknown], sort=False):
        log.add(group.iloc[0], Finding(agency_column, value, IssueKind.UNKNOWN_AGENCY, {"occurrences": len(group)}))
    present_raw, present_column = column_of(data, table, "present")
    if present_column is None:
        present = pd.Series(True, index=written.index)
    else:
        bad_mark = lambda v, a: Finding(present_column, v, IssueKind.BAD_MARK) if a is BAD else None  # noqa: E731
        parsed = parse_distinct(present_raw, parse_presence, log, rows, bad_mark)
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
            "services": counts_of(data, table, "services", log, rows),
        }
    )
    return frame[~missing].reset_index(drop=True)
