"""The service's views: what the pages draw is what the command line prints."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from mpp_data import service
from tests.use_frames import with_use_tables

AS_OF = dt.date(2023, 1, 1)
TARGET = dt.date(2029, 12, 31)
IN_61 = service.ViewScope(as_of=AS_OF, province="61", target_date=TARGET)
NATIONAL = service.ViewScope(as_of=AS_OF, target_date=TARGET)


def test_cli_metrics_carry_the_overview_figures_forecast_and_work_list(sqlite_url):
    data = service.load_snapshot(service.open_store(sqlite_url))
    figures = service.national_figures(data, scope=IN_61)
    summary = service.national_summary(data, scope=IN_61)
    assert {k: figures[k] for k in summary} == summary
    assert figures["forecast"] == service.forecast_for(data, scope=IN_61).as_json()
    assert [g["code"] for g in figures["gaps"]] == service.gap_list(data, scope=IN_61)["code"].tolist()


def test_rollout_charts_stop_at_the_as_of_date_and_a_province_has_no_milestones(sqlite_url):
    data = service.load_snapshot(service.open_store(sqlite_url))
    national = service.rollout_charts(data, scope=NATIONAL)
    assert national["timeline"]["date"].max() <= AS_OF
    assert national["milestones"], "national charts mark the public milestones"
    province = service.rollout_charts(data, scope=IN_61)
    assert province["milestones"] == []
    assert province["timeline"]["covered_regions"].max() <= national["timeline"]["covered_regions"].max()


def test_agency_view_of_a_province_counts_only_its_malls(sqlite_url):
    data = service.load_snapshot(service.open_store(sqlite_url))
    national = service.agency_view(data, scope=NATIONAL)
    province = service.agency_view(data, scope=IN_61)
    assert province["with_data"] + province["without_data"] < national["with_data"] + national["without_data"]
    assert province["by_province"].equals(national["by_province"]), "the heatmap always shows every province"


#: The parameters of the views that take one besides the scope.
VIEW_PARAMS = {
    "agency_work_list": {"agency": "atr_bpn"}, "region_malls": {"code": "61.03"},
    "region_agreements": {"code": "61.03"}, "region_visits": {"code": "61.03"},
}  # fmt: skip


def _same(left: object, right: object) -> bool:
    if isinstance(left, pd.DataFrame):
        return left.equals(right)
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(_same(left[k], right[k]) for k in left)
    if hasattr(left, "as_json"):
        return left.as_json() == right.as_json()
    return left == right


def test_a_view_gives_the_same_figures_on_the_part_of_the_scope_it_is_cached_under(sqlite_url):
    """``ui.cache`` keys a view on ``view_scope``: what that leaves out must not change the figures."""
    data = with_use_tables(service.load_snapshot(service.open_store(sqlite_url)), AS_OF)
    scope = service.ViewScope(as_of=AS_OF, compare_to=dt.date(2020, 1, 1), province="61", lang="en",
                              target_date=dt.date(2026, 6, 30))  # fmt: skip
    for name in service.VIEWS:
        params = VIEW_PARAMS.get(name, {})
        full = service.compute_view(name, data, scope=scope, **params)
        cached_under = service.view_scope(name, scope)
        assert _same(full, service.compute_view(name, data, scope=cached_under, **params)), name
        assert cached_under.lang == "id" and cached_under.compare_to is None, name
    assert service.view_scope("gap_list", scope).province == "61", "what a view reads stays in its key"
    assert service.view_scope("forecast_for", scope).target_date == dt.date(2026, 6, 30)
    with pytest.raises(ValueError, match="unknown view"):
        service.compute_view("gaps", data, scope=scope)
