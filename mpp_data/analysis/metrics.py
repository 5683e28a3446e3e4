"""Coverage figures: pure functions of the malls table and the official regions.

``malls``: one row per mall: mall_name str, region_code str (``61.03``, or a province code ``31`` for a
province-run mall), province_code str, status (operating / under_construction / planned),
inaugurated_on date or None.
``regions``: one row per kabupaten/kota: code, name, kind, province_code, province_name.

A mall counts as operating on a date only when its status is operating and it was inaugurated on or
before that date. An operating mall without a date counts from ``counted_from``: the ``data_as_of`` of
the first snapshot that listed it as operating, never before (a frame without that column, or a row
without it, counts on every date). A region is covered when it has at least one operating mall.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from mpp_data.figures import share_order, share_pct, shares_pct
from mpp_data.ingest.values import OPERATING, PLANNED, UNDER_CONSTRUCTION

NONE = "none"
_STATUS_RANK = {OPERATING: 0, UNDER_CONSTRUCTION: 1, PLANNED: 2, NONE: 3}


def coverage_dates(malls: pd.DataFrame) -> pd.Series:
    """The date each mall counts as operating from: its inauguration date, else ``counted_from``."""
    dates = malls["inaugurated_on"].astype(object)
    if "counted_from" not in malls:
        return dates
    return dates.where(dates.notna(), malls["counted_from"].astype(object))


def count_undated_operating(malls: pd.DataFrame) -> int:
    """Operating malls without an inauguration date (they count from ``counted_from``)."""
    return int((malls["status"].eq(OPERATING) & malls["inaugurated_on"].isna()).sum())


def status_as_of(malls: pd.DataFrame, as_of: dt.date) -> pd.Series:
    """Each mall's status on ``as_of``. An operating mall inaugurated later (or, undated, first listed
    later) is ``none`` then: the data does not say whether it was being built or only planned on that
    date. Under construction and planned malls keep the status the snapshot records."""
    dates = coverage_dates(malls)
    operating = malls["status"].eq(OPERATING)
    not_yet = operating & dates.map(lambda d: d is not None and not pd.isna(d) and d > as_of)
    return malls["status"].where(~not_yet, NONE)


def compute_region_status(malls: pd.DataFrame, regions: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """One row per kabupaten/kota: code, name, kind, province_code, province_name, status (best of its
    malls, ``none`` without one), operating_since (earliest inauguration on or before ``as_of``), malls."""
    status = status_as_of(malls, as_of)
    per_mall = pd.DataFrame(
        {
            "code": malls["region_code"],
            "rank": status.map(_STATUS_RANK),
            "since": coverage_dates(malls).where(status.eq(OPERATING)),
        }
    )
    per_region = per_mall.groupby("code").agg(
        rank=("rank", "min"), operating_since=("since", "min"), malls=("rank", "size")
    )
    table = regions.merge(per_region, left_on="code", right_index=True, how="left")
    by_rank = {rank: name for name, rank in _STATUS_RANK.items()}
    # numbers, also where no mall matched (a text column then): "no MPP" where a region has none
    table["status"] = pd.to_numeric(table["rank"], errors="coerce").fillna(_STATUS_RANK[NONE]).astype(int).map(by_rank)
    table["malls"] = table["malls"].fillna(0).astype(int)
    table["operating_since"] = table["operating_since"].where(table["operating_since"].notna(), None)
    return table.drop(columns="rank").reset_index(drop=True)


def compute_national_summary(malls: pd.DataFrame, regions: pd.DataFrame, as_of: dt.date) -> dict:
    """Headline figures: total_regions, covered_regions, coverage_pct, operating/under_construction/
    planned malls, province_run_malls (operating malls run by a province, counted as malls only)."""
    status = status_as_of(malls, as_of)
    region_status = compute_region_status(malls, regions, as_of)
    total = len(regions)
    covered = int(region_status["status"].eq(OPERATING).sum())
    province_run = ~malls["region_code"].isin(regions["code"])
    return {
        "total_regions": total,
        "covered_regions": covered,
        "coverage_pct": share_pct(covered, total),
        "operating_malls": int(status.eq(OPERATING).sum()),
        "under_construction_malls": int(status.eq(UNDER_CONSTRUCTION).sum()),
        "planned_malls": int(status.eq(PLANNED).sum()),
        "province_run_malls": int((status.eq(OPERATING) & province_run).sum()),
        "undated_operating_malls": count_undated_operating(malls[status.eq(OPERATING)]),
    }


def compute_coverage_by_province(malls: pd.DataFrame, regions: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """One row per province: province_code, province_name, total_regions, covered_regions, coverage_pct,
    operating_malls, pipeline_malls; ordered by coverage, highest first."""
    region_status = compute_region_status(malls, regions, as_of)
    region_status["covered"] = region_status["status"].eq(OPERATING)
    table = (
        region_status.groupby(["province_code", "province_name"], sort=False)
        .agg(total_regions=("code", "size"), covered_regions=("covered", "sum"))
        .reset_index()
    )
    status = status_as_of(malls, as_of)
    mall_counts = (
        pd.DataFrame(
            {
                "province_code": malls["province_code"],
                "operating": status.eq(OPERATING),
                "pipeline": status.isin([UNDER_CONSTRUCTION, PLANNED]),
            }
        )
        .groupby("province_code")[["operating", "pipeline"]]
        .sum()
    )
    table = table.merge(mall_counts, left_on="province_code", right_index=True, how="left")
    table["operating_malls"] = table.pop("operating").fillna(0).astype(int)
    table["pipeline_malls"] = table.pop("pipeline").fillna(0).astype(int)
    table["covered_regions"] = table["covered_regions"].astype(int)
    table["coverage_pct"] = shares_pct(table["covered_regions"], table["total_regions"])
    return share_order(table, "coverage_pct", "province_code").reset_index(drop=True)


def compute_coverage_over_time(malls: pd.DataFrame, regions: pd.DataFrame) -> pd.DataFrame:
    """One row per date on which at least one region was first covered: date, new_regions,
    covered_regions (running total). An undated operating mall counts from ``counted_from``; one
    without either date is left out."""
    dated = malls.assign(counts_from=coverage_dates(malls))
    operating = dated[
        dated["status"].eq(OPERATING) & dated["counts_from"].notna() & dated["region_code"].isin(regions["code"])
    ]
    first = operating.groupby("region_code")["counts_from"].min()
    per_day = first.value_counts().sort_index()
    table = pd.DataFrame({"date": list(per_day.index), "new_regions": per_day.to_numpy(dtype=int)})
    table["covered_regions"] = table["new_regions"].cumsum()
    return table


def latest_data_date(malls: pd.DataFrame) -> dt.date | None:
    """The newest inauguration date in the data."""
    dates = malls["inaugurated_on"].dropna()
    return max(dates) if len(dates) else None


def default_as_of(malls: pd.DataFrame) -> dt.date:
    """The default "as of" date: the newest inauguration date, or today when there is none."""
    return latest_data_date(malls) or dt.date.today()


def compute_malls_over_time(malls: pd.DataFrame) -> pd.DataFrame:
    """One row per inauguration date: date, operating_malls (running total, province-run malls included)."""
    dated = malls.assign(counts_from=coverage_dates(malls))
    operating = dated[dated["status"].eq(OPERATING) & dated["counts_from"].notna()]
    per_day = operating["counts_from"].value_counts().sort_index()
    return pd.DataFrame({"date": list(per_day.index), "operating_malls": per_day.cumsum().to_numpy(dtype=int)})


def restrict_to_province(
    malls: pd.DataFrame, regions: pd.DataFrame, province_code: str | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Malls and regions of one province (all when ``province_code`` is None)."""
    if not province_code:
        return malls, regions
    return (
        malls[malls["province_code"] == province_code].reset_index(drop=True),
        regions[regions["province_code"] == province_code].reset_index(drop=True),
    )


def compute_gap_list(malls: pd.DataFrame, regions: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """Every kabupaten/kota without an operating MPP on ``as_of``: code, name, kind, province_code,
    province_name, pipeline_status (under_construction, planned or none), ordered by code."""
    table = compute_region_status(malls, regions, as_of)
    gaps = table[table["status"] != OPERATING].rename(columns={"status": "pipeline_status"})
    columns = ["code", "name", "kind", "province_code", "province_name", "pipeline_status"]
    return gaps[columns].sort_values("code").reset_index(drop=True)


def compute_region_malls(malls: pd.DataFrame, code: str, as_of: dt.date) -> pd.DataFrame:
    """The malls of one kabupaten/kota with their status on ``as_of``: mall_name, status, inaugurated_on,
    inaugurated_precision (``month`` when the export gave only a month), agencies, services."""
    mine = malls[malls["region_code"] == code].copy()
    mine["status"] = status_as_of(mine, as_of)
    wanted = ("mall_name", "status", "inaugurated_on", "inaugurated_precision", "agencies", "services")
    columns = [c for c in wanted if c in mine]
    return mine[columns].sort_values("mall_name").reset_index(drop=True)


def compute_mall_list(
    malls: pd.DataFrame, regions: pd.DataFrame, as_of: dt.date, region: str | None = None
) -> pd.DataFrame:
    """Every mall (of one kabupaten/kota when ``region`` is given) with its status on ``as_of``:
    region_code, region_name (the province's name for a province-run mall), mall_name, status,
    inaugurated_on, agencies, services; by region code, then as ``compute_region_malls`` orders them."""
    mine = malls if region is None else malls[malls["region_code"] == region]
    names = dict(zip(regions["code"], regions["name"], strict=True))
    names |= dict(zip(regions["province_code"], regions["province_name"], strict=True))
    table = mine.assign(status=status_as_of(mine, as_of), region_name=mine["region_code"].map(names))
    columns = ["region_code", "region_name"]
    columns += [c for c in ("mall_name", "status", "inaugurated_on", "agencies", "services") if c in table]
    return table[columns].sort_values(["region_code", "mall_name"]).reset_index(drop=True)


def until(timeline: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """The rows of a dated table (``date`` column) on or before ``as_of``."""
    return timeline[timeline["date"] <= as_of].reset_index(drop=True)
