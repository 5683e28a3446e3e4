"""In Chromium: the sidebar's password form sends the browser to the session route, whose HttpOnly cookie
keeps the sign-in across a reload and a page opened by its URL; signing out ends it (issue 21.1)."""

from __future__ import annotations

import pytest

from mpp_data import service
from mpp_data.present.safe import md_text
from mpp_data.present.text import t
from tests.browser.conftest import wait_until_drawn
from tests.conftest import ADMIN

pytestmark = pytest.mark.browser
PASSWORD = "kata-sandi-yang-panjang-sekali"


def test_a_password_sign_in_survives_a_reload_and_a_page_opened_by_url(page, dashboard_url, dashboard_database_url):
    store = service.open_store(dashboard_database_url)
    service.add_user(store, "sesi@example.go.id", "analyst", actor=ADMIN)
    service.set_password(store, "sesi@example.go.id", PASSWORD, actor=ADMIN)
    store.dispose()
    signed_in = t("auth.signed_in_as", "id", name=md_text("sesi@example.go.id"), role=t("role.analyst", "id"))

    page.goto(dashboard_url, wait_until="domcontentloaded")
    wait_until_drawn(page)  # a form filled while the first run still redraws the sidebar can lose its text
    page.get_by_text(t("auth.sign_in", "id"), exact=True).first.click()
    page.get_by_label(t("auth.email", "id")).fill("sesi@example.go.id")
    page.get_by_label(t("auth.password", "id")).fill(PASSWORD)
    page.get_by_role("button", name=t("auth.sign_in", "id")).click()
    page.get_by_text(signed_in).wait_for(timeout=60_000)
    assert "handoff" not in page.url
    cookie = next(c for c in page.context.cookies() if c["name"] == service.COOKIE)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"

    page.reload(wait_until="domcontentloaded")
    page.get_by_text(signed_in).wait_for(timeout=60_000)
    page.goto(f"{dashboard_url}/upload", wait_until="domcontentloaded")
    page.locator('[data-testid="stFileUploader"]').first.wait_for(timeout=60_000)
    page.get_by_text(signed_in).wait_for(timeout=60_000)

    page.get_by_role("button", name=t("auth.sign_out", "id")).click()
    page.get_by_text(t("auth.sign_in", "id"), exact=True).first.wait_for(timeout=60_000)  # the way in, again
    page.reload(wait_until="domcontentloaded")
    page.get_by_role("link", name=t("nav.history", "id")).wait_for(timeout=60_000)
    assert page.get_by_text(signed_in).count() == 0
