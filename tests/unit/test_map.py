"""Map data and figure: points, boundaries, markers by status (small GeoJSON built here)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from mpp_data.present import charts, maps
from mpp_data.reference import geo
from mpp_data.reference.regions import official_provinces, official_regions
from tests.unit.test_metrics import MALLS, REGIONS

D = dt.date


def square(x: float, y: float, size: float = 1.0) -> dict:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def feature(code: str, geometry: dict, key: str = "code") -> dict:
    return {"type": "Feature", "properties": {key: code}, "geometry": geometry}


def test_every_official_region_has_a_derived_point_in_indonesia():
    points = geo.region_points()
    assert sorted(points["code"]) == sorted(official_regions()["code"])
    assert points["lat"].between(-11.5, 6.5).all()
    assert points["lon"].between(94.5, 141.5).all()
    assert set(points["method"]) <= {"seat", "kecamatan_median", "kota_seat", "manual"}
    assert (points["method"] == "manual").sum() < 60, "the hand-entered table stays small"


def test_land_outline_is_indonesia():
    outline = geo.land_outline()
    xs = [p[0] for ring in outline["indonesia"] for p in ring]
    assert 94 < min(xs) < 96 and 140 < max(xs) < 142
    assert len(outline["indonesia"]) > 50  # the islands


def test_point_in_polygon_with_holes_and_centroid():
    donut = {"type": "Polygon", "coordinates": [square(0, 0, 4)["coordinates"][0], square(1, 1, 2)["coordinates"][0]]}
    assert geo.contains(donut, 0.5, 0.5)
    assert not geo.contains(donut, 2, 2)
    assert not geo.contains(donut, 5, 5)
    multi = {"type": "MultiPolygon", "coordinates": [square(0, 0)["coordinates"], square(10, 0)["coordinates"]]}
    assert geo.contains(multi, 10.5, 0.5)
    assert geo.centroid(square(0, 0, 2)) == pytest.approx((1.0, 1.0))
    assert geo.haversine_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.1)


def test_boundary_file_reports_unknown_codes_and_missing_regions():
    text = json.dumps({"type": "FeatureCollection", "features": [
        feature("61.03", square(110, 0)),
        feature("6104", square(111, 0)),  # code without the dot
        feature("99.99", square(0, 0)),  # not an official code
        feature("61", square(108, -1, 4)),  # a province
        {"type": "Feature", "id": "32.76", "properties": {}, "geometry": square(106, -6)},  # code as the id
    ]})  # fmt: skip
    boundaries = geo.read_boundaries(text, set(official_regions()["code"]), set(official_provinces()["code"]))
    assert set(boundaries.regions) == {"61.03", "61.04", "32.76"}
    assert set(boundaries.provinces) == {"61"}
    assert boundaries.unknown_codes == ["99.99"]
    assert len(boundaries.missing_regions) == 511


def test_a_geometry_collection_is_read_as_its_polygons():
    parts = {"type": "GeometryCollection", "geometries": [
        {"type": "MultiPolygon", "coordinates": [square(110, 0)["coordinates"]]},
        square(112, 0), {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
    ]}  # fmt: skip
    text = json.dumps({"type": "FeatureCollection", "features": [feature("61.03", parts)]})
    geometry = geo.read_boundaries(text, {"61.03"}, set()).regions["61.03"]
    assert geometry["type"] == "MultiPolygon" and len(geometry["coordinates"]) == 2
    assert geo.contains(geometry, 112.5, 0.5) and not geo.contains(geometry, 111.5, 0.5)
    assert geo.centroid(geometry) == pytest.approx((111.5, 0.5))


def table_for(as_of: dt.date):
    points = REGIONS[["code"]].assign(lat=[5.0, 5.1, 3.0, 3.1], lon=[95.0, 95.3, 98.6, 98.9])
    malls = MALLS.assign(agencies=[30, 10, 12, None, None, 5], services=[200, 90, 80, None, None, 50])
    return maps.compute_map_regions(malls, REGIONS, points, as_of)


def test_map_table_and_markers_follow_the_as_of_date():
    later = table_for(D(2024, 1, 1)).set_index("code")
    assert later.loc["11.01", "status"] == "operating"
    assert later.loc["11.01", "mall_names"] == "MPP A, MPP A 2"
    assert later.loc["11.01", "agencies"] == 40  # both operating malls of the region
    earlier = table_for(D(2021, 1, 1)).set_index("code")
    assert earlier.loc["11.71", "status"] == "none"
    figure = maps.region_map(table_for(D(2024, 1, 1)), geo.land_outline(), "id")
    markers = {trace.name: trace for trace in figure.data if trace.mode == "markers"}
    assert list(markers) == ["Beroperasi", "Dalam Pembangunan", "Direncanakan", "Belum ada MPP"]
    assert len(markers["Beroperasi"].x) == 2
    assert markers["Beroperasi"].marker.color == charts.STATUS_COLOURS["operating"]
    assert list(markers["Dalam Pembangunan"].customdata) == ["12.01"]
    hover = markers["Beroperasi"].hovertext[0]
    assert "Kabupaten A" in hover and "Aceh" in hover and "10 Januari 2020" in hover and "Instansi: 40" in hover
    english = maps.region_map(table_for(D(2024, 1, 1)), geo.land_outline(), "en")
    assert [t.name for t in english.data if t.mode == "markers"][0] == "Operating"


def test_selecting_a_province_zooms_to_it():
    figure = maps.region_map(table_for(D(2024, 1, 1)), geo.land_outline(), "id", province="12")
    x_range, y_range = figure.layout.xaxis.range, figure.layout.yaxis.range
    assert x_range[0] < 98.6 < 98.9 < x_range[1]
    assert x_range[1] - x_range[0] < 5
    assert y_range[0] < 3.0 < 3.1 < y_range[1]


def test_official_boundaries_shade_regions_in_their_province_colour():
    boundaries = geo.Boundaries({"11.01": square(95, 4.5), "12.01": square(98, 2.5)}, {}, [], [])
    figure = maps.region_map(
        table_for(D(2024, 1, 1)), geo.land_outline(), "id", None, boundaries, {"11": 100.0, "12": 0.0}
    )
    shades = {t.name: t.fillcolor for t in figure.data if (t.name or "").startswith("shade")}
    assert shades == {"shade 11.01": "rgb(0,114,178)", "shade 12.01": "rgb(222,235,247)"}


def test_distance_to_a_boundary():
    # A point 0.01 degree east of a square's east edge, on the equator: about 1.1 km.
    assert geo.distance_to_boundary_km(square(0, -0.5), 1.01, 0.0) == pytest.approx(1.113, abs=0.01)
    assert geo.distance_to_boundary_km(square(0, -0.5), 0.5, 0.0) == pytest.approx(
        0.5 * 110.57, abs=0.01
    )  # to the north edge


def test_official_boundaries_can_shade_each_region_by_its_own_status():
    boundaries = geo.Boundaries({"11.01": square(95, 4.5), "12.02": square(98, 2.5)}, {}, [], [])
    figure = maps.region_map(
        table_for(D(2024, 1, 1)), geo.land_outline(), "id", None, boundaries, {"11": 100.0, "12": 0.0}, "region"
    )
    shades = {t.name: t.fillcolor for t in figure.data if (t.name or "").startswith("shade")}
    assert shades == {"shade 11.01": "rgba(0,114,178,0.45)", "shade 12.02": "rgba(86,180,233,0.45)"}
