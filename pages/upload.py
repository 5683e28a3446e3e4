"""Unggah Data / Upload data: check exports, correct what was misread, then load them as a new snapshot."""

import streamlit as st

from mpp_data import service
from mpp_data.errors import MppDataError
from mpp_data.present import maps
from mpp_data.present.safe import md_text
from mpp_data.present.text import format_number, issue_kind_label, t
from ui import auth, cache, page, upload

with page.boundary() as view:
    lang = view.lang
    st.title(t("upload.title", lang))
    auth.refuse_unless(view.actor, service.Action.CHECK_UPLOAD, lang)  # opened by URL without the role
    st.write(t("upload.intro", lang))
    limit_mb = service.max_upload_mb()  # the uploader refuses what the loader would

    if loaded := upload.take_loaded():
        st.success(t("upload.loaded", lang, **loaded["summary"]))
        for what, snapshot in loaded["carried"].items():
            st.info(t("upload.carried", lang, what=t(f"upload.what.{what}", lang), snapshot=snapshot))

    if service.can(view.actor, service.Action.SET_BOUNDARIES):  # official boundaries: admins only
        with st.expander(t("upload.boundaries", lang), expanded=False):
            st.caption(t("upload.boundaries_help", lang))
            geojson = st.file_uploader(
                t("upload.boundaries", lang), type=["geojson", "json"], key="boundaries_file", max_upload_size=limit_mb
            )
            if geojson is not None and st.button(t("upload.boundaries_save", lang), key="boundaries_save"):
                try:
                    saved = service.save_boundaries(cache.store(), geojson.name, geojson.getvalue(), actor=view.actor)
                except MppDataError:
                    st.error(t("upload.boundaries_invalid", lang, file=md_text(geojson.name)))
                else:
                    st.success(t("upload.boundaries_saved", lang, regions=format_number(len(saved.regions), lang)))
                    if report := maps.boundaries_report(saved, lang):
                        st.warning(report)

    widget = st.file_uploader(
        t("upload.files", lang),
        type=["xlsx", "xlsm", "xls", "ods", "csv"],
        accept_multiple_files=True,
        key="upload_files",
        max_upload_size=limit_mb,
    )
    files = upload.uploaded_files(widget)
    if not files:
        st.stop()

    store = cache.store()
    result = upload.checked(files, store, lang, view.actor)

    counts = result.counts
    st.info(
        t(
            "upload.counts",
            lang,
            read=format_number(counts["rows_read"], lang),
            loaded=format_number(counts["rows_loaded"], lang),
            rejected=format_number(counts["rows_rejected"], lang),
            skipped=format_number(counts["rows_skipped"], lang),
        )  # fmt: skip
    )

    st.subheader(t("upload.report", lang))
    issues = service.issues_table(result, lang)
    if issues.empty:
        st.success(t("upload.no_issues", lang))
    else:
        left, right = st.columns(2)
        severities = left.multiselect(
            t("upload.filter_severity", lang), [t("severity.error", lang), t("severity.warning", lang)],
            placeholder=t("upload.filter_all", lang), key="filter_severity",
        )  # fmt: skip
        kinds = right.multiselect(
            t("upload.filter_kind", lang),
            result.issue_kinds,
            format_func=lambda k: issue_kind_label(k, lang),
            placeholder=t("upload.filter_all", lang),
            key="filter_kind",
        )
        shown = service.filter_issues(issues, severities, kinds)
        st.dataframe(
            shown,
            hide_index=True,
            column_config={c: t(f"column.{c}", lang) for c in shown.columns},
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
            saved = [
                service.remember_alias(store, written, code, actor=view.actor)
                for written, code in chosen.items()
                if code
            ]
            st.toast(t("upload.fix_saved", lang, count=len(saved)))
            st.rerun()

    errors = result.error_count
    if errors:
        st.warning(t("upload.blocked", lang, errors=format_number(errors, lang)))
    loading = st.button(t("upload.load", lang), type="primary", disabled=bool(errors), key="load")
    if loading and upload.load(files, store, lang, view.actor).snapshot_id is not None:
        st.rerun()

    st.subheader(t("upload.recognised", lang))
    st.caption(t("upload.recognised_help", lang))
    for index, sheet in enumerate(result.sheets):
        title = f"{md_text(sheet.file)} · {md_text(sheet.sheet)} · {t(f'upload.kind.{sheet.kind}', lang)}"
        with st.expander(title, expanded=False):
            st.dataframe(
                {
                    t("column.header", lang): list(sheet.columns),
                    t("column.field", lang): [upload.field_label(f, lang) for f in sheet.columns.values()],
                },  # fmt: skip
                hide_index=True,
            )
            left, right, button = st.columns([3, 3, 2], vertical_alignment="bottom")
            header = left.selectbox(t("column.header", lang), list(sheet.columns), key=f"map_header_{index}")
            field = right.selectbox(
                t("column.field", lang), upload.FIELDS, format_func=lambda f: upload.field_label(f, lang),
                key=f"map_field_{index}",
            )  # fmt: skip
            if button.button(t("upload.fix_save", lang), key=f"map_apply_{index}"):
                upload.set_override(sheet.file, sheet.sheet, header, field)
                st.rerun()
