"""Sessions in the store: what a session cookie's token signs in, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from mpp_data import service
from mpp_data.errors import NotAllowed, SignInLinkInvalid
from mpp_data.store import sessions
from tests.conftest import ADMIN, VIEWER

RULES = service.SessionRules(minutes=120, idle_minutes=30)
T0 = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)


def _link(store, email: str = "ana@example.go.id", role: str = "analyst") -> str:
    service.add_user(store, email, role, actor=ADMIN)
    return service.create_sign_in_link(store, email, actor=ADMIN).split("signin=")[1]


def test_a_link_starts_a_session_whose_token_is_kept_only_as_its_hash(store):
    started = service.start_from_link(store, _link(store), RULES, now=T0)
    assert started.actor == service.Actor("ana@example.go.id", service.Role.ANALYST)
    assert started.max_age == 120 * 60
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(sessions.sessions)).mappings().all()
    assert len(rows) == 1 and started.token not in str(dict(rows[0]))
    assert rows[0]["email"] == "ana@example.go.id" and rows[0]["method"] == "link"
    assert service.session_actor(store, started.token, RULES, now=T0 + dt.timedelta(minutes=5)) == started.actor


def test_no_token_an_unknown_token_and_a_spent_link_give_nobody(store):
    token = _link(store)
    service.start_from_link(store, token, RULES, now=T0)
    assert service.session_actor(store, None, RULES, now=T0) == service.ANONYMOUS
    assert service.session_actor(store, "not-a-session", RULES, now=T0) == service.ANONYMOUS
    with pytest.raises(SignInLinkInvalid):
        service.start_from_link(store, token, RULES, now=T0)


def test_the_session_ends_at_its_lifetime_and_after_the_idle_timeout(store):
    token = service.start_from_link(store, _link(store), RULES, now=T0).token
    for minutes in (25, 50, 75, 100):  # used every 25 minutes: never idle for 30
        assert service.session_actor(store, token, RULES, now=T0 + dt.timedelta(minutes=minutes)).signed_in
    assert service.session_actor(store, token, RULES, now=T0 + dt.timedelta(minutes=120)) == service.ANONYMOUS
    assert service.session_ended(store, token)

    idle = service.start_from_link(store, _link(store, "ida@example.go.id"), RULES, now=T0).token
    assert service.session_actor(store, idle, RULES, now=T0 + dt.timedelta(minutes=29)).signed_in
    assert service.session_actor(store, idle, RULES, now=T0 + dt.timedelta(minutes=60)) == service.ANONYMOUS
    assert service.session_actor(store, idle, RULES, now=T0 + dt.timedelta(minutes=61)) == service.ANONYMOUS


def test_sign_out_ends_only_that_session(store):
    token = _link(store)
    first = service.start_from_link(store, token, RULES, now=T0)
    other = service.start_from_link(
        store, service.create_sign_in_link(store, "ana@example.go.id", actor=ADMIN).split("signin=")[1], RULES, now=T0
    )
    service.end_session(store, first.token, first.actor, now=T0)
    assert service.session_actor(store, first.token, RULES, now=T0) == service.ANONYMOUS
    assert service.session_actor(store, other.token, RULES, now=T0) == other.actor
    assert "sign_out" in set(service.audit_events(store, actor=ADMIN)["action"])


def test_disabling_a_user_or_ending_their_sessions_ends_every_session_at_the_next_run(store):
    service.add_user(store, "ana@example.go.id", "analyst", actor=ADMIN)
    tokens = [
        service.start_from_link(
            store, service.create_sign_in_link(store, "ana@example.go.id", actor=ADMIN).split("signin=")[1], RULES,
            now=T0,
        ).token
        for _ in range(2)
    ]  # fmt: skip
    assert service.open_sessions(store, "ana@example.go.id", now=T0) == 2
    with pytest.raises(NotAllowed):
        service.end_user_sessions(store, "ana@example.go.id", actor=VIEWER)
    assert service.end_user_sessions(store, "ana@example.go.id", actor=ADMIN, now=T0) == 2
    assert all(service.session_actor(store, t, RULES, now=T0) == service.ANONYMOUS for t in tokens)
    events = service.audit_events(store, actor=ADMIN)
    assert events[events["action"] == "sessions.ended"]["details"].iloc[0] == {"count": 2}

    later = service.start_from_link(
        store, service.create_sign_in_link(store, "ana@example.go.id", actor=ADMIN).split("signin=")[1], RULES, now=T0
    )
    assert service.session_actor(store, later.token, RULES, now=T0).signed_in
    service.disable_user(store, "ana@example.go.id", actor=ADMIN)
    assert service.session_actor(store, later.token, RULES, now=T0) == service.ANONYMOUS
    service.enable_user(store, "ana@example.go.id", actor=ADMIN)
    assert service.session_actor(store, later.token, RULES, now=T0) == service.ANONYMOUS, "ended stays ended"


def test_a_role_change_applies_to_an_open_session_at_once(store):
    started = service.start_from_link(store, _link(store), RULES, now=T0)
    service.set_role(store, "ana@example.go.id", "viewer", actor=ADMIN)
    assert service.session_actor(store, started.token, RULES, now=T0).role == service.Role.VIEWER


def test_a_handoff_from_the_password_form_starts_a_session_once_within_a_minute(store):
    service.add_user(store, "ana@example.go.id", "analyst", actor=ADMIN)
    actor = service.Actor("ana@example.go.id", service.Role.ANALYST)
    handoff = service.handoff(store, actor, now=T0)
    with pytest.raises(SignInLinkInvalid):
        service.start_from_link(store, handoff, RULES, now=T0)  # a handoff is not a link
    started = service.start_from_handoff(store, handoff, RULES, now=T0 + dt.timedelta(seconds=30))
    assert started.actor == actor
    with pytest.raises(SignInLinkInvalid):
        service.start_from_handoff(store, handoff, RULES, now=T0 + dt.timedelta(seconds=31))
    late = service.handoff(store, actor, now=T0)
    with pytest.raises(SignInLinkInvalid):
        service.start_from_handoff(store, late, RULES, now=T0 + dt.timedelta(seconds=61))
    with pytest.raises(SignInLinkInvalid):
        service.handoff(store, service.ANONYMOUS, now=T0)


def test_old_sessions_are_forgotten(store):
    token = service.start_from_link(store, _link(store), RULES, now=T0).token
    assert service.forget_old_sessions(store, days=30, now=T0 + dt.timedelta(days=1)) == 0
    assert service.forget_old_sessions(store, days=30, now=T0 + dt.timedelta(days=31)) == 1
    assert service.session_actor(store, token, RULES, now=T0) == service.ANONYMOUS
