"""Views: what one page draws, computed for a snapshot. ``ui.cache`` only wraps these in Streamlit's
caches; the command line asks for the same figures through ``queries.national_figures``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pandas as pd

from mpp_data.access import Action, Actor, can
from mpp_data.analysis import forecast, metrics, participation
from mpp_data.analysis.forecast import Forecast
from mpp_data.config import Settings
from mpp_data.errors import NotAllowed
from mpp_data.ingest.tables import HEADER_SYNONYMS, IGNORED
from mpp_data.present import charts, forecast_text, maps
from mpp_data.present.corrections import amendments_table
from mpp_data.reference import agencies, bases, geo, regions
from mpp_data.service.access import loaded_by
from mpp_data.store import Store, accounts
from mpp_data.store.accounts import withdrawn_ids

if TYPE_CHECKING:  # queries builds on these views
    from mpp_data.service.queries import SnapshotData

#: The fields an analyst can give a column on the upload page, in the order offered.
UPLOAD_FIELDS: list[str] = [f for f in HEADER_SYNONYMS if f != "row_number"] + ["row_number", IGNORED]


def database_url() -> str:
    """The configured store's URL (``MPP_DATABASE_URL``)."""
    return Settings.from_env().database_url


def target_date() -> dt.date:
    """The date by which every region should have an MPP (``MPP_TARGET_DATE``)."""
    return Settings.from_env().target_date


def max_upload_mb() -> int:
    """The largest upload in whole MB of 2**20 bytes (``MPP_MAX_UPLOAD_MB``, rounded up), for the uploaders."""
    return Settings.from_env().max_upload_mb


def default_as_of(data: SnapshotData) -> dt.date:
    """The date the snapshot's figures describe (its ``data_as_of``): every page's as-of date until
    someone picks another. A snapshot written before it was recorded: its newest inauguration date."""
    return data.snapshot.get("data_as_of") or metrics.default_as_of(data.malls)


def default_compare(as_of: dt.date) -> dt.date:
    """The sidebar's comparison date until someone picks another: a year before ``as_of``."""
    return forecast.add_months(as_of, -12)


def compare_date(as_of: dt.date, chosen: dt.date | None) -> dt.date:
    """The comparison date in use: the one chosen when it lies on or before ``as_of``, else a year before."""
    return chosen if chosen is not None and chosen <= as_of else default_compare(as_of)


def province_names() -> dict[str, str]:
    """Province code -> name, in Kemendagri order."""
    return regions.province_names()


def agency_names() -> dict[str, str]:
    """MoU agency key -> short name, in the MoU's order."""
    return {a.key: a.short_name for a in agencies.MOU_AGENCIES}


def land_outline() -> dict:
    return geo.land_outline()


def default_basis() -> str:
    """The counting basis shares are shown on unless another is chosen (``MPP_BASIS``)."""
    return Settings.from_env().basis


def _scope(
    data: SnapshotData, province: str | None, basis: str = bases.KEMENDAGRI
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The malls and the counting units of ``basis`` (of one province when given)."""
    malls, scoped = metrics.restrict_to_province(data.malls, regions.official_regions(), province)
    return bases.unit_malls(malls, basis), bases.counting_units(scoped, basis)


def forecast_for(
    data: SnapshotData, as_of: dt.date, target: dt.date, province: str | None, *, basis: str = bases.KEMENDAGRI
) -> Forecast:
    """The pace of the last 12 months carried forward, and the pace needed to reach ``target``, in the
    units of ``basis``."""
    return forecast.compute_forecast(*_scope(data, province, basis), as_of, target)


def describe_forecast(result: Forecast, lang: str) -> list[str]:
    return forecast_text.describe_forecast(result, lang)


def rollout_charts(data: SnapshotData, as_of: dt.date, province: str | None) -> dict[str, Any]:
    """Everything the Overview's charts need, up to ``as_of``: ``timeline`` (one row per day a region
    became covered), ``malls`` (operating malls over time), ``batches``, ``quarters`` and
    ``milestones`` (national only)."""
    malls, scoped = _scope(data, province)
    timeline = metrics.compute_coverage_over_time(malls, scoped)
    upto = metrics.until(timeline, as_of)
    first = upto["date"].min() if len(upto) else None
    return {
        "timeline": upto,
        "malls": metrics.until(metrics.compute_malls_over_time(malls), as_of),
        "batches": forecast.compute_batch_days(timeline, as_of),
        "quarters": forecast.compute_new_per_quarter(timeline, as_of),
        "milestones": [] if province else forecast.milestones_in_range(first, as_of),
    }


def overview_figures(
    data: SnapshotData, as_of: dt.date, province: str | None, lang: str, total_regions: int
) -> dict[str, object]:
    """The Overview's plotly figures of one view: ``coverage_over_time``, ``pace_per_quarter`` and (national
    only) ``coverage_by_province``. They depend only on the snapshot, the scope and the language, so the
    dashboard builds them once per process and every session shows the same objects."""
    rollout = rollout_charts(data, as_of, province)
    figures: dict[str, object] = {
        "coverage_over_time": charts.coverage_over_time(
            rollout["timeline"], total_regions, lang, rollout["batches"], rollout["malls"], rollout["milestones"]
        ),
        "pace_per_quarter": charts.new_regions_per_quarter(rollout["quarters"], lang),
    }
    if not province:
        figures["coverage_by_province"] = charts.coverage_by_province(coverage_by_province(data, as_of), lang)
    return figures


def coverage_by_province(data: SnapshotData, as_of: dt.date) -> pd.DataFrame:
    """One row per province: regions covered of its total on ``as_of``."""
    return metrics.compute_coverage_by_province(data.malls, regions.official_regions(), as_of)


def region_status(data: SnapshotData, as_of: dt.date, province: str | None) -> pd.DataFrame:
    """One row per kabupaten/kota (of one province when given) with its status on ``as_of``."""
    return metrics.compute_region_status(*_scope(data, province), as_of)


def gap_list(
    data: SnapshotData, as_of: dt.date, province: str | None, *, basis: str = bases.KEMENDAGRI
) -> pd.DataFrame:
    """One row per unit of ``basis`` (a kabupaten/kota; DKI Jakarta as one under ``panrb``) without an
    operating MPP on ``as_of``, with its pipeline stage."""
    return metrics.compute_gap_list(*_scope(data, province, basis), as_of)


def region_malls(data: SnapshotData, code: str, as_of: dt.date) -> pd.DataFrame:
    """One row per mall of one kabupaten/kota, with its status on ``as_of``."""
    return metrics.compute_region_malls(data.malls, code, as_of)


def region_options(data: SnapshotData, as_of: dt.date, province: str | None) -> pd.DataFrame:
    """The kabupaten/kota one may choose: all 514, or those of one province."""
    return regions.official_regions() if not province else region_status(data, as_of, province)


def map_regions(data: SnapshotData, as_of: dt.date) -> pd.DataFrame:
    """One row per kabupaten/kota with its map point and status on ``as_of``."""
    return maps.compute_map_regions(data.malls, regions.official_regions(), geo.region_points(), as_of)


def agency_view(data: SnapshotData, as_of: dt.date, province: str | None) -> dict[str, Any]:
    """Everything the Agencies page draws, for one snapshot, date and province."""
    official = regions.official_regions()
    malls, _ = metrics.restrict_to_province(data.malls, official, province)
    found = participation.compute_presence(malls, data.participation, as_of)
    national = found if not province else participation.compute_presence(data.malls, data.participation, as_of)
    completeness = participation.compute_mall_completeness(malls, data.participation, as_of, presence=found)
    with_data, without_data = participation.count_malls_without_data(malls, data.participation, as_of, presence=found)
    return {
        "presence": participation.compute_agency_presence(malls, data.participation, as_of, presence=found),
        "by_province": participation.compute_presence_by_province(
            data.malls, data.participation, official, as_of, presence=national
        ),
        "distribution": participation.compute_completeness_distribution(completeness),
        "with_data": with_data,
        "without_data": without_data,
        "services": participation.compute_services(malls, data.participation, as_of),
    }


def agency_work_list(data: SnapshotData, agency: str, as_of: dt.date, province: str | None) -> pd.DataFrame:
    """One row per operating mall (of one province when given) where ``agency`` is missing."""
    malls, _ = _scope(data, province)
    return participation.compute_agency_work_list(malls, data.participation, regions.official_regions(), agency, as_of)


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
