"""Provinsi / Provinces: the 38 provinces ranked by coverage, and the regencies/cities of one."""

from functools import partial

import streamlit as st

from mpp_data import service
from mpp_data.present import charts
from mpp_data.present import display as presentation
from mpp_data.present import plan as planning
from mpp_data.present.text import t
from ui import cache, controls, downloads, page

with page.boundary() as view:
    lang = view.lang
    provinces = view.of("coverage_by_province")
    table = presentation.display_provinces(provinces, view.province)
    controls.page_header(view, "provinces.title")
    basis = view.scope.basis
    st.caption(planning.basis_shown(basis, lang))
    st.markdown(presentation.full_provinces_sentence(presentation.display_provinces(provinces), lang))
    controls.table(
        presentation.full_marks(table),
        hide_index=True,
        key="provinces_table",
        column_config=controls.column_labels(table.columns, lang)
        | {
            # Rank, name and coverage fit a phone's 390 px; the other columns scroll.
            "rank": st.column_config.NumberColumn(t("column.rank", lang), width=56),
            "province_name": st.column_config.TextColumn(t("column.province", lang), width=165),
            # Whole percents: the column's printf format cannot write Indonesian decimal commas, and a
            # province of at most 38 regions never rounds up to 100%.
            "coverage_pct": st.column_config.ProgressColumn(
                t("column.coverage_pct", lang), min_value=0, max_value=100, format="%.0f%%", width=110
            ),
        },
    )
    if not view.province:  # one province's rank is in the table; a chart of one bar says nothing more
        controls.chart(charts.coverage_by_province(provinces, lang), "provinces_bar", lang)
    downloads.buttons(view, "provinces", "provinces")

    names = service.province_names()
    chosen = st.selectbox(
        t("provinces.choose", lang),
        list(names),
        format_func=names.get,
        **page.kept_following("province_detail", next(iter(names)), view.province),
    )
    regions = presentation.display_region_status(view.of("region_status", view.scope.replace(province=chosen)), lang)
    st.subheader(t("provinces.regions_of", lang, province=names[chosen]))
    place = cache.plan_for(view.settings, view.scope).province(chosen)
    if place is not None:
        st.markdown(planning.province_place(place, basis, lang))
    st.download_button(
        t("briefing.download", lang),
        partial(cache.briefing_deck, view.settings, view.scope.replace(province=chosen)),
        file_name=service.briefing_file_name(view.as_of, chosen, lang),
        key="briefing_province",
        help=t("briefing.download_help", lang),
        icon=":material/slideshow:",
    )
    controls.table(
        regions, hide_index=True, key="province_regions", column_config=controls.column_labels(regions.columns, lang)
    )
    controls.source_caption(view)
