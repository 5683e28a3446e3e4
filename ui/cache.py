"""Cached calls into ``mpp_data``. Keys include the snapshot id: a new upload is a new key."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from mpp_data import service
from mpp_data.analysis import forecast, metrics, participation
from mpp_data.config import Settings
from mpp_data.present import maps
from mpp_data.reference import geo
from mpp_data.reference.regions import official_regions
from mpp_data.store.snapshots import Store


def database_url() -> str:
    return Settings.from_env().database_url


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    return service.open_store(url)


def store() -> Store:
    """The configured store, with the sample loaded on first start."""
    return _store(database_url())


@st.cache_data(show_spinner=False, max_entries=64)
def snapshot_data(url: str, snapshot_id: int) -> service.SnapshotData:
    return service.load_snapshot(_store(url), snapshot_id)


@st.cache_data(show_spinner=False, max_entries=64)
def snapshots(url: str, latest_id: int) -> pd.DataFrame:  # latest_id: a new upload is a new key
    return _store(url).list_snapshots()


def _scope(url: str, snapshot_id: int, province: str | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    return metrics.restrict_to_province(snapshot_data(url, snapshot_id).malls, official_regions(), province)


@st.cache_data(show_spinner=False, max_entries=256)
def figures(url: str, snapshot_id: int, as_of: dt.date, province: str | None) -> dict:
    return service.national_summary(snapshot_data(url, snapshot_id), as_of, province)


@st.cache_data(show_spinner=False, max_entries=64)
def coverage_over_time(url: str, snapshot_id: int, province: str | None) -> pd.DataFrame:
    return metrics.compute_coverage_over_time(*_scope(url, snapshot_id, province))


@st.cache_data(show_spinner=False, max_entries=64)
def malls_over_time(url: str, snapshot_id: int, province: str | None) -> pd.DataFrame:
    return metrics.compute_malls_over_time(_scope(url, snapshot_id, province)[0])


@st.cache_data(show_spinner=False, max_entries=256)
def forecast_for(url: str, snapshot_id: int, as_of: dt.date, target: dt.date, province: str | None):  # noqa: ANN201
    return forecast.compute_forecast(*_scope(url, snapshot_id, province), as_of, target)


@st.cache_data(show_spinner=False, max_entries=256)
def coverage_by_province(url: str, snapshot_id: int, as_of: dt.date) -> pd.DataFrame:
    return metrics.compute_coverage_by_province(snapshot_data(url, snapshot_id).malls, official_regions(), as_of)


@st.cache_data(show_spinner=False, max_entries=256)
def region_status(url: str, snapshot_id: int, as_of: dt.date, province: str | None) -> pd.DataFrame:
    return metrics.compute_region_status(*_scope(url, snapshot_id, province), as_of)


@st.cache_data(show_spinner=False, max_entries=256)
def gap_list(url: str, snapshot_id: int, as_of: dt.date, province: str | None) -> pd.DataFrame:
    return metrics.compute_gap_list(*_scope(url, snapshot_id, province), as_of)


@st.cache_data(show_spinner=False, max_entries=64)
def snapshot_diff(url: str, before: int, after: int):  # noqa: ANN201
    return service.snapshot_diff(_store(url), before, after)


@st.cache_data(show_spinner=False, max_entries=256)
def rollout_charts(url: str, snapshot_id: int, as_of: dt.date, province: str | None) -> dict[str, object]:
    """Everything the Overview's charts need, up to ``as_of``."""
    timeline = coverage_over_time(url, snapshot_id, province)
    upto = metrics.until(timeline, as_of)
    first = upto["date"].min() if len(upto) else None
    return {
        "timeline": upto,
        "malls": metrics.until(malls_over_time(url, snapshot_id, province), as_of),
        "batches": forecast.compute_batch_days(timeline, as_of),
        "quarters": forecast.compute_new_per_quarter(timeline, as_of),
        "milestones": [] if province else forecast.milestones_in_range(first, as_of),
    }


@st.cache_data(show_spinner=False, max_entries=128)
def agency_view(url: str, snapshot_id: int, as_of: dt.date, province: str | None) -> dict[str, object]:
    """Everything the Agencies page draws, for one snapshot, date and province."""
    data = snapshot_data(url, snapshot_id)
    malls, _ = metrics.restrict_to_province(data.malls, official_regions(), province)
    found = participation.compute_presence(malls, data.participation, as_of)
    national = found if not province else participation.compute_presence(data.malls, data.participation, as_of)
    completeness = participation.compute_mall_completeness(malls, data.participation, as_of, presence=found)
    with_data, without_data = participation.count_malls_without_data(malls, data.participation, as_of, presence=found)
    return {
        "presence": participation.compute_agency_presence(malls, data.participation, as_of, presence=found),
        "by_province": participation.compute_presence_by_province(
            data.malls, data.participation, official_regions(), as_of, presence=national
        ),
        "distribution": participation.compute_completeness_distribution(completeness),
        "with_data": with_data,
        "without_data": without_data,
        "services": participation.compute_services(malls, data.participation, as_of),
    }


@st.cache_data(show_spinner=False, max_entries=128)
def agency_work_list(url: str, snapshot_id: int, agency: str, as_of: dt.date, province: str | None) -> pd.DataFrame:
    data = snapshot_data(url, snapshot_id)
    malls, regions = metrics.restrict_to_province(data.malls, official_regions(), province)
    return participation.compute_agency_work_list(malls, data.participation, official_regions(), agency, as_of)


@st.cache_data(show_spinner=False, max_entries=16)
def presence_trend(url: str, latest_id: int) -> pd.DataFrame:  # latest_id: a new upload is a new key
    return participation.compute_presence_trend(service.presence_history(_store(url)))


@st.cache_resource(show_spinner=False, max_entries=4)
def _parsed_boundaries(name: str, text: str):  # noqa: ANN202 - kept once per file content
    return service.parse_boundaries(text)


def boundaries():  # noqa: ANN201
    """The official boundaries (or None), parsed once per file."""
    source = service.boundary_source(store())
    return (source[0], _parsed_boundaries(*source)) if source else None


@st.cache_data(show_spinner=False, max_entries=128)
def map_regions(url: str, snapshot_id: int, as_of: dt.date) -> pd.DataFrame:
    data = snapshot_data(url, snapshot_id)
    return maps.compute_map_regions(data.malls, official_regions(), geo.region_points(), as_of)


@st.cache_data(show_spinner=False, max_entries=16)
def briefing_deck(
    url: str, snapshot_id: int, as_of: dt.date, compare: dt.date, province: str | None, lang: str,
    target: dt.date | None = None,
) -> bytes:  # fmt: skip
    """The meeting briefing (.pptx) of one view; built when its download is clicked."""
    return service.briefing_deck(_store(url), as_of, compare, province, snapshot_id, lang, target)
