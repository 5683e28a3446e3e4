"""The meeting briefing deck for a view: the same figures as ``metrics --json``, as PowerPoint bytes."""

from __future__ import annotations

import datetime as dt
import logging

from mpp_data.analysis import forecast, metrics, participation
from mpp_data.analysis.forecast import add_months
from mpp_data.config import Settings
from mpp_data.present import maps
from mpp_data.present.briefing import Briefing, build_deck
from mpp_data.present.briefing.picture import figure_png
from mpp_data.reference import bases, geo
from mpp_data.reference.regions import official_regions, province_names
from mpp_data.service import views
from mpp_data.service.plan import plan_for
from mpp_data.service.queries import (
    SnapshotData,
    load_snapshot,
    map_boundaries,
    national_figures,
    national_summary,
)
from mpp_data.store import Store

logger = logging.getLogger(__name__)

# CSS pixels, drawn at twice the density: the slide's free area at 16:9, with legend text readable there.
MAP_SIZE = (1100, 630)
MAP_SCALE = 2.0


def gather_briefing(
    store: Store,
    as_of: dt.date | None = None,
    compare: dt.date | None = None,
    province: str | None = None,
    snapshot_id: int | None = None,
    lang: str = "id",
    target_date: dt.date | None = None,
    with_map: bool = True,
    *,
    basis: str | None = None,
) -> Briefing:
    """Everything the deck shows. The headline figures are ``national_figures`` (as ``metrics --json``)
    on ``as_of`` and ``national_summary`` on ``compare`` (default: twelve months before), counted in
    the units of ``basis`` (default ``MPP_BASIS``); the planner slide is the plan of the same basis."""
    data = load_snapshot(store, snapshot_id)
    as_of = as_of or views.default_as_of(data)
    compare = compare or add_months(as_of, -12)
    settings = Settings.from_env()
    target_date = target_date or settings.target_date
    basis = bases.check_basis(basis or settings.basis)
    now = national_figures(data, as_of, target_date, province, basis=basis)
    then = national_summary(data, compare, province, basis=basis)
    malls, regions = metrics.restrict_to_province(data.malls, official_regions(), province)
    malls, regions = bases.unit_malls(malls, basis), bases.counting_units(regions, basis)
    names = province_names()
    return Briefing(
        lang=lang,
        as_of=as_of,
        compare=compare,
        province=province,
        province_name=names.get(province) if province else None,
        now=now,
        then=then,
        forecast=forecast.compute_forecast(malls, regions, as_of, target_date),
        timeline=metrics.compute_coverage_over_time(malls, regions),
        regions=metrics.compute_region_status(malls, regions, as_of),
        agencies=participation.compute_agency_presence(malls, data.participation, as_of),
        province_names=names,
        snapshot=data.snapshot,
        basis=basis,
        plan=plan_for(data, basis=basis, as_of=as_of, target_date=target_date),
        map_png=_map_png(store, data, as_of, province, lang) if with_map else None,
    )


def _map_png(store: Store, data: SnapshotData, as_of: dt.date, province: str | None, lang: str) -> bytes | None:
    """The status map as on the Map page (province shading when official boundaries are known)."""
    table = maps.compute_map_regions(data.malls, official_regions(), geo.region_points(), as_of)
    official = map_boundaries(store)  # a file that fails its checks leaves the map with points only
    boundaries = official.boundaries if official else None
    shares = None
    if boundaries:
        provinces = metrics.compute_coverage_by_province(data.malls, official_regions(), as_of)
        shares = dict(zip(provinces["province_code"], provinces["coverage_pct"], strict=True))
    fig = maps.region_map(table, geo.land_outline(), lang, province, boundaries, shares)
    fig.update_layout(title=None, margin={"l": 0, "r": 0, "t": 0, "b": 0}, height=None, dragmode=False,
                      legend={"font": {"size": 18}, "title": {"font": {"size": 18}}})  # fmt: skip
    try:
        return figure_png(fig, *MAP_SIZE, scale=MAP_SCALE)
    except Exception:  # noqa: BLE001 - no browser here: the slide says the map is missing, the log says why
        logger.exception("the briefing map could not be drawn")
        return None


def briefing_deck(
    store: Store,
    as_of: dt.date | None = None,
    compare: dt.date | None = None,
    province: str | None = None,
    snapshot_id: int | None = None,
    lang: str = "id",
    target_date: dt.date | None = None,
    *,
    basis: str | None = None,
) -> bytes:
    """The briefing as .pptx bytes, in ``MPP_BRIEFING_TEMPLATE``'s design when that is set."""
    briefing = gather_briefing(store, as_of, compare, province, snapshot_id, lang, target_date, basis=basis)
    return build_deck(briefing, Settings.from_env().briefing_template)
