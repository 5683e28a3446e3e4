from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mpp_data.ingest.tables import fold_header
from mpp_data.reference.agencies import match_agency
from mpp_data.reference.names import fold_text, split_region_name


def test_fold_text_drops_accents_case_and_punctuation():
    assert fold_text("  Kab. POHUWATÓ -- (Gorontalo) ") == "kab pohuwato gorontalo"
    assert fold_text("Kantor Pertanahan Kab. Siak") == "kantor pertanahan kab siak"


def test_fold_text_keeps_only_the_characters_asked_for():
    assert fold_text("No. #") == "no"
    assert fold_text("No. #", keep="#") == "no #"


@given(st.text())
def test_fold_text_is_idempotent_and_plain_ascii(text):
    folded = fold_text(text)
    assert fold_text(folded) == folded
    assert folded.isascii()
    assert folded == folded.strip()
    assert "  " not in folded


def test_headers_agencies_and_regions_fold_alike():
    assert fold_header("Tánggal  Peresmian #") == fold_text("Tánggal  Peresmian #", keep="#") == "tanggal peresmian #"
    assert match_agency("KÉMENKEU") == match_agency("kemenkeu") == "kemenkeu"
    assert split_region_name("Kab. Pohuwató") == ("kabupaten", "pohuwato")
