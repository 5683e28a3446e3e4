"""What goes on the briefing's slides, as plain data (pure: no file, no PowerPoint).

``Briefing`` holds the figures the service gathered; the functions here turn them into the rows and
series the slides show, so tests can compare a deck with the core's figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from mpp_data.analysis.forecast import Forecast, add_months, covered_on
from mpp_data.analysis.plan import AT_RISK, OFF_TRACK, Plan
from mpp_data.figures import SHARE_DECIMALS, round_half_away, share_order_key, share_ranks
from mpp_data.present.text import format_date, format_number, format_percent, t

STAGE_ORDER = ("under_construction", "planned", "none")
STATUS_ORDER = ("operating", "under_construction", "planned", "none")
#: How far past the target date the coverage chart may run to show a late forecast.
MAX_YEARS_PAST_TARGET = 5


@dataclass(frozen=True)
class Briefing:
    """Everything one deck shows.

    ``now``: ``service.national_figures`` on the as-of date (headline figures, provinces, forecast, gaps).
    ``then``: ``service.national_summary`` on the comparison date.
    ``timeline``: ``metrics.compute_coverage_over_time`` of the scope (every date, not cut at as-of).
    ``regions``: ``metrics.compute_region_status`` of the scope (one row per kabupaten/kota).
    ``agencies``: ``participation.compute_agency_presence`` of the scope.
    ``snapshot``: the store's snapshot row (id, created_at, source_files, is_sample).
    ``map_png``: the status map as a PNG, None when it could not be drawn.
    ``plan``: ``analysis.plan.compute_plan`` of the whole nation on ``basis`` (the deck narrows it to
    the scope); None leaves the planner slide and the at-risk appendix out.
    """

    lang: str
    as_of: dt.date
    compare: dt.date
    province: str | None
    province_name: str | None
    now: dict
    then: dict
    forecast: Forecast
    timeline: pd.DataFrame
    regions: pd.DataFrame
    agencies: pd.DataFrame
    province_names: dict[str, str]
    snapshot: dict
    map_png: bytes | None = None
    #: The counting basis of every share in the deck, and the plan on it (the planner slide).
    basis: str = "kemendagri"
    plan: Plan | None = None
    #: ``agreements.compute_funnel`` of the scope, and whether any agreement is loaded (issue 24).
    agreements: pd.DataFrame | None = None
    agreements_loaded: bool = False
    #: ``service.use_view`` of the scope's latest month (``month``, ``lowest``, ``highest``); None: none.
    use: dict | None = None

    def text(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def number(self, value: float | int | None, decimals: int = 0) -> str:
        return format_number(value, self.lang, decimals)

    def date(self, value: dt.date | None) -> str:
        return format_date(value, self.lang)

    @property
    def scope(self) -> str:
        if self.province:
            return self.text("briefing.scope.province", province=self.province_name)
        return self.text("briefing.scope.national")

    @property
    def short_scope(self) -> str:
        """``Nasional`` or the province's name, for footers."""
        return self.province_name if self.province else self.text("briefing.scope.short_national")

    @property
    def created(self) -> dt.date:
        created = self.snapshot["created_at"]
        return created.date() if hasattr(created, "date") else created

    @property
    def files(self) -> str:
        return ", ".join(self.snapshot["source_files"])


def signed(value: float, text: str) -> str:
    """``+12`` or ``−3`` (a true minus sign), ``±0`` for no change."""
    if value == 0:
        return "±" + text
    return ("+" if value > 0 else "−") + text


def headline_rows(b: Briefing) -> list[tuple[str, str, str, str]]:
    """(figure, on the comparison date, on the as-of date, change) for the headline table."""
    now, then = b.now, b.then

    def count(key: str, label: str) -> tuple[str, str, str, str]:
        return (
            b.text(label),
            b.number(then[key]),
            b.number(now[key]),
            signed(now[key] - then[key], b.number(abs(now[key] - then[key]))),
        )

    pct_change = round_half_away(now["coverage_pct"] - then["coverage_pct"], SHARE_DECIMALS)
    gaps_now, gaps_then = now["total_regions"] - now["covered_regions"], then["total_regions"] - then["covered_regions"]
    return [
        (
            b.text("briefing.headline.covered"),
            f"{b.number(then['covered_regions'])} / {b.number(then['total_regions'])}",
            f"{b.number(now['covered_regions'])} / {b.number(now['total_regions'])}",
            signed(
                now["covered_regions"] - then["covered_regions"],
                b.number(abs(now["covered_regions"] - then["covered_regions"])),
            ),
        ),
        (
            b.text("briefing.headline.coverage_pct"),
            format_percent(then["coverage_pct"], b.lang),
            format_percent(now["coverage_pct"], b.lang),
            signed(pct_change, b.number(abs(pct_change), 1) + " pp"),
        ),
        count("operating_malls", "briefing.headline.operating"),
        count("under_construction_malls", "briefing.headline.under_construction"),
        count("planned_malls", "briefing.headline.planned"),
        (
            b.text("briefing.headline.gaps"),
            b.number(gaps_then),
            b.number(gaps_now),
            signed(gaps_now - gaps_then, b.number(abs(gaps_now - gaps_then))),
        ),
    ]


def _month_end(day: dt.date) -> dt.date:
    return add_months(day.replace(day=1), 1) - dt.timedelta(days=1)


def coverage_dates(b: Briefing) -> list[dt.date]:
    """The line chart's dates: every month's end from the one before the first inauguration (the line
    starts from none covered), the as-of date itself, then month ends to the target date (or the
    forecast's month, at most five years past the target)."""
    first = min(b.timeline["date"]) if len(b.timeline) else b.as_of
    end = max(b.forecast.target_date, add_months(b.as_of, 12))
    month = b.forecast.full_coverage_month
    if month:
        year, mm = (int(p) for p in month.split("-"))
        end = max(end, _month_end(dt.date(year, mm, 1)))
    end = min(end, add_months(b.forecast.target_date, 12 * MAX_YEARS_PAST_TARGET))
    dates: list[dt.date] = []
    day = _month_end(add_months(first.replace(day=1), -1))
    while day < b.as_of:
        dates.append(day)
        day = _month_end(add_months(day.replace(day=1), 1))
    dates.append(b.as_of)
    while day <= end:
        if day > b.as_of:
            dates.append(day)
        day = _month_end(add_months(day.replace(day=1), 1))
    return dates


def _months_between(start: dt.date, *, end: dt.date) -> float:
    return (end - start).days / (365.25 / 12)


def coverage_series(b: Briefing) -> dict[str, list[float | None]]:
    """Series of the coverage chart over ``coverage_dates``: covered (up to as-of), the target line,
    the forecast at the current pace and the pace needed for the target (both from as-of on)."""
    dates = coverage_dates(b)
    total = b.now["total_regions"]
    start = covered_on(b.timeline, b.as_of)
    pace, required = b.forecast.pace_per_month, b.forecast.required_pace_per_month
    covered = [covered_on(b.timeline, d) if d <= b.as_of else None for d in dates]
    forecast: list[float | None] = []
    needed: list[float | None] = []
    for d in dates:
        months = _months_between(b.as_of, end=d)
        on_track = d >= b.as_of and b.forecast.enough_data and pace > 0 and start < total
        forecast.append(round(min(total, start + pace * months), 1) if on_track else None)
        reach = required is not None and b.as_of <= d <= b.forecast.target_date and start < total
        needed.append(round(min(total, start + required * months), 1) if reach else None)
    return {"covered": covered, "target": [total] * len(dates), "forecast": forecast, "required": needed}


def ranked_provinces(b: Briefing) -> list[dict]:
    """The provinces of ``now`` as ranked on the Provinces page (1 = highest coverage)."""
    provinces = sorted(b.now["provinces"], key=lambda p: share_order_key(p["coverage_pct"], p["code"]))
    ranks = share_ranks([p["coverage_pct"] for p in provinces])
    return [p | {"rank": rank} for p, rank in zip(provinces, ranks, strict=True)]


def gap_rows(b: Briefing) -> list[dict]:
    """``now["gaps"]`` ordered by stage (under construction first), then code."""
    order = {s: i for i, s in enumerate(STAGE_ORDER)}
    return sorted(b.now["gaps"], key=lambda g: (order.get(g["pipeline_status"], len(order)), g["code"]))


def gap_counts(b: Briefing) -> dict[str, int]:
    return {s: sum(g["pipeline_status"] == s for g in b.now["gaps"]) for s in STAGE_ORDER}


def region_rows(b: Briefing) -> list[dict]:
    """The scope's kabupaten/kota ordered by status (operating first), then code."""
    order = {s: i for i, s in enumerate(STATUS_ORDER)}
    rows = b.regions.to_dict("records")
    return sorted(rows, key=lambda r: (order.get(r["status"], len(order)), r["code"]))


def region_counts(b: Briefing) -> dict[str, int]:
    return {s: int((b.regions["status"] == s).sum()) for s in STATUS_ORDER}


def file_name(as_of: dt.date, province: str | None, lang: str) -> str:
    """``bahan-rapat-mpp-nasional-2025-12-31.pptx``, ``mpp-briefing-61-2025-12-31.pptx``."""
    scope = province or t("briefing.national", lang)
    return f"{t('briefing.file_name', lang)}-{scope}-{as_of.isoformat()}.pptx"


def plan_rows(b: Briefing) -> list[dict]:
    """The provinces off track and at risk (of the scope's province only, in a province's deck), worst
    first: ``Plan.provinces`` rows."""
    if b.plan is None:
        return []
    rows = b.plan.provinces[b.plan.provinces["status"].isin([OFF_TRACK, AT_RISK])]
    if b.province:
        rows = rows[rows["code"] == b.province]
    return rows.to_dict("records")


def at_risk_rows(b: Briefing) -> list[dict]:
    """The regions at risk of the scope, by code: ``Plan.at_risk`` rows."""
    if b.plan is None:
        return []
    rows = b.plan.at_risk
    if b.province:
        rows = rows[rows["province_code"] == b.province]
    return rows.to_dict("records")


def tables_file_name(as_of: dt.date, province: str | None, lang: str) -> str:
    """The workbook of the appendix's full tables, named after the deck:
    ``bahan-rapat-mpp-nasional-2025-12-31-tabel.xlsx``."""
    return file_name(as_of, province, lang).removesuffix(".pptx") + f"-{t('briefing.tables_suffix', lang)}.xlsx"


def _frame(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    """``rows`` with ``columns`` (key -> header) in that order, headed for people."""
    return pd.DataFrame(rows, columns=list(columns)).rename(columns=columns)


def appendix_tables(b: Briefing) -> list[tuple[str, pd.DataFrame]]:
    """(sheet name, table) of each full list the appendix draws from, in its order: the province's
    regions (or the provinces ranked), the regions without an MPP, the regions at risk. Codes are
    text, dates dates, counts and shares numbers; headers and stages in the deck's language."""

    def head(*keys: str) -> dict[str, str]:
        return {k: b.text(f"briefing.column.{k}") for k in keys}

    tables = []
    if b.province:
        rows = [
            {
                "code": r["code"],
                "name": r["name"],
                "status": b.text(f"status.{r['status']}"),
                "since": r["operating_since"],
            }
            for r in region_rows(b)
        ]
        title = b.text("briefing.sheet.regions")
        tables.append((title, _frame(rows, head("code", "name", "status", "since"))))
    else:
        rows = [
            {
                "rank": p["rank"],
                "code": p["code"],
                "province": p["name"],
                "covered": p["covered_regions"],
                "total": p["total_regions"],
                "coverage_pct": p["coverage_pct"],
            }
            for p in ranked_provinces(b)
        ]
        tables.append(
            (
                b.text("briefing.sheet.provinces"),
                _frame(rows, head("rank", "code", "province", "covered", "total", "coverage_pct")),
            )
        )
    gaps = [
        {
            "code": g["code"],
            "name": g["name"],
            "province": b.province_names.get(g["province_code"], g["province_code"]),
            "stage": b.text(f"status.{g['pipeline_status']}"),
        }
        for g in gap_rows(b)
    ]
    tables.append((b.text("briefing.sheet.gaps"), _frame(gaps, head("code", "name", "province", "stage"))))
    at_risk = [
        {"code": r["code"], "name": r["name"], "province": r["province_name"], "stage": b.text(f"status.{r['status']}")}
        for r in at_risk_rows(b)
    ]
    tables.append((b.text("briefing.sheet.at_risk"), _frame(at_risk, head("code", "name", "province", "stage"))))
    return tables
