"""Charts and tables an official can read (issue 14): each figure checked against mpp_data's own numbers."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from mpp_data.analysis import forecast, history, metrics
from mpp_data.present import charts, maps
from mpp_data.present import display as presentation
from mpp_data.present.text import MESSAGES
from mpp_data.reference import geo

D = dt.date


def timeline_and_malls() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every mall covers a new region: the two running totals are equal, the case that hid one line."""
    dates = [D(2019, 3, 1), D(2020, 7, 1), D(2020, 9, 1), D(2022, 2, 1)]
    timeline = pd.DataFrame({"date": dates, "new_regions": [1, 1, 1, 1], "covered_regions": [1, 2, 3, 4]})
    malls = pd.DataFrame({"date": dates, "operating_malls": [1, 2, 3, 4]})
    return timeline, malls


def test_operating_malls_are_yearly_bars_apart_from_the_coverage_line():
    timeline, malls = timeline_and_malls()
    fig = charts.coverage_over_time(timeline, 514, "id", malls_over_time=malls)
    (bars,) = [trace for trace in fig.data if trace.type == "bar"]
    (line,) = [trace for trace in fig.data if trace.type == "scatter" and trace.mode == "lines"]
    assert bars.name == "MPP beroperasi (akhir tahun)"
    # the count at the end of each year, and at the last date, from the running total
    assert [d.date() for d in pd.to_datetime(bars.x)] == [D(2019, 12, 31), D(2020, 12, 31), D(2021, 12, 31),
                                                           D(2022, 2, 1)]  # fmt: skip
    assert list(bars.y) == [1, 3, 3, 4]
    assert bars.offset == -bars.width  # each bar ends on its date: inside its year, not on the next one's tick
    assert list(line.y) == [1, 2, 3, 4]
    assert "31 Desember 2020" in bars.hovertext[1] and "3" in bars.hovertext[1]


def test_quarters_are_written_the_readers_way():
    timeline, _ = timeline_and_malls()
    quarters = forecast.compute_new_per_quarter(timeline, D(2020, 9, 30))
    indonesian = charts.new_regions_per_quarter(quarters, "id").data[0]
    english = charts.new_regions_per_quarter(quarters, "en").data[0]
    assert list(indonesian.x)[:3] == ["T1 2019", "T2 2019", "T3 2019"]
    assert list(english.x)[-1] == "Q3 2020"
    assert list(indonesian.y) == list(quarters["new_regions"])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_count_axes_tick_whole_numbers(lang):
    timeline, _ = timeline_and_malls()
    pace = charts.new_regions_per_quarter(forecast.compute_new_per_quarter(timeline, D(2022, 3, 1)), lang)
    assert (pace.layout.yaxis.dtick, pace.layout.yaxis.tickformat) == (1, ",d")
    histogram = charts.completeness_histogram(pd.DataFrame({"mou_present": [3, 17], "malls": [1, 2]}), lang)
    assert histogram.layout.yaxis.dtick == 1
    small = charts.coverage_over_time(timeline, 5, lang)  # one small province: 0..5 regions
    assert small.layout.yaxis.dtick == 1
    national = charts.coverage_over_time(timeline, 514, lang)
    assert national.layout.yaxis.tickformat == ",d" and national.layout.yaxis.dtick is None


def provinces() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "province_code": ["51", "36", "11", "94"],
            "province_name": ["Bali", "Banten", "Aceh", "Papua"],
            "total_regions": [9, 8, 23, 9],
            "covered_regions": [9, 8, 10, 0],
            "coverage_pct": [100.0, 100.0, 43.5, 0.0],
            "operating_malls": [9, 8, 11, 0],
            "pipeline_malls": [0, 0, 2, 1],
        }
    )


def test_provinces_table_and_chart_share_one_order_ties_by_code():
    # issue 20: one tie rule for pages, deck, CLI and exports (figures.share_order): equal coverage by code
    table = presentation.display_provinces(provinces())
    bars = charts.coverage_by_province(provinces(), "id").data[0]
    assert list(table["province_name"]) == ["Banten", "Bali", "Aceh", "Papua"]
    assert list(bars.y)[::-1] == list(table["province_name"])  # the chart's top bar is the table's first row
    assert list(table["rank"]) == [1, 1, 3, 4]
    # coverage right after the name, where a phone still shows it
    assert list(table.columns[:3]) == ["rank", "province_name", "coverage_pct"]


def test_provinces_table_follows_the_province_filter_and_keeps_the_national_rank():
    table = presentation.display_provinces(provinces(), "11")
    assert table[["rank", "province_name", "covered_regions"]].values.tolist() == [[3, "Aceh", 10]]


def test_full_coverage_is_a_tick_mark_and_the_sentence_counts_in_the_singular():
    table = presentation.display_provinces(provinces())
    assert list(presentation.full_marks(table)["full"]) == ["✓", "✓", "", ""]
    assert presentation.full_provinces_sentence(table, "en") == "2 provinces are at 100%."
    one = presentation.display_provinces(provinces().assign(covered_regions=[8, 8, 10, 0],
                                                            coverage_pct=[88.9, 100.0, 43.5, 0.0]))  # fmt: skip
    assert presentation.full_provinces_sentence(one, "en") == "1 province is at 100%."
    assert presentation.full_provinces_sentence(one, "id") == "1 provinsi sudah 100%."


def test_hundred_percent_labels_are_not_clipped():
    presence = pd.DataFrame({"agency": ["a"], "short_name": ["A"], "malls_present": [2],
                             "operating_malls_with_data": [2], "share_pct": [100.0]})  # fmt: skip
    assert charts.coverage_by_province(provinces(), "id").data[0].cliponaxis is False
    assert charts.agency_presence(presence, "id").data[0].cliponaxis is False


def presence_and_heatmap():
    presence = pd.DataFrame(
        {
            "agency": ["pajak", "polri", "bpjs", "dukcapil"],
            "short_name": ["DJP", "Polri", "BPJS", "Dukcapil"],
            "malls_present": [2, 5, 5, 9],
            "operating_malls_with_data": [10, 10, 10, 10],
            "share_pct": [20.0, 50.0, 50.0, 90.0],
        }
    )
    names = dict(zip(presence["agency"], presence["short_name"], strict=True))
    by_province = pd.DataFrame(
        {
            "province_code": ["11", "94"],
            "province_name": ["Aceh", "Papua"],
            "pajak": [20.0, None],
            "polri": [50.0, None],
            "bpjs": [50.0, None],
            "dukcapil": [90.0, None],
            "malls": [10, 0],
        }
    )
    return presence, names, by_province


def test_heatmap_lists_agencies_in_the_bar_charts_order():
    presence, names, by_province = presence_and_heatmap()
    bars = charts.agency_presence(presence, "id").data[0]
    heat = charts.presence_heatmap(by_province, names, "id", charts.agency_order(presence)).data[0]
    top_down = list(bars.y)[::-1]
    assert top_down == ["Dukcapil", "BPJS", "Polri", "DJP"]  # ties by name
    assert list(heat.x) == top_down
    assert list(heat.z[-1]) == [90.0, 50.0, 50.0, 20.0]  # Aceh's row (the last is drawn on top)


def test_heatmap_says_in_words_where_no_mall_operates():
    _, names, by_province = presence_and_heatmap()
    for lang in ("id", "en"):
        fig = charts.presence_heatmap(by_province, names, lang)
        words = MESSAGES["chart.heatmap.no_mall"][lang]
        assert [(a.y, a.text) for a in fig.layout.annotations] == [("Papua", words)]
        papua = list(fig.data[0].y).index("Papua")
        assert all(words in cell for cell in fig.data[0].hovertext[papua])
    assert len(fig.layout.xaxis.tickvals) == 4  # every agency named, none skipped for space


def test_long_titles_break_before_a_phones_width_and_sit_below_the_toolbar():
    timeline, _ = timeline_and_malls()
    fig = charts.coverage_over_time(timeline, 514, "id")
    lines = fig.layout.title.text.split("<br>")
    assert len(lines) == 2 and all(len(line) <= charts.TITLE_LINE for line in lines)
    assert " ".join(lines) == "Kabupaten/kota dengan MPP beroperasi dari waktu ke waktu"
    # hung from the chart's top under the toolbar, its lines inside the top margin, above the plot area
    assert (fig.layout.title.yref, fig.layout.title.yanchor) == ("container", "top")
    top = (1 - fig.layout.title.y) * fig.layout.height
    assert top >= charts.TITLE_BAND - 0.5
    assert fig.layout.margin.t >= top + 2 * charts.TITLE_LINE_HEIGHT + 8


def test_on_a_phone_many_quarters_are_labelled_every_nth_and_the_title_keeps_its_room():
    timeline, _ = timeline_and_malls()
    quarters = forecast.compute_new_per_quarter(timeline, D(2024, 12, 31))
    fig = charts.for_phone(charts.new_regions_per_quarter(quarters, "id"))
    labels = list(fig.data[0].x)
    assert len(labels) > charts.PHONE_CATEGORY_TICKS
    shown = list(fig.layout.xaxis.tickvals)
    assert 2 <= len(shown) <= charts.PHONE_CATEGORY_TICKS and shown[-1] == labels[-1]
    assert all(label in labels for label in shown) and fig.layout.xaxis.tickangle == 0
    lines = fig.layout.title.text.count("<br>") + 1
    assert fig.layout.margin.t >= (1 - fig.layout.title.y) * fig.layout.height + lines * charts.TITLE_LINE_HEIGHT


def test_a_chart_has_values_only_when_something_is_drawn():
    timeline, malls = timeline_and_malls()
    assert charts.has_values(charts.coverage_over_time(timeline, 514, "id", malls_over_time=malls))
    assert not charts.has_values(charts.coverage_over_time(timeline.iloc[0:0], 514, "id"))
    zeros = forecast.compute_new_per_quarter(timeline, D(2020, 9, 30)).assign(new_regions=0)
    assert not charts.has_values(charts.new_regions_per_quarter(zeros, "en"))
    _, names, by_province = presence_and_heatmap()
    assert charts.has_values(charts.presence_heatmap(by_province, names, "id"))
    empty = by_province.assign(**{k: float("nan") for k in names}, malls=0)
    assert not charts.has_values(charts.presence_heatmap(empty, names, "id"))


REGIONS = pd.DataFrame(
    {
        "code": ["11.01", "11.02", "12.01"],
        "name": ["Kabupaten A", "Kabupaten B", "Kabupaten C"],
        "kind": ["kabupaten"] * 3,
        "province_code": ["11", "11", "12"],
        "province_name": ["Aceh", "Aceh", "Sumatera Utara"],
    }
)


def map_table() -> pd.DataFrame:
    malls = pd.DataFrame(
        {
            "region_code": ["11.01"],
            "province_code": ["11"],
            "mall_name": ["MPP A"],
            "status": ["operating"],
            "inaugurated_on": [D(2020, 1, 10)],
            "agencies": [10],
            "services": [100],
        }
    )
    points = REGIONS[["code"]].assign(lat=[5.0, 4.0, 3.0], lon=[95.0, 96.0, 98.6])
    return maps.compute_map_regions(malls, REGIONS, points, D(2024, 1, 1))


def test_regions_without_a_mall_are_solid_markers_with_a_dark_ring():
    fig = maps.region_map(map_table(), geo.land_outline(), "id")
    (none,) = [trace for trace in fig.data if trace.mode == "markers" and trace.name == "Belum ada MPP"]
    assert none.marker.symbol == "circle" and none.marker.line.color == "#333333"


def test_province_view_fades_the_neighbours_and_keeps_edge_markers_whole():
    fig = maps.region_map(map_table(), geo.land_outline(), "id", province="11")
    none = [trace for trace in fig.data if trace.mode == "markers" and trace.name == "Belum ada MPP"]
    # the neighbour faded and out of the legend, drawn first; the chosen province's marker whole, on top
    assert [(list(t.customdata), t.marker.opacity, t.showlegend) for t in none] == [
        (["12.01"], 0.25, False),
        (["11.02"], 1.0, True),
    ]
    (west, east), (south, north) = fig.layout.xaxis.range, fig.layout.yaxis.range
    # Aceh's points span 95..96 E and 4..5 N: at least a fifth of a degree of room on every side
    assert west <= 95 - 0.8 and east >= 96 + 0.8 and south <= 4 - 0.8 and north >= 5 + 0.8


def test_official_facing_map_text_names_no_setting():
    for lang in ("id", "en"):
        for key, entry in MESSAGES.items():
            if key.startswith(("map.", "overview.", "provinces.", "agencies.", "gaps.", "region.", "history.")):
                assert "MPP_" not in entry[lang], key
        assert "MPP_BOUNDARIES_PATH" in MESSAGES["upload.boundaries_help"][lang]  # the admins still learn it


def test_history_changes_show_a_dash_not_none_and_statuses_in_words():
    before = pd.DataFrame({"region_code": ["61.03"], "mall_name": ["MPP Sanggau"], "status": ["planned"],
                           "inaugurated_on": [None], "province_code": ["61"]})  # fmt: skip
    after = before.assign(status=["operating"], inaugurated_on=[D(2024, 2, 10)])
    empty = pd.DataFrame(columns=["region_code", "mall_name", "agency", "present"])
    changes = history.compute_snapshot_diff(before, after, empty, empty)
    dates = presentation.display_changes(changes.date_changed, "id")
    assert dates[["inaugurated_before", "inaugurated_after"]].values.tolist() == [["–", "10 Februari 2024"]]
    statuses = presentation.display_changes(changes.status_changed, "en")
    assert statuses[["status_before", "status_after"]].values.tolist() == [["Planned", "Operating"]]
    added = presentation.display_changes(history.compute_snapshot_diff(before.iloc[:0], before, empty, empty).added,
                                         "id")  # fmt: skip
    assert "None" not in added.astype(str).to_numpy().ravel().tolist()
    assert added.loc[0, "inaugurated_on"] == "–"


def test_metrics_and_display_agree_on_province_coverage():
    regions = REGIONS.assign(kind="kabupaten")
    malls = pd.DataFrame({"region_code": ["11.01", "11.02"], "province_code": ["11", "11"],
                          "mall_name": ["MPP A", "MPP B"], "status": ["operating", "operating"],
                          "inaugurated_on": [D(2020, 1, 1), D(2021, 1, 1)]})  # fmt: skip
    coverage = metrics.compute_coverage_by_province(malls, regions, D(2024, 1, 1))
    table = presentation.display_provinces(coverage)
    assert table[["province_name", "coverage_pct"]].values.tolist() == [["Aceh", 100.0], ["Sumatera Utara", 0.0]]
    assert presentation.full_provinces_sentence(table, "en") == "1 province is at 100%."
