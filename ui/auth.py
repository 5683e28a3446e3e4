"""Who is using the dashboard, decided once per run by ``dashboard.py``: a one-time link in the URL
(``?signin=TOKEN``), the OpenID provider through ``st.login``/``st.user`` when ``[auth]`` is configured in
``.streamlit/secrets.toml``, or the built-in sign-in form. Only this module touches the sign-in session
keys. The role is read from the store on every run, so a changed role or a disabled user applies at once;
a built-in or link sign-in ends after ``MPP_SESSION_MINUTES``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import streamlit as st

from mpp_data import service
from mpp_data.config import Settings
from mpp_data.errors import MppDataError
from mpp_data.present.safe import md_text
from mpp_data.present.text import error_message, t
from ui import cache

_SESSION = "_signed_in"  # (email, signed in at), for built-in and link sign-ins
_PROVIDER_SEEN = "_provider_signed_in"  # the provider email whose sign-in was audited in this session
_NOTICE = "_sign_in_notice"  # (kind, text) shown once in the sidebar


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


def current_actor() -> service.Actor:
    """The actor of this run; :data:`service.ANONYMOUS` when nobody is signed in."""
    store = cache.store()
    token = st.query_params.get("signin")
    if token:
        del st.query_params["signin"]  # a link is spent on first use: never left in the address bar
        try:
            _start(service.redeem_sign_in_link(store, token))
        except MppDataError as exc:
            st.session_state[_NOTICE] = ("error", exc.code, exc.params)
    if provider_configured() and st.user.is_logged_in:
        email = str(st.user.get("email") or "")
        if st.session_state.get(_PROVIDER_SEEN) != email:
            st.session_state[_PROVIDER_SEEN] = email
            service.record_provider_sign_in(store, email)
        return service.actor_for_email(store, email)
    kept = st.session_state.get(_SESSION)
    if kept is None:
        return service.ANONYMOUS
    email, since = kept
    if dt.datetime.now(dt.UTC) - since > dt.timedelta(minutes=Settings.from_env().session_minutes):
        del st.session_state[_SESSION]
        st.session_state[_NOTICE] = ("info", "auth.expired", {})
        return service.ANONYMOUS
    return service.actor_for_email(store, email)


def _start(actor: service.Actor) -> None:
    st.session_state[_SESSION] = (actor.name, dt.datetime.now(dt.UTC))


def _sign_out(actor: service.Actor) -> None:
    service.sign_out(cache.store(), actor)
    st.session_state.pop(_SESSION, None)
    st.session_state.pop(_PROVIDER_SEEN, None)


def sign_in_box(actor: service.Actor, lang: str) -> None:
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
            _sign_out(actor)
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
                _start(service.sign_in(cache.store(), email, password, client=st.context.ip_address))
            except MppDataError as exc:
                st.error(error_message(exc.code, exc.params, lang, escape=md_text))
            else:
                st.rerun()


def refuse_unless(actor: service.Actor, action: service.Action, lang: str) -> None:
    """Stop a page opened by someone whose role does not allow ``action``, saying how to get access."""
    if service.can(actor, action):
        return
    if not actor.name:
        st.info(t("auth.how_to_get_access", lang))
    else:
        st.warning(t("auth.not_allowed_page", lang, role=t(f"role.{service.lowest_role(action)}", lang)))
    st.stop()
