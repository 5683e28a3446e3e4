"""Instansi / Agencies: how far each MoU agency has followed through, and where it is still missing."""

import streamlit as st

from mpp_data import service
from mpp_data.present import charts
from mpp_data.present import display as presentation
from mpp_data.present import use as present_use
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
    sources = {k: format_number(v, lang) for k, v in agencies["presence_sources"].items()}
    st.caption(t("agencies.presence_source", lang, **sources))

    presence = agencies["presence"]
    drawn = cache.agency_figures(view.settings, view.scope)  # built once for every session
    controls.chart(drawn["agency_presence"], "agency_presence", lang)
    names = service.agency_names()
    if "presence_heatmap" in drawn:
        controls.chart(drawn["presence_heatmap"], "presence_heatmap", lang)
    controls.chart(drawn["completeness"], "completeness", lang)

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
    controls.table(shown, hide_index=True, key="work_list", column_config=controls.column_labels(shown.columns, lang))
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
        controls.table(
            presentation.display_services(services["per_agency"], lang),
            hide_index=True,
            key="services_by_agency",
            column_config=controls.column_labels(["agency", "services"], lang),
        )
    else:
        st.caption(t("agencies.no_services", lang))

    if trend["date"].nunique() > 1:
        controls.chart(charts.presence_trend(trend, lang), "presence_trend", lang)
    else:
        st.caption(t("agencies.trend_single", lang))

    st.header(t("agreements.title", lang))
    pks = view.of("agreement_view", days=view.settings.agreements_expiring_days)
    if not pks["loaded"]:
        st.info(t("agreements.none_loaded", lang))
    else:
        malls, date = format_number(pks["operating_malls"], lang), format_date(pks["as_of"], lang)
        st.markdown(t("agreements.intro", lang, malls=malls, date=date))
        controls.chart(present_use.funnel_chart(pks["funnel"], lang), "agreement_funnel", lang)
        controls.table(present_use.display_funnel(pks["funnel"], lang), hide_index=True, key="agreement_funnel_table")
        if pks["by_province"] is not None:
            st.subheader(t("agreements.by_province", lang))
            if controls.on_a_phone():  # seventeen agencies across do not fit a phone's width
                st.caption(t("agreements.by_province_phone", lang))
            else:
                by_province = present_use.display_by_province(pks["by_province"], lang)
                controls.table(by_province, hide_index=True, key="agreement_provinces")
        st.subheader(t("agreements.behind", lang))
        st.caption(t("agreements.behind_note", lang))
        behind = present_use.display_behind(pks["behind"], lang)
        controls.table(
            behind, hide_index=True, key="agreement_behind", column_config=controls.column_labels(behind.columns, lang)
        )
        days = format_number(pks["days"], lang)
        st.subheader(t("agreements.expiring", lang, days=days))
        if pks["expiring"].empty:
            st.caption(t("agreements.expiring_none", lang, days=days, date=date))
        else:
            expiring = present_use.display_expiring(pks["expiring"], lang)
            controls.table(
                expiring,
                hide_index=True,
                key="agreement_expiring",
                column_config=controls.column_labels(expiring.columns, lang),
            )
        st.subheader(t("agreements.not_signed", lang))
        count = format_number(len(pks["not_signed"]), lang)
        st.markdown(t("agreements.not_signed_summary", lang, count=count))
        not_signed = present_use.display_not_signed(pks["not_signed"], lang)
        controls.table(
            not_signed,
            hide_index=True,
            key="agreement_not_signed",
            column_config=controls.column_labels(not_signed.columns, lang),
        )
        downloads.buttons(view, "agreements", "agreements")
    controls.source_caption(view)
