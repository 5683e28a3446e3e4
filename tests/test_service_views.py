"""The service's views: what the pages draw is what the command line prints."""

from __future__ import annotations

import datetime as dt

from mpp_data import service

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
