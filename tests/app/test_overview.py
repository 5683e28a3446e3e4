"""AppTest: the dashboard runs on a fresh store and shows the figures mpp_data computes."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from mpp_data import service
from mpp_data.present.text import format_number, format_percent
from tests.conftest import ANALYST, ROOT, sample_as_real_files


@pytest.fixture
def app(sqlite_url, monkeypatch) -> AppTest:
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)


def metrics_shown(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_overview_shows_the_national_figures_of_the_sample(app, sqlite_url):
    at = app.run()
    assert not at.exception, [e.message for e in at.exception]
    figures = service.national_figures(service.load_snapshot(service.open_store(sqlite_url)), scope=service.ViewScope())
    shown = metrics_shown(at)
    assert shown["Kabupaten/kota dengan MPP"] == f"{figures['covered_regions']} / 514"
    assert shown["Cakupan"] == format_percent(figures["coverage_pct"])
    assert shown["MPP beroperasi"] == format_number(figures["operating_malls"])
    assert shown["MPP dalam proses"] == format_number(figures["under_construction_malls"] + figures["planned_malls"])
    assert at.title[0].value == "Ringkasan Percepatan MPP"
    assert any("Data contoh" in w.value for w in at.warning), "the sample badge is missing"


def test_language_switch_turns_the_page_english(app):
    at = app.run()
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "MPP Rollout Overview"
    assert "Coverage" in metrics_shown(at)
    assert any("Sample data" in w.value for w in at.warning)


def test_no_sample_badge_once_real_data_is_the_newest(app, sqlite_url):
    store = service.open_store(sqlite_url)
    service.ingest_files(sample_as_real_files(), store, is_sample=False, actor=ANALYST)
    at = app.run()
    assert not at.exception
    assert not any("Data contoh" in w.value for w in at.warning)
