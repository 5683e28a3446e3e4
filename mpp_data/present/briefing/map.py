"""The map of a province's deck (pure: a plotly figure; ``picture`` draws it).

A province's deck shows that province alone: its kabupaten/kota shaded by status inside their official
boundaries when those are supplied, else large markers, each named; no other province's markers or
shapes (the land outline only, in grey, for the coast). The national deck uses the Map page's figure.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from mpp_data.present.charts import STATUS_COLOURS
from mpp_data.present.maps import STATUS_ORDER
from mpp_data.present.safe import hover_text
from mpp_data.present.text import t
from mpp_data.reference.geo import Boundaries, bounds

#: Marker size in CSS pixels of the deck's map: a province has at most 38 regions, and the slide is
#: seen from across a room.
MARKER_SIZE = 30
#: Region names are written beside the markers up to this many regions (more would cover each other).
MOST_NAMED = 16
SYMBOLS = {"operating": "circle", "under_construction": "diamond", "planned": "square", "none": "circle"}


def _rings(geometry: dict) -> list[list[list[float]]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [polygon[0] for polygon in polygons]


def _trace(rings: list[list[list[float]]], fill: str, line: str, width: float) -> go.Scatter:
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
        line={"color": line, "width": width},
        hoverinfo="skip",
        showlegend=False,
    )


def _faded(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def province_view(table: pd.DataFrame, province: str, boundaries: Boundaries | None) -> tuple:
    """(lon range, lat range) around the province's boundaries, else its regions' points, with room
    for the names; a degree at least each way so a small province is not one blown-up point."""
    boxes = [bounds(g) for c, g in (boundaries.regions if boundaries else {}).items() if c.startswith(province + ".")]
    if boxes:
        west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
        east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    else:
        rows = table[table["lat"].notna()]
        west, south, east, north = rows["lon"].min(), rows["lat"].min(), rows["lon"].max(), rows["lat"].max()
    pad = max(0.5, 0.15 * max(east - west, north - south))
    return (west - pad * 1.6, east + pad * 1.6), (south - pad, north + pad)


def province_map(
    table: pd.DataFrame, outline: dict, province: str, lang: str, boundaries: Boundaries | None = None
) -> go.Figure:
    """``table``: ``maps.compute_map_regions`` rows; only ``province``'s are drawn. With
    ``boundaries`` its regions are shaded by status (a lighter shade of the marker's colour)."""
    mine = table[table["province_code"] == province]
    fig = go.Figure()
    fig.add_trace(_trace(outline["indonesia"] + outline["neighbours"], "rgb(238,238,238)", "#9a9a9a", 0.8))
    status_of = dict(zip(mine["code"], mine["status"], strict=True))
    shapes = {c: g for c, g in (boundaries.regions if boundaries else {}).items() if c in status_of}
    for code, geometry in shapes.items():
        colour = STATUS_COLOURS[status_of[code]]
        fig.add_trace(_trace(_rings(geometry), _faded(colour, 0.35), "#4d4d4d", 1.2))
    located = mine[mine["lat"].notna()]
    named = len(located) <= MOST_NAMED
    for status in STATUS_ORDER:
        rows = located[located["status"] == status]
        if rows.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=rows["lon"],
                y=rows["lat"],
                mode="markers+text" if named else "markers",
                name=t(f"status.{status}", lang),
                text=[hover_text(n) for n in rows["name"]],
                textposition="middle right",
                textfont={"size": 20, "color": "#1a1a1a"},
                marker={
                    "color": STATUS_COLOURS[status],
                    "size": MARKER_SIZE if named else MARKER_SIZE * 0.7,
                    "symbol": SYMBOLS[status],
                    "line": {"color": "#1a1a1a", "width": 1.5},
                },
                cliponaxis=False,
            )
        )
    x_range, y_range = province_view(mine, province, boundaries)
    fig.update_xaxes(range=x_range, visible=False)
    fig.update_yaxes(range=y_range, visible=False, scaleanchor="x", scaleratio=1)
    fig.update_layout(
        plot_bgcolor="#e3eef7",
        paper_bgcolor="white",
        showlegend=True,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        legend={
            "orientation": "h",
            "y": -0.02,
            "font": {"size": 20},
            "title": {"text": t("map.legend", lang)},
            "itemsizing": "constant",
        },
        font={"family": "DejaVu Sans, Arial, sans-serif"},
    )
    return fig
