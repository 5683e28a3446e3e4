"""Pengguna / Users (admins): who may sign in, with which role; one-time sign-in links."""

import streamlit as st

from mpp_data import service
from mpp_data.present import admin
from mpp_data.present.safe import md_text
from mpp_data.present.text import t
from ui import auth, cache, controls, page

with page.boundary() as view:
    lang, actor = view.lang, view.actor
    st.title(t("users.title", lang))
    auth.refuse_unless(actor, service.Action.MANAGE_USERS, lang)
    store = cache.store(view.settings)
    roles = [str(r) for r in service.Role]

    users = service.list_users(store, actor=actor)
    shown = admin.display_users(users, lang)
    controls.table(shown, hide_index=True, key="users_table", column_config=controls.column_labels(shown.columns, lang))

    st.subheader(t("users.add", lang))
    with st.form("add_user_form", border=False):
        left, right = st.columns(2)
        email = left.text_input(t("auth.email", lang), key="add_user_email")
        role = right.selectbox(
            t("users.role", lang), roles, format_func=lambda r: t(f"role.{r}", lang), key="add_user_role"
        )
        if st.form_submit_button(t("users.save", lang), key="add_user_save"):
            service.add_user(store, email, role, actor=actor)
            st.toast(t("users.added", lang, email=md_text(email)))
            st.rerun()

    if users.empty:
        st.stop()
    st.subheader(t("users.change", lang))
    chosen = st.selectbox(t("users.user", lang), users["email"].tolist(), key="change_user")
    current = next(user for user in users.to_dict("records") if user["email"] == chosen)
    left, middle, right = st.columns(3, vertical_alignment="bottom")
    # the picker starts at the chosen user's role (keyed by user), so a click never demotes by accident
    new_role = left.selectbox(
        t("users.role", lang),
        roles,
        index=roles.index(current["role"]),
        format_func=lambda r: t(f"role.{r}", lang),
        key=f"change_role_{chosen}",
    )
    if left.button(t("users.set_role", lang), key="change_role_save"):
        service.set_role(store, chosen, new_role, actor=actor)
        st.toast(t("users.done", lang))
        st.rerun()
    if current["active"]:
        confirmed = middle.checkbox(
            t("users.disable_confirm", lang, email=md_text(chosen)), key=f"disable_confirm_{chosen}"
        )
        if middle.button(t("users.disable", lang), key="disable_user", disabled=not confirmed):
            service.disable_user(store, chosen, actor=actor)
            st.toast(t("users.done", lang))
            st.rerun()
    elif middle.button(t("users.enable", lang), key="enable_user"):
        service.enable_user(store, chosen, actor=actor)
        st.toast(t("users.done", lang))
        st.rerun()
    if right.button(t("users.link", lang), key="make_link"):
        link = service.create_sign_in_link(store, chosen, actor=actor, base_url=view.settings.base_url)
        st.info(t("users.link_made", lang, email=md_text(chosen)))
        st.code(link, language=None)

    if st.button(t("users.end_sessions", lang), key="end_sessions", help=t("users.end_sessions_help", lang)):
        ended = service.end_user_sessions(store, chosen, actor=actor)
        st.toast(t("users.sessions_ended", lang, count=ended, email=md_text(chosen)))
