"""Comparing uploads from the command line: a snapshot compared with itself has no changes."""

from __future__ import annotations

import json

from mpp_data import service
from tests.cli import run_cli


def test_diff_of_a_snapshot_with_itself_reports_no_changes(sqlite_url):
    store = service.open_store(sqlite_url)
    data = service.load_snapshot(store)
    assert data.malls["inaugurated_on"].isna().sum() > 0  # undated malls: what once read as corrections
    result = run_cli("diff", "1", "1", "--json", "--db", sqlite_url)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)["summary"]
    assert summary == dict.fromkeys(summary, 0)
    assert summary["date_changed"] == 0
