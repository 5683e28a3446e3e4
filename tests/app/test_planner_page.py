"""AppTest for the Planner page and the basis line of the Overview: what they show equals the core's
figures, in both languages and on both counting bases."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from mpp_data import service
from mpp_data.present import plan as planning
from mpp_data.present.text import format_number
from tests.conftest import ROOT

LATEST = dt.date(2025, 12, 31)  # the sample's data date ("Keadaan per 31 Desember 2025"): pages open on it


@pytest.fixture
def sample(sqlite_url, monkeypatch) -> service.SnapshotData:
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    return service.load_snapshot(service.open_store(sqlite_url))


def open_planner(**query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/planner.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_the_planner_shows_the_national_plan_and_its_league_table(sample):
    at = open_planner()
    plan = service.plan_for(sample, basis="kemendagri", as_of=LATEST, target_date=service.Settings().target_date)
    assert at.title[0].value == "Rencana menuju setiap kabupaten/kota"
    left = f"{format_number(plan.national.units_left)} / 514"
    assert metric(at, "Tersisa") == left
    assert metric(at, "Dibutuhkan/tahun") == format_number(plan.national.required_per_year, decimals=2)
    league = at.dataframe[0].value  # the league table comes first
    assert list(league["code"]) == list(plan.provinces["code"])
    assert list(league["plan_status"])[:1] == ["Tertinggal"]  # worst first
    # paces in Indonesian decimals; a province with no own pace never finishes, said in words
    first = plan.provinces.iloc[0]
    assert league["required_per_year"].iloc[0] == format_number(first["required_per_year"], decimals=2)
    never = plan.provinces["projected_completion"].isna()
    assert never.any()
    assert set(league.loc[never.to_numpy(), "projected_completion"]) == {"tidak tercapai pada laju 0"}
    assert at.radio(key="plan_basis").value == "kemendagri"
    assert any(m.value.startswith(planning.headline(plan.national, plan.target_date, "id")[0]) for m in at.markdown)


def test_switching_to_the_panrb_basis_counts_509_units(sample):
    at = open_planner()
    at.radio(key="plan_basis").set_value("panrb").run()
    assert not at.exception
    plan = service.plan_for(sample, basis="panrb", as_of=LATEST, target_date=service.Settings().target_date)
    assert metric(at, "Tersisa") == f"{format_number(plan.national.units_left)} / 509"
    league = at.dataframe[0].value  # the league table comes first
    assert league.loc[league["code"] == "31", "total_units"].tolist() == [1]


def test_the_what_if_pace_gives_its_completion_date_in_english(sample):
    at = open_planner(lang="en")
    assert at.title[0].value == "The plan to every regency/city"
    at.slider(key="plan_pace").set_value(20).run()
    plan = service.plan_for(sample, basis="kemendagri", as_of=LATEST, target_date=service.Settings().target_date)
    expected = planning.what_if_sentence(plan, 20.0, "en")
    assert expected.startswith("At 20.0 units a year, every unit is covered around ")
    assert expected in [m.value for m in at.markdown]


def test_the_status_filter_narrows_the_league_table(sample):
    at = open_planner()
    at.multiselect(key="plan_statuses").set_value(["done"]).run()
    league = at.dataframe[0].value  # the league table comes first
    plan = service.plan_for(sample, basis="kemendagri", as_of=LATEST, target_date=service.Settings().target_date)
    assert set(league["code"]) == set(plan.provinces.loc[plan.provinces["status"] == "done", "code"])
    assert set(league["plan_status"]) == {"Selesai"}


def test_the_overview_names_its_basis_and_gives_the_others_share(sample):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90).run()
    assert not at.exception
    panrb = service.national_summary(sample, scope=service.ViewScope(as_of=LATEST, basis="panrb"))
    line = next(
        c.value for c in at.caption if c.value.startswith("Angka cakupan: Basis Kemendagri, 514 kabupaten/kota")
    )
    assert f"Basis PANRB (509 unit: 508 kabupaten/kota otonom ditambah DKI Jakarta sebagai satu unit): " \
           f"{panrb['covered_units']} dari 509" in line  # fmt: skip
