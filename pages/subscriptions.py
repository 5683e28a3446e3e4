"""Langganan / Subscriptions (admins): who gets which briefing when, the alerts, and the send log."""

import streamlit as st

from mpp_data import service
from mpp_data.present import admin
from mpp_data.present.text import t
from ui import auth, cache, controls, page

KINDS = ("coverage_changed", "region_lost_mall", "plan_worse", "no_upload")


def table(rows: list[dict], columns: list[str]) -> None:
    if not rows:
        st.caption(t("subscriptions.none", lang))
        return
    shown = [{c: r[c] for c in columns} for r in admin.subscription_rows(rows, lang)]
    controls.table(shown, hide_index=True, column_config=controls.column_labels(columns, lang))


with page.boundary() as view:
    lang, actor = view.lang, view.actor
    st.title(t("subscriptions.title", lang))
    auth.refuse_unless(actor, service.Action.MANAGE_SUBSCRIPTIONS, lang)
    store = cache.store(view.settings)
    provinces = service.province_names()

    st.subheader(t("subscriptions.list", lang))
    table(
        service.list_subscriptions(store, actor=actor),
        ["id", "recipients", "province", "lang", "basis", "frequency", "day", "time_of_day", "zone", "content"],
    )
    with st.form("add_subscription"):
        st.markdown(f"**{t('subscriptions.add', lang)}**")
        recipients = st.text_input(t("subscriptions.recipients", lang), key="subscription_recipients")
        left, middle, right = st.columns(3)
        province = left.selectbox(
            t("subscriptions.province", lang),
            ["", *provinces],
            key="subscription_province",
            format_func=lambda c: provinces.get(c, "–"),
        )
        mail_lang = middle.selectbox(
            t("subscriptions.lang", lang), ["id", "en"], format_func=admin.LANGUAGE_NAMES.get, key="subscription_lang"
        )
        basis = right.selectbox(
            t("column.basis", lang),
            list(service.BASES),
            format_func=lambda b: t(f"basis.{b}", lang),
            key="subscription_basis",
        )
        frequency = left.selectbox(
            t("subscriptions.frequency", lang),
            admin.FREQUENCIES,
            format_func=lambda f: t(f"subscriptions.every.{f}", lang),
            key="subscription_every",
        )
        day = middle.selectbox(
            t("subscriptions.day", lang),
            admin.DAY_CHOICES,
            format_func=lambda d: admin.day_label(d, lang),
            key="subscription_day",
        )
        time_of_day = right.text_input(t("subscriptions.time", lang), "07:00", key="subscription_time")
        zone = left.text_input(t("subscriptions.zone", lang), "Asia/Jakarta", key="subscription_zone")
        content = middle.multiselect(
            t("subscriptions.content", lang),
            admin.MAIL_PARTS,
            admin.MAIL_PARTS,
            format_func=lambda p: t(f"subscriptions.part.{p}", lang),
            key="subscription_content",
        )
        if st.form_submit_button(t("subscriptions.save", lang), key="subscription_save"):
            saved = service.add_subscription(
                store,
                [recipients],
                actor=actor,
                frequency=frequency,
                day=day,
                time_of_day=time_of_day,
                zone=zone,
                province=province or None,
                lang=mail_lang,
                basis=basis,
                content=content,
            )
            st.success(t("mail.added", lang, id=saved))
            st.rerun()

    st.subheader(t("subscriptions.alerts", lang))
    table(service.list_alerts(store, actor=actor), ["id", "recipients", "kind", "province", "lang"])
    with st.form("add_alert"):
        st.markdown(f"**{t('subscriptions.add_alert', lang)}**")
        alert_to = st.text_input(t("subscriptions.recipients", lang), key="alert_recipients")
        left, middle, right = st.columns(3)
        kind = left.selectbox(
            t("subscriptions.alert_kind", lang),
            KINDS,
            key="alert_kind",
            format_func=lambda k: t(f"mail.alert_title.{k}", lang),
        )
        alert_province = middle.selectbox(
            t("subscriptions.province", lang),
            ["", *provinces],
            key="alert_province",
            format_func=lambda c: provinces.get(c, "–"),
        )
        alert_lang = right.selectbox(
            t("subscriptions.lang", lang), ["id", "en"], format_func=admin.LANGUAGE_NAMES.get, key="alert_lang"
        )
        if st.form_submit_button(t("subscriptions.save", lang), key="alert_save"):
            saved = service.add_alert(
                store, [alert_to], actor=actor, kind=kind, province=alert_province or None, lang=alert_lang
            )
            st.success(t("mail.alert_added", lang, id=saved))
            st.rerun()

    left, right = st.columns(2)
    number = left.number_input(t("subscriptions.remove", lang), min_value=1, step=1, key="remove_number")
    if left.button(t("subscriptions.remove", lang) + " · " + t("subscriptions.list", lang), key="remove_subscription"):
        service.remove_subscription(store, int(number), actor=actor)
        st.rerun()
    if right.button(t("subscriptions.remove", lang) + " · " + t("subscriptions.alerts", lang), key="remove_alert"):
        service.remove_alert(store, int(number), actor=actor)
        st.rerun()

    st.subheader(t("subscriptions.log", lang))
    log = admin.display_send_log(service.send_log(store, actor=actor), lang)
    if log.empty:
        st.caption(t("subscriptions.none", lang))
    else:
        controls.table(log, hide_index=True, column_config=controls.column_labels(log.columns, lang))
