"""AppTest for the rollout pages: headline numbers equal mpp_data's, and follow the as-of date."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from mpp_data import service
from mpp_data.analysis import metrics
from mpp_data.present.text import format_number
from mpp_data.reference.regions import official_regions
from tests.app.signing import open_app
from tests.conftest import ROOT

LATEST = dt.date(2025, 12, 31)  # the sample's data date ("Keadaan per 31 Desember 2025"): pages open on it
EARLIER = dt.date(2023, 6, 30)


@pytest.fixture
def sample(sqlite_url, monkeypatch) -> service.SnapshotData:
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    return service.load_snapshot(service.open_store(sqlite_url))


def open_page(page: str | None = None, **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def covered_shown(at: AppTest) -> str:
    return next(m.value for m in at.metric if m.label == "Kabupaten/kota dengan MPP")


def test_overview_follows_the_as_of_date_and_shows_a_forecast(sample):
    at = open_page()
    assert at.date_input(key="as_of").value == LATEST
    latest = metrics.compute_national_summary(sample.malls, official_regions(), LATEST)
    assert covered_shown(at) == f"{latest['covered_regions']} / 514"
    at.date_input(key="as_of").set_value(EARLIER).run()
    assert not at.exception
    earlier = metrics.compute_national_summary(sample.malls, official_regions(), EARLIER)
    assert covered_shown(at) == f"{earlier['covered_regions']} / 514"
    assert earlier["covered_regions"] < latest["covered_regions"]
    assert any(m.value.startswith("Dengan laju 12 bulan terakhir") for m in at.markdown)
    assert at.query_params["as_of"] == EARLIER.isoformat()


def test_kpi_change_against_the_comparison_date(sample):
    at = open_page()
    compare = at.date_input(key="compare").value
    assert compare == dt.date(2024, 12, 31)
    now = metrics.compute_national_summary(sample.malls, official_regions(), LATEST)["covered_regions"]
    then = metrics.compute_national_summary(sample.malls, official_regions(), compare)["covered_regions"]
    covered = next(m for m in at.metric if m.label == "Kabupaten/kota dengan MPP")
    assert covered.delta == f"+{now - then}"


def test_a_link_with_query_parameters_opens_the_same_view(sample):
    at = open_page(lang="en", as_of="2024-06-30", province="61")
    assert at.date_input(key="as_of").value == dt.date(2024, 6, 30)
    assert at.selectbox(key="province").value == "61"
    malls, regions = metrics.restrict_to_province(sample.malls, official_regions(), "61")
    expected = metrics.compute_national_summary(malls, regions, dt.date(2024, 6, 30))
    shown = next(m.value for m in at.metric if m.label == "Regencies/cities with an MPP")
    assert shown == f"{expected['covered_regions']} / {expected['total_regions']}"


def test_provinces_page(sample):
    at = open_page("pages/provinces.py")
    table = at.dataframe[0].value
    assert len(table) == 38
    expected = metrics.compute_coverage_by_province(sample.malls, official_regions(), LATEST)
    assert int(table["covered_regions"].sum()) == int(expected["covered_regions"].sum())
    assert int((table["full"] == "✓").sum()) == int((expected["coverage_pct"] >= 100).sum())
    at.date_input(key="as_of").set_value(EARLIER).run()
    earlier = metrics.compute_coverage_by_province(sample.malls, official_regions(), EARLIER)
    assert int(at.dataframe[0].value["covered_regions"].sum()) == int(earlier["covered_regions"].sum())
    at.selectbox(key="province_detail").set_value("61").run()
    regions = at.dataframe[1].value
    assert len(regions) == len(official_regions().query("province_code == '61'"))


def test_gap_list_page_is_complete_and_follows_the_as_of_date(sample):
    at = open_page("pages/gaps.py")
    gaps = metrics.compute_gap_list(sample.malls, official_regions(), LATEST)
    table = at.dataframe[0].value
    assert table["code"].tolist() == gaps["code"].tolist()
    assert at.markdown[0].value.startswith(f"{format_number(len(gaps))} kabupaten/kota belum memiliki MPP")
    at.date_input(key="as_of").set_value(EARLIER).run()
    earlier = metrics.compute_gap_list(sample.malls, official_regions(), EARLIER)
    assert len(at.dataframe[0].value) == len(earlier) > len(gaps)
    at.multiselect(key="gap_stages").set_value(["planned"]).run()
    assert set(at.dataframe[0].value["pipeline_status"]) == {"Direncanakan"}


def test_region_detail_finds_a_region_by_any_form_of_its_name(sample):
    covered = metrics.compute_region_status(sample.malls, official_regions(), LATEST)
    operating = covered[covered["status"] == "operating"].iloc[0]
    english = operating["name"].replace("Kabupaten ", "") + " Regency" if operating["kind"] == "kabupaten" else (
        operating["name"].replace("Kota ", "") + " City")  # fmt: skip
    at = open_page("pages/region.py")
    at.text_input(key="region_search").set_value(english).run()
    assert not at.exception
    assert at.selectbox(key=f"region_code_{operating['code']}").value == operating["code"]
    assert "Beroperasi" in at.markdown[0].value
    malls = at.dataframe[0].value
    assert len(malls) == int(operating["malls"])
    at.date_input(key="as_of").set_value(dt.date(2017, 1, 1)).run()
    assert "Beroperasi" not in at.markdown[0].value


def test_history_page_lists_snapshots_and_counts_changes(sample, sqlite_url):
    store = service.open_store(sqlite_url)
    changed = sample.malls.copy()
    changed.loc[changed.index[0], "status"] = "planned"
    from mpp_data.store.snapshots import NewSnapshot

    store.save_snapshot(NewSnapshot(malls=changed.iloc[1:], participation=sample.participation, files=[]))
    at = open_page("pages/history.py")
    assert len(at.dataframe[0].value) == 2
    summary = at.markdown[0].value
    assert summary.startswith("0 MPP ditambah, 1 dihapus")


def test_history_page_offers_the_original_files_again(sample, sqlite_url):
    at = open_app(sqlite_url, "analyst", "pages/history.py")  # an analyst's, see issue 22
    buttons = [b for b in at.get("download_button")]
    assert len(buttons) == 4  # two sample workbooks, each with its report
    labels = [b.proto.label for b in buttons]
    assert "Unduh mpp_malls_sample.xlsx" in labels
    # each report button names the file it is the report of (two alike said nothing of which)
    assert "Unduh laporan mpp_malls_sample.xlsx" in labels
    assert len(set(labels)) == 4
