"""When a subscription is due, and which alert events a new snapshot makes (pure: values in, values out).

A schedule has slots: weekly on a weekday, or monthly on a day of the month (1..28, so every month has
it), at a time of day in an IANA zone. A run at ``now`` sends the latest slot on or before ``now`` that
was not sent yet: a run after missed slots sends once, for the newest, never once per missed slot.

>>> import datetime as dt
>>> now = dt.datetime(2026, 12, 9, 3, 0, tzinfo=dt.UTC)  # Wednesday 10:00 in Jakarta
>>> latest_slot("weekly", 0, "07:00", "Asia/Jakarta", now).isoformat()  # Monday 07:00 WIB
'2026-12-07T00:00:00+00:00'
>>> latest_slot("monthly", 15, "07:00", "Asia/Jakarta", now).isoformat()
'2026-11-15T00:00:00+00:00'
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pandas as pd

from mpp_data.analysis.plan import STATUS_ORDER

FREQUENCIES = ("weekly", "monthly")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CONTENTS = ("deck", "summary", "gaps")
#: What an alert may watch. Agreements expiring needs an agreements kind of upload, which does not exist yet.
ALERT_KINDS = ("coverage_changed", "region_lost_mall", "plan_worse", "no_upload")


def _local_slot(day: dt.date, time_of_day: str, zone: ZoneInfo) -> dt.datetime:
    hour, minute = (int(part) for part in time_of_day.split(":"))
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone).astimezone(dt.UTC)


def latest_slot(frequency: str, day: int, time_of_day: str, zone: str, now: dt.datetime) -> dt.datetime:
    """The newest slot on or before ``now`` (aware), in UTC. ``day``: 0 (Monday) .. 6 for ``weekly``,
    1..28 for ``monthly``; ``time_of_day`` ``HH:MM`` in ``zone``."""
    tz = ZoneInfo(zone)
    local = now.astimezone(tz)
    if frequency == "weekly":
        date = local.date() - dt.timedelta(days=(local.weekday() - day) % 7)
        slot = _local_slot(date, time_of_day, tz)
        return slot if slot <= now else _local_slot(date - dt.timedelta(days=7), time_of_day, tz)
    if frequency != "monthly":
        raise ValueError(frequency)
    slot = _local_slot(local.date().replace(day=day), time_of_day, tz)
    if slot <= now:
        return slot
    year, month = (local.year, local.month - 1) if local.month > 1 else (local.year - 1, 12)
    return _local_slot(dt.date(year, month, day), time_of_day, tz)


def due_slot(subscription: dict, now: dt.datetime) -> dt.datetime | None:
    """The slot a run at ``now`` would send for ``subscription`` (frequency, day, time_of_day, zone,
    created_at): the latest slot on or before ``now``, none when that lies before the subscription was
    made (a new subscription waits for its first slot). Whether it was sent already is the send log's."""
    slot = latest_slot(
        subscription["frequency"], subscription["day"], subscription["time_of_day"], subscription["zone"], now
    )
    return slot if slot >= subscription["created_at"] else None


# -- alert events --------------------------------------------------------------------------
def regions_lost(before: pd.DataFrame, after: pd.DataFrame) -> list[str]:
    """Codes of regions operating in ``before`` and not in ``after`` (``compute_region_status`` rows:
    code, status), sorted."""
    was = set(before.loc[before["status"].eq("operating"), "code"])
    now = set(after.loc[after["status"].eq("operating"), "code"])
    return sorted(was - now)


def provinces_worse(before: pd.DataFrame, after: pd.DataFrame) -> list[dict]:
    """Provinces whose plan status got worse (``Plan.provinces`` rows: code, name, status): code, name,
    from, to; ``STATUS_ORDER`` runs from worst to best."""
    rank = {status: i for i, status in enumerate(STATUS_ORDER)}
    old = dict(zip(before["code"], before["status"], strict=True))
    worse = []
    for code, name, status in zip(after["code"], after["name"], after["status"], strict=True):
        if code in old and rank[status] < rank[old[code]]:
            worse.append({"code": code, "name": name, "from": old[code], "to": status})
    return sorted(worse, key=lambda p: p["code"])


def covered_changed(before: int, after: int, more_than: int) -> bool:
    """Whether the covered count moved: any change when ``more_than`` is 0, else by more than it."""
    return after != before and abs(after - before) > more_than
