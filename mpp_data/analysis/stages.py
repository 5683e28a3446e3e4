"""Stages over the upload history: units stuck in a stage, and how long stages take (pure).

``history``: the uploads oldest first, each (upload date, malls as a counting basis gives them). A
unit's stage in an upload is the best status of its malls there (``metrics.compute_region_status`` on
the upload's date): operating, under_construction, planned or none. Exports record the stages before
opening only as of the day they were made, so the uploads are the only clock these stages have.

- Stuck: a unit under construction or planned in the newest upload, in that same stage in every
  upload from ``since`` (the first of that unbroken run) on, where the run spans more than
  ``threshold_months`` (the newest upload lies after ``since`` + that many months). ``months`` is the
  whole months from ``since`` to the newest upload.
- Durations: months (days ÷ 30.4375) from the first upload showing a unit planned to the first showing
  it under construction (only when the later comes after), from the first showing it under
  construction to its first operating mall's inauguration (the date of the first upload showing it
  operating when that mall has none; 0 when the inauguration came before the upload that still
  showed it being built: the export was behind), and from planned to operating. A median is given
  where at least ``MIN_CASES`` cases lie behind it; the count is always given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from mpp_data.analysis.forecast import add_months
from mpp_data.analysis.metrics import compute_region_status
from mpp_data.ingest.values import OPERATING, PLANNED, UNDER_CONSTRUCTION

MIN_CASES = 5
DAYS_PER_MONTH = 365.25 / 12
STUCK_STAGES = (UNDER_CONSTRUCTION, PLANNED)
#: (step, stage it starts in, stage it ends in), in the order of the life cycle.
STEPS: tuple[tuple[str, str, str], ...] = (
    ("planned_to_under_construction", PLANNED, UNDER_CONSTRUCTION),
    ("under_construction_to_operating", UNDER_CONSTRUCTION, OPERATING),
    ("planned_to_operating", PLANNED, OPERATING),
)
NATIONAL = ""


def whole_months(start: dt.date, *, end: dt.date) -> int:
    """Whole calendar months from ``start`` to ``end``.

    >>> whole_months(dt.date(2024, 1, 31), end=dt.date(2025, 1, 30)), whole_months(dt.date(2024, 1, 31), end=dt.date(2025, 1, 31))
    (11, 12)
    """
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (end.day < start.day)


def compute_unit_stages(history: Sequence[tuple[dt.date, pd.DataFrame]], units: pd.DataFrame) -> pd.DataFrame:
    """One row per (upload, unit): uploaded_on, upload (0 for the oldest), code, stage, operating_since."""
    frames = []
    for index, (day, malls) in enumerate(history):
        status = compute_region_status(malls, units, day)
        frames.append(
            pd.DataFrame(
                {
                    "uploaded_on": day,
                    "upload": index,
                    "code": status["code"],
                    "stage": status["status"],
                    "operating_since": status["operating_since"],
                }
            )
        )
    columns = ["uploaded_on", "upload", "code", "stage", "operating_since"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def compute_stuck(stages: pd.DataFrame, units: pd.DataFrame, threshold_months: int) -> pd.DataFrame:
    """One row per stuck unit: code, name, province_code, province_name, stage, since (date), months;
    longest first, then by code."""
    columns = ["code", "name", "province_code", "province_name", "stage", "since", "months"]
    if stages.empty:
        return pd.DataFrame(columns=columns)
    newest = int(stages["upload"].max())
    last_day = stages.loc[stages["upload"].eq(newest), "uploaded_on"].iloc[0]
    rows = []
    for code, mine in stages.sort_values("upload").groupby("code", sort=False):
        stage = mine["stage"].iloc[-1]
        if int(mine["upload"].iloc[-1]) != newest or stage not in STUCK_STAGES:
            continue
        stages_seen = list(mine["stage"])
        start = len(stages_seen)
        while start > 0 and stages_seen[start - 1] == stage:
            start -= 1
        since = mine["uploaded_on"].iloc[start]
        if last_day > add_months(since, threshold_months):
            rows.append({"code": code, "stage": stage, "since": since, "months": whole_months(since, end=last_day)})
    stuck = pd.DataFrame(rows, columns=["code", "stage", "since", "months"])
    stuck = units[["code", "name", "province_code", "province_name"]].merge(stuck, on="code")
    return stuck.sort_values(["months", "code"], ascending=[False, True]).reset_index(drop=True)[columns]


def _durations(stages: pd.DataFrame) -> pd.DataFrame:
    """One row per unit and step it was seen to take: code, step, months."""
    rows = []
    for code, mine in stages.sort_values("upload").groupby("code", sort=False):
        first: dict[str, dt.date] = {}
        for stage in (PLANNED, UNDER_CONSTRUCTION, OPERATING):
            seen = mine[mine["stage"].eq(stage)]
            if seen.empty:
                continue
            day = seen["uploaded_on"].iloc[0]
            if stage == OPERATING:
                since = seen["operating_since"].iloc[0]
                day = since if since is not None and not pd.isna(since) else day
            first[stage] = day
        first_upload = {s: mine.loc[mine["stage"].eq(s), "upload"].min() for s in first}
        for step, start, end in STEPS:
            if start in first and end in first and first_upload[end] > first_upload[start]:
                days = max(0, (first[end] - first[start]).days)
                rows.append({"code": code, "step": step, "months": days / DAYS_PER_MONTH})
    return pd.DataFrame(rows, columns=["code", "step", "months"])


def compute_stage_durations(stages: pd.DataFrame, units: pd.DataFrame, minimum: int = MIN_CASES) -> pd.DataFrame:
    """One row per scope and step: scope (``""`` for the nation, else a province code), step, cases,
    median_months (rounded to one decimal; None when fewer than ``minimum`` cases). Every step has a
    national row; a province has rows for the steps it has cases of."""
    durations = _durations(stages).merge(units[["code", "province_code"]], on="code")
    rows = []

    def add(scope: str, step: str, months: pd.Series) -> None:
        median = round(float(months.median()), 1) if len(months) >= minimum else None
        rows.append({"scope": scope, "step": step, "cases": len(months), "median_months": median})

    for step, _, _ in STEPS:
        add(NATIONAL, step, durations.loc[durations["step"].eq(step), "months"])
    for (province, step), group in durations.groupby(["province_code", "step"], sort=True):
        add(str(province), str(step), group["months"])
    return pd.DataFrame(rows, columns=["scope", "step", "cases", "median_months"])
