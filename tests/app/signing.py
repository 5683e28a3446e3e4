"""Signing in inside AppTest the way a person does with a one-time link: ``?signin=TOKEN``."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from mpp_data import service
from mpp_data.store import accounts
from tests.conftest import ADMIN, ROOT


def link_token(url: str, role: str) -> str:
    """A one-time token for ``<role>@example.go.id``, added with that role if new."""
    store = service.open_store(url)
    email = f"{role}@example.go.id"
    if accounts.load_user(store, email) is None:
        service.add_user(store, email, role, actor=ADMIN)
    token = service.create_sign_in_link(store, email, actor=ADMIN).split("signin=")[1]
    store.dispose()
    return token


def sign_in(at: AppTest, url: str, role: str | None) -> AppTest:
    """Run ``at`` signed in as ``role`` (None: not signed in)."""
    if role is not None:
        at.query_params["signin"] = link_token(url, role)
    return at.run()


def open_app(url: str, role: str | None, page: str | None = None) -> AppTest:
    at = sign_in(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90), url, role)
    assert not at.exception, [e.message for e in at.exception]
    if page:
        at.switch_page(page).run()
        assert not at.exception, [e.message for e in at.exception]
    return at
