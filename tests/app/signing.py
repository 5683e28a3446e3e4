"""Signing in inside AppTest the way a browser does: a one-time link (or the password form's handoff) is
followed through the app's real session route (``ui.http.session_response``), and the cookie it sets is
what the next runs send (see ``tests/app/conftest.py``)."""

from __future__ import annotations

from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlsplit

from streamlit.testing.v1 import AppTest

from mpp_data import service
from mpp_data.config import Settings
from mpp_data.store import accounts
from tests.app.conftest import COOKIE_KEY
from tests.conftest import ADMIN, ROOT
from ui import http


def link_token(url: str, role: str) -> str:
    """A one-time token for ``<role>@example.go.id``, added with that role if new."""
    store = service.open_store(url)
    email = f"{role}@example.go.id"
    if accounts.load_user(store, email) is None:
        service.add_user(store, email, role, actor=ADMIN)
    token = service.create_sign_in_link(store, email, actor=ADMIN).split("signin=")[1]
    store.dispose()
    return token


def visit(at: AppTest, url: str, target: str) -> AppTest:
    """Open ``target`` (``/page?signin=...`` or the session route) as the browser would: the route's answer
    sets the cookie or says the link was not good, and the page it redirects to is run."""
    parts = urlsplit(target)
    params = dict(parse_qsl(parts.query))
    next_path = http._safe_next(params.get("next") or parts.path)
    doors = http.Doors(Settings.from_env({"MPP_DATABASE_URL": url}))
    response = http.session_response(doors, {"type": "http", "scheme": "http", "headers": []}, params, next_path)
    jar = SimpleCookie(response.headers.get("set-cookie", ""))
    if service.COOKIE in jar:
        at.session_state[COOKIE_KEY] = jar[service.COOKIE].value
    for key, value in parse_qsl(urlsplit(response.headers["location"]).query):
        at.query_params[key] = value
    doors.store.dispose()
    return at.run()


def follow(at: AppTest, url: str) -> AppTest:
    """Follow the "continue signing in" link the page shows (where the browser's script would go itself)."""
    (button,) = [b for b in at.sidebar.get("link_button") if b.proto.url.startswith(http.SESSION_PATH)]
    return visit(at, url, button.proto.url)


def sign_in(at: AppTest, url: str, role: str | None) -> AppTest:
    """Run ``at`` signed in as ``role`` (None: not signed in)."""
    if role is None:
        return at.run()
    return visit(at, url, f"/?signin={link_token(url, role)}")


def open_app(url: str, role: str | None, page: str | None = None) -> AppTest:
    at = sign_in(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90), url, role)
    assert not at.exception, [e.message for e in at.exception]
    if page:
        at.switch_page(page).run()
        assert not at.exception, [e.message for e in at.exception]
    return at
