"""Pemanfaatan / Use: whether the malls work: the lowest and highest visits of a month (the minister's weekly
question), visits over time by province, quiet malls and inaugurated malls that report nothing."""

import streamlit as st

from mpp_data.present import use as present_use
from mpp_data.present.text import format_number, t
from ui import controls, downloads, page

with page.boundary() as view:
    lang = view.lang
    controls.page_header(view, "use.title")
    newest = view.of("use_view")
    if not newest["months"]:
        st.info(t("use.none_loaded", lang))
        controls.source_caption(view)
        st.stop()
    months = newest["months"]
    month = st.selectbox(
        t("use.month", lang), months, format_func=lambda m: present_use.month_label(m, lang), key="use_month"
    )
    use = view.of("use_view", month=month)
    st.markdown(
        t("use.intro", lang, malls=format_number(len(use["table"]), lang), month=present_use.month_label(month, lang))
    )
    left, right = st.columns(2)
    for column, name in ((left, "lowest"), (right, "highest")):
        column.subheader(t(f"use.{name}", lang))
        shown = present_use.display_month(use[name], lang)
        column.dataframe(
            shown, hide_index=True, key=f"use_{name}", column_config=controls.column_labels(shown.columns, lang)
        )
    if len(use["over_time"]):
        controls.chart(present_use.visits_over_time_chart(use["over_time"], lang), "use_over_time", lang)

    st.subheader(t("use.quiet", lang))
    if not use["counters_reported"]:  # nothing to compare: not "none is quiet"
        st.caption(t("use.quiet_no_counters", lang))
    elif use["quiet"].empty:
        st.caption(t("use.quiet_none", lang))
    else:
        shown = present_use.display_month(use["quiet"], lang)
        controls.table(
            shown, hide_index=True, key="use_quiet", column_config=controls.column_labels(shown.columns, lang)
        )

    st.subheader(t("use.silent", lang))
    if use["silent"].empty:
        st.caption(t("use.silent_none", lang))
    else:
        shown = present_use.display_silent(use["silent"], lang)
        controls.table(
            shown, hide_index=True, key="use_silent", column_config=controls.column_labels(shown.columns, lang)
        )

    st.subheader(t("use.all_malls", lang))
    shown = present_use.display_month(use["table"], lang)
    controls.table(shown, hide_index=True, key="use_table", column_config=controls.column_labels(shown.columns, lang))
    downloads.buttons(view, "visits", "visits", month=month)
    controls.source_caption(view)
