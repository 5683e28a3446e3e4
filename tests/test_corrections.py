"""Corrections and rows left out through the service: stored with the snapshot, listed for History,
counted on every page's source line; without them one error keeps the whole file out."""

from __future__ import annotations

import json

import sqlalchemy as sa

from mpp_data import service
from mpp_data.ingest.corrections import REJECTED_BY_CHECK
from mpp_data.store.snapshots import Store, source_files
from tests.cli import run_cli
from tests.conftest import ANALYST
from tests.loaders.test_corrections import DATE, EXPORT, REGION, TODAY

ROW_3 = ("ekspor.xlsx", "MPP", 3)


def test_a_file_with_errors_loads_nothing_until_each_error_is_corrected_or_left_out(store):
    before = store.counts()
    result = service.ingest_files([EXPORT], store, today=TODAY, actor=ANALYST)
    assert result.snapshot_id is None and result.error_count == 2
    assert store.counts() == before
    one_fixed = service.ingest_files([EXPORT], store, today=TODAY, corrections={DATE: "25/02/2022"}, actor=ANALYST)
    assert one_fixed.snapshot_id is None and one_fixed.error_count == 1
    assert store.counts() == before
    both = service.ingest_files([EXPORT], store, today=TODAY, corrections={DATE: "25/02/2022"},
                                left_out={ROW_3: "bukan MPP"}, actor=ANALYST)  # fmt: skip
    assert both.snapshot_id is not None


def test_a_corrected_load_keeps_each_correction_with_the_snapshot(store):
    result = service.ingest_files([EXPORT], store, today=TODAY,
                                  corrections={REGION: "Kabupaten Sanggau", DATE: "25/02/2022"}, actor=ANALYST)  # fmt: skip
    assert result.snapshot_id is not None
    assert sorted(store.load_malls(result.snapshot_id)["region_code"]) == ["32.71", "32.76", "61.03"]
    (source,) = store.load_source_files(result.snapshot_id)
    assert source.content == EXPORT.content, "the original file is kept as uploaded"
    assert [(c["row"], c["written"], c["corrected"]) for c in source.corrections] == [
        (3, "Kab. Atlantis", "Kabupaten Sanggau"), (4, "32 Februari 2022", "25/02/2022"),
    ]  # fmt: skip
    assert source.report == [] and source.left_out == []
    history = service.snapshot_amendments(store, result.snapshot_id, "en", actor=ANALYST)
    assert history[["row", "column", "written", "corrected", "reason"]].values.tolist() == [
        [3, "Kabupaten/Kota", "Kab. Atlantis", "Kabupaten Sanggau", ""],
        [4, "Tanggal Peresmian", "32 Februari 2022", "25/02/2022", ""],
    ]
    assert service.load_snapshot(store, result.snapshot_id).snapshot["rows_left_out"] == 0


def test_rows_left_out_are_kept_with_their_reason_and_counted_for_the_source_line(store):
    result = service.ingest_files([EXPORT], store, today=TODAY, corrections={DATE: "25/02/2022"},
                                  left_out={ROW_3: "bukan MPP"}, actor=ANALYST)  # fmt: skip
    (source,) = store.load_source_files(result.snapshot_id)
    assert [(r["row"], r["reason"], r["values"]["Kabupaten/Kota"]) for r in source.left_out] == [
        (3, "bukan MPP", "Kab. Atlantis")
    ]
    assert service.load_snapshot(store, result.snapshot_id).snapshot["rows_left_out"] == 1
    history = service.snapshot_amendments(store, result.snapshot_id, "id", actor=ANALYST)
    assert history[["row", "written", "corrected", "reason"]].values.tolist() == [
        [3, "Kalimantan Barat · Kab. Atlantis · MPP Atlantis · Beroperasi · 2023-01-05", "(dikecualikan)", "bukan MPP"],
        [4, "32 Februari 2022", "25/02/2022", ""],
    ]
    assert store.snapshot(result.snapshot_id)["rows_skipped"] == 1


def test_exclude_rejected_stores_the_valid_rows_and_each_rejected_row_as_left_out_by_the_check(store):
    result = service.ingest_files([EXPORT], store, today=TODAY, exclude_rejected=True, actor=ANALYST)
    assert list(store.load_malls(result.snapshot_id)["region_code"]) == ["32.76"]
    corrections, left_out = store.load_amendments(result.snapshot_id)
    assert corrections == []
    assert [(r["row"], r["reason"]) for r in left_out] == [(3, REJECTED_BY_CHECK), (4, REJECTED_BY_CHECK)]
    history = service.snapshot_amendments(store, result.snapshot_id, "id", actor=ANALYST)
    assert history["reason"].tolist() == ["ditolak oleh pemeriksaan"] * 2


def test_a_snapshot_without_changes_keeps_its_report_as_a_plain_list(store):
    changed = service.ingest_files([EXPORT], store, today=TODAY, exclude_rejected=True, actor=ANALYST)
    plain = service.ingest_files(service.sample_files()[:1], store, actor=ANALYST)
    query = sa.select(source_files.c.snapshot_id, source_files.c.report)
    with store.engine.connect() as conn:
        stored = {snapshot: json.loads(report) for snapshot, report in conn.execute(query)}
    assert isinstance(stored[plain.snapshot_id], list), "reports of earlier snapshots read the same"
    assert set(stored[changed.snapshot_id]) == {"issues", "corrections", "left_out"}
    assert store.load_amendments(plain.snapshot_id) == ([], [])


def test_cli_ingest_is_strict_by_default_and_exclude_rejected_loads_the_valid_rows_and_lists_the_rest(
    tmp_path, sqlite_url
):
    path = tmp_path / EXPORT.name
    path.write_bytes(EXPORT.content)
    strict = run_cli("ingest", str(path), "--db", sqlite_url, "--json")
    assert strict.returncode == 1, strict.stderr
    assert json.loads(strict.stdout)["snapshot_id"] is None
    assert "left_out" not in json.loads(strict.stdout)  # the JSON contract of a strict load is unchanged

    loose = run_cli("ingest", str(path), "--db", sqlite_url, "--json", "--exclude-rejected")
    assert loose.returncode == 0, loose.stderr
    report = json.loads(loose.stdout)
    assert report["snapshot_id"] == 1
    assert [m["region_code"] for m in report["malls"]] == ["32.76"]
    assert [(r["row"], r["reason"], [p["kind"] for p in r["problems"]]) for r in report["left_out"]] == [
        (3, REJECTED_BY_CHECK, ["unknown_region"]),
        (4, REJECTED_BY_CHECK, ["bad_date"]),
    ]
    assert "32 Februari 2022" in report["left_out"][1]["problems"][0]["message_en"]
    assert report["counts"] == {"rows_read": 3, "rows_loaded": 1, "rows_rejected": 0, "rows_skipped": 2}
    assert [(r["row"], r["reason"]) for r in Store(sqlite_url).load_amendments(1)[1]] == [
        (3, REJECTED_BY_CHECK),
        (4, REJECTED_BY_CHECK),
    ]

    text = run_cli("--lang", "en", "ingest", str(path), "--db", sqlite_url, "--exclude-rejected")
    assert text.returncode == 0, text.stderr
    assert "left out: ekspor.xlsx · MPP · row 4 (rejected by the check)" in text.stdout
    # the same file loaded again: it equals upload #1, and nothing more is stored
    assert "These files equal upload #1; nothing was stored." in text.stdout
    assert len(Store(sqlite_url).list_snapshots()) == 1
