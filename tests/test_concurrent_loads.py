"""Loads at the same moment lose nothing: a malls file and a participation-only file, each loaded by its
own process on one database, round after round; the newest snapshot always holds both new halves."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import traceback

import pandas as pd
import pytest

from mpp_data.ingest.isolation import main_script_hidden
from mpp_data.store import Store
from tests.conftest import ANALYST

pytestmark = pytest.mark.slow  # processes loading at the same moment

ROUNDS = 10
TODAY = dt.date(2026, 1, 1)


def malls_file(round_no: int):
    from tests.loaders import workbooks as wb

    return wb.xlsx(
        {"MPP": [["Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"],
                 ["Kota Depok", "MPP Depok", "Beroperasi", dt.date(2021, 5, 1)],
                 ["Kabupaten Siak", f"MPP Siak putaran {round_no}", "Direncanakan", None]]},
        name=f"mpp-{round_no}.xlsx",
    )  # fmt: skip


def participation_file(round_no: int):
    from tests.loaders import workbooks as wb

    return wb.xlsx(
        {"Instansi": [["Kabupaten/Kota", "Polri", "BNN", "BPJS Kesehatan"], ["Kota Depok", round_no + 10, "✓", None]]},
        name=f"instansi-{round_no}.xlsx",
    )  # fmt: skip


def _load_rounds(url: str, kind: str, start, results) -> None:  # multiprocessing objects
    """One process: ROUNDS loads of its kind of file, each started together with the other process's."""
    try:
        from mpp_data.service import ingest_files

        store = Store(url)
        make = malls_file if kind == "malls" else participation_file
        for round_no in range(ROUNDS):
            files = [make(round_no)]
            start.wait(timeout=120)
            result = ingest_files(files, store, today=TODAY, actor=ANALYST)
            results.put((kind, round_no, result.snapshot_id, None))
        store.dispose()
    except BaseException:  # reported to the test, which fails with it
        results.put((kind, -1, None, traceback.format_exc()))
        start.abort()  # the other process stops waiting for this one


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_malls_load_and_a_participation_load_at_the_same_moment_both_reach_the_newest_snapshot(request, backend):
    url = request.getfixturevalue(f"{backend}_url")
    store = Store(url)  # the schema is made before the race
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(2), context.Queue()
    workers = [context.Process(target=_load_rounds, args=(url, kind, start, results)) for kind in ("malls", "part")]
    # AppTests earlier in the run leave a page script as ``__main__``; a spawned process would run it again.
    with main_script_hidden():
        for worker in workers:
            worker.start()
    written: dict[tuple[str, int], int] = {}
    for _ in range(2 * ROUNDS):
        kind, round_no, snapshot_id, error = results.get(timeout=300)
        assert error is None, error
        written[kind, round_no] = snapshot_id
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0

    for round_no in range(ROUNDS):
        own_malls, own_participation = written["malls", round_no], written["part", round_no]
        newest = max(own_malls, own_participation)
        assert newest == store.list_snapshots()["id"].iloc[::-1].tolist()[2 * round_no + 1]
        malls = store.load_malls(newest)
        participation = store.load_participation(newest)
        pd.testing.assert_frame_equal(malls, store.load_malls(own_malls))
        pd.testing.assert_frame_equal(participation, store.load_participation(own_participation))
        assert f"MPP Siak putaran {round_no}" in set(malls["mall_name"]), f"round {round_no}: stale malls"
        polri = participation[participation["agency"] == "polri"]
        assert polri["services"].tolist() == [round_no + 10], f"round {round_no}: stale participation"
        if round_no:  # from the second round on there are malls, carried or new, to attach the row to
            assert set(participation["mall_name"]) == {"MPP Depok"}
        carried = store.snapshot(newest)["carried_over"]
        assert carried in ({"malls": own_malls}, {"participation": own_participation})
    store.dispose()
