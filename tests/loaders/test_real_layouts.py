"""Golden tests: layouts as ministry and regional offices print them (issue #13). Each workbook holds one
kind of layout row that carries no mall; it is skipped and reported by reason, and the malls load."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from mpp_data.present.messages import result_messages
from tests.loaders import workbooks as wb
from tests.loaders.test_messy_exports import HEADER, expected, ingest, issues, loaded, skipped

D = dt.date
SANGGAU = [1, "Kalimantan Barat", "Kab. Sanggau", "MPP Kabupaten Sanggau", "Beroperasi", D(2024, 6, 24), 31, 210]
DEPOK = [2, "Jawa Barat", "Kota Depok", "MPP Kota Depok", "Dalam Pembangunan", None, None, None]
BATU = [3, "Jawa Timur", "Kota Batu", "MPP Kota Batu", "Beroperasi", D(2023, 3, 1), 20, 150]
MALLS = expected([
    ("61.03", "MPP Kabupaten Sanggau", "operating", D(2024, 6, 24)),
    ("32.76", "MPP Kota Depok", "under_construction", None),
    ("35.79", "MPP Kota Batu", "operating", D(2023, 3, 1)),
])  # fmt: skip


def check(rows, reasons, malls=MALLS, sheet="MPP"):
    result = ingest(wb.xlsx({sheet: rows}))
    assert issues(result) == []
    pd.testing.assert_frame_equal(loaded(result), malls)
    assert skipped(result) == [(sheet, *r) for r in reasons]
    assert result.counts["rows_skipped"] == sum(r[1] for r in reasons)
    return result


def test_column_number_rows_in_brackets_or_plain_are_skipped():
    check([HEADER, [f"({i})" for i in range(1, 9)], SANGGAU, DEPOK, BATU], [("column_numbers", 1, "2")])
    check([HEADER, list(range(1, 9)), SANGGAU, DEPOK, BATU], [("column_numbers", 1, "2")])
    # Merged header cells leave gaps in the numbering: the numbers still count the columns.
    check([HEADER, [1, 2, None, 4, 5, None, 7, 8], SANGGAU, DEPOK, BATU], [("column_numbers", 1, "2")])


def test_a_units_row_under_the_header_is_skipped():
    units = [None, None, None, None, "(tahap)", "(dd/mm/yyyy)", "(instansi)", "(layanan)"]
    check([HEADER, units, SANGGAU, DEPOK, BATU], [("units", 1, "2")])


def test_headers_and_column_numbers_repeated_on_each_printed_page_are_skipped():
    numbers = [f"({i})" for i in range(1, 9)]
    rows = [HEADER, numbers, SANGGAU, DEPOK, HEADER, numbers, BATU]
    check(rows, [("column_numbers", 2, "2, 6"), ("repeated_header", 1, "5")])


def test_subtotal_and_total_rows_are_skipped():
    rows = [
        HEADER, SANGGAU,
        [None, "Sub Total", None, None, None, None, 31, 210],
        DEPOK, BATU,
        [None, "Total Provinsi Jawa Timur", None, None, None, None, 20, 150],
        ["Jumlah", None, None, None, None, None, 51, 360],
        [None, None, "JUMLAH TOTAL", None, None, None, 51, 360],
    ]  # fmt: skip
    check(rows, [("total", 4, "3, 6, 7, 8")])


def test_notes_and_legends_below_and_beside_the_table_are_skipped():
    rows = [
        HEADER, [*SANGGAU, None, "Ket: data sementara"], DEPOK, BATU, [],
        ["Keterangan:"],
        [None, "- Status per 30 Juni 2024"],
        ["Sumber: Kementerian PANRB, diolah"],
        ["*) Status per Desember 2024"],
        ["Catatan: MPP Kota Depok menunggu gedung baru"],
    ]  # fmt: skip
    check(rows, [("note", 5, "6, 7, 8, 9, 10"), ("blank", 1, "5")])


def test_a_legend_under_a_participation_grid_is_skipped():
    rows = [
        ["No", "Kabupaten/Kota", "Nama MPP", "Polri", "BPJS Kesehatan", "BNN"],
        [1, "Kota Depok", "MPP Depok", "v", "v", "-"],
        [2, "Kabupaten Siak", "MPP Siak", "-", "v", "v"],
        [],
        ["Ket: v = bergabung; - = belum"],
        [None, "v", "= bergabung"],
        [None, "-", "= belum"],
    ]
    result = ingest(wb.xlsx({"Instansi": rows}))
    assert issues(result) == []
    present = result.participation.groupby("region_code")["present"].sum().to_dict()
    assert present == {"14.08": 2, "32.76": 2}
    assert skipped(result) == [("Instansi", "note", 3, "5, 6, 7"), ("Instansi", "blank", 1, "4")]


def test_a_total_column_and_a_legend_beside_a_participation_grid_are_not_tenants():
    rows = [
        ["No", "Kabupaten/Kota", "Polri", "BPJS Kesehatan", "BNN", "Bank BRI", "Jumlah", None, "Ket:"],
        [1, "Kota Depok", "v", "v", "-", "v", 3, None, "v = bergabung"],
        [2, "Kabupaten Siak", "-", "v", "v", "-", 2, None, "- = belum"],
    ]
    result = ingest(wb.xlsx({"Instansi": rows}))
    assert issues(result) == []
    assert sorted(set(result.participation["agency"])) == ["Bank BRI", "bnn", "bpjs_kesehatan", "polri"]


def test_a_signature_block_is_skipped():
    rows = [
        HEADER, SANGGAU, DEPOK, BATU, [],
        [None, None, None, None, None, "Jakarta, 12 Desember 2024"],
        [None, None, None, None, None, "Plt. Deputi Bidang Pelayanan Publik"],
        [None, "Mengetahui,", None, None, None, "Kepala Dinas Penanaman Modal dan PTSP"],
        [None, None, None, None, None, "ttd"],
        [],
        [None, None, None, None, None, "Dr. Ir. Budi Santoso, M.Si."],
        [None, None, None, None, None, "NIP. 19700101 199503 1 001"],
    ]  # fmt: skip
    check(rows, [("signature", 6, "6, 7, 8, 9, 11, 12"), ("blank", 2, "5, 10")])


def test_blank_separator_rows_are_skipped():
    check([HEADER, [], SANGGAU, [None] * 8, DEPOK, ["", " ", None], BATU], [("blank", 3, "2, 4, 6")])


def test_a_mall_row_that_starts_with_a_number_or_a_total_word_is_kept():
    rows = [
        ["Kode", "Kabupaten/Kota", "Nama MPP", "Status"],
        ["35.79", "Kota Batu", "MPP Kota Batu", "Beroperasi"],
        [None, "Kota Malang", "Jumlah Layanan Terpadu MPP Kota Malang", None],
        [None, "Kota Madiun", "Jumlah Pelayanan Publik Kota Madiun", "Beroperasi"],
        [None, "Kota Kediri", "MPP Jumlah Layanan Kota Kediri", None],
        [None, "Total", None, None],
    ]
    result = ingest(wb.xlsx({"MPP": rows}))
    assert issues(result) == []
    pd.testing.assert_frame_equal(
        loaded(result, ["region_code", "mall_name"]),
        expected(
            [("35.79", "MPP Kota Batu"), ("35.73", "Jumlah Layanan Terpadu MPP Kota Malang"),
             ("35.77", "Jumlah Pelayanan Publik Kota Madiun"), ("35.71", "MPP Jumlah Layanan Kota Kediri")],
            ["region_code", "mall_name"],
        ),
    )  # fmt: skip
    assert skipped(result) == [("MPP", "total", 1, "6")]


def test_a_mall_named_with_a_total_word_and_no_region_column_is_kept_and_checked_not_skipped():
    rows = [["Nama MPP", "Status"], ["MPP Kota Batu", "Beroperasi"], ["Jumlah Layanan Terpadu MPP Kota Malang", None],
            ["Jumlah", None]]  # fmt: skip
    result = ingest(wb.xlsx({"MPP": rows}))
    assert result.malls["row"].tolist() == [2, 3]
    assert skipped(result) == [("MPP", "total", 1, "4")]


def test_a_row_with_only_a_status_still_reports_its_missing_region():
    rows = [["Kabupaten/Kota", "Nama MPP", "Status"], ["Kota Batu", "MPP Kota Batu", "Beroperasi"],
            [None, None, "Beroperasi"], ["Ket: lihat lampiran"]]  # fmt: skip
    result = ingest(wb.xlsx({"MPP": rows}))
    assert issues(result) == [("MPP", 3, "Kabupaten/Kota", "missing_region", "error")]
    assert skipped(result) == [("MPP", "note", 1, "4")]


def test_skipped_rows_are_reported_in_both_languages_as_information():
    result = check([HEADER, [f"({i})" for i in range(1, 9)], SANGGAU, DEPOK, BATU], [("column_numbers", 1, "2")])
    assert result_messages(result, "en") == ["1 column-number rows ((1) (2) (3) …) skipped in sheet MPP (rows 2)."]
    assert result_messages(result, "id") == ["1 baris nomor kolom ((1) (2) (3) …) dilewati di sheet MPP (baris 2)."]
    assert not result.has_errors and result.exit_code == 0
