"""Snapshot differences, gap lists and the tables pages show."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd

from mpp_data.analysis import metrics
from mpp_data.analysis.history import compute_snapshot_diff
from mpp_data.present import display as presentation
from mpp_data.present import exports
from tests.unit.test_metrics import MALLS, REGIONS, malls_table

D = dt.date


def participation(rows):
    return pd.DataFrame(rows, columns=["region_code", "mall_name", "agency", "present"])


def test_diff_finds_added_removed_status_and_date_changes_and_agency_moves():
    before = malls_table(
        [
            ("MPP A", "11.01", "11", "operating", D(2020, 1, 10)),
            ("MPP B", "11.71", "11", "planned", None),
            ("MPP C", "12.01", "12", "operating", D(2021, 1, 1)),
            ("MPP Old", "12.02", "12", "planned", None),
        ]  # fmt: skip
    )
    after = malls_table(
        [
            ("MPP A", "11.01", "11", "operating", D(2020, 1, 10)),
            ("mpp  b", "11.71", "11", "operating", D(2024, 5, 2)),  # same mall, written differently
            ("MPP C", "12.01", "12", "operating", D(2021, 2, 1)),
            ("MPP New", "12.02", "12", "under_construction", None),
        ]  # fmt: skip
    )
    part_before = participation([("11.01", "MPP A", "polri", True), ("11.01", "MPP A", "bnn", True)])
    part_after = participation([("11.01", "MPP A", "polri", True), ("11.01", "MPP A", "bnn", False),
                                ("11.01", "MPP A", "taspen", True)])  # fmt: skip
    diff = compute_snapshot_diff(before, after, part_before, part_after)
    assert diff.summary == {"added": 1, "removed": 1, "status_changed": 1, "date_changed": 2, "agencies_joined": 1,
                            "agencies_left": 1, "agreements_changed": 0}  # fmt: skip
    assert diff.added["mall_name"].tolist() == ["MPP New"]
    assert diff.removed["mall_name"].tolist() == ["MPP Old"]
    assert diff.status_changed[["status_before", "status_after"]].values.tolist() == [["planned", "operating"]]
    assert diff.date_changed["inaugurated_after"].tolist() == [D(2024, 5, 2), D(2021, 2, 1)]
    assert diff.agencies_joined["agency"].tolist() == ["taspen"]
    assert diff.agencies_left["agency"].tolist() == ["bnn"]
    assert diff.as_json()["summary"]["added"] == 1


def test_gap_list_is_every_region_without_an_operating_mall():
    gaps = metrics.compute_gap_list(MALLS, REGIONS, D(2023, 4, 30))
    assert gaps["code"].tolist() == ["11.71", "12.01", "12.02"]
    assert gaps["pipeline_status"].tolist() == ["none", "under_construction", "planned"]
    assert presentation.gap_counts(gaps) == {"under_construction": 1, "planned": 1, "none": 1}


def test_gap_filters():
    gaps = metrics.compute_gap_list(MALLS, REGIONS, D(2023, 4, 30))
    assert presentation.filter_gaps(gaps, ["planned"], "")["code"].tolist() == ["12.02"]
    assert presentation.filter_gaps(gaps, [], "kota b")["code"].tolist() == ["11.71"]
    shown = presentation.display_gaps(gaps, "en")
    assert shown["pipeline_status"].tolist() == ["No MPP yet", "Under construction", "Planned"]


def test_province_ranking_marks_full_provinces():
    table = presentation.display_provinces(metrics.compute_coverage_by_province(MALLS, REGIONS, D(2024, 1, 1)))
    assert table[["rank", "province_name", "full"]].values.tolist() == [[1, "Aceh", True], [2, "Sumatera Utara", False]]


def test_region_malls_and_agencies():
    malls = metrics.compute_region_malls(MALLS, "11.01", D(2021, 1, 1))
    assert malls[["mall_name", "status"]].values.tolist() == [["MPP A", "operating"], ["MPP A 2", "none"]]
    present, missing, has_data = presentation.region_agencies(
        participation(
            [("11.01", "MPP A", "polri", True), ("11.01", "MPP A", "bnn", False), ("11.01", "MPP A", "Bank BRI", True)]
        ),  # fmt: skip
        "11.01",
    )
    assert present == ["Bank BRI", "Polri"]
    assert "BNN" in missing and "Polri" not in missing and len(missing) == 16
    assert has_data
    assert presentation.region_agencies(participation([]), "11.01") == ([], [], False)


def test_exports_open_in_excel_and_keep_indonesian_text():
    frame = pd.DataFrame({"Kabupaten/Kota": ["Kota Bau Bau", "Kabupaten Toli-Toli"], "Tahap": ["Direncanakan", "–"]})
    workbook = openpyxl.load_workbook(io.BytesIO(exports.to_excel_bytes(frame, "Belum ada MPP")))
    sheet = workbook["Belum ada MPP"]
    assert [c.value for c in sheet[1]] == ["Kabupaten/Kota", "Tahap"]
    assert sheet["A3"].value == "Kabupaten Toli-Toli"
    csv = exports.to_csv_bytes(frame)
    assert csv.startswith("\ufeff".encode())
    assert '"Kota Bau Bau","Direncanakan"' in csv.decode("utf-8-sig")


def test_a_stored_report_reads_as_it_did_on_the_upload_page():
    report = [{"file": "mpp.xlsx", "sheet": "MPP", "row": 4, "column": "Tanggal", "value": "besok", "kind": "bad_date",
               "severity": "error", "params": {}, "candidates": []}]  # fmt: skip
    table = presentation.report_table(report, "en")
    assert table[["sheet", "row", "column", "severity"]].values.tolist() == [["MPP", 4, "Tanggal", "error"]]
    assert table["message"].iloc[0].startswith("Date “besok” (sheet MPP, row 4, column Tanggal) cannot be read.")


def test_upload_history_shows_counts_in_the_readers_number_form():
    snapshots = pd.DataFrame({
        "id": [2], "created_at": [dt.datetime(2026, 11, 28, 20, 34)], "source_files": [["national.xlsx"]],
        "is_sample": [False], "malls_count": [2000], "participation_count": [118000], "rows_read": [4000],
        "rows_rejected": [0],
    })  # fmt: skip
    indonesian = presentation.display_snapshots(snapshots, "id").iloc[0]
    assert (indonesian["participation_count"], indonesian["created_at"]) == ("118.000", "28 November 2026 20:34")
    assert presentation.display_snapshots(snapshots, "en").iloc[0]["rows_read"] == "4,000"


def test_services_per_agency_use_short_names_and_the_readers_number_form():
    per_agency = pd.DataFrame({"agency": ["bpjs_kesehatan", "Bank Kalbar"], "services": [1234, 5]})
    shown = presentation.display_services(per_agency, "id")
    assert shown.to_dict("list") == {"agency": ["BPJS Kesehatan", "Bank Kalbar"], "services": ["1.234", "5"]}


def test_identical_snapshots_have_no_date_corrections():
    # Undated malls (planned, being built) were once counted as "None -> None" date corrections.
    malls = malls_table(
        [
            ("MPP A", "11.01", "11", "operating", D(2020, 1, 10)),
            ("MPP B", "11.71", "11", "planned", None),
            ("MPP C", "12.01", "12", "under_construction", None),
        ]  # fmt: skip
    )
    part = participation([("11.01", "MPP A", "polri", True)])
    diff = compute_snapshot_diff(malls, malls.copy(), part, part.copy())
    assert diff.summary == dict.fromkeys(diff.summary, 0)


def test_a_date_set_or_cleared_is_a_date_correction():
    before = malls_table([("MPP A", "11.01", "11", "operating", D(2020, 1, 10)),
                          ("MPP B", "11.71", "11", "planned", None)])  # fmt: skip
    after = malls_table([("MPP A", "11.01", "11", "operating", None),
                         ("MPP B", "11.71", "11", "planned", D(2024, 5, 2))])  # fmt: skip
    diff = compute_snapshot_diff(before, after, participation([]), participation([]))
    assert diff.date_changed[["inaugurated_before", "inaugurated_after"]].values.tolist() == [
        [D(2020, 1, 10), None],
        [None, D(2024, 5, 2)],
    ]


def test_the_region_page_opens_on_the_first_region_with_a_mall():
    status = metrics.compute_region_status(MALLS, REGIONS, D(2023, 4, 30))  # only 11.01 operates then
    assert presentation.first_region_with_mall(status, ["11.71", "12.01", "11.01"]) == "11.01"
    assert presentation.first_region_with_mall(status, ["12.02", "12.01"]) == "12.02"  # planned: a mall, not yet open
    without = metrics.compute_region_status(MALLS.iloc[:0], REGIONS, D(2023, 4, 30))
    assert presentation.first_region_with_mall(without, ["12.01", "11.01"]) == "12.01"
    assert presentation.first_region_with_mall(status, []) is None


def test_reported_agencies_sum_the_malls_sheet_counts():
    malls = pd.DataFrame({"mall_name": ["MPP A", "MPP A 2"], "agencies": [21, None]})
    assert presentation.reported_agencies(malls) == 21
    assert presentation.reported_agencies(malls.assign(agencies=None)) is None
    assert presentation.reported_agencies(malls.drop(columns="agencies")) is None


def test_a_mall_known_only_to_its_month_is_shown_with_its_month_not_a_first_day():
    malls = pd.DataFrame(
        {
            "mall_name": ["MPP A", "MPP B", "MPP C"],
            "status": ["operating", "operating", "planned"],
            "inaugurated_on": [dt.date(2023, 3, 1), dt.date(2024, 6, 24), None],
            "inaugurated_precision": ["month", "day", None],
            "agencies": [10, 12, None],
            "services": [100, 120, None],
        }
    )
    assert presentation.display_malls(malls, "id")["inaugurated_on"].tolist() == ["Maret 2023", "24 Juni 2024", ""]
    assert presentation.display_malls(malls, "en")["inaugurated_on"].tolist() == ["March 2023", "24 June 2024", ""]


def test_agreement_stage_changes_read_as_stage_words_in_both_languages():
    changes = pd.DataFrame(
        {"region_code": ["61.03"], "mall": ["MPP Sanggau"], "agency": ["polri"],
         "stage_before": ["signed"], "stage_after": ["counter_open"]}
    )  # fmt: skip
    shown = presentation.display_changes(changes, "id")
    assert shown[["stage_before", "stage_after"]].iloc[0].tolist() == ["Ditandatangani", "Loket buka"]
    assert presentation.display_changes(changes, "en")["stage_after"].iloc[0] == "Counter open"
    gone = presentation.display_changes(changes.assign(stage_after=[None]), "id")
    assert gone["stage_after"].iloc[0] == "–"
