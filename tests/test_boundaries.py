"""Official boundaries supplied by an admin: kept in the store, or read from MPP_BOUNDARIES_PATH."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpp_data import service
from mpp_data.errors import InvalidBoundaries, UnreadableFile
from mpp_data.present.text import error_message
from mpp_data.reference import geo
from tests.conftest import ADMIN
from tests.unit.test_map import feature, square


def configured() -> service.Settings:
    """The settings as the environment gives them (the test sets MPP_* with monkeypatch)."""
    return service.Settings.from_env()


GEOJSON = json.dumps({"type": "FeatureCollection", "features": [feature("61.03", square(110, 0)),
                                                                 feature("99.99", square(0, 0))]})  # fmt: skip


def test_an_uploaded_boundary_file_is_kept_and_used(store, monkeypatch):
    monkeypatch.delenv("MPP_BOUNDARIES_PATH", raising=False)
    assert service.boundary_source(store, settings=configured()) is None
    saved = service.save_boundaries(store, "batas.geojson", GEOJSON.encode(), actor=ADMIN, settings=configured())
    assert set(saved.regions) == {"61.03"}
    assert saved.unknown_codes == ["99.99"]
    name, text = service.boundary_source(store, settings=configured())
    assert name == "batas.geojson"
    assert set(service.parse_boundaries(text, settings=configured()).regions) == {"61.03"}


@pytest.mark.parametrize("content", [b"not json", b'{"type": "FeatureCollection", "features": []}'])
def test_a_boundary_file_that_cannot_be_used_changes_nothing(store, content):
    before = store.counts()
    with pytest.raises(UnreadableFile):
        service.save_boundaries(store, "rusak.geojson", content, actor=ADMIN, settings=configured())
    assert store.counts() == before


def test_the_setting_takes_a_file_path(sqlite_store, tmp_path, monkeypatch):
    path = tmp_path / "resmi.geojson"
    path.write_text(GEOJSON)
    monkeypatch.setenv("MPP_BOUNDARIES_PATH", str(path))
    assert service.boundary_source(sqlite_store, settings=configured()) == ("resmi.geojson", GEOJSON)


def collection(*features: dict) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


GOOD = feature("61.03", square(110, 0))
LINE = {"type": "LineString", "coordinates": [[110, 0], [111, 1]]}
NESTED = {"type": "GeometryCollection", "geometries": [{"type": "GeometryCollection", "geometries": [square(1, 1)]}]}
OPEN = {"type": "Polygon", "coordinates": [[[110, 0], [111, 0], [111, 1], [110, 1]]]}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (collection(GOOD, feature("61.04", {"type": "Polygon", "coordinates": [[["a", "b"], ["c"]]]})),
         "boundary_coordinates"),
        (collection(GOOD, feature("61.04", {"type": "Polygon", "coordinates": [[[500, 0], [1, 0], [1, 1], [500, 0]]]})),
         "boundary_coordinates"),
        (collection(GOOD, feature("61.04", {"type": "Polygon", "coordinates": [[[True, 0], [1, 0], [1, 1], [True, 0]]]})),
         "boundary_coordinates"),
        (collection(GOOD, feature("61.04", {"type": "Polygon", "coordinates": [[1, 2]]})), "boundary_coordinates"),
        (collection(GOOD, feature("61.04", {"type": "MultiPolygon", "coordinates": "61.04"})), "boundary_coordinates"),
        (collection(GOOD, feature("61.04", {"type": "Polygon", "coordinates": []})), "boundary_coordinates"),
        (collection(GOOD).replace(b"110", b"1e999"), "boundary_coordinates"),  # infinity
        (collection(GOOD).replace(b"110", b"NaN"), "boundary_not_json"),
        (collection(GOOD, feature("61.04", LINE)), "boundary_geometry_type"),
        (collection(GOOD, feature("61.04", NESTED)), "boundary_geometry_type"),
        (collection(GOOD, {"type": "Feature", "properties": {"code": "61.04"}, "geometry": None}),
         "boundary_geometry_type"),
        (collection(GOOD, feature("61.04", OPEN)), "boundary_open_ring"),
        (collection(GOOD, feature("61.04", {"type": "Polygon", "coordinates": [[[1, 1], [2, 2], [1, 1]]]})),
         "boundary_open_ring"),
        (b"[" * 100_000 + b"]" * 100_000, "boundary_too_deep"),
        (b'{"features": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "boundary_too_deep"),
        (b"[1, 2]", "boundary_not_feature_collection"),
        (b'{"type": "FeatureCollection", "features": [1]}', "boundary_not_feature_collection"),
        (b"\xff\xfe not utf-8", "boundary_not_json"),
        (collection(feature("99.99", square(0, 0))), "boundary_no_known_region"),
    ],
)  # fmt: skip
def test_a_boundary_file_that_breaks_a_rule_is_refused_with_its_reason_and_nothing_is_kept(store, content, reason):
    before = store.counts()
    with pytest.raises(InvalidBoundaries) as refused:
        service.save_boundaries(store, "batas.geojson", content, actor=ADMIN, settings=configured())
    assert refused.value.params["reason"] == reason
    assert store.counts() == before
    message = error_message(refused.value.code, refused.value.params, "en")
    assert message.startswith("The boundary file “batas.geojson” cannot be used: ") and "{" not in message


def test_the_reason_names_the_feature_and_its_code():
    content = collection(GOOD, feature("61.04", {"type": "Polygon", "coordinates": [[["a", "b"], ["c"]]]}))
    with pytest.raises(InvalidBoundaries) as refused:
        service.parse_boundaries(content, "batas.geojson", settings=configured())
    assert error_message(refused.value.code, refused.value.params, "id") == (
        "Berkas batas wilayah “batas.geojson” tidak dapat dipakai: fitur ke-2 (kode 61.04) memuat koordinat yang "
        "bukan pasangan angka bujur dan lintang."
    )


def test_a_boundary_file_over_the_upload_limit_is_refused(store, monkeypatch):
    monkeypatch.setenv("MPP_MAX_UPLOAD_MB", "1")
    content = collection(GOOD) + b" " * (3 * 2**19)  # 1.5 MB, valid GeoJSON
    with pytest.raises(InvalidBoundaries) as refused:
        service.save_boundaries(store, "besar.geojson", content, actor=ADMIN, settings=configured())
    assert error_message(refused.value.code, refused.value.params, "en") == (
        "The boundary file “besar.geojson” cannot be used: it is 1.5 MB, over the limit of 1 MB; simplify it first "
        "(for example with mapshaper)."
    )
    assert store.boundaries_head() is None


def test_a_boundary_file_with_more_points_than_the_setting_allows_is_refused(store, monkeypatch):
    monkeypatch.setenv("MPP_MAX_BOUNDARY_POINTS", "9")
    assert set(
        service.save_boundaries(store, "kecil.geojson", collection(GOOD), actor=ADMIN, settings=configured()).regions
    ) == {"61.03"}  # 5 points
    with pytest.raises(InvalidBoundaries) as refused:
        service.save_boundaries(
            store,
            "besar.geojson",
            collection(GOOD, feature("61.04", square(111, 0))),
            actor=ADMIN,
            settings=configured(),
        )
    assert refused.value.params["reason"] == "boundary_too_many_points"
    assert store.boundaries_head()[1] == "kecil.geojson"


def circle(x: float, y: float, radius: float, points: int) -> dict:
    ring = [[x + radius * math.cos(2 * math.pi * i / points), y + radius * math.sin(2 * math.pi * i / points)]
            for i in range(points)]  # fmt: skip
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def test_boundaries_are_simplified_for_drawing_within_a_tenth_of_a_kilometre():
    detailed = circle(110, 0, 0.5, 20_000)
    boundaries = service.parse_boundaries(collection(feature("61.03", detailed)), settings=configured())
    (polygon,) = boundaries.regions["61.03"]["coordinates"]
    (ring,) = polygon
    assert 20 < len(ring) < 1_000
    assert ring[0] == ring[-1]
    assert all(abs(math.hypot(x - 110, y) - 0.5) < 0.0015 for x, y in ring)  # on the circle, within tolerance
    assert all(len(str(v).split(".")[-1]) <= 3 for p in ring for v in p)
    assert geo.contains(boundaries.regions["61.03"], 110, 0)


def test_a_removed_boundary_file_is_no_longer_used_and_stays_on_record(store, monkeypatch):
    monkeypatch.delenv("MPP_BOUNDARIES_PATH", raising=False)
    service.save_boundaries(store, "batas.geojson", GEOJSON.encode(), actor=ADMIN, settings=configured())
    rows = store.counts()["boundary_files"]
    assert service.remove_boundaries(store, actor=ADMIN) is True
    assert service.boundary_source(store, settings=configured()) is None
    assert service.boundary_version(store, settings=configured()) is None
    assert service.map_boundaries(store, settings=configured()) is None
    assert store.counts()["boundary_files"] == rows + 1, "a removal is a new row; nothing is deleted"
    assert service.remove_boundaries(store, actor=ADMIN) is False
    service.save_boundaries(store, "baru.geojson", GEOJSON.encode(), actor=ADMIN, settings=configured())
    assert service.boundary_source(store, settings=configured())[0] == "baru.geojson"


def test_a_stored_file_that_fails_the_checks_comes_back_with_its_error_for_the_map(sqlite_store, monkeypatch):
    monkeypatch.delenv("MPP_BOUNDARIES_PATH", raising=False)
    # as a store written before the checks may hold it
    sqlite_store.save_boundaries("lama.geojson", collection(GOOD, feature("61.04", OPEN)).decode())
    official = service.map_boundaries(sqlite_store, settings=configured())
    assert official.name == "lama.geojson" and official.boundaries is None
    assert official.error.params["reason"] == "boundary_open_ring"


def test_a_configured_file_that_is_missing_or_too_large_comes_back_with_its_error(sqlite_store, tmp_path, monkeypatch):
    monkeypatch.setenv("MPP_BOUNDARIES_PATH", str(tmp_path / "hilang.geojson"))
    assert service.map_boundaries(sqlite_store, settings=configured()).error.params["reason"] == "boundary_unreadable"
    path = tmp_path / "besar.geojson"
    path.write_bytes(collection(GOOD) + b" " * 2_000)
    monkeypatch.setenv("MPP_BOUNDARIES_PATH", str(path))
    monkeypatch.setenv("MPP_MAX_UPLOAD_MB", "0.001")
    assert service.map_boundaries(sqlite_store, settings=configured()).error.params["reason"] == "boundary_too_large"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-200, 200) | st.floats(allow_nan=False) | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.sampled_from(["type", "coordinates",
                                                                                   "geometries", "x"]), inner),
    max_leaves=30,
)  # fmt: skip
geometries = st.fixed_dictionaries(
    {"type": st.sampled_from(["Polygon", "MultiPolygon", "GeometryCollection", "Point", "Other"])},
    optional={"coordinates": json_values, "geometries": st.lists(json_values, max_size=3)},
)


@settings(max_examples=300, deadline=None)
@given(geometry=geometries | json_values)
def test_any_geometry_is_either_read_or_refused_with_a_reason(geometry):
    content = collection(GOOD, feature("61.04", geometry))
    try:
        boundaries = service.parse_boundaries(content, settings=configured())
    except InvalidBoundaries as refused:
        assert refused.params["reason"].startswith("boundary_")
    else:
        assert "61.03" in boundaries.regions
