"""The visual check: every page in both languages on a laptop (1440 px) and a phone (390 px).

One server and one browser page for all loads. Each load is screenshotted under ``test-output/visual/``
and checked for what an official would notice: an exception, identifiers or ``None``/``nan``/``NaT`` on
screen, text in the other language, a page wider than the screen, a table column beyond the table's
right edge, a chart title under the plotly toolbar or over its plot, a chart with nothing to draw drawn
as an empty axis, a browser tab title that does not name its page, a KPI change whose colour or arrow
does not follow its sign, and what axe-core (WCAG 2.1 AA) finds. Every problem is collected first and
reported together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest

from mpp_data.present.text import MESSAGES, t
from tests.app.signing import link_token
from tests.browser.conftest import OUTPUT, wait_until_drawn
from tests.conftest import ROOT
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
#: The navigation title of each page: its browser tab names it.
NAV_TITLES = {"overview": "nav.overview", "map": "nav.map", "provinces": "nav.provinces", "gaps": "nav.gaps",
              "planner": "nav.plan", "agencies": "nav.agencies", "region": "nav.region", "history": "nav.history",
              "upload": "nav.upload"}  # fmt: skip
WIDTHS = (1440, 390)
LANGS = ("id", "en")
SHOTS = OUTPUT / "visual"

MISSING_VALUE = re.compile(r"(?<![\w.])(None|nan|NaN|NaT)(?![\w.])")
# snake_case words (pipeline_status, coverage_pct); file names such as mpp_malls_sample.xlsx are
# the user's own words and stay allowed.
IDENTIFIER = re.compile(r"(?<![\w./-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w-]|\.\w)")
# Setting names are for admins: only the Upload page's admin section may name them.
SETTING = re.compile(r"\bMPP_[A-Z_]+\b")
# Dotted codes (snapshot.withdrawn, sign_in_link.created) and actor codes (system:first-start); a file
# name (laporan.xlsx) and an email's domain (example.go.id) are not codes.
DOTTED_CODE = re.compile(
    r"(?<![\w./@:-])[a-z]{2,}(?:_[a-z]+)*\.(?!(?:xlsx|xlsm|xls|ods|csv|json|geojson|pptx|pdf|png)\b)"
    r"[a-z]{2,}(?:_[a-z]+)*(?![\w@-]|\.\w)|\b(?:system|cli):[\w-]+"
)

# Visible text: the page's own text, the text drawn in chart SVGs and the cells of every table (the grid
# draws cells on a canvas and keeps them as text in its accessible table).
# Material icons are written as ligature names (upload_file) that the icon font draws as a picture.
VISIBLE_TEXT = """() => {
    let text = document.body.innerText;
    for (const icon of document.querySelectorAll('[data-testid="stIconMaterial"]')) {
        text = text.replace(icon.textContent, '');
    }
    const parts = [text];
    // what an empty picker or field shows ("Choose an option" is a placeholder, not text): a picker
    // shows its placeholder when it draws no chosen value, a field when nothing is typed in it
    for (const node of document.querySelectorAll('[data-testid="stMain"] input[placeholder], '
                                                 + '[data-testid="stMain"] textarea[placeholder]')) {
        const picker = node.closest('[data-baseweb="select"]');
        if (picker ? !picker.innerText.trim() : !node.value) parts.push(node.getAttribute('placeholder'));
    }
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

# A chart title over its plot: over the plot area, a tick label, a bar's label, an annotation or the legend.
TITLE_OVER_PLOT = """() => {
    const meet = (a, b) => !(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top);
    const clashes = [];
    for (const plot of document.querySelectorAll('.js-plotly-plot')) {
        const title = plot.querySelector('.gtitle');
        if (!title || !title.getBoundingClientRect().width) continue;
        const a = title.getBoundingClientRect();
        const parts = plot.querySelectorAll('.nsewdrag, .geo .bg, .xtick text, .ytick text, .bartext, '
                                            + '.annotation-text, .legend .bg');
        for (const part of parts) {
            const b = part.getBoundingClientRect();
            if (b.width && b.height && meet(a, b)) { clashes.push(title.textContent); break; }
        }
    }
    return clashes;
}"""

# A chart with nothing to draw: no trace has a value other than zero or empty (the bars' length, the line's
# height, the heatmap's cells, the map's points). It should say so in a sentence instead.
EMPTY_CHART = """() => {
    const values = trace => {
        const key = trace.type === 'heatmap' || trace.type === 'choropleth' ? 'z'
            : trace.type && trace.type.endsWith('geo') ? 'lat'
            : trace.orientation === 'h' ? 'x' : 'y';
        // plotly keeps a column of numbers as a typed array, a heatmap's rows as an array of them
        const flat = a => (Array.isArray(a) || ArrayBuffer.isView(a)) ? Array.from(a).flatMap(flat) : [a];
        return flat(trace[key] || []);
    };
    const drawn = v => v !== null && v !== undefined && v !== '' && Number.isFinite(Number(v)) && Number(v) !== 0;
    return [...document.querySelectorAll('.js-plotly-plot')]
        .filter(plot => !(plot._fullData || []).some(trace => trace.visible !== false && values(trace).some(drawn)))
        .map(plot => plot.querySelector('.gtitle')?.textContent || '(untitled)');
}"""

# A table wider than its frame: a column the reader must scroll to, beyond the table's right edge.
TABLE_BEYOND_EDGE = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')]
    .filter(table => table.getClientRects().length && !table.closest('details:not([open])'))
    .map(table => {
        const scroller = table.querySelector('.dvn-scroller');
        const headers = [...table.querySelectorAll('th')].map(th => th.textContent.trim()).filter(Boolean);
        return {headers, wide: scroller ? scroller.scrollWidth - scroller.clientWidth : 0,
                right: table.getBoundingClientRect().right, screen: window.innerWidth};
    })
    .filter(table => table.wide > 1 || table.right > table.screen + 1)"""

#: What Streamlit's widgets write themselves, in English only: none of it may show on an Indonesian page.
STREAMLIT_ENGLISH = ("Choose an option", "Choose options", "No results", "Browse files", "Drag and drop",
                     "Press Enter to apply", "per file")  # fmt: skip


def other_language_phrases(lang: str) -> set[str]:
    """Phrases of the catalogue's other language that no text of ``lang`` has: each text's parts between
    its placeholders, of four words or more (shorter ones are names both languages share)."""
    other = "en" if lang == "id" else "id"
    own = "\n".join(entry[lang] for entry in MESSAGES.values())
    phrases = set()
    for entry in MESSAGES.values():
        if entry[other] == entry[lang]:
            continue
        for part in re.split(r"\{[^}]*\}|[“”\"():;,.!?·]", entry[other]):
            part = part.strip()
            if len(part.split()) >= 4 and part not in own:
                phrases.add(part)
    return phrases | (set(STREAMLIT_ENGLISH) if lang == "id" else set())


WRONG_LANGUAGE = {lang: other_language_phrases(lang) for lang in LANGS}

AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = """async () => {
    const result = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',
                                                                             'wcag21aa']}});
    return result.violations.map(v => ({id: v.id, nodes: v.nodes.length,
                                        where: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' '
                                                                        + (n.any[0]?.message || ''))}));
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
    patterns = (MISSING_VALUE, IDENTIFIER, DOTTED_CODE)
    for pattern in patterns if name.startswith("upload") else (*patterns, SETTING):
        found = sorted(set(pattern.findall(text)))
        if found:
            problems.append(f"{where}: shows {found}")
    if wrong := sorted(phrase for phrase in WRONG_LANGUAGE[lang] if phrase in text):
        problems.append(f"{where}: text in the other language {wrong}")
    sizes = page.evaluate(OVERFLOW)
    if sizes["document"] > sizes["window"] + 1 or sizes["main"] > sizes["mainClient"] + 1:
        problems.append(f"{where}: wider than the screen {sizes}")
    problems += [f"{where}: chart title {title!r} under the toolbar" for title in page.evaluate(TITLE_UNDER_TOOLBAR)]
    problems += [f"{where}: chart title {title!r} over its plot" for title in page.evaluate(TITLE_OVER_PLOT)]
    problems += [f"{where}: chart {title!r} drawn empty, not said in words" for title in page.evaluate(EMPTY_CHART)]
    problems += [f"{where}: table {table['headers'][:3]}… has columns beyond its right edge ({table['wide']} px)"
                 for table in page.evaluate(TABLE_BEYOND_EDGE)]  # fmt: skip
    problems += [f"{where}: {p}" for p in delta_problems(page.evaluate(DELTAS))]
    problems += [f"{where}: axe-core {v['id']} on {v['nodes']} element(s): {v['where']}" for v in accessibility(page)]
    return problems


def accessibility(page) -> list[dict]:
    """What axe-core finds against WCAG 2.1 A and AA on the page as drawn (scripts/ensure_axe.sh installs it)."""
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed: run scripts/ensure_axe.sh (looked for {AXE})")
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN)


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
                tab, wanted = page.title(), t(NAV_TITLES[name], lang)
                if wanted not in tab:
                    problems.append(f"{name} {lang} {width}px: the tab is titled {tab!r}, not naming {wanted!r}")
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


#: What an uploader shows in Streamlit's own words (1.67): its button, its limit, and its drop text.
UPLOADER_WORDS = """() => [...document.querySelectorAll('[data-testid="stFileUploader"]')].map(box => ({
    text: box.innerText,
    button: getComputedStyle(box.querySelector('[data-testid="stFileUploaderDropzone"] button '
                                               + '[data-testid="stMarkdownContainer"]'), '::after').content,
}))"""


def test_the_uploader_speaks_the_readers_language(screen, dashboard_url, dashboard_database_url):
    """Streamlit writes "Upload" and "50MB per file" in English: the page draws its own words there."""
    screen.set_viewport_size({"width": 1440, "height": 1000})
    problems = []
    for lang, button, limit in (("id", "Pilih berkas", "per berkas"), ("en", "Choose files", "per file")):
        token = link_token(dashboard_database_url, "analyst")
        open_page(screen, f"{dashboard_url}/upload?lang={lang}&signin={token}")
        (box,) = screen.evaluate(UPLOADER_WORDS)
        if box["button"] != f'"{button}"':
            problems.append(f"{lang}: the button reads {box['button']}")
        notes = screen.locator('[data-testid="stFileUploaderDropzoneInstructions"] > div').first
        drawn = notes.evaluate("node => getComputedStyle(node, '::after').content")
        if limit not in drawn:
            problems.append(f"{lang}: the limit reads {drawn}")
        if lang == "id" and re.search(r"\bUpload\b|MB per file", box["text"]):
            problems.append(f"id: Streamlit's English shows: {box['text']!r}")
    assert not problems, "\n".join(problems)


def test_upload_report_reads_cleanly_on_laptop_and_phone(screen, phone, dashboard_url, dashboard_database_url):
    """The check report of an upload with problems: messages and file names, no identifiers, no None
    for a row-less problem, no -5.0 for a cell typed -5, every column on screen."""
    export = wb.xlsx(
        {"MPP": [["Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"],
                 ["Kab. Sangau", "MPP Sanggau", "Beroperasi", dt.date(2021, 5, 1)],
                 ["Bogor", "Mal Pelayanan Publik Bogor", "Beroperasi", dt.date(2022, 2, 1)],
                 ["Kota Medan", "MPP Medan", "Beroperasi", -5],
                 [None, None, None, None],
                 ["Jumlah", None, None, None]]},
        name="ekspor_contoh_bermasalah.xlsx",
    )  # fmt: skip
    problems: list[str] = []
    for width in WIDTHS:
        browser_page = phone if width < 500 else screen  # a phone says so in its user agent
        browser_page.set_viewport_size({"width": width, "height": 1000 if width > 500 else 844})
        token = link_token(dashboard_database_url, "analyst")  # the Upload page is an analyst's
        open_page(browser_page, f"{dashboard_url}/upload?lang=id&signin={token}")
        browser_page.locator('.st-key-upload_files [data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            {"name": export.name, "mimeType": "application/octet-stream", "buffer": export.content}
        )
        browser_page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=60_000)
        wait_until_drawn(browser_page)
        assert browser_page.get_by_text(export.name).count() >= 1, "the report names the file"
        problems += check(browser_page, "upload report", "id", width)
        text = browser_page.evaluate(VISIBLE_TEXT)
        if "-5.0" in text:
            problems.append(f"upload report id {width}px: a cell typed -5 shows as -5.0")
        if "(kosong, total, judul berulang, duplikat)" in text:
            problems.append(f"upload report id {width}px: the skipped rows are not named for what they were")
        screenshot(browser_page, SHOTS / f"upload-report-id-{width}.png")
    assert not problems, "\n".join(problems)


#: The pages as of a day before the first mall opened: every chart has nothing to draw.
BEFORE_THE_FIRST_MALL = "2016-06-30"


def test_pages_with_nothing_to_chart_say_so_in_words(screen, dashboard_url):
    """Before the first inauguration each chart has nothing to draw: it says so rather than drawing an
    empty frame or an axis of made-up dates."""
    screen.set_viewport_size({"width": 1440, "height": 1000})
    problems: list[str] = []
    for lang in LANGS:
        for name in ("overview", "provinces", "agencies", "region"):
            path = PAGES[name]
            joiner = "&" if "?" in path else "?"
            open_page(screen, f"{dashboard_url}/{path}{joiner}as_of={BEFORE_THE_FIRST_MALL}&lang={lang}")
            problems += check(screen, f"{name} before the first mall", lang, 1440)
            screenshot(screen, SHOTS / f"{name}-empty-{lang}-1440.png")
    assert not problems, "\n".join(problems)


def admin_page_problems(pages: tuple, dashboard_url: str, database_url: str, name: str, key: str) -> list[str]:
    """An admin's page in both languages at both widths (``pages``: the laptop's and the phone's browser
    page): the checks of every page, and its tab's title."""
    problems: list[str] = []
    for width in WIDTHS:
        screen = pages[1] if width < 500 else pages[0]  # a phone says so in its user agent
        for lang in LANGS:
            token = link_token(database_url, "admin")
            open_page(screen, f"{dashboard_url}/{name}?lang={lang}&signin={token}")
            problems += check(screen, name, lang, width)
            if t(key, lang) not in screen.title():
                problems.append(f"{name} {lang} {width}px: the tab is titled {screen.title()!r}")
            screenshot(screen, SHOTS / f"{name}-{lang}-{width}.png")
    return problems


def test_users_page_reads_cleanly_in_both_languages_on_laptop_and_phone(screen, phone, dashboard_url,
                                                                         dashboard_database_url):  # fmt: skip
    problems = admin_page_problems((screen, phone), dashboard_url, dashboard_database_url, "users", "nav.users")
    assert not problems, "\n".join(problems)


def test_audit_page_reads_cleanly_in_both_languages_on_laptop_and_phone(screen, phone, dashboard_url,
                                                                         dashboard_database_url):  # fmt: skip
    problems = admin_page_problems((screen, phone), dashboard_url, dashboard_database_url, "audit", "nav.audit")
    assert not problems, "\n".join(problems)


def test_subscriptions_page_reads_cleanly_in_both_languages_on_laptop_and_phone(screen, phone, dashboard_url,
                                                                                 dashboard_database_url):  # fmt: skip
    from mpp_data import service
    from tests.conftest import ADMIN

    store = service.open_store(dashboard_database_url)
    if not service.list_subscriptions(store, actor=ADMIN):  # one of each, so the tables have rows to read
        service.add_subscription(store, ["kepala@kemenpan.go.id"], actor=ADMIN, frequency="weekly", day="wed",
                                 time_of_day="07:00", province="61", lang="en")  # fmt: skip
        service.add_alert(store, ["tim@kemenpan.go.id"], actor=ADMIN, kind="plan_worse")
    store.dispose()
    problems = admin_page_problems(
        (screen, phone), dashboard_url, dashboard_database_url, "subscriptions", "nav.subscriptions"
    )
    assert not problems, "\n".join(problems)


def test_history_as_an_admin_reads_cleanly_in_both_languages_on_laptop_and_phone(screen, phone, dashboard_url,
                                                                                 dashboard_database_url):  # fmt: skip
    """History with what only staff see: who loaded each upload, the original files and their reports."""
    problems = admin_page_problems((screen, phone), dashboard_url, dashboard_database_url, "history", "nav.history")
    assert not problems, "\n".join(problems)


def test_admin_pages_opened_without_signing_in_ask_for_an_admin_account(browser, dashboard_url):
    context = browser.new_context(viewport={"width": 1440, "height": 1000})  # no session cookie
    visitor = context.new_page()
    for name in ("users", "audit", "subscriptions"):
        open_page(visitor, f"{dashboard_url}/{name}?lang=id")
        text = visitor.locator('[data-testid="stMain"]').inner_text()
        assert "akun admin" in text and "akun analis" not in text, (name, text)
    context.close()


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
    assert DOTTED_CODE.findall("snapshot.withdrawn, sign_in_link.created oleh system:first-start") == [
        "snapshot.withdrawn", "sign_in_link.created", "system:first-start"]  # fmt: skip
    assert DOTTED_CODE.findall("laporan.xlsx, admin@example.go.id, Tidak ada. Lalu, per 1.2.2024") == []
