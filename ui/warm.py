"""Warming a fresh process before it reports ready: the imports every page needs, the store (the sample
loaded on first start) and the latest snapshot's figures, so that the first visitor does not pay for them."""

from __future__ import annotations

import importlib
import logging
import time

logger = logging.getLogger(__name__)

#: Modules the pages import on their first run (plotly's figure factory is the slowest of them).
MODULES = ("pandas", "plotly.graph_objects", "plotly.express", "mpp_data.present.charts", "mpp_data.present.maps",
           "mpp_data.present.display", "mpp_data.present.kpis", "ui.page", "ui.auth", "ui.controls")  # fmt: skip


def warm_up(doors) -> None:  # noqa: ANN001 - ui.http.Doors
    """Import, open the store, and build the Overview's figures of the latest snapshot once."""
    started = time.perf_counter()
    for name in MODULES:
        importlib.import_module(name)
    doors.store  # noqa: B018 - opening it migrates and loads the sample on a first start
    from mpp_data import service
    from ui import cache

    url = cache.database_url()
    latest = cache.latest_snapshot_id(url)
    if latest is not None:
        as_of = cache.default_as_of(url, latest)
        basis = service.default_basis()
        cache.figures(url, latest, as_of, None, basis)
        cache.figures(url, latest, service.default_compare(as_of), None, basis)
        cache.figures(url, latest, as_of, None, service.other_basis(basis))
        for lang in ("id", "en"):
            cache.overview_figures(url, latest, as_of, None, lang, basis)
    logger.info("warmed up in %.1f s", time.perf_counter() - started)
