"""Golden tests of corrections and rows left out: a tiny workbook with a bad date and an unknown region,
and the rows it must give once corrected (or without the rows left out)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from mpp_data.ingest.corrections import REJECTED_BY_CHECK
from mpp_data.service import IngestResult, ingest_files
from tests.conftest import ANALYST
from tests.loaders import workbooks as wb

TODAY = dt.date(2026, 11, 28)
D = dt.date
EXPORT = wb.xlsx(
    {"MPP": [["Provinsi", "Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"],
             ["Jawa Barat", "Kota Depok", "MPP Kota Depok", "Beroperasi", D(2021, 5, 1)],
             ["Kalimantan Barat", "Kab. Atlantis", "MPP Atlantis", "Beroperasi", D(2023, 1, 5)],
             ["Jawa Barat", "Kota Bogor", "MPP Kota Bogor", "Beroperasi", "32 Februari 2022"]]},
    name="ekspor.xlsx",
)  # fmt: skip
REGION = ("ekspor.xlsx", "MPP", 3, "Kabupaten/Kota")
DATE = ("ekspor.xlsx", "MPP", 4, "Tanggal Peresmian")


def check(**kwargs) -> IngestResult:
    return ingest_files([EXPORT], None, today=TODAY, **kwargs, actor=ANALYST)


def loaded(result: IngestResult) -> pd.DataFrame:
    keep = result.malls[~result.malls["rejected"] & ~result.malls["duplicate"]]
    return keep[["row", "region_code", "mall_name", "inaugurated_on"]].reset_index(drop=True)


def expected(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["row", "region_code", "mall_name", "inaugurated_on"])


def test_the_workbook_has_an_unknown_region_and_a_bad_date():
    result = check()
    errors = result.issues[result.issues["severity"] == "error"]
    assert errors[["row", "column", "value", "kind"]].values.tolist() == [
        [3, "Kabupaten/Kota", "Kab. Atlantis", "unknown_region"],
        [4, "Tanggal Peresmian", "32 Februari 2022", "bad_date"],
    ]
    assert result.corrections == [] and result.left_out == []


def test_corrected_cells_are_checked_by_the_same_rules_and_give_the_expected_rows():
    result = check(corrections={REGION: "Kabupaten Sanggau", DATE: "25/02/2022"})
    assert result.issues.empty
    pd.testing.assert_frame_equal(
        loaded(result),
        expected([(2, "32.76", "MPP Kota Depok", D(2021, 5, 1)), (3, "61.03", "MPP Atlantis", D(2023, 1, 5)),
                  (4, "32.71", "MPP Kota Bogor", D(2022, 2, 25))]),
    )  # fmt: skip
    assert result.corrections == [
        {"file": "ekspor.xlsx", "sheet": "MPP", "row": 3, "column": "Kabupaten/Kota", "written": "Kab. Atlantis",
         "corrected": "Kabupaten Sanggau"},
        {"file": "ekspor.xlsx", "sheet": "MPP", "row": 4, "column": "Tanggal Peresmian",
         "written": "32 Februari 2022", "corrected": "25/02/2022"},
    ]  # fmt: skip
    assert result.counts == {"rows_read": 3, "rows_loaded": 3, "rows_rejected": 0, "rows_skipped": 0}


def test_a_correction_that_is_still_wrong_keeps_the_row_rejected_with_the_corrected_value_reported():
    result = check(corrections={DATE: "31/02/2022"})
    errors = result.issues[result.issues["severity"] == "error"]
    assert errors[["row", "value", "kind"]].values.tolist() == [
        [3, "Kab. Atlantis", "unknown_region"], [4, "31/02/2022", "bad_date"],
    ]  # fmt: skip
    assert result.malls.set_index("row")["rejected"].to_dict() == {2: False, 3: True, 4: True}


def test_corrections_naming_no_column_or_an_unchanged_value_are_ignored():
    result = check(corrections={("ekspor.xlsx", "MPP", 3, "Nowhere"): "x", ("ekspor.xlsx", "MPP", 2, "Kabupaten/Kota"): "Kota Depok",
                                ("other.xlsx", "MPP", 3, "Kabupaten/Kota"): "Kabupaten Sanggau"})  # fmt: skip
    assert result.corrections == []
    assert result.error_count == 2


def test_rows_left_out_are_not_checked_and_are_recorded_with_their_cells_and_reason():
    result = check(
        left_out={("ekspor.xlsx", "MPP", 3): "tutup, bukan MPP", ("ekspor.xlsx", "MPP", 4): "tanggal belum pasti"}
    )
    assert result.issues.empty
    pd.testing.assert_frame_equal(loaded(result), expected([(2, "32.76", "MPP Kota Depok", D(2021, 5, 1))]))
    assert result.left_out[0] == {
        "file": "ekspor.xlsx", "sheet": "MPP", "row": 3, "reason": "tutup, bukan MPP",
        "values": {"Provinsi": "Kalimantan Barat", "Kabupaten/Kota": "Kab. Atlantis", "Nama MPP": "MPP Atlantis",
                   "Status": "Beroperasi", "Tanggal Peresmian": "2023-01-05"},
    }  # fmt: skip
    assert [r["row"] for r in result.left_out] == [3, 4]
    assert result.counts == {"rows_read": 3, "rows_loaded": 1, "rows_rejected": 0, "rows_skipped": 2}
    assert result.sheets[0].rows_skipped == 2


def test_a_correction_of_a_row_left_out_is_not_applied():
    result = check(corrections={REGION: "Kabupaten Sanggau"}, left_out={("ekspor.xlsx", "MPP", 3): "tutup"})
    assert result.corrections == []
    assert [r["row"] for r in result.left_out] == [3]


def test_exclude_rejected_loads_the_valid_rows_and_leaves_out_the_rest_with_the_checks_reason():
    result = check(exclude_rejected=True)
    assert not result.has_errors
    pd.testing.assert_frame_equal(loaded(result), expected([(2, "32.76", "MPP Kota Depok", D(2021, 5, 1))]))
    assert [(r["row"], r["reason"]) for r in result.left_out] == [(3, REJECTED_BY_CHECK), (4, REJECTED_BY_CHECK)]
