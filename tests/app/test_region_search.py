"""AppTest: Region search opens only the region asked for (issue 20, point 9); anything else is said
in the reader's language, and no region is opened for it."""

from __future__ import annotations

import pytest

from mpp_data import service
from tests.app.test_rollout_pages import open_page, sample  # noqa: F401 - fixture
from tests.conftest import ANALYST

#: written -> (region opened, or None; words the warning must hold in id, in en)
SEARCHES = {
    "Kota Yogya": ("34.71", None, None),
    "Pemerintah Kota Yogyakarta": ("34.71", None, None),
    "Halsel": ("82.04", None, None),  # saved as an alias below
    "Jogja": (None, "Yang mana: Kota Yogyakarta", "Which one: Kota Yogyakarta"),
    "Kediri": (
        None,
        "Kabupaten Kediri (Jawa Timur) atau Kota Kediri (Jawa Timur)?",
        "Kabupaten Kediri (Jawa Timur) or Kota Kediri (Jawa Timur)?",
    ),  # fmt: skip
    "Kabupaten Tanjung Jabung": (None, "Yang mana: Kabupaten Tanjung Jabung Barat", "Which one: Kabupaten Tanjung"),
    "xyz": (None, "“xyz” tidak ditemukan di daftar resmi", "“xyz” is not in the official list"),
}


def _search(at, written: str):  # the AppTest
    at.text_input(key="region_search").set_value(written).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["id", "en"])
def test_region_search_opens_only_the_region_asked_for(sample, sqlite_url, lang):  # noqa: F811
    service.remember_alias(service.open_store(sqlite_url), "Halsel", "82.04", actor=ANALYST)
    at = open_page("pages/region.py", lang=lang)
    banner = [w.value for w in at.warning]  # the sample data's own notice
    for written, (code, said_id, said_en) in SEARCHES.items():
        _search(at, written)
        said = said_id if lang == "id" else said_en
        if code is not None:
            assert at.selectbox(key=f"region_code_{code}").value == code, written
            assert at.query_params["region"] == code
            assert [w.value for w in at.warning] == banner, written
            assert len(at.markdown) >= 1  # the region's status line drew
        else:
            chooser = at.selectbox(key=f"region_code_asked_{written}")
            assert chooser.value is None, (written, chooser.value)  # nothing opened for a question
            assert [w.value for w in at.warning if said in w.value], (written, [w.value for w in at.warning])
            assert not at.dataframe, "no region's malls are shown"


def test_choosing_one_of_the_suggestions_opens_it(sample):  # noqa: F811
    at = _search(open_page("pages/region.py"), "Kediri")
    chooser = at.selectbox(key="region_code_asked_Kediri")
    assert chooser.options[:2] == ["Kabupaten Kediri (Jawa Timur)", "Kota Kediri (Jawa Timur)"]
    chooser.set_value("35.71").run()
    assert not at.exception
    assert at.query_params["region"] == "35.71"
    assert at.markdown[0].value.startswith("Status per")


def test_a_region_outside_the_province_in_view_is_named_not_replaced(sample):  # noqa: F811
    at = _search(open_page("pages/region.py", province="61"), "Kota Medan")
    assert any("Kota Medan (Sumatera Utara) ada di luar provinsi yang dipilih" in w.value for w in at.warning)
    assert at.selectbox(key="region_code_asked_Kota Medan").value is None
