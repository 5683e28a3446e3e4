"""The plan as people and programs read it (pure): the ``plan --json`` object, the league table, the
sentences of the Planner page and the plan's place on the Provinces and Region pages."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from mpp_data.analysis.plan import AT_RISK, OFF_TRACK, STATUS_ORDER, Plan, PlanLine
from mpp_data.analysis.stages import MIN_CASES, NATIONAL, STEPS
from mpp_data.present import console
from mpp_data.present.text import format_date, format_number, format_percent, format_period, t
from mpp_data.reference.bases import NATIONAL_UNITS

#: The plan statuses, worst first (``export plan --status``, the page's filter).
PLAN_STATUSES: tuple[str, ...] = STATUS_ORDER

LEAGUE_COLUMNS = [
    "code",
    "province_name",
    "plan_status",
    "total_units",
    "covered_units",
    "units_left",
    "required_per_year",
    "own_pace_per_year",
    "shortfall_per_year",
    "projected_completion",
    "under_construction",
    "planned",
    "pipeline_closes_gap",
]
JSON_FIELDS = [
    "units_left",
    "required_per_year",
    "own_pace_per_year",
    "status",
    "projected_completion",
    "under_construction",
    "planned",
    "pipeline_closes_gap",
]


def pace(value: float | None) -> float | None:
    """A pace as JSON gives it: two decimals."""
    return None if value is None else round(float(value), 2)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None or pd.isna(day) else day.isoformat()


def _line_json(line: PlanLine) -> dict:
    return {
        "units_left": line.units_left,
        "required_per_year": pace(line.required_per_year),
        "own_pace_per_year": pace(line.own_pace_per_year),
        "status": line.status,
        "projected_completion": _iso(line.projected_completion),
        "under_construction": line.under_construction,
        "planned": line.planned,
        "pipeline_closes_gap": bool(line.pipeline_closes_gap),
    }


def _province_lines(plan: Plan, province: str | None) -> list[PlanLine]:
    codes = [c for c in plan.provinces["code"] if province is None or c == province]
    return [line for line in (plan.province(c) for c in codes) if line is not None]


def plan_json(
    plan: Plan, stuck: pd.DataFrame, *, basis: str, province: str | None = None, pace_per_year: float | None = None
) -> dict:
    """``{basis, as_of, target_date, total_units, covered_units, national: {...}, provinces: [...],
    stuck: [...], what_if: {pace_per_year, completion}}`` (``what_if`` only with a pace). Dates ISO,
    paces to two decimals; ``province`` narrows ``provinces`` and ``stuck`` to one province."""
    national = plan.national
    report: dict = {
        "basis": basis,
        "as_of": plan.as_of.isoformat(),
        "target_date": plan.target_date.isoformat(),
        "total_units": national.total_units,
        "covered_units": national.covered_units,
        "national": _line_json(national),
        "provinces": [
            {
                "code": line.code,
                "name": line.name,
                "total_units": line.total_units,
                "covered_units": line.covered_units,
                **_line_json(line),
            }
            for line in _province_lines(plan, province)
        ],
        "stuck": [
            {"code": r.code, "name": r.name, "stage": r.stage, "since": _iso(r.since), "months": int(r.months)}
            for r in stuck.itertuples()
            if province is None or r.province_code == province
        ],
    }
    if pace_per_year is not None:
        report["what_if"] = {
            "pace_per_year": pace(pace_per_year),
            "completion": _iso(plan.what_if(float(pace_per_year))),
        }
    return report


def in_province(units: pd.DataFrame, province: str | None) -> pd.DataFrame:
    """The rows of ``units`` (``province_code`` column) in ``province``; all when it is None."""
    return units if not province else units[units["province_code"] == province].reset_index(drop=True)


def slider_top(plan: Plan) -> int:
    """The what-if slider's end: twice the faster of the required and the own pace, in tens (at least 10)."""
    fastest = max(plan.national.required_per_year or 0.0, plan.national.own_pace_per_year)
    return max(10, -(-int(2 * fastest) // 10) * 10)


def slider_start(plan: Plan) -> int:
    """The what-if slider's first value: the own pace, or the required one when there is none yet."""
    start = plan.national.own_pace_per_year or plan.national.required_per_year or 0.0
    return min(slider_top(plan), round(start))


def league_table(plan: Plan, lang: str, statuses: tuple[str, ...] = (), province: str | None = None) -> pd.DataFrame:
    """One row per province, worst first (as ``Plan.provinces``), with the status in words and the
    pipeline flag as yes/no; only ``statuses`` and ``province`` when given. The Planner page's table and
    ``export plan``."""
    rows = plan.provinces if not statuses else plan.provinces[plan.provinces["status"].isin(statuses)]
    if province:
        rows = rows[rows["code"] == province]
    table = rows.rename(columns={"status": "plan_status", "name": "province_name"})[LEAGUE_COLUMNS].copy()
    table["plan_status"] = table["plan_status"].map(lambda s: t(f"plan.status.{s}", lang))
    for column in ("required_per_year", "own_pace_per_year", "shortfall_per_year"):
        table[column] = table[column].map(pace).astype(float)
    table["pipeline_closes_gap"] = table["pipeline_closes_gap"].map(
        lambda v: t("export.yes" if v else "export.no", lang)
    )
    table["projected_completion"] = table["projected_completion"].astype(object)
    return table.reset_index(drop=True)


def league_display(plan: Plan, lang: str, statuses: tuple[str, ...] = (), province: str | None = None) -> pd.DataFrame:
    """``league_table`` as the page shows it: paces in the language's decimal form, the projected
    completion as a date in words (or why there is none)."""
    table = league_table(plan, lang, statuses, province)
    for column in ("required_per_year", "own_pace_per_year", "shortfall_per_year"):
        table[column] = table[column].map(lambda v: pace_text(None if pd.isna(v) else v, lang))
    table["projected_completion"] = table["projected_completion"].map(
        lambda d: completion_text(None if d is None or pd.isna(d) else d, lang)
    )
    return table


def completion_short(day: dt.date | None, lang: str) -> str:
    """A projected completion as a month (``Okt 2028``) for a tile; ``–`` when there is none."""
    return format_period(day, lang) if day is not None else "–"


def pace_text(value: float | None, lang: str) -> str:
    return format_number(value, lang, 2) if value is not None else "–"


def completion_text(day: dt.date | None, lang: str) -> str:
    return format_date(day, lang) if day is not None else t("plan.never", lang)


def headline(line: PlanLine, target: dt.date, lang: str) -> list[str]:
    """The nation's (or a province's) plan in two sentences: where it stands, and its pipeline."""
    return [
        t(
            "plan.headline",
            lang,
            status=t(f"plan.status.{line.status}", lang),
            left=format_number(line.units_left, lang),
            total=format_number(line.total_units, lang),
            required=pace_text(line.required_per_year, lang),
            target=format_date(target, lang),
            own=pace_text(line.own_pace_per_year, lang),
            projected=completion_text(line.projected_completion, lang),
        ),
        t(
            "plan.pipeline_sentence",
            lang,
            building=format_number(line.under_construction, lang),
            planned=format_number(line.planned, lang),
            closes=t("plan.closes" if line.pipeline_closes_gap else "plan.not_closes", lang),
        ),
    ]


def what_if_sentence(plan: Plan, pace_per_year: float, lang: str) -> str:
    """What a national pace gives, beside the pace needed by the target date."""
    national = plan.national
    if national.units_left <= 0:
        return t("plan.whatif.done", lang)
    if national.required_per_year is None:
        return t("plan.whatif.past", lang)
    return t(
        "plan.whatif.result",
        lang,
        pace=format_number(pace_per_year, lang, 1),
        date=completion_text(plan.what_if(pace_per_year), lang),
        target=format_date(plan.target_date, lang),
        required=pace_text(national.required_per_year, lang),
    )


def unit_rows(units: pd.DataFrame, lang: str) -> pd.DataFrame:
    """At-risk (or any) unit rows as the page shows them: code, name, province, stage in words."""
    return pd.DataFrame(
        {
            "code": units["code"],
            "name": units["name"],
            "province_name": units["province_name"],
            "pipeline_status": units["status"].map(lambda s: t(f"status.{s}", lang)),
        }
    )


def stuck_rows(stuck: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Stuck units as the page shows them: code, name, province, stage in words, since, months."""
    return pd.DataFrame(
        {
            "code": stuck["code"],
            "name": stuck["name"],
            "province_name": stuck["province_name"],
            "stage": stuck["stage"].map(lambda s: t(f"status.{s}", lang)),
            "since": stuck["since"].map(lambda d: format_date(d, lang)),
            "months": stuck["months"].astype(int),
        }
    )


def duration_rows(durations: pd.DataFrame, province: str | None, lang: str, names: dict[str, str]) -> pd.DataFrame:
    """The national rows of observed stage durations (and one province's, when given): step, median
    (``12,5 bulan``, or why there is none), cases, scope."""
    scopes = [NATIONAL] + ([province] if province else [])
    order = {step: i for i, (step, _, _) in enumerate(STEPS)}
    rows = durations[durations["scope"].isin(scopes)].copy()
    rows["_order"] = rows["step"].map(order)
    rows = rows.sort_values(["scope", "_order"])
    median = [
        t("plan.durations.value", lang, months=format_number(m, lang, 1))
        if m is not None and not pd.isna(m)
        else t("plan.durations.too_few", lang, minimum=MIN_CASES)
        for m in rows["median_months"]
    ]
    # step and median first: what a phone shows without scrolling
    return pd.DataFrame(
        {
            "step": [t(f"plan.step.{s}", lang) for s in rows["step"]],
            "median_months": median,
            "cases": rows["cases"].astype(int).to_numpy(),
            "scope": [t("plan.national", lang) if s == NATIONAL else names.get(s, s) for s in rows["scope"]],
        }
    )


def definitions(lang: str, stuck_months: int) -> list[str]:
    """The plan's definitions and the two bases, as the page, the README and the issue state them."""
    keys = ("units_left", "required", "own", "status", "projected", "pipeline", "at_risk")
    lines = [t(f"plan.definition.{k}", lang) for k in keys]
    lines.append(t("plan.definition.stuck", lang, months=stuck_months))
    lines.append(t("plan.definition.durations", lang, minimum=MIN_CASES))
    lines += [
        t("basis.definition.kemendagri", lang),
        t("basis.definition.panrb", lang),
        t("basis.definition.why", lang),
    ]
    return lines


def basis_captions(shown: dict, other: dict, lang: str) -> str:
    """The Overview's line beside the headline: which basis its figures count, and the other basis's
    share. ``shown``, ``other``: ``service.national_summary`` on each basis."""
    return " ".join(
        [
            basis_shown(shown["basis"], lang, shown["total_units"]),
            t(
                "kpi.other_basis",
                lang,
                basis=t(f"basis.{other['basis']}", lang),
                units=basis_units(other["basis"], other["total_units"], lang),
                covered=format_number(other["covered_units"], lang),
                total=format_number(other["total_units"], lang),
                pct=format_percent(other["coverage_pct"], lang),
            )
            + ".",
        ]
    )


def basis_shown(basis: str, lang: str, total: int | None = None) -> str:
    """``Angka cakupan: Basis Kemendagri, 514 kabupaten/kota (daftar Kemendagri).``"""
    total = total if total is not None else NATIONAL_UNITS[basis]
    return t("kpi.basis_shown", lang, basis=t(f"basis.{basis}", lang), units=basis_units(basis, total, lang))


def basis_units(basis: str, total: int, lang: str) -> str:
    """``509 unit: 508 kabupaten/kota otonom ditambah DKI Jakarta sebagai satu unit``."""
    return t(f"basis.{basis}.units", lang, total=format_number(total, lang))


def province_place(line: PlanLine, basis: str, lang: str) -> str:
    """One province's place in the plan, for the Provinces page."""
    return t(
        "plan.place_province",
        lang,
        basis=t(f"basis.{basis}", lang),
        status=t(f"plan.status.{line.status}", lang),
        left=format_number(line.units_left, lang),
        total=format_number(line.total_units, lang),
        required=pace_text(line.required_per_year, lang),
        own=pace_text(line.own_pace_per_year, lang),
        projected=completion_text(line.projected_completion, lang),
    )


def region_place(plan: Plan, stuck: pd.DataFrame, unit: str, basis: str, lang: str) -> str | None:
    """One unit's place in the plan, for the Region page: covered since when, or its stage, whether it is
    at risk or stuck, and its province's status. None when ``unit`` is not in the plan."""
    rows = plan.units[plan.units["code"] == unit]
    if rows.empty:
        return None
    row = rows.iloc[0]
    if row["status"] == "operating":
        stage = t("plan.place_covered", lang, since=format_date(row["first_covered"], lang))
    else:
        stage = t("plan.place_uncovered", lang, stage=t(f"status.{row['status']}", lang))
        if unit in set(plan.at_risk["code"]):
            stage += "; " + t("plan.place_at_risk", lang)
        mine = stuck[stuck["code"] == unit]
        if len(mine):
            s = mine.iloc[0]
            stage += "; " + t(
                "plan.place_stuck",
                lang,
                stage=t(f"status.{s['stage']}", lang).lower(),
                since=format_date(s["since"], lang),
                months=format_number(int(s["months"]), lang),
            )
    status = t(f"plan.status.{row['province_status']}", lang).lower()
    return t("plan.place_region", lang, basis=t(f"basis.{basis}", lang), stage=stage, status=status)


def behind(plan: Plan) -> pd.DataFrame:
    """The provinces off track and at risk, worst first (the deck's planner slide)."""
    return plan.provinces[plan.provinces["status"].isin([OFF_TRACK, AT_RISK])].reset_index(drop=True)


def _day(text: str | None, lang: str) -> str:
    return format_date(dt.date.fromisoformat(text), lang) if text else t("plan.never", lang)


def plan_text(report: dict, lang: str, stuck_months: int) -> str:
    """``plan`` for a terminal, from the ``plan --json`` object: the national figures, the what-if, the
    provinces worst first and the stuck units."""
    national = report["national"]
    units = basis_units(report["basis"], report["total_units"], lang)
    headline = pd.DataFrame(
        [
            (t("cli.basis", lang), f"{t('basis.' + report['basis'], lang)}: {units}"),
            (t("cli.as_of", lang), _day(report["as_of"], lang)),
            (t("cli.target_date", lang), _day(report["target_date"], lang)),
            (
                t("column.covered_units", lang),
                f"{format_number(report['covered_units'], lang)} / {format_number(report['total_units'], lang)}",
            ),
            (t("column.plan_status", lang), t(f"plan.status.{national['status']}", lang)),
            (t("column.required_per_year", lang), pace_text(national["required_per_year"], lang)),
            (t("column.own_pace_per_year", lang), pace_text(national["own_pace_per_year"], lang)),
            (t("column.projected_completion", lang), _day(national["projected_completion"], lang)),
            (t("column.under_construction", lang), format_number(national["under_construction"], lang)),
            (t("column.planned", lang), format_number(national["planned"], lang)),
        ],
        columns=[t("briefing.headline.figure", lang), t("cli.value", lang)],
    )
    parts = [console.render_table(headline, lang)]
    if "what_if" in report:
        parts.append(
            t(
                "plan.whatif.result",
                lang,
                pace=format_number(report["what_if"]["pace_per_year"], lang, 1),
                date=_day(report["what_if"]["completion"], lang),
                target=_day(report["target_date"], lang),
                required=pace_text(national["required_per_year"], lang),
            )
        )
    provinces = pd.DataFrame(
        [
            {
                "code": p["code"],
                "province_name": p["name"],
                "plan_status": t(f"plan.status.{p['status']}", lang),
                "units_left": p["units_left"],
                "required_per_year": pace_text(p["required_per_year"], lang),
                "own_pace_per_year": pace_text(p["own_pace_per_year"], lang),
                "projected_completion": _day(p["projected_completion"], lang),
            }
            for p in report["provinces"]
        ],
        columns=[
            "code",
            "province_name",
            "plan_status",
            "units_left",
            "required_per_year",
            "own_pace_per_year",
            "projected_completion",
        ],
    )
    parts.append(console.render_table(provinces, lang))
    stuck = pd.DataFrame(
        [
            {
                "code": r["code"],
                "name": r["name"],
                "stage": t(f"status.{r['stage']}", lang),
                "since": _day(r["since"], lang),
                "months": r["months"],
            }
            for r in report["stuck"]
        ],
        columns=["code", "name", "stage", "since", "months"],
    )
    parts.append(t("plan.stuck.title", lang))
    if stuck.empty:
        parts.append(t("plan.stuck.none", lang, months=stuck_months))
    else:
        parts.append(console.render_table(stuck, lang))
    return "\n\n".join(parts)
