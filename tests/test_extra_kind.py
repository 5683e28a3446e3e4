"""A kind registered inside this test only flows through the core with no edit to it (issue 19.1):
detected, checked, stored (SQLite and PostgreSQL), carried over and diffed."""

from __future__ import annotations

import pandas as pd

from mpp_data import service
from mpp_data.ingest.findings import ProblemLog, counts_of
from mpp_data.ingest.kinds import CARRY_NEWEST, KINDS, Kind, Tally, header_locator, registered
from mpp_data.ingest.match_regions import resolve_regions
from mpp_data.ingest.pipeline import UploadedFile
from mpp_data.ingest.problems import IssueKind
from mpp_data.present.messages import result_messages
from mpp_data.store import Store
from tests.conftest import ANALYST

HEADERS = {"region_name": ("kabupaten/kota", "regency/city"), "stamps": ("jumlah stempel", "stamps")}
COLUMNS = ("region_code", "stamps", "sheet", "row")


def _check(table, data, resolver, file, today):
    log = ProblemLog(file, table.sheet)
    rows = data.frame["row"]
    frame = pd.DataFrame({"file": file, "sheet": table.sheet, "row": rows.astype(int),
                          "region_code": resolve_regions(data, table, resolver, log),
                          "stamps": counts_of(data, table, "stamps", log, rows)})  # fmt: skip
    frame["rejected"] = log.rejected(frame["row"])
    return frame.reset_index(drop=True), log.sorted_problems()


def _loadable(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.loc[~frame["rejected"].astype(bool), list(COLUMNS)]


def _tally(frame: pd.DataFrame) -> Tally:
    rejected = int(frame["rejected"].sum()) if len(frame) else 0
    return Tally(len(frame) - rejected, rejected)


STAMPS = Kind(
    name="stamps", columns=COLUMNS, dtypes={"region_code": "str", "stamps": "Int64", "sheet": "str", "row": "Int64"},
    checked_columns=("file", "sheet", "row", "region_code", "stamps", "rejected"), headers=HEADERS,
    locate=header_locator("stamps", HEADERS, required=("region_name", "stamps")), table_kinds=("stamps",),
    check=_check, tally=_tally, loadable=_loadable,
    key=("region_code",), report_columns=("region_code", "stamps", "sheet", "row"), carry=CARRY_NEWEST,
)  # fmt: skip


def _csv(name: str, text: str) -> UploadedFile:
    return UploadedFile(name, text.encode())


MALLS = _csv("malls.csv", "Kabupaten/Kota,Status,Tanggal Peresmian\nKota Depok,Beroperasi,2023-01-05\n")


def test_a_kind_registered_in_a_test_is_detected_checked_stored_carried_over_and_diffed(store: Store):
    with registered(STAMPS):
        assert [k.name for k in KINDS][-1] == "stamps"
        # detected and checked: a bad count is a problem naming its row and column
        bad = service.ingest_files([_csv("s.csv", "Kabupaten/Kota,Jumlah Stempel\nKota Depok,banyak\n")], store,
                                   actor=ANALYST)  # fmt: skip
        assert bad.sheets[0].kind == "stamps" and bad.snapshot_id is None
        assert list(bad.issues["kind"]) == [IssueKind.BAD_NUMBER.value] and list(bad.issues["row"]) == [2]
        assert bad.counts["rows_rejected"] == 1

        first = service.ingest_files(
            [MALLS, _csv("s.csv", "Kabupaten/Kota,Jumlah Stempel\nKota Depok,3\nKota Bogor,5\n")], store, actor=ANALYST
        )
        assert first.snapshot_id is not None and first.counts["rows_loaded"] == 3
        stored = service.load_snapshot(store, first.snapshot_id).table("stamps")
        assert stored[["region_code", "stamps"]].astype(object).values.tolist() == [["32.76", 3], ["32.71", 5]]

        # an upload without stamps keeps the newest snapshot's (the kind's carry-over rule)
        more = "Kabupaten/Kota,Status,Tanggal Peresmian\nKota Depok,Beroperasi,2023-01-05\nKota Bogor,Beroperasi,2024-02-01\n"
        malls_only = service.ingest_files([_csv("m2.csv", more)], store, actor=ANALYST)
        assert malls_only.snapshot_id is not None, result_messages(malls_only, "en")
        assert malls_only.snapshot_id is not None and malls_only.carried_over["stamps"] == first.snapshot_id
        carried = service.load_snapshot(store, malls_only.snapshot_id).table("stamps")
        pd.testing.assert_frame_equal(carried, stored)

        changed = service.ingest_files(
            [_csv("s.csv", "Kabupaten/Kota,Jumlah Stempel\nKota Depok,4\nKabupaten Bogor,1\n")], store, actor=ANALYST
        )
        diff = service.snapshot_diff(store, malls_only.snapshot_id, changed.snapshot_id)
        assert diff.kinds["stamps"].summary == {"added": 1, "removed": 1, "changed": 1}
        assert diff.kinds["stamps"].changed[["stamps_before", "stamps_after"]].values.tolist() == [[3, 4]]
        assert diff.as_json()["stamps"]["summary"] == {"added": 1, "removed": 1, "changed": 1}
    assert "stamps" not in [k.name for k in KINDS]
    # the kind gone, the snapshot still reads (its block is simply not asked for)
    assert "stamps" not in service.load_snapshot(store, changed.snapshot_id).tables


def test_the_built_in_kinds_match_the_store_tables():
    from mpp_data.ingest.kinds import MALLS as malls_kind
    from mpp_data.ingest.kinds import PARTICIPATION
    from mpp_data.store import MALL_COLUMNS, PARTICIPATION_COLUMNS
    from mpp_data.store.packing import PARTICIPATION_DTYPES

    assert list(malls_kind.columns) == MALL_COLUMNS
    assert list(PARTICIPATION.columns) == PARTICIPATION_COLUMNS and dict(PARTICIPATION.dtypes) == PARTICIPATION_DTYPES
