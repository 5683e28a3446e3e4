"""Views: what one page draws, computed for a snapshot and a ``ViewScope``. ``ui.cache`` only wraps these
in Streamlit's caches (``VIEWS`` names the ones it keys on the scope); the command line asks for the same
figures through ``queries.national_figures``. Every view takes the scope by keyword."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pandas as pd

from mpp_data.access import Action, Actor, can
from mpp_data.analysis import agreements, forecast, metrics, participation
from mpp_data.analysis.forecast import Forecast
from mpp_data.config import Settings
from mpp_data.errors import NotAllowed
from mpp_data.ingest.tables import HEADER_SYNONYMS, IGNORED
from mpp_data.present import charts, forecast_text, maps
from mpp_data.present.corrections import amendments_table
from mpp_data.reference import agencies, bases, geo, regions
from mpp_data.scope import ViewScope
from mpp_data.service import use_views
from mpp_data.service.access import loaded_by
from mpp_data.store import Store, accounts
from mpp_data.store.accounts import withdrawn_ids

if TYPE_CHECKING:  # queries builds on these views
    from mpp_data.service.queries import SnapshotData

#: The fields an analyst can give a column on the upload page, in the order offered.
UPLOAD_FIELDS: list[str] = [f for f in HEADER_SYNONYMS if f != "row_number"] + ["row_number", IGNORED]


def default_as_of(data: SnapshotData) -> dt.date:
    """The date the snapshot's figures describe (its ``data_as_of``): every page's as-of date until
    someone picks another. A snapshot written before it was recorded: its newest inauguration date."""
    return data.snapshot.get("data_as_of") or metrics.default_as_of(data.malls)


def default_compare(as_of: dt.date) -> dt.date:
    """The sidebar's comparison date until someone picks another: a year before ``as_of``."""
    return forecast.add_months(as_of, -12)


def compare_date(as_of: dt.date, *, chosen: dt.date | None) -> dt.date:
    """The comparison date in use: the one chosen when it lies on or before ``as_of``, else a year before."""
    return chosen if chosen is not None and chosen <= as_of else default_compare(as_of)


def settle(data: SnapshotData, scope: ViewScope) -> ViewScope:
    """``scope`` with its defaults made explicit for ``data``: its snapshot's id, its newest date as
    ``as_of`` and twelve months before as ``compare_to``. ``target_date`` stays as the builder set it."""
    as_of = scope.as_of or default_as_of(data)
    return scope.replace(
        snapshot_id=int(data.snapshot["id"]), as_of=as_of, compare_to=scope.compare_to or default_compare(as_of)
    )


def _as_of(data: SnapshotData, scope: ViewScope) -> dt.date:
    return scope.as_of or default_as_of(data)


def _target(scope: ViewScope) -> dt.date:
    """The scope's target; a scope built without one (a test, a script) has the setting's default."""
    return scope.target_date or Settings().target_date


def province_names() -> dict[str, str]:
    """Province code -> name, in Kemendagri order."""
    return regions.province_names()


def agency_names() -> dict[str, str]:
    """MoU agency key -> short name, in the MoU's order."""
    return {a.key: a.short_name for a in agencies.MOU_AGENCIES}


def land_outline() -> dict:
    return geo.land_outline()


def _scope(
    data: SnapshotData, province: str | None, basis: str = bases.KEMENDAGRI
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The malls and the counting units of ``basis`` (of one province when given)."""
    malls, scoped = metrics.restrict_to_province(data.malls, regions.official_regions(), province)
    return bases.unit_malls(malls, basis), bases.counting_units(scoped, basis)


def forecast_for(data: SnapshotData, *, scope: ViewScope) -> Forecast:
    """The pace of the last 12 months carried forward, and the pace needed to reach the scope's target,
    in the units of the scope's basis."""
    return forecast.compute_forecast(
        *_scope(data, scope.province, scope.basis), as_of=_as_of(data, scope), target_date=_target(scope)
    )


def describe_forecast(result: Forecast, lang: str) -> list[str]:
    return forecast_text.describe_forecast(result, lang)


def rollout_charts(data: SnapshotData, *, scope: ViewScope) -> dict[str, Any]:
    """Everything the Overview's charts need, up to ``as_of``: ``timeline`` (one row per day a region
    became covered), ``malls`` (operating malls over time), ``batches``, ``quarters`` and
    ``milestones`` (national only)."""
    as_of, province = _as_of(data, scope), scope.province
    malls, scoped = _scope(data, province)
    timeline = metrics.compute_coverage_over_time(malls, scoped)
    upto = metrics.until(timeline, as_of)
    first = upto["date"].min() if len(upto) else None
    return {
        "timeline": upto,
        "malls": metrics.until(metrics.compute_malls_over_time(malls), as_of),
        "batches": forecast.compute_batch_days(timeline, as_of),
        "quarters": forecast.compute_new_per_quarter(timeline, as_of),
        "milestones": [] if province else forecast.milestones_in_range(first, as_of=as_of),
    }


def overview_figures(data: SnapshotData, *, scope: ViewScope, total_regions: int) -> dict[str, object]:
    """The Overview's plotly figures of one view: ``coverage_over_time``, ``pace_per_quarter`` and (national
    only) ``coverage_by_province``, in the scope's language. They depend only on the snapshot, the scope
    and the language, so the dashboard builds them once per process and every session shows the same
    objects."""
    rollout = rollout_charts(data, scope=scope)
    figures: dict[str, object] = {
        "coverage_over_time": charts.coverage_over_time(
            rollout["timeline"],
            total_regions,
            scope.lang,
            rollout["batches"],
            rollout["malls"],
            rollout["milestones"],
        ),
        "pace_per_quarter": charts.new_regions_per_quarter(rollout["quarters"], scope.lang),
    }
    if not scope.province:
        provinces = coverage_by_province(data, scope=scope)
        figures["coverage_by_province"] = charts.coverage_by_province(provinces, scope.lang)
    return figures


def coverage_by_province(data: SnapshotData, *, scope: ViewScope) -> pd.DataFrame:
    """One row per province: regions covered of its total on ``as_of`` (always national)."""
    return metrics.compute_coverage_by_province(data.malls, regions.official_regions(), _as_of(data, scope))


def region_status(data: SnapshotData, *, scope: ViewScope) -> pd.DataFrame:
    """One row per kabupaten/kota (of the scope's province when given) with its status on ``as_of``."""
    return metrics.compute_region_status(*_scope(data, scope.province), _as_of(data, scope))


def gap_list(data: SnapshotData, *, scope: ViewScope) -> pd.DataFrame:
    """One row per unit of the scope's basis (a kabupaten/kota; DKI Jakarta as one under ``panrb``)
    without an operating MPP on ``as_of``, with its pipeline stage."""
    return metrics.compute_gap_list(*_scope(data, scope.province, scope.basis), _as_of(data, scope))


def region_malls(data: SnapshotData, *, scope: ViewScope, code: str) -> pd.DataFrame:
    """One row per mall of one kabupaten/kota, with its status on ``as_of``."""
    return metrics.compute_region_malls(data.malls, code, _as_of(data, scope))


def region_options(data: SnapshotData, *, scope: ViewScope) -> pd.DataFrame:
    """The kabupaten/kota one may choose: all 514, or those of the scope's province."""
    return regions.official_regions() if not scope.province else region_status(data, scope=scope)


def map_regions(data: SnapshotData, *, scope: ViewScope) -> pd.DataFrame:
    """One row per kabupaten/kota with its map point and status on ``as_of``."""
    official = regions.official_regions()
    return maps.compute_map_regions(data.malls, official, geo.region_points(), _as_of(data, scope))


def agency_view(data: SnapshotData, *, scope: ViewScope) -> dict[str, Any]:
    """Everything the Agencies page draws, for one snapshot, date and province. Presence is the
    participation rows with the agreements' word, from whichever upload says so last
    (``use_views.presence_rows``); ``presence_sources`` counts the presences each gave."""
    as_of, province = _as_of(data, scope), scope.province
    official = regions.official_regions()
    malls, _ = metrics.restrict_to_province(data.malls, official, province)
    rows = use_views.presence_rows(data)
    found = use_views.presence(data, as_of, province)
    national = use_views.presence(data, as_of, None)
    completeness = participation.compute_mall_completeness(malls, rows, as_of, presence=found)
    with_data, without_data = participation.count_malls_without_data(malls, rows, as_of, presence=found)
    return {
        "presence": participation.compute_agency_presence(malls, rows, as_of, presence=found),
        "presence_sources": agreements.presence_sources(rows),
        "by_province": participation.compute_presence_by_province(data.malls, rows, official, as_of, presence=national),
        "distribution": participation.compute_completeness_distribution(completeness),
        "with_data": with_data,
        "without_data": without_data,
        "services": participation.compute_services(malls, rows, as_of, presence=found),
    }


def agency_work_list(data: SnapshotData, *, scope: ViewScope, agency: str) -> pd.DataFrame:
    """One row per operating mall (of the scope's province when given) where ``agency`` is missing."""
    malls, _ = _scope(data, scope.province)
    official = regions.official_regions()
    as_of = _as_of(data, scope)
    found = use_views.presence(data, as_of, scope.province)
    return participation.compute_agency_work_list(
        malls, use_views.presence_rows(data), official, agency, as_of, presence=found
    )


def national_summary(data: SnapshotData, *, scope: ViewScope) -> dict:
    """The headline figures: coverage, malls by status and coverage per province (the Overview's KPIs).
    Coverage counts the units of the scope's basis: ``total_units``, ``covered_units`` and
    ``coverage_pct``; ``total_regions`` and ``covered_regions`` are the same counts (their older
    names), and ``provinces`` counts units too (DKI Jakarta is one under ``panrb``)."""
    as_of, province, basis = _as_of(data, scope), scope.province, scope.basis
    malls, regions_in = metrics.restrict_to_province(data.malls, regions.official_regions(), province)
    malls, units = bases.unit_malls(malls, basis), bases.counting_units(regions_in, basis)
    summary = metrics.compute_national_summary(malls, units, as_of)
    # a province-run mall stays one whatever the basis (under panrb DKI's counts for its unit)
    operating = metrics.status_as_of(data.malls, as_of).eq(metrics.OPERATING)
    in_scope = data.malls["province_code"].eq(province) if province else True
    run_by_province = operating & in_scope & ~data.malls["region_code"].isin(regions_in["code"])
    summary["province_run_malls"] = int(run_by_province.sum())
    summary["basis"] = basis
    summary["total_units"], summary["covered_units"] = summary["total_regions"], summary["covered_regions"]
    provinces = metrics.compute_coverage_by_province(malls, units, as_of)
    summary["as_of"] = as_of.isoformat()
    summary["province"] = province
    summary["snapshot_id"] = int(data.snapshot["id"])
    summary["is_sample"] = bool(data.snapshot["is_sample"])
    summary["provinces"] = [
        {
            "code": r.province_code,
            "name": r.province_name,
            "total_regions": int(r.total_regions),
            "covered_regions": int(r.covered_regions),
            "coverage_pct": float(r.coverage_pct),
        }
        for r in provinces.itertuples()
    ]
    return summary


def national_figures(data: SnapshotData, *, scope: ViewScope) -> dict:
    """The CLI's ``metrics`` object: the headline figures with the forecast and the gap list."""
    summary = national_summary(data, scope=scope)
    # the same view functions the Overview and the work list draw from
    summary["forecast"] = forecast_for(data, scope=scope).as_json()
    gaps = gap_list(data, scope=scope)
    summary["gaps"] = gaps[["code", "name", "province_code", "pipeline_status"]].to_dict("records")
    return summary


def agency_presence(data: SnapshotData, *, scope: ViewScope) -> pd.DataFrame:
    """``participation.compute_agency_presence`` for a snapshot (default: its data date), of the scope's
    province's operating malls when it has one (as the Agencies page's filter)."""
    malls, _ = metrics.restrict_to_province(data.malls, regions.official_regions(), scope.province)
    return participation.compute_agency_presence(malls, use_views.presence_rows(data), _as_of(data, scope))


#: The views of one snapshot in one scope, by name: ``ui.cache.view`` keys them on (store, scope, name,
#: parameters). Each takes the snapshot's data and ``scope=`` (and its own keyword parameters).
VIEWS: dict[str, Callable[..., object]] = {
    f.__name__: f
    for f in (
        national_summary,
        national_figures,
        forecast_for,
        rollout_charts,
        coverage_by_province,
        region_status,
        gap_list,
        region_malls,
        region_options,
        map_regions,
        agency_view,
        agency_work_list,
        agency_presence,
        *use_views.USE_VIEWS,
    )
}


#: What no view's figures depend on: the language is the page's to render, the comparison date a
#: second scope (``scope.then``). A field the scope gains (the planner's ``basis``) is read unless listed.
IGNORED_BY_EVERY_VIEW = frozenset({"lang", "compare_to"})
#: What one view ignores beyond those: only the forecast and the CLI's figures read the target.
IGNORED_BY_VIEW = {
    name: frozenset({"target_date"}) for name in VIEWS if name not in ("forecast_for", "national_figures")
}
IGNORED_BY_VIEW |= {
    name: IGNORED_BY_VIEW[name] | {"province"}
    for name in ("coverage_by_province", "map_regions", "region_malls", "region_agreements", "region_visits")
}  # always national


def view_scope(name: str, scope: ViewScope) -> ViewScope:
    """The part of ``scope`` that view ``name`` reads, the rest at its default: the view's cache key, so
    switching the language or the comparison date computes nothing again."""
    ignored = IGNORED_BY_EVERY_VIEW | IGNORED_BY_VIEW.get(name, frozenset())
    return scope.replace(**{field: getattr(_DEFAULT_SCOPE, field) for field in ignored})


_DEFAULT_SCOPE = ViewScope()


def compute_view(name: str, data: SnapshotData, *, scope: ViewScope, **params: object) -> object:
    """The view ``name`` (one of ``VIEWS``) of ``data`` in ``scope``."""
    if name not in VIEWS:
        raise ValueError(f"unknown view {name!r}; one of {', '.join(VIEWS)}")
    return VIEWS[name](data, scope=scope, **params)


def may_see_upload_details(actor: Actor | None, *, history_open: bool = False) -> bool:
    """Whether ``actor`` sees an upload's original files, who loaded it, its corrections and the reasons
    rows were left out: analysts and admins, or anyone when the deployment opens History
    (``MPP_HISTORY_OPEN=1``). Everyone sees that an upload happened, when, and its figures."""
    return history_open or can(actor, Action.SEE_UPLOAD_DETAILS)


def _details_for(actor: Actor | None, history_open: bool) -> None:
    if not may_see_upload_details(actor, history_open=history_open):
        raise NotAllowed(action=str(Action.SEE_UPLOAD_DETAILS))


def list_snapshots(store: Store, *, actor: Actor | None = None, history_open: bool = False) -> pd.DataFrame:
    """One row per snapshot, newest first, with ``withdrawn`` (taken out of view by an admin, still
    kept) and, for those who may see upload details, ``loaded_by`` (from the audit log; empty for loads
    made before it)."""
    snapshots = store.list_snapshots()
    if may_see_upload_details(actor, history_open=history_open):
        who = loaded_by(store)
        snapshots["loaded_by"] = [who.get(int(i), "") for i in snapshots["id"]]
    snapshots["withdrawn"] = snapshots["id"].isin(withdrawn_ids(store))
    return snapshots


def latest_snapshot_id(store: Store) -> int | None:
    return store.latest_snapshot_id()


def view_version(store: Store) -> str:
    """Changes with every load, withdrawal and restore: the key of caches over several snapshots (History's
    list, the agencies' trend), read afresh by every process at every rerun."""
    return accounts.view_version(store)


def snapshot_info(store: Store, snapshot_id: int) -> dict:
    """One snapshot's record: id, time, files, row counts, ``is_sample``, ``carried_over``."""
    return store.snapshot(snapshot_id)


def source_files(store: Store, snapshot_id: int, *, actor: Actor | None, history_open: bool = False) -> list:
    """The files of one upload as they came in, each with its check report; :class:`NotAllowed`
    unless :func:`may_see_upload_details`."""
    _details_for(actor, history_open)
    return store.load_source_files(snapshot_id)


def snapshot_amendments(
    store: Store, snapshot_id: int, lang: str, *, actor: Actor | None, history_open: bool = False
) -> pd.DataFrame:
    """One upload's corrections (written -> corrected) and rows left out (with the reason), one per line;
    :class:`NotAllowed` unless :func:`may_see_upload_details`."""
    _details_for(actor, history_open)
    corrections, left_out = store.load_amendments(snapshot_id)
    return amendments_table(corrections, left_out, lang)
