"""Downloads: formulas neutralised, headers in the reader's language, typed dates and codes, same bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pandas as pd
import pytest

from mpp_data.present import exports

HOSTILE = '=HYPERLINK("http://x","klik")'
STAMP = dt.datetime(2025, 12, 20, 9, 30)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_starting_like_a_formula_gets_a_leading_apostrophe(start):
    assert exports.neutralise(f"{start}1+2") == f"'{start}1+2"


@pytest.mark.parametrize("value", ["Kota Medan", "12.10", "", "a=b", "MPP 'Kota'", " =1"])
def test_ordinary_text_is_left_alone(value):
    assert exports.neutralise(value) == value


@pytest.mark.parametrize("value", [-5, -2.5, 0, 12, None, dt.date(2024, 2, 10)])
def test_numbers_dates_and_missing_values_are_left_alone(value):
    assert exports.neutralise(value) == value


def frame_with_hostile_cells() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region_code": ["12.10", "61.03", "31.71"],
            "mall_name": [HOSTILE, "+62 812", "MPP Kota Medan"],
            "inaugurated_on": [dt.date(2024, 2, 10), None, dt.date(2017, 10, 19)],
            "agencies": pd.array([21, -3, pd.NA], dtype="Int64"),
            "services": [-1.5, 0.0, 144.0],
        }
    )


def test_csv_neutralises_formulas_keeps_numbers_and_writes_iso_dates():
    text = exports.to_csv_bytes(frame_with_hostile_cells(), "en").decode("utf-8-sig")
    read = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert list(read.columns) == ["Region code", "Mall", "Inauguration date", "Agencies", "Services"]
    assert read["Mall"].tolist() == ["'" + HOSTILE, "'+62 812", "MPP Kota Medan"]
    assert read["Region code"].tolist() == ["12.10", "61.03", "31.71"]
    assert read["Inauguration date"].tolist() == ["2024-02-10", "", "2017-10-19"]
    assert read["Agencies"].tolist() == ["21", "-3", ""]  # negative numbers stay numbers
    assert read["Services"].tolist() == ["-1.5", "0.0", "144.0"]


def test_csv_headers_are_in_the_readers_language():
    frame = pd.DataFrame({"code": ["61.03"], "name": ["Kabupaten Sanggau"], "pipeline_status": ["Direncanakan"]})
    assert exports.to_csv_bytes(frame, "id").decode("utf-8-sig").splitlines()[0] == '"Kode","Kabupaten/Kota","Tahap"'
    assert exports.to_csv_bytes(frame, "en").decode("utf-8-sig").splitlines()[0] == '"Code","Regency/City","Stage"'


def test_xlsx_has_no_formula_cells_dates_as_date_cells_and_codes_as_text():
    content = exports.to_excel_bytes(frame_with_hostile_cells(), "ATR/BPN", "en", STAMP)
    sheet = openpyxl.load_workbook(io.BytesIO(content))["ATR-BPN"]
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert cells and all(c.data_type != "f" for c in cells)
    assert [c.value for c in sheet[1]] == ["Region code", "Mall", "Inauguration date", "Agencies", "Services"]
    assert sheet["B2"].value == "'" + HOSTILE and sheet["B2"].data_type == "s"
    assert sheet["B3"].value == "'+62 812"
    assert [sheet[f"A{r}"].value for r in (2, 3, 4)] == ["12.10", "61.03", "31.71"]
    assert all(sheet[f"A{r}"].data_type == "s" for r in (2, 3, 4))
    assert sheet["C2"].is_date and sheet["C2"].value == dt.datetime(2024, 2, 10)
    assert sheet["C3"].value is None
    assert sheet["D3"].value == -3 and sheet["D3"].data_type == "n"
    assert sheet["E2"].value == -1.5 and sheet["E2"].data_type == "n"
    assert sheet.freeze_panes == "A2"


def test_xlsx_never_holds_a_formula_even_in_its_raw_xml():
    content = exports.to_excel_bytes(frame_with_hostile_cells(), "Daftar MPP", "id", STAMP)
    sheet_xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml


def test_the_same_table_gives_the_same_xlsx_bytes_with_the_snapshots_time():
    frame = frame_with_hostile_cells()
    first = exports.to_excel_bytes(frame, "MPP", "id", STAMP)
    assert exports.to_excel_bytes(frame, "MPP", "id", STAMP) == first
    workbook = openpyxl.load_workbook(io.BytesIO(first))
    assert workbook.properties.created == workbook.properties.modified == STAMP
    assert {m.date_time for m in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {(2025, 12, 20, 9, 30, 0)}
    assert exports.to_excel_bytes(frame, "MPP", "id", STAMP + dt.timedelta(days=1)) != first


def test_sheet_titles_excel_refuses_are_made_acceptable():
    assert exports.sheet_title("ATR/BPN") == "ATR-BPN"
    assert exports.sheet_title("a[b]:c*d?e\\f") == "a-b--c-d-e-f"
    assert len(exports.sheet_title("x" * 40)) == 31
