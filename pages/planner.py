"""Rencana / Plan: which provinces will not make the target at their pace, what a national pace gives,
the regions at risk and those stuck in a stage, on either counting basis."""

import streamlit as st

from mpp_data import service
from mpp_data.present import plan as planning
from mpp_data.present.text import format_number, t
from ui import cache, controls, downloads, page

with page.boundary() as view:
    lang = view.lang
    controls.page_header(view, "plan.title")
    basis_column, target_column = st.columns(2)
    basis = basis_column.radio(
        t("plan.basis", lang),
        list(service.BASES),
        format_func=lambda b: t(f"basis.{b}", lang),
        horizontal=True,
        **page.kept("plan_basis", view.scope.basis),
    )
    target = target_column.date_input(
        t("plan.target", lang), format="DD/MM/YYYY", **page.kept("plan_target", view.settings.target_date)
    )
    plan = cache.plan_for(view.settings, view.scope.replace(basis=basis, target_date=target))
    history = cache.plan_stages(view.settings, view.snapshot_id, basis)
    scope = (plan.province(view.province) if view.province else None) or plan.national
    st.caption(planning.basis_units(basis, plan.national.total_units, lang))

    left, required, own, projected = st.columns(4)
    left.metric(
        t("column.units_left", lang),
        f"{format_number(scope.units_left, lang)} / {format_number(scope.total_units, lang)}",
    )
    required.metric(t("column.required_per_year", lang), planning.pace_text(scope.required_per_year, lang))
    own.metric(t("column.own_pace_per_year", lang), planning.pace_text(scope.own_pace_per_year, lang))
    projected.metric(
        t("column.projected_completion", lang),
        planning.completion_short(scope.projected_completion, lang),
        help=planning.completion_text(scope.projected_completion, lang),
    )
    for sentence in planning.headline(scope, plan.target_date, lang):
        st.markdown(sentence)

    st.subheader(t("plan.league.title", lang))
    statuses = st.multiselect(
        t("plan.filter_status", lang),
        list(planning.PLAN_STATUSES),
        format_func=lambda s: t(f"plan.status.{s}", lang),
        placeholder=t("plan.filter_all", lang),
        **page.kept("plan_statuses", []),
    )
    league = planning.league_display(plan, lang, tuple(statuses), province=view.province)
    st.dataframe(
        league,
        hide_index=True,
        key="plan_league",
        column_config=controls.column_labels(league.columns, lang)
        | {
            # name and status first: what a phone's 390 px shows; the figures scroll beside them
            "code": None,
            "province_name": st.column_config.TextColumn(t("column.province", lang), width=150, pinned=True),
            "plan_status": st.column_config.TextColumn(t("column.plan_status", lang), width=100),
        },
    )
    downloads.buttons(
        view, "plan", "plan", scope=view.scope.replace(basis=basis, target_date=target), statuses=tuple(statuses)
    )

    st.subheader(t("plan.whatif.title", lang))
    pace = st.slider(
        t("plan.whatif.pace", lang),
        min_value=0,
        max_value=planning.slider_top(plan),
        step=1,
        **page.kept("plan_pace", planning.slider_start(plan)),
    )
    st.markdown(planning.what_if_sentence(plan, float(pace), lang))

    st.subheader(t("plan.at_risk.title", lang))
    at_risk = planning.unit_rows(planning.in_province(plan.at_risk, view.province), lang)
    if at_risk.empty:
        st.info(t("plan.at_risk.none", lang))
    else:
        st.dataframe(
            at_risk, hide_index=True, key="plan_at_risk", column_config=controls.column_labels(at_risk.columns, lang)
        )

    st.subheader(t("plan.stuck.title", lang))
    stuck = planning.stuck_rows(planning.in_province(history.stuck, view.province), lang)
    if stuck.empty:
        st.info(t("plan.stuck.none", lang, months=history.threshold_months))
    else:
        st.dataframe(
            stuck, hide_index=True, key="plan_stuck", column_config=controls.column_labels(stuck.columns, lang)
        )

    st.subheader(t("plan.durations.title", lang))
    durations = planning.duration_rows(history.durations, view.province, lang, service.province_names())
    st.dataframe(
        durations,
        hide_index=True,
        key="plan_durations",
        column_config=controls.column_labels(durations.columns, lang),
    )
    st.caption(t("plan.history_uploads", lang, uploads=format_number(history.uploads, lang)))

    with st.expander(t("plan.definition.title", lang)):
        st.markdown("\n".join(f"- {line}" for line in planning.definitions(lang, history.threshold_months)))
    controls.source_caption(view)
