"""The meeting briefing deck for a view: the same figures as ``metrics --json``, as PowerPoint bytes."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from mpp_data.analysis import forecast, metrics, participation
from mpp_data.config import Settings
from mpp_data.present import maps
from mpp_data.present.briefing import Briefing, build_deck, build_tables, file_name, tables_file_name
from mpp_data.present.briefing.map import province_map
from mpp_data.present.briefing.picture import figure_png
from mpp_data.reference import bases, geo
from mpp_data.reference.regions import official_regions, province_names
from mpp_data.scope import ViewScope
from mpp_data.service import use_views
from mpp_data.service.boundaries import map_boundaries
from mpp_data.service.plan import plan_for
from mpp_data.service.queries import SnapshotData, load_snapshot
from mpp_data.service.views import national_figures, national_summary, settle
from mpp_data.store import Store

logger = logging.getLogger(__name__)

# CSS pixels, drawn at twice the density: the slide's free area at 16:9, with legend text readable there.
MAP_SIZE = (1100, 630)
MAP_SCALE = 2.0


def gather_briefing(store: Store, *, scope: ViewScope, settings: Settings, with_map: bool = True) -> Briefing:
    """Everything the deck shows. The headline figures are ``national_figures`` (as ``metrics --json``)
    on the scope's ``as_of`` and ``national_summary`` on its ``compare_to`` (default: twelve months
    before), counted in the units of the scope's basis; the target is the scope's, else
    ``settings.target_date``; the planner slide is the plan of the same basis."""
    data = load_snapshot(store, scope.snapshot_id)
    scope = settle(data, scope.replace(target_date=scope.target_date or settings.target_date))
    as_of, province, basis = scope.as_of, scope.province, scope.basis
    assert as_of is not None and scope.compare_to is not None and scope.target_date is not None  # settled
    now = national_figures(data, scope=scope)
    then = national_summary(data, scope=scope.then)
    malls, regions = metrics.restrict_to_province(data.malls, official_regions(), province)
    malls, regions = bases.unit_malls(malls, basis), bases.counting_units(regions, basis)
    names = province_names()
    pks = use_views.agreement_view(data, scope=scope, days=settings.agreements_expiring_days)
    return Briefing(
        lang=scope.lang,
        as_of=as_of,
        compare=scope.compare_to,
        province=province,
        province_name=names.get(province) if province else None,
        now=now,
        then=then,
        forecast=forecast.compute_forecast(malls, regions, as_of=as_of, target_date=scope.target_date),
        timeline=metrics.compute_coverage_over_time(malls, regions),
        regions=metrics.compute_region_status(malls, regions, as_of),
        agencies=participation.compute_agency_presence(malls, use_views.presence_rows(data), as_of),
        province_names=names,
        snapshot=data.snapshot,
        basis=basis,
        plan=plan_for(data, basis=basis, as_of=as_of, target_date=scope.target_date),
        map_png=_map_png(store, data, scope, settings) if with_map else None,
        agreements=pks["funnel"],
        agreements_loaded=pks["loaded"],
        use=use_views.use_view(data, scope=scope),
    )


def _map_png(store: Store, data: SnapshotData, scope: ViewScope, settings: Settings) -> bytes | None:
    """The status map as on the Map page (province shading when official boundaries are known)."""
    as_of, province, lang = scope.as_of, scope.province, scope.lang
    table = maps.compute_map_regions(data.malls, official_regions(), geo.region_points(), as_of)
    official = map_boundaries(store, settings=settings)  # a file that fails its checks leaves the map with points only
    boundaries = official.boundaries if official else None
    shares = None
    if boundaries:
        provinces = metrics.compute_coverage_by_province(data.malls, official_regions(), as_of)
        shares = dict(zip(provinces["province_code"], provinces["coverage_pct"], strict=True))
    if province:  # the province alone, its regions large and named
        fig = province_map(table, geo.land_outline(), province, lang, boundaries)
    else:
        fig = maps.region_map(table, geo.land_outline(), lang, None, boundaries, shares)
        fig.update_layout(
            title=None,
            margin={"l": 0, "r": 0, "t": 0, "b": 0},
            height=None,
            dragmode=False,
            legend={"font": {"size": 18}, "title": {"font": {"size": 18}}},
        )
    try:
        return figure_png(fig, *MAP_SIZE, scale=MAP_SCALE)
    except Exception:  # no browser here: the slide says the map is missing, the log says why
        logger.exception("the briefing map could not be drawn")
        return None


@dataclass(frozen=True)
class BriefingFiles:
    """The deck and the workbook of its appendix's full lists (the deck names that file)."""

    deck: bytes
    deck_name: str
    tables: bytes
    tables_name: str


def briefing_deck(store: Store, *, scope: ViewScope, settings: Settings) -> bytes:
    """The briefing as .pptx bytes, in ``MPP_BRIEFING_TEMPLATE``'s design when that is set."""
    return build_deck(gather_briefing(store, scope=scope, settings=settings), settings.briefing_template)


def briefing_files(store: Store, *, scope: ViewScope, settings: Settings) -> BriefingFiles:
    """The deck (as :func:`briefing_deck`) and its tables workbook, from one gathering of the figures."""
    b = gather_briefing(store, scope=scope, settings=settings)
    return BriefingFiles(
        deck=build_deck(b, settings.briefing_template),
        deck_name=file_name(b.as_of, b.province, b.lang),
        tables=build_tables(b),
        tables_name=tables_file_name(b.as_of, b.province, b.lang),
    )
