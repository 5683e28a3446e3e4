"""Agreements (PKS) and visits for people (issue 24): the pages' tables and charts, the files' tables
(pure: frames in, frames or figures out, in the reader's language). Names are shown as written: a
table cell is text, never markup (``st.dataframe``), and the files neutralise formulas (``exports``)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from mpp_data.present.charts import OKABE_ITO, apply_layout, count_axis
from mpp_data.present.text import format_date, format_number, format_percent, format_period, t
from mpp_data.reference.agreements import STAGES
from mpp_data.reference.regions import official_regions

#: One colour per stage, light to dark as the stage advances; ``ended`` grey.
STAGE_COLOURS = {
    "none": "#dddddd",
    "drafting": OKABE_ITO["yellow"],
    "signed": OKABE_ITO["sky"],
    "counter_open": OKABE_ITO["blue"],
    "integrated": OKABE_ITO["green"],
    "ended": OKABE_ITO["grey"],
}


def stage_label(stage: str, lang: str) -> str:
    return t(f"agreement_stage.{stage}", lang)


def _date(value: object, lang: str) -> str:
    return "–" if value is None or pd.isna(value) else format_date(pd.Timestamp(value).date(), lang)  # type: ignore[arg-type]


def _region_names(codes: pd.Series) -> pd.Series:
    return codes.astype(str).map(official_regions().set_index("code")["name"])


def _province_names(codes: pd.Series) -> pd.Series:
    provinces = official_regions().drop_duplicates("province_code").set_index("province_code")["province_name"]
    return codes.astype(str).str[:2].map(provinces)


def funnel_chart(funnel: pd.DataFrame, lang: str) -> go.Figure:
    """Stacked bars: for each MoU agency, how many operating malls are at each stage (MoU order, top down)."""
    ordered = funnel.iloc[::-1]
    fig = go.Figure()
    for stage in STAGES:
        label = stage_label(stage, lang)
        fig.add_trace(
            go.Bar(
                x=ordered[stage],
                y=ordered["short_name"],
                orientation="h",
                name=label,
                marker_color=STAGE_COLOURS[stage],
                hovertext=[
                    f"{a}: {label} {format_number(n, lang)}"
                    for a, n in zip(ordered["short_name"], ordered[stage], strict=True)
                ],
                hoverinfo="text",
            )
        )
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.08})
    count_axis(fig, float(funnel["operating_malls"].max()) if len(funnel) else 0, axis="x")
    fig.update_xaxes(title_text=t("chart.malls_count", lang))
    return apply_layout(fig, t("agreements.funnel", lang), lang, height=560)


def display_funnel(funnel: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The funnel as a table: agency, a column per stage (its label), the share signed or later."""
    table = pd.DataFrame({t("column.agency", lang): funnel["short_name"]})
    for stage in STAGES:
        table[stage_label(stage, lang)] = funnel[stage].map(lambda n: format_number(n, lang))
    table[t("column.signed_pct", lang)] = funnel["signed_pct"].map(lambda s: format_percent(s, lang))
    return table.reset_index(drop=True)


def display_behind(behind: pd.DataFrame, lang: str, count: int = 5) -> pd.DataFrame:
    shown = behind.head(count)
    return pd.DataFrame(
        {
            "agency": shown["short_name"].to_numpy(),
            "signed_pct": [format_percent(s, lang) for s in shown["signed_pct"]],
            "operating_malls": [format_number(n, lang) for n in shown["operating_malls"]],
        }
    )


def display_by_province(by_province: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Provinces x agencies: the share of the province's operating malls signed or later (– without one)."""
    # one index level: with two, ``dropna=False`` paired every province code with every name (38 x 38 rows)
    table = by_province.pivot_table(
        index="province_code", columns="short_name", values="signed_pct", sort=False, dropna=False
    )
    shown = table.apply(lambda column: column.map(lambda s: "–" if pd.isna(s) else format_percent(s, lang, 0)))
    order = list(dict.fromkeys(by_province["short_name"]))
    names = by_province.drop_duplicates("province_code").set_index("province_code")["province_name"]
    shown = shown[order]
    shown.insert(0, t("column.province_name", lang), names.reindex(shown.index).to_numpy())
    return shown.reset_index(drop=True)


def display_expiring(expiring: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "province_name": _province_names(expiring["region_code"]).to_numpy(),
            "region_name": _region_names(expiring["region_code"]).to_numpy(),
            "mall_name": expiring["mall_name"].to_numpy(),
            "agency": expiring["short_name"].to_numpy(),
            "pks_number": expiring["pks_number"].fillna("–").to_numpy(),
            "valid_until": [_date(d, lang) for d in expiring["valid_until"]],
            "days_left": [format_number(n, lang) for n in expiring["days_left"]],
        }
    )


def display_not_signed(not_signed: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "province_name": _province_names(not_signed["region_code"]).to_numpy(),
            "region_name": _region_names(not_signed["region_code"]).to_numpy(),
            "mall_name": not_signed["mall_name"].to_numpy(),
            "agency": not_signed["short_name"].to_numpy(),
            "stage": [stage_label(s, lang) for s in not_signed["stage"]],
        }
    )


def display_region_agreements(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "mall_name": table["mall_name"].to_numpy(),
            "agency": table["short_name"].to_numpy(),
            "stage": [stage_label(s, lang) for s in table["stage"]],
            "pks_number": table["pks_number"].fillna("–").to_numpy(),
            "signed_on": [_date(d, lang) for d in table["signed_on"]],
            "valid_until": [_date(d, lang) for d in table["valid_until"]],
        }
    )


def display_month(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Malls of one month: region, mall, visits, counters active and available, the active share."""
    return pd.DataFrame(
        {
            "region_name": _region_names(table["region_code"]).to_numpy(),
            "mall": table["mall"].to_numpy(),
            "visits": [format_number(None if pd.isna(v) else int(v), lang) for v in table["visits"]],
            "counters_active": [format_number(None if pd.isna(v) else int(v), lang) for v in table["counters_active"]],
            "counters_total": [format_number(None if pd.isna(v) else int(v), lang) for v in table["counters_total"]],
            "active_pct": [format_percent(None if pd.isna(v) else v, lang) for v in table["active_pct"]],
        }
    )


def display_silent(silent: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "province_name": _province_names(silent["region_code"]).to_numpy(),
            "region_name": _region_names(silent["region_code"]).to_numpy(),
            "mall_name": silent["mall_name"].to_numpy(),
            "inaugurated_on": [_date(d, lang) for d in silent["inaugurated_on"]],
        }
    )


def display_region_visits(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "mall": table["mall"].to_numpy(),
            "month": [format_period(m, lang) for m in table["month"]],
            "visits": [format_number(None if pd.isna(v) else int(v), lang) for v in table["visits"]],
            "counters_active": [format_number(None if pd.isna(v) else int(v), lang) for v in table["counters_active"]],
            "counters_total": [format_number(None if pd.isna(v) else int(v), lang) for v in table["counters_total"]],
        }
    )


def visits_over_time_chart(over_time: pd.DataFrame, lang: str) -> go.Figure:
    """One line per province: the visits its malls report, month by month."""
    fig = go.Figure()
    for name, rows in over_time.groupby("province_name", sort=True):
        fig.add_trace(
            go.Scatter(
                x=list(rows["month"]),
                y=list(rows["visits"]),
                mode="lines+markers",
                name=str(name),
                hovertext=[
                    f"{name}, {format_period(m, lang)}: {format_number(v, lang)}"
                    for m, v in zip(rows["month"], rows["visits"], strict=True)
                ],
                hoverinfo="text",
            )
        )
    fig.update_yaxes(title_text=t("chart.visits", lang), rangemode="tozero", tickformat=",d")
    return apply_layout(fig, t("use.over_time", lang), lang)


def month_label(month: dt.date | None, lang: str) -> str:
    return "–" if month is None else format_period(month, lang)


def agreements_file_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``export agreements``: one row per operating mall x MoU agency, dates as dates, the stage in words."""
    return pd.DataFrame(
        {
            "province_name": _province_names(rows["region_code"]).to_numpy(),
            "region_code": rows["region_code"].astype(str).to_numpy(),
            "region_name": _region_names(rows["region_code"]).to_numpy(),
            "mall_name": rows["mall_name"].to_numpy(),
            "agency": rows["short_name"].to_numpy(),
            "stage": [stage_label(s, lang) for s in rows["stage"]],
            "pks_number": rows["pks_number"].to_numpy(),
            "signed_on": [None if pd.isna(d) else pd.Timestamp(d).date() for d in rows["signed_on"]],
            "valid_until": [None if pd.isna(d) else pd.Timestamp(d).date() for d in rows["valid_until"]],
            "services": pd.array(rows["services"], dtype="Int64"),
        }
    )


def visits_file_table(table: pd.DataFrame) -> pd.DataFrame:
    """``export visits``: the Use page's malls of one month, counts as numbers."""
    return pd.DataFrame(
        {
            "province_name": _province_names(table["region_code"]).to_numpy(),
            "region_code": table["region_code"].astype(str).to_numpy(),
            "region_name": _region_names(table["region_code"]).to_numpy(),
            "mall": table["mall"].to_numpy(),
            "visits": pd.array(table["visits"], dtype="Int64"),
            "counters_active": pd.array(table["counters_active"], dtype="Int64"),
            "counters_total": pd.array(table["counters_total"], dtype="Int64"),
        }
    )
