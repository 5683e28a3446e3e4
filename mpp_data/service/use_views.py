"""Views of agreements (PKS) and visits (issue 24): what the Agencies, Region and Use pages, the command
line's ``agreements`` and ``visits`` and the deck draw, for one snapshot and ``ViewScope``. Listed in
``views.VIEWS`` with the others; every view takes the scope by keyword."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pandas as pd

from mpp_data.analysis import agreements, metrics, participation, visits
from mpp_data.reference import regions
from mpp_data.reference.agreements import STAGES
from mpp_data.scope import ViewScope

if TYPE_CHECKING:
    from mpp_data.service.queries import SnapshotData

#: The default of ``MPP_AGREEMENTS_EXPIRING_DAYS`` (``Settings.agreements_expiring_days``) for callers without settings.
EXPIRING_DAYS = 90


def _as_of(data: SnapshotData, scope: ViewScope) -> dt.date:
    return scope.as_of or data.snapshot.get("data_as_of") or metrics.default_as_of(data.malls)


def _malls(data: SnapshotData, province: str | None) -> pd.DataFrame:
    return metrics.restrict_to_province(data.malls, regions.official_regions(), province)[0]


def presence_rows(data: SnapshotData) -> pd.DataFrame:
    """The participation rows with the agreements' word on presence, from whichever upload says so last
    (``agreements.merge_presence``): what the Agencies figures count."""
    return data.derived(
        ("presence_rows",),
        lambda: agreements.merge_presence(
            data.malls,
            data.participation,
            data.table("agreements"),
            participation_on=data.table_on("participation"),
            agreements_on=data.table_on("agreements"),
        ),
    )


def presence(data: SnapshotData, as_of: dt.date, province: str | None) -> participation.Presence:
    """Operating malls and the presence grid on ``as_of`` (of ``province`` when given), once per date."""

    def build() -> participation.Presence:
        return participation.compute_presence(_malls(data, province), presence_rows(data), as_of)

    return data.derived(("presence", as_of, province), build)


def agreement_view(data: SnapshotData, *, scope: ViewScope, days: int = EXPIRING_DAYS) -> dict[str, Any]:
    """The Agencies page's agreement sections: ``loaded`` (whether the snapshot has agreement rows),
    ``operating_malls``, ``funnel`` (one row per MoU agency), ``by_province`` (national only, else None),
    ``behind`` (lowest share signed or later first), ``expiring`` (within ``days``), ``not_signed``."""
    as_of, rows = _as_of(data, scope), data.table("agreements")
    malls = _malls(data, scope.province)
    funnel = agreements.compute_funnel(malls, rows, as_of)
    return {
        "loaded": bool(len(rows)),
        "as_of": as_of,
        "days": days,
        "operating_malls": int(funnel["operating_malls"].iloc[0]) if len(funnel) else 0,
        "funnel": funnel,
        "by_province": None
        if scope.province
        else agreements.compute_funnel_by_province(data.malls, rows, regions.official_regions(), as_of),
        "behind": agreements.compute_furthest_behind(funnel),
        "expiring": agreements.compute_expiring(malls, rows, as_of, days),
        "not_signed": agreements.compute_not_signed(malls, rows, as_of),
    }


def agreements_report(
    data: SnapshotData, *, scope: ViewScope, days: int = EXPIRING_DAYS, agency: str | None = None
) -> dict[str, Any]:
    """``agreements --json`` (issue 24 point 5): ``{as_of, operating_malls, agencies: [{agency, stages:
    {none, ..., ended}}], expiring: [{region_code, mall, agency, valid_until}], not_signed: [{region_code,
    mall, agency}]}``; ``agency`` narrows the three lists to one MoU agency."""
    view = agreement_view(data, scope=scope, days=days)
    funnel, expiring, not_signed = view["funnel"], view["expiring"], view["not_signed"]
    if agency:
        funnel, expiring = funnel[funnel["agency"] == agency], expiring[expiring["agency"] == agency]
        not_signed = not_signed[not_signed["agency"] == agency]
    return {
        "as_of": view["as_of"].isoformat(),
        "operating_malls": view["operating_malls"],
        "agencies": [
            {"agency": r["agency"], "stages": {s: int(r[s]) for s in STAGES}} for r in funnel.to_dict("records")
        ],
        "expiring": [
            {
                "region_code": r.region_code,
                "mall": r.mall_name,
                "agency": r.agency,
                "valid_until": r.valid_until.isoformat(),
            }
            for r in expiring.itertuples()
        ],
        "not_signed": [
            {"region_code": r.region_code, "mall": r.mall_name, "agency": r.agency} for r in not_signed.itertuples()
        ],
    }


def agreement_rows(data: SnapshotData, *, scope: ViewScope, agency: str | None = None) -> pd.DataFrame:
    """``export agreements``: one row per operating mall (of the scope's province) x MoU agency (one when
    given) with its stage and dates (``agreements.operating_grid``) and the agency's short name."""
    grid = agreements.operating_grid(_malls(data, scope.province), data.table("agreements"), _as_of(data, scope))
    if agency:
        grid = grid[grid["agency"] == agency]
    return grid.assign(short_name=grid["agency"].map(agreements.SHORT_NAMES)).reset_index(drop=True)


def region_agreements(data: SnapshotData, *, scope: ViewScope, code: str) -> pd.DataFrame:
    """Each MoU agency's stage in each mall of region ``code``, with its dates (empty with no agreements)."""
    rows = data.table("agreements")
    if not len(rows[rows["region_code"].astype(str) == code]):
        return agreements.compute_region_agreements(data.malls.iloc[0:0], rows, code)
    return agreements.compute_region_agreements(data.malls, rows, code)


def _month(data: SnapshotData, wanted: dt.date | None, rows: pd.DataFrame) -> dt.date | None:
    return visits.month_start(wanted) if wanted else visits.latest_month(rows)


def use_view(data: SnapshotData, *, scope: ViewScope, month: dt.date | None = None) -> dict[str, Any]:
    """The Use page: ``loaded``, ``months`` (newest first), ``month`` (the one shown: the newest unless
    given), ``table`` (every mall reporting in that month), ``lowest``, ``highest`` (five each), ``quiet``
    (all malls under half their counters), ``counters_reported`` (any counters that month), ``over_time`` (visits by province and month) and ``silent``
    (operating malls reporting no visits that month); of the scope's province when it has one."""
    rows = visits.in_province(data.table("visits"), scope.province)
    chosen = _month(data, month, rows)
    table = visits.compute_month(rows, chosen) if chosen else visits.compute_month(rows, dt.date(1900, 1, 1))
    return {
        "loaded": bool(len(data.table("visits"))),
        "months": visits.months(rows),
        "month": chosen,
        "table": table,
        "lowest": visits.lowest(table),
        "highest": visits.highest(table),
        "quiet": visits.quiet(table),
        # whether any mall of the month reported its counters: without any, no mall can be called quiet
        "counters_reported": bool(table["counters_total"].notna().any()),
        "over_time": visits.compute_over_time(rows, regions.official_regions()),
        "silent": visits.compute_silent(_malls(data, scope.province), rows, chosen) if chosen else table.iloc[0:0],
    }


def _mall_rows(frame: pd.DataFrame) -> list[dict]:
    def number(value: object) -> int | None:
        return None if pd.isna(value) else int(value)  # type: ignore[call-overload]

    return [
        {
            "region_code": r["region_code"],
            "mall": r["mall"],
            "visits": number(r["visits"]),
            "counters_active": number(r["counters_active"]),
            "counters_total": number(r["counters_total"]),
        }
        for r in frame.to_dict("records")
    ]


def visits_report(data: SnapshotData, *, scope: ViewScope, month: dt.date | None = None) -> dict[str, Any]:
    """``visits --json`` (issue 24 point 5): ``{month, malls: [{region_code, mall, visits, counters_active,
    counters_total}], lowest, highest, quiet}``: five each in ``lowest``, ``highest`` and ``quiet`` (the
    lowest share of active counters), ties by mall name; ``month`` is ``YYYY-MM`` (None with no visits)."""
    view = use_view(data, scope=scope, month=month)
    return {
        "month": view["month"].strftime("%Y-%m") if view["month"] else None,
        "malls": _mall_rows(view["table"]),
        "lowest": _mall_rows(view["lowest"]),
        "highest": _mall_rows(view["highest"]),
        "quiet": _mall_rows(view["quiet"].head(visits.TOP)),
    }


def region_visits(data: SnapshotData, *, scope: ViewScope, code: str) -> pd.DataFrame:
    """The visits of region ``code``'s malls, month by month."""
    return visits.compute_mall_visits(data.malls, data.table("visits"), code)


#: Listed in ``views.VIEWS``.
USE_VIEWS = (
    agreement_view,
    agreements_report,
    agreement_rows,
    region_agreements,
    use_view,
    visits_report,
    region_visits,
)
