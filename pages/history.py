"""Riwayat / History: every upload, and what changed between two of them."""

import streamlit as st

from mpp_data import service
from mpp_data.present import display as presentation
from mpp_data.present.safe import md_text
from mpp_data.present.text import format_number, t
from ui import cache, controls, downloads, page

with page.boundary() as view:
    lang = view.lang
    history_open = view.settings.history_open
    details = service.may_see_upload_details(view.actor, history_open=history_open)
    snapshots = cache.snapshots(view.settings, cache.view_version(view.settings), view.actor, history_open)
    st.title(t("history.title", lang))
    st.caption(t("history.intro", lang))
    table = presentation.display_snapshots(snapshots, lang)
    controls.table(
        table, hide_index=True, key="snapshots_table", column_config=controls.column_labels(table.columns, lang)
    )

    labels = presentation.snapshot_labels(snapshots, lang)
    ids = list(labels)

    chosen = st.selectbox(t("history.choose_snapshot", lang), ids, format_func=labels.get, key="originals_snapshot")
    if not details:
        # original files may carry a signatory's NIP; who loaded them and why rows were left out are staff's
        st.caption(t("history.details_hidden", lang))
    else:
        # Every upload keeps its original files and their check reports: fetch them again at any time.
        st.subheader(t("history.originals", lang, snapshot=chosen))
        files = service.source_files(cache.store(view.settings), chosen, actor=view.actor, history_open=history_open)
        for index, source in enumerate(files):
            left, right = st.columns(2)
            left.download_button(
                t("history.download_file", lang, file=md_text(source.file_name)),
                source.content,
                source.file_name,
                key=f"original_{chosen}_{index}",
            )
            downloads.button(
                right,
                view,
                "report",
                "csv",
                t("history.download_report", lang, file=md_text(source.file_name)),
                f"report_{chosen}_{index}",
                snapshot_id=chosen,
                file=source.file_name,
                help=t("history.download_report_help", lang, file=md_text(source.file_name)),
            )

        # What the analyst corrected or left out while loading it: written value -> corrected value, or the reason.
        st.subheader(t("history.amendments", lang, snapshot=chosen))
        amendments = service.snapshot_amendments(
            cache.store(view.settings), chosen, lang, actor=view.actor, history_open=history_open
        )
        if amendments.empty:
            st.caption(t("history.no_amendments", lang))
        else:
            controls.table(
                amendments,
                hide_index=True,
                key=f"amendments_{chosen}",
                column_config=controls.column_labels(amendments.columns, lang),
            )

    if service.can(view.actor, service.Action.WITHDRAW_SNAPSHOT) and len(ids) > 1:
        with st.expander(t("history.withdraw", lang, snapshot=chosen), expanded=False):
            st.caption(t("history.withdraw_help", lang))
            reason = st.text_input(t("history.withdraw_reason", lang), key="withdraw_reason")
            if st.button(t("history.withdraw_button", lang), key="withdraw_snapshot"):
                service.withdraw_snapshot(
                    cache.store(view.settings), chosen, actor=view.actor, reason=reason.strip() or None
                )
                st.toast(t("history.withdrawn_done", lang, snapshot=chosen))
                st.rerun()

    if len(ids) < 2:
        st.stop()  # st.stop passes through the boundary
    left, right = st.columns(2)
    before = left.selectbox(t("history.before", lang), ids, index=1, format_func=labels.get, key="diff_before")
    after = right.selectbox(t("history.after", lang), ids, index=0, format_func=labels.get, key="diff_after")
    changes = cache.snapshot_diff(view.settings, before, after)
    st.markdown(t("history.summary", lang, **{k: format_number(v, lang) for k, v in changes.summary.items()}))
    for name in changes.summary:
        frame = presentation.display_changes(getattr(changes, name), lang)
        with st.expander(f"{t(f'history.{name}', lang)} ({format_number(len(frame), lang)})", expanded=False):
            if frame.empty:
                st.caption(t("history.none", lang))
            else:
                controls.table(
                    frame,
                    hide_index=True,
                    key=f"diff_{name}",
                    column_config=controls.column_labels(frame.columns, lang),
                )
