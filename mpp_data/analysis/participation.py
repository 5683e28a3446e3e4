"""Which MoU agencies are present in the operating malls (pure).

``participation``: one row per mall and agency: region_code, mall_name, agency (an MoU key such as
``polri``, or another tenant's written name), present (bool), services (int or missing).

A mall with no participation rows at all has *no data*: it is counted apart and never reported as
an agency being absent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from mpp_data.analysis.metrics import status_as_of
from mpp_data.analysis.register import name_keys
from mpp_data.figures import share_order, share_pct, shares_pct
from mpp_data.ingest.values import OPERATING
from mpp_data.reference.agencies import MOU_AGENCIES

MOU_KEYS = [a.key for a in MOU_AGENCIES]
_AGENCY = {a.key: a for a in MOU_AGENCIES}


def mall_key(region_codes: pd.Series, mall_names: pd.Series) -> pd.Series:
    """``61.03|mpp kabupaten sanggau``: the same mall however its name is written, by the register's
    identity rule (``register.mall_name_key``: ``Mal Pelayanan Publik`` = ``MPP``, case and spaces aside)."""
    return region_codes.astype(str) + "|" + name_keys(mall_names)


def operating_malls(malls: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """Malls operating on ``as_of``, with their ``key``."""
    operating = malls[status_as_of(malls, as_of).eq(OPERATING)].copy()
    operating["key"] = mall_key(operating["region_code"], operating["mall_name"])
    return operating.reset_index(drop=True)


def link_participation(malls: pd.DataFrame, participation: pd.DataFrame) -> pd.DataFrame:
    """Participation rows with the ``key`` of the mall they belong to: the mall of the same region and
    name, else the region's only mall; rows that fit no mall are left out."""
    if participation.empty:
        return participation.assign(key=pd.Series(dtype=str))
    keys = mall_key(malls["region_code"], malls["mall_name"])
    known = set(keys)
    # a plain dict: with no operating mall (a province without one) a grouped frame has no string dtype
    only_mall = {code: k.iloc[0] for code, k in keys.groupby(malls["region_code"].astype(str)) if len(k) == 1}
    linked = participation.copy()
    linked["key"] = mall_key(linked["region_code"], linked["mall_name"])
    unknown = ~linked["key"].isin(known)
    # ``where``, not ``.loc[...] =``: when no unknown row has a region with one mall the fallback is all
    # missing (float NaN), which a string column refuses to be assigned
    linked["key"] = linked["key"].where(~unknown, linked["region_code"].astype(str).map(only_mall))
    return linked[linked["key"].notna()].reset_index(drop=True)


@dataclass(frozen=True)
class Presence:
    """Operating malls on a date (``has_data`` marks those with participation rows) and a
    malls x MoU-agency table of presence for the malls with data. Compute once, read many times."""

    operating: pd.DataFrame
    grid: pd.DataFrame
    linked: pd.DataFrame  # the participation rows with the ``key`` of their operating mall


def compute_presence(malls: pd.DataFrame, participation: pd.DataFrame, as_of: dt.date) -> Presence:
    operating = operating_malls(malls, as_of)
    linked = link_participation(operating, participation)
    operating["has_data"] = operating["key"].isin(set(linked["key"]))
    mou = linked[linked["agency"].isin(MOU_KEYS)]
    grid = (
        mou.assign(present=mou["present"].astype(bool))
        .pivot_table(index="key", columns="agency", values="present", aggfunc="max", fill_value=False)
        .reindex(index=operating.loc[operating["has_data"], "key"], columns=MOU_KEYS, fill_value=False)
        .fillna(False)
        .astype(bool)
    )
    return Presence(operating, grid, linked)


def _presence(
    malls: pd.DataFrame, participation: pd.DataFrame, as_of: dt.date, presence: Presence | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    found = presence or compute_presence(malls, participation, as_of)
    return found.operating, found.grid


def compute_agency_presence(
    malls: pd.DataFrame, participation: pd.DataFrame, as_of: dt.date, presence: Presence | None = None
) -> pd.DataFrame:
    """One row per MoU agency: agency, short_name, mou_signatory, malls_present,
    operating_malls_with_data, share_pct, missing (list of {region_code, mall_name}); highest share first."""
    operating, grid = _presence(malls, participation, as_of, presence)
    with_data = operating[operating["has_data"]]
    identity = dict(
        zip(with_data["key"], zip(with_data["region_code"], with_data["mall_name"], strict=True), strict=True)
    )
    rows = []
    for key in MOU_KEYS:
        present = grid[key] if len(grid) else pd.Series(dtype=bool)
        absent_keys = present.index[~present]
        rows.append(
            {
                "agency": key,
                "short_name": _AGENCY[key].short_name,
                "mou_signatory": _AGENCY[key].mou_signatory,
                "malls_present": int(present.sum()),
                "operating_malls_with_data": len(grid),
                "share_pct": share_pct(int(present.sum()), len(grid)),
                "missing": [
                    {"region_code": str(identity[k][0]), "mall_name": str(identity[k][1])} for k in absent_keys
                ],
            }
        )
    table = pd.DataFrame(rows)
    return share_order(table, "share_pct", "agency").reset_index(drop=True)


def count_malls_without_data(
    malls: pd.DataFrame, participation: pd.DataFrame, as_of: dt.date, presence: Presence | None = None
) -> tuple[int, int]:
    """(operating malls with participation data, operating malls without any)."""
    operating, _ = _presence(malls, participation, as_of, presence)
    return int(operating["has_data"].sum()), int((~operating["has_data"]).sum())


def compute_presence_by_province(
    malls: pd.DataFrame,
    participation: pd.DataFrame,
    regions: pd.DataFrame,
    as_of: dt.date,
    presence: Presence | None = None,
) -> pd.DataFrame:
    """Provinces x MoU agencies: share (0-100) of the province's operating malls with data where the
    agency is present; ``malls`` column: how many malls with data the share is of. One row per province
    (all 38; NaN shares where a province has no mall with data)."""
    operating, grid = _presence(malls, participation, as_of, presence)
    provinces = regions.drop_duplicates("province_code")[["province_code", "province_name"]]
    province_of = operating.set_index("key")["province_code"]
    counts = grid.groupby(province_of.reindex(grid.index)).size() if len(grid) else pd.Series(dtype=int)
    present = grid.groupby(province_of.reindex(grid.index)).sum() if len(grid) else pd.DataFrame(columns=MOU_KEYS)
    shares = present.apply(lambda column: shares_pct(column, counts.reindex(column.index)))
    table = provinces.set_index("province_code").join(shares).join(counts.rename("malls"))
    table["malls"] = table["malls"].fillna(0).astype(int)
    return table.reset_index()


def compute_mall_completeness(
    malls: pd.DataFrame, participation: pd.DataFrame, as_of: dt.date, presence: Presence | None = None
) -> pd.DataFrame:
    """One row per operating mall with data: region_code, mall_name, province_code, mou_present (0-17)."""
    operating, grid = _presence(malls, participation, as_of, presence)
    with_data = operating[operating["has_data"]].set_index("key")
    counts = grid.sum(axis=1) if len(grid) else pd.Series(dtype=int)
    return pd.DataFrame(
        {
            "region_code": with_data["region_code"].to_numpy(),
            "mall_name": with_data["mall_name"].to_numpy(),
            "province_code": with_data["province_code"].to_numpy(),
            "mou_present": counts.reindex(with_data.index).fillna(0).astype(int).to_numpy(),
        }
    )


def compute_completeness_distribution(completeness: pd.DataFrame) -> pd.DataFrame:
    """How many malls have 0, 1, ..., 17 MoU agencies present: mou_present, malls."""
    counts = completeness["mou_present"].value_counts().reindex(range(len(MOU_KEYS) + 1), fill_value=0)
    return pd.DataFrame({"mou_present": counts.index, "malls": counts.to_numpy(dtype=int)})


def compute_agency_work_list(
    malls: pd.DataFrame,
    participation: pd.DataFrame,
    regions: pd.DataFrame,
    agency: str,
    as_of: dt.date,
    presence: Presence | None = None,
) -> pd.DataFrame:
    """The operating malls (with participation data) where ``agency`` is absent: region_code,
    region_name, province_name, mall_name, inaugurated_on; by province and region."""
    operating, grid = _presence(malls, participation, as_of, presence)
    absent = grid.index[~grid[agency]] if len(grid) else []
    table = operating.set_index("key").loc[list(absent), ["region_code", "mall_name", "inaugurated_on"]]
    names = regions.set_index("code")
    table["region_name"] = table["region_code"].map(names["name"])
    table["province_name"] = (
        table["region_code"]
        .str[:2]
        .map(regions.drop_duplicates("province_code").set_index("province_code")["province_name"])
    )
    columns = ["region_code", "region_name", "province_name", "mall_name", "inaugurated_on"]
    return table[columns].sort_values(["region_code", "mall_name"]).reset_index(drop=True)


def compute_services(
    malls: pd.DataFrame, participation: pd.DataFrame, as_of: dt.date, presence: Presence | None = None
) -> dict:
    """Service counts where the exports carry them: per agency (total), per mall (total), and the
    median per mall. Per mall, the participation rows' sum is used; else the mall row's own count."""
    found = presence or compute_presence(malls, participation, as_of)
    operating, linked = found.operating, found.linked
    counted = linked[linked["present"].astype(bool) & linked["services"].notna()]
    per_agency = counted.groupby("agency")["services"].sum().astype(int).sort_values(ascending=False)
    from_rows = counted.groupby("key")["services"].sum()
    own = operating.set_index("key")["services"] if "services" in operating else pd.Series(dtype="Int64")
    per_mall = from_rows.combine_first(own.dropna().astype(float)).dropna().astype(int)
    return {
        "per_agency": per_agency.rename_axis("agency").reset_index(name="services"),
        "per_mall": per_mall.rename_axis("key").reset_index(name="services"),
        "median_per_mall": float(per_mall.median()) if len(per_mall) else None,
    }


def compute_presence_trend(history: list[tuple[dt.date, pd.DataFrame, pd.DataFrame]]) -> pd.DataFrame:
    """Presence share of each MoU agency in each snapshot: one row per (date, agency): date, agency,
    short_name, share_pct. ``history``: (snapshot date, malls, participation), any order."""
    rows = []
    for day, malls, participation in sorted(history, key=lambda item: item[0]):
        table = compute_agency_presence(malls, participation, day)
        if table["operating_malls_with_data"].max() == 0:
            continue
        for row in table.itertuples():
            rows.append({"date": day, "agency": row.agency, "short_name": row.short_name, "share_pct": row.share_pct})
    return pd.DataFrame(rows, columns=["date", "agency", "short_name", "share_pct"])
