"""AppTest: every write page for each role (anonymous, viewer, analyst, admin), the one-time link, the
sign-in form and its lockout, and viewing closed by ``MPP_VIEW_REQUIRES_SIGN_IN=1``."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from mpp_data import service
from mpp_data.errors import MppDataError
from mpp_data.present.safe import md_text
from mpp_data.present.text import t
from mpp_data.store import accounts
from tests.app.signing import follow, link_token, open_app, visit
from tests.app.test_downloads import served  # noqa: F401 - the fixture recording downloaded bytes
from tests.conftest import ADMIN, ROOT, sample_as_real_files

ROLES = [None, "viewer", "analyst", "admin"]
PASSWORD = "kata-sandi-yang-panjang"


@pytest.fixture(autouse=True)
def store_url(sqlite_url, monkeypatch) -> str:
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    monkeypatch.delenv("MPP_VIEW_REQUIRES_SIGN_IN", raising=False)
    return sqlite_url


def texts(at: AppTest, kind: str) -> list[str]:
    return [e.value for e in getattr(at, kind)]


def widget_keys(at: AppTest) -> set[str]:
    return {getattr(w, "key", None) for w in at._tree.children.values() for w in _walk(w)} - {None}


def table_with(at: AppTest, column: str):  # a DataFrame or None
    """The page's table with this column (AppTest finds dataframes by position, not key)."""
    found = [d.value for d in at.main.dataframe if column in d.value.columns]
    return found[0] if found else None


def _walk(node):  # AppTest tree nodes
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


@pytest.mark.parametrize("role", ROLES)
def test_the_upload_page_for_each_role(store_url, role):
    at = open_app(store_url, role, "pages/upload.py")
    keys = widget_keys(at)
    if role is None:
        assert t("auth.how_to_get_access", "id") in texts(at, "info"), "the anonymous visitor is told how to get in"
    if role in (None, "viewer"):
        assert "upload_files" not in keys and "boundaries_file" not in keys
    if role == "viewer":
        assert t("auth.not_allowed_page", "id", role=t("role.analyst", "id")) in texts(at, "warning")
    if role == "analyst":
        assert "upload_files" in keys and "boundaries_file" not in keys, "boundaries are an admin's"
    if role == "admin":
        assert {"upload_files", "boundaries_file"} <= keys


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("page", "column"), [("pages/users.py", "email"), ("pages/audit.py", "action")])
def test_the_users_and_audit_pages_are_an_admins(store_url, role, page, column):
    at = open_app(store_url, role, page)
    if role == "admin":
        assert table_with(at, column) is not None
    else:
        assert table_with(at, column) is None
        refused = texts(at, "info") if role is None else texts(at, "warning")
        expected = "auth.how_to_get_access.admin" if role is None else "auth.not_allowed_page"
        assert t(expected, "id", role=t("role.admin", "id")) in refused
        assert t("auth.how_to_get_access", "id") not in refused, "not told to sign in as an analyst to upload"


def test_an_admin_adds_a_user_and_makes_a_link_and_the_audit_page_shows_it(store_url):
    at = open_app(store_url, "admin", "pages/users.py")
    at.text_input(key="add_user_email").input("baru@example.go.id")
    at.selectbox(key="add_user_role").set_value("analyst")
    at.button(key="add_user_save").click().run()
    assert not at.exception, [e.message for e in at.exception]
    at.selectbox(key="change_user").set_value("baru@example.go.id")
    at.button(key="make_link").click().run()
    assert not at.exception
    (link,) = [c.value for c in at.code]
    assert "?signin=" in link
    at.switch_page("pages/audit.py").run()
    assert not at.exception, [e.message for e in at.exception]
    events = table_with(at, "action")
    # the actions in words, never their codes (user.added, sign_in)
    assert {"Pengguna ditambahkan", "Tautan masuk dibuat", "Masuk"} <= set(events["action"])
    assert "Cara: tautan sekali pakai" in set(events["details"]), "details in words, not method: link"
    assert not {"user.added", "sign_in", "sign_in_link.created"} & set(events["action"])
    assert all("+00:00" not in at_ and "UTC" not in at_ for at_ in events["at"]), "the header names the zone once"
    assert at.selectbox(key="audit_action").format_func("") == "Semua tindakan", "not Choose an option"
    assert at.selectbox(key="audit_action").format_func("user.added") == "Pengguna ditambahkan"
    at.selectbox(key="audit_action").set_value("user.added").run()
    assert table_with(at, "action")["object"].tolist() == ["baru@example.go.id", "admin@example.go.id"]  # newest first


def test_the_users_table_names_roles_in_words_and_says_when_each_was_added(store_url):
    service.add_user(service.open_store(store_url), "ana@example.go.id", "analyst", actor=ADMIN)
    at = open_app(store_url, "admin", "pages/users.py")
    for lang, analyst, added in [("id", "analis", "Ditambahkan (UTC)"), ("en", "analyst", "Added (UTC)")]:
        at.radio(key="lang").set_value(lang).run()
        users = table_with(at, "email")
        assert dict(zip(users["email"], users["role"], strict=True))["ana@example.go.id"] == analyst
        assert "added_at" in users.columns and "created_at" not in users.columns
        assert t("column.added_at", lang) == added
        assert all("+00:00" not in v and ":" in v for v in users["added_at"])


def test_the_users_page_starts_at_each_users_role_confirms_disabling_enables_and_keeps_the_last_admin(store_url):
    store = service.open_store(store_url)
    service.add_user(store, "kepala@example.go.id", "admin", actor=ADMIN)
    service.add_user(store, "ana@example.go.id", "analyst", actor=ADMIN)
    at = open_app(store_url, "admin", "pages/users.py")
    for email, role in [("kepala@example.go.id", "admin"), ("ana@example.go.id", "analyst")]:
        at.selectbox(key="change_user").set_value(email).run()
        # on main the picker started at "pembaca" for everyone: one click demoted the only admin
        assert at.selectbox(key=f"change_role_{email}").value == role
    assert at.button(key="disable_user").proto.disabled, "disabling waits for the confirmation"
    at.checkbox(key="disable_confirm_ana@example.go.id").check().run()
    at.button(key="disable_user").click().run()
    assert not accounts.load_user(store, "ana@example.go.id")["active"]
    at.button(key="enable_user").click().run()
    assert accounts.load_user(store, "ana@example.go.id")["active"]

    at.selectbox(key="change_user").set_value("kepala@example.go.id").run()
    at.checkbox(key="disable_confirm_kepala@example.go.id").check().run()
    at.button(key="disable_user").click().run()
    at.selectbox(key="change_user").set_value("admin@example.go.id").run()
    at.selectbox(key="change_role_admin@example.go.id").set_value("viewer")
    at.button(key="change_role_save").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert t("error.last_admin", "id", email=md_text("admin@example.go.id")) in texts(at, "error")
    assert accounts.load_user(store, "admin@example.go.id")["role"] == "admin"
    store.dispose()


def test_a_one_time_link_signs_in_once(store_url):
    token = link_token(store_url, "analyst")
    first = visit(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90), store_url, f"/?signin={token}")
    assert any(md_text("analyst@example.go.id") in c.value for c in first.sidebar.caption)
    again = visit(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90), store_url, f"/?signin={token}")
    assert t("error.sign_in_link_invalid", "id") in texts(again.sidebar, "error")
    assert not any(md_text("analyst@example.go.id") in c.value for c in again.sidebar.caption)


def test_the_sign_in_form_counts_five_failures_and_still_lets_the_right_password_in(store_url):
    store = service.open_store(store_url)
    service.add_user(store, "ana@example.go.id", "analyst", actor=ADMIN)
    service.set_password(store, "ana@example.go.id", PASSWORD, actor=ADMIN)
    at = open_app(store_url, None)
    for _ in range(5):
        at.text_input(key="sign_in_email").input("ana@example.go.id")
        at.text_input(key="sign_in_password").input("salah sekali")
        at.button(key="sign_in_submit").click().run()
        assert t("error.sign_in_failed", "id") in texts(at, "error")
    assert service.recent_failures(store, "ana@example.go.id") == 5
    at.text_input(key="sign_in_email").input("ana@example.go.id")
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button(key="sign_in_submit").click().run()
    follow(at, store_url)  # the browser goes to the session route with the form's one-time handoff
    # on main five failures locked the account and the right password was refused for 15 minutes
    assert any(md_text("ana@example.go.id") in c.value for c in at.sidebar.caption)
    assert t("error.sign_in_failed", "id") not in texts(at, "error")
    store.dispose()


def test_the_sign_in_form_with_the_right_password_opens_the_upload_page(store_url):
    store = service.open_store(store_url)
    service.add_user(store, "ana@example.go.id", "analyst", actor=ADMIN)
    service.set_password(store, "ana@example.go.id", PASSWORD, actor=ADMIN)
    store.dispose()
    at = open_app(store_url, None)
    at.text_input(key="sign_in_email").input("ana@example.go.id")
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button(key="sign_in_submit").click().run()
    follow(at, store_url)  # the browser goes to the session route with the form's one-time handoff
    assert not at.exception, [e.message for e in at.exception]
    at.switch_page("pages/upload.py").run()
    assert "upload_files" in widget_keys(at)
    at.button(key="sign_out").click().run()
    at.switch_page("pages/upload.py").run()
    assert "upload_files" not in widget_keys(at)


def test_viewing_can_require_sign_in(store_url, monkeypatch):
    monkeypatch.setenv("MPP_VIEW_REQUIRES_SIGN_IN", "1")
    closed = open_app(store_url, None)
    assert texts(closed, "info") == [t("auth.required", "id")]
    assert not closed.metric, "no figure is shown to someone not signed in"
    viewer = open_app(store_url, "viewer")
    assert viewer.metric, "a signed-in viewer sees the overview"


def test_history_shows_who_loaded_each_snapshot_to_analysts_only(store_url):
    at = open_app(store_url, "analyst", "pages/history.py")
    table = table_with(at, "loaded_by")
    assert table["loaded_by"].tolist() == ["Sistem (data contoh saat mulai pertama)"]  # not system:first-start
    assert any(key.startswith("original_") for key in widget_keys(at))


@pytest.mark.parametrize("role", [None, "viewer"])
def test_history_shows_viewers_and_visitors_the_uploads_but_not_files_emails_or_reasons(store_url, role):
    """On main an anonymous visitor downloaded the original workbooks and read staff e-mails."""
    at = open_app(store_url, role, "pages/history.py")
    table = table_with(at, "source_files")
    assert table is not None and len(table) == 1, "that an upload happened, and when"
    assert "loaded_by" not in table.columns
    assert not any(key.startswith(("original_", "report_", "amendments_")) for key in widget_keys(at))
    assert t("history.details_hidden", "id") in [c.value for c in at.main.caption]
    with pytest.raises(MppDataError):
        service.source_files(service.open_store(store_url), 1, actor=None)


def test_a_deployment_may_open_history_to_every_viewer(store_url, monkeypatch):
    monkeypatch.setenv("MPP_HISTORY_OPEN", "1")
    at = open_app(store_url, None, "pages/history.py")
    assert table_with(at, "loaded_by") is not None
    assert any(key.startswith("original_") for key in widget_keys(at))


def test_the_audit_download_runs_no_formula_typed_at_the_sign_in_form(store_url, served):  # noqa: F811
    store = service.open_store(store_url)
    with pytest.raises(MppDataError):
        service.sign_in(store, '=HYPERLINK("http://x")', "anything")
    store.dispose()
    at = open_app(store_url, "admin", "pages/audit.py")
    assert [b.proto.label for b in at.get("download_button")] == [t("audit.download", "id")]
    (csv,) = [content.decode("utf-8-sig").lower() for name, content in served.items() if name.startswith("audit-")]
    assert "'=hyperlink" in csv, "the typed email, recorded (lower case) and kept as text"
    assert ",=hyperlink" not in csv and '"=hyperlink' not in csv


def test_an_admin_withdraws_a_snapshot_from_view_on_history_and_it_stays_on_record(store_url):
    store = service.open_store(store_url)
    # the sample's rows in re-saved files: the bundled sample again would equal snapshot 1 and store nothing
    second = service.ingest_files(sample_as_real_files(), store, actor=ADMIN).snapshot_id
    assert store.latest_snapshot_id() == second == 2
    for role in ("viewer", "analyst"):
        assert "withdraw_snapshot" not in widget_keys(open_app(store_url, role, "pages/history.py"))
    at = open_app(store_url, "admin", "pages/history.py")
    assert at.selectbox(key="originals_snapshot").value == 2
    at.text_input(key="withdraw_reason").input("salah unggah").run()
    at.button(key="withdraw_snapshot").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert store.latest_snapshot_id() == 1, "the pages show the upload before it"
    assert len(store.list_snapshots()) == 2, "nothing is deleted"
    events = service.audit_events(store, actor=ADMIN)
    withdrawn = events[events["action"] == "snapshot.withdrawn"]
    assert withdrawn["actor"].tolist() == ["admin@example.go.id"] and withdrawn["object"].tolist() == ["2"]
