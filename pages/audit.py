"""Log Audit / Audit log (admins): who changed what, when; filtered, and downloaded as CSV."""

import datetime as dt

import streamlit as st

from mpp_data import service
from mpp_data.present import admin, exports
from mpp_data.present.text import t
from ui import auth, cache, controls, page

with page.boundary() as view:
    lang, actor = view.lang, view.actor
    st.title(t("audit.title", lang))
    auth.refuse_unless(actor, service.Action.READ_AUDIT, lang)
    st.caption(t("audit.intro", lang))
    store = cache.store(view.settings)
    everything = service.audit_events(store, actor=actor)

    left, middle, right = st.columns(3)
    who = left.text_input(t("audit.who", lang), key="audit_who")
    action = middle.selectbox(
        t("audit.action", lang),
        ["", *sorted(everything["action"].unique(), key=lambda a: admin.action_label(a, lang))],
        format_func=lambda a: admin.action_label(a, lang) if a else t("audit.all_actions", lang),
        key="audit_action",
    )
    since = right.date_input(t("audit.since", lang), value=None, format="DD/MM/YYYY", key="audit_since")
    start = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC) if since else None
    events = service.audit_events(store, actor=actor, since=start, who=who or None, action=action or None)
    shown = admin.display_audit(events, lang)
    controls.table(shown, hide_index=True, key="audit_table", column_config=controls.column_labels(shown.columns, lang))
    # emails typed at a failed sign-in and file names are anyone's text: the CSV writer of every
    # download quotes them and keeps any piece of them from running as a formula
    st.download_button(
        t("audit.download", lang),
        exports.to_csv_bytes(shown, lang),
        f"audit-{dt.date.today().isoformat()}.csv",
        mime="text/csv",
        key="audit_download",
    )
