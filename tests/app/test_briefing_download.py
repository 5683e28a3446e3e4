"""AppTest: the meeting briefing download sits on the Overview (national) and the Provinces page."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


@pytest.fixture
def app(sqlite_url, monkeypatch) -> AppTest:
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)


def download_buttons(at: AppTest) -> dict[str, str]:
    """Label of each download button by its widget id (AppTest has no typed accessor for them)."""
    return {e.proto.id: e.proto.label for e in at.get("download_button")}


def test_overview_offers_the_meeting_briefing(app):
    at = app.run()
    assert not at.exception, [e.message for e in at.exception]
    labels = download_buttons(at)
    assert "Unduh bahan rapat (PowerPoint)" in labels.values()
    assert any("briefing_overview" in widget_id for widget_id in labels)
    at.radio(key="lang").set_value("en").run()
    assert "Download meeting briefing (PowerPoint)" in download_buttons(at).values()


def test_provinces_page_offers_the_briefing_of_one_province(app):
    at = app.run()
    at.switch_page("pages/provinces.py").run()
    assert not at.exception, [e.message for e in at.exception]
    labels = download_buttons(at)
    assert any("briefing_province" in widget_id for widget_id in labels)
    assert "Unduh bahan rapat (PowerPoint)" in labels.values()
