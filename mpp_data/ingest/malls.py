"""Mall rows of a located table to clean rows plus their problems (pure).

One output row per data row read (MALL_OUTPUT_COLUMNS): the region resolved, status and dates
normalised, counts read; rejected rows stay, flagged, so the report can name them.
"""

from __future__ import annotations

import datetime as dt

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
from mpp_data.ingest.problems import IssueKind, Problem, Severity
from mpp_data.ingest.tables import LocatedTable, TableRows
from mpp_data.ingest.values import (
    DAY_FIRST,
    OPERATING,
    PLANNED,
    BadValue,
    DatePlaceholder,
    DateReading,
    date_order,
    normalise_status,
    read_date,
)

MALL_OUTPUT_COLUMNS = [
    "file",
    "sheet",
    "row",
    "region_code",
    "province_code",
    "region_name",
    "region_written",
    "mall_name",
    "status",
    "inaugurated_on",
    "inaugurated_precision",
    "agencies",
    "services",
    "rejected",
    "duplicate",
]


def validate_malls(
    table: LocatedTable, data: TableRows, resolver: RegionResolver, file: str, today: dt.date
) -> tuple[pd.DataFrame, list[Problem]]:
    """One output row per data row (MALL_OUTPUT_COLUMNS), rejected ones flagged, and the problems found."""
    log = ProblemLog(file, table.sheet)
    rows = data.frame["row"]
    codes = resolve_regions(data, table, resolver, log)

    dates, precision, stage = _read_dates(data, table, log, rows, today)

    status_raw, status_column = column_of(data, table, "status")
    bad_status = lambda v, a: Finding(status_column, v, IssueKind.BAD_STATUS) if a is BAD else None  # noqa: E731
    statuses = parse_distinct(status_raw, normalise_status, log, rows, bad_status)
    # No status: the stage a date placeholder names ("Ditunda"); else a past inauguration date means
    # operating, anything else is a plan.
    inferred = np.where(dates.map(lambda d: d is not None and d <= today), OPERATING, PLANNED)
    inferred = stage.where(stage.notna(), pd.Series(inferred, index=stage.index))
    statuses = statuses.where(statuses.notna(), inferred)
    statuses = statuses.where(statuses.map(lambda s: s is not BAD), None)

    counts = {name: counts_of(data, table, name, log, rows) for name in ("agencies", "services")}

    region_names = codes.map(lambda c: resolver.matcher.region_label(c) if c else None)
    mall_raw, _ = column_of(data, table, "mall_name")
    mall_names = map_distinct(mall_raw, lambda v: stripped(v) or None)
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
            "inaugurated_precision": precision,
            "agencies": counts["agencies"],
            "services": counts["services"],
        }
    )
    malls = text_as_str(
        malls,
        [
            "region_code",
            "province_code",
            "region_name",
            "region_written",
            "mall_name",
            "status",
            "inaugurated_precision",
        ],
    )
    malls["rejected"] = log.rejected(malls["row"])
    malls["duplicate"] = False
    _flag_duplicates(malls, log, _mall_column_header(table))
    return malls.reset_index(drop=True), log.sorted_problems()


def _read_dates(
    data: TableRows, table: LocatedTable, log: ProblemLog, rows: pd.Series, today: dt.date
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Each row's inauguration date, its precision (``day``/``month``) and the stage a placeholder word
    in the date cell names (``Ditunda`` -> planned), all None where there is none. Day/month order
    is decided once for the whole column."""
    raw, column = column_of(data, table, "inaugurated_on")
    distinct = pd.unique(raw)
    order = date_order(distinct)
    if order is None:  # 03/12/2024 reads both ways and no value of the column settles it
        first = next(v for v in distinct if isinstance(v, str) and date_order([v]) is None)
        log.add(rows[raw == first].iloc[0], Finding(column, first, IssueKind.DATE_ORDER_ASSUMED))
    horizon = today + dt.timedelta(days=366)

    def read(value: object) -> object:
        try:
            return read_date(value, order or DAY_FIRST)
        except BadValue:
            return BAD

    readings = map_distinct(raw, read)
    for value in distinct:
        reading = read(value)
        finding = None
        if reading is BAD:
            finding = Finding(column, value, IssueKind.BAD_DATE)
        elif isinstance(reading, DatePlaceholder):
            params = {"planned": True} if reading.status == PLANNED else {}
            finding = Finding(column, value, IssueKind.DATE_PLACEHOLDER, params)
        elif isinstance(reading, DateReading) and reading.on > horizon:
            finding = Finding(column, value, IssueKind.FUTURE_DATE)
        if finding:
            log.add(rows[raw == value], finding)
    dates = readings.map(lambda r: r.on if isinstance(r, DateReading) else None)
    precision = readings.map(lambda r: r.precision if isinstance(r, DateReading) else None)
    stage = readings.map(lambda r: r.status if isinstance(r, DatePlaceholder) else None)
    return dates.astype(object), precision.astype(object), stage.astype(object)


def _written_region(data: TableRows, table: LocatedTable) -> pd.Series:
    written = pd.Series([""] * len(data.frame), index=data.frame.index, dtype=object)
    for name in ("mall_name", "region_code", "region_name"):  # the last one written wins
        values, _ = column_of(data, table, name)
        text = map_distinct(values, stripped)
        written = written.where(text == "", text)
    return written


_COMPARED = ["status", "inaugurated_on", "agencies", "services"]


def _mall_column_header(table: LocatedTable) -> str | None:
    """The header as written of the column that names a mall: its name, else its region."""
    for name in ("mall_name", "region_name", "region_code"):
        for j, field_name in table.columns.items():
            if field_name == name:
                return table.headers.get(j)
    return None


def _flag_duplicates(malls: pd.DataFrame, log: ProblemLog, column: str | None) -> None:
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
                log.add(mall["row"], Finding(column, mall["mall_name"], IssueKind.DUPLICATE_MALL, params))
                malls.loc[index, "duplicate"] = True
            else:
                params["conflict"] = True
                finding = Finding(column, mall["mall_name"], IssueKind.DUPLICATE_MALL, params, severity=Severity.ERROR)
                log.add(mall["row"], finding)
                malls.loc[[index, group.index[0]], "rejected"] = True


# -- participation -------------------------------------------------------------------
