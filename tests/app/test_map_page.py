"""AppTest: the map page draws a marker per region and follows the as-of date."""

from __future__ import annotations

import datetime as dt
import json

from mpp_data.analysis import metrics
from mpp_data.reference.regions import official_regions
from tests.app.test_rollout_pages import LATEST, open_page, sample  # noqa: F401 - fixture


def operating_markers(at) -> int:
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


def shade_traces(at) -> list[str]:
    (chart,) = at.get("plotly_chart")
    return [t["name"] for t in json.loads(chart.proto.spec)["data"] if str(t.get("name", "")).startswith("shade ")]


def test_a_stored_boundary_file_that_fails_the_checks_leaves_the_map_with_points_and_a_message(
    sample, sqlite_url, monkeypatch  # noqa: F811
):  # fmt: skip
    from mpp_data import service
    from tests.test_boundaries import GOOD, collection

    monkeypatch.delenv("MPP_BOUNDARIES_PATH", raising=False)
    broken = collection(GOOD, feature_with_text_coordinates()).decode()
    service.open_store(sqlite_url).save_boundaries("rusak.geojson", broken)  # as kept before the checks
    at = open_page("pages/map.py")
    assert shade_traces(at) == []
    assert operating_markers(at) > 0
    (warning,) = [w for w in at.warning if w.value.startswith("Peta menampilkan titik saja")]
    assert warning.value.startswith("Peta menampilkan titik saja: Berkas batas wilayah “rusak.geojson” tidak dapat "
                                    "dipakai: fitur ke-2 (kode 61.04) memuat koordinat")  # fmt: skip


def feature_with_text_coordinates() -> dict:
    return {"type": "Feature", "properties": {"code": "61.04"},
            "geometry": {"type": "Polygon", "coordinates": [["a", "b"], ["c"]]}}  # fmt: skip


def test_the_boundaries_are_read_once_per_file_and_again_for_a_new_one(sample, sqlite_url, monkeypatch):  # noqa: F811
    from mpp_data import service
    from mpp_data.service import boundaries as queries
    from tests.test_boundaries import GEOJSON

    monkeypatch.delenv("MPP_BOUNDARIES_PATH", raising=False)
    reads = []
    real = queries.read_boundary_file
    monkeypatch.setattr(queries, "read_boundary_file", lambda *a, **k: reads.append(a[1]) or real(*a, **k))
    store = service.open_store(sqlite_url)
    store.save_boundaries("pertama.geojson", GEOJSON)
    at = open_page("pages/map.py")
    at.run()
    at.date_input(key="as_of").set_value(dt.date(2021, 12, 31)).run()
    assert shade_traces(at) == ["shade 61.03"]
    assert reads == ["pertama.geojson"]
    store.save_boundaries("kedua.geojson", GEOJSON)
    at.run()
    assert reads == ["pertama.geojson", "kedua.geojson"]
