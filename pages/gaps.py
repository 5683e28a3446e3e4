"""Belum ada MPP / No MPP yet: the acceleration team's work list, downloadable."""

import streamlit as st

from mpp_data.present import display as presentation
from mpp_data.present.text import format_date, format_number, t
from ui import controls, downloads, page

with page.boundary() as view:
    lang = view.lang
    gaps = view.of("gap_list")
    controls.page_header(view, "gaps.title")
    counts = presentation.gap_counts(gaps)
    st.markdown(
        t(
            "gaps.summary",
            lang,
            count=format_number(len(gaps), lang),
            date=format_date(view.as_of, lang),
            **{k: format_number(v, lang) for k, v in counts.items()},
        )
    )
    left, right = st.columns(2)
    stages = left.multiselect(
        t("gaps.filter_stage", lang),
        ["under_construction", "planned", "none"],
        format_func=lambda s: presentation.status_label(s, lang),
        placeholder=t("upload.filter_all", lang),
        **page.kept("gap_stages", []),
    )
    search = right.text_input(t("gaps.search", lang), **page.kept("gap_search", ""))
    shown = presentation.display_gaps(presentation.filter_gaps(gaps, stages, search), lang)
    st.dataframe(shown, hide_index=True, key="gap_table", column_config=controls.column_labels(shown.columns, lang))
    downloads.buttons(view, "gaps", "gaps", stages=tuple(stages), search=search)
    controls.source_caption(view)
