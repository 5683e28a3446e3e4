"""AppTest: a session held by the cookie signs in every new run, and ends when an admin ends it or the
user signs out (the next run is anonymous, with a notice)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from mpp_data import service
from mpp_data.present.text import t
from tests.app.signing import link_token, open_app, visit
from tests.conftest import ADMIN, ROOT


@pytest.fixture(autouse=True)
def store_url(sqlite_url, monkeypatch) -> str:
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    monkeypatch.delenv("MPP_VIEW_REQUIRES_SIGN_IN", raising=False)
    return sqlite_url


def _signed_in(at: AppTest) -> bool:
    return any(b.key == "sign_out" for b in at.sidebar.button)


def test_an_admin_ends_an_analysts_sessions_on_the_users_page_and_the_analyst_is_out_at_the_next_run(store_url):
    analyst = open_app(store_url, "analyst")
    assert _signed_in(analyst)
    admin = open_app(store_url, "admin", "pages/users.py")
    admin.selectbox(key="change_user").set_value("analyst@example.go.id").run()
    admin.button(key="end_sessions").click().run()
    assert not admin.exception, [e.message for e in admin.exception]
    store = service.open_store(store_url)
    assert service.open_sessions(store, "analyst@example.go.id") == 0
    assert "sessions.ended" in set(service.audit_events(store, actor=ADMIN)["action"])
    store.dispose()
    analyst.run()
    assert not _signed_in(analyst)
    assert t("auth.expired", "id") in [i.value for i in analyst.sidebar.info]
    assert _signed_in(admin.run()), "the admin's own session is another one"


def test_a_link_that_reaches_the_page_itself_is_sent_on_to_the_session_route(store_url):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.query_params["signin"] = link_token(store_url, "analyst")
    at.run()
    assert not _signed_in(at), "the page cannot set the cookie: the route does"
    (button,) = at.sidebar.get("link_button")
    assert button.proto.url.startswith("/auth/session?signin=")
    assert "signin" not in at.query_params
    assert _signed_in(visit(at, store_url, button.proto.url))
