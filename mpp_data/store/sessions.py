"""Signed-in sessions kept in the store, so that a sign-in survives reloads, new tabs and a request that
lands on another process (SQLAlchemy).

A browser holds a random token in an HttpOnly cookie; the store keeps only the token's sha256, who it
belongs to, when it started, when it was last used, when it ends and when it was ended early.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from mpp_data.store.accounts import _utc
from mpp_data.store.snapshots import Store, metadata

sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),  # sha256 of the cookie's token
    sa.Column("email", sa.Text, nullable=False, index=True),
    sa.Column("method", sa.String(16), nullable=False),  # password, link
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),  # signed out, or ended by an admin
)

SESSION_COLUMNS = ["email", "method", "started_at", "last_used_at", "expires_at", "ended_at"]


def insert_session(
    store: Store, token_hash: str, email: str, method: str, now: dt.datetime, expires_at: dt.datetime
) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            sessions.insert().values(
                token_hash=token_hash,
                email=email,
                method=method,
                started_at=now,
                last_used_at=now,
                expires_at=expires_at,
                ended_at=None,
            )
        )


def load_session(store: Store, token_hash: str) -> dict | None:
    """The session row (times in UTC), None when unknown."""
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(sessions).where(sessions.c.token_hash == token_hash)).mappings().first()
    if row is None:
        return None
    found = dict(row)
    for column in ("started_at", "last_used_at", "expires_at", "ended_at"):
        found[column] = _utc(found[column])
    return found


def touch_session(store: Store, token_hash: str, now: dt.datetime) -> None:
    with store.engine.begin() as conn:
        conn.execute(sessions.update().where(sessions.c.token_hash == token_hash).values(last_used_at=now))


def end_session(store: Store, token_hash: str, now: dt.datetime) -> bool:
    """End one session; False when it was unknown or already ended."""
    with store.engine.begin() as conn:
        done = conn.execute(
            sessions.update()
            .where(sessions.c.token_hash == token_hash, sessions.c.ended_at.is_(None))
            .values(ended_at=now)
        )
    return done.rowcount == 1


def end_sessions_of(store: Store, email: str, now: dt.datetime) -> int:
    """End every open session of ``email``; the number ended."""
    with store.engine.begin() as conn:
        done = conn.execute(
            sessions.update().where(sessions.c.email == email, sessions.c.ended_at.is_(None)).values(ended_at=now)
        )
    return int(done.rowcount or 0)


def count_open_sessions(store: Store, email: str, now: dt.datetime) -> int:
    query = (
        sa.select(sa.func.count())
        .select_from(sessions)
        .where(sessions.c.email == email, sessions.c.ended_at.is_(None), sessions.c.expires_at > now)
    )
    with store.engine.connect() as conn:
        return int(conn.execute(query).scalar() or 0)


def delete_sessions_ended_before(store: Store, before: dt.datetime) -> int:
    """Forget sessions that ended or expired before ``before`` (the table does not grow without end)."""
    with store.engine.begin() as conn:
        done = conn.execute(
            sessions.delete().where(sa.or_(sessions.c.expires_at < before, sessions.c.ended_at < before))
        )
    return int(done.rowcount or 0)
