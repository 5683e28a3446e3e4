"""The Upload page's table of rows to correct, read back into corrections and rows left out (pure)."""

from __future__ import annotations

import pandas as pd

from mpp_data.present.corrections import EDITABLE, EDITOR_COLUMNS, read_edits, unexplained_rows

DATE = ("a.xlsx", "MPP", 4, "Tanggal")
REGION = ("a.xlsx", "MPP", 3, "Kabupaten/Kota")


def table(*lines) -> pd.DataFrame:
    """Lines of (file, sheet, row, column), correction, leave out, reason; value, problem and state empty."""
    where = ("file", "sheet", "row", "column")
    blank = {"value": "", "problem": "", "state": ""}
    rows = [blank | dict(zip(where, key, strict=True)) | dict(zip(EDITABLE, rest, strict=True)) for key, *rest in lines]
    return pd.DataFrame(rows, columns=EDITOR_COLUMNS)


def test_a_typed_correction_is_kept_and_a_cleared_one_is_dropped():
    edited = table((DATE, "25/02/2022", False, ""), (REGION, "  ", False, ""))
    corrections, left_out = read_edits(edited, {REGION: "Kabupaten Sanggau"})
    assert corrections == {DATE: "25/02/2022"}
    assert left_out == {}


def test_a_row_is_left_out_while_any_of_its_lines_is_ticked_with_the_first_reason_given():
    edited = table((("a.xlsx", "MPP", 3, "Provinsi"), None, True, ""), (REGION, None, True, "tutup"))
    assert read_edits(edited, {}) == ({}, {("a.xlsx", "MPP", 3): "tutup"})


def test_corrections_of_rows_not_in_the_table_are_kept_and_a_line_without_a_column_corrects_nothing():
    edited = table((("a.xlsx", "MPP", 3, ""), "ignored", False, ""))
    assert read_edits(edited, {DATE: "25/02/2022"}) == ({DATE: "25/02/2022"}, {})


def test_the_editable_columns_come_first():
    assert EDITOR_COLUMNS[: len(EDITABLE)] == list(EDITABLE) == ["correction", "leave_out", "reason"]


def test_a_row_ticked_without_a_reason_is_not_left_out_and_is_named():
    edited = table((DATE, None, True, "  "), (("a.xlsx", "MPP", 4, "Status"), None, True, None),
                   (REGION, None, True, ""), (("a.xlsx", "MPP", 3, "Status"), None, False, "tutup"))  # fmt: skip
    assert read_edits(edited, {}) == ({}, {})
    assert unexplained_rows(edited) == [("a.xlsx", "MPP", 4), ("a.xlsx", "MPP", 3)]
    explained = table((DATE, None, True, ""), (("a.xlsx", "MPP", 4, "Status"), None, True, "dobel"))
    assert read_edits(explained, {}) == ({}, {("a.xlsx", "MPP", 4): "dobel"})
    assert unexplained_rows(explained) == []
