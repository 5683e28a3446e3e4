"""Real sign-in in headless Chromium: through a real local OpenID provider (``oidc-provider-mock``, on a
free port) with Streamlit's own ``st.login``, an analyst loads a file; and the first-start link."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest

from mpp_data import service
from mpp_data.present.safe import md_text
from mpp_data.present.text import t
from mpp_data.store import accounts
from tests.browser.conftest import OUTPUT, _free_port, wait_until_drawn
from tests.conftest import ADMIN, ROOT
from tests.loaders import workbooks as wb

pytestmark = pytest.mark.browser
EXPORT = wb.xlsx(
    {"MPP": [["Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"],
             ["Kota Depok", "MPP Depok", "Beroperasi", dt.date(2021, 5, 1)]]},
    name="ekspor-depok.xlsx",
)  # fmt: skip


def _start(args: list[str], env: dict, log_name: str, url: str) -> subprocess.Popen:
    log = (OUTPUT / log_name).open("w")
    server = subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    pytest.fail(f"{args[2]} did not start; see test-output/{log_name}")


@pytest.fixture
def provider() -> Iterator[str]:
    from oidc_provider_mock import run_server_in_thread

    with run_server_in_thread(port=_free_port()) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def dashboard_with_provider(provider, tmp_path) -> Iterator[tuple[str, str]]:
    OUTPUT.mkdir(exist_ok=True)
    port = _free_port()
    url = f"http://localhost:{port}"
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        f'[auth]\nredirect_uri = "{url}/oauth2callback"\ncookie_secret = "test-cookie-secret-{port}"\n'
        f'client_id = "mpp-dashboard"\nclient_secret = "test-client-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n'
    )
    db = f"sqlite:///{tmp_path / 'mpp.sqlite'}"
    store = service.open_store(db)
    service.add_user(store, "analis@example.go.id", "analyst", actor=ADMIN)
    store.dispose()
    server = _start(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
         f"--secrets.files={secrets}"],
        os.environ | {"MPP_DATABASE_URL": db}, "streamlit-oidc.log", f"{url}/_stcore/health",
    )  # fmt: skip
    try:
        yield url, db
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_an_analyst_signs_in_through_the_provider_and_loads_a_file(page, dashboard_with_provider, tmp_path):
    url, db = dashboard_with_provider
    page.goto(f"{url}/upload", wait_until="domcontentloaded")
    page.get_by_text(t("auth.how_to_get_access", "id")[:40]).wait_for(timeout=60_000)
    page.get_by_role("button", name=t("auth.sign_in_provider", "id")).click()
    page.locator('input[name="sub"]').fill("analis@example.go.id")  # the provider's own sign-in form
    page.get_by_role("button", name="Authorize").click()
    page.get_by_text(t("auth.signed_in_as", "id", name=md_text("analis@example.go.id"), role="analis")).wait_for(
        timeout=60_000
    )
    page.goto(f"{url}/upload", wait_until="domcontentloaded")
    upload = tmp_path / EXPORT.name
    upload.write_bytes(EXPORT.content)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').last.set_input_files(str(upload))
    load = page.get_by_role("button", name=t("upload.load", "id"))
    load.wait_for(timeout=60_000)
    page.wait_for_function("b => !b.disabled", arg=load.element_handle(), timeout=60_000)
    load.click()
    page.get_by_text("Unggahan #2 dimuat").wait_for(timeout=60_000)
    page.screenshot(path=str(OUTPUT / "signed-in-upload.png"), full_page=True)
    store = service.open_store(db)
    events = accounts.load_events(store)
    assert store.latest_snapshot_id() == 2
    assert service.loaded_by(store)[2] == "analis@example.go.id"
    signed_in = events[events["action"] == "sign_in"]
    assert signed_in["details"].tolist()[-1] == {"method": "provider", "known": True}
    store.dispose()
    assert page.locator('[data-testid="stException"]').count() == 0


def test_the_first_start_link_made_by_the_launcher_signs_in_an_admin_and_never_reaches_its_log(page, tmp_path):
    OUTPUT.mkdir(exist_ok=True)
    port = _free_port()
    url = f"http://localhost:{port}"
    env = os.environ | {"MPP_DATABASE_URL": f"sqlite:///{tmp_path / 'mpp.sqlite'}", "MPP_BASE_URL": url}
    log_path = OUTPUT / "launcher.log"
    server = _start([sys.executable, str(ROOT / "scripts" / "run_dashboard.py"), "--server.headless=true",
                     f"--server.port={port}", "--browser.gatherUsageStats=false"],
                    env, "launcher.log", f"{url}/_stcore/health")  # fmt: skip
    try:
        # on main the link was printed into the launcher's output, so into its log
        assert "?signin=" not in log_path.read_text()
        link = (ROOT / "var" / "first-start-link").read_text().strip()
        assert "?signin=" in link
        page.goto(link, wait_until="domcontentloaded")
        page.get_by_text(t("auth.signed_in_as", "id", name=md_text(service.FIRST_ADMIN), role="admin")).wait_for(
            timeout=60_000
        )
        assert "signin=" not in page.url, "the spent token leaves the address bar"
        page.get_by_role("link", name=t("nav.users", "id")).wait_for(timeout=30_000)
        assert page.get_by_role("link", name=t("nav.audit", "id")).count() == 1
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_write_pages_are_absent_from_an_anonymous_visitors_navigation(page, dashboard_url):
    page.goto(dashboard_url, wait_until="domcontentloaded")
    page.get_by_role("link", name=t("nav.history", "id")).wait_for(timeout=60_000)
    wait_until_drawn(page)  # the whole navigation is drawn before what it lacks counts
    for name in ("nav.upload", "nav.users", "nav.audit"):
        assert page.get_by_role("link", name=t(name, "id")).count() == 0, name
