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
    gaps = service.gap_list(sample, LATEST, None)
    counts = presentation.gap_counts(gaps)
    assert counts["none"] == 97  # the figure the issue quotes
    summary = next(m.value for m in at.markdown if str(len(gaps)) in m.value).lower()
    for stage, count in counts.items():
        label = presentation.status_label(stage, lang).lower()
        assert re.search(rf"\b{count} (with )?{label}\b", summary), (stage, summary)
    labels = set(at.dataframe[0].value["pipeline_status"])
    assert labels == {presentation.status_label(stage, lang) for stage in counts}
    assert "rencana." not in summary and "no plan" not in summary
