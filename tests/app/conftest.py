"""AppTest has no browser and so no cookies (``st.context.cookies`` is empty in it): here the session
cookie a browser would send is kept in the test session's state under :data:`COOKIE_KEY`, set by
``tests/app/signing.py`` after it followed the app's real session route."""

from __future__ import annotations

import pytest
import streamlit as st

from ui import auth

COOKIE_KEY = "_test_browser_session_cookie"


@pytest.fixture(autouse=True)
def _browser_cookie(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "session_token", lambda: st.session_state.get(COOKIE_KEY))
