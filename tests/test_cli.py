"""The command line, run as a user runs it: a subprocess with its own database."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from mpp_data import service
from mpp_data.reference.regions import official_regions
from tests.conftest import ROOT


def run_cli(*args: str, env_url: str | None = None) -> subprocess.CompletedProcess:
    env = os.environ | ({"MPP_DATABASE_URL": env_url} if env_url else {})
    return subprocess.run(
        [sys.executable, "-m", "mpp_data", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_regions_json_lists_the_514_official_regions():
    result = run_cli("regions", "--json")
    assert result.returncode == 0, result.stderr
    regions = json.loads(result.stdout)
    assert len(regions) == 514
    assert set(regions[0]) == {"code", "name", "kind", "province_code", "province_name"}
    assert {r["kind"] for r in regions} == {"kabupaten", "kota"}
    assert {"code": "61.03", "name": "Kabupaten Sanggau", "kind": "kabupaten", "province_code": "61",
            "province_name": "Kalimantan Barat"} in regions  # fmt: skip


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_metrics_json_on_an_empty_store_loads_the_sample_first(request, backend):
    url = request.getfixturevalue(f"{backend}_url")
    result = run_cli("metrics", "--json", "--db", url)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    expected = service.national_figures(service.load_snapshot(service.open_store(url)))
    assert figures == json.loads(json.dumps(expected))
    assert figures["is_sample"] is True
    assert figures["total_regions"] == 514
    assert figures["operating_malls"] == 305
    for key in ("covered_regions", "coverage_pct", "under_construction_malls", "planned_malls"):
        assert key in figures
    assert len(figures["provinces"]) == 38
    assert sum(p["total_regions"] for p in figures["provinces"]) == len(official_regions())
    assert set(figures["provinces"][0]) == {"code", "name", "total_regions", "covered_regions", "coverage_pct"}


def test_metrics_reads_the_database_url_from_the_environment(sqlite_url):
    result = run_cli("metrics", "--json", env_url=sqlite_url)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["snapshot_id"] == 1


def test_metrics_as_of_target_date_forecast_and_gaps(sqlite_url):
    result = run_cli("metrics", "--json", "--db", sqlite_url, "--as-of", "2024-12-31", "--target-date", "2029-12-31")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["as_of"] == "2024-12-31"
    data = service.load_snapshot(service.open_store(sqlite_url))
    import datetime as dt

    from mpp_data.analysis import forecast, metrics

    expected = forecast.compute_forecast(data.malls, official_regions(), dt.date(2024, 12, 31), dt.date(2029, 12, 31))
    assert figures["forecast"] == expected.as_json()
    assert set(figures["forecast"]) >= {"pace_per_month", "full_coverage_month", "range", "required_pace_per_month",
                                        "target_date"}  # fmt: skip
    gaps = metrics.compute_gap_list(data.malls, official_regions(), dt.date(2024, 12, 31))
    assert [g["code"] for g in figures["gaps"]] == gaps["code"].tolist()
    assert set(figures["gaps"][0]) == {"code", "name", "province_code", "pipeline_status"}
    assert len(figures["gaps"]) == 514 - figures["covered_regions"]


def test_diff_json_between_two_snapshots(tmp_path, sqlite_url):
    from tests.loaders import workbooks as wb

    store = service.open_store(sqlite_url)
    first = wb.xlsx({"MPP": [["Kabupaten/Kota", "Status"], ["Kota Depok", "Direncanakan"], ["Kota Medan", "Rencana"]]})
    second = wb.xlsx({"MPP": [["Kabupaten/Kota", "Status", "Tanggal Peresmian"], ["Kota Depok", "Beroperasi", "2024-06-24"],
                              ["Kota Binjai", "Rencana", None]]})  # fmt: skip
    a = service.ingest_files([first], store).snapshot_id
    b = service.ingest_files([second], store).snapshot_id
    result = run_cli("diff", str(a), str(b), "--json", "--db", sqlite_url)
    assert result.returncode == 0, result.stderr
    changes = json.loads(result.stdout)
    assert changes["summary"] == {"added": 1, "removed": 1, "status_changed": 1, "date_changed": 1,
                                  "agencies_joined": 0, "agencies_left": 0}  # fmt: skip
    assert changes["added"][0]["mall_name"] == "MPP Kota Binjai"
    assert changes["status_changed"][0] == {"region_code": "32.76", "mall_name": "MPP Kota Depok",
                                            "status_before": "planned", "status_after": "operating"}  # fmt: skip


def test_agencies_json(sqlite_url):
    result = run_cli("agencies", "--json", "--db", sqlite_url, "--as-of", "2025-12-31")
    assert result.returncode == 0, result.stderr
    agencies = json.loads(result.stdout)
    assert len(agencies) == 17
    assert set(agencies[0]) == {"agency", "short_name", "mou_signatory", "malls_present", "operating_malls_with_data",
                                "share_pct", "missing"}  # fmt: skip
    shares = [a["share_pct"] for a in agencies]
    assert shares == sorted(shares, reverse=True)
    for agency in agencies:
        assert agency["malls_present"] + len(agency["missing"]) == agency["operating_malls_with_data"]
        for mall in agency["missing"]:
            assert set(mall) == {"region_code", "mall_name"}
    assert any(agency["missing"] for agency in agencies)


def test_ingest_without_db_option_writes_to_the_database_url_from_the_environment(sqlite_url):
    sample = [str(ROOT / "sample_data" / name) for name in service.SAMPLE_FILES]
    result = run_cli("ingest", *sample, "--json", env_url=sqlite_url)
    assert result.returncode == 0, result.stderr
    snapshots = run_cli("snapshots", env_url=sqlite_url)
    assert snapshots.returncode == 0, snapshots.stderr
    assert json.loads(result.stdout)["snapshot_id"] == 1
