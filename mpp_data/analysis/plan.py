"""The plan toward every unit by a target date, nation and province (pure).

``malls`` and ``units`` as a counting basis gives them (``reference.bases``): one row per mall with
``region_code`` the unit it counts for; one row per unit: code, name, kind, province_code, province_name.

Definitions (the product's definitions text says the same, ``plan.definition.*``), for an as-of date D
and a target date T:

- units left = total units − covered units (covered: an operating mall inaugurated on or before D);
- required pace = units left ÷ years from D to T (days ÷ 365.25); none when T is not after D;
- own pace = units first covered in the 12 months up to D (after the same day a year earlier, up to
  and including D); a unit is first covered on the inauguration date of its first operating mall;
- status: ``done`` (nothing left), ``on_track`` (own pace ≥ required), ``at_risk`` (own pace ≥ half the
  required), ``off_track`` (otherwise, and whenever units are left on or after T);
- projected completion = D + units left ÷ own pace years; none when the own pace is 0;
- pipeline: uncovered units whose best mall is under construction, and those with one only planned;
  the pipeline closes the gap when those two together are at least the units left.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

import pandas as pd

from mpp_data.analysis.forecast import add_months
from mpp_data.analysis.metrics import NONE, compute_region_status
from mpp_data.ingest.values import OPERATING, PLANNED, UNDER_CONSTRUCTION

DONE, ON_TRACK, AT_RISK, OFF_TRACK = "done", "on_track", "at_risk", "off_track"
#: Worst first: the league table's order.
STATUS_ORDER: tuple[str, ...] = (OFF_TRACK, AT_RISK, ON_TRACK, DONE)
DAYS_PER_YEAR = 365.25
WINDOW_MONTHS = 12


def years_between(start: dt.date, *, end: dt.date) -> float:
    """Years from ``start`` to ``end`` as days ÷ 365.25 (negative when ``end`` comes first)."""
    return (end - start).days / DAYS_PER_YEAR


def date_after_years(start: dt.date, years: float) -> dt.date | None:
    """``start`` plus ``years`` (rounded to the day); None past the calendar's end."""
    try:
        return start + dt.timedelta(days=round(years * DAYS_PER_YEAR))
    except OverflowError:
        return None


def plan_status(units_left: int, required: float | None, own: float) -> str:
    """``done``, ``on_track``, ``at_risk`` or ``off_track`` as the module docstring defines them.

    >>> plan_status(0, 0.0, 0.0), plan_status(4, 2.0, 2.0), plan_status(4, 2.0, 1.0), plan_status(4, 2.0, 0.5)
    ('done', 'on_track', 'at_risk', 'off_track')
    >>> plan_status(3, None, 9.0)  # units left on the target date itself
    'off_track'
    """
    if units_left <= 0:
        return DONE
    if required is None:
        return OFF_TRACK
    if own >= required:
        return ON_TRACK
    if own >= required / 2:
        return AT_RISK
    return OFF_TRACK


def projected_completion(as_of: dt.date, units_left: int, pace_per_year: float) -> dt.date | None:
    """D + units left ÷ pace; D itself when nothing is left; None when the pace is 0 (it never comes).

    >>> projected_completion(dt.date(2025, 1, 1), 3, 2.0)
    datetime.date(2026, 7, 3)
    """
    if units_left <= 0:
        return as_of
    if pace_per_year <= 0:
        return None
    return date_after_years(as_of, units_left / pace_per_year)


@dataclass(frozen=True)
class PlanLine:
    """The plan of one scope (the nation or one province)."""

    code: str
    name: str
    total_units: int
    covered_units: int
    units_left: int
    required_per_year: float | None
    own_pace_per_year: float
    status: str
    projected_completion: dt.date | None
    under_construction: int
    planned: int
    pipeline_closes_gap: bool

    @property
    def shortfall_per_year(self) -> float:
        """How much faster per year the scope must go (0 when its own pace suffices)."""
        if self.units_left <= 0:
            return 0.0
        if self.required_per_year is None:
            return float(self.units_left)
        return max(0.0, self.required_per_year - self.own_pace_per_year)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Plan:
    """``national``: the plan of every unit given. ``provinces``: one row per province (the fields of
    ``PlanLine`` plus shortfall_per_year), worst status first, then the largest shortfall, then code.
    ``units``: one row per unit: code, name, kind, province_code, province_name, status (operating,
    under_construction, planned, none), first_covered (date or None), province_status.
    ``at_risk``: the units at risk, as ``units`` rows: uncovered, no mall in the pipeline, in a province
    that is not on track (nor done)."""

    as_of: dt.date
    target_date: dt.date
    national: PlanLine
    provinces: pd.DataFrame
    units: pd.DataFrame
    at_risk: pd.DataFrame

    def what_if(self, pace_per_year: float) -> dt.date | None:
        """When every unit is covered at ``pace_per_year`` from D on (None for a pace of 0)."""
        return projected_completion(self.as_of, self.national.units_left, pace_per_year)

    def province(self, code: str) -> PlanLine | None:
        """One province's line, None when the plan has none for ``code``."""
        rows = self.provinces[self.provinces["code"] == code]
        if rows.empty:
            return None
        fields = PlanLine.__dataclass_fields__
        return PlanLine(**{k: v for k, v in rows.iloc[0].to_dict().items() if k in fields})


def _line(
    code: str, name: str, units: pd.DataFrame, *, window_start: dt.date, plan_dates: tuple[dt.date, dt.date]
) -> PlanLine:
    as_of, target = plan_dates
    total = len(units)
    covered = int(units["status"].eq(OPERATING).sum())
    left = total - covered
    first = units["first_covered"]
    own = float(sum(1 for d in first if d is not None and not pd.isna(d) and window_start < d <= as_of))
    years = years_between(as_of, end=target)
    required = (left / years if years > 0 else None) if left > 0 else 0.0
    building = int(units["status"].eq(UNDER_CONSTRUCTION).sum())
    planned = int(units["status"].eq(PLANNED).sum())
    return PlanLine(
        code=code,
        name=name,
        total_units=total,
        covered_units=covered,
        units_left=left,
        required_per_year=required,
        own_pace_per_year=own,
        status=plan_status(left, required, own),
        projected_completion=projected_completion(as_of, left, own),
        under_construction=building,
        planned=planned,
        pipeline_closes_gap=building + planned >= left,
    )


def compute_plan(
    malls: pd.DataFrame, units: pd.DataFrame, *, as_of: dt.date, target_date: dt.date, national_name: str = "Indonesia"
) -> Plan:
    """The plan on ``as_of`` toward ``target_date`` for the nation (all ``units``) and each province."""
    status = compute_region_status(malls, units, as_of)
    table = status[["code", "name", "kind", "province_code", "province_name", "status"]].copy()
    table["first_covered"] = status["operating_since"].where(status["status"].eq(OPERATING), None)
    window_start = add_months(as_of, -WINDOW_MONTHS)
    dates = (as_of, target_date)
    national = _line("", national_name, table, window_start=window_start, plan_dates=dates)
    lines = [
        _line(code, str(group["province_name"].iloc[0]), group, window_start=window_start, plan_dates=dates)
        for code, group in table.groupby("province_code", sort=True)
    ]
    columns = [*PlanLine.__dataclass_fields__, "shortfall_per_year"]
    provinces = pd.DataFrame(
        [{**line.as_dict(), "shortfall_per_year": line.shortfall_per_year} for line in lines], columns=columns
    )
    if len(provinces):
        order = {s: i for i, s in enumerate(STATUS_ORDER)}
        provinces = (
            provinces.assign(_order=provinces["status"].map(order))
            .sort_values(["_order", "shortfall_per_year", "code"], ascending=[True, False, True])
            .drop(columns="_order")
            .reset_index(drop=True)
        )
    province_status = dict(zip(provinces["code"], provinces["status"], strict=True))
    table["province_status"] = table["province_code"].map(province_status)
    at_risk = table[table["status"].eq(NONE) & ~table["province_status"].isin([ON_TRACK, DONE])]
    return Plan(
        as_of=as_of,
        target_date=target_date,
        national=national,
        provinces=provinces,
        units=table.reset_index(drop=True),
        at_risk=at_risk.sort_values("code").reset_index(drop=True),
    )
