from __future__ import annotations

import datetime as dt

import pandas as pd

from mpp_data.analysis import forecast
from mpp_data.present import charts
from mpp_data.present.text import t


def test_coverage_over_time_draws_the_steps_and_the_target_line_in_the_chosen_language():
    timeline = pd.DataFrame(
        {"date": [dt.date(2020, 1, 10), dt.date(2023, 5, 1)], "new_regions": [1, 2], "covered_regions": [1, 3]}
    )
    fig = charts.coverage_over_time(timeline, 514, "id")
    (trace,) = fig.data
    assert list(trace.y) == [1, 3]
    assert trace.line.shape == "hv"
    assert "10 Januari 2020" in trace.hovertext[0]
    target = fig.layout.shapes[0]
    assert (target.y0, target.y1) == (514, 514)
    assert fig.layout.annotations[0].text == "Target: 514 kabupaten/kota"
    assert fig.layout.title.text.startswith("Kabupaten/kota")
    english = charts.coverage_over_time(timeline, 514, "en")
    assert english.layout.yaxis.title.text == "Covered regencies/cities"
    assert english.layout.separators == ".,"


def test_coverage_by_province_marks_full_provinces_and_orders_highest_on_top():
    provinces = pd.DataFrame(
        {
            "province_code": ["51", "11", "91"],
            "province_name": ["Bali", "Aceh", "Papua"],
            "covered_regions": [9, 10, 1],
            "total_regions": [9, 23, 9],
            "coverage_pct": [100.0, 43.5, 11.1],
        }  # fmt: skip
    )
    fig = charts.coverage_by_province(provinces, "id")
    (bar,) = fig.data
    assert list(bar.y) == ["Papua", "Aceh", "Bali"]  # plotly draws the last category on top
    assert bar.marker.color[-1] == charts.OKABE_ITO["green"]
    assert bar.marker.color[0] == charts.OKABE_ITO["blue"]
    assert bar.text[1] == "44%"
    assert "10 dari 23 kabupaten/kota" in bar.hovertext[1]


def test_english_coverage_chart_words_the_public_milestones_in_english():
    timeline = pd.DataFrame(
        {"date": [dt.date(2017, 1, 10), dt.date(2025, 12, 31)], "new_regions": [1, 2], "covered_regions": [1, 3]}
    )
    milestones = forecast.milestones_in_range(dt.date(2017, 1, 10), as_of=dt.date(2025, 12, 31))
    labels = {}
    for lang in ("id", "en"):
        fig = charts.coverage_over_time(timeline, 514, lang, milestones=milestones)
        (trace,) = [d for d in fig.data if d.name == t("chart.milestones", lang)]
        labels[lang] = list(trace.hovertext)
    indonesian_months = ("Mei", "Agu", "Agt", "Okt", "Des")
    assert not [label for label in labels["en"] if any(month in label for month in indonesian_months)]
    assert "Public figure Dec 2024: 272 MPPs" in labels["en"]
    assert "Public figure 2022: 56 MPPs" in labels["en"]
    assert "Angka publik Des 2024: 272 MPP" in labels["id"]
    assert "Angka publik Sep 2023: 152 MPP" in labels["id"]
