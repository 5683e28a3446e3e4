"""The admin pages' tables as people read them: the audit log, the users, the subscriptions, alerts and
send log, with actions, roles, kinds and settings in words and times in the reader's date form (pure).

Times are shown in UTC, the zone the store keeps; the column's header says so once ("Waktu (UTC)"), so
no cell carries "+00:00".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
from babel.dates import format_datetime

from mpp_data.analysis.schedule import CONTENTS, WEEKDAYS
from mpp_data.present.labels import region_label
from mpp_data.present.text import MESSAGES, babel_locale, format_date, format_number, t

#: The languages a mail or a reader may choose, by name.
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
#: What the subscription form offers: a weekday (weekly) or a day of the month (monthly), as
#: ``service.add_subscription`` takes them; the parts of a mail.
DAY_CHOICES = (*WEEKDAYS, *(str(n) for n in range(1, 29)))
FREQUENCIES = ("weekly", "monthly")
MAIL_PARTS = CONTENTS


def day_label(day: str, lang: str) -> str:
    """``mon`` -> "Senin", ``15`` -> "Tanggal 15"."""
    return (
        t(f"subscriptions.weekday.{day}", lang) if day in WEEKDAYS else t("subscriptions.day_of_month", lang, day=day)
    )


def format_time(value: dt.datetime | None, lang: str) -> str:
    """A moment in UTC in the reader's form: ``8 Des 2026 02.39`` / ``8 Dec 2026 02:39``; "–" when unknown."""
    if value is None or pd.isna(value):
        return "–"
    moment = value.astimezone(dt.UTC) if value.tzinfo else value
    return format_datetime(moment, format="d MMM y HH:mm", locale=babel_locale(lang))


def actor_label(name: str | None, lang: str) -> str:
    """Who acted, as a person reads it: an email as it is, ``system:first-start`` as "the system (sample
    data at first start)", ``cli:ana`` as "the command line (ana)", nobody as "not signed in"."""
    if not name:
        return t("actor.anonymous", lang)
    kind, colon, rest = name.partition(":")
    if colon and kind == "system":
        key = f"actor.system.{rest}"
        return t(key, lang) if key in MESSAGES else t("actor.system", lang, what=rest)
    if colon and kind == "cli":
        return t("actor.cli", lang, user=rest)
    return name


def role_label(role: str | None, lang: str) -> str:
    return t(f"role.{role}", lang) if role and f"role.{role}" in MESSAGES else "–" if not role else str(role)


def action_label(action: str, lang: str) -> str:
    """An audit action (``snapshot.withdrawn``) in words; an action without text yet in plain words."""
    key = f"audit.action.{action}"
    return t(key, lang) if key in MESSAGES else action.replace("_", " ").replace(".", ": ")


def _words(prefix: str) -> Callable[[Any, str], str]:
    def label(value: Any, lang: str) -> str:
        key = f"{prefix}.{value}"
        return t(key, lang) if key in MESSAGES else str(value)

    return label


def _date(value: Any, lang: str) -> str:
    try:
        return format_date(dt.date.fromisoformat(str(value)), lang)
    except ValueError:
        return str(value)


def _listed(label: Callable[[Any, str], str]) -> Callable[[Any, str], str]:
    """A list of codes, or one stored as ``deck,summary,gaps``, in words."""

    def words(value: Any, lang: str) -> str:
        items = value if isinstance(value, list) else str(value).split(",")
        return ", ".join(label(v.strip() if isinstance(v, str) else v, lang) for v in items)

    return words


#: How a detail's value reads, by the detail's key; any other value is written as it is.
_VALUES: dict[str, Callable[[Any, str], str]] = {
    "role": role_label,
    "from": role_label,
    "to": role_label,
    "method": _words("audit.method"),
    "kind": _words("mail.alert_title"),
    "lang": lambda v, lang: LANGUAGE_NAMES.get(v, str(v)),
    "basis": _words("basis"),
    "frequency": _words("subscriptions.every"),
    "content": _listed(_words("subscriptions.part")),
    "province": lambda v, lang: region_label(str(v), lang) if v else t("subscriptions.national", lang),
    "region_code": lambda v, lang: region_label(str(v), lang),
    "data_as_of": _date,
}


def _value(key: str, value: Any, lang: str) -> str:
    if key in _VALUES and not isinstance(value, dict):
        return _VALUES[key](value, lang)
    if isinstance(value, bool):
        return t("audit.yes" if value else "audit.no", lang)
    if isinstance(value, int | float):
        return format_number(value, lang)
    if isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, dict | list) for v in value)):
        return t("audit.entries", lang, count=format_number(len(value), lang))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "–" if value is None else str(value)


def detail_label(key: str, lang: str) -> str:
    name = f"audit.detail.{key}"
    return t(name, lang) if name in MESSAGES else key.replace("_", " ")


def details_text(details: Mapping[str, Any], lang: str) -> str:
    """An event's details in words: ``Cara: tautan · Berlaku: 15 menit``."""
    return " · ".join(f"{detail_label(k, lang)}: {_value(k, v, lang)}" for k, v in details.items())


def display_audit(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``service.audit_events`` in words: at (UTC, the header says so), actor, role, action, object, details."""
    return pd.DataFrame(
        {
            "at": [format_time(v, lang) for v in events["at"]],
            "actor": [actor_label(v, lang) for v in events["actor"]],
            "role": [role_label(v, lang) for v in events["role"]],
            "action": [action_label(v, lang) for v in events["action"]],
            "object": ["–" if v is None or pd.isna(v) else str(v) for v in events["object"]],
            "details": [details_text(v, lang) for v in events["details"]],
        }
    )


def display_users(users: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``service.list_users`` in words: email, role, active, has_password, added_at (UTC)."""
    return pd.DataFrame(
        {
            "email": users["email"],
            "role": [role_label(v, lang) for v in users["role"]],
            "active": users["active"].astype(bool),
            "has_password": users["has_password"].astype(bool),
            "added_at": [format_time(v, lang) for v in users["created_at"]],
        }
    )


def subscription_rows(rows: list[dict], lang: str) -> list[dict]:
    """``service.list_subscriptions`` or ``list_alerts`` in words: every coded value (language, basis,
    frequency, weekday, content, alert kind, province) as the reader says it; the stored day (0..6 for a
    weekly one, 1..28 for a monthly one) as a weekday or a day of the month."""
    shown = []
    for row in rows:
        words = {k: _value(k, v, lang) if k not in ("id", "day") else v for k, v in row.items()}
        if "day" in row:
            weekly = row.get("frequency") == "weekly"
            words["day"] = day_label(WEEKDAYS[int(row["day"])] if weekly else str(row["day"]), lang)
        shown.append(words)
    return shown


def display_send_log(log: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``service.send_log`` in words: at (UTC), what was sent, slot, attempt, recipients, status, error."""
    return pd.DataFrame(
        {
            "at": [format_time(v, lang) for v in log["at"]],
            "target": [_target(v, lang) for v in log["target"]],
            "slot": log["slot"].astype(str),
            "attempt": [format_number(v, lang) for v in log["attempt"]],
            "recipients": [", ".join(v) if isinstance(v, list) else str(v) for v in log["recipients"]],
            "status": [_words("subscriptions.status")(v, lang) for v in log["status"]],
            "error": ["" if v is None or pd.isna(v) else str(v) for v in log["error"]],
        }
    )


def _target(target: str, lang: str) -> str:
    """``subscription:3`` -> "Langganan 3", ``alert:2`` -> "Peringatan 2"."""
    kind, _, number = str(target).partition(":")
    key = f"subscriptions.target.{kind}"
    return t(key, lang, number=number) if key in MESSAGES else str(target)
