"""Loads into the store: one snapshot or nothing, carry-over of the kind not loaded, the CLI."""

from __future__ import annotations

import datetime as dt
import json

from mpp_data.service import ingest_files, remember_alias
from tests.cli import run_cli
from tests.conftest import ANALYST
from tests.loaders import workbooks as wb

TODAY = dt.date(2026, 1, 1)
MALLS = wb.xlsx(
    {"MPP": [["Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"],
             ["Kota Depok", "MPP Depok", "Beroperasi", dt.date(2021, 5, 1)],
             ["Kabupaten Siak", "MPP Siak", "Direncanakan", None]]},
    name="mpp.xlsx",
)  # fmt: skip
PARTICIPATION = wb.xlsx(
    {"Instansi": [["Kabupaten/Kota", "Polri", "BNN", "BPJS Kesehatan"], ["Kota Depok", "✓", None, "✓"]]},
    name="instansi.xlsx",
)  # fmt: skip
BAD = wb.xlsx({"MPP": [["Kabupaten/Kota", "Status"], ["Kota Depok", "Beroperasi"], ["Kab. Antah", "Beroperasi"]]})


def test_a_clean_load_writes_one_snapshot_with_the_original_bytes(store):
    result = ingest_files([MALLS, PARTICIPATION], store, today=TODAY, actor=ANALYST)
    assert result.exit_code == 0
    assert result.snapshot_id == store.latest_snapshot_id()
    assert len(store.load_malls(result.snapshot_id)) == 2
    participation = store.load_participation(result.snapshot_id)
    assert set(participation["agency"]) == {"polri", "bnn", "bpjs_kesehatan"}
    assert set(participation["mall_name"]) == {"MPP Depok"}  # the region's only mall
    sources = store.load_source_files(result.snapshot_id)
    assert [s.content for s in sources] == [MALLS.content, PARTICIPATION.content]


def test_a_load_with_any_error_changes_nothing(store):
    ingest_files([MALLS], store, today=TODAY, actor=ANALYST)
    before = store.counts()
    result = ingest_files([BAD], store, today=TODAY, actor=ANALYST)
    assert result.exit_code == 1
    assert result.snapshot_id is None
    assert store.counts() == before


def test_a_participation_only_load_carries_the_malls_over_and_says_so(store):
    first = ingest_files([MALLS], store, today=TODAY, actor=ANALYST).snapshot_id
    second = ingest_files([PARTICIPATION], store, today=TODAY, actor=ANALYST)
    assert second.carried_over == {"malls": first}
    assert store.snapshot(second.snapshot_id)["carried_over"] == {"malls": first}
    assert store.load_malls(second.snapshot_id).equals(store.load_malls(first))
    assert len(store.load_participation(first)) == 0
    assert len(store.load_participation(second.snapshot_id)) == 3


def test_a_participation_only_load_into_an_empty_store_keeps_its_rows_without_malls(store):
    result = ingest_files([PARTICIPATION], store, today=TODAY, actor=ANALYST)
    assert result.snapshot_id is not None and result.carried_over == {}
    assert len(store.load_malls(result.snapshot_id)) == 0
    participation = store.load_participation(result.snapshot_id)
    assert set(participation["agency"]) == {"polri", "bnn", "bpjs_kesehatan"}
    assert participation["mall_name"].isna().all()  # no mall yet to attach the region's rows to


def test_a_confirmed_alias_is_used_by_the_next_load(store):
    odd = wb.xlsx({"MPP": [["Kabupaten/Kota", "Status"], ["Depok Lama", "Beroperasi"]]})
    assert ingest_files([odd], store, today=TODAY, actor=ANALYST).has_errors
    remember_alias(store, "Depok Lama", "32.76", actor=ANALYST)
    result = ingest_files([odd], store, today=TODAY, actor=ANALYST)
    assert not result.has_errors
    assert store.load_malls(result.snapshot_id)["region_code"].tolist() == ["32.76"]


def test_cli_ingest_exit_codes_and_json(tmp_path, sqlite_url):
    good = tmp_path / "mpp.xlsx"
    good.write_bytes(MALLS.content)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(BAD.content)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a workbook at all")

    dry = run_cli("ingest", str(good), "--db", sqlite_url, "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert report["snapshot_id"] is None
    assert report["files"] == ["mpp.xlsx"]
    assert report["malls"][0] == {"region_code": "32.76", "region_name": "Kota Depok", "mall_name": "MPP Depok",
                                  "status": "operating", "inaugurated_on": "2021-05-01", "agencies": None,
                                  "services": None, "sheet": "MPP", "row": 2, "rejected": False}  # fmt: skip
    assert report["counts"] == {"rows_read": 2, "rows_loaded": 2, "rows_rejected": 0, "rows_skipped": 0}

    failed = run_cli("ingest", str(bad), "--db", sqlite_url, "--json")
    assert failed.returncode == 1
    report = json.loads(failed.stdout)
    (issue,) = report["issues"]
    assert (issue["sheet"], issue["row"], issue["column"], issue["kind"]) == (
        "MPP",
        3,
        "Kabupaten/Kota",
        "unknown_region",
    )
    assert issue["message_id"].startswith("Nama wilayah “Kab. Antah” (sheet MPP, baris 3")
    assert issue["message_en"].startswith("Region “Kab. Antah” (sheet MPP, row 3")
    assert report["malls"][1]["rejected"] is True
    assert report["malls"][1]["region_code"] is None

    assert run_cli("ingest", str(junk), "--db", sqlite_url).returncode == 2

    loaded = run_cli("ingest", str(good), "--db", sqlite_url, "--json")
    assert loaded.returncode == 0
    assert json.loads(loaded.stdout)["snapshot_id"] == 1


def test_a_real_load_after_the_sample_carries_nothing_over(store):
    from mpp_data.service import open_store

    sample_store = open_store(store.url)
    sample_id = sample_store.latest_snapshot_id()
    assert sample_store.snapshot(sample_id)["is_sample"]
    result = ingest_files([MALLS], sample_store, today=TODAY, actor=ANALYST)
    assert result.carried_over == {}
    assert len(sample_store.load_participation(result.snapshot_id)) == 0
    assert len(sample_store.load_malls(sample_id)) > 300, "the sample snapshot itself stays"
