"""Visits and counters per mall per month as an upload kind: long rows (mall, month, visits, counters
active, counters available) or months as columns (``Januari 2025``, ``Jan 2025``, ``2025-03``, a month
name alone when the sheet's name or title, or a ``Tahun`` column, gives the year; Indonesian or English).

Months as columns carry visits only (a sheet of that shape has no counters per month). A number that is
not a whole number or is below zero is reported per cell (sheet, row, column) and keeps its row out.

Carry-over: ``CARRY_NEWEST``: an upload without visits keeps the newest snapshot's visits (the snapshot
in view), as malls and participation do. Diff: the keyed diff by mall and month.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

import mpp_data.ingest.kinds.agreements  # noqa: F401  (the kinds before this one register first)
from mpp_data.ingest.cells import is_blank_cell, map_distinct
from mpp_data.ingest.findings import BAD, Finding, column_of, counts_of, parse_distinct, stripped
from mpp_data.ingest.kinds.base import (
    CARRY_NEWEST,
    Kind,
    MallColumns,
    checked_rows,
    loadable_rows,
    register,
    tally_rows,
)
from mpp_data.ingest.problems import IssueKind
from mpp_data.ingest.tables import HEADER_SYNONYMS, LocatedTable, field_for_header, fold_header
from mpp_data.ingest.values import BadValue, DateReading, month_number, parse_count, read_date
from mpp_data.reference.agreements import VISIT_COLUMNS

HEADERS: dict[str, tuple[str, ...]] = {
    "row_number": HEADER_SYNONYMS["row_number"],
    "region_code": HEADER_SYNONYMS["region_code"],
    "region_name": HEADER_SYNONYMS["region_name"],
    "province_name": HEADER_SYNONYMS["province_name"],
    "mall_name": HEADER_SYNONYMS["mall_name"],
    "month": ("bulan", "periode", "bulan kunjungan", "month", "period"),
    "year": ("tahun", "year"),
    "visits": (
        "kunjungan",
        "jumlah kunjungan",
        "pengunjung",
        "jumlah pengunjung",
        "jumlah pengunjung per bulan",
        "visits",
        "visitors",
        "number of visits",
    ),
    "counters_active": ("loket aktif", "jumlah loket aktif", "gerai aktif", "counters active", "active counters"),
    "counters_total": (
        "jumlah loket",
        "loket tersedia",
        "total loket",
        "jumlah gerai",
        "counters available",
        "counters total",
        "available counters",
        "counters",
    ),
}
CHECKED_COLUMNS = (
    "file",
    "sheet",
    "row",
    "region_code",
    "mall",
    "month",
    "visits",
    "counters_active",
    "counters_total",
    "rejected",
)
DTYPES = {
    "region_code": "object",
    "mall": "object",
    "month": "datetime64[ns]",
    "visits": "Int64",
    "counters_active": "Int64",
    "counters_total": "Int64",
    "sheet": "object",
    "row": "Int64",
}
COLUMNS = (*VISIT_COLUMNS, "sheet", "row")
_YEAR = re.compile(r"\b(20\d\d)\b")
_PLACE = frozenset({"mall_name", "region_name", "region_code"})


def header_month(value: object, year: int | None) -> dt.date | None:
    """The month a column header names (its first day), or None.

    >>> header_month("Januari 2025", None), header_month("2025-03", None), header_month("Agu", 2024)
    (datetime.date(2025, 1, 1), datetime.date(2025, 3, 1), datetime.date(2024, 8, 1))
    """
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, 1)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    named = month_number(text)
    if named is not None:
        return dt.date(year, named, 1) if year else None
    if not re.search(r"[a-z]", text.lower()) and not re.fullmatch(r"\d{4}[-/.]\d{1,2}|\d{1,2}[-/.]\d{4}", text):
        return None  # a number or a full date is no month header
    try:
        reading = read_date(text)
    except BadValue:
        return None
    return dt.date(reading.on.year, reading.on.month, 1) if isinstance(reading, DateReading) else None


def _title_year(sheet: str, rows: list[list[object]], header_row: int) -> int | None:
    for text in [sheet, *(str(v) for r in rows[:header_row] for v in r if isinstance(v, str))]:
        found = _YEAR.search(text)
        if found:
            return int(found.group(1))
    return None


@dataclass(frozen=True)
class VisitLocator:
    """The visits table of a sheet (long or months as columns); a value, so it travels to the parse worker."""

    def __call__(self, sheet: str, rows: list[list[object]]) -> LocatedTable:
        index = {fold_header(w): f for f, words in HEADERS.items() for w in words}
        for i, row in enumerate(rows[:40]):
            written = {j: v for j, v in enumerate(row) if not is_blank_cell(v)}
            columns: dict[int, str] = {}
            months: dict[int, str] = {}
            year = _title_year(sheet, rows, i)
            for j, header in written.items():
                text = header.strip() if isinstance(header, str) else header
                found = index.get(fold_header(text)) or (field_for_header(text) if isinstance(text, str) else None)
                if found in HEADERS and found not in columns.values():
                    columns[j] = found
                    continue
                month = header_month(text, year)
                if month is not None:
                    months[j] = month.isoformat()
            named = set(columns.values())
            headers = {j: (v.isoformat() if isinstance(v, dt.date) else str(v).strip()) for j, v in written.items()}
            if named & _PLACE and {"month", "visits"} <= named:
                score = len(named - {"row_number"}) + 0.5
                return LocatedTable(sheet, "visits_long", (i + 1,), headers, columns, score=score)
            if named & _PLACE and len(months) >= 2:
                score = len(named - {"row_number"}) + min(len(months), 10) * 0.8 + 0.5
                return LocatedTable(sheet, "visits_wide", (i + 1,), headers, columns, months, score=score)
        return LocatedTable(sheet=sheet, kind="unknown", header_rows=(), headers={}, columns={})


def _months_of(data, table, log, rows) -> pd.Series:
    raw, column = column_of(data, table, "month")
    years_raw, _ = column_of(data, table, "year")
    years = map_distinct(years_raw, lambda v: parse_count(v) if not is_blank_cell(v) else None)
    out: list[object] = []
    for i, (value, year) in enumerate(zip(raw, years, strict=True)):
        month = header_month(value, int(year) if year is not None and year == year else None)
        if month is None and not is_blank_cell(value) and not isinstance(value, str):
            try:
                reading = read_date(value)
                month = dt.date(reading.on.year, reading.on.month, 1) if isinstance(reading, DateReading) else None
            except BadValue:
                month = None
        if month is None:
            log.add(rows.iloc[i], Finding(column, stripped(value), IssueKind.BAD_DATE))
        out.append(month)
    return pd.to_datetime(pd.Series(out, index=raw.index, dtype=object)).astype("datetime64[ns]")


def _count_cell(value: object) -> object:
    try:
        return parse_count(value)
    except BadValue:
        return BAD


def _wide_rows(table, data, log, rows, codes, malls) -> pd.DataFrame:
    records: list[tuple[object, ...]] = []
    for j, month in table.agency_columns.items():
        header = table.headers.get(j)
        for position, value in enumerate(data.frame[j]):
            if is_blank_cell(value):
                continue
            count = _count_cell(value)
            row = rows.iloc[position]
            if count is BAD or (isinstance(count, int) and count < 0):
                kind = IssueKind.BAD_NUMBER if count is BAD else IssueKind.NEGATIVE_NUMBER
                log.add(row, Finding(header, value, kind))
                continue
            records.append((position, row, pd.Timestamp(month), count))
    frame = pd.DataFrame(records, columns=["position", "row", "month", "visits"])
    at = frame["position"].to_numpy(dtype=int)
    return pd.DataFrame(
        {
            "row": frame["row"],
            "region_code": codes.to_numpy(dtype=object)[at],
            "mall": malls.to_numpy(dtype=object)[at],
            "month": frame["month"].astype("datetime64[ns]"),
            "visits": frame["visits"].astype("Int64"),
            "counters_active": pd.array([None] * len(frame), dtype="Int64"),
            "counters_total": pd.array([None] * len(frame), dtype="Int64"),
        }
    ).sort_values(["row", "month"], kind="stable")


def _long_rows(table, data, log, rows, codes, malls) -> pd.DataFrame:
    visits_raw, visits_column = column_of(data, table, "visits")

    def check(value: object, answer: object) -> Finding | None:
        if answer is BAD:
            return Finding(visits_column, value, IssueKind.BAD_NUMBER)
        if isinstance(answer, int) and answer < 0:
            return Finding(visits_column, value, IssueKind.NEGATIVE_NUMBER)
        return None

    visits = parse_distinct(visits_raw, parse_count, log, rows, check)
    return pd.DataFrame(
        {
            "row": rows,
            "region_code": codes,
            "mall": malls,
            "month": _months_of(data, table, log, rows),
            "visits": visits.map(lambda v: v if isinstance(v, int) and v >= 0 else None).astype("Int64"),
            "counters_active": counts_of(data, table, "counters_active", log, rows),
            "counters_total": counts_of(data, table, "counters_total", log, rows),
        }
    )


def check_visits(table, data, resolver, file, today):
    build = _wide_rows if table.kind == "visits_wide" else _long_rows
    return checked_rows(table, data, resolver, file, build=build, columns=CHECKED_COLUMNS)


def loadable_visits(frame: pd.DataFrame) -> pd.DataFrame:
    return loadable_rows(frame, COLUMNS, DTYPES)


VISITS = register(
    Kind(
        name="visits",
        columns=COLUMNS,
        dtypes=DTYPES,
        checked_columns=CHECKED_COLUMNS,
        headers={f: HEADERS[f] for f in HEADERS if f != "row_number"},
        locate=VisitLocator(),
        table_kinds=("visits_long", "visits_wide"),
        check=check_visits,
        tally=tally_rows,
        loadable=loadable_visits,
        key=("region_code", "mall", "month"),
        report_columns=(*COLUMNS, "rejected"),
        carry=CARRY_NEWEST,
        names_mall=MallColumns("mall"),
        grid_field="month",
    )
)
