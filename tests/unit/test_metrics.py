"""Metrics on hand-built tables whose answers can be checked by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from mpp_data.analysis import metrics

D = dt.date
REGIONS = pd.DataFrame(
    [
        ("11.01", "Kabupaten A", "kabupaten", "11", "Aceh"),
        ("11.71", "Kota B", "kota", "11", "Aceh"),
        ("12.01", "Kabupaten C", "kabupaten", "12", "Sumatera Utara"),
        ("12.02", "Kabupaten D", "kabupaten", "12", "Sumatera Utara"),
    ],
    columns=["code", "name", "kind", "province_code", "province_name"],
)


def malls_table(rows):
    return pd.DataFrame(rows, columns=["mall_name", "region_code", "province_code", "status", "inaugurated_on"])


MALLS = malls_table(
    [
        ("MPP A", "11.01", "11", "operating", D(2020, 1, 10)),
        ("MPP A 2", "11.01", "11", "operating", D(2023, 5, 1)),  # a region with two malls
        ("MPP B", "11.71", "11", "operating", D(2023, 5, 1)),  # batch day
        ("MPP C", "12.01", "12", "under_construction", None),
        ("MPP D", "12.02", "12", "planned", None),
        ("MPP Provinsi", "12", "12", "operating", D(2021, 1, 1)),  # province-run: a mall, not coverage
    ]
)


def test_national_summary_counts_regions_once_and_province_malls_as_malls_only():
    summary = metrics.compute_national_summary(MALLS, REGIONS, D(2024, 1, 1))
    assert summary == {
        "total_regions": 4,
        "covered_regions": 2,
        "coverage_pct": 50.0,
        "operating_malls": 4,
        "under_construction_malls": 1,
        "planned_malls": 1,
        "province_run_malls": 1,
        "undated_operating_malls": 0,
    }


def test_an_undated_operating_mall_counts_from_its_first_listing_never_before():
    malls = MALLS.assign(counted_from=None)
    malls.loc[len(malls)] = ["MPP E", "12.01", "12", "operating", None, D(2024, 12, 31)]
    before = metrics.compute_national_summary(malls, REGIONS, D(2024, 12, 30))
    after = metrics.compute_national_summary(malls, REGIONS, D(2024, 12, 31))
    assert (before["covered_regions"], after["covered_regions"]) == (2, 3)
    assert (before["undated_operating_malls"], after["undated_operating_malls"]) == (0, 1)
    timeline = metrics.compute_coverage_over_time(malls, REGIONS)
    # the chart agrees with the KPI: the undated mall's region joins on its first listing's date
    assert timeline.iloc[-1].to_dict() == {"date": D(2024, 12, 31), "new_regions": 1, "covered_regions": 3}


def test_a_region_inaugurated_the_day_after_as_of_is_a_gap():
    day_before = metrics.compute_region_status(MALLS, REGIONS, D(2023, 4, 30)).set_index("code")
    on_the_day = metrics.compute_region_status(MALLS, REGIONS, D(2023, 5, 1)).set_index("code")
    assert day_before.loc["11.71", "status"] == "none"
    assert on_the_day.loc["11.71", "status"] == "operating"
    assert metrics.compute_national_summary(MALLS, REGIONS, D(2023, 4, 30))["covered_regions"] == 1


def test_region_status_takes_the_best_mall_and_the_earliest_date():
    table = metrics.compute_region_status(MALLS, REGIONS, D(2024, 1, 1)).set_index("code")
    assert table.loc["11.01", "status"] == "operating"
    assert table.loc["11.01", "operating_since"] == D(2020, 1, 10)
    assert table.loc["11.01", "malls"] == 2
    assert table.loc["12.01", "status"] == "under_construction"
    assert table.loc["12.02", "status"] == "planned"


def test_region_without_any_mall_is_none():
    table = metrics.compute_region_status(MALLS.iloc[:1], REGIONS, D(2024, 1, 1)).set_index("code")
    assert table.loc["12.02", "status"] == "none"
    assert table.loc["12.02", "malls"] == 0


def test_coverage_by_province():
    table = metrics.compute_coverage_by_province(MALLS, REGIONS, D(2024, 1, 1))
    expected = pd.DataFrame(
        {
            "province_code": ["11", "12"],
            "province_name": ["Aceh", "Sumatera Utara"],
            "total_regions": [2, 2],
            "covered_regions": [2, 0],
            "operating_malls": [3, 1],
            "pipeline_malls": [0, 2],
            "coverage_pct": [100.0, 0.0],
        }
    )
    pd.testing.assert_frame_equal(table[expected.columns], expected, check_dtype=False)


def test_coverage_over_time_steps_on_each_first_inauguration():
    table = metrics.compute_coverage_over_time(MALLS, REGIONS)
    expected = pd.DataFrame({"date": [D(2020, 1, 10), D(2023, 5, 1)], "new_regions": [1, 1], "covered_regions": [1, 2]})
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)


@pytest.mark.parametrize("as_of", [D(2000, 1, 1), D(2020, 1, 10), D(2030, 1, 1)])
def test_coverage_stays_within_the_number_of_regions(as_of):
    summary = metrics.compute_national_summary(MALLS, REGIONS, as_of)
    assert 0 <= summary["covered_regions"] <= summary["total_regions"]


def test_latest_data_date():
    assert metrics.latest_data_date(MALLS) == D(2023, 5, 1)
    assert metrics.latest_data_date(MALLS.iloc[3:5]) is None
