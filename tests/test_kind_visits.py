"""Visits and counters as a registered upload kind (issue 24.4): long rows and months as columns built in
code, read back through ``SnapshotData.table("visits")`` on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from mpp_data import service
from mpp_data.ingest.pipeline import UploadedFile
from mpp_data.ingest.problems import IssueKind
from mpp_data.present.messages import result_messages
from mpp_data.store import Store
from tests.conftest import ANALYST
from tests.test_kind_agreements import MALLS, _book

LONG = [
    ["Kabupaten/Kota", "Nama MPP", "Bulan", "Jumlah Kunjungan", "Loket Aktif", "Jumlah Loket"],
    ["Kota Depok", "MPP Kota Depok", "Januari 2025", "1.234", 14, 30],
    ["Kota Depok", "MPP Kota Depok", "2025-02", 1500, 20, 30],
    ["Kota Bogor", "MPP Kota Bogor", dt.date(2025, 1, 1), 800, 10, 12],
]
WIDE = [
    ["Kabupaten/Kota", "Nama MPP", "Jan", "Feb", "Mar", "Mei", "Agustus", "Okt", "Desember"],
    ["Kota Depok", "MPP Kota Depok", 100, 110, None, 130, 140, 150, 160],
    ["Kota Bogor", "MPP Kota Bogor", 5, "-3", "banyak", 7, 8, 9, 10],
]


def _ingest(store: Store, *files: UploadedFile):
    return service.ingest_files(list(files), store, actor=ANALYST)


def test_long_rows_of_visits_read_months_and_counters(store: Store):
    result = _ingest(
        store, UploadedFile("m.csv", MALLS.encode()), UploadedFile("v.xlsx", _book(None, "Kunjungan", LONG))
    )
    assert [s.kind for s in result.sheets] == ["malls", "visits_long"]
    assert result.snapshot_id is not None, result_messages(result, "en")
    table = service.load_snapshot(store, result.snapshot_id).table("visits")
    got = table[["region_code", "mall", "visits", "counters_active", "counters_total"]].astype(object).values.tolist()
    assert got == [
        ["32.76", "MPP Kota Depok", 1234, 14, 30],
        ["32.76", "MPP Kota Depok", 1500, 20, 30],
        ["32.71", "MPP Kota Bogor", 800, 10, 12],
    ]
    assert list(table["month"].dt.date) == [dt.date(2025, 1, 1), dt.date(2025, 2, 1), dt.date(2025, 1, 1)]


def test_months_as_columns_read_indonesian_names_and_report_bad_numbers_per_cell(store: Store):
    data = _book("Jumlah Pengunjung MPP Tahun 2024", "Kunjungan", WIDE)
    result = _ingest(store, UploadedFile("m.csv", MALLS.encode()), UploadedFile("v.xlsx", data))
    assert [s.kind for s in result.sheets] == ["malls", "visits_wide"]
    bad = result.issues[result.issues["kind"].isin([IssueKind.BAD_NUMBER.value, IssueKind.NEGATIVE_NUMBER.value])]
    assert bad[["sheet", "row", "column", "kind"]].values.tolist() == [
        ["Kunjungan", 4, "Feb", "negative_number"],
        ["Kunjungan", 4, "Mar", "bad_number"],
    ]
    assert result.snapshot_id is None
    for lang in ("id", "en"):
        assert any("Kunjungan" in m and "Mar" in m for m in result_messages(result, lang))

    fixed = [WIDE[0], WIDE[1], [*WIDE[2][:3], 6, 7, *WIDE[2][5:]]]
    result = _ingest(
        store, UploadedFile("m.csv", MALLS.encode()), UploadedFile("v.xlsx", _book("Tahun 2024", "K", fixed))
    )
    assert result.snapshot_id is not None, result_messages(result, "en")
    table = service.load_snapshot(store, result.snapshot_id).table("visits")
    depok = table[table["mall"] == "MPP Kota Depok"]
    assert [d.month for d in depok["month"].dt.date] == [1, 2, 5, 8, 10, 12]
    assert {d.year for d in table["month"].dt.date} == {2024}
    assert depok["visits"].tolist() == [100, 110, 130, 140, 150, 160] and len(table) == 13
