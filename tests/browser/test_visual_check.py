"""The visual check: every page in both languages on a laptop (1440 px) and a phone (390 px).

One server and one browser page for all 32 loads. Each load is screenshotted under ``test-output/visual/``
and checked for what an official would notice: an exception, identifiers or ``None``/``nan``/``NaT`` on
screen, a page wider than the screen, a chart title under the plotly toolbar, and a KPI change whose
colour or arrow does not follow its sign. Every problem is collected first and reported together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest

from tests.app.signing import link_token
from tests.browser.conftest import OUTPUT, wait_until_drawn
from tests.loaders import workbooks as wb

pytestmark = pytest.mark.browser

PAGES = {
    "overview": "",
    "map": "map",
    "provinces": "provinces",
    "gaps": "gaps",
    "planner": "planner",
    "agencies": "agencies",
    "region": "region?region=61.03",
    "history": "history",
    "upload": "upload",
}
WIDTHS = (1440, 390)
LANGS = ("id", "en")
SHOTS = OUTPUT / "visual"

MISSING_VALUE = re.compile(r"(?<![\w.])(None|nan|NaN|NaT)(?![\w.])")
# snake_case words (pipeline_status, coverage_pct); file names such as mpp_malls_sample.xlsx are
# the user's own words and stay allowed.
IDENTIFIER = re.compile(r"(?<![\w./-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w-]|\.\w)")
# Setting names are for admins: only the Upload page's admin section may name them.
SETTING = re.compile(r"\bMPP_[A-Z_]+\b")

# Visible text: the page's own text, the text drawn in chart SVGs and the cells of every table (the grid
# draws cells on a canvas and keeps them as text in its accessible table).
# Material icons are written as ligature names (upload_file) that the icon font draws as a picture.
VISIBLE_TEXT = """() => {
    let text = document.body.innerText;
    for (const icon of document.querySelectorAll('[data-testid="stIconMaterial"]')) {
        text = text.replace(icon.textContent, '');
    }
    const parts = [text];
    for (const node of document.querySelectorAll('.js-plotly-plot svg text')) parts.push(node.textContent);
    for (const node of document.querySelectorAll('[data-testid="stDataFrame"] [role="gridcell"], '
                                                 + '[data-testid="stDataFrame"] th')) {
        parts.push(node.textContent);
    }
    return parts.join('\\n').replaceAll('\\u2060', '');
}"""

OVERFLOW = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    return {document: document.documentElement.scrollWidth, window: window.innerWidth,
            main: main ? main.scrollWidth : 0, mainClient: main ? main.clientWidth : 0};
}"""

TITLE_UNDER_TOOLBAR = """() => {
    const clashes = [];
    for (const plot of document.querySelectorAll('.js-plotly-plot')) {
        const title = plot.querySelector('.gtitle');
        const bar = plot.querySelector('.modebar');
        if (!title || !bar) continue;
        const a = title.getBoundingClientRect(), b = bar.getBoundingClientRect();
        if (a.width === 0 || b.width === 0) continue;
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        if (!apart) clashes.push(title.textContent);
    }
    return clashes;
}"""

DELTAS = """() => [...document.querySelectorAll('[data-testid="stMetricDelta"]')].map(d => ({
    text: d.innerText,
    colour: getComputedStyle(d).color,
    up: d.querySelector('[data-testid="stMetricDeltaIcon-Up"]') !== null,
    down: d.querySelector('[data-testid="stMetricDeltaIcon-Down"]') !== null,
}))"""


def delta_problems(deltas: list[dict]) -> list[str]:
    """A change written with a minus must be red with a down arrow, one with a plus green with an up
    arrow; a change that is zero or not a change (the pipeline tile's date) neither red nor green."""
    problems = []
    for delta in deltas:
        text = delta["text"].strip()
        r, g, _ = (int(v) for v in re.findall(r"\d+", delta["colour"])[:3])
        hue = "red" if r > g + 40 else "green" if g > r + 40 else "grey"
        if text.startswith(("-", "−")):
            wanted, arrow = "red", "down"
        elif text.startswith("+"):
            wanted, arrow = "green", "up"
        else:
            wanted, arrow = "grey", None
        shown_arrow = "up" if delta["up"] else "down" if delta["down"] else None
        if hue != wanted or shown_arrow != arrow:
            problems.append(f"KPI change {text!r} is {hue} with arrow {shown_arrow}")
    return problems


#: What a phone's browser says it is (Safari on an iPhone); the dashboard reads "Mobi" in it.
PHONE_AGENT = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
               "Version/17.5 Mobile/15E148 Safari/604.1")  # fmt: skip


@pytest.fixture(scope="module")
def screen(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def phone(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, user_agent=PHONE_AGENT)
    page = context.new_page()
    yield page
    context.close()


def open_page(page, url: str) -> str:
    """Open ``url`` and wait until it has drawn (script finished, every chart and table on screen);
    gives the page's first heading, the positive proof that it drew before anything is found absent."""
    page.goto(url, wait_until="domcontentloaded")
    main = page.locator('[data-testid="stMain"]')
    main.get_by_role("heading").first.wait_for(timeout=60_000)
    wait_until_drawn(page)
    return main.get_by_role("heading").first.inner_text()


def check(page, name: str, lang: str, width: int) -> list[str]:
    where = f"{name} {lang} {width}px"
    problems = []
    if page.locator('[data-testid="stException"]').count():
        problems.append(f"{where}: an exception is shown")
    text = page.evaluate(VISIBLE_TEXT)
    for pattern in (MISSING_VALUE, IDENTIFIER) if name == "upload" else (MISSING_VALUE, IDENTIFIER, SETTING):
        found = sorted(set(pattern.findall(text)))
        if found:
            problems.append(f"{where}: shows {found}")
    sizes = page.evaluate(OVERFLOW)
    if sizes["document"] > sizes["window"] + 1 or sizes["main"] > sizes["mainClient"] + 1:
        problems.append(f"{where}: wider than the screen {sizes}")
    problems += [f"{where}: chart title {title!r} under the toolbar" for title in page.evaluate(TITLE_UNDER_TOOLBAR)]
    problems += [f"{where}: {p}" for p in delta_problems(page.evaluate(DELTAS))]
    return problems


def screenshot(page, path) -> None:
    """The whole page: Streamlit scrolls inside its main block, so the window grows to its height first."""
    size = page.viewport_size
    tall = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(max(tall, size["height"]), 9000)})
    wait_until_drawn(page)  # the charts redraw at the new size
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


LAYOUT = """() => ({width: document.documentElement.clientWidth,
                    sidebar: document.querySelector('[data-testid="stSidebar"]')?.getAttribute('data-collapsed'),
                    text: document.querySelector('[data-testid="stMain"]').innerText})"""


def test_every_page_reads_cleanly_in_both_languages_on_laptop_and_phone(screen, phone, dashboard_url):
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    drawn: dict[tuple[str, str, int], dict] = {}
    screen.set_viewport_size({"width": 1440, "height": 1000})
    for width in WIDTHS:
        page = phone if width < 500 else screen  # a phone says so in its user agent
        for lang in LANGS:
            for name, path in PAGES.items():
                joiner = "&" if "?" in path else "?"
                heading = open_page(page, f"{dashboard_url}/{path}{joiner}lang={lang}")
                drawn[name, lang, width] = {"heading": heading, **page.evaluate(LAYOUT)}
                problems += check(page, name, lang, width)
                screenshot(page, SHOTS / f"{name}-{lang}-{width}.png")
    for (name, lang, width), page in drawn.items():
        where = f"{name} {lang} {width}px"
        if not page["heading"].strip():
            problems.append(f"{where}: no title drawn")
        if page["width"] != width:  # the page was laid out at the width it was checked at
            problems.append(f"{where}: laid out {page['width']} px wide")
        if width < 500 and page["sidebar"] != "true":  # a phone opens on the page, its sidebar closed
            problems.append(f"{where}: the sidebar covers the page")
        if lang == "en" and page["text"] == drawn[name, "id", width]["text"]:
            problems.append(f"{where}: the same text as in Indonesian")
    for lang in LANGS:  # every page drew its own title
        for width in WIDTHS:
            titles = [drawn[name, lang, width]["heading"] for name in PAGES]
            if len(set(titles)) != len(PAGES):
                problems.append(f"{lang} {width}px: pages share a title: {titles}")
    assert not problems, "\n".join(problems)


def test_upload_report_reads_cleanly_on_laptop_and_phone(screen, dashboard_url, dashboard_database_url):
    """The check report of an upload with problems: messages and file names, no identifiers."""
    export = wb.xlsx(
        {"MPP": [["Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"],
                 ["Kab. Sangau", "MPP Sanggau", "Beroperasi", dt.date(2021, 5, 1)],
                 ["Bogor", "Mal Pelayanan Publik Bogor", "Beroperasi", dt.date(2022, 2, 1)]]},
        name="ekspor_contoh_bermasalah.xlsx",
    )  # fmt: skip
    problems: list[str] = []
    for width in WIDTHS:
        screen.set_viewport_size({"width": width, "height": 1000 if width > 500 else 844})
        token = link_token(dashboard_database_url, "analyst")  # the Upload page is an analyst's
        open_page(screen, f"{dashboard_url}/upload?lang=id&signin={token}")
        screen.locator('.st-key-upload_files [data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            {"name": export.name, "mimeType": "application/octet-stream", "buffer": export.content}
        )
        screen.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
        wait_until_drawn(screen)
        assert screen.get_by_text(export.name).count() >= 1, "the report names the file"
        problems += check(screen, "upload report", "id", width)
        screenshot(screen, SHOTS / f"upload-report-id-{width}.png")
    assert not problems, "\n".join(problems)


LAND_IN_FRAME = """() => {
    const chart = document.querySelector('[data-testid="stPlotlyChart"]').getBoundingClientRect();
    const sea = document.querySelector('.js-plotly-plot .nsewdrag').getBoundingClientRect();
    const land = document.querySelectorAll('.scatterlayer .trace')[1].querySelector('path.js-fill');
    const box = land.getBoundingClientRect();
    return {frame: chart.height, sea: sea.height, land: box.height, landWidth: box.width, seaWidth: sea.width};
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_the_map_fills_its_frame_on_a_phone(phone, dashboard_url, lang):
    """Indonesia is about three times wider than tall: on a phone the frame is shorter, so the islands
    fill the map's area from side to side and most of its height, and the map (the rest is title and
    legend) is most of the frame, rather than a band of land in a tall frame of sea (issue #14)."""
    open_page(phone, f"{dashboard_url}/map?lang={lang}")
    sizes = phone.evaluate(LAND_IN_FRAME)
    screenshot(phone, SHOTS / f"map-phone-{lang}-390.png")
    assert sizes["landWidth"] > 0.8 * sizes["seaWidth"], sizes
    assert sizes["land"] > 0.6 * sizes["sea"], sizes
    assert sizes["sea"] > 0.45 * sizes["frame"], sizes


def test_kpi_changes_with_no_growth_read_grey_without_an_arrow(screen, dashboard_url):
    """Before the first inauguration nothing changes: every KPI change is a grey 0."""
    screen.set_viewport_size({"width": 1440, "height": 1000})
    open_page(screen, f"{dashboard_url}/?as_of=2016-06-30&lang=en")
    deltas = screen.evaluate(DELTAS)
    assert [d["text"].strip() for d in deltas][:3] == ["0", "0", "0"], deltas
    assert delta_problems(deltas) == []
    screenshot(screen, SHOTS / "overview-no-growth-en-1440.png")


def test_delta_check_tells_a_wrong_colour_from_a_right_one():
    red, green, grey = "rgb(255, 43, 43)", "rgb(33, 195, 84)", "rgb(49, 51, 63)"
    right = [
        {"text": "−126", "colour": red, "up": False, "down": True},
        {"text": "+3", "colour": green, "up": True, "down": False},
        {"text": "per 15 Des 2024", "colour": grey, "up": False, "down": False},
    ]
    assert delta_problems(right) == []
    wrong = [{"text": "−126", "colour": green, "up": True, "down": False}]
    assert delta_problems(wrong) == ["KPI change '−126' is green with arrow up"]


def test_identifier_and_missing_value_patterns():
    assert IDENTIFIER.findall("Status: pipeline_status, coverage_pct") == ["pipeline_status", "coverage_pct"]
    assert IDENTIFIER.findall("Sumber: mpp_malls_sample.xlsx, MPP_BOUNDARIES_PATH") == []
    assert SETTING.findall("atur MPP_BOUNDARIES_PATH") == ["MPP_BOUNDARIES_PATH"]
    assert MISSING_VALUE.findall("None → None, nan, NaT, Nonesuch, 2024") == ["None", "None", "nan", "NaT"]
