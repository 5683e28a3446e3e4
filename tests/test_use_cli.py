"""``agreements``, ``visits`` and their exports (issue 24 point 5): the JSON shapes of the issue, on a store
without agreements or visits (the upload kinds add them) and on frames built in code."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from mpp_data import service
from mpp_data.reference.agreements import STAGES
from tests.cli import run_cli
from tests.use_frames import with_use_tables, without_agreements_or_visits

AS_OF = dt.date(2025, 12, 31)
MALL_ROW = {"region_code", "mall", "visits", "counters_active", "counters_total"}


@pytest.fixture
def sqlite_url(sqlite_url) -> str:
    return without_agreements_or_visits(sqlite_url)


def test_agreements_json_counts_every_operating_mall_as_none_before_any_upload(sqlite_url):
    result = run_cli("agreements", "--json", "--db", sqlite_url, "--as-of", "2025-12-31")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {"as_of", "operating_malls", "agencies", "expiring", "not_signed"}
    operating = service.national_summary(
        service.load_snapshot(service.open_store(sqlite_url)), scope=service.ViewScope(as_of=AS_OF)
    )["operating_malls"]
    assert report["operating_malls"] == operating > 0
    assert len(report["agencies"]) == 17
    for agency in report["agencies"]:
        assert list(agency["stages"]) == list(STAGES)
        assert agency["stages"]["none"] == operating and sum(agency["stages"].values()) == operating
    assert report["expiring"] == []
    assert len(report["not_signed"]) == 17 * operating
    assert set(report["not_signed"][0]) == {"region_code", "mall", "agency"}


def test_agreements_of_one_agency_and_province(sqlite_url):
    result = run_cli("agreements", "--json", "--db", sqlite_url, "--province", "61", "--agency", "polri")
    report = json.loads(result.stdout)
    assert [a["agency"] for a in report["agencies"]] == ["polri"]
    assert {r["agency"] for r in report["not_signed"]} == {"polri"}
    assert {r["region_code"][:2] for r in report["not_signed"]} == {"61"}
    assert len(report["not_signed"]) == report["operating_malls"]
    table = run_cli("--lang", "en", "agreements", "--db", sqlite_url, "--province", "61")
    assert table.returncode == 0 and "Counter open" in table.stdout


def test_visits_json_before_any_upload_and_a_bad_month(sqlite_url):
    result = run_cli("visits", "--json", "--db", sqlite_url)
    assert json.loads(result.stdout) == {"month": None, "malls": [], "lowest": [], "highest": [], "quiet": []}
    assert run_cli("visits", "--db", sqlite_url).stdout.strip() == "Belum ada data kunjungan."
    bad = run_cli("visits", "--db", sqlite_url, "--month", "2024-13")
    assert bad.returncode == 2 and "2024-13" in bad.stderr


@pytest.mark.parametrize("month", ["2025-13", "abc", "2025-1", "2025-03-01"])
def test_a_month_that_is_no_month_is_one_line_in_the_reader_s_language(tmp_path, month):
    url = f"sqlite:///{tmp_path / 'none.sqlite'}"
    said = {
        "id": f"Bulan “{month}” tidak dikenali: tulis sebagai TTTT-BB, misalnya 2025-03.\n",
        "en": f"“{month}” is not a month: write it as YYYY-MM, for example 2025-03.\n",
    }
    for lang, line in said.items():
        result = run_cli("--lang", lang, "visits", "--db", url, "--month", month)
        assert (result.returncode, result.stderr, result.stdout) == (2, line, "")


def test_the_reports_have_the_issue_s_shapes_on_built_frames(sqlite_url):
    data = with_use_tables(service.load_snapshot(service.open_store(sqlite_url)), AS_OF)
    scope = service.ViewScope(as_of=AS_OF)
    visits = service.visits_report(data, scope=scope)
    assert visits["month"] == "2025-12"
    assert [len(visits[k]) for k in ("lowest", "highest", "quiet")] == [5, 5, 5]
    assert all(set(row) == MALL_ROW for k in ("malls", "lowest", "highest", "quiet") for row in visits[k])
    lowest = [(r["visits"], r["mall"]) for r in visits["lowest"]]
    assert lowest == sorted(lowest) and lowest[0][0] == min(r["visits"] for r in visits["malls"])
    assert service.visits_report(data, scope=scope, month=dt.date(2025, 10, 1))["month"] == "2025-10"
    report = service.agreements_report(data, scope=scope, days=90)
    assert all(r["valid_until"] <= "2026-03-31" for r in report["expiring"]) and report["expiring"]
    assert set(report["expiring"][0]) == {"region_code", "mall", "agency", "valid_until"}
    view = service.agreement_view(data, scope=scope, days=90)
    assert len(report["not_signed"]) == len(view["not_signed"]) == int(view["funnel"][["none", "drafting"]].sum().sum())


def test_export_agreements_writes_a_row_per_operating_mall_and_agency(sqlite_url):
    result = run_cli("export", "agreements", "--format", "csv", "-o", "-", "--db", sqlite_url, "--lang", "en",
                     "--province", "61", "--agency", "polri")  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert rows[0] == ["Province", "Region code", "Regency/City", "Mall", "Agency", "Stage", "Agreement number",
                       "Signed on", "Valid until", "Services"]  # fmt: skip
    report = json.loads(run_cli("agreements", "--json", "--db", sqlite_url, "--province", "61").stdout)
    assert len(rows) - 1 == report["operating_malls"]
    assert {r[5] for r in rows[1:]} == {"Not yet"}
    visits = run_cli("export", "visits", "--format", "xlsx", "-o", "-", "--db", sqlite_url)
    assert visits.returncode == 0 and visits.stdout_bytes[:2] == b"PK"
