"""A view's figures are built once per process and shared by every session (issue 21.3)."""

from __future__ import annotations

from mpp_data import service
from tests.app.signing import open_app
from tests.conftest import ANALYST, sample_as_real_files


def test_the_overview_figures_are_built_once_for_every_session_and_again_for_a_new_snapshot(sqlite_url, monkeypatch):
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    built: list[tuple] = []
    real = service.overview_figures

    def counting(data, *, scope, total_regions):  # the real builder, counted
        built.append((data.snapshot["id"], scope.as_of, scope.province, scope.lang))
        return real(data, scope=scope, total_regions=total_regions)

    monkeypatch.setattr(service, "overview_figures", counting)
    first = open_app(sqlite_url, None)
    open_app(sqlite_url, "viewer")
    open_app(sqlite_url, "analyst")
    assert len(built) == 1, built
    assert {c.proto.id.rsplit("-", 1)[-1] for c in first.get("plotly_chart")} >= {"coverage_over_time"}

    store = service.open_store(sqlite_url)
    service.ingest_files(sample_as_real_files(), store=store, actor=ANALYST)
    store.dispose()
    open_app(sqlite_url, None)
    assert len(built) == 2 and built[1][0] != built[0][0], "a new snapshot is a new key"


def test_the_agencies_and_map_figures_are_built_once_for_every_session(sqlite_url, monkeypatch):
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    built: list[str] = []
    for name in ("agency_figures", "map_figure"):
        real = getattr(service, name)

        def counting(data, *, _real=real, _name=name, **how):  # the real builder, counted
            built.append(_name)
            return _real(data, **how)

        monkeypatch.setattr(service, name, counting)
    for role in (None, "viewer", "analyst"):
        agencies = open_app(sqlite_url, role, "pages/agencies.py")
        assert not agencies.exception, [e.message for e in agencies.exception]
        shown = open_app(sqlite_url, role, "pages/map.py")
        assert not shown.exception, [e.message for e in shown.exception]
    assert sorted(built) == ["agency_figures", "map_figure"], built
    charts = {c.proto.id.rsplit("-", 1)[-1] for c in agencies.get("plotly_chart")}
    assert {"agency_presence", "presence_heatmap", "completeness"} <= charts, charts
    assert {c.proto.id.rsplit("-", 1)[-1] for c in shown.get("plotly_chart")} == {"region_map"}
