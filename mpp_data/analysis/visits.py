"""Whether the malls are used: visits and counters per mall per month (pure).

``visits``: one row per mall x month (``reference.agreements.VISIT_COLUMNS``): region_code, mall, month
(datetime64, the first day of the month), visits (Int64), counters_active, counters_total (Int64, NA
allowed). A row's province is its region code's first two digits; two rows of one mall and month: the
last one read stands. The caller narrows the rows (and the malls) to a province.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from mpp_data.analysis.agreements import mall_of
from mpp_data.analysis.metrics import status_as_of
from mpp_data.analysis.participation import mall_key
from mpp_data.ingest.values import OPERATING
from mpp_data.reference.agreements import VISIT_COLUMNS

#: How many malls the lowest and highest lists (and the quiet one of the command line) hold.
TOP = 5
_MONTH_COLUMNS = ["region_code", "mall", "visits", "counters_active", "counters_total"]


def empty_visits() -> pd.DataFrame:
    """A visits frame with no rows, its columns typed."""
    return pd.DataFrame(
        {
            "region_code": pd.Series(dtype=object),
            "mall": pd.Series(dtype=object),
            "month": pd.Series(dtype="datetime64[ns]"),
            "visits": pd.Series(dtype="Int64"),
            "counters_active": pd.Series(dtype="Int64"),
            "counters_total": pd.Series(dtype="Int64"),
        }
    )[list(VISIT_COLUMNS)]


def in_province(visits: pd.DataFrame, province: str | None) -> pd.DataFrame:
    """The rows of one province (all when None)."""
    return visits if not province else visits[visits["region_code"].astype(str).str[:2] == province]


def month_start(value: dt.date) -> dt.date:
    return value.replace(day=1)


def latest_month(visits: pd.DataFrame) -> dt.date | None:
    """The newest month with a visits figure; None when there is none."""
    counted = visits[visits["visits"].notna()]
    return None if counted.empty else pd.Timestamp(counted["month"].max()).date().replace(day=1)


def months(visits: pd.DataFrame) -> list[dt.date]:
    """Every month the rows speak of, newest first."""
    return sorted({pd.Timestamp(m).date().replace(day=1) for m in visits["month"].dropna()}, reverse=True)


def compute_month(visits: pd.DataFrame, month: dt.date) -> pd.DataFrame:
    """One row per mall with a row for ``month``: region_code, mall, visits, counters_active,
    counters_total, active_pct (active of available, NaN when either is missing or none are available);
    by region code and mall name."""
    rows = visits[pd.to_datetime(visits["month"]).dt.to_period("M") == pd.Period(month, "M")]
    keys = mall_key(rows["region_code"], rows["mall"])
    rows = rows.assign(key=keys).drop_duplicates("key", keep="last")
    table = rows[_MONTH_COLUMNS].copy()
    for column in ("visits", "counters_active", "counters_total"):
        table[column] = table[column].astype("Int64")
    active, total = table["counters_active"], table["counters_total"]
    known = active.notna() & total.notna() & total.gt(0).fillna(False)
    table["active_pct"] = [
        float(a) * 100 / float(t) if k else float("nan") for a, t, k in zip(active, total, known, strict=True)
    ]
    return table.sort_values(["region_code", "mall"], kind="stable").reset_index(drop=True)


def lowest(month_table: pd.DataFrame, count: int = TOP) -> pd.DataFrame:
    """The ``count`` malls with the fewest visits (a visits figure needed); equal visits by mall name."""
    counted = month_table[month_table["visits"].notna()]
    return counted.sort_values(["visits", "mall", "region_code"], kind="stable").head(count).reset_index(drop=True)


def highest(month_table: pd.DataFrame, count: int = TOP) -> pd.DataFrame:
    """The ``count`` malls with the most visits; equal visits by mall name."""
    counted = month_table[month_table["visits"].notna()]
    ordered = counted.sort_values(["visits", "mall", "region_code"], ascending=[False, True, True], kind="stable")
    return ordered.head(count).reset_index(drop=True)


def quiet(month_table: pd.DataFrame, count: int | None = None) -> pd.DataFrame:
    """Malls whose active counters are under half of those available (both known): the lowest share of
    active counters first, equal shares by mall name. ``count``: the first so many (all when None)."""
    under = month_table[month_table["active_pct"] < 50]
    ordered = under.sort_values(["active_pct", "mall", "region_code"], kind="stable").reset_index(drop=True)
    return ordered if count is None else ordered.head(count)


def compute_over_time(visits: pd.DataFrame, regions: pd.DataFrame) -> pd.DataFrame:
    """Visits per province per month: province_code, province_name, month (date), visits (sum of the malls'
    figures), malls (how many malls gave one); by province code and month."""
    counted = visits[visits["visits"].notna()].copy()
    counted["key"] = mall_key(counted["region_code"], counted["mall"])
    counted["month"] = pd.to_datetime(counted["month"]).dt.to_period("M").dt.to_timestamp().dt.date
    counted = counted.drop_duplicates(["key", "month"], keep="last")
    counted["province_code"] = counted["region_code"].astype(str).str[:2]
    table = (
        counted.groupby(["province_code", "month"])
        .agg(visits=("visits", "sum"), malls=("key", "nunique"))
        .reset_index()
    )
    names = regions.drop_duplicates("province_code").set_index("province_code")["province_name"]
    table["province_name"] = table["province_code"].map(names)
    table["visits"] = table["visits"].astype(int)
    columns = ["province_code", "province_name", "month", "visits", "malls"]
    return table[columns].sort_values(["province_code", "month"]).reset_index(drop=True)


def compute_silent(malls: pd.DataFrame, visits: pd.DataFrame, month: dt.date) -> pd.DataFrame:
    """Malls operating (inaugurated) by the end of ``month`` with no visits figure for it (no row, or a
    row without visits; zero visits is a figure, among the lowest): region_code, mall_name,
    province_code, inaugurated_on; by region and name. A row is a mall's by the register's identity
    rule (same region and name, else the region's only mall)."""
    end = (pd.Period(month, "M").end_time).date()
    operating = malls[status_as_of(malls, end).eq(OPERATING)].copy()
    operating["key"] = mall_key(operating["region_code"], operating["mall_name"])
    table = compute_month(visits, month)
    table = table[table["visits"].notna()]
    reported = set(mall_of(malls, table.rename(columns={"mall": "mall_name"})).dropna())
    silent = operating[~operating["key"].isin(reported)]
    columns = ["region_code", "mall_name", "province_code", "inaugurated_on"]
    return silent.sort_values(["region_code", "mall_name"])[columns].reset_index(drop=True)


def compute_mall_visits(malls: pd.DataFrame, visits: pd.DataFrame, code: str) -> pd.DataFrame:
    """Visits of the malls of region ``code``, month by month: mall, month (date), visits,
    counters_active, counters_total; by mall and month."""
    rows = visits[visits["region_code"].astype(str) == code].copy()
    rows["month"] = pd.to_datetime(rows["month"]).dt.to_period("M").dt.to_timestamp().dt.date
    rows["key"] = mall_key(rows["region_code"], rows["mall"])
    rows = rows.drop_duplicates(["key", "month"], keep="last")
    columns = ["mall", "month", "visits", "counters_active", "counters_total"]
    return rows.sort_values(["mall", "month"])[columns].reset_index(drop=True)
