"""AppTest: the map page draws a marker per region and follows the as-of date."""

from __future__ import annotations

import datetime as dt
import json

from mpp_data.analysis import metrics
from mpp_data.reference.regions import official_regions
from tests.app.test_rollout_pages import LATEST, open_page, sample  # noqa: F401 - fixture


def operating_markers(at) -> int:  # noqa: ANN001
    (chart,) = at.get("plotly_chart")
    figure = json.loads(chart.proto.spec)
    # Coordinates travel as typed arrays; the hover texts are one plain string per marker.
    return sum(len(t["hovertext"]) for t in figure["data"] if t.get("name") == "Beroperasi")


def test_map_page_markers_follow_the_as_of_date(sample):  # noqa: F811
    at = open_page("pages/map.py")
    covered = metrics.compute_national_summary(sample.malls, official_regions(), LATEST)["covered_regions"]
    assert operating_markers(at) == covered
    at.date_input(key="as_of").set_value(dt.date(2021, 12, 31)).run()
    assert not at.exception
    earlier = metrics.compute_national_summary(sample.malls, official_regions(), dt.date(2021, 12, 31))
    assert operating_markers(at) == earlier["covered_regions"] < covered
    assert any("GeoNames.org" in c.value for c in at.caption)


def test_map_page_shades_from_official_boundaries_and_reports_what_does_not_fit(sample, tmp_path, monkeypatch):  # noqa: F811
    from tests.test_boundaries import GEOJSON

    path = tmp_path / "resmi.geojson"
    path.write_text(GEOJSON)
    monkeypatch.setenv("MPP_BOUNDARIES_PATH", str(path))
    at = open_page("pages/map.py")
    (chart,) = at.get("plotly_chart")
    names = [trace.get("name") for trace in json.loads(chart.proto.spec)["data"]]
    assert "shade 61.03" in names
    assert any("1 kode tidak dikenal (99.99)" in w.value for w in at.warning)
