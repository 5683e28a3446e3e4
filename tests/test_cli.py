"""The command line, run as a user runs it: a subprocess with its own database."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from mpp_data import service
from mpp_data.regions import official_regions
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
