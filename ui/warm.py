"""Warming a fresh process before it reports ready: the imports every page needs, the store (the sample
loaded on first start) and the latest snapshot's figures, so that the first visitor does not pay for them."""

from __future__ import annotations

import importlib
import logging
import time

logger = logging.getLogger(__name__)

#: Modules the pages import on their first run (plotly's figure factory is the slowest of them).
MODULES = (
    "pandas",
    "plotly.graph_objects",
    "plotly.express",
    "mpp_data.present.charts",
    "mpp_data.present.maps",
    "mpp_data.present.display",
    "mpp_data.present.kpis",
    "ui.page",
    "ui.auth",
    "ui.controls",
)


def warm_up(doors) -> None:  # ui.http.Doors
    """Import, open the store, and build the Overview's figures of the latest snapshot once."""
    started = time.perf_counter()
    for name in MODULES:
        importlib.import_module(name)
    doors.store  # noqa: B018 - opening it migrates and loads the sample on a first start
    from mpp_data import service
    from ui import cache

    settings = doors.settings
    latest = cache.latest_snapshot_id(settings)
    if latest is not None:
        as_of = cache.default_as_of(settings, latest)
        # the sidebar's first scope: the newest date, a year before, national, the configured target and basis
        scope = service.ViewScope(
            snapshot_id=latest,
            as_of=as_of,
            compare_to=service.default_compare(as_of),
            target_date=settings.target_date,
            basis=settings.basis,
        )
        now = cache.view(settings, scope, "national_summary")
        assert isinstance(now, dict)  # the summary's figures
        cache.view(settings, scope.then, "national_summary")
        cache.view(settings, scope.replace(basis=service.other_basis(scope.basis)), "national_summary")
        for lang in ("id", "en"):
            cache.overview_figures(settings, scope.replace(lang=lang), now["total_regions"])
    logger.info("warmed up in %.1f s", time.perf_counter() - started)
