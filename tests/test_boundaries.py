"""Official boundaries supplied by an admin: kept in the store, or read from MPP_BOUNDARIES_PATH."""

from __future__ import annotations

import json

import pytest

from mpp_data import service
from mpp_data.errors import UnreadableFile
from tests.conftest import ADMIN
from tests.unit.test_map import feature, square

GEOJSON = json.dumps({"type": "FeatureCollection", "features": [feature("61.03", square(110, 0)),
                                                                 feature("99.99", square(0, 0))]})  # fmt: skip


def test_an_uploaded_boundary_file_is_kept_and_used(store, monkeypatch):
    monkeypatch.delenv("MPP_BOUNDARIES_PATH", raising=False)
    assert service.boundary_source(store) is None
    saved = service.save_boundaries(store, "batas.geojson", GEOJSON.encode(), actor=ADMIN)
    assert set(saved.regions) == {"61.03"}
    assert saved.unknown_codes == ["99.99"]
    name, text = service.boundary_source(store)
    assert name == "batas.geojson"
    assert set(service.parse_boundaries(text).regions) == {"61.03"}


@pytest.mark.parametrize("content", [b"not json", b'{"type": "FeatureCollection", "features": []}'])
def test_a_boundary_file_that_cannot_be_used_changes_nothing(store, content):
    before = store.counts()
    with pytest.raises(UnreadableFile):
        service.save_boundaries(store, "rusak.geojson", content, actor=ADMIN)
    assert store.counts() == before


def test_the_setting_takes_a_file_path(sqlite_store, tmp_path, monkeypatch):
    path = tmp_path / "resmi.geojson"
    path.write_text(GEOJSON)
    monkeypatch.setenv("MPP_BOUNDARIES_PATH", str(path))
    assert service.boundary_source(sqlite_store) == ("resmi.geojson", GEOJSON)
