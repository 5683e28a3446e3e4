"""Streamlit's caches over service calls, and nothing else. Keys include the snapshot id: a new upload is
a new key. What a view holds is computed (and tested) in ``mpp_data.service``."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from mpp_data import service


def database_url() -> str:
    return service.database_url()


@st.cache_resource(show_spinner=False)
def _store(url: str):  # noqa: ANN202 - the store, kept once per URL
    return service.open_store(url)


def store():  # noqa: ANN201
    """The configured store, with the sample loaded on first start."""
    return _store(database_url())


@st.cache_data(show_spinner=False, max_entries=64)
def snapshot_data(url: str, snapshot_id: int) -> service.SnapshotData:
    return service.load_snapshot(_store(url), snapshot_id)


def latest_snapshot_id(url: str) -> int | None:
    return service.latest_snapshot_id(_store(url))


@st.cache_data(show_spinner=False, max_entries=64)
def default_as_of(url: str, snapshot_id: int) -> dt.date:
    return service.default_as_of(snapshot_data(url, snapshot_id))


def view_version(url: str) -> str:
    """Read afresh at every rerun: a load, a withdrawal or a restore in any process is a new key."""
    return service.view_version(_store(url))


@st.cache_data(show_spinner=False, max_entries=64)
def snapshots(url: str, version: str, actor: service.Actor | None = None, history_open: bool = False) -> pd.DataFrame:
    # version: every load, withdrawal and restore is a new key; actor: who loaded each upload is shown only to some
    return service.list_snapshots(_store(url), actor=actor, history_open=history_open)


@st.cache_data(show_spinner=False, max_entries=256)
def figures(url: str, snapshot_id: int, as_of: dt.date, province: str | None, basis: str | None = None) -> dict:
    return service.national_summary(snapshot_data(url, snapshot_id), as_of, province, basis=basis)


@st.cache_data(show_spinner=False, max_entries=64)
def plan_for(url: str, snapshot_id: int, basis: str, as_of: dt.date, target: dt.date):  # noqa: ANN201
    return service.plan_for(snapshot_data(url, snapshot_id), basis=basis, as_of=as_of, target_date=target)


@st.cache_data(show_spinner=False, max_entries=16)
def plan_stages(url: str, snapshot_id: int, basis: str) -> service.StageView:
    return service.plan_stages(_store(url), snapshot_id, basis=basis)


@st.cache_data(show_spinner=False, max_entries=256)
def forecast_for(url: str, snapshot_id: int, as_of: dt.date, target: dt.date, province: str | None):  # noqa: ANN201
    return service.forecast_for(snapshot_data(url, snapshot_id), as_of, target, province)


@st.cache_data(show_spinner=False, max_entries=256)
def rollout_charts(
    url: str, snapshot_id: int, as_of: dt.date, province: str | None
) -> dict:  # the service's dict[str, Any]
    return service.rollout_charts(snapshot_data(url, snapshot_id), as_of, province)


@st.cache_resource(show_spinner=False, max_entries=256)
def overview_figures(
    url: str, snapshot_id: int, as_of: dt.date, province: str | None, lang: str, basis: str | None = None
) -> dict:
    """Built once per process for every session (a resource: shared, never copied; Streamlit only reads a
    figure). The snapshot id is in the key, so a new upload or a withdrawal is a new entry."""
    total = figures(url, snapshot_id, as_of, province, basis)["total_regions"]
    return service.overview_figures(snapshot_data(url, snapshot_id), as_of, province, lang, total)


@st.cache_data(show_spinner=False, max_entries=256)
def coverage_by_province(url: str, snapshot_id: int, as_of: dt.date) -> pd.DataFrame:
    return service.coverage_by_province(snapshot_data(url, snapshot_id), as_of)


@st.cache_data(show_spinner=False, max_entries=256)
def region_status(url: str, snapshot_id: int, as_of: dt.date, province: str | None) -> pd.DataFrame:
    return service.region_status(snapshot_data(url, snapshot_id), as_of, province)


@st.cache_data(show_spinner=False, max_entries=64)
def region_options(url: str, snapshot_id: int, as_of: dt.date, province: str | None) -> pd.DataFrame:
    return service.region_options(snapshot_data(url, snapshot_id), as_of, province)


@st.cache_data(show_spinner=False, max_entries=256)
def region_malls(url: str, snapshot_id: int, code: str, as_of: dt.date) -> pd.DataFrame:
    return service.region_malls(snapshot_data(url, snapshot_id), code, as_of)


@st.cache_data(show_spinner=False, max_entries=256)
def gap_list(url: str, snapshot_id: int, as_of: dt.date, province: str | None) -> pd.DataFrame:
    return service.gap_list(snapshot_data(url, snapshot_id), as_of, province)


@st.cache_data(show_spinner=False, max_entries=64)
def snapshot_diff(url: str, before: int, after: int):  # noqa: ANN201
    return service.snapshot_diff(_store(url), before, after)


@st.cache_data(show_spinner=False, max_entries=128)
def agency_view(
    url: str, snapshot_id: int, as_of: dt.date, province: str | None
) -> dict:  # the service's dict[str, Any]
    return service.agency_view(snapshot_data(url, snapshot_id), as_of, province)


@st.cache_data(show_spinner=False, max_entries=128)
def agency_work_list(url: str, snapshot_id: int, agency: str, as_of: dt.date, province: str | None) -> pd.DataFrame:
    return service.agency_work_list(snapshot_data(url, snapshot_id), agency, as_of, province)


@st.cache_data(show_spinner=False, max_entries=64)
def export_table(  # the view's arguments, as the CLI's export passes them
    url: str, snapshot_id: int, table: str, fmt: str, lang: str, as_of: dt.date, province: str | None, **params: object
) -> service.Export:
    # params are the export's own keywords, checked by export_table (this module imports no typing for Any)
    return service.export_table(
        _store(url),
        snapshot_id,
        table,
        fmt,
        lang=lang,
        as_of=as_of,
        province=province,
        **params,  # type: ignore[arg-type]
    )


@st.cache_data(show_spinner=False, max_entries=16)
def presence_trend(url: str, version: str) -> pd.DataFrame:  # version: every load, withdrawal and restore
    return service.presence_trend(_store(url))


@st.cache_resource(show_spinner=False, max_entries=4)
def _map_boundaries(url: str, key: str) -> service.BoundaryFile | None:  # key: a new file is a new key
    return service.map_boundaries(_store(url))


def boundaries() -> service.BoundaryFile | None:
    """The official boundaries checked and simplified (or why they cannot be drawn), once per file:
    a rerun reads only the file's id (or a configured file's size and time), not its content."""
    version = service.boundary_version(store())
    return _map_boundaries(database_url(), version.key) if version else None


@st.cache_data(show_spinner=False, max_entries=128)
def map_regions(url: str, snapshot_id: int, as_of: dt.date) -> pd.DataFrame:
    return service.map_regions(snapshot_data(url, snapshot_id), as_of)


@st.cache_resource(show_spinner=False)
def land_outline() -> dict:
    return service.land_outline()


@st.cache_data(show_spinner=False, max_entries=16)
def briefing_deck(
    url: str, snapshot_id: int, as_of: dt.date, compare: dt.date, province: str | None, lang: str,
    target: dt.date | None = None,
) -> bytes:  # fmt: skip
    """The meeting briefing (.pptx) of one view; built when its download is clicked."""
    return service.briefing_deck(_store(url), as_of, compare, province, snapshot_id, lang, target)
