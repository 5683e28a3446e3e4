"""Subscriptions and alerts: who gets which briefing when, and the one scheduler that sends them.

``send_due`` is what cron, a systemd timer or a Kubernetes CronJob runs (``python -m mpp_data
send-due``). It is idempotent: each send is first claimed in the send log under a unique key
(target, slot, attempt), under the store's write lock, and on PostgreSQL a whole run holds an advisory
lock, so two runs at once (two machines on one database) send a subscription's message once. A slot
missed while no scheduler ran is sent once, at the next run, never once per missed slot; a failed send
is claimed again by the next run, up to ``MPP_SEND_MAX_ATTEMPTS`` attempts.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import smtplib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from functools import partial
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd
import sqlalchemy as sa

from mpp_data.access import Action, Actor
from mpp_data.access.limits import MAX_RECIPIENTS, check_length, clipped
from mpp_data.analysis import schedule
from mpp_data.config import Settings
from mpp_data.errors import (
    InvalidSubscription,
    MailNotConfigured,
    MppDataError,
    SubscriptionNotFound,
    UnknownProvince,
)
from mpp_data.present import mail as present_mail
from mpp_data.present.briefing import file_name as briefing_file_name
from mpp_data.present.exports import Export
from mpp_data.present.reports import metrics_report
from mpp_data.present.text import LANGUAGES
from mpp_data.reference import bases
from mpp_data.reference.regions import province_names
from mpp_data.scope import ViewScope
from mpp_data.service.access import _EMAIL, record, require
from mpp_data.service.alerts import AlertView, alert_message, link, scope_name
from mpp_data.service.briefing import briefing_deck
from mpp_data.service.exports import ExportChoice, export_table
from mpp_data.service.queries import load_snapshot
from mpp_data.service.views import national_figures
from mpp_data.store import Store
from mpp_data.store import mail as mail_store

logger = logging.getLogger(__name__)

#: pg_advisory_lock key of the scheduler ("MPPM"): one run at a time per PostgreSQL database.
_PG_SEND_LOCK_KEY = 0x4D50504D
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# -- checking what an admin typed --------------------------------------------------------------
def _recipients(addresses: list[str]) -> list[str]:
    cleaned = []
    for text in addresses:
        for part in text.split(","):
            address = part.strip().lower()
            if not address:
                continue
            check_length(address, "email")
            if not _EMAIL.match(address):
                raise InvalidSubscription(variant="recipients", value=clipped(part.strip(), 80), limit=MAX_RECIPIENTS)
            if address not in cleaned:
                cleaned.append(address)
    if not cleaned or len(cleaned) > MAX_RECIPIENTS:
        raise InvalidSubscription(variant="recipients", value=len(cleaned), limit=MAX_RECIPIENTS)
    return cleaned


def _province(code: str | None) -> str | None:
    if code is None:
        return None
    if code not in province_names():
        raise UnknownProvince(value=code)
    return code


def _lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise InvalidSubscription(variant=None, value=clipped(str(lang), 80))
    return lang


def parse_day(frequency: str, day: str | int | None) -> int:
    """``mon``..``sun`` as 0..6 for weekly (default Monday), 1..28 for monthly (default the 1st)."""
    if frequency not in schedule.FREQUENCIES:
        raise InvalidSubscription(variant=None, value=clipped(str(frequency), 80))
    text = "" if day is None else str(day).strip().lower()
    if frequency == "weekly":
        if not text:
            return 0
        if text in schedule.WEEKDAYS:
            return schedule.WEEKDAYS.index(text)
    elif not text:
        return 1
    elif text.isdigit() and 1 <= int(text) <= 28:
        return int(text)
    raise InvalidSubscription(variant="day", value=clipped(text, 80))


def _zone(zone: str) -> str:
    try:
        ZoneInfo(check_length(zone, "alias"))
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidSubscription(variant="zone", value=clipped(zone, 80)) from None
    return zone


def _content(content: tuple[str, ...] | list[str]) -> str:
    chosen = [c.strip().lower() for c in content if c.strip()]
    unknown = [c for c in chosen if c not in schedule.CONTENTS]
    if unknown or not chosen:
        raise InvalidSubscription(variant="content", value=clipped(",".join(unknown) or "", 80))
    return ",".join(c for c in schedule.CONTENTS if c in chosen)


# -- managing ----------------------------------------------------------------------------------
def add_subscription(
    store: Store,
    recipients: list[str],
    *,
    actor: Actor,
    frequency: str,
    day: str | int | None = None,
    time_of_day: str = "07:00",
    zone: str = "Asia/Jakarta",
    province: str | None = None,
    lang: str = "id",
    basis: str | None = None,
    content: tuple[str, ...] | list[str] = schedule.CONTENTS,
    now: dt.datetime | None = None,
) -> int:
    """Keep a subscription (admins only, audited) and return its id; every field is checked first and
    nothing is stored when one is refused (:class:`InvalidSubscription`)."""
    require(actor, Action.MANAGE_SUBSCRIPTIONS)
    if not _TIME.match(time_of_day or ""):
        raise InvalidSubscription(variant="time", value=clipped(str(time_of_day), 80))
    values = {
        "recipients": _recipients(recipients),
        "province": _province(province),
        "lang": _lang(lang),
        "basis": bases.check_basis(basis or Settings().basis),
        "frequency": frequency,
        "day": parse_day(frequency, day),
        "time_of_day": time_of_day,
        "zone": _zone(zone),
        "content": _content(content),
        "created_at": now or _now(),
        "created_by": clipped(actor.name, 254),
    }
    subscription_id = mail_store.insert_subscription(store, values)
    record(
        store,
        actor,
        "subscription.added",
        subscription_id,
        {k: v for k, v in values.items() if k not in ("created_at", "created_by")},
    )
    return subscription_id


def remove_subscription(store: Store, subscription_id: int, *, actor: Actor) -> None:
    require(actor, Action.MANAGE_SUBSCRIPTIONS)
    if not mail_store.delete_subscription(store, subscription_id):
        raise SubscriptionNotFound(id=subscription_id)
    record(store, actor, "subscription.removed", subscription_id)


def list_subscriptions(store: Store, *, actor: Actor) -> list[dict]:
    """One dict per subscription, oldest first: id, recipients, province, lang, basis, frequency, day,
    time_of_day, zone, content, created_at, created_by."""
    require(actor, Action.MANAGE_SUBSCRIPTIONS)
    return mail_store.list_subscriptions(store)


def add_alert(
    store: Store,
    recipients: list[str],
    *,
    actor: Actor,
    kind: str,
    province: str | None = None,
    lang: str = "id",
    now: dt.datetime | None = None,
) -> int:
    """Subscribe ``recipients`` to an alert of ``kind`` (``schedule.ALERT_KINDS``), of one province or the nation."""
    require(actor, Action.MANAGE_SUBSCRIPTIONS)
    if kind == "agreements_expiring":
        raise InvalidSubscription(variant="agreements", value=kind)
    if kind not in schedule.ALERT_KINDS:
        raise InvalidSubscription(variant="kind", value=clipped(str(kind), 80))
    values = {
        "recipients": _recipients(recipients),
        "kind": kind,
        "province": _province(province),
        "lang": _lang(lang),
        "created_at": now or _now(),
        "created_by": clipped(actor.name, 254),
    }
    alert_id = mail_store.insert_alert(store, values)
    record(store, actor, "alert.added", alert_id, {k: values[k] for k in ("recipients", "kind", "province", "lang")})
    return alert_id


def remove_alert(store: Store, alert_id: int, *, actor: Actor) -> None:
    require(actor, Action.MANAGE_SUBSCRIPTIONS)
    if not mail_store.delete_alert(store, alert_id):
        raise SubscriptionNotFound(id=alert_id)
    record(store, actor, "alert.removed", alert_id)


def list_alerts(store: Store, *, actor: Actor) -> list[dict]:
    require(actor, Action.MANAGE_SUBSCRIPTIONS)
    return mail_store.list_alerts(store)


def send_log(store: Store, *, actor: Actor) -> pd.DataFrame:
    """The send log, newest first: at, target, slot, attempt, recipients, status (sent, failed,
    sending), error."""
    require(actor, Action.MANAGE_SUBSCRIPTIONS)
    return mail_store.load_log(store)


def fired_alerts(store: Store, *, actor: Actor) -> pd.DataFrame:
    require(actor, Action.MANAGE_SUBSCRIPTIONS)
    return mail_store.fired(store)


# -- sending -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    """What one run did with one due message: ``status`` due (a dry run), sent or failed."""

    target: str
    slot: str
    recipients: list[str]
    status: str
    attempt: int | None = None
    error: str | None = None

    def as_json(self) -> dict:
        return {
            "target": self.target,
            "slot": self.slot,
            "recipients": self.recipients,
            "status": self.status,
            "attempt": self.attempt,
            "error": self.error,
        }


@contextmanager
def _run_lock(store: Store) -> Iterator[None]:
    """One scheduler run at a time on PostgreSQL (a second waits, then finds the log written). On
    SQLite each claim is serialised by the writer's BEGIN IMMEDIATE."""
    if store.engine.dialect.name != "postgresql":
        yield
        return
    with store.engine.connect() as conn:
        conn.execute(sa.select(sa.func.pg_advisory_lock(_PG_SEND_LOCK_KEY)))
        conn.commit()
        try:
            yield
        finally:
            conn.execute(sa.select(sa.func.pg_advisory_unlock(_PG_SEND_LOCK_KEY)))
            conn.commit()


def _smtp_send(settings: Settings, message: EmailMessage) -> None:
    with smtplib.SMTP(settings.smtp_host or "", settings.smtp_port, timeout=30) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_user:
            smtp.login(settings.smtp_user, settings.smtp_password or "")
        smtp.send_message(message)


def _headline(report: dict) -> dict:
    keys = ("as_of", "snapshot_id", "covered_units", "total_units", "operating_malls")
    return {k: report[k] for k in keys}


def _deliver(
    store: Store,
    settings: Settings,
    target: str,
    slot: str,
    recipients: list[str],
    now: dt.datetime,
    build: Callable[[], tuple[EmailMessage, dict | None]],
    dry_run: bool,
) -> Outcome | None:
    """Claim, build and send one message; None when it was sent (or claimed, or given up) already."""
    if dry_run:
        tried = mail_store.attempts(store, target, slot)
        if tried and (tried[-1]["status"] in ("sent", "sending") or tried[-1]["attempt"] >= settings.send_max_attempts):
            return None
        return Outcome(target, slot, recipients, "due", len(tried) + 1)
    log_id = mail_store.claim(store, target, slot, recipients, now, settings.send_max_attempts)
    if log_id is None:
        return None
    attempt = mail_store.attempts(store, target, slot)[-1]["attempt"]
    try:
        message, figures = build()
        _smtp_send(settings, message)
    except (smtplib.SMTPException, OSError, MppDataError) as exc:
        error = clipped(f"{type(exc).__name__}: {exc}", 500)
        logger.warning("sending %s (slot %s, attempt %d) failed: %s", target, slot, attempt, error)
        mail_store.finish(store, log_id, "failed", error, None, _now())
        return Outcome(target, slot, recipients, "failed", attempt, error)
    mail_store.finish(store, log_id, "sent", None, figures, _now())
    return Outcome(target, slot, recipients, "sent", attempt)


def subscription_message(
    store: Store, settings: Settings, subscription: dict, now: dt.datetime
) -> tuple[EmailMessage, dict]:
    """A subscription's e-mail on the newest snapshot, and the headline figures it carries."""
    lang, province, basis = subscription["lang"], subscription["province"], subscription["basis"]
    content = subscription["content"].split(",")
    data = load_snapshot(store)
    scope = ViewScope(province=province, lang=lang, target_date=settings.target_date, basis=basis or settings.basis)
    report = metrics_report(national_figures(data, scope=scope))
    attachments = []
    if "deck" in content:
        deck = briefing_deck(store, scope=scope, settings=settings)
        name = briefing_file_name(dt.date.fromisoformat(report["as_of"]), province, lang)
        attachments.append(Export(name, "/".join(present_mail.PPTX), deck))
    if "gaps" in content:
        attachments.append(export_table(store, scope=scope, table="gaps", fmt="xlsx", choice=ExportChoice()))
    previous = mail_store.last_sent_figures(store, f"subscription:{subscription['id']}")
    message = present_mail.summary_message(
        report,
        previous,
        lang=lang,
        scope=scope_name(province, lang),
        sender=settings.smtp_from,
        recipients=subscription["recipients"],
        now=now,
        link=link(settings),
        attachments=attachments,
        with_summary="summary" in content,
    )
    return message, _headline(report)


def send_now(
    store: Store,
    subscription_id: int,
    *,
    actor: Actor,
    settings: Settings | None = None,
    now: dt.datetime | None = None,
) -> Outcome:
    """Send one subscription at once, whatever its schedule (logged like any send)."""
    require(actor, Action.MANAGE_SUBSCRIPTIONS)
    settings = settings or Settings()  # callers hand down the configured settings
    if not settings.smtp_host:
        raise MailNotConfigured()
    now = now or _now()
    subscription = next((s for s in mail_store.list_subscriptions(store) if s["id"] == subscription_id), None)
    if subscription is None:
        raise SubscriptionNotFound(id=subscription_id)
    record(store, actor, "subscription.sent_now", subscription_id)
    outcome = _deliver(
        store,
        settings,
        f"subscription:{subscription_id}",
        f"now:{now.isoformat()}",
        subscription["recipients"],
        now,
        lambda: subscription_message(store, settings, subscription, now),
        dry_run=False,
    )
    assert outcome is not None  # a slot of its own: never claimed before
    return outcome


def _without_figures(build: Callable[..., EmailMessage], *args: object) -> tuple[EmailMessage, None]:
    return build(*args), None


def send_due(
    store: Store,
    *,
    actor: Actor,
    settings: Settings | None = None,
    now: dt.datetime | None = None,
    dry_run: bool = False,
) -> list[Outcome]:
    """Send every subscription whose latest slot on or before ``now`` (default: the clock) was not sent,
    then every alert event not sent; ``dry_run`` says what would go and writes nothing."""
    require(actor, Action.MANAGE_SUBSCRIPTIONS)
    settings = settings or Settings()  # callers hand down the configured settings
    if not settings.smtp_host and not dry_run:
        raise MailNotConfigured()
    now = now or _now()
    outcomes: list[Outcome | None] = []
    with _run_lock(store):
        for subscription in mail_store.list_subscriptions(store):
            slot = schedule.due_slot(subscription, now)
            if slot is None:
                continue
            outcomes.append(
                _deliver(
                    store,
                    settings,
                    f"subscription:{subscription['id']}",
                    slot.isoformat(),
                    subscription["recipients"],
                    now,
                    partial(subscription_message, store, settings, subscription, now),
                    dry_run,
                )
            )
        alerts = mail_store.list_alerts(store)
        if alerts and store.latest_snapshot_id() is not None:
            view = AlertView(store, settings, now)
            for alert in alerts:
                for event in view.events(alert):
                    if not dry_run:
                        mail_store.record_fired(store, alert["id"], event.key, now, event.snapshot_id, event.params)
                    outcomes.append(
                        _deliver(
                            store,
                            settings,
                            f"alert:{alert['id']}",
                            event.key,
                            alert["recipients"],
                            now,
                            partial(_without_figures, alert_message, settings, alert, event, now),
                            dry_run,
                        )
                    )
    return [o for o in outcomes if o is not None]
