"""AppTest: the Overview's KPI changes point and colour the way their sign goes, the comparison date
follows the as-of date, and the pipeline tile names the date it describes."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto
from streamlit.testing.v1 import AppTest

from mpp_data import service
from mpp_data.present import kpis
from mpp_data.present.text import format_date
from tests.app.test_rollout_pages import open_page, sample  # noqa: F401 - fixture

UP, DOWN, NONE = MetricProto.MetricDirection.UP, MetricProto.MetricDirection.DOWN, MetricProto.MetricDirection.NONE
GREEN, RED, GRAY = MetricProto.MetricColor.GREEN, MetricProto.MetricColor.RED, MetricProto.MetricColor.GRAY
SHOWN = {-1: (DOWN, RED), 0: (NONE, GRAY), 1: (UP, GREEN)}
CHANGES = {"Kabupaten/kota dengan MPP": ("covered_regions", 0, ""), "Cakupan": ("coverage_pct", 1, " pp"),
           "MPP beroperasi": ("operating_malls", 0, "")}  # fmt: skip


def _metric(delta: str) -> None:
    import streamlit as st

    st.metric("x", "1", delta)


@pytest.mark.parametrize(("now", "then"), [(188, 314), (314, 188), (36.5, 36.5), (61.14, 36.53)])
def test_streamlit_reads_the_sign_of_a_change_as_written(now, then):
    change = kpis.compute_change(now, then, "id", 1, " pp")
    at = AppTest.from_function(_metric, args=(change.text,)).run()
    proto = at.metric[0].proto
    assert (proto.direction, proto.color) == SHOWN[change.sign], change


def assert_changes_follow_their_sign(at: AppTest, sample: service.SnapshotData, as_of: dt.date, compare: dt.date):  # noqa: F811
    now = service.national_summary(sample, scope=service.ViewScope(as_of=as_of))
    then = service.national_summary(sample, scope=service.ViewScope(as_of=compare))
    shown = {m.label: m for m in at.metric}
    for label, (key, decimals, suffix) in CHANGES.items():
        expected = kpis.compute_change(now[key], then[key], "id", decimals, suffix)
        metric = shown[label]
        assert metric.proto.delta == expected.text, label
        assert (metric.proto.direction, metric.proto.color) == SHOWN[expected.sign], (label, expected)
        assert "−" not in metric.proto.delta


def test_moving_the_as_of_date_back_moves_the_comparison_date_and_the_changes_follow(sample):  # noqa: F811
    at = open_page()
    at.date_input(key="as_of").set_value(dt.date(2023, 1, 1)).run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.date_input(key="compare").value == dt.date(2022, 1, 1)
    assert at.query_params["compare"] == "2022-01-01"
    assert_changes_follow_their_sign(at, sample, dt.date(2023, 1, 1), dt.date(2022, 1, 1))
    assert all(m.proto.direction == UP for m in at.metric if m.label in CHANGES), "coverage grew in 2022"


def test_a_chosen_comparison_date_stays_until_it_would_lie_after_the_as_of_date(sample):  # noqa: F811
    at = open_page()
    at.date_input(key="compare").set_value(dt.date(2020, 6, 30)).run()
    at.date_input(key="as_of").set_value(dt.date(2023, 1, 1)).run()
    assert at.date_input(key="compare").value == dt.date(2020, 6, 30), "a chosen date is kept"
    assert_changes_follow_their_sign(at, sample, dt.date(2023, 1, 1), dt.date(2020, 6, 30))
    at.date_input(key="as_of").set_value(dt.date(2019, 1, 1)).run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.date_input(key="compare").value == dt.date(2018, 1, 1), "never after the as-of date"


def test_a_link_with_a_comparison_date_after_the_as_of_date_compares_a_year_earlier(sample):  # noqa: F811
    at = open_page(as_of="2023-01-01", compare="2024-12-15")
    assert at.date_input(key="compare").value == dt.date(2022, 1, 1)
    at = open_page(as_of="2023-01-01", compare="2021-03-31")
    assert at.date_input(key="compare").value == dt.date(2021, 3, 31)


def test_the_pipeline_tile_names_the_data_date_it_describes(sample):  # noqa: F811
    at = open_page()
    # the KPIs open on the date the data describe, and the tile names the same date
    assert at.date_input(key="as_of").value == sample.snapshot["data_as_of"] == dt.date(2025, 12, 31)
    at.date_input(key="as_of").set_value(dt.date(2023, 1, 1)).run()
    tile = next(m for m in at.metric if m.label == "MPP dalam proses")
    recorded = sample.snapshot["data_as_of"]
    assert tile.proto.delta == f"tercatat per {format_date(recorded)}"
    assert (tile.proto.direction, tile.proto.color) == (NONE, GRAY)
    assert f"unggahan #{sample.snapshot['id']}" in tile.proto.help
    figures = service.national_summary(sample, scope=service.ViewScope(as_of=dt.date(2023, 1, 1)))
    assert tile.value == str(figures["under_construction_malls"] + figures["planned_malls"])
