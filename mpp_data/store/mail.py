"""Subscriptions, alerts, the send log and the fired alerts (SQLAlchemy).

A send is claimed before it is made: one row of ``send_log`` per (what, slot, attempt), unique, so two
schedulers running at once (two processes on one PostgreSQL) cannot both claim the same attempt; the
claimer sends and then records how it went on its row.
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import sqlalchemy as sa

from mpp_data.store.accounts import _utc
from mpp_data.store.snapshots import Store, metadata

subscriptions = sa.Table(
    "subscriptions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("recipients", sa.Text, nullable=False),  # JSON list of lower-case addresses
    sa.Column("province", sa.String(2), nullable=True),  # None: the nation
    sa.Column("lang", sa.String(2), nullable=False),
    sa.Column("basis", sa.String(16), nullable=False),
    sa.Column("frequency", sa.String(8), nullable=False),  # weekly, monthly
    sa.Column("day", sa.Integer, nullable=False),  # weekly: 0 = Monday .. 6; monthly: 1..28
    sa.Column("time_of_day", sa.String(5), nullable=False),  # HH:MM in ``zone``
    sa.Column("zone", sa.String(64), nullable=False),
    sa.Column("content", sa.Text, nullable=False),  # comma-separated: deck, summary, gaps
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
)

alerts = sa.Table(
    "alerts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("recipients", sa.Text, nullable=False),  # JSON list
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("province", sa.String(2), nullable=True),
    sa.Column("lang", sa.String(2), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
)

send_log = sa.Table(
    "send_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("target", sa.String(32), nullable=False),  # "subscription:3", "alert:2"
    sa.Column("slot", sa.String(200), nullable=False),  # the schedule's slot (UTC ISO) or the alert's event key
    sa.Column("attempt", sa.Integer, nullable=False),
    sa.Column("recipients", sa.Text, nullable=False),  # JSON list
    sa.Column("status", sa.String(8), nullable=False),  # sending, sent, failed
    sa.Column("error", sa.Text, nullable=True),
    sa.Column("figures", sa.Text, nullable=True),  # JSON: the headline figures sent (for "what changed")
    sa.UniqueConstraint("target", "slot", "attempt", name="uq_send_log_target_slot_attempt"),
)

fired_alerts = sa.Table(
    "fired_alerts",
    metadata,
    sa.Column("alert_id", sa.Integer, primary_key=True),
    sa.Column("event_key", sa.String(200), primary_key=True),
    sa.Column("fired_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("snapshot_id", sa.Integer, nullable=True),
    sa.Column("details", sa.Text, nullable=True),  # JSON: the regions or provinces named
)

SUBSCRIPTION_COLUMNS = [
    "id",
    "recipients",
    "province",
    "lang",
    "basis",
    "frequency",
    "day",
    "time_of_day",
    "zone",
    "content",
    "created_at",
    "created_by",
]
LOG_COLUMNS = ["at", "target", "slot", "attempt", "recipients", "status", "error"]


def _rows(store: Store, table: sa.Table) -> list[dict]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(table).order_by(table.c.id)).mappings().all()
    found = []
    for row in rows:
        item = dict(row)
        item["recipients"] = json.loads(item["recipients"])
        item["created_at"] = _utc(item["created_at"])
        found.append(item)
    return found


def insert_subscription(store: Store, values: dict) -> int:
    with store.engine.begin() as conn:
        result = conn.execute(
            subscriptions.insert().values(**{**values, "recipients": json.dumps(values["recipients"])})
        )
        return int(result.inserted_primary_key[0])


def insert_alert(store: Store, values: dict) -> int:
    with store.engine.begin() as conn:
        result = conn.execute(alerts.insert().values(**{**values, "recipients": json.dumps(values["recipients"])}))
        return int(result.inserted_primary_key[0])


def list_subscriptions(store: Store) -> list[dict]:
    """One dict per subscription, oldest first (``recipients`` a list, ``created_at`` in UTC)."""
    return _rows(store, subscriptions)


def list_alerts(store: Store) -> list[dict]:
    return _rows(store, alerts)


def delete_subscription(store: Store, subscription_id: int) -> bool:
    with store.engine.begin() as conn:
        return conn.execute(subscriptions.delete().where(subscriptions.c.id == subscription_id)).rowcount > 0


def delete_alert(store: Store, alert_id: int) -> bool:
    with store.engine.begin() as conn:
        return conn.execute(alerts.delete().where(alerts.c.id == alert_id)).rowcount > 0


def attempts(store: Store, target: str, slot: str) -> list[dict]:
    """The send log's rows of one (target, slot), first attempt first."""
    with store.engine.connect() as conn:
        rows = (
            conn.execute(
                sa.select(send_log)
                .where(send_log.c.target == target, send_log.c.slot == slot)
                .order_by(send_log.c.attempt)
            )
            .mappings()
            .all()
        )
    return [dict(r) for r in rows]


def claim(
    store: Store, target: str, slot: str, recipients: list[str], now: dt.datetime, max_attempts: int
) -> int | None:
    """Claim the next attempt of (target, slot) under the store's write lock: the new send-log row's id,
    or None when it was sent already, is being sent, or failed ``max_attempts`` times. The unique key
    (target, slot, attempt) makes a second claimer of the same attempt fail instead of sending twice."""
    try:
        with store.write_lock() as conn:
            done = conn.execute(
                sa.select(send_log.c.attempt, send_log.c.status)
                .where(send_log.c.target == target, send_log.c.slot == slot)
                .order_by(send_log.c.attempt.desc())
            ).all()
            if done and (done[0].status in ("sent", "sending") or done[0].attempt >= max_attempts):
                return None
            attempt = done[0].attempt + 1 if done else 1
            result = conn.execute(
                send_log.insert().values(
                    at=now,
                    target=target,
                    slot=slot,
                    attempt=attempt,
                    recipients=json.dumps(recipients),
                    status="sending",
                    error=None,
                    figures=None,
                )
            )
            return int(result.inserted_primary_key[0])
    except sa.exc.IntegrityError:
        return None


def finish(store: Store, log_id: int, status: str, error: str | None, figures: dict | None, now: dt.datetime) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            send_log.update()
            .where(send_log.c.id == log_id)
            .values(
                status=status,
                error=error,
                at=now,
                figures=json.dumps(figures, default=str) if figures else None,
            )
        )


def last_sent_figures(store: Store, target: str) -> dict | None:
    """The figures of ``target``'s newest successful send, None before its first."""
    with store.engine.connect() as conn:
        text = conn.execute(
            sa.select(send_log.c.figures)
            .where(send_log.c.target == target, send_log.c.status == "sent", send_log.c.figures.is_not(None))
            .order_by(send_log.c.id.desc())
            .limit(1)
        ).scalar()
    return json.loads(text) if text else None


def load_log(store: Store, limit: int = 500) -> pd.DataFrame:
    """One row per attempt, newest first: at, target, slot, attempt, recipients (list), status, error."""
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(send_log).order_by(send_log.c.id.desc()).limit(limit)).mappings().all()
    records = [
        {**{c: r[c] for c in LOG_COLUMNS}, "at": _utc(r["at"]), "recipients": json.loads(r["recipients"])} for r in rows
    ]
    return pd.DataFrame(records, columns=LOG_COLUMNS)


def record_fired(
    store: Store, alert_id: int, event_key: str, now: dt.datetime, snapshot_id: int | None, details: dict
) -> bool:
    """Record that an alert's event fired; False when it had fired already (once per event)."""
    try:
        with store.engine.begin() as conn:
            conn.execute(
                fired_alerts.insert().values(
                    alert_id=alert_id,
                    event_key=event_key,
                    fired_at=now,
                    snapshot_id=snapshot_id,
                    details=json.dumps(details),
                )
            )
        return True
    except sa.exc.IntegrityError:
        return False


def fired(store: Store) -> pd.DataFrame:
    """One row per fired alert event: alert_id, event_key, fired_at, snapshot_id, details (JSON text)."""
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(fired_alerts).order_by(fired_alerts.c.fired_at)).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in fired_alerts.columns])
