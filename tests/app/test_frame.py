"""AppTest: the sidebar drawn once by dashboard.py keeps its choices across pages, a link opens its view,
and the one page boundary turns errors into text a person reads."""

from __future__ import annotations

import datetime as dt
import logging
import re

from streamlit.testing.v1 import AppTest

from mpp_data import errors, service
from tests.app.test_rollout_pages import open_page, sample  # noqa: F401 - fixture
from tests.conftest import ROOT


def test_sidebar_choices_survive_switching_pages(sample):  # noqa: F811
    at = open_page()
    at.radio(key="lang").set_value("en").run()
    at.selectbox(key="province").set_value("61").run()
    at.date_input(key="as_of").set_value(dt.date(2023, 6, 30)).run()
    at.switch_page("pages/gaps.py").run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.radio(key="lang").value == "en"
    assert at.selectbox(key="province").value == "61"
    assert at.date_input(key="as_of").value == dt.date(2023, 6, 30)
    assert at.title[0].value == "Regencies/Cities Without an MPP"
    assert "Kalimantan Barat" in at.caption[0].value
    expected = service.gap_list(sample, scope=service.ViewScope(as_of=dt.date(2023, 6, 30), province="61"))
    assert at.dataframe[0].value["code"].tolist() == expected["code"].tolist()
    assert at.query_params["province"] == "61"


def test_a_page_choice_is_kept_when_coming_back_to_the_page(sample):  # noqa: F811
    at = open_page("pages/gaps.py")
    at.text_input(key="gap_search").set_value("Sanggau").run()
    at.switch_page("pages/overview.py").run()
    at.switch_page("pages/gaps.py").run()
    assert not at.exception
    assert at.text_input(key="gap_search").value == "Sanggau"


def test_a_page_link_with_query_parameters_opens_that_page_with_its_view(sample):  # noqa: F811
    """As a browser does with ``/provinces?lang=en&province=61&as_of=2023-01-01``: the page is asked for
    on the very first run."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.query_params.update({"lang": "en", "province": "61", "as_of": "2023-01-01"})
    at.switch_page("pages/provinces.py").run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.title[0].value == "Coverage by Province"
    assert at.radio(key="lang").value == "en"
    assert at.selectbox(key="province").value == "61"
    assert at.date_input(key="as_of").value == dt.date(2023, 1, 1)
    assert at.selectbox(key="province_detail").value == "61"


def _failing(exc: BaseException):
    def fail(*args, **kwargs):
        raise exc

    return fail


def test_an_unexpected_error_shows_an_apology_with_an_id_and_no_traceback(sample, monkeypatch, caplog):  # noqa: F811
    monkeypatch.setitem(service.VIEWS, "gap_list", _failing(RuntimeError("internal detail xyz")))
    with caplog.at_level(logging.ERROR, logger="ui.page"):
        at = open_page("pages/gaps.py")
    (shown,) = at.error
    assert shown.value.startswith("Maaf, terjadi kesalahan yang tidak terduga.")
    error_id = re.search(r"Kode kesalahan: ([0-9a-f]{8})\.", shown.value).group(1)
    page_text = " ".join(str(e.value) for e in [*at.markdown, *at.caption, *at.error, *at.title])
    assert "internal detail xyz" not in page_text and "Traceback" not in page_text
    assert not at.exception
    logged = [r for r in caplog.records if error_id in r.getMessage()]
    assert logged and "internal detail xyz" in str(logged[0].exc_info[1])
    assert not at.dataframe, "nothing after the failing call is drawn"


def test_the_traceback_shows_on_the_page_only_with_mpp_debug(sample, monkeypatch):  # noqa: F811
    monkeypatch.setitem(service.VIEWS, "gap_list", _failing(RuntimeError("internal detail xyz")))
    monkeypatch.setenv("MPP_DEBUG", "1")
    at = _open("pages/gaps.py")  # open_page would fail on the exception shown
    assert any("internal detail xyz" in e.message for e in at.exception)
    assert at.error[0].value.startswith("Maaf, terjadi kesalahan yang tidak terduga.")


def test_a_known_error_shows_its_message(sample, monkeypatch):  # noqa: F811
    monkeypatch.setitem(service.VIEWS, "agency_view", _failing(errors.NoDataError()))
    at = open_page("pages/agencies.py")
    assert [e.value for e in at.error] == ["Belum ada data. Unggah ekspor di halaman Unggah Data."]
    assert not at.exception


def test_an_error_in_a_write_after_the_first_call_is_caught_too(sample, monkeypatch):  # noqa: F811
    """The boundary wraps the whole page: here the work list, drawn after the widgets."""
    monkeypatch.setitem(service.VIEWS, "agency_work_list", _failing(RuntimeError("late failure")))
    at = open_page("pages/agencies.py")
    assert at.error[0].value.startswith("Maaf, terjadi kesalahan yang tidak terduga.")
    assert not at.exception


def _open(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90).run()
    at.switch_page(page).run()
    return at


def test_changing_the_language_keeps_every_choice(sample):  # noqa: F811
    """Streamlit keeps a choice as its label; the labels change with the language."""
    at = open_page("pages/gaps.py")
    at.multiselect(key="gap_stages").set_value(["planned"]).run()
    at.radio(key="lang").set_value("en").run()
    at.switch_page("pages/provinces.py").run()
    assert not at.exception
    assert at.selectbox(key="province").value == ""
    assert "province" not in at.query_params
    assert len(at.dataframe[0].value) == 38
    at.switch_page("pages/gaps.py").run()
    assert at.multiselect(key="gap_stages").value == ["planned"]
    assert set(at.dataframe[0].value["pipeline_status"]) == {"Planned"}


def test_a_link_with_unusable_parameters_says_which_were_ignored(sample):  # noqa: F811
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.query_params.update({"as_of": "garbage", "province": "XX", "lang": "fr", "compare": "1900-01-01"})
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert [w.value for w in at.warning if "tautan" in w.value] == [
        "Bagian tautan ini tidak dapat dipakai dan diabaikan: lang=fr, as_of=garbage, province=XX, "
        "compare=1900\\-01\\-01. Yang ditampilkan adalah pilihan bawaan."  # Markdown source: shows 1900-01-01
    ]
    assert at.radio(key="lang").value == "id"
    assert at.date_input(key="as_of").value == service.default_as_of(sample)
    assert at.selectbox(key="province").value == ""
    # said once: the next run has the defaults in the URL and nothing to warn about
    at.run()
    assert not [w for w in at.warning if "tautan" in w.value]


def test_a_link_in_english_warns_in_english_and_takes_a_province_by_name(sample):  # noqa: F811
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.query_params.update({"lang": "en", "as_of": "2023-13-01", "province": "Kalimantan Barat"})
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert [w.value for w in at.warning if "link" in w.value] == [
        "Part of this link could not be used and was ignored: as_of=2023\\-13\\-01. The default is shown instead."
    ]
    assert at.selectbox(key="province").value == "61"
