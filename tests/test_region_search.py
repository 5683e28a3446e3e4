"""service.find_region answers as the upload check does (issue 20, point 9): one matcher, saved aliases included."""

from __future__ import annotations

from mpp_data import service
from tests.conftest import ANALYST
from tests.loaders import workbooks as wb

WRITTEN = ["Kota Yogya", "Jogja", "Halsel", "xyz", "Kediri", "Pemkab Sanggau", "Kab. Tanjung Jabung",
           "Pemkab Penajam Paser", "Kab. Sangau", "Sanggau Regency", "Kabupaten Lombok", "Badnung"]  # fmt: skip


def test_the_search_and_the_upload_check_give_the_same_answer_for_every_name(store):
    service.remember_alias(store, "Halsel", "82.04", actor=ANALYST)
    rows = [["Kabupaten/Kota", "Nama MPP", "Status"]] + [[w, f"MPP {i}", "Beroperasi"] for i, w in enumerate(WRITTEN)]
    result = service.ingest_files([wb.xlsx({"MPP": rows})], store, dry_run=True, actor=ANALYST)
    checked = dict(zip(result.malls["mall_name"], result.malls["region_code"], strict=True))
    ambiguous = set(result.issues.loc[result.issues["kind"] == "ambiguous_region", "value"])
    outcomes = {}
    for i, written in enumerate(WRITTEN):
        search = service.find_region(store, written)
        code = checked.get(f"MPP {i}")
        expected = "found" if isinstance(code, str) else "which_one" if written in ambiguous else "not_found"
        assert (search.outcome, search.code) == (expected, code if expected == "found" else None), written
        outcomes[written] = search.outcome
    assert outcomes["Halsel"] == outcomes["Kota Yogya"] == outcomes["Pemkab Sanggau"] == "found"
    assert outcomes["Jogja"] == outcomes["Kediri"] == outcomes["Kab. Tanjung Jabung"] == "which_one"
    assert outcomes["xyz"] == "not_found"


def test_without_the_saved_alias_the_abbreviation_is_not_found_and_nothing_is_guessed(store):
    search = service.find_region(store, "Halsel")
    assert (search.outcome, search.code) == ("not_found", None)
    assert service.find_region(store, "Kediri").suggestions == ("35.06", "35.71")
    assert service.find_region(store, "   ").outcome == "not_found"
