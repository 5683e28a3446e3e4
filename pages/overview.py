"""Ringkasan / Overview: coverage of the 514 kabupaten/kota, change, pace and forecast."""

from functools import partial

import streamlit as st

from mpp_data import service
from mpp_data.present import kpis
from mpp_data.present import plan as planning
from mpp_data.present.text import format_date, format_number, format_percent, t
from ui import cache, controls, page

with page.boundary() as view:
    lang = view.lang
    # the target date is this page's own choice (its date picker below), the setting until one is picked
    scope = view.scope.replace(target_date=st.session_state.get("target_date") or view.scope.target_date)
    basis = view.scope.basis  # MPP_BASIS
    now = view.of("national_summary")
    then = view.of("national_summary", scope.then)
    other = view.of("national_summary", view.scope.replace(basis=service.other_basis(basis)))
    drawn = cache.overview_figures(view.settings, view.scope, now["total_regions"])
    # the forecast counts Kemendagri's list whatever the basis of the headline share
    forecast = view.of("forecast_for", scope.replace(basis=service.DEFAULT_BASIS))
    controls.page_header(view, "overview.title")

    def change(key: str, decimals: int = 0, suffix: str = "") -> str:
        """The KPI's change since the comparison date, written so st.metric reads its sign."""
        return kpis.compute_change(now[key], then[key], lang, decimals, suffix).text

    since = t("kpi.delta_help", lang, date=format_date(view.compare, lang))
    recorded = controls.data_date(view)
    covered, pct, operating, pipeline = st.columns(4)
    covered.metric(
        t("kpi.covered", lang),
        f"{format_number(now['covered_regions'], lang)} / {format_number(now['total_regions'], lang)}",
        change("covered_regions"),
        help=t("kpi.covered_help", lang, total=format_number(now["total_regions"], lang)) + " " + since,
    )
    pct.metric(
        t("kpi.coverage_pct", lang),
        format_percent(now["coverage_pct"], lang),
        change("coverage_pct", 1, " pp"),
        help=since,
    )
    operating.metric(
        t("kpi.operating", lang), format_number(now["operating_malls"], lang), change("operating_malls"), help=since
    )
    # Stages before opening are recorded only as of the data date: the tile names it (the KPIs open on it too).
    pipeline.metric(
        t("kpi.pipeline", lang),
        format_number(now["under_construction_malls"] + now["planned_malls"], lang),
        t("kpi.pipeline_date", lang, date=format_date(recorded, lang)),
        delta_color="off",
        delta_arrow="off",
        help=t(
            "kpi.pipeline_value",
            lang,
            under_construction=format_number(now["under_construction_malls"], lang),
            planned=format_number(now["planned_malls"], lang),
        )
        + " "
        + t("kpi.pipeline_help", lang, snapshot=view.snapshot_id, date=format_date(recorded, lang)),
    )

    # officials quote the ministry's share, the dashboard counts Kemendagri's list: both, each named
    st.caption(planning.basis_captions(now, other, lang))

    chart, side = st.columns([3, 1])
    chart.plotly_chart(drawn["coverage_over_time"], key="coverage_over_time")
    with side:
        st.subheader(t("forecast.title", lang))
        st.date_input(t("forecast.target", lang), value=scope.target_date, key="target_date", format="DD/MM/YYYY")
        for sentence in service.describe_forecast(forecast, lang):
            st.markdown(sentence)

    st.plotly_chart(drawn["pace_per_quarter"], key="pace_per_quarter")
    if "coverage_by_province" in drawn:
        st.plotly_chart(drawn["coverage_by_province"], key="coverage_by_province")
    st.download_button(
        t("briefing.download", lang),
        partial(cache.briefing_deck, view.settings, scope),
        file_name=service.briefing_file_name(view.as_of, view.province, lang),
        key="briefing_overview",
        help=t("briefing.download_help", lang),
        icon=":material/slideshow:",
    )
    controls.source_caption(view)
