"""The briefing deck, opened with python-pptx: titles, headline numbers and chart series equal the
core's figures for the sample, nationally and for one province, in both languages."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import io
import re

import pandas as pd
import pytest
from pptx import Presentation
from pptx.chart.chart import Chart
from pptx.util import Inches

from mpp_data import service
from mpp_data.analysis import metrics
from mpp_data.analysis.forecast import covered_on
from mpp_data.present.briefing import build_deck, build_tables
from mpp_data.present.briefing import content as c
from mpp_data.present.text import format_date, format_number, format_percent, t
from tests.conftest import ANALYST, sample_as_real_files

pytestmark = pytest.mark.slow  # each test renders a deck and its map

AS_OF = dt.date(2025, 12, 15)  # the sample's newest inauguration
COMPARE = dt.date(2024, 12, 31)
SETTINGS = service.Settings()  # the defaults: no template, the default target date


def scope_of(**choices: object) -> service.ViewScope:
    """The briefing's view on the sample's newest date, compared with the end of 2024."""
    return service.ViewScope(as_of=AS_OF, compare_to=COMPARE, **choices)


JAWA_BARAT = "32"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = service.open_store(f"sqlite:///{tmp_path_factory.mktemp('briefing') / 'mpp.sqlite'}")
    yield store
    store.dispose()


def deck_of(briefing: c.Briefing, template=None) -> Presentation:
    return Presentation(io.BytesIO(build_deck(briefing, template)))


def titles(prs: Presentation) -> list[str]:
    return [slide.shapes.title.text for slide in prs.slides]


def charts(slide) -> list[Chart]:
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def table_rows(slide) -> list[list[str]]:
    tables = [shape.table for shape in slide.shapes if shape.has_table]
    return [[cell.text for cell in row.cells] for table in tables for row in table.rows]


def workbook_sheets(content: bytes) -> dict[str, pd.DataFrame]:
    return pd.read_excel(io.BytesIO(content), sheet_name=None, dtype=str, engine="openpyxl")


def series_values(chart: Chart) -> dict[str, list]:
    return {s.name: list(s.values) for s in chart.plots[0].series}


def slide_titled(prs: Presentation, title: str):
    return next(s for s in prs.slides if s.shapes.title.text == title)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("province", [None, JAWA_BARAT])
def test_deck_figures_equal_the_core_figures(store, lang, province):
    briefing = service.gather_briefing(
        store, scope=scope_of(province=province, lang=lang), settings=SETTINGS, with_map=False
    )
    data = service.load_snapshot(store)
    figures = service.national_figures(data, scope=scope_of(province=province))
    then = service.national_summary(data, scope=scope_of(province=province).then)
    assert briefing.now == figures and briefing.then == then
    prs = deck_of(briefing)

    # The slides in order, titled in the deck's language.
    shown = titles(prs)
    main = [
        t("briefing.deck_title", lang),
        t("briefing.headline.title", lang),
        t("briefing.coverage.title", lang, total=format_number(figures["total_regions"], lang)),
        t("briefing.regions.title", lang, province="Jawa Barat") if province else t("briefing.provinces.title", lang),
        t("briefing.gaps.title", lang),
        t("briefing.plan.title", lang),
        t("briefing.agencies.title", lang),
        t("briefing.agreements.title", lang),
        t("briefing.use.title", lang, month="–"),  # the sample has no visits
        t("briefing.map.title", lang),
        t("briefing.closing.title", lang),
    ]
    assert shown[: len(main)] == main
    # the gap list's appendix, then the regions at risk in the plan
    at_risk_pages = [
        title for title in shown if title.startswith(t("briefing.appendix.at_risk", lang, page=1, pages=1)[:18])
    ]
    last_gaps = shown[-1 - len(at_risk_pages)]
    last = re.fullmatch(r".*\((\d+)/(\d+)\)", last_gaps)
    assert last_gaps == t("briefing.appendix.gaps", lang, page=last[1], pages=last[2]) and last[1] == last[2]
    assert shown[len(shown) - len(at_risk_pages) :] == at_risk_pages
    at_risk = [row[0] for s in prs.slides if s.shapes.title.text in at_risk_pages for row in table_rows(s)[1:]]
    plan = service.plan_for(data, basis="kemendagri", as_of=AS_OF)
    expected_at_risk = plan.at_risk if not province else plan.at_risk[plan.at_risk["province_code"] == province]
    # at most two slides of each list; the workbook beside the deck holds each list whole
    assert len(at_risk_pages) <= 2
    assert at_risk == list(expected_at_risk["code"])[: len(at_risk)]
    assert at_risk or province  # the national sample has regions at risk; Jawa Barat is on track
    workbook = workbook_sheets(build_tables(briefing))
    assert list(workbook[t("briefing.sheet.at_risk", lang)][t("briefing.column.code", lang)]) == list(
        expected_at_risk["code"]
    )
    if len(at_risk) < len(expected_at_risk):  # the last slide says where the rest is
        last_text = [s.text_frame.text for s in slide_titled(prs, at_risk_pages[-1]).shapes if s.has_text_frame]
        assert any(c.tables_file_name(AS_OF, province, lang) in text for text in last_text)

    # The planner slide: the provinces off track and at risk, with their required and own pace.
    behind = plan.provinces[plan.provinces["status"].isin(["off_track", "at_risk"])]
    if province:
        behind = behind[behind["code"] == province]
    plan_rows = table_rows(slide_titled(prs, t("briefing.plan.title", lang)))
    assert [row[0] for row in plan_rows[1:]] == list(behind["name"])[: len(plan_rows) - 1]
    if len(plan_rows) > 1:
        assert plan_rows[1][3] == format_number(behind["required_per_year"].iloc[0], lang, 2)
        assert plan_rows[1][4] == format_number(behind["own_pace_per_year"].iloc[0], lang, 2)

    # Headline figures: compare date, as-of date and change, in the language's number and date form.
    headline = table_rows(slide_titled(prs, main[1]))
    assert headline[0][1:3] == [format_date(COMPARE, lang), format_date(AS_OF, lang)]
    rows = {row[0]: row[1:] for row in headline[1:]}
    covered = f"{format_number(figures['covered_regions'], lang)} / {format_number(figures['total_regions'], lang)}"
    assert rows[t("briefing.headline.covered", lang)][1] == covered
    assert rows[t("briefing.headline.coverage_pct", lang)][1] == format_percent(figures["coverage_pct"], lang)
    assert rows[t("briefing.headline.operating", lang)] == [
        format_number(then["operating_malls"], lang), format_number(figures["operating_malls"], lang),
        ("+" if figures["operating_malls"] > then["operating_malls"] else "±")
        + format_number(figures["operating_malls"] - then["operating_malls"], lang),
    ]  # fmt: skip
    assert rows[t("briefing.headline.planned", lang)][1] == format_number(figures["planned_malls"], lang)
    gaps_now = figures["total_regions"] - figures["covered_regions"]
    assert rows[t("briefing.headline.gaps", lang)][1] == format_number(gaps_now, lang)

    # Coverage over time: native line chart whose series are the core's timeline and the target line.
    (line,) = charts(slide_titled(prs, main[2]))
    dates = c.coverage_dates(briefing)
    timeline = metrics.compute_coverage_over_time(
        *metrics.restrict_to_province(data.malls, service.queries.official_regions(), province)
    )
    values = list(series_values(line).values())
    assert [d for d in dates if d <= AS_OF][-1] == AS_OF
    assert values[0][: dates.index(AS_OF) + 1] == [covered_on(timeline, d) for d in dates if d <= AS_OF]
    assert values[1] == [figures["total_regions"]] * len(dates)
    assert dates[-1] >= briefing.forecast.target_date - dt.timedelta(days=31)

    # Provinces ranked (national) or the province's regions by status.
    ranked = charts(slide_titled(prs, main[3]))
    if province:
        status = metrics.compute_region_status(
            *metrics.restrict_to_province(data.malls, service.queries.official_regions(), province), AS_OF
        )
        counts = status["status"].value_counts()
        assert list(ranked[0].plots[0].series[0].values) == [
            counts.get(s, 0) for s in ("operating", "under_construction", "planned", "none")
        ]
    else:
        shares = [v for chart in ranked for v in chart.plots[0].series[0].values]
        expected = sorted(figures["provinces"], key=lambda p: -p["coverage_pct"])
        assert shares == [p["coverage_pct"] for p in expected]
        assert len(shares) == 38

    # The gap list by stage: counts equal the figures' gap list; the first rows on the slide.
    gap_slide = slide_titled(prs, main[4])
    (stages,) = charts(gap_slide)
    wanted = [
        sum(g["pipeline_status"] == s for g in figures["gaps"]) for s in ("under_construction", "planned", "none")
    ]
    assert list(stages.plots[0].series[0].values) == wanted
    first_codes = [row[0] for row in table_rows(gap_slide)[1:]]
    assert first_codes == [g["code"] for g in c.gap_rows(briefing)][:12]
    appendix = [row[0] for s in prs.slides if "(" in s.shapes.title.text and s.shapes.title.text.startswith(
        t("briefing.appendix.gaps", lang, page=1, pages=1).split("(")[0]) for row in table_rows(s)[1:]]  # fmt: skip
    assert appendix == [g["code"] for g in c.gap_rows(briefing)][: len(appendix)]
    gaps_sheet = workbook[t("briefing.sheet.gaps", lang)]
    assert sorted(gaps_sheet[t("briefing.column.code", lang)]) == sorted(g["code"] for g in figures["gaps"])

    # The 17 MoU agencies: the same shares as `agencies --json` (for the province, its malls).
    (agencies,) = charts(slide_titled(prs, main[6]))
    malls, _ = metrics.restrict_to_province(data.malls, service.queries.official_regions(), province)
    presence = service.agency_presence(
        service.SnapshotData(data.snapshot, {"malls": malls, "participation": data.participation}),
        scope=service.ViewScope(as_of=AS_OF),
    )
    assert list(agencies.plots[0].series[0].values) == presence["share_pct"].tolist()
    assert len(presence) == 17

    # Speaker notes on every slide; the sample warning on the title slide.
    for slide in prs.slides:
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), slide.shapes.title.text
    title_text = " ".join(s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame)
    assert t("briefing.sample_warning", lang) in title_text
    assert format_date(AS_OF, lang) in title_text and "mpp_malls_sample.xlsx" in title_text


def test_deck_is_16_by_9_and_charts_are_native(store):
    prs = deck_of(service.gather_briefing(store, scope=scope_of(), settings=SETTINGS, with_map=False))
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))
    kinds = [shape.chart.chart_type for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    assert len(kinds) == 5  # coverage line, two province bar halves, stages, agencies


def test_no_sample_warning_for_real_data(tmp_path):
    store = service.open_store(f"sqlite:///{tmp_path / 'real.sqlite'}")
    service.ingest_files(sample_as_real_files(), store, is_sample=False, actor=ANALYST)
    prs = deck_of(service.gather_briefing(store, scope=scope_of(lang="en"), settings=SETTINGS, with_map=False))
    text = " ".join(s.text_frame.text for slide in prs.slides for s in slide.shapes if s.has_text_frame)
    assert "SAMPLE DATA" not in text
    assert "Source: upload #2" in text
    store.dispose()


def test_missing_map_is_said_on_the_map_slide(store):
    prs = deck_of(service.gather_briefing(store, scope=scope_of(lang="en"), settings=SETTINGS, with_map=False))
    slide = slide_titled(prs, "Map of MPP status")
    assert not [s for s in slide.shapes if s.shape_type == 13]  # no picture
    assert any(t("briefing.map.missing", "en") in s.text_frame.text for s in slide.shapes if s.has_text_frame)


def ministry_template(path, size=None) -> None:
    """A template whose master carries a marked shape (python-pptx cannot add one there directly) and
    which holds a slide of its own."""
    template = Presentation()
    if size:
        template.slide_width, template.slide_height = size
    old = template.slides.add_slide(template.slide_layouts[0])
    old.shapes.title.text = "An old slide of the template"
    marker = old.shapes.add_textbox(0, 0, Inches(2), Inches(0.4))
    marker.name = "Ministry logo"
    marker.text_frame.text = "KEMENTERIAN PANRB"
    template.slide_master.shapes._spTree.append(copy.deepcopy(marker._element))
    template.save(path)


def test_a_ministry_template_gives_its_masters_and_layouts(store, tmp_path):
    path = tmp_path / "ministry.pptx"
    ministry_template(path, (Inches(10), Inches(5.625)))

    prs = deck_of(service.gather_briefing(store, scope=scope_of(), settings=SETTINGS, with_map=False), template=path)
    assert (prs.slide_width, prs.slide_height) == (Inches(10), Inches(5.625))
    assert "Ministry logo" in [s.name for s in prs.slide_master.shapes]
    assert "An old slide of the template" not in titles(prs)
    assert titles(prs)[0] == t("briefing.deck_title", "id")
    assert {slide.slide_layout.name for slide in prs.slides} <= {layout.name for layout in prs.slide_layouts}
    footers = [p.text_frame.text for p in prs.slides[1].placeholders if p.placeholder_format.type == 15]  # FOOTER
    assert footers == ["Nasional · per 15 Desember 2025 · unggahan #1 · DATA CONTOH"]  # the template's own footer
    for slide in prs.slides:  # nothing the deck draws runs off a smaller slide (placeholders are the template's)
        for shape in (s for s in slide.shapes if not s.is_placeholder):
            assert shape.left + shape.width <= prs.slide_width and shape.top + shape.height <= prs.slide_height


def test_briefing_template_setting_is_used_by_the_service(store, tmp_path, monkeypatch):
    ministry_template(tmp_path / "ministry.pptx")
    monkeypatch.setattr(service.briefing, "figure_png", lambda *a, **k: None)  # the map is tested by the CLI test
    prs = Presentation(
        io.BytesIO(
            service.briefing_deck(
                store,
                scope=scope_of(),
                settings=service.Settings.from_env({"MPP_BRIEFING_TEMPLATE": str(tmp_path / "ministry.pptx")}),
            )
        )
    )
    assert "Ministry logo" in [s.name for s in prs.slide_master.shapes]


def test_file_name_names_scope_and_date():
    assert c.file_name(AS_OF, None, "id") == "bahan-rapat-mpp-nasional-2025-12-15.pptx"
    assert c.file_name(AS_OF, "61", "en") == "mpp-briefing-61-2025-12-15.pptx"


def test_the_title_slide_names_no_empty_file_list(store):
    """An upload kept without file names: the source line ends at its date, with no bare "berkas:"."""
    briefing = service.gather_briefing(store, scope=scope_of(), settings=SETTINGS, with_map=False)
    nameless = dataclasses.replace(briefing, snapshot={**briefing.snapshot, "source_files": []})
    text = "\n".join(s.text_frame.text for s in deck_of(nameless).slides[0].shapes if s.has_text_frame)
    assert "Sumber: unggahan #" in text and "berkas:" not in text, text
    named = "\n".join(s.text_frame.text for s in deck_of(briefing).slides[0].shapes if s.has_text_frame)
    assert "berkas: mpp_malls_sample.xlsx" in named, named
