"""Pace and forecast on hand-built tables."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from mpp_data.analysis import forecast
from mpp_data.analysis.forecast import add_months, compute_forecast, describe_forecast

D = dt.date


def regions(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": [f"11.{i:02d}" for i in range(1, n + 1)],
            "name": [f"Kabupaten {i}" for i in range(1, n + 1)],
            "kind": "kabupaten",
            "province_code": "11",
            "province_name": "Aceh",
        }  # fmt: skip
    )


def malls(dates: list[dt.date | None]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "mall_name": [f"MPP {i}" for i in range(len(dates))],
            "region_code": [f"11.{i + 1:02d}" for i in range(len(dates))],
            "province_code": "11",
            "status": ["operating" if d else "planned" for d in dates],
            "inaugurated_on": dates,
        }  # fmt: skip
    )


def test_add_months_clips_to_the_end_of_the_month():
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2024, 3, 15), -12) == D(2023, 3, 15)
    assert add_months(D(2024, 12, 5), 1) == D(2025, 1, 5)


def test_forecast_at_a_steady_pace():
    # One region a month for 24 months, 100 regions in all: 76 left at 1 a month.
    dates = [add_months(D(2022, 1, 1), i) for i in range(24)]
    result = compute_forecast(malls(dates), regions(100), D(2023, 12, 31), D(2025, 12, 31))
    assert result.covered == 24
    assert result.pace_per_month == pytest.approx(1.0)
    assert result.full_coverage_month == "2030-04"  # 76 months after Dec 2023
    assert result.range == ("2030-04", "2030-04")
    assert result.required_pace_per_month == pytest.approx(76 / 24)
    assert result.pace_ratio == pytest.approx(76 / 24)
    assert result.enough_data


def test_forecast_range_comes_from_the_fastest_and_slowest_windows():
    # 12 regions in 2021, then 36 in 2022, then 6 in 2023.
    dates = [D(2021, m, 1) for m in range(1, 13)] + [D(2022, m, d) for m in range(1, 13) for d in (1, 10, 20)]
    dates += [D(2023, m, 1) for m in (1, 3, 5, 7, 9, 11)]
    result = compute_forecast(malls(dates), regions(200), D(2023, 12, 31), D(2026, 12, 31))
    remaining = 200 - 54
    assert result.pace_per_month == pytest.approx(0.5)
    assert result.full_coverage_month == f"{add_months(D(2023, 12, 31), math.ceil(remaining / 0.5)):%Y-%m}"
    assert result.range[0] == f"{add_months(D(2023, 12, 31), math.ceil(remaining / 3)):%Y-%m}"  # 36 a year
    assert result.range[1] == result.full_coverage_month  # the last year was the slowest


def test_forecast_says_when_the_data_cannot_support_it():
    result = compute_forecast(malls([D(2024, 5, 1)]), regions(10), D(2024, 12, 31), D(2029, 12, 31))
    assert not result.enough_data
    assert result.full_coverage_month is None
    assert describe_forecast(result, "en")[0].startswith("Not enough data")


def test_a_stalled_rollout_never_reaches_full_coverage():
    result = compute_forecast(malls([D(2019, 1, 1), D(2019, 6, 1)]), regions(10), D(2024, 12, 31), D(2029, 12, 31))
    assert result.pace_per_month == 0
    assert result.full_coverage_month is None
    assert describe_forecast(result, "id")[0].startswith("Dalam 12 bulan terakhir tidak ada")


def test_forecast_sentence_in_both_languages():
    dates = [add_months(D(2022, 1, 1), i) for i in range(24)]
    result = compute_forecast(malls(dates), regions(100), D(2023, 12, 31), D(2025, 12, 31))
    indonesian = describe_forecast(result, "id")
    assert indonesian[0].startswith("Dengan laju 12 bulan terakhir (1,0 kabupaten/kota per bulan), seluruh 100")
    assert "April 2030" in indonesian[0]
    assert indonesian[1] == (
        "Untuk mencapai target 31 Desember 2025, perlu 3,2 kabupaten/kota per bulan: 3,2 kali laju saat ini."
    )
    assert "April 2030" in describe_forecast(result, "en")[0]


def test_new_regions_per_quarter_includes_empty_quarters():
    timeline = pd.DataFrame(
        {"date": [D(2024, 1, 5), D(2024, 2, 1), D(2024, 9, 9)], "new_regions": [2, 1, 5], "covered_regions": [2, 3, 8]}
    )
    quarters = forecast.compute_new_per_quarter(timeline, D(2024, 12, 31))
    assert quarters["quarter"].tolist() == ["2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4"]
    assert quarters["new_regions"].tolist() == [3, 0, 5, 0]


def test_batch_days_are_days_with_many_new_regions():
    timeline = pd.DataFrame(
        {
            "date": [D(2024, 1, 5), D(2024, 6, 24), D(2024, 12, 19)],
            "new_regions": [1, 17, 42],
            "covered_regions": [1, 18, 60],
        }  # fmt: skip
    )
    assert forecast.compute_batch_days(timeline, D(2024, 12, 1))["date"].tolist() == [D(2024, 6, 24)]


def test_milestones_only_within_the_data():
    assert [m[1] for m in forecast.milestones_in_range(D(2022, 1, 1), D(2024, 12, 31))] == [56, 152, 208, 272]
    assert forecast.milestones_in_range(None, D(2024, 12, 31)) == []
