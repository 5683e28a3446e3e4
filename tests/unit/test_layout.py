"""Telling layout rows from malls by their first cell (pure)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mpp_data.ingest.layout import lead_kind


@pytest.mark.parametrize(
    ("cell", "kind"),
    [
        ("(1)", "number"), ("[3]", "number"), (7, "number"), (7.0, "number"), ("12.", "number"),
        ("Jumlah", "total"), ("SUB TOTAL", "total"), ("Sub-total", "total"), ("Total Provinsi Jawa Timur", "total"),
        ("Ket: v = bergabung", "note"), ("Keterangan", "note"), ("Keterangan:", "note"), ("CATATAN :", "note"),
        ("Sumber: BPS", "note"), ("*) Status per Desember 2024", "note"), ("(*) data sementara", "note"),
        ("1) data sementara", "note"), ("NB: lihat lampiran", "note"),
        ("Jakarta, 12 Desember 2024", "signature"), ("Pontianak,  3 Jan 2025", "signature"),
        ("Kepala Dinas Penanaman Modal dan PTSP", "signature"), ("Plt. Deputi Bidang Pelayanan Publik", "signature"),
        ("ttd", "signature"), ("TTD.", "signature"), ("NIP. 19700101 199503 1 001", "signature"),
        ("Mengetahui,", "signature"), ("a.n. Menteri", "signature"),
        ("(orang)", "units"), ("dd/mm/yyyy", "units"), ("(instansi)", "units"),
        ("Kota Medan", None), ("MPP Kota Batu", None), ("Kabupaten Kepulauan Seribu", None), ("Beroperasi", None),
        ("Kota Jakarta Selatan, DKI", None), (2024, None), (45467, None), (True, None), (None, None), ("", None),
    ],
)  # fmt: skip
def test_a_first_cell_says_which_layout_row_it_starts(cell, kind):
    assert lead_kind(cell) == kind


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none()))
def test_lead_kind_never_raises(value):
    assert lead_kind(value) in (None, "number", "units", "total", "note", "signature")
