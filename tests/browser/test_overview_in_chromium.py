"""One real-browser smoke test: the Overview renders its KPIs in headless Chromium."""

from __future__ import annotations

import pytest

from mpp_data import service
from mpp_data.present.text import format_number
from tests.browser.conftest import OUTPUT, wait_until_drawn

pytestmark = pytest.mark.browser


def test_overview_renders_kpis_without_an_exception(page, dashboard_url):
    page.goto(dashboard_url, wait_until="domcontentloaded")
    page.get_by_text("Kabupaten/kota dengan MPP", exact=True).wait_for(timeout=60_000)
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    wait_until_drawn(page)  # every chart drawn before the figures are read and the screenshot taken
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


def test_map_draws_every_region_with_the_network_closed(page, dashboard_url):
    """Nothing may leave the machine: every request to another host is refused and recorded."""
    outside: list[str] = []

    def only_local(route) -> None:
        host = route.request.url.split("/")[2] if "://" in route.request.url else ""
        if host.split(":")[0] in ("127.0.0.1", "localhost") or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(f"{dashboard_url}/map", wait_until="domcontentloaded")
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    wait_until_drawn(page)
    markers = page.locator(".js-plotly-plot .scatterlayer .trace .points path").count()
    assert markers >= 514, markers
    assert page.get_by_text("Includes data from GeoNames.org").count() + page.get_by_text("GeoNames.org").count() >= 1
    assert page.locator('[data-testid="stException"]').count() == 0
    assert outside == []
    page.screenshot(path=str(OUTPUT / "map.png"))


def test_the_sidebar_keeps_its_choices_across_pages_in_another_language(page, dashboard_url):
    """The browser sends a choice back as its label ("Semua provinsi"); a language change must not turn
    that label into a province."""
    page.goto(f"{dashboard_url}/?as_of=2024-06-30", wait_until="domcontentloaded")
    page.get_by_text("English").first.wait_for(timeout=60_000)
    page.get_by_text("English").first.click()
    page.get_by_text("Regencies/cities with an MPP").first.wait_for(timeout=60_000)
    page.get_by_role("link", name="No MPP yet").first.click()
    page.get_by_text("Regencies/Cities Without an MPP").wait_for(timeout=60_000)
    wait_until_drawn(page)
    assert "lang=en" in page.url and "as_of=2024-06-30" in page.url
    assert "province=" not in page.url
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("Sorry, something unexpected").count() == 0
