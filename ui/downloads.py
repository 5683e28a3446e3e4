"""Download buttons. Every file a page offers comes from ``service.export_table``, which the CLI's
``export`` calls with the same arguments: the page's file and the CLI's are the same bytes."""

from __future__ import annotations

from typing import Any

import streamlit as st

from mpp_data.present.text import t
from ui import cache
from ui.page import View


def button(container, view: View, table: str, fmt: str, label: str, key: str, snapshot_id: int | None = None,  # noqa: ANN001
           help: str | None = None, **params: Any) -> None:  # fmt: skip
    """One download of ``table`` as ``fmt`` for the view (of ``snapshot_id`` when given), in ``container``."""
    export = cache.export_table(
        view.url, snapshot_id or view.snapshot_id, table, fmt, view.lang, view.as_of, view.province, **params
    )
    container.download_button(label, export.content, export.file_name, export.mime, key=key, help=help)


def buttons(view: View, table: str, key: str, **params: Any) -> None:
    """CSV and Excel downloads of ``table`` side by side; keys ``{key}_csv`` and ``{key}_excel``."""
    csv_column, excel_column = st.columns(2)
    button(csv_column, view, table, "csv", t("download.csv", view.lang), f"{key}_csv", **params)
    button(excel_column, view, table, "xlsx", t("download.excel", view.lang), f"{key}_excel", **params)
