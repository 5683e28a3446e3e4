"""The house layout of every plotly figure (pure: no Streamlit, no I/O): the title in its band under the
toolbar, the fonts and number forms, what a phone changes, and whether a figure has anything to draw."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

_FONT = {"family": "Source Sans Pro, Arial, sans-serif", "size": 13}


# The plotly toolbar takes the top ~30 px of a chart at its right; the title sits in its own band below
# it, and a long title breaks into two lines so a phone (390 px) shows it whole.
TITLE_BAND = 36
TITLE_LINE = 36
#: The height of one line of a title (plotly draws titles at 1.4 times the font's 13 px, lines 1.3 apart).
TITLE_LINE_HEIGHT = 24
#: Space between the title's last line and the top of the plot area.
TITLE_GAP = 16


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
    """The house layout. The title hangs from the top of the chart, under the toolbar's band, in a top
    margin tall enough for all its lines: plotly draws the lines of a title anchored at its bottom
    downwards from the first, so a two-line title anchored to the plot's top fell onto the plot."""
    wrapped = wrap_title(title)
    lines = wrapped.count("<br>") + 1
    fig.update_layout(
        title={
            "text": wrapped,
            "x": 0,
            "xanchor": "left",
            "xref": "container",  # from the chart's left edge: the width of a phone, not of the plot area
            "yref": "container",
            "y": 1 - TITLE_BAND / height,
            "yanchor": "top",
            "pad": {"l": 6},
        },
        font=_FONT,
        height=height,
        margin={"l": 10, "r": 24, "t": TITLE_BAND + TITLE_LINE_HEIGHT * lines + TITLE_GAP, "b": 10},
        plot_bgcolor="white",
        hoverlabel={"font": _FONT},
        # Tick labels in the reader's number form: 1.234,5 in Indonesian.
        separators=",." if lang == "id" else ".,",
    )
    fig.update_xaxes(showgrid=False, linecolor="#cccccc")
    fig.update_yaxes(gridcolor="#eeeeee", linecolor="#cccccc")
    return fig


def title_text(fig: go.Figure) -> str:
    """The chart's title on one line."""
    return (fig.layout.title.text or "").replace("<br>", " ")


def has_values(fig: go.Figure) -> bool:
    """Whether any trace has a value to draw other than zero: a bar's length, a line's height, a heatmap's
    cell, a map's point. Reference lines (shapes) and annotations are not data."""
    for trace in fig.data:
        if trace.type in ("heatmap", "choropleth", "choroplethmap"):
            values = trace.z
        elif trace.type.endswith(("geo", "map", "mapbox")):
            values = trace.lat if trace.lat is not None else trace.locations
        else:
            values = trace.x if getattr(trace, "orientation", None) == "h" else trace.y
        flat = pd.Series(pd.DataFrame(values).to_numpy().ravel() if values is not None else [], dtype=object)
        numbers = pd.to_numeric(flat, errors="coerce")
        if ((numbers.notna() & (numbers != 0)) | (numbers.isna() & flat.notna() & (flat != ""))).any():
            return True
    return False


#: At most this many labels on an axis of categories on a phone (a quarter each: T1 2017 ...).
PHONE_CATEGORY_TICKS = 4


def for_phone(fig: go.Figure) -> go.Figure:
    """``fig`` as a phone shows it: the title band without the toolbar (the page hides it there), and an
    axis of many categories labelled at every n-th, upright, so the labels do not run into a band."""
    lines = (fig.layout.title.text or "").count("<br>") + 1
    height = fig.layout.height or 420
    top = 12
    fig.update_layout(margin={"t": top + TITLE_LINE_HEIGHT * lines + TITLE_GAP}, title={"y": 1 - top / height})
    if fig.layout.xaxis.type != "category":
        fig.update_xaxes(nticks=5)  # dates and shares: five labels fit a phone's width
        return fig
    categories = list(dict.fromkeys(c for trace in fig.data if trace.x is not None for c in trace.x))
    if len(categories) > PHONE_CATEGORY_TICKS:
        step = -(-len(categories) // PHONE_CATEGORY_TICKS)  # ceiling
        shown = categories[::-1][::step][::-1]  # the latest is always labelled
        fig.update_xaxes(tickmode="array", tickvals=shown, ticktext=shown, tickangle=0)
    return fig
