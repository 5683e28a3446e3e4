"""Due slots and alert events (``mpp_data.analysis.schedule``), worked by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from mpp_data.analysis.schedule import covered_changed, due_slot, latest_slot, provinces_worse, regions_lost

UTC = dt.UTC


def at(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)


def test_weekly_slot_is_the_latest_on_or_before_now_in_jakarta_time():
    # Monday 07:00 WIB is Monday 00:00 UTC
    assert latest_slot("weekly", 0, "07:00", "Asia/Jakarta", at(2026, 12, 7, 0, 0)) == at(2026, 12, 7, 0, 0)
    assert latest_slot("weekly", 0, "07:00", "Asia/Jakarta", at(2026, 12, 6, 23, 59)) == at(2026, 11, 30, 0, 0)
    # Sunday 20:00 UTC is already Monday 03:00 in Jakarta, before 07:00: last week's slot
    assert latest_slot("weekly", 0, "07:00", "Asia/Jakarta", at(2026, 12, 6, 20, 0)) == at(2026, 11, 30, 0, 0)


def test_weekly_slot_in_another_zone():
    # Friday 16:30 WIT (Jayapura, UTC+9) is Friday 07:30 UTC
    assert latest_slot("weekly", 4, "16:30", "Asia/Jayapura", at(2026, 12, 11, 8, 0)) == at(2026, 12, 11, 7, 30)
    # a zone with summer time: 09:00 in Amsterdam is 07:00 UTC in June (CEST) and 08:00 UTC in January (CET)
    assert latest_slot("monthly", 1, "09:00", "Europe/Amsterdam", at(2026, 6, 2)) == at(2026, 6, 1, 7, 0)
    assert latest_slot("monthly", 1, "09:00", "Europe/Amsterdam", at(2026, 1, 2)) == at(2026, 1, 1, 8, 0)


def test_monthly_slot_before_the_day_is_last_months_and_january_goes_back_a_year():
    assert latest_slot("monthly", 15, "07:00", "Asia/Jakarta", at(2026, 12, 20)) == at(2026, 12, 15, 0, 0)
    assert latest_slot("monthly", 15, "07:00", "Asia/Jakarta", at(2026, 12, 14)) == at(2026, 11, 15, 0, 0)
    assert latest_slot("monthly", 28, "07:00", "Asia/Jakarta", at(2027, 1, 3)) == at(2026, 12, 28, 0, 0)


def test_a_run_after_missed_slots_is_due_for_the_newest_only():
    subscription = {"frequency": "weekly", "day": 0, "time_of_day": "07:00", "zone": "Asia/Jakarta",
                    "created_at": at(2026, 11, 1)}  # fmt: skip
    # five Mondays passed since: one slot, the newest
    assert due_slot(subscription, at(2026, 12, 9)) == at(2026, 12, 7, 0, 0)


def test_a_new_subscription_waits_for_its_first_slot():
    subscription = {"frequency": "weekly", "day": 0, "time_of_day": "07:00", "zone": "Asia/Jakarta",
                    "created_at": at(2026, 12, 8)}  # fmt: skip
    assert due_slot(subscription, at(2026, 12, 9)) is None
    assert due_slot(subscription, at(2026, 12, 14, 0, 1)) == at(2026, 12, 14, 0, 0)


def test_regions_lost_are_those_operating_before_and_not_after():
    before = pd.DataFrame({"code": ["61.01", "61.02", "61.03"], "status": ["operating", "operating", "planned"]})
    after = pd.DataFrame({"code": ["61.01", "61.02", "61.03"], "status": ["planned", "operating", "operating"]})
    assert regions_lost(before, after) == ["61.01"]
    assert regions_lost(after, after) == []


def test_provinces_worse_follow_the_plan_order():
    before = pd.DataFrame({"code": ["11", "61", "35"], "name": ["Aceh", "Kalbar", "Jatim"],
                           "status": ["on_track", "at_risk", "off_track"]})  # fmt: skip
    after = pd.DataFrame({"code": ["11", "61", "35"], "name": ["Aceh", "Kalbar", "Jatim"],
                          "status": ["at_risk", "done", "off_track"]})  # fmt: skip
    assert provinces_worse(before, after) == [{"code": "11", "name": "Aceh", "from": "on_track", "to": "at_risk"}]


def test_covered_changed_any_or_above_the_setting():
    assert covered_changed(10, 11, 0) and covered_changed(10, 9, 0)
    assert not covered_changed(10, 10, 0)
    assert not covered_changed(10, 12, 2) and covered_changed(10, 13, 2) and covered_changed(10, 7, 2)
