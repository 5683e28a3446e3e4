"""Detail Daerah / Region detail: one kabupaten/kota, its malls and the agencies in them."""

import streamlit as st

from mpp_data import service
from mpp_data.present import display as presentation
from mpp_data.present import plan as planning
from mpp_data.present import use as present_use
from mpp_data.present.safe import md_text
from mpp_data.present.text import format_date, format_number, t
from ui import cache, controls, downloads, page

with page.boundary() as view:
    lang = view.lang
    data = cache.snapshot_data(view.settings, view.snapshot_id)
    choices = view.of("region_options")
    controls.page_header(view, "region.title")
    options = presentation.region_options(choices)
    typed = st.text_input(
        t("region.search", lang), placeholder="Kab. Sanggau, Sanggau Regency…", **page.kept("region_search", "")
    )
    national = view.of("region_status", view.scope.replace(province=None))
    # A search opens only the region it asks for; anything else is said, and nothing is opened for it.
    search = service.find_region(cache.store(view.settings), typed) if typed else None
    if search is not None and search.code is not None and search.code not in options:
        st.warning(t("region.search_elsewhere", lang, region=md_text(service.region_choices()[search.code])))
    elif search is not None and search.code is None:
        suggested = [service.region_choices()[c] for c in search.suggestions]
        st.warning(presentation.region_search_message(search.outcome, search.written, suggested, lang))
    if search is None:
        # with nothing chosen, a region that has a mall, not the first in the list
        wanted = st.query_params.get("region")
        opening = wanted if wanted in options else presentation.first_region_with_mall(national, list(options))
    else:
        wanted = search.code if search.code in options else f"asked_{search.written}"
        opening = search.code if search.code in options else None
    ordered = [c for c in search.suggestions if c in options] if search is not None else []
    ordered += [c for c in options if c not in ordered]
    code = st.selectbox(
        t("region.choose", lang),
        ordered,
        format_func=options.get,
        key=f"region_code_{wanted}",
        index=ordered.index(opening) if opening in options else None,
        placeholder=t("region.pick", lang),
    )
    if code is None:
        controls.source_caption(view)
        st.stop()
    st.query_params["region"] = code

    status = presentation.status_label(presentation.status_of(national, code), lang)
    st.markdown(t("region.status", lang, date=format_date(view.as_of, lang), status=f"**{status}**"))
    basis = view.scope.basis
    plan = cache.plan_for(view.settings, view.scope)
    stuck = cache.plan_stages(view.settings, view.snapshot_id, basis).stuck
    if place := planning.region_place(plan, stuck, service.unit_code(code, basis), basis, lang):
        st.markdown(place)

    st.subheader(t("region.malls", lang))
    region_malls = view.of("region_malls", code=code)
    malls = presentation.display_malls(region_malls, lang)
    if malls.empty:
        st.info(t("region.no_malls", lang))
    else:
        labels = controls.column_labels(malls.columns, lang) | {"agencies": t("region.agencies_reported", lang)}
        controls.table(malls, hide_index=True, key="region_malls", column_config=labels)
        downloads.buttons(view, "malls", "malls", region=code)

    present, missing, has_data = presentation.region_agencies(service.presence_rows(data), code)  # what Agencies counts
    if not has_data:
        st.info(t("region.no_participation", lang))
    else:
        reported = presentation.reported_agencies(region_malls)
        if reported is not None:  # two sources, two counts: say which is which
            st.caption(
                t(
                    "region.agency_sources",
                    lang,
                    reported=format_number(reported, lang),
                    listed=format_number(len(present), lang),
                )
            )
        left, right = st.columns(2)
        left.subheader(t("region.agencies", lang))
        left.markdown("\n".join(f"- {md_text(a)}" for a in present) or "–")
        right.subheader(t("region.missing_mou", lang))
        right.markdown("\n".join(f"- {md_text(a)}" for a in missing) or "–")

    st.subheader(t("region.agreements", lang))
    stages = view.of("region_agreements", code=code)
    if stages.empty:
        st.info(t("region.no_agreements", lang))
    else:
        shown = present_use.display_region_agreements(stages, lang)
        controls.table(
            shown, hide_index=True, key="region_agreements", column_config=controls.column_labels(shown.columns, lang)
        )
    st.subheader(t("region.visits", lang))
    visits = view.of("region_visits", code=code)
    if visits.empty:
        st.info(t("region.no_visits", lang))
    else:
        shown = present_use.display_region_visits(visits, lang)
        controls.table(
            shown, hide_index=True, key="region_visits", column_config=controls.column_labels(shown.columns, lang)
        )
    controls.source_caption(view)
