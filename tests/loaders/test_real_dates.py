"""Golden tests: date columns as real exports write them (issue #13): placeholders, month-only dates,
month-first columns, serial numbers, weekdays and abbreviations."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from mpp_data.present.messages import result_messages
from mpp_data.present.reports import ingest_report
from tests.loaders import workbooks as wb
from tests.loaders.test_messy_exports import ingest, issues

D = dt.date
COLUMNS = ["region_code", "status", "inaugurated_on", "inaugurated_precision"]
HEADER = ["Kabupaten/Kota", "Status", "Tanggal Peresmian"]


def loaded(result) -> pd.DataFrame:
    keep = result.malls[~result.malls["rejected"] & ~result.malls["duplicate"]]
    return keep[COLUMNS].reset_index(drop=True).astype(object).where(keep[COLUMNS].notna().to_numpy(), None)


def expected(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS, dtype=object)


def test_placeholders_in_the_date_column_give_no_date_and_a_warning_and_name_the_stage_when_status_is_empty():
    rows = [HEADER] + [
        ["Kota Medan", None, "Ditunda"],  # row 2: postponed, counted as planned
        ["Kota Binjai", "Dalam Pembangunan", "TBA"],  # row 3: the status cell wins
        ["Kota Depok", None, "TBC"],
        ["Kota Bogor", None, "n/a"],
        ["Kota Bekasi", None, "-"],
        ["Kota Cimahi", None, "belum"],
        ["Kota Banjar", None, "menyusul"],
        ["Kota Sukabumi", None, "akan ditentukan"],
        ["Kota Tasikmalaya", None, "Rencana 2025"],
    ]
    result = ingest(wb.xlsx({"MPP": rows}))
    assert issues(result) == [("MPP", r, "Tanggal Peresmian", "date_placeholder", "warning") for r in range(2, 11)]
    pd.testing.assert_frame_equal(
        loaded(result),
        expected([
            ("12.71", "planned", None, None),
            ("12.75", "under_construction", None, None),
            ("32.76", "planned", None, None),
            ("32.71", "planned", None, None),
            ("32.75", "planned", None, None),
            ("32.77", "planned", None, None),
            ("32.79", "planned", None, None),
            ("32.72", "planned", None, None),
            ("32.78", "planned", None, None),
        ]),
    )  # fmt: skip
    assert not result.has_errors
    assert "as planned" in result_messages(result, "en")[0]
    assert "as planned" not in result_messages(result, "en")[2]  # TBC names no stage


def test_month_only_dates_are_kept_at_month_precision_and_shown_as_such():
    rows = [HEADER] + [
        ["Kota Medan", "Beroperasi", "Maret 2023"],
        ["Kota Binjai", "Beroperasi", "Agu 2024"],
        ["Kota Depok", "Beroperasi", "Mar-23"],
        ["Kota Bekasi", "Beroperasi", "2023-03"],
        ["Kota Cimahi", "Beroperasi", "24 Juni 2024"],
    ]
    result = ingest(wb.xlsx({"MPP": rows}))
    assert issues(result) == []
    pd.testing.assert_frame_equal(
        loaded(result),
        expected([
            ("12.71", "operating", D(2023, 3, 1), "month"),
            ("12.75", "operating", D(2024, 8, 1), "month"),
            ("32.76", "operating", D(2023, 3, 1), "month"),
            ("32.75", "operating", D(2023, 3, 1), "month"),
            ("32.77", "operating", D(2024, 6, 24), "day"),
        ]),
    )  # fmt: skip
    report = ingest_report(result, ["mpp.xlsx"])
    assert [m["inaugurated_on"] for m in report["malls"]] == ["2023-03", "2024-08", "2023-03", "2023-03", "2024-06-24"]


def test_a_column_with_a_month_first_date_is_read_month_first():
    rows = [HEADER] + [["Kota Medan", "Operating", "09/26/2023"], ["Kota Binjai", "Operating", "03/12/2024"]]
    result = ingest(wb.xlsx({"MPP": rows}))
    assert issues(result) == []
    assert loaded(result)["inaugurated_on"].tolist() == [D(2023, 9, 26), D(2024, 3, 12)]


def test_a_column_that_cannot_be_decided_is_read_day_first_with_a_warning():
    rows = [HEADER] + [["Kota Medan", "Beroperasi", "05/12/2023"], ["Kota Binjai", "Beroperasi", "03/12/2024"]]
    result = ingest(wb.xlsx({"MPP": rows}))
    assert issues(result) == [("MPP", 2, "Tanggal Peresmian", "date_order_assumed", "warning")]
    assert loaded(result)["inaugurated_on"].tolist() == [D(2023, 12, 5), D(2024, 12, 3)]
    assert "day/month/year" in result_messages(result, "en")[0]


def test_a_column_with_day_first_dates_reads_the_others_day_first_without_a_warning():
    rows = [HEADER] + [["Kota Medan", "Beroperasi", "26/09/2023"], ["Kota Binjai", "Beroperasi", "03/12/2024"]]
    result = ingest(wb.xlsx({"MPP": rows}))
    assert issues(result) == []
    assert loaded(result)["inaugurated_on"].tolist() == [D(2023, 9, 26), D(2024, 12, 3)]


def test_serial_numbers_weekdays_and_month_abbreviations_are_read():
    rows = [HEADER] + [
        ["Kota Medan", "Beroperasi", 45467],
        ["Kota Binjai", "Beroperasi", "45467"],
        ["Kota Depok", "Beroperasi", "Senin, 24 Juni 2024"],
        ["Kota Bekasi", "Beroperasi", "Mon, 24 Jun 2024"],
        ["Kota Cimahi", "Beroperasi", "Sel. 17 Sept 2024"],
        ["Kota Banjar", "Beroperasi", "17 Okt 2023"],
        ["Kota Bogor", "Beroperasi", "Peb 2, 2023"],
    ]
    result = ingest(wb.xlsx({"MPP": rows}))
    assert issues(result) == []
    assert loaded(result)["inaugurated_on"].tolist() == [D(2024, 6, 24)] * 4 + [
        D(2024, 9, 17), D(2023, 10, 17), D(2023, 2, 2)]  # fmt: skip


def test_a_word_that_is_neither_a_date_nor_a_placeholder_stays_an_error():
    rows = [HEADER] + [["Kota Medan", "Beroperasi", "besok"], ["Kota Binjai", "Beroperasi", "Juni"]]
    result = ingest(wb.xlsx({"MPP": rows}))
    assert issues(result) == [
        ("MPP", 2, "Tanggal Peresmian", "bad_date", "error"),
        ("MPP", 3, "Tanggal Peresmian", "bad_date", "error"),
    ]
