"""Plotly figures from metric tables (pure: no Streamlit, no I/O).

Colours are Okabe-Ito, safe for the common forms of colour blindness.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from mpp_data.figures import share_order
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


# The plotly toolbar takes the top ~30 px of a chart at its right; the title sits in its own band below
# it, and a long title breaks into two lines so a phone (390 px) shows it whole.
TITLE_BAND = 36
TITLE_LINE = 36


def wrap_title(title: str, width: int = TITLE_LINE) -> str:
    """``title`` broken with ``<br>`` into lines of at most ``width`` characters, at spaces.

    >>> wrap_title("Kabupaten/kota dengan MPP beroperasi dari waktu ke waktu")
    'Kabupaten/kota dengan MPP beroperasi<br>dari waktu ke waktu'
    """
    lines: list[str] = []
    for word in title.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def apply_layout(fig: go.Figure, title: str, lang: str, height: int = 420) -> go.Figure:
    wrapped = wrap_title(title)
    lines = wrapped.count("<br>") + 1
    fig.update_layout(
        title={
            "text": wrapped,
            "x": 0,
            "xanchor": "left",
            "xref": "container",  # from the chart's left edge: the width of a phone, not of the plot area
            "yref": "paper",
            "y": 1,
            "yanchor": "bottom",
            "pad": {"b": 14, "l": 6},
        },
        font=_FONT,
        height=height,
        margin={"l": 10, "r": 24, "t": TITLE_BAND + 24 * lines + 14, "b": 10},
        plot_bgcolor="white",
        hoverlabel={"font": _FONT},
        # Tick labels in the reader's number form: 1.234,5 in Indonesian.
        separators=",." if lang == "id" else ".,",
    )
    fig.update_xaxes(showgrid=False, linecolor="#cccccc")
    fig.update_yaxes(gridcolor="#eeeeee", linecolor="#cccccc")
    return fig


def count_axis(fig: go.Figure, largest: float, axis: str = "y") -> go.Figure:
    """Whole-number ticks on an axis of counts: no 0,5 regions. Small ranges get a tick per unit."""
    update = fig.update_yaxes if axis == "y" else fig.update_xaxes
    update(tickformat=",d", rangemode="tozero")
    if largest <= 8:
        update(dtick=1, tick0=0)
    return fig


def yearly_operating_malls(malls_over_time: pd.DataFrame) -> pd.DataFrame:
    """Operating malls at the end of each year, and at the last date of the series: date, operating_malls.

    ``malls_over_time``: ``metrics.compute_malls_over_time`` (one row per inauguration date).
    """
    dates = pd.to_datetime(malls_over_time["date"])
    running = pd.Series(malls_over_time["operating_malls"].to_numpy(), index=dates).sort_index()
    last = running.index.max()
    ends = [pd.Timestamp(year, 12, 31) for year in range(running.index.min().year, last.year)] + [last]
    values = [int(running[running.index <= end].iloc[-1]) for end in ends]
    return pd.DataFrame({"date": [e.date() for e in ends], "operating_malls": values})


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
    (date, malls, precision: year or month) drawn beside them. Operating malls are grey bars at each
    year's end behind the line: their count is close to the covered regions', and a second line would
    hide under the first.
    """
    hover = [
        f"{format_date(d, lang)}<br>{t('chart.covered_regions', lang)}: {format_number(c, lang)}"
        f" ({format_percent(100 * c / total_regions, lang)})<br>+{format_number(n, lang)}"
        for d, c, n in zip(timeline["date"], timeline["covered_regions"], timeline["new_regions"], strict=True)
    ]
    fig = go.Figure()
    if malls_over_time is not None and len(malls_over_time):
        yearly = yearly_operating_malls(malls_over_time)
        fig.add_trace(
            go.Bar(
                x=pd.to_datetime(yearly["date"]),
                y=yearly["operating_malls"],
                width=1000 * 60 * 60 * 24 * 200,  # 200 days, in the date axis' milliseconds
                marker={"color": "rgba(153,153,153,0.35)", "line": {"color": OKABE_ITO["grey"], "width": 1}},
                name=t("chart.operating_malls_yearly", lang),
                hovertext=[
                    f"{format_date(d, lang)}<br>{t('chart.operating_malls', lang)}: {format_number(n, lang)}"
                    for d, n in zip(yearly["date"], yearly["operating_malls"], strict=True)
                ],
                hoverinfo="text",
            )
        )
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
    count_axis(fig, total_regions)
    fig.update_xaxes(title_text=t("word.date", lang))
    fig.update_layout(
        showlegend=len(fig.data) > 1, legend={"orientation": "h", "yanchor": "top", "y": -0.3}, barmode="overlay"
    )
    return apply_layout(fig, t("chart.coverage_over_time.title", lang), lang)


def new_regions_per_quarter(quarters: pd.DataFrame, lang: str = "id") -> go.Figure:
    """Bars of newly covered regions per quarter (``forecast.compute_new_per_quarter``), labelled
    ``T1 2017`` in Indonesian and ``Q1 2017`` in English."""
    fig = go.Figure(
        go.Bar(
            x=[quarter_label(start, lang) for start in quarters["start"]],
            y=quarters["new_regions"],
            marker_color=OKABE_ITO["blue"],
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text=t("chart.quarter", lang), type="category", tickangle=-45)
    fig.update_yaxes(title_text=t("chart.pace.y", lang))
    count_axis(fig, quarters["new_regions"].max() if len(quarters) else 0)
    return apply_layout(fig, t("chart.pace.title", lang), lang, height=360)


def quarter_label(start: object, lang: str) -> str:
    """The quarter a date falls in: ``T2 2024`` (triwulan) in Indonesian, ``Q2 2024`` in English."""
    day = pd.Timestamp(start)
    return t("chart.quarter_label", lang, number=day.quarter, year=day.year)


def coverage_by_province(provinces: pd.DataFrame, lang: str = "id") -> go.Figure:
    """Horizontal bars of coverage %, highest on top; full coverage in green.

    ``provinces``: ``metrics.compute_coverage_by_province``.
    """
    ordered = province_order(provinces).iloc[::-1]  # plotly draws the last category on top
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
            cliponaxis=False,
            hovertext=hover,
            hoverinfo="text",
        )
    )
    fig.update_xaxes(title_text=t("word.coverage_pct", lang), range=[0, 112])
    fig.update_yaxes(title_text=None, tickfont={"size": 11})
    return apply_layout(fig, t("chart.by_province.title", lang), lang, height=max(420, 22 * len(ordered) + 100))


def province_order(provinces: pd.DataFrame) -> pd.DataFrame:
    """Provinces in the one order of table, chart, deck and export (``figures.share_order``): coverage
    high to low, equal coverage by province code."""
    return share_order(provinces, "coverage_pct", "province_code")


def agency_order(presence: pd.DataFrame) -> list[str]:
    """Agency keys in the one order of bar chart, heatmap and deck: presence high to low, equal presence
    by agency key (``figures.share_order``)."""
    ordered = share_order(presence, "share_pct", "agency")
    return list(ordered["agency"])


def agency_presence(presence: pd.DataFrame, lang: str = "id") -> go.Figure:
    """Horizontal bars: share of operating malls (with data) where each MoU agency is present."""
    ordered = presence.set_index("agency").loc[agency_order(presence)[::-1]].reset_index()
    hover = [
        t(
            "chart.agency.hover",
            lang,
            agency=name,
            present=format_number(p, lang),
            total=format_number(n, lang),
            share=format_percent(s, lang),
        )
        for name, p, n, s in zip(
            ordered["short_name"],
            ordered["malls_present"],
            ordered["operating_malls_with_data"],
            ordered["share_pct"],
            strict=True,
        )
    ]
    fig = go.Figure(
        go.Bar(
            x=ordered["share_pct"],
            y=ordered["short_name"],
            orientation="h",
            marker_color=OKABE_ITO["blue"],
            text=[format_percent(s, lang, 0) for s in ordered["share_pct"]],
            textposition="outside",
            cliponaxis=False,
            hovertext=hover,
            hoverinfo="text",
        )
    )
    fig.update_xaxes(title_text=t("chart.agency.x", lang), range=[0, 112])
    return apply_layout(fig, t("chart.agency.title", lang), lang, height=560)


def presence_heatmap(
    by_province: pd.DataFrame, agency_names: dict[str, str], lang: str = "id", order: list[str] | None = None
) -> go.Figure:
    """Provinces x MoU agencies, cell = share of the province's operating malls where the agency is present.

    ``by_province``: ``participation.compute_presence_by_province``; ``agency_names``: key -> short name;
    ``order``: the agency keys left to right (``agency_order``, as the bar chart lists them top down).
    A province with no operating mall has no share to show: its row says so in words.
    """
    keys = [k for k in (order or list(agency_names)) if k in agency_names]
    table = by_province.sort_values("province_name", ascending=False)
    values = table[keys].to_numpy(dtype=float)
    no_mall = t("chart.heatmap.no_mall", lang)
    hover = [
        [
            t(
                "chart.heatmap.hover",
                lang,
                province=province,
                agency=agency_names[k],
                share="–" if pd.isna(v) else format_percent(v, lang, 0),
                malls=format_number(m, lang),
            )
            if m
            else f"<b>{province}</b><br>{no_mall}"
            for k, v in zip(keys, row, strict=True)
        ]
        for province, row, m in zip(table["province_name"], values, table["malls"], strict=True)
    ]
    names = [agency_names[k] for k in keys]
    fig = go.Figure(
        go.Heatmap(
            z=values,
            x=names,
            y=table["province_name"],
            zmin=0,
            zmax=100,
            colorscale="Cividis",  # perceptually uniform and readable with colour-blindness
            # across the foot, so the cells keep the width a phone has
            colorbar={
                "title": {"text": "%", "side": "right"},
                "thickness": 10,
                "orientation": "h",
                "yref": "container",
                "y": 0,
                "yanchor": "bottom",
                "len": 0.6,
                "x": 1,
                "xanchor": "right",
            },
            hovertext=hover,
            hoverinfo="text",
            xgap=1,
            ygap=1,
        )
    )
    middle = names[len(names) // 2] if names else None
    for province in table.loc[table["malls"] == 0, "province_name"]:
        fig.add_annotation(x=middle, y=province, text=no_mall, showarrow=False, font={"size": 10, "color": "#555555"})
    # Every agency named, upright so 17 names fit a phone's width; names at the foot, the title on top.
    fig.update_xaxes(side="bottom", tickangle=-90, tickmode="array", tickvals=names, tickfont={"size": 10})
    fig.update_yaxes(tickfont={"size": 10}, tickmode="array", tickvals=list(table["province_name"]))
    fig.update_layout(plot_bgcolor="#f4f4f4")
    fig = apply_layout(fig, t("chart.heatmap.title", lang), lang, height=1060)
    fig.update_layout(margin={"b": 50})  # room for the colour bar under the agency names
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
    count_axis(fig, distribution["malls"].max() if len(distribution) else 0)
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
