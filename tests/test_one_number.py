"""One number everywhere (issue 20, point 8): the dashboard, the deck, the command line and the exports
take each share, its rounding and the order of provinces from ``mpp_data.figures``.

The register: Papua Tengah 1 of 8 covered (12.5%: the issue's 12% against 13%), Banten 8 of 8 and
Bali 9 of 9 (equal coverage, where name order and code order differ), and one slow year so a
province's required pace is well under one a month.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from pptx import Presentation

from mpp_data import service
from mpp_data.__main__ import main
from mpp_data.figures import round_half_away, share_pct
from mpp_data.present import charts
from mpp_data.present import display as presentation
from mpp_data.present.briefing import content as c
from mpp_data.present.forecast_text import pace_phrase
from mpp_data.present.messages import result_messages
from mpp_data.reference.regions import official_regions
from tests.conftest import ANALYST
from tests.loaders import workbooks as wb

AS_OF = dt.date(2025, 6, 30)
PAPUA_TENGAH, BANTEN, BALI = "94", "36", "51"


@pytest.fixture
def loaded(sqlite_store):
    store = sqlite_store
    regions = official_regions()
    chosen = [regions[regions["province_code"] == p]["name"].tolist() for p in (BANTEN, BALI)]
    rows = [["Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"]]
    rows += [[name, f"MPP {name}", "Beroperasi", dt.datetime(2023, 1, 2)] for names in chosen for name in names]
    first_of_papua_tengah = regions[regions["province_code"] == PAPUA_TENGAH]["name"].iloc[0]
    rows.append([first_of_papua_tengah, "MPP Papua Tengah", "Beroperasi", dt.datetime(2024, 11, 5)])
    result = service.ingest_files([wb.xlsx({"MPP": rows})], store, actor=ANALYST)
    assert result.snapshot_id is not None, result_messages(result, "en")
    return store


def _order_and_papua_tengah(rows: list[dict], code: str = "code", pct: str = "coverage_pct") -> tuple[list, float]:
    return [r[code] for r in rows], next(r[pct] for r in rows if r[code] == PAPUA_TENGAH)


def test_every_view_shows_the_same_shares_in_the_same_order(loaded, capsys):
    data = service.load_snapshot(loaded)
    summary = service.national_summary(data, scope=service.ViewScope(as_of=AS_OF))
    order, papua_tengah = _order_and_papua_tengah(summary["provinces"])
    assert papua_tengah == share_pct(1, 8) == 12.5  # half away from zero, computed once
    assert order[:2] == [BANTEN, BALI], "equal coverage: by code, not by name (Bali < Banten)"

    # the Provinces page's table and the Overview's chart
    provinces = service.coverage_by_province(data, scope=service.ViewScope(as_of=AS_OF))
    table = presentation.display_provinces(provinces)
    assert list(provinces["province_code"]) == order
    assert table.loc[table["province_name"] == "Papua Tengah", "coverage_pct"].item() == 12.5
    assert list(table["rank"][:3]) == [1, 1, 3]
    bars = charts.coverage_by_province(provinces, "id").data[0]
    assert list(bars.y)[::-1] == list(table["province_name"])
    assert bars.text[list(bars.y).index("Papua Tengah")] == "13%"  # 12.5 shown without decimals, half away

    # the command line
    assert main(["metrics", "--json", "--as-of", AS_OF.isoformat(), "--db", loaded.url]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert _order_and_papua_tengah(cli["provinces"]) == (order, 12.5)

    # the export
    export = service.export_table(
        loaded, scope=service.ViewScope(as_of=AS_OF, lang="id"), table="provinces", fmt="xlsx"
    )
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    values = [row for row in sheet.iter_rows(values_only=True) if row and "Papua Tengah" in row]
    assert 12.5 in values[0]

    # the deck: the same order, the same figure, and PowerPoint's 0-decimal label rounds it as the page does
    briefing = service.gather_briefing(
        loaded, scope=service.ViewScope(as_of=AS_OF), settings=service.Settings(), with_map=False
    )
    ranked = c.ranked_provinces(briefing)
    assert [p["code"] for p in ranked] == order
    assert [p["rank"] for p in ranked[:3]] == [1, 1, 3]
    deck = Presentation(
        io.BytesIO(service.briefing_deck(loaded, scope=service.ViewScope(as_of=AS_OF), settings=service.Settings()))
    )
    shown = [cell.text for slide in deck.slides for shape in slide.shapes if shape.has_table
             for row in shape.table.rows for cell in row.cells]  # fmt: skip
    assert "12,5%" in shown
    values = [v for slide in deck.slides for shape in slide.shapes if shape.has_chart
              for s in shape.chart.plots[0].series for v in s.values]  # fmt: skip
    assert 12.5 in values and round_half_away(12.5) == 13


@pytest.fixture
def slow(sqlite_store):
    """Papua Tengah: two of its eight regencies covered, a year and a half apart."""
    store = sqlite_store
    names = official_regions().query("province_code == @PAPUA_TENGAH")["name"].tolist()
    rows = [["Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"],
            [names[0], "MPP A", "Beroperasi", dt.datetime(2023, 11, 5)],
            [names[1], "MPP B", "Beroperasi", dt.datetime(2025, 2, 3)]]  # fmt: skip
    assert service.ingest_files([wb.xlsx({"MPP": rows})], store, actor=ANALYST).snapshot_id is not None
    return store


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_required_pace_under_one_a_month_is_never_written_as_zero(slow, lang):
    target = dt.date(2030, 12, 31)
    forecast = service.forecast_for(
        service.load_snapshot(slow), scope=service.ViewScope(as_of=AS_OF, target_date=target, province=PAPUA_TENGAH)
    )
    sentences = " ".join(service.describe_forecast(forecast, lang))
    assert forecast.required_pace_per_month is not None and 0 < forecast.required_pace_per_month < 0.15
    assert "0,0" not in sentences and "0.0" not in sentences
    assert pace_phrase(forecast.required_pace_per_month, lang) in sentences
    assert ("per tahun" if lang == "id" else "a year") in sentences
    deck = Presentation(io.BytesIO(service.briefing_deck(
        slow, scope=service.ViewScope(as_of=AS_OF, province=PAPUA_TENGAH, lang=lang, target_date=target),
        settings=service.Settings())))  # fmt: skip
    text = " ".join(p.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
                    for p in shape.text_frame.paragraphs)  # fmt: skip
    assert pace_phrase(forecast.required_pace_per_month, lang) in text
    assert " 0,0 kabupaten" not in text and " 0.0 regencies" not in text


@pytest.mark.parametrize(
    ("per_month", "id_text", "en_text"),
    [
        (3.25, "3,3 kabupaten/kota per bulan", "3.3 regencies/cities a month"),
        (0.95, "1,0 kabupaten/kota per bulan", "1.0 regencies/cities a month"),
        (0.94, "11,3 kabupaten/kota per tahun", "11.3 regencies/cities a year"),
        (1 / 12, "1,0 kabupaten/kota per tahun", "1.0 regencies/cities a year"),
        (0.04, "1 kabupaten/kota setiap 25 bulan", "1 regency/city every 25 months"),
        (0.001, "1 kabupaten/kota setiap 1.000 bulan", "1 regency/city every 1,000 months"),
    ],
)
def test_a_pace_is_written_in_the_unit_that_keeps_it_above_zero(per_month, id_text, en_text):
    assert (pace_phrase(per_month, "id"), pace_phrase(per_month, "en")) == (id_text, en_text)
