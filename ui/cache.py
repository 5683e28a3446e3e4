"""Streamlit's caches over service calls, and nothing else. What a view holds is computed (and tested) in
``mpp_data.service``; here it is kept, keyed on the store's URL and the ``ViewScope`` (a frozen, hashable
value: a new upload is a new snapshot id, another date or province is another scope)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from mpp_data import service


@st.cache_resource(show_spinner=False)
def _store(url: str, settings: service.Settings):  # the store, kept once per URL
    return service.open_store(url, settings=settings)


def store(settings: service.Settings):
    """The configured store, with the sample loaded on first start."""
    return _store(settings.database_url, settings)


@st.cache_resource(show_spinner=False, max_entries=8)
def snapshot_data(settings: service.Settings, snapshot_id: int) -> service.SnapshotData:
    """One object per snapshot for every session (a resource: never copied, nothing changes it in place;
    pandas copies on write), so what its views derive (``SnapshotData.derived``) is made once."""
    return service.load_snapshot(store(settings), snapshot_id)


def latest_snapshot_id(settings: service.Settings) -> int | None:
    return service.latest_snapshot_id(store(settings))


@st.cache_data(show_spinner=False, max_entries=64)
def default_as_of(settings: service.Settings, snapshot_id: int) -> dt.date:
    return service.default_as_of(snapshot_data(settings, snapshot_id))


def view(settings: service.Settings, scope: service.ViewScope, name: str, **params: object) -> object:
    """The view ``name`` (one of ``service.VIEWS``: ``gap_list``, ``agency_view``, ...) of the scope's
    snapshot, with its own parameters (``agency=``, ``code=``), kept under the part of the scope it reads."""
    return _view(settings, service.view_scope(name, scope), name, **params)


@st.cache_data(show_spinner=False, max_entries=1024)
def _view(settings: service.Settings, scope: service.ViewScope, name: str, **params: object) -> object:
    return service.compute_view(name, snapshot_data(settings, scope.snapshot_id), scope=scope, **params)


def view_version(settings: service.Settings) -> str:
    """Read afresh at every rerun: a load, a withdrawal or a restore in any process is a new key."""
    return service.view_version(store(settings))


@st.cache_data(show_spinner=False, max_entries=64)
def snapshots(
    settings: service.Settings, version: str, actor: service.Actor | None = None, history_open: bool = False
) -> pd.DataFrame:
    # version: every load, withdrawal and restore is a new key; actor: who loaded each upload is shown only to some
    return service.list_snapshots(store(settings), actor=actor, history_open=history_open)


@st.cache_data(show_spinner=False, max_entries=64)
def plan_for(settings: service.Settings, scope: service.ViewScope):
    """The plan of the scope's snapshot on its basis, as of its date, toward its target date."""
    data = snapshot_data(settings, scope.snapshot_id)
    return service.plan_for(data, basis=scope.basis, as_of=scope.as_of, target_date=scope.target_date)


@st.cache_data(show_spinner=False, max_entries=16)
def plan_stages(settings: service.Settings, snapshot_id: int, basis: str) -> service.StageView:
    return service.plan_stages(store(settings), snapshot_id, basis=basis, stuck_months=settings.stuck_months)


@st.cache_resource(show_spinner=False, max_entries=256)
def overview_figures(settings: service.Settings, scope: service.ViewScope, total_regions: int) -> dict:
    """Built once per process for every session (a resource: shared, never copied; Streamlit only reads a
    figure). The snapshot id is in the scope, so a new upload or a withdrawal is a new entry."""
    data = snapshot_data(settings, scope.snapshot_id)
    return service.overview_figures(data, scope=scope, total_regions=total_regions)


@st.cache_resource(show_spinner=False, max_entries=256)
def _agency_figures(settings: service.Settings, scope: service.ViewScope) -> dict:
    return service.agency_figures(snapshot_data(settings, scope.snapshot_id), scope=scope)


def agency_figures(settings: service.Settings, scope: service.ViewScope) -> dict:
    """The Agencies page's charts, built once per process for every session (see ``overview_figures``)."""
    return _agency_figures(settings, service.figure_scope(scope))


def map_figure(settings: service.Settings, scope: service.ViewScope, shading: str, phone: bool):
    """The Map page's map, built once per process for every session, per boundary file and choice."""
    version = service.boundary_version(store(settings), settings=settings)
    return _map_figure(settings, service.figure_scope(scope), version.key if version else None, shading, phone)


@st.cache_resource(show_spinner=False, max_entries=256)
def _map_figure(
    settings: service.Settings, scope: service.ViewScope, boundaries: str | None, shading: str, phone: bool
):
    official = _map_boundaries(settings, boundaries) if boundaries else None  # boundaries: the file's key
    shapes = official.boundaries if official else None
    data = snapshot_data(settings, scope.snapshot_id)
    return service.map_figure(data, scope=scope, boundaries=shapes, shading=shading, phone=phone)


@st.cache_data(show_spinner=False, max_entries=64)
def snapshot_diff(settings: service.Settings, before: int, after: int):
    return service.snapshot_diff(store(settings), before, after)


@st.cache_data(show_spinner=False, max_entries=16)
def presence_trend(
    settings: service.Settings, version: str
) -> pd.DataFrame:  # version: every load, withdrawal, restore
    return service.presence_trend(store(settings))


@st.cache_data(show_spinner=False, max_entries=64)
def export_table(
    settings: service.Settings,
    scope: service.ViewScope,
    table: str,
    fmt: str,
    choice: service.ExportChoice,
    actor: service.Actor | None = None,
) -> service.Export:
    """One of ``service.EXPORT_TABLES`` as the CLI's ``export`` writes it for the same scope and choice;
    ``actor``: who asks, for a table of upload details (the service checks it)."""
    return service.export_table(
        store(settings),
        scope=scope,
        table=table,
        fmt=fmt,
        choice=choice,
        actor=actor,
        history_open=settings.history_open,
    )


@st.cache_data(show_spinner=False, max_entries=16)
def briefing_deck(settings: service.Settings, scope: service.ViewScope) -> bytes:
    """The meeting briefing (.pptx) of one scope; built when its download is clicked."""
    return service.briefing_deck(store(settings), scope=scope, settings=settings)


@st.cache_resource(show_spinner=False, max_entries=4)
def _map_boundaries(settings: service.Settings, key: str) -> service.BoundaryFile | None:  # a new file, a new key
    return service.map_boundaries(store(settings), settings=settings)


def boundaries(settings: service.Settings) -> service.BoundaryFile | None:
    """The official boundaries checked and simplified (or why they cannot be drawn), once per file:
    a rerun reads only the file's id (or a configured file's size and time), not its content."""
    version = service.boundary_version(store(settings), settings=settings)
    return _map_boundaries(settings, version.key) if version else None


@st.cache_resource(show_spinner=False)
def land_outline() -> dict:
    return service.land_outline()
