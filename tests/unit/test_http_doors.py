"""The app's HTTP side (ui/http.py) on a real store, without a Streamlit server in front: the session
route's cookie, where it sends the browser, the Host list and the upload budget."""

from __future__ import annotations

from http.cookies import SimpleCookie

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from mpp_data import service
from mpp_data.config import Settings
from tests.conftest import ADMIN
from ui import http


def _inner(request):  # stands for Streamlit's own routes
    return PlainTextResponse("streamlit")


def _client(url: str, stored=lambda sid: (0, 0), base_url: str = "http://testserver", **env: str) -> TestClient:
    doors = http.Doors(Settings.from_env({"MPP_DATABASE_URL": url, "MPP_BASE_URL": base_url, **env}))
    app = Starlette(
        routes=[*http.routes(doors), Route("/{path:path}", _inner, methods=["GET", "PUT"])],
        middleware=[Middleware(http.DoorsMiddleware, doors=doors, stored=stored)],
    )
    return TestClient(app, base_url=base_url, follow_redirects=False)


def _link(url: str, role: str = "analyst") -> str:
    store = service.open_store(url)
    email = f"{role}@example.go.id"
    service.add_user(store, email, role, actor=ADMIN)
    token = service.create_sign_in_link(store, email, actor=ADMIN).split("signin=")[1]
    store.dispose()
    return token


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil.example", "", None])
def test_the_session_route_never_sends_the_browser_off_the_site(target):
    assert http._safe_next(target) == "/"


def test_a_link_at_any_page_sets_an_httponly_lax_cookie_and_returns_to_that_page(sqlite_url):
    client = _client(sqlite_url)
    answer = client.get(f"/upload?signin={_link(sqlite_url)}&lang=en")
    assert answer.status_code == 303 and answer.headers["location"] == "/upload?lang=en"
    cookie = SimpleCookie(answer.headers["set-cookie"])[service.COOKIE]
    assert cookie["httponly"] and cookie["samesite"].lower() == "lax" and not cookie["secure"]
    again = client.get(f"/upload?signin={_link.__name__}")
    assert again.headers["location"] == f"/upload?{http.FAILED_PARAM}=1" and "set-cookie" not in again.headers


def test_the_cookie_is_secure_over_tls(sqlite_url):
    answer = _client(sqlite_url, base_url="https://mpp.example.go.id").get(f"/?signin={_link(sqlite_url)}")
    assert SimpleCookie(answer.headers["set-cookie"])[service.COOKIE]["secure"]


def test_uploads_need_a_session_that_may_check_them_and_stay_within_the_budget(sqlite_url):
    held = {"s1": 0}
    client = _client(sqlite_url, stored=lambda sid: (held.get(sid, 0), sum(held.values())), MPP_MAX_UPLOAD_MB="1",
                     MPP_UPLOAD_FILES_PER_SESSION="2")  # fmt: skip
    assert client.put("/_stcore/upload_file/s1/a", content=b"x").status_code == 403
    viewer = client.get(f"/?signin={_link(sqlite_url, 'viewer')}").cookies[service.COOKIE]
    assert client.put("/_stcore/upload_file/s1/a", content=b"x", cookies={service.COOKIE: viewer}).status_code == 403
    analyst = client.get(f"/?signin={_link(sqlite_url)}").cookies[service.COOKIE]
    jar = {service.COOKIE: analyst}
    assert client.put("/_stcore/upload_file/s1/a", content=b"x" * 2**20, cookies=jar).text == "streamlit"
    held["s1"] = 2 * 2**20 - 1000  # what Streamlit now holds for that session: nearly two files
    assert client.put("/_stcore/upload_file/s1/b", content=b"x" * 2**19, cookies=jar).status_code == 413
    assert client.put("/_stcore/upload_file/s2/b", content=b"x" * 2**19, cookies=jar).text == "streamlit"


def test_the_host_list_and_the_security_headers(sqlite_url):
    client = _client(sqlite_url, MPP_ALLOWED_HOSTS="testserver")
    good = client.get("/")
    assert good.status_code == 200 and good.headers["x-content-type-options"] == "nosniff"
    assert good.headers["content-security-policy"] == "frame-ancestors 'none'"
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
