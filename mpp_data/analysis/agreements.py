"""Cooperation agreements (PKS) of the MoU agencies in the operating malls (pure).

``agreements``: one row per mall x MoU agency (``reference.agreements.AGREEMENT_COLUMNS``): region_code,
mall, agency (MoU key), stage (one of ``STAGES``), pks_number, signed_on, valid_until (datetime64 or NaT),
services (Int64).

Every figure here is over the operating malls on ``as_of`` (of the malls given: the caller narrows them to
a province). A mall with no row for an agency counts as ``none`` for it; a row is a mall's by the
register's identity rule (``participation.link_participation``: same region and name, else the region's
only mall); a row that fits no operating mall counts nowhere. Two rows for one mall and agency: the last
one read stands, as a later row of an upload corrects an earlier one.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from mpp_data.analysis.participation import MOU_KEYS, link_participation, mall_key, operating_malls
from mpp_data.figures import share_pct
from mpp_data.reference.agencies import MOU_AGENCIES
from mpp_data.reference.agreements import AGREEMENT_COLUMNS, NONE, PRESENT_STAGES, SIGNED_OR_LATER, STAGES

#: MoU agency key -> short name.
SHORT_NAMES = {a.key: a.short_name for a in MOU_AGENCIES}
_SHORT = SHORT_NAMES
_DETAILS = ["stage", "pks_number", "signed_on", "valid_until", "services"]
#: Stages not yet at ``signed``: the not-signed list (``ended`` is an agreement that was signed).
NOT_SIGNED = (NONE, "drafting")


def empty_agreements() -> pd.DataFrame:
    """An agreements frame with no rows, its columns typed."""
    return pd.DataFrame(
        {
            "region_code": pd.Series(dtype=object),
            "mall": pd.Series(dtype=object),
            "agency": pd.Series(dtype=object),
            "stage": pd.Series(dtype=object),
            "pks_number": pd.Series(dtype=object),
            "signed_on": pd.Series(dtype="datetime64[ns]"),
            "valid_until": pd.Series(dtype="datetime64[ns]"),
            "services": pd.Series(dtype="Int64"),
        }
    )[list(AGREEMENT_COLUMNS)]


def _linked(malls: pd.DataFrame, agreements: pd.DataFrame) -> pd.DataFrame:
    """Agreement rows of MoU agencies with the ``key`` of the mall (of ``malls``) they belong to."""
    rows = agreements[agreements["agency"].isin(MOU_KEYS)].rename(columns={"mall": "mall_name"})
    linked = link_participation(malls, rows)
    return linked.drop_duplicates(["key", "agency"], keep="last")


def compute_stage_grid(malls: pd.DataFrame, agreements: pd.DataFrame) -> pd.DataFrame:
    """One row per mall of ``malls`` x MoU agency (in the MoU's order): key, region_code, mall_name,
    province_code, agency, stage (``none`` where no row says otherwise), pks_number, signed_on,
    valid_until, services; by region code and mall name."""
    keyed = malls.assign(key=mall_key(malls["region_code"], malls["mall_name"])).drop_duplicates("key")
    keyed = keyed.sort_values(["region_code", "mall_name"], kind="stable")
    base = keyed[["key", "region_code", "mall_name", "province_code"]]
    grid = base.merge(pd.DataFrame({"agency": MOU_KEYS}), how="cross")
    found = _linked(keyed, agreements)[["key", "agency", *_DETAILS]]
    grid = grid.merge(found, on=["key", "agency"], how="left")
    grid["stage"] = grid["stage"].fillna(NONE)
    grid["agency"] = pd.Categorical(grid["agency"], categories=MOU_KEYS, ordered=True)
    grid = grid.sort_values(["region_code", "mall_name", "agency"], kind="stable")
    grid["agency"] = grid["agency"].astype(str)
    return grid.reset_index(drop=True)


def operating_grid(malls: pd.DataFrame, agreements: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """:func:`compute_stage_grid` of the malls operating on ``as_of``."""
    return compute_stage_grid(operating_malls(malls, as_of).drop(columns="key"), agreements)


def _funnel(grid: pd.DataFrame, malls: int) -> pd.DataFrame:
    counts = (
        pd.crosstab(pd.Categorical(grid["agency"], MOU_KEYS), pd.Categorical(grid["stage"], STAGES), dropna=False)
        if len(grid)
        else pd.DataFrame(0, index=MOU_KEYS, columns=list(STAGES))
    )
    counts = counts.reindex(index=MOU_KEYS, columns=list(STAGES), fill_value=0).astype(int)
    table = counts.rename_axis(index="agency", columns=None).reset_index()
    table.insert(1, "short_name", table["agency"].map(_SHORT))
    table["operating_malls"] = malls
    table["signed_or_later"] = table[sorted(SIGNED_OR_LATER, key=STAGES.index)].sum(axis=1).astype(int)
    table["signed_pct"] = [share_pct(n, malls) for n in table["signed_or_later"]]
    return table


def compute_funnel(malls: pd.DataFrame, agreements: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """One row per MoU agency (MoU order): agency, short_name, a count of operating malls at each stage
    (``none`` ... ``ended``; they add up to ``operating_malls``), operating_malls, signed_or_later
    (signed, counter open or integrated) and signed_pct (its share of the operating malls)."""
    grid = operating_grid(malls, agreements, as_of)
    return _funnel(grid, int(grid["key"].nunique()))


def compute_funnel_by_province(
    malls: pd.DataFrame, agreements: pd.DataFrame, regions: pd.DataFrame, as_of: dt.date
) -> pd.DataFrame:
    """One row per province (all 38, Kemendagri order) x MoU agency: province_code, province_name, the
    columns of :func:`compute_funnel` for that province's operating malls (``signed_pct`` NaN where the
    province has none)."""
    grid = operating_grid(malls, agreements, as_of)
    provinces = regions.drop_duplicates("province_code")[["province_code", "province_name"]]
    tables = []
    for code, name in provinces.itertuples(index=False):
        mine = grid[grid["province_code"] == code]
        table = _funnel(mine, int(mine["key"].nunique()))
        if not len(mine):
            table["signed_pct"] = float("nan")
        tables.append(table.assign(province_code=code, province_name=name))
    columns = ["province_code", "province_name"]
    combined = pd.concat(tables, ignore_index=True)
    return combined[columns + [c for c in combined.columns if c not in columns]]


def compute_furthest_behind(funnel: pd.DataFrame, count: int | None = None) -> pd.DataFrame:
    """The agencies with the lowest share of operating malls at ``signed`` or later, lowest first; equal
    shares by agency key. ``count``: the first so many (all when None)."""
    ordered = funnel.sort_values(["signed_pct", "agency"], kind="stable").reset_index(drop=True)
    return ordered if count is None else ordered.head(count)


def compute_expiring(malls: pd.DataFrame, agreements: pd.DataFrame, as_of: dt.date, days: int) -> pd.DataFrame:
    """Agreements of operating malls in force (signed, counter open, integrated) whose ``valid_until``
    falls from ``as_of`` to ``days`` days after it, both included: region_code, mall_name, agency,
    short_name, stage, pks_number, valid_until (date), days_left; soonest first, then region, mall, agency."""
    grid = operating_grid(malls, agreements, as_of)
    until = pd.to_datetime(grid["valid_until"])
    start, end = pd.Timestamp(as_of), pd.Timestamp(as_of + dt.timedelta(days=days))
    chosen = grid[grid["stage"].isin(SIGNED_OR_LATER) & until.between(start, end)].copy()
    chosen["valid_until"] = pd.to_datetime(chosen["valid_until"]).dt.date
    chosen["days_left"] = [(d - as_of).days for d in chosen["valid_until"]]
    chosen["short_name"] = chosen["agency"].map(_SHORT)
    chosen = chosen.sort_values(["valid_until", "region_code", "mall_name"], kind="stable")
    columns = ["region_code", "mall_name", "agency", "short_name", "stage", "pks_number", "valid_until", "days_left"]
    return chosen[columns].reset_index(drop=True)


def compute_not_signed(malls: pd.DataFrame, agreements: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """Operating malls x MoU agencies not yet at ``signed`` (``none``, with no row too, or ``drafting``):
    region_code, mall_name, province_code, agency, short_name, stage; by region, mall and the MoU's order."""
    grid = operating_grid(malls, agreements, as_of)
    chosen = grid[grid["stage"].isin(NOT_SIGNED)].assign(short_name=lambda g: g["agency"].map(_SHORT))
    columns = ["region_code", "mall_name", "province_code", "agency", "short_name", "stage"]
    return chosen[columns].reset_index(drop=True)


def compute_region_agreements(malls: pd.DataFrame, agreements: pd.DataFrame, code: str) -> pd.DataFrame:
    """Each MoU agency's stage in each mall of region ``code`` (whatever the mall's status), with its
    dates: mall_name, agency, short_name, stage, pks_number, signed_on, valid_until (dates), services."""
    mine = malls[malls["region_code"].astype(str) == code]
    grid = compute_stage_grid(mine, agreements)
    for column in ("signed_on", "valid_until"):
        grid[column] = [None if pd.isna(d) else pd.Timestamp(d).date() for d in grid[column]]
    grid["short_name"] = grid["agency"].map(_SHORT)
    columns = ["mall_name", "agency", "short_name", "stage", "pks_number", "signed_on", "valid_until", "services"]
    return grid[columns].reset_index(drop=True)


def mall_of(malls: pd.DataFrame, rows: pd.DataFrame) -> pd.Series:
    """The ``key`` of each row's mall by ``link_participation``'s rule; missing where it fits none (kept)."""
    keys = mall_key(malls["region_code"], malls["mall_name"])
    only_mall = {code: k.iloc[0] for code, k in keys.groupby(malls["region_code"].astype(str)) if len(k) == 1}
    own = mall_key(rows["region_code"], rows["mall_name"])
    return own.where(own.isin(set(keys)), rows["region_code"].astype(str).map(only_mall))


def merge_presence(
    malls: pd.DataFrame,
    participation: pd.DataFrame,
    agreements: pd.DataFrame,
    *,
    participation_on: dt.date | None,
    agreements_on: dt.date | None,
) -> pd.DataFrame:
    """Participation rows with the agreements' word on presence (issue 24.2): an MoU agency is present in
    a mall at stage ``counter_open`` or later. For a mall (of ``malls``, by the register's identity rule)
    and agency both uploads speak of, the one of the later date (``*_on``: the date each table's upload
    describes) decides; on the same date, or with a date unknown, the agreement decides (it names the
    stage). A pair only one of them speaks of: that one.

    Returns the participation frame's columns (region_code, mall_name, agency, present, services) plus
    ``source`` (``participation`` or ``agreements``); with no agreements, the participation rows as given."""
    mou = agreements[agreements["agency"].isin(MOU_KEYS)] if len(agreements) else agreements
    if not len(mou):
        return participation.assign(source="participation")
    rows = _linked(malls, mou)
    from_agreements = pd.DataFrame(
        {
            "region_code": rows["region_code"].astype(str).to_numpy(),
            "mall_name": rows["mall_name"].astype(str).to_numpy(),
            "agency": rows["agency"].astype(str).to_numpy(),
            "present": rows["stage"].isin(PRESENT_STAGES).to_numpy(),
            "services": rows["services"].astype("Int64").to_numpy(),
            "source": "agreements",
            "key": rows["key"].to_numpy(),
        }
    )
    linked = participation.assign(source="participation", key=mall_of(malls, participation))
    agreements_decide = participation_on is None or agreements_on is None or agreements_on >= participation_on
    pair = ["key", "agency"]
    if agreements_decide:
        spoken = pd.MultiIndex.from_frame(from_agreements[pair])
        kept = linked[~pd.MultiIndex.from_frame(linked[pair]).isin(spoken)]
        merged = pd.concat([kept, from_agreements], ignore_index=True)
    else:
        spoken = pd.MultiIndex.from_frame(linked[pair])
        added = from_agreements[~pd.MultiIndex.from_frame(from_agreements[pair]).isin(spoken)]
        merged = pd.concat([linked, added], ignore_index=True)
    return merged.drop(columns="key")


def presence_sources(merged: pd.DataFrame) -> dict[str, int]:
    """How many mall x MoU-agency presences (present rows) each upload gave: ``participation``, ``agreements``."""
    present = merged[merged["present"].astype(bool) & merged["agency"].isin(MOU_KEYS)]
    counts = present["source"].value_counts() if "source" in present else pd.Series(dtype=int)
    return {name: int(counts.get(name, 0)) for name in ("participation", "agreements")}
