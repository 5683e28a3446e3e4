"""Signed-in sessions: what the session cookie of a browser stands for.

A built-in or link sign-in starts a session: a random token the browser keeps in an HttpOnly cookie,
set by the app's own HTTP route (``ui/http.py``), and a row in the store keeping only the token's hash.
Every run of the dashboard asks :func:`session_actor` who the cookie belongs to, so a reload, a new tab,
a page opened by its URL or a request landing on another process keeps the sign-in, while a Streamlit
session id alone is worth nothing. Signing out, disabling the user, an admin's "end sessions", the end
of the session's lifetime or its idle timeout end it at the next run.

The sidebar's password form runs inside the websocket and cannot set a cookie: after a good password it
gets a *handoff* (a one-time token valid for a minute) and sends the browser to the route with it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from dataclasses import dataclass

from mpp_data.access import ANONYMOUS, Action, Actor, Role
from mpp_data.errors import SignInLinkInvalid
from mpp_data.service.access import record, redeem_sign_in_link, require
from mpp_data.store import Store, accounts, sessions

logger = logging.getLogger(__name__)

#: The name of the session cookie.
COOKIE = "mpp_session"
#: A handoff from the password form to the cookie route is good for this long, once.
HANDOFF_SECONDS = 60
#: ``last_used_at`` is written at most this often per session (every run reads the row; few write it).
TOUCH_EVERY = dt.timedelta(minutes=1)


@dataclass(frozen=True)
class SessionRules:
    """How long a session lasts: ``minutes`` from its start at most, ``idle_minutes`` without a run."""

    minutes: int = 8 * 60
    idle_minutes: int = 60


@dataclass(frozen=True)
class StartedSession:
    """A new session: the token for the cookie (never stored) and how many seconds the cookie lasts."""

    token: str
    actor: Actor
    max_age: int


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _handoff_hash(token: str) -> str:
    # another domain than link tokens: a handoff cannot be redeemed as a link nor the other way round
    return hashlib.sha256(b"handoff:" + token.encode()).hexdigest()


def _start(store: Store, actor: Actor, method: str, rules: SessionRules, now: dt.datetime) -> StartedSession:
    token = secrets.token_urlsafe(32)
    sessions.insert_session(store, _hash(token), actor.name, method, now, now + dt.timedelta(minutes=rules.minutes))
    record(store, actor, "session.started", actor.name, {"method": method})
    return StartedSession(token, actor, rules.minutes * 60)


def handoff(store: Store, actor: Actor, *, now: dt.datetime | None = None) -> str:
    """A one-time token that turns a just-checked password sign-in into a session at the cookie route."""
    if not actor.signed_in:
        raise SignInLinkInvalid()
    token = secrets.token_urlsafe(32)
    now = now or _now()
    accounts.insert_link(store, _handoff_hash(token), actor.name, now, now + dt.timedelta(seconds=HANDOFF_SECONDS))
    return token


def start_from_handoff(
    store: Store, token: str, rules: SessionRules, *, now: dt.datetime | None = None
) -> StartedSession:
    """The session a handoff starts (the handoff is spent); :class:`SignInLinkInvalid` when it is not good."""
    now = now or _now()
    email = accounts.use_link(store, _handoff_hash(token), now)
    user = accounts.load_user(store, email) if email else None
    if user is None or not user["active"]:
        raise SignInLinkInvalid()
    return _start(store, Actor(user["email"], Role(user["role"])), "password", rules, now)


def start_from_link(store: Store, token: str, rules: SessionRules, *, now: dt.datetime | None = None) -> StartedSession:
    """The session a one-time sign-in link starts (the link is spent, the sign-in audited)."""
    now = now or _now()
    actor = redeem_sign_in_link(store, token, now=now)
    return _start(store, actor, "link", rules, now)


def session_actor(store: Store, token: str | None, rules: SessionRules, *, now: dt.datetime | None = None) -> Actor:
    """Who the cookie's token signs in: :data:`ANONYMOUS` when there is none, or it is unknown, ended,
    past its lifetime or idle timeout, or its user is disabled (the session is then ended in the store)."""
    if not token:
        return ANONYMOUS
    now = now or _now()
    digest = _hash(token)
    row = sessions.load_session(store, digest)
    if row is None or row["ended_at"] is not None:
        return ANONYMOUS
    user = accounts.load_user(store, row["email"])
    idle = now - row["last_used_at"] > dt.timedelta(minutes=rules.idle_minutes)
    if row["expires_at"] <= now or idle or user is None or not user["active"]:
        sessions.end_session(store, digest, now)
        return ANONYMOUS
    if now - row["last_used_at"] >= TOUCH_EVERY:
        sessions.touch_session(store, digest, now)
    return Actor(user["email"], Role(user["role"]))


def session_ended(store: Store, token: str | None) -> bool:
    """Whether the token names a session that existed and has ended (to tell the person why they are out)."""
    if not token:
        return False
    row = sessions.load_session(store, _hash(token))
    return row is not None and row["ended_at"] is not None


def end_session(store: Store, token: str | None, actor: Actor, *, now: dt.datetime | None = None) -> None:
    """Sign out: the cookie's session ends in the store, on every process at once."""
    if token and sessions.end_session(store, _hash(token), now or _now()):
        record(store, actor, "sign_out", actor.name)


def end_user_sessions(store: Store, email: str, *, actor: Actor, now: dt.datetime | None = None) -> int:
    """An admin ends every session of ``email`` (each browser is signed out at its next run)."""
    require(actor, Action.MANAGE_USERS)
    address = email.strip().lower()
    ended = sessions.end_sessions_of(store, address, now or _now())
    record(store, actor, "sessions.ended", address, {"count": ended})
    return ended


def open_sessions(store: Store, email: str, *, now: dt.datetime | None = None) -> int:
    """How many sessions of ``email`` are open."""
    return sessions.count_open_sessions(store, email.strip().lower(), now or _now())


def forget_old_sessions(store: Store, *, days: int = 30, now: dt.datetime | None = None) -> int:
    """Delete session rows that ended or expired more than ``days`` ago."""
    return sessions.delete_sessions_ended_before(store, (now or _now()) - dt.timedelta(days=days))
