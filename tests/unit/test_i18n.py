from __future__ import annotations

import datetime as dt
import re

from mpp_data import errors
from mpp_data.present.text import MESSAGES, format_date, format_number, format_percent, issue_message, t


def test_every_message_has_indonesian_and_english():
    for key, entry in MESSAGES.items():
        assert entry.get("id") and entry.get("en"), key
        assert set(re.findall(r"{(\w+)}", entry["id"])) == set(re.findall(r"{(\w+)}", entry["en"])), key


def test_every_error_code_has_a_message():
    for error in errors.ALL_ERRORS:
        assert error.code in MESSAGES, error


def test_numbers_and_dates_in_indonesian_form():
    assert format_number(1234) == "1.234"
    assert format_number(1234567) == "1.234.567"
    assert format_percent(52.9) == "52,9%"
    assert format_date(dt.date(2024, 6, 24)) == "24 Juni 2024"
    assert format_date(dt.date(2024, 6, 24), "en") == "24 June 2024"


def test_issue_message_names_sheet_row_and_column_and_suggests():
    issue = {"sheet": "MPP", "row": 14, "column": "Kabupaten/Kota", "value": "Kab. Sangau",
             "kind": "unknown_region", "params": {"suggestions": "Kabupaten Sanggau"}}  # fmt: skip
    assert issue_message(issue, "id") == (
        "Nama wilayah “Kab. Sangau” (sheet MPP, baris 14, kolom Kabupaten/Kota) tidak ada di daftar resmi. "
        "Mungkin maksudnya: Kabupaten Sanggau."
    )
    assert issue_message(issue, "en") == (
        "Region “Kab. Sangau” (sheet MPP, row 14, column Kabupaten/Kota) is not in the official list. "
        "Did you mean: Kabupaten Sanggau?"
    )


def test_t_fills_parameters():
    assert t("chart.target_line", "id", total="514") == "Target: 514 kabupaten/kota"
