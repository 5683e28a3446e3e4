"""Region names as government offices write them (issue 20, point 12): the body before the name
(``Pemerintah Kabupaten X``, ``Pemkab X``, ``Pemkot X``, ``Pemprov X``) and an official name written
without its last word where that is unique in its province.

The forms are generated from the 514 official names with varied case and punctuation, and the
expected answer for a shortened name is worked out here from the official list itself, so the rule
is measured on every name rather than on a few examples.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mpp_data import service
from mpp_data.present.messages import result_messages
from mpp_data.reference.names import normalise_region_name
from mpp_data.reference.regions import FORMER_PARENT_PROVINCE, RegionMatcher, official_provinces, official_regions
from tests.conftest import ANALYST
from tests.loaders import workbooks as wb


@pytest.fixture(scope="module")
def matcher() -> RegionMatcher:
    return RegionMatcher()


def _bare(name: str) -> str:
    return re.sub(r"^(?:Kabupaten|Kota)(?: Administrasi)? ", "", name)


#: How offices write the body before a kabupaten's / kota's name; ``{}`` is the bare official name.
KABUPATEN_BODIES = ["Pemerintah Kabupaten {}", "PEMKAB. {}", "Pemkab {}", "Pem. Kab. {}", "Pemerintah Daerah Kab. {}",
                    "pemerintah kabupaten {}", "Pemda Kabupaten {}", "MPP Pemkab {}", "DPMPTSP Kabupaten {}",
                    "Pemerintahan Kabupaten {}", "Government of {} Regency", "{} Regency Government"]  # fmt: skip
KOTA_BODIES = ["Pemerintah Kota {}", "PEMKOT {}", "Pemkot. {}", "Pemerintah Kota Adm. {}", "Pemda Kota {}",
               "pemkota {}", "Mal Pelayanan Publik Pemkot {}", "Pemerintah Daerah Kota {}", "Government of {} City"]  # fmt: skip
PROVINCE_BODIES = ["Pemprov {}", "PEMPROV. {}", "Pemerintah Provinsi {}", "Pemerintah Daerah Provinsi {}",
                   "Pemda Provinsi {}", "pemprop {}"]  # fmt: skip


def test_every_official_name_written_with_its_government_body_matches_its_code(matcher):
    wrong = []
    for code, name, kind in official_regions()[["code", "name", "kind"]].itertuples(index=False):
        bodies = KABUPATEN_BODIES if kind == "kabupaten" else KOTA_BODIES
        for body in bodies:
            written = body.format(_bare(name))
            if matcher.match_name(written).code != code:
                wrong.append((written, matcher.match_name(written)))
    assert wrong == []


def test_every_province_written_with_its_government_body_is_a_province_run_mall(matcher):
    for code, name in official_provinces().itertuples(index=False):
        for body in PROVINCE_BODIES:
            match = matcher.match_name(body.format(name))
            assert (match.method, match.code) == ("province", code), body.format(name)
            assert matcher.match_province(body.format(name)) == code


def _shortened() -> list[tuple[str, str, str, str]]:
    """(written, province, kind, code) for every official name of two or more words without its last word."""
    forms = []
    for code, name, kind, province in official_regions()[["code", "name", "kind", "province_code"]].itertuples(
        index=False
    ):
        words = _bare(name).split()
        if len(words) > 1:
            forms.append((" ".join(words[:-1]), province, kind, code))
    return forms


def _expected(written: str, kind: str, province: str | None, regions) -> set[str]:
    """Codes the shortened name can mean: official names of the kind (within the province) that equal
    it, or else that read so without their last word. Spaces do not count (``Labuhan Batu``). A row
    filed under Papua or Papua Barat may name a regency of the provinces split from them in 2022."""
    key = written.replace(" ", "").lower()
    family = {province} | {new for new, old in FORMER_PARENT_PROVINCE.items() if old == province}
    pool = regions[(regions["kind"] == kind) & (regions["province_code"].isin(family) if province else True)]
    bare = pool["name"].map(lambda n: _bare(n).replace(" ", "").lower())
    exact = set(pool["code"][bare == key])
    if exact:
        return exact
    heads = pool["name"].map(lambda n: "".join(_bare(n).split()[:-1]).lower())
    return set(pool["code"][heads == key])


@pytest.mark.parametrize("within_province", [True, False], ids=["in its province", "nationally"])
def test_an_official_name_without_its_last_word_applies_only_where_it_is_unique(matcher, within_province):
    regions = official_regions()
    outcomes = defaultdict(int)
    for written, province, kind, code in _shortened():
        if written.lower() in ("kepulauan", "pulau"):  # a generic word alone names nothing
            continue
        where = province if within_province else None
        expected = _expected(written, kind, where, regions)
        match = matcher.match_name(f"{kind.capitalize()} {written}", where)
        if len(expected) == 1:
            assert match.code == next(iter(expected)), (written, province, match)
            outcomes["matched"] += 1
        else:
            assert match.code is None, (written, province, match)
            assert code in match.candidates, (written, province, match)
            outcomes["asked"] += 1
    assert outcomes["matched"] > 50 and outcomes["asked"] > 20, outcomes  # both sides of the rule are exercised


def test_tanjung_jabung_is_a_question_in_jambi_and_penajam_paser_is_an_answer(matcher):
    assert matcher.match_name("Kabupaten Tanjung Jabung", "15").candidates == ("15.06", "15.07")
    assert matcher.match_name("Tanjung Jabung").code is None
    assert matcher.match_name("Pemkab Penajam Paser").code == "64.09"  # Penajam Paser Utara: the only one
    assert matcher.match_name("Kab. Timor Tengah", "53").candidates == ("53.02", "53.03")


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.text(alphabet="PpEeMmKkAaBbOoTtRrIiNnHh .-", max_size=30))
@example("Pemkab")
@example("Pemerintah Kabupaten")
@example("pemkot ")
def test_normalising_names_with_body_words_is_idempotent_and_never_raises(written):
    once = normalise_region_name(written)
    assert normalise_region_name(once) == once


def test_the_upload_check_and_saved_aliases_read_the_body_too(store):
    service.remember_alias(store, "Pemkab Halsel", "82.04", actor=ANALYST)
    assert store.load_aliases() == {"kabupaten halsel": "82.04"}
    export = wb.xlsx(
        {"MPP": [["Kabupaten/Kota", "Nama MPP", "Status"],
                 ["Pemerintah Kabupaten Sanggau", "MPP Sanggau", "Beroperasi"],
                 ["PEMKOT. Medan", "MPP Medan", "Beroperasi"],
                 ["Pemerintah Daerah Kab. Halsel", "MPP Halsel", "Beroperasi"],
                 ["Kab. Tanjung Jabung", "MPP Tanjab", "Beroperasi"]]}
    )  # fmt: skip
    result = service.ingest_files([export], store, dry_run=True, actor=ANALYST)
    assert result.malls["region_code"].tolist()[:3] == ["61.03", "12.71", "82.04"]
    assert result.malls["region_code"].isna().tolist() == [False, False, False, True]  # asked about, not guessed
    ambiguous = result.issues[result.issues["kind"] == "ambiguous_region"]
    assert ambiguous["value"].tolist() == ["Kab. Tanjung Jabung"]
    (english,) = [m for m in result_messages(result, "en") if "Tanjung Jabung" in m]
    assert "Kabupaten Tanjung Jabung Barat" in english and "Kabupaten Tanjung Jabung Timur" in english
