"""One real-browser smoke test: the Overview renders its KPIs in headless Chromium."""

from __future__ import annotations

import pytest

from mpp_data import service
from mpp_data.i18n import format_number
from tests.browser.conftest import OUTPUT

pytestmark = pytest.mark.browser


def test_overview_renders_kpis_without_an_exception(page, dashboard_url):
    page.goto(dashboard_url, wait_until="domcontentloaded")
    page.get_by_text("Kabupaten/kota dengan MPP").wait_for(timeout=60_000)
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1500)  # let the charts finish drawing before the screenshot
    metrics = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    # The sample on a fresh store: the same figures the package computes for it.
    sample = service.ingest_files(service.sample_files(), None)
    operating = int((sample.malls["status"] == "operating").sum())
    assert format_number(operating) in metrics
    assert any(value.endswith("/ 514") for value in metrics)
    assert page.get_by_text("Data contoh").count() >= 1
    assert page.locator('[data-testid="stException"]').count() == 0
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "overview.png"), full_page=True)
