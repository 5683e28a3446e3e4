"""The deck as LibreOffice Impress draws it (``soffice --headless --convert-to pdf``, then ``pdftoppm``
and ``pdftotext -bbox-layout``), on a generated national register like the real ones and on a
province with a long name: the coverage line ends at the as-of date where the year labels put it, and
every slide's title is one line inside the slide."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from mpp_data import service
from mpp_data.present.briefing import build_deck
from mpp_data.present.charts import OKABE_ITO
from mpp_data.present.text import t
from tests.generated_registers import national_register, save_register

pytestmark = pytest.mark.slow  # LibreOffice renders two decks

DPI = 100
LONGEST_NAMED_PROVINCE = "31"  # Daerah Khusus Ibukota Jakarta
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict:
    """Both decks built (without the map: LibreOffice draws it as any picture) and rendered to PDF."""
    folder = tmp_path_factory.mktemp("rendered")
    store = service.open_store(f"sqlite:///{folder / 'mpp.sqlite'}")
    save_register(store, national_register())
    decks = {}
    for name, scope in (("national", service.ViewScope()),
                        ("province", service.ViewScope(province=LONGEST_NAMED_PROVINCE, lang="en"))):  # fmt: skip
        briefing = service.gather_briefing(store, scope=scope, settings=service.Settings(), with_map=False)
        (folder / f"{name}.pptx").write_bytes(build_deck(briefing))
        decks[name] = briefing
    store.dispose()
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder / 'profile'}", "--convert-to",
                    "pdf", "--outdir", str(folder), str(folder / "national.pptx"), str(folder / "province.pptx")],
                   check=True, capture_output=True, timeout=300)  # fmt: skip
    return {"folder": folder, "briefings": decks}


def pages(pdf: Path) -> list[ET.Element]:
    layout = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True,
                            text=True).stdout  # fmt: skip
    return ET.fromstring(layout).findall(f".//{XHTML}page")


def words(page: ET.Element) -> list[tuple[str, float, float, float, float]]:
    """(text, xMin, yMin, xMax, yMax) in points of every word on the page."""
    return [(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))  # type: ignore[arg-type]
            for w in page.iter(f"{XHTML}word")]  # fmt: skip


def title_lines(page: ET.Element) -> list[str]:
    """The lines of the slide's title: the text in its top eighth, one entry per line."""
    height = float(page.get("height"))  # type: ignore[arg-type]
    lines: dict[int, list[str]] = {}
    for text, _, top, _, bottom in words(page):
        if bottom < height / 8 + 30 and top < height / 8:
            lines.setdefault(round(top), []).append(text)
    return [" ".join(w) for _, w in sorted(lines.items())]


@pytest.mark.parametrize("deck", ["national", "province"])
def test_every_title_is_one_line_inside_the_slide(rendered, deck):
    """On main a province deck's titles wrapped onto two lines over the slide's body."""
    for number, page in enumerate(pages(rendered["folder"] / f"{deck}.pdf")[1:], start=2):  # the title slide apart
        lines = title_lines(page)
        assert len(lines) == 1, (deck, number, lines)
        width = float(page.get("width"))  # type: ignore[arg-type]
        assert all(left >= 0 and right <= width for _, left, _, right, _ in words(page)), (deck, number)
    briefing = rendered["briefings"]["province"]
    if deck == "province":  # the longest province name is in them
        assert any(
            briefing.province_name in " ".join(title_lines(p)) for p in pages(rendered["folder"] / "province.pdf")
        )


def year_of(x: float, labels: dict[int, float]) -> float:
    """The date, as a fractional year, at ``x`` on the axis whose year labels are centred at ``labels``."""
    years = sorted(labels)
    pairs = list(zip(years, years[1:], strict=False))
    a, b = next(((a, b) for a, b in pairs if labels[a] <= x <= labels[b]), pairs[-1])
    return a + (x - labels[a]) / (labels[b] - labels[a]) * (b - a)


def fractional_year(day: dt.date) -> float:
    start = dt.date(day.year, 1, 1)
    return day.year + (day - start).days / (dt.date(day.year + 1, 1, 1) - start).days


@pytest.mark.parametrize("deck", ["national", "province"])
def test_the_coverage_line_ends_at_the_as_of_date_in_impress(rendered, deck):
    """On main LibreOffice drew the line's last point months before the as-of date (a line chart's date
    axis as evenly spaced categories, its labels from the first month on)."""
    briefing = rendered["briefings"][deck]
    pdf = rendered["folder"] / f"{deck}.pdf"
    title = t("briefing.coverage.title", briefing.lang, total=briefing.number(briefing.now["total_regions"]))
    number, page = next((i, p) for i, p in enumerate(pages(pdf), start=1) if title_lines(p) == [title])
    placed = words(page)
    labels = {int(text): (left + right) / 2 for text, left, _, right, _ in placed if re.fullmatch(r"20\d\d", text)}
    axis_top = min(top for text, _, top, _, _ in placed if re.fullmatch(r"20\d\d", text))
    assert len(labels) >= 5, labels
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-f", str(number), "-l", str(number), str(pdf),
                    str(pdf.with_suffix(""))], check=True, timeout=120)  # fmt: skip
    (picture,) = pdf.parent.glob(f"{pdf.stem}-*{number}.png")
    pixels = np.asarray(Image.open(picture).convert("RGB"), dtype=int)
    blue = np.array([int(OKABE_ITO["blue"][i : i + 2], 16) for i in (1, 3, 5)])
    scale = DPI / 72
    plot_bottom = int(axis_top * scale) - 2  # above the year labels: the legend's blue sample is below them
    plot = pixels[int(len(pixels) * 0.15) : plot_bottom]
    columns = np.nonzero((np.abs(plot - blue).sum(axis=2) < 40).any(axis=0))[0]
    assert len(columns), "the covered line is drawn"
    rightmost = int(columns.max())
    drawn = year_of(rightmost / scale, labels)
    # the line's 3 pt width reaches a little past its last point; a month is 0.083 of a year
    assert abs(drawn - fractional_year(briefing.as_of)) < 0.06, (drawn, briefing.as_of)
