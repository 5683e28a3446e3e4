"""Real browser: a store full of names that are Markdown images and links to a listener on this machine.
Every page is opened (and a hostile upload checked): the listener receives no request, and the DOM holds
no <img> or <a> pointing at it."""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator

import pytest

from tests.app.signing import link_token
from tests.browser.conftest import OUTPUT, _free_port, wait_until_drawn
from tests.conftest import ROOT
from tests.hostile_names import Hostile, load_hostile_store

pytestmark = pytest.mark.browser
PAGES = ["", "map", "provinces", "gaps", "agencies", "region?region=32.76", "history", "upload"]


@pytest.fixture(scope="module")
def listener() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that records every path asked of it."""
    asked: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # http.server's name
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", asked
    server.shutdown()


@pytest.fixture(scope="module")
def hostile_dashboard(listener, tmp_path_factory) -> Iterator[tuple[str, Hostile, str]]:
    hostile = Hostile(listener[0])
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'mpp.sqlite'}"
    load_hostile_store(url, hostile)
    token = link_token(url, "analyst")  # the Upload page is an analyst's
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "MPP_BOUNDARIES_PATH"} | {"MPP_DATABASE_URL": url}
    OUTPUT.mkdir(exist_ok=True)
    with (OUTPUT / "streamlit-hostile.log").open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless=true",
             f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false"],  # fmt: skip
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        address = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"{address}/_stcore/health", timeout=2):
                        break
                except OSError:
                    time.sleep(0.5)
            else:
                pytest.fail("the dashboard did not start; see test-output/streamlit-hostile.log")
            yield address, hostile, token
        finally:
            server.terminate()
            server.wait(timeout=20)


def shown_text(page) -> str:
    """The page's visible text without the invisible word joiners ``md_text`` puts after colons."""
    return page.evaluate("document.body.innerText").replace("\u2060", "")


def assert_no_markup_to(page, host: str) -> None:
    assert page.locator(f'img[src*="{host}"], a[href*="{host}"], [style*="{host}"]').count() == 0
    assert page.locator('[data-testid="stException"]').count() == 0


def test_no_request_leaves_the_browser_for_hostile_names(page, hostile_dashboard, listener):
    address, hostile, token = hostile_dashboard
    host = hostile.host.removeprefix("http://")
    shown: dict[str, str] = {}
    for path in PAGES:
        signed_in = f"?signin={token}" if path == "upload" else ""
        page.goto(f"{address}/{path}{signed_in}", wait_until="domcontentloaded")
        if signed_in:  # the link goes through the session route, which sets the cookie and comes back
            page.wait_for_url(
                lambda url, path=path: "signin=" not in url and url.rstrip("/").endswith(path), timeout=60_000
            )
            page.locator(".st-key-upload_files").wait_for(timeout=60_000)
        page.locator('[data-testid="stMain"]').get_by_role("heading").first.wait_for(timeout=60_000)
        wait_until_drawn(page)  # every element and chart drawn before the absences count
        assert_no_markup_to(page, host)
        shown[path] = shown_text(page)
    # The names were on screen as text: the source caption names the file as written, Region detail
    # the agency header; the map's boundary report the code.
    assert hostile.file in shown[""]
    assert hostile.agency in shown["region?region=32.76"]
    assert hostile.boundary_code in shown["map"]

    upload = hostile.workbook(region=hostile.region)
    page.locator('.st-key-upload_files [data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": "hostile.xlsx", "mimeType": "application/octet-stream", "buffer": upload.content}
    )
    page.get_by_text("hostile.xlsx", exact=False).first.wait_for(timeout=60_000)
    page.locator('[data-testid="stExpander"]').last.wait_for(timeout=60_000)
    wait_until_drawn(page)
    text = shown_text(page)
    assert hostile.region in text and hostile.sheet in text, "the region question and the sheet, as written"
    assert_no_markup_to(page, host)
    page.screenshot(path=str(OUTPUT / "hostile-upload.png"), full_page=True)
    assert listener[1] == [], "a browser fetched from the host named in the data"
