"""Unggah Data / Upload data: check exports, correct what was misread, then load them as a new snapshot."""

import streamlit as st

from mpp_data import service
from mpp_data.errors import AliasConflict, MppDataError
from mpp_data.present import maps, upload_report
from mpp_data.present.messages import issue_kind_label
from mpp_data.present.safe import md_text
from mpp_data.present.text import error_message, format_date, format_number, t
from ui import auth, cache, controls, page, upload


def admin_section(view: page.View) -> None:
    """For admins, after the main work: the official boundary file for the map's shading."""
    lang, actor, settings = view.lang, view.actor, view.settings
    if not service.can(actor, service.Action.SET_BOUNDARIES):  # official boundaries: admins only
        return
    with st.expander(t("upload.admin", lang), expanded=False):
        st.caption(t("upload.boundaries_help", lang))
        geojson = controls.file_uploader(
            t("upload.boundaries", lang),
            types=["geojson", "json"],
            key="boundaries_file",
            limit_mb=settings.max_upload_mb,
            lang=lang,
        )
        if geojson is not None and st.button(t("upload.boundaries_save", lang), key="boundaries_save"):
            try:
                saved = service.save_boundaries(
                    cache.store(settings), geojson.name, geojson.getvalue(), actor=actor, settings=settings
                )
            except MppDataError as exc:
                problem = error_message(exc.code, exc.params, lang, escape=md_text)
                st.error(t("upload.boundaries_invalid", lang, problem=problem))
            else:
                st.success(t("upload.boundaries_saved", lang, regions=format_number(len(saved.regions), lang)))
                if report := maps.boundaries_report(saved, lang):
                    st.warning(report)
        if st.session_state.pop("_boundaries_removed", False):
            st.success(t("upload.boundaries_removed", lang))
        in_use = service.boundary_version(cache.store(settings), settings=settings)
        if in_use and in_use.from_setting:
            st.caption(t("upload.boundaries_from_setting", lang, file=md_text(in_use.name)))
        elif in_use:
            st.caption(t("upload.boundaries_current", lang, file=md_text(in_use.name)))
            if st.button(t("upload.boundaries_remove", lang), key="boundaries_remove"):
                service.remove_boundaries(cache.store(settings), actor=actor)
                st.session_state["_boundaries_removed"] = True  # said on the rerun, which no longer lists it
                st.rerun()


def saved_aliases_section(view: page.View) -> None:
    """The region names analysts confirmed, each removable."""
    lang, actor = view.lang, view.actor
    aliases = service.saved_aliases(cache.store(view.settings))
    with st.expander(t("upload.aliases", lang, count=format_number(len(aliases), lang)), expanded=False):
        st.caption(t("upload.aliases_help", lang))
        controls.table(
            aliases[["written", "region"]],
            hide_index=True,
            column_config={"written": t("column.alias_written", lang), "region": t("column.region_name", lang)},
            key="aliases_table",
        )
        if not aliases.empty and service.can(actor, service.Action.REMOVE_ALIAS):
            left, button = st.columns([4, 1], vertical_alignment="bottom")
            forget = left.selectbox(t("upload.alias_choose", lang), aliases["written"].tolist(), key="alias_choose")
            if button.button(t("upload.alias_remove", lang), key="alias_remove"):
                service.remove_alias(cache.store(view.settings), forget, actor=actor)
                st.toast(t("upload.alias_removed", lang, written=forget))
                st.rerun()


with page.boundary() as view:
    lang = view.lang
    st.title(t("upload.title", lang))
    auth.refuse_unless(view.actor, service.Action.CHECK_UPLOAD, lang)  # opened by URL without the role
    st.write(t("upload.intro", lang))
    limit_mb = view.settings.max_upload_mb  # the uploader refuses what the loader would

    if (loaded := upload.take_loaded()) and "equal_to" in loaded:
        st.info(service.equal_message(loaded["equal_to"], lang))
    elif loaded:
        st.success(t("upload.loaded", lang, **loaded["summary"]))
        for what, snapshot in loaded["carried"].items():
            st.info(t("upload.carried", lang, what=t(f"upload.what.{what}", lang), snapshot=snapshot))

    widget = controls.file_uploader(
        t("upload.files", lang),
        types=["xlsx", "xlsm", "xls", "ods", "csv"],
        accept_multiple_files=True,
        key=upload.uploader_key(),
        limit_mb=limit_mb,
        lang=lang,
    )
    st.caption(t("upload.files_help", lang, limit=format_number(limit_mb, lang)))
    files = upload.uploaded_files(widget)
    if not files:
        saved_aliases_section(view)
        admin_section(view)
        st.stop()

    store = cache.store(view.settings)
    result = upload.checked(files, store, lang, view.actor, view.settings)

    st.info(upload_report.counts_sentence(result, lang))

    st.subheader(t("upload.report", lang))
    issues = service.issues_table(result, lang)
    if issues.empty:
        st.success(t("upload.no_issues", lang))
    else:
        left, right = st.columns(2)
        severities = left.multiselect(
            t("upload.filter_severity", lang),
            [t("severity.error", lang), t("severity.warning", lang)],
            placeholder=t("upload.filter_all", lang),
            key="filter_severity",
        )
        kinds = right.multiselect(
            t("upload.filter_kind", lang),
            result.issue_kinds,
            format_func=lambda k: issue_kind_label(k, lang),
            placeholder=t("upload.filter_all", lang),
            key="filter_kind",
        )
        shown = service.filter_issues(issues, severities, kinds)
        phone = controls.on_a_phone()
        controls.table(
            shown,
            hide_index=True,
            column_config=upload.report_columns(shown.columns, lang, phone=phone),
            column_order=upload.report_order(phone),
            row_height=upload.report_row_height(phone),
            key="issues_table",
        )

    questions = service.region_questions(result)
    if questions:
        st.subheader(t("upload.fix_regions", lang))
        st.caption(t("upload.fix_regions_help", lang))
        choices = service.region_choices()
        chosen = {}
        for index, question in enumerate(questions[:40]):
            options = ["", *question.candidates, *(c for c in choices if c not in question.candidates)]
            chosen[question.written] = st.selectbox(
                t("upload.fix_choose", lang, written=md_text(question.written), rows=question.rows),
                options,
                format_func=lambda c: choices.get(c, t("upload.fix_placeholder", lang)),
                key=f"fix_region_{index}",
            )
        if st.button(t("upload.fix_save", lang), key="fix_save"):
            saved, refused = 0, []
            for written, code in chosen.items():
                if not code:
                    continue
                try:
                    service.remember_alias(store, written, code, actor=view.actor)
                except AliasConflict as refusal:
                    refused.append(t(refusal.code, lang, **refusal.params))
                else:
                    saved += 1
            for message in refused:
                st.error(message)
            if not refused:
                st.toast(t("upload.fix_saved", lang, count=saved))
                st.rerun()

    editable = service.correction_table(result, upload.cell_corrections(), lang, upload.file_ids(files))
    if not editable.empty:
        st.subheader(t("upload.corrections", lang))
        st.caption(t("upload.corrections_help", lang))
        phone = controls.on_a_phone()
        order = upload.editor_order(phone)
        edited = st.data_editor(
            editable,
            hide_index=True,
            key=upload.EDITOR,
            disabled=[c for c in editable.columns if c not in service.CORRECTION_EDITABLE],
            column_config=controls.fitted(editable, upload.editor_columns(editable.columns, lang, phone), order),
            column_order=order,
        )
        if upload.take_edits(edited, files):
            st.rerun()
        for name, sheet_name, row in service.unexplained_rows(edited):
            st.warning(t("upload.reason_needed", lang, row=row, sheet=md_text(sheet_name), file=md_text(name)))

    errors = result.error_count
    how: dict[str, object] = {}
    if not errors and result.snapshot_id is None:
        # what the load will do, before it does it, in the mode chosen (auto: from the files)
        st.subheader(t("load_plan.title", lang))
        mode = st.radio(
            t("plan.choose_mode", lang),
            service.LOAD_MODES,
            horizontal=True,
            key="load_mode",
            format_func=lambda m: t(f"plan.choice.{m}", lang),
        )
        plan = service.load_plan(result, store, mode)
        for sentence in service.plan_sentences(plan, lang):
            st.markdown(md_text(sentence))
        if len(plan.by_province):
            controls.table(service.plan_table(plan, lang), hide_index=True, key="plan_table")
        if result.data_as_of:
            st.caption(t("plan.data_date_found", lang, date=format_date(result.data_as_of, lang)))
            data_date = result.data_as_of
        else:
            data_date = st.date_input(
                t("plan.data_date", lang), key="data_date", format="DD/MM/YYYY", help=t("plan.data_date_help", lang)
            )
        confirmed = False
        if plan.needs_confirmation:
            confirmed = st.checkbox(
                t(
                    "plan.confirm",
                    lang,
                    removed=format_number(plan.operating_removed, lang),
                    operating=format_number(plan.operating_before, lang),
                    share_pct=format_number(plan.removed_share_pct, lang, 1),
                ),
                key="confirm_replace",
            )
        how = {"mode": mode, "data_as_of": data_date, "confirm_replace": confirmed}
        blocked = plan.needs_confirmation and not confirmed
    else:
        blocked = False
    if errors:
        st.warning(t("upload.blocked", lang, errors=format_number(errors, lang)))
    loading = st.button(t("upload.load", lang), type="primary", disabled=bool(errors) or blocked, key="load")
    if loading:
        done = upload.load(files, store, lang, view.actor, view.settings, **how)
        if done.snapshot_id is not None or done.equal_to is not None:
            st.rerun()

    st.subheader(t("upload.recognised", lang))
    st.caption(t("upload.recognised_help", lang))
    for index, sheet in enumerate(result.sheets):
        title = f"{md_text(sheet.file)} · {md_text(sheet.sheet)} · {t(f'upload.kind.{sheet.kind}', lang)}"
        with st.expander(title, expanded=False):
            controls.table(
                {
                    t("column.header", lang): list(sheet.columns),
                    t("column.field", lang): [upload.field_label(f, lang) for f in sheet.columns.values()],
                },
                hide_index=True,
            )
            left, right, button = st.columns([3, 3, 2], vertical_alignment="bottom")
            header = left.selectbox(t("column.header", lang), list(sheet.columns), key=f"map_header_{index}")
            field = right.selectbox(
                t("column.field", lang),
                upload.FIELDS,
                format_func=lambda f: upload.field_label(f, lang),
                key=f"map_field_{index}",
            )
            if button.button(t("upload.fix_save", lang), key=f"map_apply_{index}"):
                upload.set_override(sheet.file, sheet.sheet, header, field)
                st.rerun()

    saved_aliases_section(view)
    admin_section(view)
