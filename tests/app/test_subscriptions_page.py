"""AppTest: the Subscriptions page is an admin's; an admin adds a subscription and an alert there, a bad
time is refused in the reader's language with nothing stored, and the send log is shown."""

from __future__ import annotations

import pytest

from mpp_data import service
from mpp_data.present.text import t
from tests.app.signing import open_app
from tests.conftest import ADMIN


@pytest.fixture(autouse=True)
def store_url(sqlite_url, monkeypatch) -> str:
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    monkeypatch.delenv("MPP_VIEW_REQUIRES_SIGN_IN", raising=False)
    return sqlite_url


@pytest.mark.parametrize("role", ["viewer", "analyst"])
def test_only_admins_see_the_subscriptions(store_url, role):
    at = open_app(store_url, role, "pages/subscriptions.py")
    assert t("auth.not_allowed_page", "id", role=t("role.admin", "id")) in [w.value for w in at.warning]
    assert not [d for d in at.main.dataframe]


def test_an_admin_adds_a_subscription_and_an_alert_and_every_change_is_audited(store_url):
    at = open_app(store_url, "admin", "pages/subscriptions.py")
    assert not at.exception, [e.message for e in at.exception]
    at.text_input(key="subscription_recipients").input("Kepala@Kemenpan.go.id, staf@kemenpan.go.id")
    at.selectbox(key="subscription_every").set_value("monthly")
    at.selectbox(key="subscription_day").set_value("15")
    at.text_input(key="subscription_time").input("08:30")
    at.button(key="subscription_save").click().run()
    assert not at.exception, [e.message for e in at.exception]
    at.text_input(key="alert_recipients").input("tim@kemenpan.go.id")
    at.selectbox(key="alert_kind").set_value("region_lost_mall")
    at.button(key="alert_save").click().run()
    assert not at.exception, [e.message for e in at.exception]
    store = service.open_store(store_url)
    [subscription] = service.list_subscriptions(store, actor=ADMIN)
    assert (subscription["recipients"], subscription["frequency"], subscription["day"],
            subscription["time_of_day"]) == (["kepala@kemenpan.go.id", "staf@kemenpan.go.id"], "monthly", 15,
                                             "08:30")  # fmt: skip
    [alert] = service.list_alerts(store, actor=ADMIN)
    assert alert["kind"] == "region_lost_mall"
    shown = [d.value for d in at.main.dataframe]
    assert any("kepala@kemenpan.go.id, staf@kemenpan.go.id" in list(frame["recipients"]) for frame in shown)
    actions = set(service.audit_events(store, actor=ADMIN)["action"])
    assert {"subscription.added", "alert.added"} <= actions


def test_a_bad_time_is_refused_in_the_readers_language_and_nothing_is_stored(store_url):
    at = open_app(store_url, "admin", "pages/subscriptions.py")
    at.text_input(key="subscription_recipients").input("a@kemenpan.go.id")
    at.text_input(key="subscription_time").input("7 pagi")
    at.button(key="subscription_save").click().run()
    expected = "Jam “7 pagi” tidak dapat dipakai: tulis JJ:MM, misalnya 07:00. Tidak ada yang disimpan."
    assert expected in [e.value for e in at.error]
    assert service.list_subscriptions(service.open_store(store_url), actor=ADMIN) == []


def test_subscriptions_and_alerts_are_listed_in_words_not_codes(store_url):
    store = service.open_store(store_url)
    service.add_subscription(store, ["a@kemenpan.go.id"], actor=ADMIN, frequency="weekly", day="wed",
                             time_of_day="07:00", province="61", lang="en", basis="panrb")  # fmt: skip
    service.add_alert(store, ["b@kemenpan.go.id"], actor=ADMIN, kind="plan_worse", lang="id")
    store.dispose()
    at = open_app(store_url, "admin", "pages/subscriptions.py")
    assert not at.exception, [e.message for e in at.exception]
    subscription, alert = [d.value for d in at.main.dataframe][:2]
    row = subscription.iloc[0]
    assert (row["frequency"], row["day"], row["lang"], row["basis"], row["province"]) == (
        "mingguan", "Rabu", "English", t("basis.panrb", "id"), "Provinsi Kalimantan Barat")  # fmt: skip
    assert row["content"] == "salindia, ringkasan, daftar belum ada MPP"
    assert (alert.iloc[0]["kind"], alert.iloc[0]["province"]) == (t("mail.alert_title.plan_worse", "id"), "Nasional")
    assert admin_day_labels(at) == ["Senin", "Tanggal 1"]


def admin_day_labels(at) -> list[str]:
    """How the form's day picker names its first weekday and its first day of the month."""
    picker = at.selectbox(key="subscription_day")
    return [picker.format_func("mon"), picker.format_func("1")]
