"""Plotly figures from metric tables (pure: no Streamlit, no I/O).

Colours are Okabe-Ito, safe for the common forms of colour blindness.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from mpp_data.present.text import format_date, format_number, format_percent, format_period, t

OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
    "black": "#000000",
}
STATUS_COLOURS = {
    "operating": OKABE_ITO["blue"],
    "under_construction": OKABE_ITO["orange"],
    "planned": OKABE_ITO["sky"],
    "none": OKABE_ITO["grey"],
}
_FONT = {"family": "Source Sans Pro, Arial, sans-serif", "size": 13}


def apply_layout(fig: go.Figure, title: str, lang: str, height: int = 420) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        font=_FONT,
        height=height,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        plot_bgcolor="white",
        hoverlabel={"font": _FONT},
        # Tick labels in the reader's number form: 1.234,5 in Indonesian.
        separators=",." if lang == "id" else ".,",
    )
    fig.update_xaxes(showgrid=False, linecolor="#cccccc")
    fig.update_yaxes(gridcolor="#eeeeee", linecolor="#cccccc")
    return fig


def coverage_over_time(
    timeline: pd.DataFrame,
    total_regions: int,
    lang: str = "id",
    batches: pd.DataFrame | None = None,
    malls_over_time: pd.DataFrame | None = None,
    milestones: list[tuple] | None = None,
) -> go.Figure:
    """Covered regions as a rising step line toward the target line of all regions.

    ``timeline``: one row per date: date, new_regions, covered_regions (``metrics.compute_coverage_over_time``).
    ``batches``: the rows of ``timeline`` that were batch inaugurations, marked with dots.
    ``malls_over_time`` and ``milestones``: operating malls (date, operating_malls) with the public totals
    (date, malls, precision: year or month) drawn beside them.
    """
    hover = [
        f"{format_date(d, lang)}<br>{t('chart.covered_regions', lang)}: {format_number(c, lang)}"
        f" ({format_percent(100 * c / total_regions, lang)})<br>+{format_number(n, lang)}"
        for d, c, n in zip(timeline["date"], timeline["covered_regions"], timeline["new_regions"], strict=True)
    ]
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=pd.to_datetime(timeline["date"]),
            y=timeline["covered_regions"],
            mode="lines",
            line={"shape": "hv", "color": OKABE_ITO["blue"], "width": 3},
            fill="tozeroy",
            fillcolor="rgba(0,114,178,0.12)",
            name=t("chart.covered_regions", lang),
            hovertext=hover,
            hoverinfo="text",
        )
    )
    if malls_over_time is not None and len(malls_over_time):
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(malls_over_time["date"]),
                y=malls_over_time["operating_malls"],
                mode="lines",
                line={"shape": "hv", "color": OKABE_ITO["grey"], "width": 1.5, "dash": "dot"},
                name=t("chart.operating_malls", lang),
                hovertemplate="%{x|%d-%m-%Y}: %{y}<extra></extra>",
            )
        )
    if batches is not None and len(batches):
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(batches["date"]),
                y=batches["covered_regions"],
                mode="markers",
                marker={"color": OKABE_ITO["orange"], "size": 11, "line": {"color": "white", "width": 1.5}},
                name=t("chart.batches", lang),
                hovertext=[
                    f"{format_date(d, lang)}<br>{t('chart.batch', lang, count=format_number(n, lang))}"
                    for d, n in zip(batches["date"], batches["new_regions"], strict=True)
                ],
                hoverinfo="text",
            )
        )
    if milestones:
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime([m[0] for m in milestones]),
                y=[m[1] for m in milestones],
                mode="markers",
                marker={"symbol": "diamond", "color": OKABE_ITO["purple"], "size": 10},
                name=t("chart.milestones", lang),
                hovertext=[
                    t("chart.milestone", lang, label=format_period(m[0], lang, m[2]), count=format_number(m[1], lang))
                    for m in milestones
                ],
                hoverinfo="text",
            )
        )
    fig.add_hline(
        y=total_regions,
        line={"color": OKABE_ITO["vermillion"], "dash": "dash", "width": 2},
        annotation_text=t("chart.target_line", lang, total=format_number(total_regions, lang)),
        annotation_position="bottom right",
    )
    fig.update_yaxes(title_text=t("chart.covered_regions", lang), range=[0, total_regions * 1.08])
    fig.update_xaxes(title_text=t("word.date", lang))
    fig.update_layout(showlegend=len(fig.data) > 1, legend={"orientation": "h", "y": -0.2})
    return apply_layout(fig, t("chart.coverage_over_time.title", lang), lang)


def new_regions_per_quarter(quarters: pd.DataFrame, lang: str = "id") -> go.Figure:
    """Bars of newly covered regions per quarter (``forecast.compute_new_per_quarter``)."""
    fig = go.Figure(
        go.Bar(
            x=quarters["quarter"],
            y=quarters["new_regions"],
            marker_color=OKABE_ITO["blue"],
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text=t("chart.quarter", lang), type="category", tickangle=-45)
    fig.update_yaxes(title_text=t("chart.pace.y", lang))
    return apply_layout(fig, t("chart.pace.title", lang), lang, height=360)


def coverage_by_province(provinces: pd.DataFrame, lang: str = "id") -> go.Figure:
    """Horizontal bars of coverage %, highest on top; full coverage in green.

    ``provinces``: ``metrics.compute_coverage_by_province``.
    """
    ordered = provinces.sort_values(["coverage_pct", "province_name"], ascending=[True, False])
    colours = [OKABE_ITO["green"] if p >= 100 else OKABE_ITO["blue"] for p in ordered["coverage_pct"]]
    hover = [
        f"<b>{name}</b><br>{t('chart.hover.covered_of', lang, covered=format_number(c, lang), total=format_number(n, lang))}"
        f"<br>{format_percent(p, lang)}"
        for name, c, n, p in zip(
            ordered["province_name"],
            ordered["covered_regions"],
            ordered["total_regions"],
            ordered["coverage_pct"],
            strict=True,
        )
    ]
    fig = go.Figure(
        go.Bar(
            x=ordered["coverage_pct"],
            y=ordered["province_name"],
            orientation="h",
            marker_color=colours,
            text=[format_percent(p, lang, 0) for p in ordered["coverage_pct"]],
            textposition="outside",
            hovertext=hover,
            hoverinfo="text",
        )
    )
    fig.update_xaxes(title_text=t("word.coverage_pct", lang), range=[0, 112])
    fig.update_yaxes(title_text=None, tickfont={"size": 11})
    return apply_layout(fig, t("chart.by_province.title", lang), lang, height=max(420, 22 * len(ordered) + 100))


def agency_presence(presence: pd.DataFrame, lang: str = "id") -> go.Figure:
    """Horizontal bars: share of operating malls (with data) where each MoU agency is present."""
    ordered = presence.sort_values("share_pct")
    hover = [
        t(
            "chart.agency.hover",
            lang,
            agency=name,
            present=format_number(p, lang),
            total=format_number(n, lang),
            share=format_percent(s, lang),
        )  # fmt: skip
        for name, p, n, s in zip(
            ordered["short_name"],
            ordered["malls_present"],
            ordered["operating_malls_with_data"],
            ordered["share_pct"],
            strict=True,
        )  # fmt: skip
    ]
    fig = go.Figure(
        go.Bar(
            x=ordered["share_pct"],
            y=ordered["short_name"],
            orientation="h",
            marker_color=OKABE_ITO["blue"],
            text=[format_percent(s, lang, 0) for s in ordered["share_pct"]],
            textposition="outside",
            hovertext=hover,
            hoverinfo="text",
        )
    )
    fig.update_xaxes(title_text=t("chart.agency.x", lang), range=[0, 112])
    return apply_layout(fig, t("chart.agency.title", lang), lang, height=560)


def presence_heatmap(by_province: pd.DataFrame, agency_names: dict[str, str], lang: str = "id") -> go.Figure:
    """Provinces x MoU agencies, cell = share of the province's operating malls where the agency is present.

    ``by_province``: ``participation.compute_presence_by_province``; ``agency_names``: key -> short name.
    """
    keys = list(agency_names)
    table = by_province.sort_values("province_name", ascending=False)
    values = table[keys].to_numpy(dtype=float)
    hover = [
        [
            t(
                "chart.heatmap.hover",
                lang,
                province=province,
                agency=agency_names[k],
                share="–" if pd.isna(v) else format_percent(v, lang, 0),
                malls=format_number(m, lang),
            )  # fmt: skip
            for k, v in zip(keys, row, strict=True)
        ]
        for province, row, m in zip(table["province_name"], values, table["malls"], strict=True)
    ]
    fig = go.Figure(
        go.Heatmap(
            z=values,
            x=[agency_names[k] for k in keys],
            y=table["province_name"],
            zmin=0,
            zmax=100,
            colorscale="Cividis",  # perceptually uniform and readable with colour-blindness
            colorbar={"title": {"text": "%"}},
            hovertext=hover,
            hoverinfo="text",
            xgap=1,
            ygap=1,
        )
    )
    fig.update_xaxes(side="top", tickangle=-45)
    fig.update_yaxes(tickfont={"size": 11})
    fig = apply_layout(fig, t("chart.heatmap.title", lang), lang, height=960)
    fig.update_layout(margin={"t": 150}, title={"y": 0.99, "yanchor": "top"})  # room for the slanted names
    return fig


def completeness_histogram(distribution: pd.DataFrame, lang: str = "id") -> go.Figure:
    """How many malls have 0..17 of the MoU agencies present."""
    fig = go.Figure(
        go.Bar(
            x=distribution["mou_present"],
            y=distribution["malls"],
            marker_color=OKABE_ITO["green"],
            hovertemplate=t("chart.completeness.hover", lang) + "<extra></extra>",
        )
    )
    fig.update_xaxes(title_text=t("chart.completeness.x", lang), dtick=1)
    fig.update_yaxes(title_text=t("chart.completeness.y", lang))
    return apply_layout(fig, t("chart.completeness.title", lang), lang, height=360)


def presence_trend(trend: pd.DataFrame, lang: str = "id") -> go.Figure:
    """One line per MoU agency: its presence share in each snapshot."""
    palette = list(OKABE_ITO.values())
    fig = go.Figure()
    for index, (name, rows) in enumerate(trend.groupby("short_name", sort=True)):
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(rows["date"]),
                y=rows["share_pct"],
                mode="lines+markers",
                name=name,
                line={"color": palette[index % len(palette)], "dash": ["solid", "dash", "dot"][index // len(palette)]},
                hovertemplate=f"{name}: %{{y:.1f}}%<extra></extra>",
            )
        )
    fig.update_yaxes(title_text=t("chart.agency.x", lang), range=[0, 105])
    fig.update_xaxes(title_text=t("word.date", lang))
    return apply_layout(fig, t("chart.trend.title", lang), lang, height=460)
