"""What every page starts and ends with: title, sample badge, as-of line, source caption, column labels.
The sidebar itself is drawn once, by the frame (``ui.page``)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from mpp_data import service
from mpp_data.present import charts
from mpp_data.present.safe import md_text
from mpp_data.present.table_layout import TABLE_BUDGET, column_widths
from mpp_data.present.text import format_date, format_number, t
from ui.page import View


def on_a_phone() -> bool:
    """Whether the browser says it is a phone ("Mobi" in its user agent, as MDN advises): the server
    never sees the screen's width, and some charts need a different frame on a phone."""
    return "Mobi" in (st.context.headers.get("User-Agent") or "")


def page_header(view: View, title_key: str) -> None:
    """Title, sample badge and the as-of line every page starts with."""
    st.title(t(title_key, view.lang))
    sample_badge(view)
    line = t("overview.as_of", view.lang, date=format_date(view.as_of, view.lang))
    if view.province:
        name = service.province_names()[view.province]
        line += " · " + t("filter.province_note", view.lang, province=name)
    st.caption(line)


def sample_badge(view: View) -> None:
    """A clear banner while the figures come from the bundled sample workbooks."""
    if view.snapshot["is_sample"]:
        st.warning(t("badge.sample", view.lang), icon=":material/science:")


def data_date(view: View) -> dt.date:
    """The date the shown snapshot's data describe (``data_as_of``, the KPIs' default date), or the day
    it was uploaded when it was written before that was recorded: the pipeline tile names it."""
    return view.snapshot.get("data_as_of") or snapshot_date(view)


def snapshot_date(view: View) -> dt.date:
    """The day the shown snapshot was uploaded."""
    created = view.snapshot["created_at"]
    return created.date() if hasattr(created, "date") else created


def source_caption(view: View) -> None:
    """Where the figures come from, and how many rows of it the analyst left out."""
    line = t(
        "source.caption",
        view.lang,
        snapshot=view.snapshot_id,
        files=", ".join(md_text(f) for f in view.snapshot["source_files"]),
        created=format_date(snapshot_date(view), view.lang),
    )
    for kind, (origin, files) in view.snapshot.get("carried_sources", {}).items():
        # participation (or agreements, visits) kept from an earlier upload: that upload's files hold it
        line = (
            line.removesuffix(".")
            + "; "
            + t(
                "source.carried",
                view.lang,
                what=t(f"upload.what.{kind}", view.lang),
                snapshot=origin,
                files=", ".join(md_text(f) for f in files),
            )
            + "."
        )
    if left_out := view.snapshot.get("rows_left_out", 0):
        key = "source.left_out_one" if left_out == 1 else "source.left_out"
        line += " " + t(key, view.lang, count=format_number(left_out, view.lang)) + "."
    st.caption(line)


def column_labels(columns, lang: str) -> dict[str, str]:
    """Localised column headers for ``st.dataframe(column_config=...)``."""
    return {c: t(f"column.{c}", lang) for c in columns}


def chart(fig: go.Figure, key: str, lang: str, container: Any = None, **options: Any) -> Any:
    """A plotly chart as every page draws one: a chart with nothing to draw is a sentence saying so, not
    an empty frame; on a phone without the toolbar (it covered the title) and with thinned tick labels.
    ``options`` go to ``st.plotly_chart`` (``on_select=`` ...); gives what it returns, None for a sentence."""
    where = container or st
    if not charts.has_values(fig):
        where.info(t("chart.empty", lang, title=charts.title_text(fig)))
        return None
    phone = on_a_phone()
    if phone:
        fig = charts.for_phone(go.Figure(fig))  # a copy: cached figures are shared between sessions
    config = {"displayModeBar": not phone, "displaylogo": False}
    return where.plotly_chart(fig, key=key, config=config, **options)


def fitted(data: Any, column_config: dict | None = None, order: list[str] | None = None) -> dict:  # a frame, ...
    """``column_config`` with a width for every shown column (those of ``order`` when given), so that
    together they fit the screen's width (a laptop's or a phone's, ``TABLE_BUDGET``): no column beyond
    the table's right edge."""
    frame = getattr(data, "data", data)  # a pandas Styler keeps its frame as .data
    frame = frame if isinstance(frame, pd.DataFrame) else pd.DataFrame(frame)
    config: dict = {}
    for column, given in (column_config or {}).items():
        config[column] = given if given is None else {"label": given} if isinstance(given, str) else dict(given)
    shown = [c for c in frame.columns if not (c in config and config[c] is None) and (order is None or c in order)]
    labels = {c: (config.get(c) or {}).get("label") or c for c in shown}
    budget = TABLE_BUDGET["phone" if on_a_phone() else "laptop"]
    asked = {c: w for c in shown if isinstance(w := (config.get(c) or {}).get("width"), int)}
    for column, width in column_widths(frame[shown], labels, budget, asked).items():
        config[column] = (config.get(column) or {}) | {"width": width}
    return config


def table(data: Any, column_config: dict | None = None, **options: Any) -> Any:
    """``st.dataframe`` with every column on screen (``fitted``); ``options`` go to it (key=, hide_index=)."""
    return st.dataframe(data, column_config=fitted(data, column_config, options.get("column_order")), **options)


def file_uploader(label: str, *, key: str, types: list[str], limit_mb: int, lang: str, **options: Any) -> Any:
    """``st.file_uploader`` whose own words are in the reader's language. Streamlit 1.67 writes its button
    ("Upload") and the limit ("50MB per file • XLSX, …") in English and offers no option for them: a style
    scoped to this uploader's key hides those words and draws ours in their place (``::after``), so the
    button still opens the file picker and a dropped file still lands. ``options`` go to the uploader."""
    button = json.dumps(t("upload.choose_files", lang), ensure_ascii=False)
    limit = json.dumps(
        t(
            "upload.limit_per_file",
            lang,
            limit=format_number(limit_mb, lang),
            types=", ".join(x.upper() for x in types),
        ),
        ensure_ascii=False,
    )
    zone = f'.st-key-{key} [data-testid="stFileUploaderDropzone"]'
    notes = f'.st-key-{key} [data-testid="stFileUploaderDropzoneInstructions"] > div'
    st.html(
        "<style>"
        f'{zone} button [data-testid="stMarkdownContainer"] > p {{display: none}}'
        f'{zone} button [data-testid="stMarkdownContainer"]::after {{content: {button}}}'
        f"{notes} > span {{display: none}}"
        f"{notes}::after {{content: {limit}; font-size: 14px; line-height: 1.6; color: rgba(47, 45, 43, 0.7)}}"
        "</style>"
    )
    return st.file_uploader(label, type=types, key=key, max_upload_size=limit_mb, **options)
