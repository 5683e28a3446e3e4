"""Riwayat / History: every upload, and what changed between two of them."""

import streamlit as st

from mpp_data import presentation
from mpp_data.i18n import format_number, t
from ui import cache, controls
from ui.errors import show_error

view = controls.sidebar(__file__)
lang = view.lang
try:
    snapshots = cache.snapshots(view.url, view.snapshot_id)
except Exception as exc:  # noqa: BLE001 - the one error boundary of this page
    show_error(exc, lang)
    st.stop()

st.title(t("history.title", lang))
st.caption(t("history.intro", lang))
table = presentation.display_snapshots(snapshots, lang)
st.dataframe(table, hide_index=True, key="snapshots_table", column_config=controls.column_labels(table.columns, lang))

labels = presentation.snapshot_labels(snapshots, lang)
ids = list(labels)
if len(ids) < 2:
    st.stop()
left, right = st.columns(2)
before = left.selectbox(t("history.before", lang), ids, index=1, format_func=labels.get, key="diff_before")
after = right.selectbox(t("history.after", lang), ids, index=0, format_func=labels.get, key="diff_after")
changes = cache.snapshot_diff(view.url, before, after)
st.markdown(t("history.summary", lang, **{k: format_number(v, lang) for k, v in changes.summary.items()}))
for name in changes.summary:
    frame = getattr(changes, name)
    with st.expander(f"{t(f'history.{name}', lang)} ({format_number(len(frame), lang)})", expanded=False):
        if frame.empty:
            st.caption(t("history.none", lang))
        else:
            st.dataframe(
                frame, hide_index=True, key=f"diff_{name}", column_config=controls.column_labels(frame.columns, lang)
            )
