"""The committed sample workbooks load cleanly and follow the public national totals."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from mpp_data import service
from mpp_data.analysis import metrics
from mpp_data.ingest.read import iter_sheets
from mpp_data.present.messages import result_messages
from mpp_data.reference.regions import official_regions
from tests.conftest import ANALYST, ROOT


@pytest.fixture(scope="module")
def sample_load():
    return service.ingest_files(service.sample_files(), None, today=dt.date(2026, 1, 1), actor=ANALYST)


def test_sample_workbooks_load_without_errors(sample_load):
    assert not sample_load.has_errors, result_messages(sample_load, "en")[:5]
    counts = sample_load.counts
    assert counts["rows_read"] == counts["rows_loaded"] + counts["rows_rejected"] + counts["rows_skipped"]
    assert counts["rows_skipped"] >= 1  # the JUMLAH row
    kinds = {s.kind for s in sample_load.sheets}
    assert kinds == {"malls", "participation_wide"}


@pytest.mark.parametrize(
    ("day", "operating"),
    [("2017-12-31", 3), ("2022-06-30", 56), ("2023-09-12", 152), ("2024-06-24", 208), ("2024-12-19", 272),
     ("2025-12-31", 305)],
)  # fmt: skip
def test_sample_follows_the_public_totals(sample_load, day, operating):
    malls = sample_load.malls
    summary = metrics.compute_national_summary(malls, official_regions(), dt.date.fromisoformat(day))
    assert summary["operating_malls"] == operating


def test_sample_has_a_pipeline_and_a_province_run_mall(sample_load):
    summary = metrics.compute_national_summary(sample_load.malls, official_regions(), dt.date(2025, 12, 31))
    assert summary["under_construction_malls"] > 0
    assert summary["planned_malls"] > 0
    assert summary["province_run_malls"] == 1


def test_sample_writes_region_names_many_ways(sample_load):
    written = sample_load.malls["region_written"]
    assert written.str.startswith("Kab. ").any()
    assert written.str.endswith(" Regency").any()
    assert written.str.endswith(" City").any()
    assert written.str.isupper().any()


def _cells(path):
    return [(s.name, s.rows) for s in iter_sheets(path.name, path.read_bytes(), 10**9)]


@pytest.mark.slow  # runs the generator script
def test_generator_is_deterministic_and_wrote_the_committed_files(tmp_path):
    script = ROOT / "scripts" / "make_sample_data.py"
    subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], check=True, capture_output=True)
    for name in service.SAMPLE_FILES + service.EXAMPLE_FILES:
        assert _cells(tmp_path / name) == _cells(ROOT / "sample_data" / name), name


def test_the_agreements_and_visits_samples_are_read_as_their_kinds():
    names = service.SAMPLE_FILES + service.EXAMPLE_FILES
    files = [service.UploadedFile.from_path(ROOT / "sample_data" / n) for n in names]
    result = service.ingest_files(files, None, today=dt.date(2026, 1, 1), actor=ANALYST)
    assert not result.has_errors, result_messages(result, "en")[:5]
    assert [s.kind for s in result.sheets][2:] == ["agreements_grid", "visits_wide"]
    assert set(result.table("agreements")["stage"]) == {"none", "drafting", "signed", "counter_open", "integrated",
                                                        "ended"}  # fmt: skip


def test_each_sample_workbook_says_it_is_sample_data():
    for name in service.SAMPLE_FILES + service.EXAMPLE_FILES:
        (sheet,) = iter_sheets(name, (ROOT / "sample_data" / name).read_bytes(), 10**9)
        notes = [str(c) for row in sheet.rows[:5] for c in row if c]
        assert any("DATA CONTOH" in n for n in notes)
        assert any("SAMPLE DATA" in n for n in notes)
