"""The command line, run as a user runs it: a subprocess with its own database."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from mpp_data import service
from mpp_data.reference.regions import official_regions
from tests.conftest import ANALYST, ROOT


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
    a = service.ingest_files([first], store, actor=ANALYST).snapshot_id
    b = service.ingest_files([second], store, actor=ANALYST).snapshot_id
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


# Blocks every connection that is not to this machine, in the CLI's Python process; kaleido's Chromium
# is cut off too when the process runs in a network namespace of its own (``unshare -rn``).
LOOPBACK_ONLY = """
import socket

_connect, _connect_ex, _getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo
LOCAL = {"127.0.0.1", "::1", "localhost"}


def _check(sock, address):
    if sock.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in LOCAL:
        raise OSError(101, "network unreachable: blocked by the offline test")


def connect(self, address):
    _check(self, address)
    return _connect(self, address)


def connect_ex(self, address):
    _check(self, address)
    return _connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):
    if host not in LOCAL and host is not None:
        raise socket.gaierror(-3, "name lookup blocked by the offline test")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
"""


def run_offline(tmp_path, *args: str) -> subprocess.CompletedProcess:
    """``python -m mpp_data ARGS`` with no network: loopback only in Python, and in a network namespace
    of its own (no interface but loopback) when ``unshare -rn`` works here."""
    (tmp_path / "offline").mkdir(exist_ok=True)
    (tmp_path / "offline" / "sitecustomize.py").write_text(LOOPBACK_ONLY)
    env = os.environ | {"PYTHONPATH": str(tmp_path / "offline")}
    prefix = []
    if shutil.which("unshare") and subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0:
        prefix = ["unshare", "-rn"]
    probe = "import socket; socket.create_connection(('1.1.1.1', 443), timeout=3)"
    blocked = subprocess.run([*prefix, sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert blocked.returncode != 0 and "blocked by the offline test" in blocked.stderr  # no network indeed
    return subprocess.run([*prefix, sys.executable, "-m", "mpp_data", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)  # fmt: skip


@pytest.mark.parametrize(("province", "lang"), [(None, "id"), ("32", "en")])
def test_briefing_offline_has_the_figures_of_metrics_json(tmp_path, sqlite_url, province, lang):
    from pptx import Presentation

    from mpp_data.present.text import format_number, format_percent, t

    scope = ["--province", province] if province else []
    dates = ["--as-of", "2025-06-30", "--target-date", "2029-12-31"]
    metrics = run_cli("metrics", "--json", "--db", sqlite_url, *dates, *scope)
    assert metrics.returncode == 0, metrics.stderr
    figures = json.loads(metrics.stdout)
    deck = tmp_path / "briefing.pptx"
    result = run_offline(tmp_path, "briefing", "--db", sqlite_url, *dates, "--compare", "2024-06-30", *scope,
                         "--lang", lang, "-o", str(deck))  # fmt: skip
    assert result.returncode == 0, result.stderr
    prs = Presentation(str(deck))

    headline = next(s for s in prs.slides if s.shapes.title.text == t("briefing.headline.title", lang))
    table = next(shape.table for shape in headline.shapes if shape.has_table)
    now = {row.cells[0].text: row.cells[2].text for row in table.rows}
    total = format_number(figures["total_regions"], lang)
    assert now[t("briefing.headline.covered", lang)] == f"{format_number(figures['covered_regions'], lang)} / {total}"
    assert now[t("briefing.headline.coverage_pct", lang)] == format_percent(figures["coverage_pct"], lang)
    assert now[t("briefing.headline.operating", lang)] == format_number(figures["operating_malls"], lang)
    assert now[t("briefing.headline.under_construction", lang)] == format_number(
        figures["under_construction_malls"], lang
    )
    assert now[t("briefing.headline.planned", lang)] == format_number(figures["planned_malls"], lang)

    gaps = next(s for s in prs.slides if s.shapes.title.text == t("briefing.gaps.title", lang))
    stages = next(shape.chart for shape in gaps.shapes if shape.has_chart)
    assert sum(stages.plots[0].series[0].values) == len(figures["gaps"])
    if not province:
        ranked = next(s for s in prs.slides if s.shapes.title.text == t("briefing.provinces.title", lang))
        shares = [v for shape in ranked.shapes if shape.has_chart for v in shape.chart.plots[0].series[0].values]
        assert sorted(shares, reverse=True) == sorted((p["coverage_pct"] for p in figures["provinces"]), reverse=True)

    # The map was drawn by kaleido's Chromium with the network unavailable.
    map_slide = next(s for s in prs.slides if s.shapes.title.text == t("briefing.map.title", lang))
    pictures = [shape for shape in map_slide.shapes if shape.shape_type == 13]
    assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"
    assert len(pictures[0].image.blob) > 50_000
