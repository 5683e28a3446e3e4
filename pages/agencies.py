"""Instansi / Agencies: how far each MoU agency has followed through, and where it is still missing."""

import streamlit as st

from mpp_data import service
from mpp_data.present import charts
from mpp_data.present import display as presentation
from mpp_data.present.text import format_date, format_number, t
from ui import cache, controls, downloads, page

with page.boundary() as view:
    lang = view.lang
    agencies = view.of("agency_view")
    trend = cache.presence_trend(view.settings, cache.view_version(view.settings))
    controls.page_header(view, "agencies.title")
    st.markdown(
        t(
            "agencies.intro" if agencies["with_data"] else "agencies.intro_no_data",  # never "computed from 0 MPP"
            lang,
            date=format_date(view.as_of, lang),
            with_data=format_number(agencies["with_data"], lang),
            without_data=format_number(agencies["without_data"], lang),
        )
    )
    st.caption(t("agencies.successor_note", lang))

    presence = agencies["presence"]
    st.plotly_chart(charts.agency_presence(presence, lang), key="agency_presence")
    names = service.agency_names()
    if not view.province:
        heatmap = charts.presence_heatmap(agencies["by_province"], names, lang, charts.agency_order(presence))
        st.plotly_chart(heatmap, key="presence_heatmap")
    st.plotly_chart(charts.completeness_histogram(agencies["distribution"], lang), key="completeness")

    st.subheader(t("agencies.work_list", lang))
    ordered = charts.agency_order(presence)[::-1]  # the agency that lags most first
    agency = st.selectbox(
        t("agencies.choose", lang), ordered, format_func=names.get, **page.kept("work_list_agency", ordered[0])
    )
    work = view.of("agency_work_list", agency=agency)
    st.markdown(
        t(
            "agencies.work_list_summary",
            lang,
            agency=names[agency],
            count=format_number(len(work), lang),
            total=format_number(agencies["with_data"], lang),
        )
    )
    shown = presentation.display_work_list(work, lang)
    st.dataframe(shown, hide_index=True, key="work_list", column_config=controls.column_labels(shown.columns, lang))
    downloads.buttons(view, "agency-work-list", "work", agency=agency)

    st.subheader(t("agencies.services", lang))
    services = agencies["services"]
    if services["median_per_mall"] is not None:
        st.markdown(
            t(
                "agencies.services_median",
                lang,
                median=format_number(services["median_per_mall"], lang),
                malls=format_number(len(services["per_mall"]), lang),
            )
        )
    if len(services["per_agency"]):
        st.dataframe(
            presentation.display_services(services["per_agency"], lang),
            hide_index=True,
            key="services_by_agency",
            column_config=controls.column_labels(["agency", "services"], lang),
        )
    else:
        st.caption(t("agencies.no_services", lang))

    if trend["date"].nunique() > 1:
        st.plotly_chart(charts.presence_trend(trend, lang), key="presence_trend")
    else:
        st.caption(t("agencies.trend_single", lang))
    controls.source_caption(view)
