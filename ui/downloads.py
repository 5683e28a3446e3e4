"""Download buttons. Every file a page offers is one of ``service.EXPORT_TABLES``, made by
``service.export_table``, which the CLI's ``export`` calls with the same scope: the page's file and the
CLI's are the same bytes."""

from __future__ import annotations

from typing import Any

import streamlit as st

from mpp_data import service
from mpp_data.present.text import t
from ui import cache
from ui.page import View

#: The formats a page offers, in this order, with the text of their button, the end of its widget key and
#: the text of its help. The xlsx comes first: it opens in columns in Excel whatever the regional settings
#: (with Indonesian ones Excel splits a CSV at ``;`` and reads it as one column); the CSV is named for what
#: it is, the comma-separated file other programs read (README, "Downloads").
BUTTONS = (
    ("xlsx", "download.excel", "excel", "download.excel_help"),
    ("csv", "download.csv", "csv", "download.csv_help"),
)


def button(
    container,
    view: View,
    table: str,
    fmt: str,
    label: str,
    key: str,
    snapshot_id: int | None = None,
    help: str | None = None,
    scope: service.ViewScope | None = None,
    **choice: Any,
) -> None:
    """One download of ``table`` as ``fmt`` for the view's scope (or ``scope``, of ``snapshot_id`` when
    given), in ``container``; ``choice``: the fields of ``service.ExportChoice`` (``agency=``, ``file=``)."""
    if table not in service.EXPORT_TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(service.TABLES)}")
    scope = (scope or view.scope).replace(snapshot_id=snapshot_id or view.snapshot_id)
    # who asks is part of the key only where it matters: the other tables stay one entry for every session
    actor = view.actor if service.EXPORT_TABLES[table].upload_details else None
    export = cache.export_table(view.settings, scope, table, fmt, service.ExportChoice(**choice), actor)
    container.download_button(label, export.content, export.file_name, export.mime, key=key, help=help)


def buttons(view: View, table: str, key: str, scope: service.ViewScope | None = None, **choice: Any) -> None:
    """Excel and CSV downloads of ``table`` side by side; keys ``{key}_excel`` and ``{key}_csv``."""
    for column, (fmt, text, suffix, help) in zip(st.columns(len(BUTTONS)), BUTTONS, strict=True):
        button(
            column,
            view,
            table,
            fmt,
            t(text, view.lang),
            f"{key}_{suffix}",
            help=t(help, view.lang),
            scope=scope,
            **choice,
        )
