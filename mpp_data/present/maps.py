"""The map of every kabupaten/kota: marker table and plotly figure (pure; offline by construction).

The figure is a plain plotly scatter in longitude/latitude with the land outline drawn as a trace:
no tile server, no CDN topojson, nothing fetched by the browser.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from mpp_data.analysis.metrics import compute_region_status, status_as_of
from mpp_data.present.charts import STATUS_COLOURS, apply_layout
from mpp_data.present.safe import hover_text, md_text
from mpp_data.present.text import error_message, format_date, format_number, format_percent, t
from mpp_data.reference.geo import Boundaries, bounds

STATUS_ORDER = ["operating", "under_construction", "planned", "none"]
INDONESIA_VIEW = ((94.0, 142.0), (-11.5, 6.8))  # lon range, lat range
OTHER_PROVINCE_OPACITY = 0.25


def compute_map_regions(
    malls: pd.DataFrame, regions: pd.DataFrame, points: pd.DataFrame, as_of: dt.date
) -> pd.DataFrame:
    """One row per kabupaten/kota with its point and what the hover shows: code, name, province_code,
    province_name, lat, lon, status, operating_since, mall_names, agencies, services."""
    table = compute_region_status(malls, regions, as_of).merge(points[["code", "lat", "lon"]], on="code", how="left")
    mine = malls[malls["region_code"].isin(regions["code"])].assign(status_now=status_as_of(malls, as_of))
    shown = mine[mine["status_now"] != "none"]
    names = shown.groupby("region_code")["mall_name"].agg(lambda n: ", ".join(sorted(n)))
    counts = shown[shown["status_now"] == "operating"].groupby("region_code")[["agencies", "services"]].sum(min_count=1)
    # a province with no mall names at all maps to a float column: the names are text, "" where none
    table["mall_names"] = table["code"].map(names).astype(object).fillna("").astype(str)
    table = table.merge(counts, left_on="code", right_index=True, how="left")
    return table[
        [
            "code",
            "name",
            "province_code",
            "province_name",
            "lat",
            "lon",
            "status",
            "operating_since",
            "mall_names",
            "agencies",
            "services",
        ]
    ]


def _hover(row: pd.Series, lang: str) -> str:
    lines = [f"<b>{hover_text(row['name'])}</b>", hover_text(row["province_name"]), t(f"status.{row['status']}", lang)]
    if row["mall_names"]:
        lines.append(hover_text(row["mall_names"]))
    if row["operating_since"] is not None and not pd.isna(row["operating_since"]):
        lines.append(f"{t('map.inaugurated', lang)}: {format_date(row['operating_since'], lang)}")
    if not pd.isna(row["agencies"]):
        lines.append(f"{t('column.agencies', lang)}: {format_number(int(row['agencies']), lang)}")
    if not pd.isna(row["services"]):
        lines.append(f"{t('column.services', lang)}: {format_number(int(row['services']), lang)}")
    return "<br>".join(lines)


def _rings_trace(rings: list[list[list[float]]], fill: str, line: str, name: str) -> go.Scatter:
    xs: list[float | None] = []
    ys: list[float | None] = []
    for ring in rings:
        xs += [p[0] for p in ring] + [None]
        ys += [p[1] for p in ring] + [None]
    return go.Scatter(
        x=xs,
        y=ys,
        mode="lines",
        fill="toself",
        fillcolor=fill,
        line={"color": line, "width": 0.6},
        hoverinfo="skip",
        showlegend=False,
        name=name,
    )


def _faded(hex_colour: str) -> str:
    """A status colour at 45% opacity, so the markers stay readable on top."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},0.45)"


def _coverage_colour(pct: float) -> str:
    """Light to dark blue (Okabe-Ito blue at 100%); readable without telling hues apart."""
    share = max(0.0, min(pct, 100.0)) / 100
    low, high = (222, 235, 247), (0, 114, 178)
    r, g, b = (round(low[i] + (high[i] - low[i]) * share) for i in range(3))
    return f"rgb({r},{g},{b})"


#: The map's frame in pixels, title and legend included: on a laptop, and on a phone.
MAP_HEIGHT = 470
PHONE_MAP_HEIGHT = 300


def region_map(
    table: pd.DataFrame,
    outline: dict,
    lang: str = "id",
    province: str | None = None,
    boundaries: Boundaries | None = None,
    province_coverage: dict[str, float] | None = None,
    shading: str = "province",
    phone: bool = False,
) -> go.Figure:
    """Markers for every kabupaten/kota coloured by status, over the land outline. With official
    boundaries, ``shading="province"`` colours each regency by its province's coverage (a province
    choropleth) and ``shading="region"`` by the regency's own status. ``phone``: a frame for a screen
    about 390 px wide (Indonesia is three times wider than tall; a laptop's frame would be mostly sea)."""
    fig = go.Figure()
    fig.add_trace(_rings_trace(outline["neighbours"], "rgba(230,230,230,0.6)", "#bbbbbb", "neighbours"))
    fig.add_trace(_rings_trace(outline["indonesia"], "rgb(238,232,218)", "#8c8c8c", "indonesia"))
    if boundaries and boundaries.regions and province_coverage is not None:
        status_of = dict(zip(table["code"], table["status"], strict=True))
        for code, geometry in boundaries.regions.items():
            if province and not code.startswith(province + "."):
                colour = "rgba(220,220,220,0.5)"  # the neighbours of a chosen province stay in the background
            elif shading == "region":
                colour = _faded(STATUS_COLOURS[status_of.get(code, "none")])
            else:
                colour = _coverage_colour(province_coverage.get(code[:2], 0.0))
            polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
            fig.add_trace(_rings_trace([p[0] for p in polygons], colour, "white", f"shade {hover_text(code)}"))
    located = table[table["lat"].notna()]
    if province:  # the neighbours first, faded and out of the legend, so the chosen province's markers lie on top
        others = located[located["province_code"] != province]
        for status in STATUS_ORDER:
            fig.add_trace(_markers(others[others["status"] == status], status, lang, OTHER_PROVINCE_OPACITY))
        located = located[located["province_code"] == province]
    for status in STATUS_ORDER:
        fig.add_trace(_markers(located[located["status"] == status], status, lang))
    (x_range, y_range) = _view(table, province, boundaries)
    fig.update_xaxes(range=x_range, visible=False)
    fig.update_yaxes(range=y_range, visible=False, scaleanchor="x", scaleratio=1)
    fig = apply_layout(fig, t("map.chart_title", lang), lang, height=PHONE_MAP_HEIGHT if phone else MAP_HEIGHT)
    fig.update_layout(
        plot_bgcolor="#e3eef7",
        legend={"orientation": "h", "y": -0.02, "title": {"text": t("map.legend", lang)}},
        dragmode="pan",
    )
    return fig


def _markers(rows: pd.DataFrame, status: str, lang: str, opacity: float | None = None) -> go.Scatter:
    """The markers of one status; small, so Java's many regions stay apart. With ``opacity`` (the
    neighbours of a chosen province) faded and left out of the legend."""
    return go.Scatter(
        x=rows["lon"],
        y=rows["lat"],
        mode="markers",
        name=t(f"status.{status}", lang),
        legendgroup=status,
        showlegend=opacity is None,
        marker={
            "color": STATUS_COLOURS[status],
            "size": 7 if status == "operating" else 6,
            "opacity": 1.0 if opacity is None else opacity,
            # a dark ring keeps the grey "no MPP yet" dots visible on the sand-coloured land
            "line": {"color": "#333333" if status == "none" else "white", "width": 0.8},
            "symbol": {"operating": "circle", "under_construction": "diamond", "planned": "square"}.get(
                status, "circle"
            ),
        },
        customdata=rows["code"],
        hovertext=[_hover(r, lang) for _, r in rows.iterrows()],
        hoverinfo="text",
    )


def _view(table: pd.DataFrame, province: str | None, boundaries: Boundaries | None) -> tuple:
    if not province:
        return INDONESIA_VIEW
    if boundaries and boundaries.regions:
        boxes = [bounds(g) for c, g in boundaries.regions.items() if c.startswith(province + ".")]
        if boxes:
            west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
            east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
            return _padded(west, south, east, north)
    rows = table[(table["province_code"] == province) & table["lat"].notna()]
    if rows.empty:
        return INDONESIA_VIEW
    return _padded(rows["lon"].min(), rows["lat"].min(), rows["lon"].max(), rows["lat"].max())


def _padded(west: float, south: float, east: float, north: float) -> tuple:
    """The box with room around it: a marker on the edge is drawn whole."""
    pad = max(0.8, 0.2 * max(east - west, north - south))
    return (west - pad, east + pad), (south - pad, north + pad)


def coverage_legend(lang: str) -> str:
    return t("map.shading", lang, low=format_percent(0, lang, 0), high=format_percent(100, lang, 0))


def boundaries_report(boundaries: Boundaries, lang: str) -> str | None:
    """What in a boundary file did not fit the official list, as a sentence; None when all fits."""
    if not (boundaries.unknown_codes or boundaries.missing_regions):
        return None
    return t(
        "map.boundaries_report",
        lang,
        unknown=format_number(len(boundaries.unknown_codes), lang),
        unknown_list=", ".join(md_text(c) for c in boundaries.unknown_codes[:10]) or "–",
        missing=format_number(len(boundaries.missing_regions), lang),
    )


def boundaries_unusable(code: str, params: dict, lang: str) -> str:
    """Why the map shows points only: the stored or configured boundary file failed a check."""
    return t("map.boundaries_unusable", lang, problem=error_message(code, params, lang, escape=md_text))
