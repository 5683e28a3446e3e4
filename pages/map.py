"""Peta / Map: every kabupaten/kota on one map of Indonesia, by MPP status; works offline."""

import streamlit as st

from mpp_data.present import maps
from mpp_data.present.text import t
from ui import cache, controls, page

with page.boundary() as view:
    lang = view.lang
    official = cache.boundaries(view.settings)
    controls.page_header(view, "map.title")
    boundaries = official.boundaries if official else None
    shading = "province"
    if boundaries:
        shading = (
            st.segmented_control(
                t("map.shading_choice", lang),
                ["province", "region"],
                format_func=lambda s: t(f"map.shading.{s}", lang),
                **page.kept("map_shading", "province"),
            )
            or "province"
        )
    figure = cache.map_figure(view.settings, view.scope, shading, controls.on_a_phone())
    event = controls.chart(figure, "region_map", lang, on_select="rerun", selection_mode="points")
    chosen = [p.get("customdata") for p in (event.selection.points if event else []) if p.get("customdata")]
    if chosen:
        st.query_params["region"] = chosen[0]
        st.switch_page("pages/region.py")

    st.caption(t("map.points_note", lang))
    if not view.province:
        st.caption(t("map.zoom_hint", lang))
    if boundaries:
        st.caption(maps.coverage_legend(lang))
        if report := maps.boundaries_report(boundaries, lang):
            st.warning(report)
    elif official and official.error:  # a file that fails its checks never stops the map: points only
        st.warning(maps.boundaries_unusable(official.error.code, official.error.params, lang))
    else:
        st.caption(t("map.no_shading", lang))
    st.caption(t("map.credits", lang))
    controls.source_caption(view)
