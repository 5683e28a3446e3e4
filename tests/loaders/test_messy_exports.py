"""Golden tests: one small messy workbook per quirk, with the rows and issues it must give."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from mpp_data.present.messages import result_messages
from mpp_data.service import IngestResult, ingest_files
from tests.conftest import ANALYST
from tests.loaders import workbooks as wb

TODAY = dt.date(2026, 11, 28)
D = dt.date
HEADER = ["No", "Provinsi", "Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian", "Jumlah Instansi",
          "Jumlah Layanan"]  # fmt: skip


def ingest(*files, store=None, **kwargs) -> IngestResult:
    return ingest_files(list(files), store, today=TODAY, actor=ANALYST, **kwargs)


def loaded(result: IngestResult, columns=("region_code", "mall_name", "status", "inaugurated_on")) -> pd.DataFrame:
    keep = result.malls[~result.malls["rejected"] & ~result.malls["duplicate"]]
    return keep[list(columns)].reset_index(drop=True)


def issues(result: IngestResult) -> list[tuple]:
    """Problems to look at: errors and warnings (skipped layout rows are listed by ``skipped``)."""
    return [(i["sheet"], i["row"], i["column"], i["kind"], i["severity"]) for i in result.issues.to_dict("records")
            if i["severity"] != "info"]  # fmt: skip


def skipped(result: IngestResult) -> list[tuple]:
    """The information lines on skipped layout rows: (sheet, reason, rows skipped for it, rows named)."""
    found = result.issues[result.issues["kind"] == "rows_skipped"].to_dict("records")
    assert all(i["severity"] == "info" for i in found)
    return [(i["sheet"], i["params"]["variant"], i["params"]["count"], i["params"]["rows"]) for i in found]


def expected(rows, columns=("region_code", "mall_name", "status", "inaugurated_on")) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns))


def test_title_rows_merged_title_blank_rows_and_a_total_row():
    file = wb.xlsx(
        {"Rekap": [
            ["REKAPITULASI MAL PELAYANAN PUBLIK"], ["Keadaan per 30 Juni 2024"], [], HEADER,
            [1, "Kalimantan Barat", "Kab. Sanggau", "MPP Kabupaten Sanggau", "Beroperasi", D(2024, 6, 24), 31, 210],
            [],
            [2, "Jawa Barat", "Depok City", "MPP Kota Depok", "Dalam Pembangunan", None, None, None],
            [None, "TOTAL", None, None, None, None, 31, 210],
        ]},
        merges={"Rekap": ["A1:H1"]},
    )  # fmt: skip
    result = ingest(file)
    assert issues(result) == []
    pd.testing.assert_frame_equal(
        loaded(result),
        expected(
            [
                ("61.03", "MPP Kabupaten Sanggau", "operating", D(2024, 6, 24)),
                ("32.76", "MPP Kota Depok", "under_construction", None),
            ]
        ),  # fmt: skip
    )
    assert result.sheets[0].header_rows == (4,)
    assert result.counts == {"rows_read": 4, "rows_loaded": 2, "rows_rejected": 0, "rows_skipped": 2}
    assert skipped(result) == [("Rekap", "total", 1, "8"), ("Rekap", "blank", 1, "6")]


def test_two_row_header_with_merged_group_cells():
    file = wb.xlsx(
        {"MPP": [
            ["Daftar MPP 2024"],
            ["No", "Kabupaten/Kota", "Tanggal", None, "Jumlah", None],
            [None, None, "Peresmian", "Soft Launch", "Instansi", "Layanan"],
            [1, "Kabupaten Siak", "24 Juni 2024", "1 Mei 2024", 25, "180"],
        ]},
        merges={"MPP": ["B2:B3", "C2:D2", "E2:F2"]},
    )  # fmt: skip
    result = ingest(file)
    assert issues(result) == []
    assert result.sheets[0].header_rows == (2, 3)
    pd.testing.assert_frame_equal(
        loaded(result, ["region_code", "mall_name", "status", "inaugurated_on", "agencies", "services"]),
        expected(
            [("14.08", "MPP Kabupaten Siak", "operating", D(2024, 6, 24), 25, 180)],
            ["region_code", "mall_name", "status", "inaugurated_on", "agencies", "services"],
        ),
        check_dtype=False,
    )


def test_a_group_row_above_a_complete_header_is_not_taken_for_part_of_it():
    file = wb.xlsx(
        {"MPP": [
            ["No", "Lokasi", None, "MPP", None],
            [None, "Provinsi", "Kabupaten/Kota", "Nama", "Tanggal Peresmian"],
            [1, "Riau", "Kabupaten Siak", "Mal Pelayanan Publik Kabupaten Siak", "24 Juni 2024"],
        ]},
        merges={"MPP": ["B1:C1", "D1:E1"]},
    )  # fmt: skip
    result = ingest(file)
    assert issues(result) == []
    pd.testing.assert_frame_equal(
        loaded(result), expected([("14.08", "Mal Pelayanan Publik Kabupaten Siak", "operating", D(2024, 6, 24))])
    )


def test_english_headers_and_every_date_form():
    rows = [["Province", "Regency/City", "Mall name", "Status", "Inauguration date", "Number of agencies"]]
    rows += [
        ["West Java", "Bekasi Regency", "MPP Bekasi", "Operating", "24 June 2024", "1.234"],
        ["Bali", "Badung Regency", "MPP Badung", "Inaugurated", 45467, "12"],
        ["Riau", "Pekanbaru City", "MPP Pekanbaru", "Soft launch", "2024-06-24", 7],
        ["Aceh", "Banda Aceh City", "MPP Banda Aceh", "Operasional", "24/06/2024", None],
        ["Jambi", "Kota Jambi", "MPP Jambi", "Beroperasi", "24-06-24", None],
        ["Bengkulu", "Kota Bengkulu", "MPP Bengkulu", "Beroperasi", "19 Des 2024", None],
        ["Lampung", "Kota Metro", "MPP Metro", "Beroperasi", "17 Agt 2023", None],
    ]
    result = ingest(wb.xlsx({"Malls": rows}))
    assert issues(result) == []
    dates = loaded(result)["inaugurated_on"].tolist()
    assert dates == [D(2024, 6, 24)] * 5 + [D(2024, 12, 19), D(2023, 8, 17)]
    assert loaded(result, ["agencies"])["agencies"].tolist()[:3] == [1234, 12, 7]


def test_statuses_and_a_past_date_without_status():
    rows = [HEADER[1:6]] + [
        ["Jawa Timur", "Kota Malang", "MPP Kota Malang", "Diresmikan", None],
        ["Jawa Timur", "Kabupaten Malang", "MPP Kab. Malang", "Konstruksi", None],
        ["Jawa Timur", "Kota Batu", "MPP Kota Batu", "Ditunda", None],
        ["Jawa Timur", "Kota Kediri", "MPP Kota Kediri", None, D(2020, 1, 2)],
        ["Jawa Timur", "Kabupaten Kediri", "MPP Kab. Kediri", None, None],
    ]
    result = ingest(wb.xlsx({"MPP": rows}))
    assert issues(result) == []
    assert loaded(result)["status"].tolist() == ["operating", "under_construction", "planned", "operating", "planned"]


def test_region_names_are_matched_reported_or_suggested():
    rows = [HEADER[1:5]] + [
        ["Kalimantan Barat", "KAB SANGGAU", "MPP Sanggau", "Beroperasi"],        # row 2: matched
        [None, "Bogor", "MPP Bogor", "Beroperasi"],                               # row 3: ambiguous
        [None, "Bogor", "MPP Kota Bogor", "Beroperasi"],                          # row 4: the mall name settles it
        [None, "Kab. Sangau", "MPP Sangau", "Beroperasi"],                        # row 5: suggestion only
        ["Jawa Tengah", "Kota Depok", "MPP Depok", "Beroperasi"],                 # row 6: wrong province
        ["Papua", "Kabupaten Merauke", "MPP Merauke", "Beroperasi"],              # row 7: former parent province
        ["DKI Jakarta", "Provinsi DKI Jakarta", "MPP DKI Jakarta", "Beroperasi"], # row 8: province-run mall
        [None, None, None, "Beroperasi"],                                         # row 9: no region at all
        [None, "Kota Adm. Jakarta Selatan", None, "Beroperasi"],                  # row 10: no mall name
    ]  # fmt: skip
    result = ingest(wb.xlsx({"MPP": rows}))
    assert issues(result) == [
        ("MPP", 3, "Kabupaten/Kota", "ambiguous_region", "error"),
        ("MPP", 5, "Kabupaten/Kota", "unknown_region", "error"),
        ("MPP", 6, "Provinsi", "province_mismatch", "error"),
        ("MPP", 7, "Provinsi", "former_province", "warning"),
        ("MPP", 9, "Kabupaten/Kota", "missing_region", "error"),
    ]
    found = result.issues.set_index("row")
    assert found.loc[3, "candidates"] == ["32.01", "32.71"]
    assert found.loc[5, "candidates"][0] == "61.03"
    assert "Mungkin maksudnya: Kabupaten Sanggau" in result_messages(result, "id")[1]
    assert [c if isinstance(c, str) else None for c in result.malls["region_code"]] == [
        "61.03",
        None,
        "32.71",
        None,
        None,
        "93.01",
        "31",
        None,
        "31.74",
    ]
    assert result.malls["mall_name"].iloc[-1] == "MPP Kota Administrasi Jakarta Selatan"
    assert result.has_errors
    assert result.counts["rows_rejected"] == 4


def test_bad_values_are_reported_with_their_cells():
    rows = [HEADER] + [
        [1, "Riau", "Kabupaten Siak", "MPP Siak", "Beroperasi", "besok", -3, "banyak"],
        [2, "Riau", "Kota Dumai", "MPP Dumai", "Beroperasi", D(2029, 1, 1), 10, 100],
        [3, "Riau", "Kabupaten Kampar", "MPP Kampar", "entah", None, None, None],
    ]
    result = ingest(wb.xlsx({"MPP": rows}))
    assert issues(result) == [
        ("MPP", 2, "Tanggal Peresmian", "bad_date", "error"),
        ("MPP", 2, "Jumlah Instansi", "negative_number", "error"),
        ("MPP", 2, "Jumlah Layanan", "bad_number", "error"),
        ("MPP", 3, "Tanggal Peresmian", "future_date", "error"),
        ("MPP", 4, "Status", "bad_status", "error"),
    ]
    english = result_messages(result, "en")
    assert english[0] == (
        "Date “besok” (sheet MPP, row 2, column Tanggal Peresmian) cannot be read. Write it like 24/06/2024 or "
        "24 June 2024."
    )


def test_exact_repeat_loads_once_and_a_conflicting_repeat_is_an_error():
    rows = [HEADER[2:6]] + [
        ["Kota Medan", "MPP Kota Medan", "Beroperasi", D(2019, 3, 1)],
        ["Kota Medan", "MPP Kota Medan", "Beroperasi", D(2019, 3, 1)],
        ["Kota Binjai", "MPP Kota Binjai", "Beroperasi", D(2020, 3, 1)],
        ["Kota Binjai", "MPP Kota Binjai", "Beroperasi", D(2021, 3, 1)],
    ]
    result = ingest(wb.xlsx({"MPP": rows}))
    assert issues(result) == [
        ("MPP", 3, "Nama MPP", "duplicate_mall", "warning"),
        ("MPP", 5, "Nama MPP", "duplicate_mall", "error"),
    ]
    assert loaded(result)["mall_name"].tolist() == ["MPP Kota Medan"]
    assert result.counts == {"rows_read": 4, "rows_loaded": 1, "rows_rejected": 2, "rows_skipped": 1}


def test_header_repeated_on_each_printed_page_is_skipped():
    rows = [
        HEADER[2:5],
        ["Kota Medan", "MPP Medan", "Beroperasi"],
        HEADER[2:5],
        ["Kota Binjai", "MPP Binjai", "Rencana"],
    ]
    result = ingest(wb.xlsx({"MPP": rows}))
    assert issues(result) == []
    assert len(loaded(result)) == 2
    assert result.counts["rows_skipped"] == 1
    assert skipped(result) == [("MPP", "repeated_header", 1, "3")]


MALL_ROWS = [["Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"],
             ["Kota Palangka Raya", "MPP Palangkaraya", "Beroperasi", "24 Juni 2024"],
             ["Kabupaten Toli-Toli", "MPP Tolitoli", "Dalam Pembangunan", None]]  # fmt: skip
MALL_EXPECTED = expected([("62.71", "MPP Palangkaraya", "operating", D(2024, 6, 24)),
                          ("72.04", "MPP Tolitoli", "under_construction", None)])  # fmt: skip


@pytest.mark.parametrize(
    "file",
    [
        pytest.param(wb.xlsx({"MPP": MALL_ROWS}), id="xlsx"),
        pytest.param(wb.xlsx({"MPP": MALL_ROWS}, name="mpp.xlsm"), id="xlsm"),
        pytest.param(wb.xls(MALL_ROWS), id="xls"),
        pytest.param(wb.ods(MALL_ROWS), id="ods"),
        pytest.param(wb.csv_file(MALL_ROWS), id="csv-comma-utf8"),
        pytest.param(wb.csv_file(MALL_ROWS, encoding="utf-8-sig"), id="csv-utf8-bom"),
        pytest.param(wb.csv_file(MALL_ROWS, delimiter=";", encoding="cp1252"), id="csv-semicolon-cp1252"),
    ],
)
def test_every_format_gives_the_same_rows(file):
    result = ingest(file)
    assert issues(result) == []
    pd.testing.assert_frame_equal(loaded(result), MALL_EXPECTED)


def test_windows_1252_text_survives():
    rows = [
        ["Kabupaten/Kota", "Nama MPP", "Status", "Keterangan"],
        ["Kota Depok", "MPP Depok – Margonda", "Beroperasi", "café"],
    ]
    result = ingest(wb.csv_file(rows, delimiter=";", encoding="cp1252"))
    assert loaded(result)["mall_name"].tolist() == ["MPP Depok – Margonda"]


def test_participation_wide_grid_of_marks_with_abbreviations():
    rows = [
        ["KEIKUTSERTAAN INSTANSI"],
        ["No", "Kabupaten/Kota", "Nama MPP", "BPJS Kes", "BPJS TK", "Polres", "Kantor Pertanahan", "KPP Pratama",
         "Bank BRI", "PDAM"],
        [1, "Kota Depok", "MPP Depok", "✓", "v", "x", None, "Ya", 1, "-"],
        [2, "Kabupaten Siak", "MPP Siak", "1", "", "Ada", "✓", 0, None, "✓"],
    ]  # fmt: skip
    result = ingest(wb.xlsx({"Instansi": rows}))
    assert issues(result) == []
    part = result.participation
    depok = part[part["region_code"] == "32.76"].set_index("agency")["present"].to_dict()
    assert depok == {"bpjs_kesehatan": True, "bpjs_ketenagakerjaan": True, "polri": True, "atr_bpn": False,
                     "kemenkeu": True, "Bank BRI": True, "PDAM": False}  # fmt: skip
    categories = part.drop_duplicates("agency").set_index("agency")["category"].to_dict()
    assert categories["Bank BRI"] == "bumn"
    assert categories["PDAM"] == "bumd"
    assert categories["polri"] == "kementerian_lembaga"


def test_participation_long_form_with_service_counts_and_other_tenants():
    rows = [
        ["Kabupaten/Kota", "Nama MPP", "Instansi", "Jumlah Layanan", "Keterangan"],
        ["Kota Depok", "MPP Depok", "Kantor Imigrasi Depok", 3, None],
        ["Kota Depok", "MPP Depok", "Samsat Depok", "5", None],
        ["Kota Depok", "MPP Depok", "Dinas Kependudukan dan Pencatatan Sipil", 12, None],
        ["Kota Depok", "MPP Depok", "Gerai Serba Ada", 1, None],
        ["Kota Depok", "MPP Depok", "Toko Roti Jaya", 1, None],
    ]
    result = ingest(wb.xlsx({"Tenant": rows}))
    assert issues(result) == [("Tenant", 5, "Instansi", "unknown_agency", "warning")]
    part = result.participation
    assert part["agency"].tolist() == ["kemenkumham", "polri", "kemendagri", "Gerai Serba Ada", "Toko Roti Jaya"]
    assert part["category"].tolist()[3:] == ["lainnya", "swasta"]
    assert part["services"].tolist() == [3, 5, 12, 1, 1]
    assert part["present"].all()


def test_several_sheets_are_read_one_by_one_and_an_unknown_sheet_is_reported():
    file = wb.xlsx({
        "MPP": MALL_ROWS,
        "Instansi": [["Kabupaten/Kota", "Polri", "BPJS Kesehatan", "BNN"], ["Kota Palangka Raya", "✓", "✓", None]],
        "Catatan": [["Data ini disusun oleh Tim Kerja"], ["Hubungi kami untuk koreksi"]],
    })  # fmt: skip
    result = ingest(file)
    assert [(s.sheet, s.kind) for s in result.sheets] == [("MPP", "malls"), ("Instansi", "participation_wide")]
    assert issues(result) == [("Catatan", None, None, "no_table_found", "warning")]
    assert result.participation["mall_name"].isna().all()
