"""Broken and hostile files: each gets its own clear message, and the store is left unchanged."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

import pytest

from mpp_data.config import Settings
from mpp_data.present.messages import result_messages
from mpp_data.service import UploadedFile, ingest_files
from tests.conftest import ANALYST
from tests.loaders import workbooks as wb

GOOD = wb.xlsx({"MPP": [["Kabupaten/Kota", "Status"], ["Kota Depok", "Beroperasi"]]}, name="baik.xlsx")


def refuse(store, file, settings=None):
    before = store.counts()
    result = ingest_files([file, GOOD], store, today=dt.date(2026, 1, 1), settings=settings, actor=ANALYST)
    assert result.snapshot_id is None
    assert store.counts() == before, "a refused load must not change the store"
    assert result.exit_code == 2
    (problem,) = [i for i in result.issues.to_dict("records") if i["file"] == file.name]
    return problem, result


def test_a_file_over_the_size_limit_is_refused_before_parsing(sqlite_store):
    small_limit = dataclasses.replace(Settings.from_env(), max_upload_bytes=1000)
    big = UploadedFile("besar.csv", b"Kabupaten/Kota,Status\n" + b"Kota Depok,Beroperasi\n" * 100)
    problem, result = refuse(sqlite_store, big, small_limit)
    assert problem["kind"] == "file_too_large"
    assert "terlalu besar" in result_messages(result, "id")[0]


def test_a_zip_bomb_is_refused_without_unpacking_it(sqlite_store):
    problem, result = refuse(sqlite_store, wb.zip_bomb())
    assert problem["kind"] == "file_too_large"
    assert "too large" in result_messages(result, "en")[0]


def test_a_password_protected_workbook_says_so(sqlite_store):
    problem, result = refuse(sqlite_store, wb.encrypted_xlsx())
    assert problem["kind"] == "encrypted_file"
    assert "kata sandi" in result_messages(result, "id")[0]
    assert "password-protected" in result_messages(result, "en")[0]


def test_random_bytes_named_xlsx(sqlite_store):
    problem, result = refuse(sqlite_store, UploadedFile("acak.xlsx", os.urandom(4096)))
    assert problem["kind"] == "unreadable_file"
    assert "bukan berkas Excel" in result_messages(result, "id")[0]


def test_a_damaged_zip_named_xlsx(sqlite_store):
    problem, _ = refuse(sqlite_store, UploadedFile("rusak.xlsx", b"PK\x03\x04" + os.urandom(2048)))
    assert problem["kind"] == "unreadable_file"


def test_an_empty_file(sqlite_store):
    problem, result = refuse(sqlite_store, UploadedFile("kosong.csv", b""))
    assert problem["kind"] == "unreadable_file"
    assert "berkas kosong" in result_messages(result, "id")[0]


def test_a_workbook_without_a_recognisable_table(sqlite_store):
    file = wb.xlsx({"Sheet1": [["Laporan bulanan"], ["Tidak ada tabel di sini", 3, 4]]}, name="laporan.xlsx")
    problem, result = refuse(sqlite_store, file)
    assert problem["kind"] == "no_table_found"
    assert problem["severity"] == "error"
    assert "Tidak ditemukan tabel" in result_messages(result, "id")[0]


@pytest.mark.parametrize("name", ["kosong.xlsx", "kosong.csv"])
def test_whitespace_only_files_are_empty(sqlite_store, name):
    problem, _ = refuse(sqlite_store, UploadedFile(name, b"  \n\n "))
    assert problem["kind"] == "unreadable_file"


def test_a_workbook_whose_later_sheet_is_damaged_gives_nothing(sqlite_store):
    """Sheets are checked while the next one is read: what the first sheet gave must not be kept."""
    two = wb.xlsx({"MPP": [["Kabupaten/Kota", "Status"], ["Kota Bogor", "Beroperasi"]],
                   "Instansi": [["Kabupaten/Kota", "Polri"], ["Kota Bogor", "v"]]})  # fmt: skip
    problem, result = refuse(sqlite_store, wb.with_damaged_sheet(two, "xl/worksheets/sheet2.xml"))
    assert problem["kind"] == "unreadable_file"
    assert problem["sheet"] == "Instansi"
    assert "sheet “Instansi” rusak" in result_messages(result, "id")[0]
    assert "sheet “Instansi” is damaged" in result_messages(result, "en")[0]
    assert "Kota Bogor" not in set(result.malls["region_name"].dropna())
