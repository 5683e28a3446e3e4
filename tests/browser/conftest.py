"""A real dashboard server on a free port with its own store, and headless Chromium driving it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest

from tests.conftest import ROOT

OUTPUT = ROOT / "test-output"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


# Drawn: the script has finished (Streamlit marks its root `notRunning` after a run; it starts `initial`,
# so a page that has not run yet does not pass), the status widget shows no run, the main block shows a
# heading, every plotly chart on screen has drawn its SVG, every table on screen its canvas and no element
# is a loading skeleton; and nothing of that moved since the previous poll (React and plotly draw after
# the run ends). Charts and tables in a closed expander or another tab are not drawn until opened.
DRAWN = """(wanted) => {
    const app = document.querySelector('[data-testid="stApp"]');
    const main = document.querySelector('[data-testid="stMain"]');
    const shown = element => element.getClientRects().length > 0 && !element.closest('details:not([open])');
    const state = app && app.getAttribute('data-test-script-state');
    let waiting = null;
    if (state !== 'notRunning' || !main) waiting = 'the script to finish (' + state + ')';
    else if (document.querySelector('[data-testid="stStatusWidgetRunningIcon"], [data-testid="stSkeleton"]'))
        waiting = 'the running indicator or a skeleton to go';
    else if (!main.querySelector('h1, h2, h3')) waiting = 'a heading';
    const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].filter(shown);
    const tables = [...document.querySelectorAll('[data-testid="stDataFrame"]')].filter(shown);
    if (!waiting && charts.some(chart => !chart.querySelector('.js-plotly-plot .main-svg'))) waiting = 'a chart';
    if (!waiting && tables.some(table => !table.querySelector('canvas'))) waiting = 'a table';
    if (!waiting) {
        const shape = [main.scrollHeight, main.scrollWidth, document.querySelectorAll('*').length,
                       ...charts.map(chart => chart.getBoundingClientRect().height)].join();
        if (window.__mppShape !== shape) waiting = 'the layout to stop moving';
        window.__mppShape = shape;
    }
    return wanted === 'why' ? waiting : waiting === null;
}"""


def wait_until_drawn(page, timeout: float = 60_000) -> None:  # a Playwright page
    """Wait until the page's script has run and everything it drew is on screen (``DRAWN``); polls every
    150 ms, and fails after ``timeout`` ms saying what it was still waiting for."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.evaluate("() => { window.__mppShape = undefined; }")
    try:
        page.wait_for_function(DRAWN, arg="drawn", polling=150, timeout=timeout)
    except PlaywrightTimeout:
        pytest.fail(f"{page.url} did not finish drawing: still waiting for {page.evaluate(DRAWN, 'why')}")


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def dashboard_database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The store the test dashboard serves (for signing in through a one-time link)."""
    return f"sqlite:///{tmp_path_factory.mktemp('browser') / 'mpp.sqlite'}"


@pytest.fixture(scope="session")
def dashboard_url(dashboard_database_url: str) -> Iterator[str]:
    port = _free_port()
    env = os.environ | {"MPP_DATABASE_URL": dashboard_database_url}
    OUTPUT.mkdir(exist_ok=True)
    log = (OUTPUT / "streamlit.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false"],  # fmt: skip
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the dashboard did not start; see test-output/streamlit.log")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    path = chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is not installed; CI must run the browser test")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    context.close()
