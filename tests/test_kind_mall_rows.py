"""Rows of agreements and visits name a mall (issue 24.1): a mall the register will not hold is a warning
naming sheet, row and column, and the upload still loads; a cell of pasted text is an error on its row."""

from __future__ import annotations

import csv
import io
import time

import pytest

from mpp_data import service
from mpp_data.ingest.findings import MAX_CELL_TEXT
from mpp_data.ingest.pipeline import UploadedFile
from mpp_data.ingest.problems import IssueKind
from mpp_data.present.messages import issue_message, result_messages
from mpp_data.store import Store
from tests.conftest import ANALYST
from tests.test_kind_agreements import MALLS, _book

AGREEMENTS = [
    ["Kabupaten/Kota", "Nama MPP", "Instansi", "Nomor PKS", "Status"],
    ["Kota Depok", "MPP Kota Depok", "Samsat", "180/12/2024", "Loket buka"],
    ["Kota Bogor", "MPP Kota Bogor", "BPJS Kesehatan", None, "proses"],
]
VISITS = [
    ["Kabupaten/Kota", "Nama MPP", "Bulan", "Jumlah Kunjungan", "Loket Aktif", "Jumlah Loket"],
    ["Kota Depok", "MPP Kota Depok", "Januari 2025", 1200, 14, 30],
    ["Kota Bogor", "MPP Kota Bogor", "Januari 2025", 800, 10, 12],
]
BEKASI_AGREEMENT = ["Kota Bekasi", "MPP Kota Bekasi", "Kantor Pertanahan", "PKS-9", "Ditandatangani"]
BEKASI_VISITS = ["Kota Bekasi", "MPP Kota Bekasi", "Februari 2025", 500, 5, 10]
KINDS = {"agreements": (AGREEMENTS, BEKASI_AGREEMENT, "PKS"), "visits": (VISITS, BEKASI_VISITS, "Kunjungan")}
NOT_IN_REGISTER = IssueKind.MALL_NOT_IN_REGISTER.value


def _ingest(store: Store, *files: UploadedFile):
    return service.ingest_files(list(files), store, actor=ANALYST)


def _malls() -> UploadedFile:
    return UploadedFile("m.csv", MALLS.encode())


def _sheet(kind: str, rows: list[list[object]]) -> UploadedFile:
    return UploadedFile(f"{kind}.xlsx", _book(None, KINDS[kind][2], rows))


def _csv(kind: str, rows: list[list[object]]) -> UploadedFile:
    """A CSV: an Excel cell holds at most 32,767 characters, a CSV cell any number."""
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return UploadedFile(f"{kind}.csv", out.getvalue().encode())


def _orphans(result) -> list[list[object]]:
    found = result.issues[result.issues["kind"] == NOT_IN_REGISTER]
    return found[["file", "sheet", "row", "column", "value", "severity"]].values.tolist()


@pytest.mark.parametrize("kind", list(KINDS))
def test_rows_of_known_malls_give_no_warning(sqlite_store: Store, kind: str):
    rows = KINDS[kind][0]
    result = _ingest(sqlite_store, _malls(), _sheet(kind, rows))
    assert result.snapshot_id is not None, result_messages(result, "en")
    assert _orphans(result) == [] and result.issues.empty, result_messages(result, "en")
    assert len(service.load_snapshot(sqlite_store, result.snapshot_id).table(kind)) == 2


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_mall_not_in_the_register_is_a_warning_and_the_rows_load(sqlite_store: Store, kind: str):
    rows, bekasi, sheet = KINDS[kind]
    result = _ingest(sqlite_store, _malls(), _sheet(kind, [*rows, bekasi]))
    assert _orphans(result) == [[f"{kind}.xlsx", sheet, 4, "Nama MPP", "MPP Kota Bekasi", "warning"]]
    assert result.issue_kinds == [NOT_IN_REGISTER]
    assert result.snapshot_id is not None
    table = service.load_snapshot(sqlite_store, result.snapshot_id).table(kind)
    assert table["mall"].tolist() == ["MPP Kota Depok", "MPP Kota Bogor", "MPP Kota Bekasi"]
    issue = result.issues.to_dict("records")[0]
    assert issue_message(issue, "id") == (
        f"MPP “MPP Kota Bekasi” (sheet {sheet}, baris 4, kolom Nama MPP; 1 baris) di Kota Bekasi tidak ada di "
        "daftar MPP. Barisnya disimpan; periksa nama MPP-nya, atau muat MPP itu ke daftar."
    )
    assert issue_message(issue, "en") == (
        f"Mall “MPP Kota Bekasi” (sheet {sheet}, row 4, column Nama MPP; 1 rows) in Kota Bekasi is not in the "
        "register. The rows are kept; check the mall's name, or load the mall into the register."
    )


@pytest.mark.parametrize("kind", list(KINDS))
def test_rows_are_checked_against_the_register_carried_over(sqlite_store: Store, kind: str):
    rows, bekasi, sheet = KINDS[kind]
    assert _ingest(sqlite_store, _malls()).snapshot_id is not None
    alone = _ingest(sqlite_store, _sheet(kind, [*rows, bekasi]))
    assert alone.carried_over["malls"] is not None and alone.snapshot_id is not None
    assert [o[2:5] for o in _orphans(alone)] == [[4, "Nama MPP", "MPP Kota Bekasi"]]
    # the register now loaded with Bekasi: the same rows give no warning
    with_bekasi = MALLS + "Kota Bekasi,MPP Kota Bekasi,Beroperasi,2024-05-01\n"
    again = _ingest(sqlite_store, UploadedFile("m2.csv", with_bekasi.encode()), _sheet(kind, [*rows, bekasi]))
    assert _orphans(again) == [] and again.snapshot_id is not None


def test_visits_naming_only_a_region_the_register_lacks_name_the_region_column(sqlite_store: Store):
    rows = [["Kabupaten/Kota", "Bulan", "Kunjungan"], ["Kota Depok", "2025-01", 90], ["Kota Bekasi", "2025-01", 40],
            ["Kota Bekasi", "2025-02", 45]]  # fmt: skip
    result = _ingest(sqlite_store, _malls(), UploadedFile("v.xlsx", _book(None, "Wilayah", rows)))
    assert _orphans(result) == [["v.xlsx", "Wilayah", 3, "Kabupaten/Kota", "Kota Bekasi", "warning"]]
    assert result.issues.iloc[0]["params"]["rows"] == 2 and result.snapshot_id is not None


@pytest.mark.parametrize(
    ("kind", "position", "header"),
    [("agreements", 1, "Nama MPP"), ("agreements", 3, "Nomor PKS"), ("agreements", 4, "Status"),
     ("visits", 1, "Nama MPP"), ("visits", 2, "Bulan"), ("visits", 3, "Jumlah Kunjungan")],
)  # fmt: skip
def test_a_100_kb_cell_is_an_error_on_its_row_naming_its_column(sqlite_store: Store, kind: str, position, header):
    rows = [list(r) for r in KINDS[kind][0]]
    pasted = "MPP Kota Bogor " + "x" * 100_000
    rows[2][position] = pasted
    started = time.perf_counter()
    result = _ingest(sqlite_store, _malls(), _csv(kind, rows))
    assert time.perf_counter() - started < 20
    long = result.issues[result.issues["kind"] == IssueKind.TEXT_TOO_LONG.value]
    sheet = result.sheets[-1].sheet
    assert long[["file", "sheet", "row", "column", "value", "severity"]].values.tolist() == [
        [f"{kind}.csv", sheet, 3, header, pasted[:60], "error"]
    ]
    assert long.iloc[0]["params"] == {"length": len(pasted), "limit": MAX_CELL_TEXT}
    assert result.snapshot_id is None  # the error keeps the upload out
    # no report carries the pasted text
    assert result.issues["value"].str.len().max() <= 200
    for lang, words in (("id", "terlalu panjang: 100015 karakter, paling banyak 500"),
                        ("en", "too long: 100015 characters, at most 500")):  # fmt: skip
        assert any(words in m and header in m for m in result_messages(result, lang))
    # left out, the other row loads
    loaded = service.ingest_files([_malls(), _csv(kind, rows)], sqlite_store, actor=ANALYST, exclude_rejected=True)
    assert loaded.snapshot_id is not None
    table = service.load_snapshot(sqlite_store, loaded.snapshot_id).table(kind)
    assert table["mall"].tolist() == ["MPP Kota Depok"]


def test_a_cell_at_the_limit_is_read(sqlite_store: Store):
    rows = [list(r) for r in AGREEMENTS]
    rows[1][3] = "9" * MAX_CELL_TEXT
    result = _ingest(sqlite_store, _malls(), _sheet("agreements", rows))
    assert result.snapshot_id is not None, result_messages(result, "en")
    table = service.load_snapshot(sqlite_store, result.snapshot_id).table("agreements")
    assert table["pks_number"].iloc[0] == "9" * MAX_CELL_TEXT
