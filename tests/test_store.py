"""The store on SQLite and on a real PostgreSQL database."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from mpp_data.errors import MemoryDatabase
from mpp_data.present.text import error_message
from mpp_data.store import snapshots as store_module
from mpp_data.store.snapshots import NewSnapshot, SourceFile, Store

MALLS = pd.DataFrame(
    {
        "mall_name": ["MPP Kabupaten Sanggau", "MPP Kota Depok", "MPP Provinsi DKI Jakarta"],
        "region_code": ["61.03", "32.76", "31"],
        "province_code": ["61", "32", "31"],
        "region_written": ["Kab. Sanggau", "Depok City", "Provinsi DKI Jakarta"],
        "status": ["operating", "planned", "operating"],
        "inaugurated_on": [dt.date(2024, 6, 24), None, dt.date(2017, 2, 1)],
        "inaugurated_precision": ["day", None, "month"],
        "agencies": pd.array([31, None, 60], dtype="Int64"),
        "services": pd.array([210, None, 400], dtype="Int64"),
        "sheet": ["MPP", "MPP", "MPP"],
        "row": pd.array([7, 8, 9], dtype="Int64"),
        "counted_from": pd.Series([None, None, None], dtype=object),  # every operating mall here has a date
    }
)
PARTICIPATION = pd.DataFrame(
    {
        "region_code": ["61.03", "61.03"],
        "mall_name": ["MPP Kabupaten Sanggau", "MPP Kabupaten Sanggau"],
        "agency": ["polri", "bnn"],
        "present": [True, False],
        "services": pd.array([4, None], dtype="Int64"),
        "sheet": ["Instansi", "Instansi"],
        "row": pd.array([5, 5], dtype="Int64"),
    }
)


def snapshot(**overrides) -> NewSnapshot:
    fields = {"malls": MALLS, "participation": PARTICIPATION,
              "files": [SourceFile("mpp.xlsx", "ab" * 32, b"bytes of the original", [{"kind": "x"}])]}  # fmt: skip
    return NewSnapshot(**(fields | overrides))


def test_a_snapshot_round_trips_unchanged(store: Store):
    snapshot_id = store.save_snapshot(snapshot(is_sample=True))
    pd.testing.assert_frame_equal(store.load_malls(snapshot_id), MALLS)
    pd.testing.assert_frame_equal(store.load_participation(snapshot_id), PARTICIPATION)
    (source,) = store.load_source_files(snapshot_id)
    assert source.content == b"bytes of the original"
    assert source.report == [{"kind": "x"}]
    meta = store.snapshot(snapshot_id)
    assert meta["is_sample"] is True
    assert meta["source_files"] == ["mpp.xlsx"]
    assert meta["malls_count"] == 3


def test_each_load_is_a_new_snapshot_and_earlier_ones_stay(store: Store):
    first = store.save_snapshot(snapshot())
    second = store.save_snapshot(snapshot(malls=MALLS.iloc[:1]))
    assert second > first
    assert len(store.load_malls(first)) == 3
    assert len(store.load_malls(second)) == 1
    assert list(store.list_snapshots()["id"]) == [second, first]
    assert store.latest_snapshot_id() == second


def test_aliases_are_remembered(store: Store):
    store.save_alias("sanggau kapuas", "61.03")
    store.save_alias("sanggau kapuas", "61.03")
    assert store.load_aliases() == {"sanggau kapuas": "61.03"}


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_schema_is_created_on_first_start_and_reopening_keeps_data(backend: str, request: pytest.FixtureRequest):
    store = Store(request.getfixturevalue(f"new_{backend}_url"))  # nothing there before
    snapshot_id = store.save_snapshot(snapshot())
    reopened = Store(store.url)
    assert reopened.latest_snapshot_id() == snapshot_id
    reopened.dispose()
    store.dispose()


def test_participation_is_packed_per_snapshot_and_older_row_storage_still_reads(store: Store):
    packed = store.save_snapshot(snapshot())
    assert store.counts()["participation"] == 0
    assert store.counts()["participation_blocks"] == 1
    # A snapshot written by an earlier version, with one row per mall and agency.
    legacy = store.save_snapshot(snapshot(participation=PARTICIPATION.iloc[:0]))
    with store.engine.begin() as conn:
        conn.execute(store_module.participation_blocks.delete().where(
            store_module.participation_blocks.c.snapshot_id == legacy))  # fmt: skip
        conn.execute(store_module.participation.insert(), [
            {"snapshot_id": legacy, **{k: (None if pd.isna(v) else v) for k, v in row.items()}}
            for row in PARTICIPATION.astype(object).to_dict("records")
        ])  # fmt: skip
    pd.testing.assert_frame_equal(store.load_participation(legacy), PARTICIPATION)
    pd.testing.assert_frame_equal(store.load_participation(packed), PARTICIPATION)


def test_row_counts_given_as_numpy_integers_are_stored_as_numbers(store: Store):
    snapshot_id = store.save_snapshot(snapshot(rows_read=np.int64(707), rows_loaded=np.int64(700)))
    meta = store.snapshot(snapshot_id)
    assert (meta["rows_read"], meta["rows_loaded"]) == (707, 700)
    assert type(meta["rows_read"]) is int


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_an_in_memory_database_is_refused_with_a_message(url: str):
    """Each connection to an in-memory SQLite database opens its own empty one: the schema and every
    upload would vanish, so the store refuses it and says what to set instead."""
    with pytest.raises(MemoryDatabase) as refused:
        Store(url)
    assert "MPP_DATABASE_URL" in error_message(refused.value.code, refused.value.params, "en")
    assert url in error_message(refused.value.code, refused.value.params, "id")
