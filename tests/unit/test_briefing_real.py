"""The deck on registers like the real ones (issue 26.6): a generated national register (most malls
send no participation sheet) and a province whose register has malls in two of its regions. The
appendix stays a few slides with the full lists in the workbook beside the deck; the agencies slide
has bars or a sentence; bars carry values on their axis; titles fit one line; a province's map shows
that province alone."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_TICK_LABEL_POSITION

from mpp_data import service
from mpp_data.analysis import metrics, participation
from mpp_data.present import maps
from mpp_data.present.briefing import SLIDES, build_deck, build_tables, slides
from mpp_data.present.briefing import content as c
from mpp_data.present.briefing.appendix import APPENDIX_SLIDES
from mpp_data.present.briefing.map import MARKER_SIZE, province_map
from mpp_data.present.text import t
from mpp_data.reference import geo
from mpp_data.reference.geo import Boundaries
from mpp_data.reference.regions import official_regions, province_names
from tests.generated_registers import SMALL_PROVINCE, national_register, province_with_two_regions, save_register

pytestmark = pytest.mark.slow  # each test builds decks of a stored register

SETTINGS = service.Settings()


def stored(tmp_path, register) -> service.Store:
    store = service.open_store(f"sqlite:///{tmp_path / 'mpp.sqlite'}")
    save_register(store, register)
    return store


def briefing_of(store, **choices) -> c.Briefing:
    return service.gather_briefing(store, scope=service.ViewScope(**choices), settings=SETTINGS, with_map=False)


def deck(b: c.Briefing) -> Presentation:
    return Presentation(io.BytesIO(build_deck(b)))


def table_codes(slide) -> list[str]:
    return [row.cells[0].text for shape in slide.shapes if shape.has_table for row in list(shape.table.rows)[1:]]


def texts(slide) -> str:
    return " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    store = stored(tmp_path_factory.mktemp("national"), national_register())
    yield store
    store.dispose()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_national_appendix_is_a_few_slides_and_the_workbook_holds_every_row(national, lang):
    """On main the national gap appendix ran to 25 slides."""
    b = briefing_of(national, lang=lang)
    prs = deck(b)
    sheets = pd.read_excel(io.BytesIO(build_tables(b)), sheet_name=None, dtype=str, engine="openpyxl")
    code = t("briefing.column.code", lang)
    for key, sheet, expected in (
        ("briefing.appendix.gaps", "briefing.sheet.gaps", [g["code"] for g in c.gap_rows(b)]),
        ("briefing.appendix.at_risk", "briefing.sheet.at_risk", [r["code"] for r in c.at_risk_rows(b)]),
        ("briefing.appendix.provinces", "briefing.sheet.provinces", [p["code"] for p in c.ranked_provinces(b)]),
    ):
        stem = t(key, lang, page=1, pages=1).split("(")[0]
        pages = [s for s in prs.slides if s.shapes.title.text.startswith(stem)]
        assert 1 <= len(pages) <= APPENDIX_SLIDES, key
        assert list(sheets[t(sheet, lang)][code]) == expected, key  # the workbook: every row, in the deck's order
        if key != "briefing.appendix.provinces":
            shown = [code for s in pages for code in table_codes(s)]
            assert shown == expected[: len(shown)] and len(shown) < len(expected), key
            assert c.tables_file_name(b.as_of, None, lang) in texts(pages[-1]), key
            assert t(sheet, lang) in texts(pages[-1]), key
    assert len(prs.slides) <= len(SLIDES) + 3 * APPENDIX_SLIDES  # each slide of SLIDES once, three appendix lists
    # typed cells: the workbook's ranking has numbers, not text
    ranking = pd.read_excel(io.BytesIO(build_tables(b)), sheet_name=t("briefing.sheet.provinces", lang),
                            engine="openpyxl")  # fmt: skip
    assert ranking[t("briefing.column.coverage_pct", lang)].dtype.kind == "f"


def test_national_agencies_slide_shows_the_shares_of_the_malls_that_sent_data(national):
    b = briefing_of(national, lang="en")
    slide = next(s for s in deck(b).slides if s.shapes.title.text == t("briefing.agencies.title", "en"))
    (chart,) = [shape.chart for shape in slide.shapes if shape.has_chart]
    assert list(chart.plots[0].series[0].values) == b.agencies["share_pct"].tolist()
    with_data = int(b.agencies["operating_malls_with_data"].max())
    assert 0 < with_data < b.now["operating_malls"] / 4  # like real data: most malls sent no sheet
    assert t("briefing.agencies.basis", "en", count=b.number(with_data)) in texts(slide)


def test_every_bar_chart_has_values_on_its_axis(national):
    """On main the bars' value axis had no labels."""
    prs = deck(briefing_of(national))
    bars = [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart
            and shape.chart.chart_type in (57, 51)]  # fmt: skip  # BAR_CLUSTERED, COLUMN_CLUSTERED
    assert len(bars) == 4  # two province halves, stages, agencies
    for chart in bars:
        assert chart.value_axis.tick_label_position != XL_TICK_LABEL_POSITION.NONE
        assert chart.plots[0].has_data_labels


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_title_of_every_province_deck_is_set_to_fit_one_line(national, lang):
    """A province's titles are sized so that their widest estimate fits the title box."""
    for province in ("31", "19", "34"):  # the longest names
        prs = deck(briefing_of(national, province=province, lang=lang))
        for slide in list(prs.slides)[1:]:
            shape = slide.shapes.title
            set_size = shape.text_frame.paragraphs[0].font.size
            size = set_size.pt if set_size else 30
            inner = shape.width - shape.text_frame.margin_left - shape.text_frame.margin_right
            assert slides.text_width(shape.text, size) <= inner, (province, shape.text, size)
            assert size >= slides.SMALLEST_TITLE


def test_a_province_with_two_regions_gives_a_readable_deck(tmp_path):
    store = stored(tmp_path, province_with_two_regions())
    b = briefing_of(store, province=SMALL_PROVINCE, lang="id")
    prs = deck(b)
    titles = [s.shapes.title.text for s in prs.slides]
    regions = next(s for s in prs.slides if s.shapes.title.text.startswith("Kabupaten/kota di"))
    assert len(table_codes(regions)) == len(b.regions) == 4
    agencies = next(s for s in prs.slides if s.shapes.title.text == t("briefing.agencies.title", "id"))
    (chart,) = [shape.chart for shape in agencies.shapes if shape.has_chart]
    assert list(chart.plots[0].series[0].values) == b.agencies["share_pct"].tolist()
    # the coverage line starts from none covered before the first mall, so one mall is a line, not a dot
    coverage = next(s for s in prs.slides if s.shapes.title.text.startswith("Cakupan dari waktu"))
    (line,) = [shape.chart for shape in coverage.shapes if shape.has_chart]
    covered = [v for v in line.plots[0].series[0].values if v is not None]
    assert covered[0] == 0 and covered[-1] == 1
    assert not any("(2/" in title for title in titles)  # a province's lists fit one slide each
    store.dispose()


def test_a_province_without_participation_data_says_so(national):
    b = briefing_of(national, province=SMALL_PROVINCE, lang="en")
    presence = participation.compute_agency_presence(
        *[metrics.restrict_to_province(service.load_snapshot(national).malls, official_regions(), SMALL_PROVINCE)[0]],
        service.load_snapshot(national).participation, b.as_of,
    )  # fmt: skip
    slide = next(s for s in deck(b).slides if s.shapes.title.text == t("briefing.agencies.title", "en"))
    if presence["operating_malls_with_data"].max() == 0:
        assert t("briefing.agencies.no_data", "en") in texts(slide)
        assert not [shape for shape in slide.shapes if shape.has_chart]
    else:
        assert [shape for shape in slide.shapes if shape.has_chart]


def square(lon: float, lat: float, half: float = 0.3) -> dict:
    ring = [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half],
            [lon - half, lat - half]]  # fmt: skip
    return {"type": "Polygon", "coordinates": [ring]}


@pytest.mark.parametrize("with_boundaries", [False, True])
def test_a_provinces_map_shows_that_province_alone_with_large_markers(tmp_path, with_boundaries):
    """On main a province's map drew 2-3 px dots and every neighbour's markers."""
    register = province_with_two_regions()
    malls = register.snapshots[0][0]
    table = maps.compute_map_regions(malls, official_regions(), geo.region_points(), dt.date(2025, 12, 31))
    mine = table[table["province_code"] == SMALL_PROVINCE]
    neighbour = table[table["province_code"] == "94"].iloc[0]
    boundaries = None
    if with_boundaries:
        shapes = {code: square(lon, lat) for code, lon, lat in zip(mine["code"], mine["lon"], mine["lat"], strict=True)}
        shapes[neighbour["code"]] = square(neighbour["lon"], neighbour["lat"])
        boundaries = Boundaries(regions=shapes, provinces={}, unknown_codes=[], missing_regions=[])
    fig = province_map(table, geo.land_outline(), SMALL_PROVINCE, "id", boundaries)
    markers = [trace for trace in fig.data if trace.mode and "markers" in trace.mode]
    shown = {(x, y) for trace in markers for x, y in zip(trace.x, trace.y, strict=True)}
    assert shown == set(zip(mine["lon"], mine["lat"], strict=True))  # this province's regions, no other
    assert all(trace.marker.size >= MARKER_SIZE for trace in markers)
    assert sorted(name for trace in markers for name in trace.text) == sorted(mine["name"])
    filled = [trace for trace in fig.data if trace.fill == "toself"][1:]  # after the land outline
    assert len(filled) == (len(mine) if with_boundaries else 0)
    assert all(neighbour["lon"] not in (trace.x or ()) for trace in filled)
    (west, east), (south, north) = fig.layout.xaxis.range, fig.layout.yaxis.range
    assert west < mine["lon"].min() and mine["lon"].max() < east and south < mine["lat"].min() < north
    assert east - west < 15  # the province, not the nation (46 degrees wide)
    assert province_names()[SMALL_PROVINCE] == "Papua Selatan"
