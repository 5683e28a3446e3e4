"""The ``ingest --json`` contract (issue #13): same keys; an exact repeat is not listed as a loaded mall;
every row problem names its column as written."""

from __future__ import annotations

import datetime as dt
import json

from mpp_data.present.reports import ingest_report
from tests.loaders import workbooks as wb
from tests.loaders.test_messy_exports import ingest

D = dt.date
MALL_KEYS = ["region_code", "region_name", "mall_name", "status", "inaugurated_on", "agencies", "services", "sheet",
             "row", "rejected"]  # fmt: skip
ISSUE_KEYS = ["file", "sheet", "row", "column", "value", "kind", "severity", "message_id", "message_en", "candidates"]


def test_a_repeat_loaded_once_is_marked_rejected_and_issue_rows_name_their_header():
    rows = [
        ["Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"],
        ["Kota Medan", "MPP Kota Medan", "Beroperasi", D(2019, 3, 1)],
        ["Kota Medan", "MPP Kota Medan", "Beroperasi", D(2019, 3, 1)],
        ["Kota Binjai", "MPP Kota Binjai", "Beroperasi", "besok"],
    ]
    result = ingest(wb.xlsx({"MPP": rows}))
    report = json.loads(json.dumps(ingest_report(result, ["mpp.xlsx"]), ensure_ascii=False))
    assert list(report) == [
        "files",
        "snapshot_id",
        "carried_over",
        "malls",
        "participation",
        "agreements",
        "visits",
        "issues",
        "counts",
        "plan",
        "data_as_of",
        "equal_to",
    ]  # issue 20: what the load does, the data date
    assert all(list(m) == MALL_KEYS for m in report["malls"])
    assert [(m["row"], m["rejected"]) for m in report["malls"]] == [(2, False), (3, True), (4, True)]
    assert sum(not m["rejected"] for m in report["malls"]) == report["counts"]["rows_loaded"] == 1
    assert all(list(i) == ISSUE_KEYS for i in report["issues"])
    assert [(i["row"], i["column"], i["kind"]) for i in report["issues"]] == [
        (3, "Nama MPP", "duplicate_mall"),
        (4, "Tanggal Peresmian", "bad_date"),
    ]


def test_a_sheet_problem_has_no_column_rather_than_nan():
    file = wb.xlsx({
        "MPP": [["Kabupaten/Kota", "Status"], ["Kota Medan", "entah"]],
        "Catatan": [["Data ini disusun oleh Tim Kerja"]],
    })  # fmt: skip
    report = ingest_report(ingest(file), ["mpp.xlsx"])
    assert [(i["sheet"], i["column"], i["kind"]) for i in report["issues"]] == [
        ("MPP", "Status", "bad_status"),
        ("Catatan", None, "no_table_found"),
    ]
    json.dumps(report, allow_nan=False)  # no NaN anywhere: it is not JSON
