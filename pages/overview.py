"""Ringkasan / Overview: coverage of the 514 kabupaten/kota, malls in the pipeline, progress over time."""

import streamlit as st

from mpp_data import charts
from mpp_data.i18n import format_date, format_number, format_percent, t
from ui import cache, controls
from ui.errors import show_error

lang = controls.language()
try:
    view = controls.current_view()
    figures = cache.national_figures(view.url, view.snapshot_id, view.as_of)
    timeline = cache.coverage_over_time(view.url, view.snapshot_id)
    provinces = cache.coverage_by_province(view.url, view.snapshot_id, view.as_of)
except Exception as exc:  # noqa: BLE001 - shown to the user by the one error boundary
    show_error(exc, lang)
    st.stop()

st.title(t("overview.title", lang))
controls.sample_badge(view)
st.caption(t("overview.as_of", lang, date=format_date(view.as_of, lang)))

covered, pct, operating, pipeline = st.columns(4)
covered.metric(
    t("kpi.covered", lang),
    f"{format_number(figures['covered_regions'], lang)} / {format_number(figures['total_regions'], lang)}",
    help=t("kpi.covered_help", lang, total=format_number(figures["total_regions"], lang)),
)
pct.metric(t("kpi.coverage_pct", lang), format_percent(figures["coverage_pct"], lang))
operating.metric(t("kpi.operating", lang), format_number(figures["operating_malls"], lang))
pipeline.metric(
    t("kpi.pipeline", lang),
    format_number(figures["under_construction_malls"] + figures["planned_malls"], lang),
    help=t(
        "kpi.pipeline_value",
        lang,
        under_construction=format_number(figures["under_construction_malls"], lang),
        planned=format_number(figures["planned_malls"], lang),
    ),
)

st.plotly_chart(charts.coverage_over_time(timeline, figures["total_regions"], lang), key="coverage_over_time")
st.plotly_chart(charts.coverage_by_province(provinces, lang), key="coverage_by_province")
controls.source_caption(view)
