"""Who is using the dashboard, decided once per run by ``dashboard.py``: the session cookie, or the OpenID
provider through ``st.login``/``st.user`` when ``[auth]`` is configured in ``.streamlit/secrets.toml``.

A built-in or link sign-in is a session in the store, held by an HttpOnly cookie that the app's own route
sets (``ui/http.py``): a one-time link lands on that route before Streamlit serves the page; the sidebar's
password form, which runs over the websocket and cannot set a cookie, sends the browser there with a
one-time handoff after a good password. Every run reads the cookie (``st.context.cookies``) and the
session row, so a reload, a new tab, a page opened by URL or another process keeps the sign-in; the
Streamlit session id carries nothing. The role is read from the store on every run, so a changed role,
a disabled user or ended sessions apply at once.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from urllib.parse import urlencode, urlsplit

import streamlit as st

from mpp_data import service
from mpp_data.errors import MppDataError
from mpp_data.present.safe import md_text
from mpp_data.present.text import error_message, t
from ui import cache

_SEEN = "_session_seen"  # this browser session ran signed in by a cookie: its end deserves a notice
_PROVIDER_SEEN = "_provider_signed_in"  # the provider email whose sign-in was audited in this session
_NOTICE = "_sign_in_notice"  # (kind, text) shown once in the sidebar
SESSION_ROUTE = "/auth/session"  # ui/http.py
FAILED_PARAM = "signin_failed"  # ui/http.py sends a browser back with it when a link or handoff was not good


def provider() -> str | None:
    """The OpenID provider ``[auth]`` configures: "" for flat keys, the name of the first
    ``[auth.<name>]`` table otherwise; None when there is none (a cookie secret alone is none)."""
    if not st.secrets.load_if_toml_exists() or "auth" not in st.secrets:
        return None
    auth = st.secrets["auth"]
    if "server_metadata_url" in auth:
        return ""
    named = [k for k, v in auth.items() if isinstance(v, Mapping) and "server_metadata_url" in v]
    return named[0] if named else None


def provider_configured() -> bool:
    return provider() is not None


def session_token() -> str | None:
    """The session cookie's token as the browser sent it when this page's connection opened."""
    return st.context.cookies.get(service.COOKIE)


def _rules(settings: service.Settings) -> service.SessionRules:
    return service.SessionRules(minutes=settings.session_minutes, idle_minutes=settings.session_idle_minutes)


def _here() -> str:
    """The path of the page in the address bar, to come back to after signing in."""
    url = st.context.url
    return (urlsplit(url).path or "/") if url else "/"


def _go(params: dict[str, str], lang: str) -> None:
    """Send the browser to the session route (a full page load, so that the cookie it sets is sent on the
    new connection); a button does the same where scripts do not run. The token is URL-safe base64."""
    target = f"{SESSION_ROUTE}?{urlencode({**params, 'next': _here()})}"
    st.html(f"<script>window.location.assign({json.dumps(target)})</script>", unsafe_allow_javascript=True)
    st.sidebar.link_button(t("auth.continue", lang), target)


def current_actor(settings: service.Settings, lang: str = "id") -> service.Actor:
    """The actor of this run; :data:`service.ANONYMOUS` when nobody is signed in."""
    store = cache.store(settings)
    if st.query_params.get(FAILED_PARAM):
        del st.query_params[FAILED_PARAM]
        st.session_state[_NOTICE] = ("error", "error.sign_in_link_invalid", {})
    token = st.query_params.get("signin")
    if token:
        # A link reached the page without passing the app's route first: the route starts the session.
        del st.query_params["signin"]
        _go({"signin": token}, lang)
    if provider_configured() and st.user.is_logged_in:
        email = str(st.user.get("email") or "")
        if st.session_state.get(_PROVIDER_SEEN) != email:
            st.session_state[_PROVIDER_SEEN] = email
            service.record_provider_sign_in(store, email)
        return service.actor_for_email(store, email)
    actor = service.session_actor(store, session_token(), _rules(settings))
    if actor.signed_in:
        st.session_state[_SEEN] = True
    elif st.session_state.pop(_SEEN, False):
        st.session_state[_NOTICE] = ("info", "auth.expired", {})
    return actor


def _sign_out(actor: service.Actor, settings: service.Settings) -> None:
    store = cache.store(settings)
    token = session_token()
    if token:
        service.end_session(store, token, actor)
    else:
        service.sign_out(store, actor)
    st.session_state.pop(_SEEN, None)
    st.session_state.pop(_PROVIDER_SEEN, None)


def sign_in_box(actor: service.Actor, lang: str, settings: service.Settings) -> None:
    """The sidebar's sign-in: who is signed in and a way out, or a way in."""
    bar = st.sidebar
    if notice := st.session_state.pop(_NOTICE, None):
        kind, key, params = notice
        text = error_message(key, params, lang, escape=md_text) if kind == "error" else t(key, lang)
        (bar.error if kind == "error" else bar.info)(text)
    if actor.name:
        if actor.signed_in:
            bar.caption(t("auth.signed_in_as", lang, name=md_text(actor.name), role=t(f"role.{actor.role}", lang)))
        else:
            bar.caption(t("auth.no_role", lang, name=md_text(actor.name)))
        if bar.button(t("auth.sign_out", lang), key="sign_out"):
            _sign_out(actor, settings)
            if provider_configured() and st.user.is_logged_in:
                st.logout()
            st.rerun()
        return
    if provider_configured():
        if bar.button(t("auth.sign_in_provider", lang), key="sign_in_provider"):
            st.login(provider() or None)
        return
    with bar.expander(t("auth.sign_in", lang), expanded=False), st.form("sign_in_form", border=False):
        email = st.text_input(t("auth.email", lang), key="sign_in_email")
        password = st.text_input(t("auth.password", lang), type="password", key="sign_in_password")
        if st.form_submit_button(t("auth.sign_in", lang), key="sign_in_submit"):
            try:
                # failures slow this e-mail and this visitor's address down (never a lock-out)
                actor = service.sign_in(
                    cache.store(settings),
                    email,
                    password,
                    client=client(settings),
                    max_delay_s=settings.sign_in_max_delay_s,
                )
            except MppDataError as exc:
                st.error(error_message(exc.code, exc.params, lang, escape=md_text))
            else:
                _go({"handoff": service.handoff(cache.store(settings), actor)}, lang)


def refuse_unless(actor: service.Actor, action: service.Action, lang: str) -> None:
    """Stop a page opened by someone whose role does not allow ``action``, saying how to get access."""
    if service.can(actor, action):
        return
    if not actor.name:  # the upload page asks for an analyst account, the admin pages for an admin's
        admin = service.lowest_role(action) == service.Role.ADMIN
        st.info(t("auth.how_to_get_access.admin" if admin else "auth.how_to_get_access", lang))
    else:
        st.warning(t("auth.not_allowed_page", lang, role=t(f"role.{service.lowest_role(action)}", lang)))
    st.stop()


def client(settings: service.Settings) -> str | None:
    """This session's client address (the one rule: ``service.client_address``): behind a trusted proxy the
    address it forwarded, else the connection's."""
    return service.client_address(
        st.context.ip_address, st.context.headers.get("X-Forwarded-For"), trusted=settings.trusted_proxy
    )
