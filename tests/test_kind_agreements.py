"""Agreements (PKS) as a registered upload kind (issue 24.1): a list and a grid built in code, read back
through ``SnapshotData.table("agreements")`` on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd

from mpp_data import service
from mpp_data.ingest.pipeline import UploadedFile
from mpp_data.ingest.problems import IssueKind
from mpp_data.present.messages import result_messages
from mpp_data.store import Store
from tests.conftest import ANALYST

MALLS = (
    "Kabupaten/Kota,Nama MPP,Status,Tanggal Peresmian\n"
    "Kota Depok,MPP Kota Depok,Beroperasi,2023-01-05\n"
    "Kota Bogor,MPP Kota Bogor,Beroperasi,2024-02-01\n"
)


def _book(title: str | None, sheet: str, rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    if title:
        ws.append([title])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


LIST = [
    ["No", "Kabupaten/Kota", "Nama MPP", "Instansi", "Nomor PKS", "Tanggal PKS", "Berlaku Sampai", "Status",
     "Jumlah Layanan"],
    [1, "Kota Depok", "MPP Kota Depok", "Samsat", "180/12/2024", dt.date(2024, 3, 12), dt.date(2029, 3, 12),
     "Loket buka", 4],
    [2, "Kota Depok", "MPP Kota Depok", "Kantor Pertanahan Kota Depok", None, "05/01/2024", None, None, 2],
    [3, "Kota Depok", "MPP Kota Depok", "Kantor Imigrasi Kelas I", None, None, None, "proses", None],
    [4, "Kota Bogor", "MPP Kota Bogor", "KPP Pratama Bogor", "PKS-7", None, None, "Terintegrasi", 3],
    [5, "Kota Bogor", "MPP Kota Bogor", "Pengadilan Agama", None, None, None, "kucing", None],
    [6, "Kota Bogor", "MPP Kota Bogor", "BPJS Kesehatan", None, None, None, "=HYPERLINK(\"x\")" + "y" * 5000, None],
]  # fmt: skip

GRID = [
    ["Kabupaten/Kota", "Nama MPP", "Polri", "ATR/BPN", "Kemenkeu", "Mahkamah Agung"],
    ["Kota Depok", "MPP Kota Depok", "PKS 12/03/2024", "proses", "✓", "-"],
    ["Kota Bogor", "MPP Kota Bogor", "Beroperasi", None, "berakhir", "belum"],
]


def _ingest(store: Store, *files: UploadedFile):
    return service.ingest_files(list(files), store, actor=ANALYST)


def test_a_list_of_agreements_reads_stages_dates_and_local_offices(store: Store):
    data = _book(None, "PKS", LIST)
    result = _ingest(store, UploadedFile("m.csv", MALLS.encode()), UploadedFile("pks.xlsx", data))
    assert [s.kind for s in result.sheets] == ["malls", "agreements_list"]
    problems = result.issues[result.issues["kind"] == IssueKind.BAD_STAGE.value]
    assert problems[["sheet", "row", "column"]].values.tolist() == [["PKS", 6, "Status"]]
    assert result.snapshot_id is None  # an error keeps the upload out

    clean = _book(None, "PKS", [*LIST[:5], LIST[6]])
    result = _ingest(store, UploadedFile("m.csv", MALLS.encode()), UploadedFile("pks.xlsx", clean))
    assert result.snapshot_id is not None, result_messages(result, "en")
    table = service.load_snapshot(store, result.snapshot_id).table("agreements")
    got = table[["region_code", "mall", "agency", "stage", "pks_number", "services"]].astype(object)
    got = got.where(got.notna(), None).values.tolist()
    assert got == [
        ["32.76", "MPP Kota Depok", "polri", "counter_open", "180/12/2024", 4],
        ["32.76", "MPP Kota Depok", "atr_bpn", "signed", None, 2],
        ["32.76", "MPP Kota Depok", "kemenkumham", "drafting", None, None],
        ["32.71", "MPP Kota Bogor", "kemenkeu", "integrated", "PKS-7", 3],
        # a formula is read as its (absent) value, never stored as a formula: no words, no dates, none
        ["32.71", "MPP Kota Bogor", "bpjs_kesehatan", "none", None, None],
    ]
    assert list(table["signed_on"].dt.date.iloc[:2]) == [dt.date(2024, 3, 12), dt.date(2024, 1, 5)]
    assert table["valid_until"].dt.date.iloc[0] == dt.date(2029, 3, 12) and pd.isna(table["valid_until"].iloc[1])
    # carried over when an upload has none
    more = MALLS + "Kota Bekasi,MPP Kota Bekasi,Beroperasi,2024-05-01\n"
    again = _ingest(store, UploadedFile("m2.csv", more.encode()))
    assert again.carried_over["agreements"] == result.snapshot_id
    pd.testing.assert_frame_equal(service.load_snapshot(store, again.snapshot_id).table("agreements"), table)


def test_a_grid_of_agreements_reads_marks_words_and_dates(store: Store):
    data = _book("Rekap Perjanjian Kerja Sama (PKS) MPP", "Rekap", GRID)
    result = _ingest(store, UploadedFile("m.csv", MALLS.encode()), UploadedFile("grid.xlsx", data))
    assert [s.kind for s in result.sheets] == ["malls", "agreements_grid"]
    assert result.snapshot_id is not None, result_messages(result, "en")
    table = service.load_snapshot(store, result.snapshot_id).table("agreements")
    got = table[["mall", "agency", "stage"]].values.tolist()
    assert got == [
        ["MPP Kota Depok", "polri", "signed"],
        ["MPP Kota Depok", "atr_bpn", "drafting"],
        ["MPP Kota Depok", "kemenkeu", "signed"],
        ["MPP Kota Depok", "ma", "none"],
        ["MPP Kota Bogor", "polri", "counter_open"],
        ["MPP Kota Bogor", "kemenkeu", "ended"],
        ["MPP Kota Bogor", "ma", "none"],
    ]
    assert table["signed_on"].dt.date.iloc[0] == dt.date(2024, 3, 12)
