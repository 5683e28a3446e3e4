"""Golden tests: region and province cells as real exports write them, one tiny workbook per class (issue 13)."""

from __future__ import annotations

import pandas as pd

from mpp_data.service import ingest_files
from tests.conftest import ANALYST
from tests.loaders import workbooks as wb

HEADER = ["Provinsi", "Kabupaten/Kota", "Nama MPP", "Status"]


def ingest(rows):
    return ingest_files([wb.xlsx({"MPP": [HEADER, *rows]})], None, actor=ANALYST)


def codes_and_issues(result) -> tuple[list, list]:
    codes = [c if isinstance(c, str) else None for c in result.malls["region_code"]]
    return codes, [(i["row"], i["column"], i["kind"]) for i in result.issues.to_dict("records")]


def test_mall_words_in_the_region_column_and_in_the_mall_name_are_stripped():
    result = ingest([
        [None, "MPP Kota Medan", "MPP Medan", "Beroperasi"],
        [None, "MPP Kab. Siak", "MPP Siak", "Beroperasi"],
        [None, "Mal Pelayanan Publik Banyuwangi", "MPP Banyuwangi", "Beroperasi"],
        [None, "Mall Pelayanan Publik (MPP) Kota Batam", "MPP Batam", "Beroperasi"],
        [None, None, "Mall Pelayanan Publik (MPP) Kabupaten Sleman", "Beroperasi"],
    ])  # fmt: skip
    assert codes_and_issues(result) == (["12.71", "14.08", "35.10", "21.71", "34.04"], [])


def test_english_forms_and_their_misspellings():
    result = ingest([
        [None, "City of Depok", "MPP 1", "Beroperasi"],
        [None, "City Bekasi", "MPP 2", "Beroperasi"],
        [None, "Regency of Badung", "MPP 3", "Beroperasi"],
        [None, "North Lombok Regency", "MPP 4", "Beroperasi"],
        [None, "Meranti Islands Regency", "MPP 5", "Beroperasi"],
        [None, "Sleman Regecny", "MPP 6", "Beroperasi"],
        [None, "Tidore Islands City", "MPP 7", "Beroperasi"],
    ])  # fmt: skip
    assert codes_and_issues(result) == (["32.76", "32.75", "51.03", "52.08", "14.10", "34.04", "82.72"], [])


def test_type_words_after_the_name_old_and_misspelled():
    result = ingest([
        [None, "Bogor Kota", "MPP 1", "Beroperasi"],
        [None, "Kediri, Kab.", "MPP 2", "Beroperasi"],
        [None, "Kabupatn Garut", "MPP 3", "Beroperasi"],
        [None, "Kabuaten Sleman", "MPP 4", "Beroperasi"],
        [None, "Kotamadya Surabaya", "MPP 5", "Beroperasi"],
        [None, "Kt. Makassar", "MPP 6", "Beroperasi"],
        [None, "Lima Puluh Kota", "MPP 7", "Beroperasi"],  # a kabupaten whose name ends in "Kota"
    ])  # fmt: skip
    assert codes_and_issues(result) == (["32.71", "35.06", "32.05", "34.04", "35.78", "73.71", "13.07"], [])


def test_one_slip_in_a_short_name_matches_within_its_province_and_is_only_a_question_without_it():
    result = ingest([
        ["Jawa Timur", "Kota Bato", "MPP 1", "Beroperasi"],
        ["Sulteng", "Kab. Sigii", "MPP 2", "Beroperasi"],
        [None, "Kota Bato", "MPP 3", "Beroperasi"],
        ["Jateng", "Kab. Pemarang", "MPP 4", "Beroperasi"],  # one slip from Semarang and from Pemalang
        [None, "Kabupaten Badnung", "MPP 5", "Beroperasi"],  # Bandung or Badung
    ])  # fmt: skip
    codes, found = codes_and_issues(result)
    assert codes == ["35.79", "72.10", None, None, None]
    assert found == [(4, "Kabupaten/Kota", "unknown_region"), (5, "Kabupaten/Kota", "unknown_region"),
                     (6, "Kabupaten/Kota", "unknown_region")]  # fmt: skip
    candidates = result.issues.set_index("row")["candidates"]
    assert candidates[4] == ["35.79"], "the slip is still suggested"
    assert candidates[5] == ["33.22", "33.27"]  # Kabupaten Semarang, Kabupaten Pemalang
    assert {"32.04", "51.03"} <= set(candidates[6])


def test_province_cells_read_abbreviations_and_english_names():
    rows = [
        ["Jatim", "Kota Malang", "MPP 1", "Beroperasi"],
        ["Jabar", "Kota Bogor", "MPP 2", "Beroperasi"],
        ["Kalbar", "Sanggau", "MPP 3", "Beroperasi"],
        ["Sulsel", "Kab. Gowa", "MPP 4", "Beroperasi"],
        ["NTT", "Kupang City", "MPP 5", "Beroperasi"],
        ["Babel", "Pangkal Pinang", "MPP 6", "Beroperasi"],
        ["Kepri", "Kota Batam", "MPP 7", "Beroperasi"],
        ["DIY", "Kota Yogyakarta", "MPP 8", "Beroperasi"],
        ["West Java", "Kota Depok", "MPP 9", "Beroperasi"],
        ["East Nusa Tenggara", "Kab. Ende", "MPP 10", "Beroperasi"],
        ["Special Region of Yogyakarta", "Kab. Bantul", "MPP 11", "Beroperasi"],
        ["Bangka Belitung Islands", "Kab. Bangka", "MPP 12", "Beroperasi"],
        ["Riau Islands", "Kab. Bintan", "MPP 13", "Beroperasi"],
        ["North Sumatra", "Kota Medan", "MPP 14", "Beroperasi"],
        ["Jakarta", "Jakarta Selatan", "MPP 15", "Beroperasi"],
        ["Papua Barat Daya", "Kota Sorong", "MPP 16", "Beroperasi"],
        ["Kaltara", "Kota Tarakan", "MPP 17", "Beroperasi"],
    ]
    result = ingest(rows)
    assert codes_and_issues(result) == (
        ["35.73", "32.71", "61.03", "73.06", "53.71", "19.71", "21.71", "34.71", "32.76", "53.08", "34.02",
         "19.01", "21.01", "12.71", "31.74", "96.71", "65.71"],
        [],
    )  # fmt: skip


def test_a_former_parent_province_written_short_stays_a_warning():
    result = ingest([
        ["Pabar", "Kab. Tambrauw", "MPP 1", "Beroperasi"],  # moved to Papua Barat Daya in 2022
        ["Papua", "Mimika", "MPP 2", "Beroperasi"],
        ["Jatim", "Kota Depok", "MPP 3", "Beroperasi"],  # a real mismatch stays an error
    ])  # fmt: skip
    codes, found = codes_and_issues(result)
    assert codes == ["96.04", "94.04", None]
    assert found == [(2, "Provinsi", "former_province"), (3, "Provinsi", "former_province"),
                     (4, "Provinsi", "province_mismatch")]  # fmt: skip
    assert pd.Series(result.issues["severity"]).tolist() == ["warning", "warning", "error"]
