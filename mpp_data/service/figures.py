"""The plotly figures of the Agencies and Map pages for one view, built once per process and shown to
every session (``ui.cache`` keeps them as resources, as it keeps the Overview's, ``views.overview_figures``).
They depend only on the snapshot, the scope (its language included) and, for the map, the boundaries
and the reader's choices; a page never changes a figure it is given (``ui.controls.chart`` copies one
before fitting it to a phone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mpp_data.present import charts, maps
from mpp_data.reference import geo
from mpp_data.scope import ViewScope
from mpp_data.service import views

if TYPE_CHECKING:
    from mpp_data.service.queries import SnapshotData


def figure_scope(scope: ViewScope) -> ViewScope:
    """The part of ``scope`` these figures read (snapshot, date, province, language, basis): their cache key,
    so a session's comparison or target date builds nothing again."""
    return scope.replace(compare_to=None, target_date=None)


def agency_figures(data: SnapshotData, *, scope: ViewScope) -> dict[str, object]:
    """``agency_presence``, ``completeness`` and (national only) ``presence_heatmap``, from ``agency_view``."""
    found = views.agency_view(data, scope=scope)
    figures: dict[str, object] = {
        "agency_presence": charts.agency_presence(found["presence"], scope.lang),
        "completeness": charts.completeness_histogram(found["distribution"], scope.lang),
    }
    if not scope.province:
        names = views.agency_names()
        order = charts.agency_order(found["presence"])
        figures["presence_heatmap"] = charts.presence_heatmap(found["by_province"], names, scope.lang, order)
    return figures


def map_figure(
    data: SnapshotData, *, scope: ViewScope, boundaries: geo.Boundaries | None, shading: str, phone: bool
) -> object:
    """The Map page's map: every kabupaten/kota by status, shaded by ``shading`` (``province`` or
    ``region``) when ``boundaries`` are given; ``phone`` sizes its markers for a small screen."""
    table = views.map_regions(data, scope=scope)
    shares = None
    if boundaries:
        coverage = views.coverage_by_province(data, scope=scope)
        shares = dict(zip(coverage["province_code"], coverage["coverage_pct"], strict=True))
    outline = geo.land_outline()
    return maps.region_map(table, outline, scope.lang, scope.province, boundaries, shares, shading, phone=phone)
