"""AppTest: the Agencies page shows mpp_data's figures for the sample and follows the as-of date."""

from __future__ import annotations

import datetime as dt

from mpp_data import service
from mpp_data.analysis import participation
from mpp_data.present.text import format_number
from tests.app.test_rollout_pages import LATEST, open_page, sample  # noqa: F401 - fixture


def test_agencies_page_matches_the_package(sample):  # noqa: F811
    at = open_page("pages/agencies.py")
    with_data, without_data = participation.count_malls_without_data(sample.malls, sample.participation, LATEST)
    intro = at.markdown[0].value
    assert f"dihitung dari {format_number(with_data)} MPP" in intro
    assert f"{format_number(without_data)} MPP beroperasi belum mengirim data" in intro
    presence = participation.compute_agency_presence(sample.malls, sample.participation, LATEST)
    lagging = presence.iloc[-1]
    assert at.selectbox(key="work_list_agency").value == lagging["agency"]
    work = at.dataframe[0].value
    assert len(work) == len(lagging["missing"])
    assert set(work["region_code"]) == {m["region_code"] for m in lagging["missing"]}

    at.date_input(key="as_of").set_value(dt.date(2022, 12, 31)).run()
    assert not at.exception
    earlier, _ = participation.count_malls_without_data(sample.malls, sample.participation, dt.date(2022, 12, 31))
    assert earlier < with_data
    assert f"dihitung dari {format_number(earlier)} MPP" in at.markdown[0].value


def test_sample_presence_is_plausible(sample):  # noqa: F811
    shares = service.agency_presence(sample, scope=service.ViewScope()).set_index("agency")["share_pct"]
    for common in ("polri", "bpjs_kesehatan", "bpjs_ketenagakerjaan", "kemendagri"):
        assert shares[common] > 85
    for rare in ("bnn", "perpusnas"):
        assert shares[rare] < 35
