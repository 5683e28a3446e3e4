"""Users, one-time sign-in links, the append-only audit log and snapshot withdrawals (SQLAlchemy).

Kept apart from the snapshots: these tables change with people, not with uploads. The audit log is only
ever inserted into; nothing here updates or deletes an event.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from mpp_data.store.snapshots import Store, metadata

users = sa.Table(
    "users",
    metadata,
    sa.Column("email", sa.Text, primary_key=True),  # lower case
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("password_hash", sa.Text, nullable=True),  # argon2; None: no password, links or a provider only
    sa.Column("failed_attempts", sa.Integer, nullable=False),
    sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

sign_in_links = sa.Table(
    "sign_in_links",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),  # sha256 of the token: the token is never kept
    sa.Column("email", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
    # "first_start": the launcher's link for the first admin, void once any admin has signed in
    sa.Column("purpose", sa.String(16), nullable=True),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("role", sa.String(16), nullable=True),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("object", sa.Text, nullable=True),
    sa.Column("details", sa.Text, nullable=True),  # JSON object
)

snapshot_withdrawals = sa.Table(
    "snapshot_withdrawals",
    metadata,
    sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id"), primary_key=True),
    sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=True),
)

sign_in_failures = sa.Table(
    "sign_in_failures",
    metadata,
    # "email:<address>" or "client:<address>": who failed, counted per window, never per attempt
    sa.Column("key", sa.String(300), primary_key=True),
    sa.Column("window_start", sa.DateTime(timezone=True), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
)

USER_COLUMNS = ["email", "role", "active", "password_hash", "failed_attempts", "locked_until", "created_at"]
AUDIT_COLUMNS = ["at", "actor", "role", "action", "object", "details"]


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands timezone-aware columns back naive; they were written in UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


@contextmanager
def _writing(store: Store) -> Iterator[sa.Connection]:
    """A short write transaction; on SQLite through the writer engine (BEGIN IMMEDIATE, a long busy
    timeout), so simultaneous writers queue instead of failing with "database is locked"."""
    engine = store._writer or store.engine
    with engine.begin() as conn:
        yield conn


# -- users ---------------------------------------------------------------------
def load_user(store: Store, email: str) -> dict | None:
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(users).where(users.c.email == email)).mappings().first()
    if row is None:
        return None
    user = dict(row)
    user["locked_until"] = _utc(user["locked_until"])
    user["created_at"] = _utc(user["created_at"])
    return user


def list_users(store: Store) -> pd.DataFrame:
    """One row per user: email, role, active, has_password (bool), created_at."""
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(users).order_by(users.c.email)).mappings().all()
    frame = pd.DataFrame([dict(r) for r in rows], columns=USER_COLUMNS)
    frame["has_password"] = frame["password_hash"].notna()
    # failed sign-ins are counted per window (``sign_in_failures``) and never lock: the old columns stay unused
    return frame.drop(columns=["password_hash", "failed_attempts", "locked_until"])


def insert_user(store: Store, email: str, role: str, now: dt.datetime) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            users.insert().values(
                email=email,
                role=role,
                active=True,
                password_hash=None,
                failed_attempts=0,
                locked_until=None,
                created_at=now,
            )
        )


def update_user(store: Store, email: str, **values: object) -> None:
    with _writing(store) as conn:
        conn.execute(users.update().where(users.c.email == email).values(**values))


def any_admin_signed_in(store: Store) -> bool:
    """Whether an administrator account has ever signed in (by password, link or provider)."""
    query = sa.select(audit_log.c.id).where(audit_log.c.action == "sign_in", audit_log.c.role == "admin").limit(1)
    with store.engine.connect() as conn:
        return conn.execute(query).first() is not None


def count_active_admins(store: Store) -> int:
    query = sa.select(sa.func.count()).select_from(users).where(users.c.role == "admin", users.c.active)
    with store.engine.connect() as conn:
        return int(conn.execute(query).scalar() or 0)


# -- one-time links --------------------------------------------------------------
def insert_link(
    store: Store, token_hash: str, email: str, now: dt.datetime, expires_at: dt.datetime, purpose: str | None = None
) -> None:
    with _writing(store) as conn:
        conn.execute(
            sign_in_links.insert().values(
                token_hash=token_hash, email=email, created_at=now, expires_at=expires_at, used_at=None, purpose=purpose
            )
        )


def use_link(store: Store, token_hash: str, now: dt.datetime, *, allow_first_start: bool = True) -> str | None:
    """Mark the link used and return its email; None when unknown, used, expired, or a first-start link
    while ``allow_first_start`` is false. One UPDATE, so two visitors racing with the same link cannot
    both get in."""
    conditions = [
        sign_in_links.c.token_hash == token_hash,
        sign_in_links.c.used_at.is_(None),
        sign_in_links.c.expires_at > now,
    ]
    if not allow_first_start:
        conditions.append(sa.or_(sign_in_links.c.purpose.is_(None), sign_in_links.c.purpose != "first_start"))
    with store.engine.begin() as conn:
        email = conn.execute(sa.select(sign_in_links.c.email).where(sign_in_links.c.token_hash == token_hash)).scalar()
        used = conn.execute(sign_in_links.update().where(*conditions).values(used_at=now))
    return email if used.rowcount == 1 else None


# -- sign-in failures ----------------------------------------------------------------
def count_failure(store: Store, keys: list[str], window_start: dt.datetime) -> list[int]:
    """Add one failure to each key's count in the window and return the new counts. One upsert per
    key in one transaction: simultaneous failures are all counted (no read, add, write)."""
    insert = postgresql.insert if store.engine.dialect.name == "postgresql" else sqlite.insert
    counts = []
    with _writing(store) as conn:
        for key in keys:
            upsert = (
                insert(sign_in_failures)
                .values(key=key, window_start=window_start, failures=1)
                .on_conflict_do_update(
                    index_elements=["key", "window_start"], set_={"failures": sign_in_failures.c.failures + 1}
                )
                .returning(sign_in_failures.c.failures)
            )
            counts.append(int(conn.execute(upsert).scalar_one()))
    return counts


def failures_since(store: Store, keys: list[str], since: dt.datetime) -> dict[str, int]:
    """Each key's failures in the windows starting at or after ``since`` (0 when none)."""
    if not keys:
        return {}
    query = (
        sa.select(sign_in_failures.c.key, sa.func.sum(sign_in_failures.c.failures))
        .where(sign_in_failures.c.key.in_(keys), sign_in_failures.c.window_start >= since)
        .group_by(sign_in_failures.c.key)
    )
    with store.engine.connect() as conn:
        found = {key: int(total) for key, total in conn.execute(query).all()}
    return {key: found.get(key, 0) for key in keys}


def clear_failures(store: Store, key: str) -> None:
    with _writing(store) as conn:
        conn.execute(sign_in_failures.delete().where(sign_in_failures.c.key == key))


# -- audit ---------------------------------------------------------------------------
def append_event(
    store: Store, at: dt.datetime, actor: str, role: str | None, action: str, obj: str | None, details: str | None
) -> None:
    """``details``: a JSON object already bounded by the caller."""
    with _writing(store) as conn:
        conn.execute(
            audit_log.insert().values(at=at, actor=actor, role=role, action=action, object=obj, details=details)
        )


def load_events(store: Store, since: dt.datetime | None = None) -> pd.DataFrame:
    """One row per event, oldest first: at (UTC), actor, role, action, object, details (dict)."""
    query = sa.select(*[audit_log.c[c] for c in AUDIT_COLUMNS]).order_by(audit_log.c.id)
    if since is not None:
        query = query.where(audit_log.c.at >= since)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    frame = pd.DataFrame(rows, columns=AUDIT_COLUMNS)
    frame["at"] = [_utc(v) for v in frame["at"]]
    frame["details"] = [json.loads(v) if isinstance(v, str) else {} for v in frame["details"]]
    return frame


# -- withdrawals ---------------------------------------------------------------------
def insert_withdrawal(store: Store, snapshot_id: int, now: dt.datetime, actor: str, reason: str | None) -> None:
    """Under the store's snapshot write lock: a load building on the register never reads a snapshot
    being withdrawn (it is wholly before or after)."""
    with store.write_lock() as conn:
        conn.execute(
            snapshot_withdrawals.insert().values(snapshot_id=snapshot_id, withdrawn_at=now, actor=actor, reason=reason)
        )


def delete_withdrawal(store: Store, snapshot_id: int) -> bool:
    """Bring a withdrawn snapshot back into view, under the write lock; whether it was withdrawn (the
    withdrawal and the restore both stay in the audit log)."""
    with store.write_lock() as conn:
        query = snapshot_withdrawals.delete().where(snapshot_withdrawals.c.snapshot_id == snapshot_id)
        return conn.execute(query).rowcount > 0


def view_version(store: Store) -> str:
    """Changes whenever what is in view does (a load, a withdrawal, a restore): a cache key that every
    process reads afresh at every rerun, cheaply (two small queries)."""
    with store.engine.connect() as conn:
        newest = conn.execute(sa.select(sa.func.max(sa.column("id"))).select_from(sa.table("snapshots"))).scalar()
        out = sorted(conn.execute(sa.select(snapshot_withdrawals.c.snapshot_id)).scalars())
    return f"{newest}:{','.join(map(str, out))}"


def withdrawn_ids(store: Store) -> set[int]:
    with store.engine.connect() as conn:
        return set(conn.execute(sa.select(snapshot_withdrawals.c.snapshot_id)).scalars())
