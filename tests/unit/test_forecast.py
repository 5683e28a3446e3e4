"""Pace and forecast on hand-built tables."""

from __future__ import annotations

import datetime as dt
import math
import re

import pandas as pd
import pytest

from mpp_data.analysis import forecast
from mpp_data.analysis.forecast import add_months, compute_forecast
from mpp_data.present.forecast_text import describe_forecast
from tests.conftest import ANALYST

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
    result = compute_forecast(malls(dates), regions(100), as_of=D(2023, 12, 31), target_date=D(2025, 12, 31))
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
    result = compute_forecast(malls(dates), regions(200), as_of=D(2023, 12, 31), target_date=D(2026, 12, 31))
    remaining = 200 - 54
    assert result.pace_per_month == pytest.approx(0.5)
    assert result.full_coverage_month == f"{add_months(D(2023, 12, 31), math.ceil(remaining / 0.5)):%Y-%m}"
    assert result.range[0] == f"{add_months(D(2023, 12, 31), math.ceil(remaining / 3)):%Y-%m}"  # 36 a year
    assert result.range[1] == result.full_coverage_month  # the last year was the slowest


def test_forecast_says_when_the_data_cannot_support_it():
    result = compute_forecast(malls([D(2024, 5, 1)]), regions(10), as_of=D(2024, 12, 31), target_date=D(2029, 12, 31))
    assert not result.enough_data
    assert result.full_coverage_month is None
    assert describe_forecast(result, "en")[0].startswith("Not enough data")


def test_a_stalled_rollout_never_reaches_full_coverage():
    result = compute_forecast(
        malls([D(2019, 1, 1), D(2019, 6, 1)]), regions(10), as_of=D(2024, 12, 31), target_date=D(2029, 12, 31)
    )
    assert result.pace_per_month == 0
    assert result.full_coverage_month is None
    assert describe_forecast(result, "id")[0].startswith("Dalam 12 bulan terakhir tidak ada")


def test_forecast_sentence_in_both_languages():
    dates = [add_months(D(2022, 1, 1), i) for i in range(24)]
    result = compute_forecast(malls(dates), regions(100), as_of=D(2023, 12, 31), target_date=D(2025, 12, 31))
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
    assert [m[1] for m in forecast.milestones_in_range(D(2022, 1, 1), as_of=D(2024, 12, 31))] == [56, 152, 208, 272]
    assert forecast.milestones_in_range(None, as_of=D(2024, 12, 31)) == []


def test_a_slowest_pace_beyond_twenty_years_is_said_in_words():
    # 24 regions in 2021, then one in 2023: 100 left at one a year is a century; at the fastest 12-month
    # pace (22 regions, Feb 2021 to Jan 2022) 55 months.
    dates = [D(2021, m, d) for m in range(1, 13) for d in (1, 15)] + [D(2023, 6, 1)]
    result = compute_forecast(malls(dates), regions(125), as_of=D(2023, 12, 31), target_date=D(2029, 12, 31))
    assert result.range == ("2028-07", None)  # no region at all in some 12 months of 2022
    assert result.full_coverage_month == "2123-12"
    assert result.horizon_month == "2043-12"
    sentence = describe_forecast(result, "id")[0]
    assert "lebih dari 20 tahun (setelah Desember 2043)" in sentence
    assert "paling cepat Juli 2028" in sentence
    assert "tidak pernah" not in sentence
    english = describe_forecast(result, "en")[0]
    assert "more than 20 years" in english and "never" not in english


def test_forecast_names_no_month_past_the_horizon():
    # One region a year for three years, 80 left: 80 years at that pace.
    dates = [D(2021, 6, 1), D(2022, 6, 1), D(2023, 6, 1)]
    result = compute_forecast(malls(dates), regions(83), as_of=D(2023, 12, 31), target_date=D(2029, 12, 31))
    assert result.full_coverage_month == result.range[1] == "2103-12"
    assert result.bounded(result.full_coverage_month) is None and result.bounded(result.range[0]) is None
    sentence = describe_forecast(result, "en")[0]
    # 1/12 a month is written per year, never as "0.1 a month" (issue 20)
    assert sentence.startswith("At the pace of the last 12 months (1.0 regencies/cities a year), covering all 83")
    assert "more than 20 years (after December 2043)" in sentence
    assert not re.search(r"20[5-9]\d|21\d\d", sentence)


def test_stalled_forecast_says_no_never():
    result = compute_forecast(
        malls([D(2019, 1, 1), D(2019, 6, 1)]), regions(10), as_of=D(2024, 12, 31), target_date=D(2029, 12, 31)
    )
    assert "within the next 20 years" in describe_forecast(result, "en")[0]
    assert "never" not in describe_forecast(result, "en")[0]


@pytest.mark.slow  # a forecast at every month of the sample
def test_the_sample_forecasts_are_bounded_everywhere():
    # The issue: "rentang November 2030 sampai November 2068" and "sampai tidak pernah" on the sample.
    from mpp_data import service
    from mpp_data.reference import regions as official

    data = service.SnapshotData({"id": 0}, dict(zip(("malls", "participation"), _sample_tables(), strict=True)))
    for as_of in (D(2023, 1, 1), D(2024, 6, 30), D(2025, 12, 15)):
        for province in (None, *official.province_names()):
            result = service.forecast_for(
                data, scope=service.ViewScope(as_of=as_of, province=province, target_date=D(2029, 12, 31))
            )
            for lang in ("id", "en"):
                text = " ".join(describe_forecast(result, lang))
                assert "tidak pernah" not in text and "never" not in text, (as_of, province, text)
                assert not re.search(r"\b(20[5-9]\d|21\d\d)\b", text), (as_of, province, text)


def _sample_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    from mpp_data import service

    result = service.ingest_files(service.sample_files(), None, today=D(2026, 1, 1), actor=ANALYST)
    malls = result.malls[~result.malls["rejected"]].reset_index(drop=True)
    return malls, result.participation
