"""AppTest: the gaps page counts each stage under the name its rows carry; the Region page explains its two
agency counts and opens on a region with a mall."""

from __future__ import annotations

import re

import pytest

from mpp_data import service
from mpp_data.present import display as presentation
from tests.app.test_rollout_pages import LATEST, open_page, sample  # noqa: F401 - fixture


@pytest.mark.parametrize("lang", ["id", "en"])
def test_gap_summary_counts_each_stage_under_its_row_label(sample, lang):  # noqa: F811
    at = open_page("pages/gaps.py", lang=lang)
    gaps = service.gap_list(sample, scope=service.ViewScope(as_of=LATEST))
    counts = presentation.gap_counts(gaps)
    assert counts["none"] == 97  # the figure the issue quotes
    summary = next(m.value for m in at.markdown if str(len(gaps)) in m.value).lower()
    for stage, count in counts.items():
        label = presentation.status_label(stage, lang).lower()
        assert re.search(rf"\b{count} (with )?{label}\b", summary), (stage, summary)
    labels = set(at.dataframe[0].value["pipeline_status"])
    assert labels == {presentation.status_label(stage, lang) for stage in counts}
    assert "rencana." not in summary and "no plan" not in summary


@pytest.mark.parametrize("province", [None, "61"])
def test_region_page_opens_on_a_region_with_an_operating_mall(sample, province):  # noqa: F811
    at = open_page("pages/region.py", **({"province": province} if province else {}))
    status = service.region_status(sample, scope=service.ViewScope(as_of=LATEST, province=province))
    first_operating = status.loc[status["status"] == "operating", "code"].iloc[0]  # official order
    code = at.selectbox(key="region_code_None").value
    assert code == first_operating
    assert at.query_params["region"] == code
    assert len(at.dataframe[0].value) >= 1, "the opening region shows its malls"
    assert not any(i.value.startswith("Belum ada MPP tercatat") for i in at.info)


def test_region_detail_says_where_each_agency_count_comes_from(sample):  # noqa: F811
    at = open_page("pages/region.py", region="61.03")  # Kabupaten Sanggau
    malls = service.region_malls(sample, scope=service.ViewScope(as_of=LATEST), code="61.03")
    present, _, _ = presentation.region_agencies(sample.participation, "61.03")
    reported = int(malls["agencies"].sum())
    assert (reported, len(present)) == (21, 12)  # the two figures the issue found unexplained
    table = at.dataframe[0]
    assert table.value["agencies"].tolist() == [21]
    assert table.proto.columns and "lembar MPP" in table.proto.columns
    caption = next(c.value for c in at.caption if "Dua sumber" in c.value)
    assert "(21)" in caption and "(12)" in caption
    assert "Jumlah Instansi" in caption and "lembar keikutsertaan" in caption
