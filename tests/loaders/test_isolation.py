"""Files read in a worker process (issue #11): no file takes the caller down, each ends as a problem
naming it, and files that say they are too big are refused before parsing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import time

import pytest

from mpp_data.config import Settings
from mpp_data.ingest import isolation
from mpp_data.ingest.read import ReadLimits, refuse_oversized
from mpp_data.present.messages import result_messages
from mpp_data.service import UploadedFile, ingest_files, store_checked
from tests.cli import CliResult, run_cli
from tests.conftest import ANALYST
from tests.loaders import hostile
from tests.loaders import workbooks as wb

GOOD = wb.xlsx({"MPP": [["Kabupaten/Kota", "Status"], ["Kota Depok", "Beroperasi"]]}, name="baik.xlsx")
TODAY = dt.date(2026, 1, 1)


def run_ingest_cli(file: UploadedFile, tmp_path) -> tuple[CliResult, float]:
    """``ingest FILE --dry-run --json`` in this process: the file is read in the worker, so a file that
    takes its reader down must leave the caller (this test) standing."""
    path = tmp_path / file.name
    path.write_bytes(file.content)
    started = time.perf_counter()
    done = run_cli("ingest", str(path), "--dry-run", "--json")
    return done, time.perf_counter() - started


def assert_refused_by_cli(file: UploadedFile, tmp_path, kind: str, id_text: str, en_text: str) -> float:
    done, seconds = run_ingest_cli(file, tmp_path)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr + done.stdout and "panicked" not in done.stderr
    (issue,) = json.loads(done.stdout)["issues"]
    assert issue["kind"] == kind and issue["file"] == file.name
    assert f"“{file.name}”" in issue["message_id"] and id_text in issue["message_id"]
    assert f"“{file.name}”" in issue["message_en"] and en_text in issue["message_en"]
    return seconds


def test_a_5_kb_workbook_declaring_a_cell_at_xfd1048576_is_refused_before_parsing(tmp_path):
    file = hostile.far_cell_xlsx()
    assert len(file.content) < 6000
    assert_refused_by_cli(file, tmp_path, "file_too_complex", "16384 kolom, sampai sel XFD1048576",
                          "declares 16384 columns, up to cell XFD1048576")  # fmt: skip


def test_a_truncated_xls_that_panics_the_reader_ends_as_the_files_problem(tmp_path):
    assert_refused_by_cli(hostile.truncated_xls(), tmp_path, "file_too_complex", "pembacanya berhenti",
                          "the reader stopped part way through")  # fmt: skip


@pytest.mark.serial  # measures time
def test_a_4_mb_csv_of_one_line_and_two_million_columns_is_refused_fast(tmp_path):
    file = hostile.one_line_csv()
    started = time.perf_counter()
    with pytest.raises(Exception, match="file_too_complex"):
        refuse_oversized(file.name, file.content, ReadLimits())
    refusal = time.perf_counter() - started
    seconds = assert_refused_by_cli(file, tmp_path, "file_too_complex", "sepanjang 3906 KB", "a line of 3906 KB")
    print(f"4 MB one-line CSV: refused in {refusal * 1000:.0f} ms; the whole CLI run took {seconds:.1f} s")
    assert refusal < 1
    assert seconds < 20


def test_a_csv_of_short_lines_but_too_many_columns_is_refused(sqlite_store):
    file = hostile.one_line_csv(columns=1500, name="lebar.csv")
    result = ingest_files([file, GOOD], sqlite_store, today=TODAY, actor=ANALYST)
    assert result.exit_code == 2 and result.snapshot_id is None
    (problem,) = result.issues.to_dict("records")
    assert problem["kind"] == "file_too_complex"
    assert "1500 kolom (batas 1000)" in result_messages(result, "id")[0]
    assert "a line of 1500 columns (the limit is 1000)" in result_messages(result, "en")[0]


def test_a_sheet_declaring_more_cells_than_the_limit_is_refused_naming_the_sheet(sqlite_store):
    tall = UploadedFile("tinggi.xlsx", hostile.with_dimension(GOOD.content, "A1:J300000"))
    result = ingest_files([tall], sqlite_store, today=TODAY, actor=ANALYST)
    assert result.exit_code == 2
    assert result_messages(result, "id") == [
        "Sheet “MPP” di berkas “tinggi.xlsx” menyatakan ukuran sampai sel J300000: 3 juta sel (batas 2 juta). "
        "Biasanya ada isian atau format di sel yang jauh. Hapus baris dan kolom kosong (Ctrl+End menunjukkan sel "
        "terakhir), simpan, lalu unggah lagi."
    ]


def test_limits_are_settings():
    settings = Settings.from_env({"MPP_MAX_CELLS": "5000000", "MPP_MAX_COLUMNS": "20", "MPP_MAX_LINE_KB": "8",
                                  "MPP_PARSE_MEMORY_MB": "512", "MPP_PARSE_TIMEOUT_S": "5"})  # fmt: skip
    assert (settings.max_cells, settings.max_columns, settings.max_line_bytes) == (5_000_000, 20, 8192)
    assert (settings.parse_memory_mb, settings.parse_timeout_s) == (512, 5.0)
    defaults = Settings.from_env({})
    assert (defaults.max_cells, defaults.max_columns, defaults.parse_memory_mb, defaults.parse_timeout_s) == (
        2_000_000, 1_000, 1024, 60.0)  # fmt: skip
    narrow = dataclasses.replace(defaults, max_columns=1)
    result = ingest_files([GOOD], None, dry_run=True, today=TODAY, settings=narrow, actor=ANALYST)
    assert result.issue_kinds == ["file_too_complex"]


def test_a_file_that_kills_the_worker_leaves_the_other_files_read(sqlite_store):
    result = ingest_files([hostile.truncated_xls(), GOOD], sqlite_store, today=TODAY, actor=ANALYST)
    assert result.exit_code == 2 and result.snapshot_id is None
    assert result.issues["file"].tolist() == ["terpotong.xls"]
    assert result.malls["region_name"].tolist() == ["Kota Depok"]
    again = ingest_files([GOOD], sqlite_store, today=TODAY, actor=ANALYST)  # the caller carries on with a new worker
    assert again.exit_code == 0 and again.snapshot_id is not None


@pytest.mark.slow  # fills the worker up to its memory cap
def test_a_parse_over_the_memory_cap_is_stopped_and_named(sqlite_store):
    rows = [["Kabupaten/Kota", "Nama MPP", "Instansi", "Jumlah Layanan"]]
    rows += [["Kota Depok", f"MPP Kota Depok {i}", f"Instansi {i % 40}", i % 20] for i in range(200_000)]
    big = wb.csv_file(rows, name="besar.csv")
    tight = dataclasses.replace(Settings.from_env(), parse_memory_mb=40)
    result = ingest_files([GOOD, big], sqlite_store, today=TODAY, settings=tight, actor=ANALYST)
    assert result.exit_code == 2
    (problem,) = result.issues.to_dict("records")
    assert problem["file"] == "besar.csv" and problem["kind"] == "file_too_complex"
    assert "lebih dari 40 MB memori" in result_messages(result, "id")[0]
    assert "needed more than 40 MB of memory" in result_messages(result, "en")[0]


@pytest.mark.serial  # measures time
def test_a_parse_over_the_time_limit_is_stopped_and_named(sqlite_store):
    rows = [["Kabupaten/Kota", "Status"]] + [["Kota Depok", "Beroperasi"]] * 50_000
    slow = wb.xlsx({"MPP": rows}, name="lambat.xlsx")
    hasty = dataclasses.replace(Settings.from_env(), parse_timeout_s=0.05)
    started = time.perf_counter()
    result = ingest_files([slow], sqlite_store, today=TODAY, settings=hasty, actor=ANALYST)
    assert time.perf_counter() - started < 10
    assert result.exit_code == 2
    assert result.issue_kinds == ["parse_timeout"]
    assert result_messages(result, "id") == [
        "Membaca berkas “lambat.xlsx” memakan waktu lebih dari 0.05 detik dan dihentikan. Tidak ada yang diambil "
        "dari berkas ini. Pisahkan menjadi beberapa berkas atau simpan ulang sebagai .csv, lalu unggah lagi."
    ]


def test_a_warm_worker_is_reused_between_uploads():
    ingest_files([GOOD], None, dry_run=True, today=TODAY, actor=ANALYST)
    ingest_files([GOOD], None, dry_run=True, today=TODAY, actor=ANALYST)
    assert isolation.last_run().workers_started == 0
    assert isolation.last_run().worker_peak_mb < 1536


def test_the_worker_is_not_this_process():
    ingest_files([GOOD], None, dry_run=True, today=TODAY, actor=ANALYST)
    (worker,) = isolation._pool.idle
    assert worker.process.pid != os.getpid() and worker.process.is_alive()


def test_progress_names_each_file_in_order():
    steps = []
    ingest_files([GOOD, hostile.truncated_xls()], None, dry_run=True, today=TODAY,
                 progress=lambda step, total, name: steps.append((step, total, name)), actor=ANALYST)  # fmt: skip
    assert steps[0] == (0, 2, "baik.xlsx")
    assert (1, 2, "terpotong.xls") in steps
    assert steps[-1] == (2, 2, "")


def test_a_checked_upload_is_stored_without_reading_it_again(store):
    checked = ingest_files([GOOD], store, dry_run=True, today=TODAY, actor=ANALYST)
    assert checked.snapshot_id is None and store.latest_snapshot_id() is None
    stored = store_checked(checked, [GOOD], store, actor=ANALYST)
    assert stored.snapshot_id == store.latest_snapshot_id() is not None
    assert store.load_malls(stored.snapshot_id)["mall_name"].tolist() == ["MPP Kota Depok"]
    assert store_checked(stored, [GOOD], store, actor=ANALYST).snapshot_id == stored.snapshot_id  # stored once
    refused = ingest_files([hostile.truncated_xls()], store, dry_run=True, today=TODAY, actor=ANALYST)
    assert store_checked(refused, [hostile.truncated_xls()], store, actor=ANALYST).snapshot_id is None
    assert store.latest_snapshot_id() == stored.snapshot_id
