"""Pace of the rollout and when full coverage comes at that pace (pure).

Pace is newly covered kabupaten/kota per month. The forecast uses the pace of the 12 months up to the
as-of date; its range comes from the slowest and the fastest 12-month pace seen in the three years up
to that date. The sentences name no month further than ``HORIZON_YEARS`` ahead: at such a pace they
say "more than 20 years" in words, not a far date or "never".
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from mpp_data.analysis.metrics import compute_coverage_over_time

WINDOW_MONTHS = 12
LOOKBACK_MONTHS = 36
BATCH_MIN_REGIONS = 5
HORIZON_YEARS = 20

#: National totals of MPPs from ministry statements (see DOMAIN.md): date, malls, and whether the
#: statement dates the total by its ``year`` or its ``month`` (``format_period`` words it for the reader).
PUBLIC_MILESTONES = (
    (dt.date(2017, 12, 31), 3, "year"),
    (dt.date(2022, 6, 30), 56, "year"),
    (dt.date(2023, 9, 30), 152, "month"),
    (dt.date(2024, 6, 30), 208, "month"),
    (dt.date(2024, 12, 31), 272, "month"),
    (dt.date(2025, 12, 31), 305, "month"),
)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), clipped to the month's last day."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    last_day = (dt.date(year + (month == 11), (month + 1) % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month + 1, min(day.day, last_day))


def covered_on(timeline: pd.DataFrame, day: dt.date) -> int:
    """Covered regions on ``day`` from ``metrics.compute_coverage_over_time``."""
    before = timeline[timeline["date"] <= day]
    return int(before["covered_regions"].iloc[-1]) if len(before) else 0


def pace_per_month(timeline: pd.DataFrame, end: dt.date, months: int = WINDOW_MONTHS) -> float:
    """Newly covered regions per month in the ``months`` up to ``end``."""
    return (covered_on(timeline, end) - covered_on(timeline, add_months(end, -months))) / months


@dataclass(frozen=True)
class Forecast:
    """``full_coverage_month`` and the range are YYYY-MM strings, None when the pace cannot get there.
    Sentences name only months up to ``horizon_month`` (see ``bounded``)."""

    as_of: dt.date
    covered: int
    total: int
    pace_per_month: float
    full_coverage_month: str | None
    range: tuple[str | None, str | None]
    target_date: dt.date
    required_pace_per_month: float | None
    pace_ratio: float | None  # required / current
    enough_data: bool
    horizon_years: int = HORIZON_YEARS

    @property
    def horizon_month(self) -> str:
        """The last month a forecast may name (YYYY-MM)."""
        return f"{add_months(self.as_of, 12 * self.horizon_years):%Y-%m}"

    def bounded(self, month: str | None) -> str | None:
        """``month`` when it lies within the horizon; None when it is further away or never comes."""
        return month if month is not None and month <= self.horizon_month else None

    @property
    def remaining(self) -> int:
        return self.total - self.covered

    def as_json(self) -> dict:
        return {
            "pace_per_month": round(self.pace_per_month, 2),
            "full_coverage_month": self.full_coverage_month,
            "range": list(self.range),
            "required_pace_per_month": None
            if self.required_pace_per_month is None
            else round(self.required_pace_per_month, 2),
            "target_date": self.target_date.isoformat(),
            "enough_data": self.enough_data,
            "horizon_month": self.horizon_month,
        }


def _month_reached(as_of: dt.date, remaining: int, pace: float) -> str | None:
    if remaining <= 0:
        return f"{as_of:%Y-%m}"
    if pace <= 0:
        return None
    return f"{add_months(as_of, math.ceil(remaining / pace)):%Y-%m}"


def compute_forecast(malls: pd.DataFrame, regions: pd.DataFrame, *, as_of: dt.date, target_date: dt.date) -> Forecast:
    """When all regions would be covered at the recent pace, and the pace needed by ``target_date``."""
    timeline = compute_coverage_over_time(malls, regions)
    timeline = timeline[timeline["date"] <= as_of]
    covered = covered_on(timeline, as_of)
    total = len(regions)
    remaining = total - covered
    enough = timeline["date"].nunique() >= 2
    pace = pace_per_month(timeline, as_of) if enough else 0.0
    paces = [
        pace_per_month(timeline, add_months(as_of, -back)) for back in range(0, LOOKBACK_MONTHS - WINDOW_MONTHS + 1)
    ]
    first_day = timeline["date"].min() if len(timeline) else as_of
    # Only windows that lie inside the data: a window before the first inauguration says nothing.
    paces = [p for back, p in enumerate(paces) if add_months(as_of, -back - WINDOW_MONTHS) >= first_day] or [pace]
    fastest, slowest = max(paces), min(paces)
    months_left = (target_date.year - as_of.year) * 12 + target_date.month - as_of.month
    required = remaining / months_left if months_left > 0 else None
    return Forecast(
        as_of=as_of,
        covered=covered,
        total=total,
        pace_per_month=pace,
        full_coverage_month=_month_reached(as_of, remaining, pace) if enough else None,
        range=(_month_reached(as_of, remaining, fastest), _month_reached(as_of, remaining, slowest))
        if enough
        else (None, None),
        target_date=target_date,
        required_pace_per_month=required,
        pace_ratio=(required / pace) if required is not None and pace > 0 else None,
        enough_data=enough,
    )


def compute_new_per_quarter(timeline: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """One row per calendar quarter up to ``as_of``: quarter (``2024 Q2``), start (date), new_regions."""
    upto = timeline[timeline["date"] <= as_of]
    if upto.empty:
        return pd.DataFrame(columns=["quarter", "start", "new_regions"])
    periods = pd.PeriodIndex([pd.Period(d, freq="Q") for d in upto["date"]])
    counts = upto.groupby(periods)["new_regions"].sum()
    full = pd.period_range(counts.index.min(), pd.Period(as_of, freq="Q"), freq="Q")
    counts = counts.reindex(full, fill_value=0)
    return pd.DataFrame(
        {
            "quarter": [f"{p.year} Q{p.quarter}" for p in counts.index],
            "start": [p.start_time.date() for p in counts.index],
            "new_regions": counts.to_numpy(dtype=int),
        }
    )


def compute_batch_days(timeline: pd.DataFrame, as_of: dt.date, minimum: int = BATCH_MIN_REGIONS) -> pd.DataFrame:
    """Days on which at least ``minimum`` regions were first covered (batch inaugurations)."""
    batches = timeline[(timeline["new_regions"] >= minimum) & (timeline["date"] <= as_of)]
    return batches.reset_index(drop=True)


def milestones_in_range(first: dt.date | None, *, as_of: dt.date) -> list[tuple[dt.date, int, str]]:
    """Public national totals whose date lies within the data's time span."""
    if first is None:
        return []
    return [m for m in PUBLIC_MILESTONES if first <= m[0] <= as_of]
