"""Agency presence on hand-built tables."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd
import pytest

from mpp_data.analysis import participation as p
from tests.unit.test_metrics import REGIONS, malls_table

D = dt.date
MALLS = malls_table(
    [
        ("MPP A", "11.01", "11", "operating", D(2020, 1, 10)),
        ("MPP B", "11.71", "11", "operating", D(2023, 5, 1)),
        ("MPP C", "12.01", "12", "operating", D(2021, 1, 1)),  # no participation rows: no data
        ("MPP D", "12.02", "12", "planned", None),
    ]
).assign(services=pd.array([120, 80, None, None], dtype="Int64"))


def rows(*items):
    return pd.DataFrame(items, columns=["region_code", "mall_name", "agency", "present", "services"]).astype(
        {"services": "Int64"}
    )


PARTICIPATION = rows(
    ("11.01", "MPP A", "polri", True, 6),
    ("11.01", "mpp  a", "bnn", True, None),  # the same mall, written differently
    ("11.01", "MPP A", "Bank BRI", True, 3),
    ("11.71", None, "polri", True, 4),  # no mall name: the region's only mall
    ("11.71", "MPP B", "bnn", False, None),
    ("12.02", "MPP D", "polri", True, None),  # a planned mall: not counted
)


def test_presence_counts_only_operating_malls_with_data():
    table = p.compute_agency_presence(MALLS, PARTICIPATION, D(2024, 1, 1)).set_index("agency")
    assert table.loc["polri", ["malls_present", "operating_malls_with_data", "share_pct"]].tolist() == [2, 2, 100.0]
    assert table.loc["bnn", ["malls_present", "share_pct"]].tolist() == [1, 50.0]
    assert table.loc["bnn", "missing"] == [{"region_code": "11.71", "mall_name": "MPP B"}]
    assert table.loc["taspen", "malls_present"] == 0
    assert len(table.loc["taspen", "missing"]) == 2
    assert len(table) == 17
    assert table["mou_signatory"].all()


def test_mou_signatory_comes_from_the_agency_record(monkeypatch):
    pln = p._AGENCY["pln"]
    monkeypatch.setitem(p._AGENCY, "pln", dataclasses.replace(pln, mou_signatory=False))
    table = p.compute_agency_presence(MALLS, PARTICIPATION, D(2024, 1, 1)).set_index("agency")
    assert not table.loc["pln", "mou_signatory"]
    assert table.drop(index="pln")["mou_signatory"].all()


def test_malls_without_any_rows_are_no_data_not_absent():
    assert p.count_malls_without_data(MALLS, PARTICIPATION, D(2024, 1, 1)) == (2, 1)
    work = p.compute_agency_work_list(MALLS, PARTICIPATION, REGIONS, "polri", D(2024, 1, 1))
    assert work.empty, "MPP C has no data, so it is not on Polri's list"


def test_as_of_date_limits_the_malls():
    table = p.compute_agency_presence(MALLS, PARTICIPATION, D(2022, 1, 1)).set_index("agency")
    assert table.loc["polri", "operating_malls_with_data"] == 1  # MPP B opened in 2023


def test_work_list_names_the_malls_where_an_agency_is_absent():
    work = p.compute_agency_work_list(MALLS, PARTICIPATION, REGIONS, "bnn", D(2024, 1, 1))
    assert work[["region_code", "region_name", "province_name", "mall_name"]].values.tolist() == [
        ["11.71", "Kota B", "Aceh", "MPP B"]
    ]


def test_presence_by_province_and_completeness():
    by_province = p.compute_presence_by_province(MALLS, PARTICIPATION, REGIONS, D(2024, 1, 1)).set_index(
        "province_code"
    )
    assert by_province.loc["11", "polri"] == 100.0
    assert by_province.loc["11", "bnn"] == 50.0
    assert by_province.loc["11", "malls"] == 2
    assert by_province.loc["12", "malls"] == 0
    assert pd.isna(by_province.loc["12", "polri"])
    completeness = p.compute_mall_completeness(MALLS, PARTICIPATION, D(2024, 1, 1))
    assert dict(zip(completeness["mall_name"], completeness["mou_present"], strict=True)) == {"MPP A": 2, "MPP B": 1}
    distribution = p.compute_completeness_distribution(completeness)
    assert distribution["malls"].tolist()[:3] == [0, 1, 1]
    assert len(distribution) == 18


def test_services_per_agency_and_median_per_mall():
    services = p.compute_services(MALLS, PARTICIPATION, D(2024, 1, 1))
    assert dict(zip(services["per_agency"]["agency"], services["per_agency"]["services"], strict=True)) == {
        "polri": 10,
        "Bank BRI": 3,
    }
    # Per mall: MPP A and MPP B from their rows (9 and 4), MPP C has none at all.
    assert sorted(services["per_mall"]["services"]) == [4, 9]
    assert services["median_per_mall"] == pytest.approx(6.5)


def test_presence_trend_across_snapshots():
    later = pd.concat([PARTICIPATION, rows(("11.71", "MPP B", "taspen", True, None))], ignore_index=True)
    trend = p.compute_presence_trend([(D(2025, 1, 1), MALLS, later), (D(2024, 1, 1), MALLS, PARTICIPATION)])
    taspen = trend[trend["agency"] == "taspen"]
    assert taspen["date"].tolist() == [D(2024, 1, 1), D(2025, 1, 1)]
    assert taspen["share_pct"].tolist() == [0.0, 50.0]


def test_a_presence_computed_once_gives_the_same_answers():
    found = p.compute_presence(MALLS, PARTICIPATION, D(2024, 1, 1))
    fresh = p.compute_agency_presence(MALLS, PARTICIPATION, D(2024, 1, 1))
    reused = p.compute_agency_presence(MALLS, PARTICIPATION, D(2024, 1, 1), presence=found)
    pd.testing.assert_frame_equal(fresh, reused)
    assert p.count_malls_without_data(MALLS, PARTICIPATION, D(2024, 1, 1), presence=found) == (2, 1)


def test_group_numbers_follow_first_appearance_and_tell_missing_apart():
    from mpp_data.ingest.cells import group_numbers

    groups = group_numbers(np.array(["a", "b", "a", None, "b"], dtype=object), np.array([1, 1, 1, 1, 2]))
    assert groups.tolist() == [0, 1, 0, 2, 3]


def test_participation_for_a_scope_without_an_operating_mall_links_to_nothing_and_raises_nothing():
    # issue 20: the Agencies page and the province deck failed where no mall operates but rows exist
    planned_only = MALLS[MALLS["status"] == "planned"]
    string_rows = PARTICIPATION.astype({"region_code": "str", "mall_name": "str", "agency": "str"})
    assert p.link_participation(p.operating_malls(planned_only, D(2024, 1, 1)), string_rows).empty
    table = p.compute_agency_presence(planned_only, string_rows, D(2024, 1, 1))
    assert table["operating_malls_with_data"].eq(0).all() and table["share_pct"].eq(0.0).all()


def test_rows_that_fit_no_mall_in_a_region_of_several_malls_are_left_out():
    malls = malls_table(
        [
            ("MPP A", "11.01", "11", "operating", D(2020, 1, 10)),
            ("MPP A Dua", "11.01", "11", "operating", D(2021, 1, 10)),
        ]
    )
    participation = rows(("11.01", "MPP A", "polri", True, 6), ("11.01", "MPP Lain", "polri", True, 2))
    linked = p.link_participation(p.operating_malls(malls, D(2022, 1, 1)), participation)
    assert linked["mall_name"].tolist() == ["MPP A"]
    assert linked["key"].tolist() == ["11.01|mpp a"]
