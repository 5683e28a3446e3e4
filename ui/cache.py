"""Cached calls into ``mpp_data``. Keys include the snapshot id: a new upload is a new key."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from mpp_data import metrics, service
from mpp_data.config import Settings
from mpp_data.regions import official_regions
from mpp_data.store import Store


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


@st.cache_data(show_spinner=False, max_entries=256)
def national_figures(url: str, snapshot_id: int, as_of: dt.date) -> dict:
    return service.national_figures(snapshot_data(url, snapshot_id), as_of)


@st.cache_data(show_spinner=False, max_entries=256)
def coverage_over_time(url: str, snapshot_id: int):  # noqa: ANN201
    return metrics.compute_coverage_over_time(snapshot_data(url, snapshot_id).malls, official_regions())


@st.cache_data(show_spinner=False, max_entries=256)
def coverage_by_province(url: str, snapshot_id: int, as_of: dt.date):  # noqa: ANN201
    return metrics.compute_coverage_by_province(snapshot_data(url, snapshot_id).malls, official_regions(), as_of)
